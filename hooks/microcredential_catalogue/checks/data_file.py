"""One data file being checked: its document, its name in messages, and what is wrong with it.

Every rule that looks at a file reports through it, so no check has to carry the document and
the file's name from call to call.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model import records
from ..model.catalogue import LANGUAGES, PartialDate
from ..model.ids import reserved_problem
from ..reading import markdown_text
from ..reading.data_folder import DataFolder
from ..reading.problems import Problem, Said, field_path, shown
from ..reading.schema import Schema
from ..reading.text_policy import MULTI_LINE_FIELDS as MARKDOWN_FIELDS
from ..reading.text_policy import refused_at, text_problem
from ..reading.yaml_file import UnreadableFile, YamlDocument, read_text, read_yaml
from .ranges import early_year_problem


@dataclass
class DataFile:
    name: str  # project-relative, as messages show it
    doc: YamlDocument
    problems: list[Problem] = field(default_factory=list)
    unchecked: bool = False  # its schema could not be read (DataFolder names it): nothing is built from it

    @classmethod
    def read(cls, folder: DataFolder, path: Path, schema_name: str) -> DataFile:
        """The file read, with the problems of its reading, its text and its schema."""
        name = folder.relative(path)
        try:
            text = read_text(path)
        except UnreadableFile as unreadable:
            return cls(name, YamlDocument(data=None), [Problem(name, unreadable.line, "", unreadable.message)])
        schema = folder.schema(schema_name)
        doc, problems = _read_and_checked(name, text, schema)
        return cls(name, doc, list(problems), unchecked=schema is None)

    @property
    def data(self):
        return self.doc.data

    @property
    def mapping(self) -> dict:
        """The content when it is a mapping, else an empty one: checks then find nothing to read."""
        return self.doc.data if isinstance(self.doc.data, dict) else {}

    @property
    def valid(self) -> bool:
        return self.doc.data is not None and not self.problems and not self.unchecked

    def problem(self, path: tuple, message: str | Said) -> None:
        self.problems.append(Problem(self.name, self.doc.line_of(path), field_path(path), message))

    def check_reserved(self, path: tuple, key: str) -> None:
        refusal = reserved_problem(key)
        if refusal:
            self.problem(path, refusal)

    def check_real_date(self, path: tuple, written) -> PartialDate | None:
        try:
            return records.partial_date(written)
        except ValueError:
            self.problem(
                path,
                Said(
                    en=f"is not a real date (got {shown(written)}): write it YYYY-MM-DD",
                    fr=f"n'est pas une date réelle (trouvé {shown(written)}) : écrivez-la AAAA-MM-JJ",
                ),
            )
            return None

    def check_past_date(self, path: tuple, written, today: date) -> None:
        partial = self.check_real_date(path, written)
        if partial and partial.earliest() > today:
            self.problem(
                path,
                Said(
                    en=f"is in the future (got {shown(written)}): write a date no later than today",
                    fr=f"est dans l'avenir (trouvé {shown(written)}) : écrivez une date qui ne dépasse pas aujourd'hui",
                ),
            )
        elif partial and early_year_problem(partial.year, str(written)):
            self.problem(path, early_year_problem(partial.year, str(written)))


# The same file, text and schema give the same document and problems: kept for the files read last,
# since `mkdocs serve`, `catalogue import` and the tests read every file again and again, and
# reading and checking were most of that work. Nothing changes a document once it is read.
_KEPT = 4096
_read_before: OrderedDict[tuple, tuple[YamlDocument, tuple[Problem, ...]]] = OrderedDict()


def _read_and_checked(name: str, text: str, schema: Schema | None) -> tuple[YamlDocument, tuple[Problem, ...]]:
    key = (name, hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), schema and schema.text)
    if key in _read_before:
        _read_before.move_to_end(key)
        return _read_before[key]
    doc = read_yaml(text)
    _check_strings(doc, (), doc.data)
    problems = [Problem(name, line, field_path(p), m) for line, p, m in doc.errors]
    if doc.data is not None and schema is not None:
        problems.extend(schema.problems(doc, name))
    _read_before[key] = checked = doc, tuple(problems)
    if len(_read_before) > _KEPT:
        _read_before.popitem(last=False)
    return checked


def _check_strings(doc: YamlDocument, path: tuple, value) -> None:
    """The text policy on every string of a document, keys included, before the schema runs:
    a refused value is not reported a second time by the schema."""
    if isinstance(value, dict):
        for key, inner in value.items():
            problem = text_problem(key, None) if isinstance(key, str) else None
            if problem:
                said = problem if isinstance(problem, Said) else Said(en=problem, fr=problem)  # str: not yet translated
                this_key = Said(en=f"this key {said.en}", fr=f"cette clé {said.fr}")
                doc.refuse(doc.line_of(path + (key,)), path + (key,), this_key)
            _check_strings(doc, path + (key,), inner)
    elif isinstance(value, list):
        for position, inner in enumerate(value):
            _check_strings(doc, path + (position,), inner)
    elif isinstance(value, str) and path not in doc.refused:
        name = _field_name(path)
        problem = text_problem(value, name)
        if problem:
            doc.refuse(doc.line_in_text(path, value.count("\n", 0, refused_at(value))), path, problem)
        elif name in MARKDOWN_FIELDS:
            for refusal in markdown_text.refusals(value):
                doc.refuse(doc.line_in_text(path, refusal.line), path, refusal.message)


def _field_name(path: tuple) -> str | None:
    """The field a value belongs to: ('description', 'fr') -> 'description'."""
    names = [part for part in path if isinstance(part, str) and part not in LANGUAGES]
    return names[-1] if names else None
