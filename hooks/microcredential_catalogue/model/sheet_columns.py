"""The columns of the credentials spreadsheet: one per field of a record, one per language of a
bilingual text, one per value a list of vocabulary keys may hold (each gets its own drop-down).

The same table is the template, the import, `catalogue export` and the published CSV, so what
goes out comes back in unchanged. Row 1 holds the headers in the sheet's language, row 2 the
column keys (`title.fr`, `sectors.2`), which the import reads: a sheet in either language imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogue import LANGUAGES, Bilingual, Catalogue

WORDS = Path("overrides") / "locales" / "sheet.yml"
LANGUAGE_NAMES = {"fr": "français", "en": "anglais"}  # a French header's suffix: « Titre (anglais) »
ENGLISH_NAMES = {"fr": "French", "en": "English"}

# (field, kind, vocabulary): the record's fields in the order an editor fills them in.
# kind: id, text (bilingual), lines (a list of bilingual texts, one per line), plain, choice (one
# key), choices (a list of keys, one column each), number, integer, date, link (an address, or a
# text in both languages), intake, stacks, ids, export (written out, never read back).
FIELDS = (
    ("id", "id", None),
    ("title", "text", None),
    ("official_title.language", "choice", "languages"),
    ("official_title.text", "plain", None),
    ("provider", "choice", "providers"),
    ("summary", "text", None),
    ("description", "text", None),
    ("url", "link", None),
    ("sectors", "choices", "sectors"),
    ("pathways", "choices", "pathways"),
    ("delivery", "choice", "delivery"),
    ("languages", "choices", "languages"),
    ("source", "link", None),
    ("source_date", "date", None),
    ("verified", "date", None),
    ("checked_against", "choice", "checked_against"),
    ("added", "date", None),
    ("status", "choice", "status"),
    ("cost.amount", "number", None),
    ("cost.note", "text", None),
    ("funding", "choices", "funding"),
    ("hours", "integer", None),
    ("regions", "choices", "regions"),
    ("intake", "intake", None),
    ("prerequisites", "text", None),
    ("assessment", "text", None),
    ("outcomes", "lines", None),
    ("award.type", "choice", "award_types"),
    ("award.expires_after_months", "integer", None),
    ("award.standard", "text", None),
    ("stacks_into", "stacks", None),
    ("audiences", "choices", "audiences"),
    ("keywords", "lines", None),
    ("aliases", "ids", None),
    ("page", "export", None),
)
MAX_CHOICES = {"sectors": 3, "pathways": 5, "languages": 2}  # the schema's maxItems


@dataclass(frozen=True)
class Column:
    key: str  # row 2 of the sheet: "title.fr", "sectors.2", "hours"
    field: str  # the record's field: "title", "sectors", "cost.amount"
    kind: str
    header: Bilingual  # row 1, in the sheet's language
    vocabulary: str | None = None
    lang: str | None = None  # the language of one half of a bilingual text


class MissingSheetWords(Exception):
    pass


@dataclass(frozen=True)
class SheetWords:
    """overrides/locales/sheet.yml: headers, sheet names, and labels of the sheet's own lists."""

    raw: dict

    @classmethod
    def read(cls, project_root: Path) -> SheetWords:
        words = yaml.safe_load((Path(project_root) / WORDS).read_text(encoding="utf-8"))
        missing = [name for name, _, _ in FIELDS if name not in words["headers"]]
        if missing:
            raise MissingSheetWords(f"{WORDS.as_posix()}: add a header {{fr, en}} for {', '.join(missing)}")
        return cls(words)

    def sheet(self, name: str, lang: str) -> str:
        return self.raw["sheets"][name][lang]

    def header(self, name: str) -> Bilingual:
        return Bilingual.of(self.raw["headers"][name])


def sheet_columns(catalogue: Catalogue, words: SheetWords) -> tuple[Column, ...]:
    columns: list[Column] = []
    for name, kind, vocabulary in FIELDS:
        columns.extend(_columns_of(name, kind, vocabulary, catalogue, words.header(name)))
    return tuple(columns)


def _columns_of(name: str, kind: str, vocabulary: str | None, catalogue: Catalogue, header: Bilingual) -> list[Column]:
    if kind in ("text", "lines", "link"):
        return [
            Column(f"{name}.{lang}", name, kind, _in_language(header, lang), vocabulary, lang) for lang in LANGUAGES
        ]
    if kind == "choices":
        count = MAX_CHOICES.get(name) or len(catalogue.taxonomies.terms(vocabulary))
        return [
            Column(f"{name}.{n}", name, kind, Bilingual(f"{header.fr} {n}", f"{header.en} {n}"), vocabulary)
            for n in range(1, count + 1)
        ]
    return [Column(name, name, kind, header, vocabulary)]


def _in_language(header: Bilingual, lang: str) -> Bilingual:
    return Bilingual(fr=f"{header.fr} ({LANGUAGE_NAMES[lang]})", en=f"{header.en} ({ENGLISH_NAMES[lang]})")
