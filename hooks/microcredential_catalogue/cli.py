"""The `catalogue` command: `check` validates all data without building, `new` starts a record,
`build` builds the site.

Run as `catalogue check` or `catalogue new <id>` anywhere inside the project folder. `check`
prints the very report the build prints (the same `DataInvalid.report()`), so an editor meets
one wording of every problem, wherever it is found.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .building.child import Terminated, run_child
from .building.publish import build_into_place
from .checks.published_ids import PreviousIdsUnreadable, previous_ids, vanished_ids
from .checks.validate import load_catalogue
from .editing import commands as sheet_commands
from .editing.record_files import EditRefused, new_provider, rename
from .model.free_year import free_without_year
from .model.ids import id_problem
from .model.stale import StaleRecord, stale_records
from .reading.data_folder import DataFolder
from .reading.problems import DataInvalid, Problem, Said, shown
from .reading.yaml_file import UnreadableFile, read_text, read_yaml
from .search.index import filter_option_keys
from .search.synonyms import load_synonyms
from .wording.editor_language import EDITOR_LANGUAGES, editor_language
from .wording.github_report import annotation, summary

TEMPLATE = Path(__file__).with_name("record_template.yml")


def main(argv: list[str] | None = None, project_root: Path | None = None) -> int:
    """The command's status; whatever happens, one line says so, never a traceback."""
    try:
        return _main(argv, project_root)
    except (KeyboardInterrupt, Terminated):
        print("\ncatalogue: stopped; nothing was changed", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"catalogue: {os_error(error)}", file=sys.stderr)
        return 1
    except Exception as error:  # a fault of the command itself: say so in one line, keep the details
        if os.environ.get("CATALOGUE_DEBUG"):
            raise
        print(
            f"catalogue: internal error ({type(error).__name__}: {shown(str(error), 200)}); "
            "run again with CATALOGUE_DEBUG=1 to see where, and report it",
            file=sys.stderr,
        )
        return 70


def os_error(error: OSError) -> str:
    """A file-system fault in a reader's words: what, where, and what to do."""
    where = f" {error.filename}" if error.filename else ""
    reason = error.strerror or str(error)
    advice = {
        errno.EACCES: "check who may write there, or work in a copy of the project you may change",
        errno.EROFS: "the disk is read-only; work in a copy of the project on a disk you may change",
        errno.ENOSPC: "the disk is full; free some space and try again",
    }.get(error.errno, "check the file and try again")
    return f"cannot use{where}: {reason}: {advice}"


def _main(argv: list[str] | None, project_root: Path | None) -> int:
    args = _parser().parse_args(argv)
    root = Path(project_root) if project_root else find_project(Path.cwd())
    if root is None:
        print(
            "catalogue: this folder is not inside the catalogue project (no mkdocs.yml beside a data/ folder "
            "here or above): run the command from the project folder",
            file=sys.stderr,
        )
        return 2
    today = args.today or date.today()
    if args.command == "check":
        return check(root, today, args.lang or editor_language(os.environ), args.github, args.previous_ids)
    if args.command == "build":
        return build(root, Path(args.site_dir))
    if args.command in EDITS:
        return EDITS[args.command](root, args)
    if args.command in sheet_commands.COMMANDS:  # spreadsheets and the issue form (editing/commands.py)
        return sheet_commands.run(root, today, args)
    return new(root, today, args.id)


def find_project(start: Path) -> Path | None:
    """The nearest folder, from start upwards, that holds the project: an editor may be in data/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "data").is_dir():
            return folder
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catalogue", description="Check or start credential records.")
    parser.add_argument(
        "--today", type=date.fromisoformat, help="the date to check against (YYYY-MM-DD); default: today"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate every file under data/ and list records to re-check")
    check_parser.add_argument(
        "--lang", choices=EDITOR_LANGUAGES, help="the messages' language (default: from LANGUAGE, LC_ALL or LANG)"
    )
    check_parser.add_argument(
        "--github",
        action="store_true",
        help="also print each problem as a GitHub annotation and write a table to $GITHUB_STEP_SUMMARY",
    )
    check_parser.add_argument(
        "--previous-ids",
        metavar="SOURCE",
        help="refuse a published id that no record keeps: a previous build's catalogue.json, or git:<branch>",
    )
    rename_parser = commands.add_parser("rename", help="rename a record's file and keep its old id as an alias")
    rename_parser.add_argument("old_id")
    rename_parser.add_argument("new_id")
    provider_parser = commands.add_parser("new-provider", help="add an empty provider to data/providers.yml")
    provider_parser.add_argument("id")
    new_parser = commands.add_parser("new", help="write data/credentials/<id>.yml from the template")
    new_parser.add_argument("id", nargs="?", help="the new record's id; asked for when left out")
    build_parser = commands.add_parser("build", help="build the site strictly; replace the site folder only on success")
    build_parser.add_argument("--site-dir", default="site", help="where the site goes (default: site)")
    sheet_commands.add_commands(commands)
    return parser


# -- check ---------------------------------------------------------------------------------


def check(root: Path, today: date, lang: str = "en", github: bool = False, previous: str | None = None) -> int:
    problems, catalogue = [], None
    try:
        catalogue = load_catalogue(root, today)
        if previous:
            problems.extend(vanished_ids(catalogue, previous_ids(previous, root)))
    except PreviousIdsUnreadable as unreadable:
        print(f"catalogue check: {unreadable}", file=sys.stderr)
        return 2
    except DataInvalid as invalid:
        problems.extend(invalid.problems)
    try:  # data/synonyms.yml, checked as the build does; its filter words once the catalogue is valid
        load_synonyms(root, filter_option_keys(catalogue) if catalogue else None)
    except DataInvalid as invalid:
        problems.extend(invalid.problems)
    if problems or catalogue is None:
        print(DataInvalid(problems).report(lang), file=sys.stderr)
        if github:
            report_to_github(problems)
        return 1
    if github:
        report_to_github([], len(catalogue.credentials))
    stale = stale_records(catalogue, today)
    limit = catalogue.taxonomies.stale_after_months
    for record in stale:
        print(stale_warning(record, limit, lang))
        if github:  # a yellow mark on the line in the pull request; it stops nothing
            print(annotation(stale_problem(record, limit), level="warning"))
    for credential in free_without_year(catalogue):
        print(free_year_problem(credential).in_language(lang))
        if github:
            print(annotation(free_year_problem(credential), level="warning"))
    print(valid_summary(len(catalogue.credentials), len(catalogue.providers), len(stale), limit).in_language(lang))
    return 0


def report_to_github(problems: list[Problem], credentials: int | None = None) -> None:
    """Annotations on stdout (GitHub reads workflow commands there); the table into the job summary."""
    for problem in problems:
        print(annotation(problem))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as file:
            file.write(summary(problems, credentials))


def valid_summary(credentials: int, providers: int, stale: int, limit: int) -> Said:
    en = f"The data is valid: {credentials} credential{'s' if credentials != 1 else ''}, {providers} providers."
    fr = f"Les données sont valides : {credentials} microcertification{'s' if credentials > 1 else ''}, "
    fr += f"{providers} établissement{'s' if providers > 1 else ''}."
    if stale:
        en += f"\n{stale} of them {'was' if stale == 1 else 'were'} based on information more than {limit} months old: "
        en += "see the warnings above."
        fr += f"\n{stale} d'entre elles reposai{'t' if stale == 1 else 'ent'} sur de l'information de plus de "
        fr += f"{limit} mois : voyez les avertissements ci-dessus."
    return Said(en=en, fr=fr)


def stale_warning(record: StaleRecord, limit: int, lang: str = "en") -> str:
    """One line in the form of a problem, so an editor's tools jump to the `verified` line."""
    return stale_problem(record, limit).in_language(lang)


def stale_problem(record: StaleRecord, limit: int) -> Problem:
    credential, field, written = record.credential, record.field, record.date.iso()
    if field == "source_date":
        message = Said(
            en=f"warning: the source's information dates from {written} ({record.months} months ago), "
            f"and records are checked again after {limit} months: find the provider's current page, "
            "then update source, source_date and verified from it",
            fr=f"avertissement : l'information de la source date de {written} (il y a {record.months} mois), et "
            f"les fiches sont revérifiées après {limit} mois : trouvez la page actuelle de l'établissement, puis "
            "mettez à jour source, source_date et verified d'après elle",
        )
    else:
        message = Said(
            en=f"warning: last checked {written} ({record.months} months ago), and records are checked again "
            f"after {limit} months: check the facts at the source, then write the date of your check",
            fr=f"avertissement : dernière vérification en {written} (il y a {record.months} mois), et les fiches "
            f"sont revérifiées après {limit} mois : vérifiez les faits à la source, puis écrivez la date de votre "
            "vérification",
        )
    return Problem(credential.source_file, credential.line_of(field), field, message)


def free_year_problem(credential) -> Problem:
    """A free record without the year its source called it free: where to write it, and how."""
    message = Said(
        en="warning: the record says free (cost.amount: 0) but not in which year its source said so, and what "
        'was free then may not be now: write the year in the note, such as note: {fr: "en 2026", en: "in 2026"}',
        fr="avertissement : la fiche dit gratuit (cost.amount: 0) sans dire en quelle année sa source le disait, "
        "et ce qui était gratuit alors ne l'est peut-être plus : écrivez l'année dans la note, comme "
        'note: {fr: "en 2026", en: "in 2026"}',
    )
    return Problem(credential.source_file, credential.line_of("cost", "note"), "cost.note", message)


# -- rename, new-provider ------------------------------------------------------------------


def rename_command(root: Path, args: argparse.Namespace) -> int:
    folder = DataFolder(root)
    return _edit(
        lambda: rename(folder, args.old_id, args.new_id, lambda candidate: id_taken(candidate, folder)),
        lambda moved: Said(
            en=f"Renamed to {folder.relative(moved)}, with {args.old_id} in its aliases: old links still lead to it. "
            "Run `catalogue check`.",
            fr=f"Renommée en {folder.relative(moved)}, avec {args.old_id} dans ses aliases : les anciens liens y "
            "mènent encore. Lancez `catalogue check`.",
        ),
    )


def new_provider_command(root: Path, args: argparse.Namespace) -> int:
    return _edit(
        lambda: new_provider(DataFolder(root), args.id),
        lambda _: Said(
            en=f"Added {args.id} to data/providers.yml: fill in its name, type and url from its website, "
            "then run `catalogue check`.",
            fr=f"{args.id} ajouté à data/providers.yml : remplissez son nom (name), son type et son adresse (url) "
            "d'après son site, puis lancez `catalogue check`.",
        ),
    )


def _edit(change, done) -> int:
    """An editor's change to data/: what was done, or why it was refused, in the editor's language."""
    lang = editor_language(os.environ)
    try:
        result = change()
    except EditRefused as refused:
        print(refused.message.in_language(lang), file=sys.stderr)
        return 1
    print(done(result).in_language(lang))
    return 0


EDITS = {"rename": rename_command, "new-provider": new_provider_command}


# -- build ---------------------------------------------------------------------------------


def build(root: Path, site_dir: Path) -> int:
    """A strict MkDocs build into a temporary folder that becomes site_dir only if it succeeded.

    SITE_URL, if set, is the address the site is built for.
    """

    def mkdocs_build(folder: Path) -> int:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)]
        return run_child(command, cwd=root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))

    status = build_into_place(root / site_dir, mkdocs_build)
    if status != 0:
        print(f"catalogue build: the build failed; {site_dir}/ is as it was before", file=sys.stderr)
    return status


# -- new -----------------------------------------------------------------------------------


def new(root: Path, today: date, credential_id: str | None) -> int:
    if credential_id is None:
        try:
            credential_id = input("Id of the new credential (such as college-program-name): ").strip()
        except (EOFError, KeyboardInterrupt):
            print("\nNo id given: nothing was written.", file=sys.stderr)
            return 1
    folder = DataFolder(root)
    refusal = id_problem(credential_id) or id_taken(credential_id, folder)
    if refusal:
        print(refusal.in_language(editor_language(os.environ)), file=sys.stderr)
        return 1
    target = folder.credentials / f"{credential_id}.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:  # "x": never overwrite what appeared meanwhile
        file.write(record_text(today))
    print(
        f"Wrote {folder.relative(target)}: fill in every empty value from the provider's page, "
        "then run `catalogue check`."
    )
    return 0


def id_taken(candidate: str, folder: DataFolder) -> Said | None:
    """An id is taken by a file of that name, or as an earlier id (alias) of another record.

    Aliases are read file by file, so `new` still works while some other record is invalid.
    """
    own_file = folder.credentials / f"{candidate}.yml"
    if own_file.exists() or own_file.is_symlink():
        return Said(
            en=f"{candidate!r} is already the id of {folder.relative(own_file)}: choose another id",
            fr=f"{candidate!r} est déjà l'identifiant de {folder.relative(own_file)} : choisissez-en un autre",
        )
    for path in sorted(folder.credentials.glob("*.yml")):
        try:
            data = read_yaml(read_text(path)).data
        except UnreadableFile:
            continue  # `check` reports it; an unreadable file holds no alias to honour
        aliases = data.get("aliases") if isinstance(data, dict) else None
        if isinstance(aliases, list) and candidate in aliases:
            return Said(
                en=f"{candidate!r} is already an alias (an earlier address) of {folder.relative(path)}: "
                "choose another id",
                fr=f"{candidate!r} est déjà un alias (une ancienne adresse) de {folder.relative(path)} : "
                "choisissez-en un autre",
            )
    return None


def record_text(today: date) -> str:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE.parent), undefined=StrictUndefined, keep_trailing_newline=True
    )
    return environment.get_template(TEMPLATE.name).render(today=today.isoformat())
