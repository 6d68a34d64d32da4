"""One credential record ↔ one row of the spreadsheet (sheet_columns.py says which columns).

`cells_of` turns a record as written in YAML into the row an export shows; `record_of` turns a
row back into the record an editor would have written, or names each cell it cannot read.
Unchanged records make unchanged rows and back: `record_of(cells_of(r)) == r`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..reading.bilingual_said import said
from ..reading.problems import Said
from .catalogue import LANGUAGES
from .records import UNDATED
from .sheet_columns import Column
from .sheet_vocabularies import SheetVocabularies

PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
SEPARATORS = re.compile(r"[;,\s]+")
STACK_SEPARATOR = " | "


@dataclass
class RowReading:
    """What a row says: the record, and the problems of its cells (column key -> message)."""

    record: dict = field(default_factory=dict)
    problems: list[tuple[str, Said]] = field(default_factory=list)


def cell_text(value: object) -> str:
    """A cell as an editor sees it: a date cell as YYYY-MM-DD, a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _get(record: dict, dotted: str):
    value = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _put(record: dict, dotted: str, value) -> None:
    *groups, last = dotted.split(".")
    for part in groups:
        record = record.setdefault(part, {})
    record[last] = value


# -- out: a record's row ----------------------------------------------------------------------


def cells_of(record: dict, credential_id: str, columns, vocabularies: SheetVocabularies, lang: str, page: str = ""):
    """The row of a record, as the sheet in `lang` shows it (labels in that language)."""
    row = {}
    for column in columns:
        value = (
            credential_id if column.kind == "id" else page if column.kind == "export" else _get(record, column.field)
        )
        row[column.key] = "" if value is None else _cell_out(column, value, vocabularies, lang)
    return row


def _cell_out(column: Column, value, vocabularies: SheetVocabularies, lang: str):
    kind = column.kind
    if kind in ("text", "link") and column.lang:
        return value if isinstance(value, str) else value[column.lang]
    if kind == "lines":
        return "\n".join(item[column.lang] for item in value)
    if kind == "choice":
        return vocabularies.label(column.vocabulary, value, lang)
    if kind == "choices":
        n = int(column.key.rsplit(".", 1)[1])
        return vocabularies.label(column.vocabulary, value[n - 1], lang) if n <= len(value) else ""
    if kind == "intake":
        return vocabularies.continuous[lang] if value == "continuous" else "; ".join(value)
    if kind == "stacks":
        return "\n".join(_stack_out(item) for item in value)
    if kind == "ids":
        return "; ".join(value)
    return value if kind in ("number", "integer") else str(value)


def _stack_out(item: dict) -> str:
    if "credential" in item:
        return item["credential"]
    return STACK_SEPARATOR.join((item["url"], item["title"]["fr"], item["title"]["en"]))


# -- in: a row's record -----------------------------------------------------------------------


def record_of(cells: dict[str, object], columns, vocabularies: SheetVocabularies) -> RowReading:
    """The record a row says, fields in the order of the columns; empty cells leave fields out."""
    reading = RowReading()
    by_field: dict[str, list[Column]] = {}
    for column in columns:
        if column.kind not in ("id", "export"):
            by_field.setdefault(column.field, []).append(column)
    for name, field_columns in by_field.items():
        texts = {column.key: cell_text(cells.get(column.key)) for column in field_columns}
        value = _field_in(field_columns, texts, vocabularies, reading)
        if value is not None:
            _put(reading.record, name, value)
    return reading


def _field_in(columns: list[Column], texts: dict[str, str], vocabularies, reading: RowReading):
    first = columns[0]
    if not any(text.strip() for text in texts.values()):
        return None
    if first.kind in ("text", "link", "lines"):
        return _bilingual_in(columns, texts, reading)
    if first.kind == "choices":
        keys = [_choice_in(c, texts[c.key], vocabularies, reading) for c in columns if texts[c.key].strip()]
        return [key for key in keys if key is not None]
    text = texts[first.key]
    if first.kind == "choice":
        return _choice_in(first, text, vocabularies, reading)
    reader = _READERS.get(first.kind)
    if reader is None:  # plain text: kept as written
        return text
    value, problem = reader(text.strip(), vocabularies)
    if problem:
        reading.problems.append((first.key, problem))
    return value


def _bilingual_in(columns: list[Column], texts: dict[str, str], reading: RowReading):
    kind = columns[0].kind
    halves = {column.lang: texts[column.key] for column in columns}
    if kind == "link" and _is_address(halves["fr"]) and halves["en"].strip() in ("", halves["fr"].strip()):
        return halves["fr"].strip()
    if kind == "link" and _is_address(halves["en"]) and not halves["fr"].strip():
        return halves["en"].strip()
    for column in columns:
        if not halves[column.lang].strip():
            reading.problems.append((column.key, _half_missing(column)))
            return None
    if kind != "lines":
        return dict(halves)
    return _lines_in(columns, halves, reading)


def _half_missing(column: Column) -> Said:
    other, autre = ("French", "français") if column.lang == "en" else ("English", "anglais")
    if column.kind == "link":
        return said(
            en=f"empty, while the {other} column holds a text that is not a web address: write the address "
            "(https://…) alone, or the document's name in both languages",
            fr=f"vide alors que la colonne en {autre} contient un texte qui n'est pas une adresse web : écrivez "
            "l'adresse (https://…) seule, ou le nom du document dans les deux langues",
        )
    return said(
        en=f"empty, while the {other} column is filled in: write it in both languages",
        fr=f"vide alors que la colonne en {autre} est remplie : écrivez-le dans les deux langues",
    )


def _lines_in(columns: list[Column], halves: dict[str, str], reading: RowReading):
    lines = {lang: [line for line in halves[lang].splitlines() if line.strip()] for lang in LANGUAGES}
    if len(lines["fr"]) != len(lines["en"]):
        count = f"{len(lines['fr'])} / {len(lines['en'])}"
        reading.problems.append(
            (
                columns[1].key,
                said(
                    en=f"the French and English columns have {count} lines: "
                    "write one line per item in both, in the same order",
                    fr=f"les colonnes en français et en anglais ont {count} lignes : "
                    "écrivez une ligne par élément dans les deux, dans le même ordre",
                ),
            )
        )
        return None
    return [{"fr": fr, "en": en} for fr, en in zip(lines["fr"], lines["en"], strict=True)]


def _choice_in(column: Column, text: str, vocabularies: SheetVocabularies, reading: RowReading):
    key = vocabularies.key_of(column.vocabulary, text)
    if key is None:
        some = ", ".join(list(vocabularies.labels[column.vocabulary])[:4])
        reading.problems.append(
            (
                column.key,
                said(
                    en=f"{text.strip()!r} is not in the list: "
                    f"choose a value from the drop-down list (keys such as {some})",
                    fr=f"« {text.strip()} » n'est pas dans la liste : "
                    f"choisissez une valeur de la liste déroulante (clés comme {some})",
                ),
            )
        )
    return key


def _is_address(text: str) -> bool:
    return text.strip().startswith(("https://", "http://")) and not any(c.isspace() for c in text.strip())


def _number_in(text: str, _vocabularies):
    written = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".").removesuffix("$")
    try:
        number = float(written)
    except ValueError:
        return text, said(
            en=f"{text!r} is not a number: write digits only, such as 450 (0 means free)",
            fr=f"« {text} » n'est pas un nombre : écrivez seulement des chiffres, comme 450 (0 veut dire gratuit)",
        )
    return (int(number) if number.is_integer() else number), None


def _integer_in(text: str, _vocabularies):
    if re.fullmatch(r"\d{1,6}(\.0+)?", text):
        return int(float(text)), None
    return text, said(
        en=f"{text!r} is not a whole number: write digits only, such as 40",
        fr=f"« {text} » n'est pas un nombre entier : écrivez seulement des chiffres, comme 40",
    )


def _date_in(text: str, _vocabularies):
    written = text[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]00:00(:00)?", text) else text
    if written.casefold() == UNDATED:  # a source that bears no date (only source_date may say so: the checks tell)
        return UNDATED, None
    if PARTIAL_DATE.fullmatch(written):
        return (int(written) if len(written) == 4 else written), None
    return text, said(
        en=f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, such as 2026-11-20",
        fr=f"« {text} » n'est pas une date : écrivez AAAA-MM-JJ, AAAA-MM ou AAAA, comme 2026-11-20",
    )


def _intake_in(text: str, vocabularies: SheetVocabularies):
    if text.casefold() in {"continuous", vocabularies.continuous.fr.casefold(), vocabularies.continuous.en.casefold()}:
        return "continuous", None
    return [part for part in SEPARATORS.split(text) if part], None


def _stacks_in(text: str, _vocabularies):
    items = []
    for line in (line.strip() for line in text.splitlines() if line.strip()):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 1:
            items.append({"credential": parts[0]})
        elif len(parts) == 3:
            items.append({"title": {"fr": parts[1], "en": parts[2]}, "url": parts[0]})
        else:
            return text, said(
                en=f"{line!r}: write one per line, an id, or: address | French title | English title",
                fr=f"« {line} » : écrivez un par ligne, un identifiant, ou : adresse | titre français | titre anglais",
            )
    return items, None


def _ids_in(text: str, _vocabularies):
    return [part for part in SEPARATORS.split(text) if part], None


_READERS = {
    "number": _number_in,
    "integer": _integer_in,
    "date": _date_in,
    "intake": _intake_in,
    "stacks": _stacks_in,
    "ids": _ids_in,
}
