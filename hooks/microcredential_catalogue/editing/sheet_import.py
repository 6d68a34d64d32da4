"""`catalogue import FILE`: the rows of a sheet become YAML records, all or none.

Every row is read, then the records that would change are written into a copy of data/ and
checked there with the very checks of `catalogue check`; only when no row has a problem are the
files written, each to a temporary name first. A record the sheet does not name is never
touched; a row that says what its file already says leaves the file as it is, byte for byte.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..checks.validate import load_catalogue
from ..model.field_docs import field_docs
from ..model.sheet_columns import SheetWords, sheet_columns
from ..model.sheet_vocabularies import SheetVocabularies
from ..reading.bilingual_said import said
from ..reading.data_folder import DataFolder
from ..reading.problems import DataInvalid, Problem, Said
from ..reading.sheet_file import Grid, read_sheet
from ..reading.yaml_file import UnreadableFile, read_text, read_yaml
from .record_comments import UnreadableComments, file_comments, lost_comments
from .record_yaml import UnwritableRecord, record_yaml
from .sheet_rows_read import SheetProblem, SheetRecords, sheet_records


@dataclass
class ImportPlan:
    """What an import would do: the files to write, and every problem that stops it."""

    added: dict[str, str] = field(default_factory=dict)  # id -> the new file's text
    updated: dict[str, str] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    lost_comments: list[str] = field(default_factory=list)  # "file:line: # comment", each said to the editor
    problems: list[SheetProblem | Problem] = field(default_factory=list)
    encoding: str = ""


def plan_import(root: Path, sheet_path: Path, today: date) -> ImportPlan:
    """Raises SheetRefused (the file is not read) or DataInvalid (data/ is invalid already)."""
    return plan_grid(root, read_sheet(sheet_path), today)


def plan_grid(root: Path, grid: Grid, today: date) -> ImportPlan:
    """The plan for rows read from a sheet, or from an issue form (issue_record.py)."""
    catalogue = load_catalogue(root, today)
    words = SheetWords.read(root)
    columns = sheet_columns(catalogue, words)
    read = sheet_records(grid, columns, SheetVocabularies.of(catalogue, words))
    read.rules_fr = {doc.path: doc.rule.fr for doc in field_docs(root)}
    plan = ImportPlan(encoding=grid.encoding)
    _sort_changes(plan, read, DataFolder(root), grid.sheet)  # the rows read without a problem, checked too
    plan.problems = read.problems + plan.problems + _checked(root, plan, read, today, grid.sheet)
    return plan


def _sort_changes(plan: ImportPlan, read: SheetRecords, folder: DataFolder, sheet: str) -> None:
    order = list(json.loads((folder.schemas / "credential.schema.json").read_text(encoding="utf-8"))["properties"])
    for credential_id, (row, record) in read.records.items():
        try:
            _sort_one(plan, folder.credentials / f"{credential_id}.yml", credential_id, record, order)
        except (UnwritableRecord, UnreadableFile, UnreadableComments) as error:
            message = said(
                en=f"this row cannot become data/credentials/{credential_id}.yml ({error}): tell the team",
                fr=f"cette ligne ne peut pas devenir data/credentials/{credential_id}.yml ({error}) : "
                "prévenez l'équipe",
            )
            plan.problems.append(SheetProblem(sheet, row, "", "", message))


def _sort_one(plan: ImportPlan, path: Path, credential_id: str, record: dict, order: list[str]) -> None:
    if not path.exists() and not path.is_symlink():
        plan.added[credential_id] = record_yaml(record, order)
        return
    written = read_text(path)  # refuses a link or a file that is not a record's
    if read_yaml(written).data == record:
        plan.unchanged.append(credential_id)
    else:  # every comment stays; one that could not is named, never dropped in silence
        kept = file_comments(written)
        plan.updated[credential_id] = text = record_yaml(record, order, kept)
        name = f"data/credentials/{credential_id}.yml"
        plan.lost_comments += [f"{name}:{comment.line}: {comment.text}" for comment in lost_comments(kept, text)]


def _checked(root: Path, plan: ImportPlan, read: SheetRecords, today: date, sheet: str) -> list:
    """The problems `catalogue check` finds in a copy of data/ with the changes written in."""
    changes = plan.added | plan.updated
    if not changes:
        return []
    with tempfile.TemporaryDirectory(prefix="catalogue-import-") as scratch:
        copy = Path(scratch)
        shutil.copytree(Path(root) / "data", copy / "data", copy_function=_link_or_copy)
        for credential_id, text in changes.items():
            target = copy / "data" / "credentials" / f"{credential_id}.yml"
            target.unlink(missing_ok=True)  # a link to the real file: never write through it
            target.write_text(text, encoding="utf-8")
        try:
            load_catalogue(copy, today)
        except DataInvalid as invalid:
            return [_on_sheet(problem, read, sheet) for problem in invalid.problems]
    return []


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)  # 10,000 records: a link each is instant, a copy is not
    except OSError:
        shutil.copy2(source, target)


def _on_sheet(problem: Problem, read: SheetRecords, sheet: str) -> SheetProblem | Problem:
    """A check's problem in a record from the sheet, told by its row and column."""
    stem = Path(problem.file).stem
    if not problem.file.startswith("data/credentials/") or stem not in read.records:
        return problem
    row = read.records[stem][0]
    key = column_of(problem.field, read.headers)
    message = problem.message if isinstance(problem.message, Said) else _in_french_too(problem, read.rules_fr)
    return SheetProblem(sheet, row, key, read.headers.get(key, key), message)


def _in_french_too(problem: Problem, rules_fr: dict[str, str]) -> Said:
    """A check's English-only message, with the field's French rule (fields.yml) beside it in French."""
    english = str(problem.message)
    field = re.sub(r"\[\d+\]", "", problem.field)
    rule = rules_fr.get(field) or rules_fr.get(field.rsplit(".", 1)[0])
    found = re.search(r"\(got (.*)\)", english)
    if not rule:
        return Said(en=english, fr=english)
    return said(en=english, fr=f"attendu : {rule}" + (f" (trouvé : {found.group(1)})" if found else ""))


def column_of(field_path: str, headers: dict[str, str]) -> str:
    """The column of a field path: sectors[2] -> sectors.2, outcomes[2].fr -> outcomes.fr."""
    numbered = re.sub(r"\[(\d+)\]", r".\1", field_path)
    candidates = [numbered, re.sub(r"\.\d+", "", numbered), field_path.split("[")[0]]
    for candidate in candidates:
        if candidate in headers:
            return candidate
    prefix = candidates[-1].split(".")[0]
    return next((key for key in headers if key.split(".")[0] == prefix), "id")


def write_plan(root: Path, plan: ImportPlan) -> None:
    """Every file to a temporary name first, then each into place: a failure leaves no half file."""
    folder = DataFolder(root)
    staged = []
    for credential_id, text in (plan.added | plan.updated).items():
        temporary = folder.credentials / f".{credential_id}.yml.importing"
        temporary.write_text(text, encoding="utf-8")
        staged.append((temporary, folder.credentials / f"{credential_id}.yml"))
    for temporary, target in staged:
        os.replace(temporary, target)


def data_invalid_already() -> Said:
    return said(
        en="data/ has problems already (listed above): fix them first (`catalogue check`), then import",
        fr="data/ a déjà des problèmes (ci-dessus) : corrigez-les d'abord (`catalogue check`), puis importez",
    )


def lost_comments_report(plan: ImportPlan) -> list[str]:
    """Never a comment dropped without a word: each the new file lacks, by file and line, to copy back by hand."""
    if not plan.lost_comments:
        return []
    return [
        "Commentaire(s) que la nouvelle fiche ne peut pas garder\u00a0: recopiez-les à la main. "
        "Comment(s) the new record cannot keep: copy them back by hand.",
        *[f"! {lost}" for lost in plan.lost_comments],
    ]
