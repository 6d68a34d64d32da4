"""The catalogue as the spreadsheet table (model/sheet_columns.py), in one language: the
published catalogue-fr.csv and catalogue-en.csv, and `catalogue export`.

Rows come from the records as their files write them (not from the model, which fills in
defaults), so that importing an export writes nothing: each row reads back as its file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from .. import addresses
from ..model.catalogue import Catalogue
from ..model.sheet_columns import Column, SheetWords, sheet_columns
from ..model.sheet_rows import cells_of
from ..model.sheet_vocabularies import SheetVocabularies

# A spreadsheet runs a cell that starts with one of these as a formula; data is untrusted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SheetTable:
    lang: str
    columns: tuple[Column, ...]
    rows: list[dict]
    vocabularies: SheetVocabularies
    words: SheetWords


def catalogue_table(catalogue: Catalogue, lang: str, site_url: str = "") -> SheetTable:
    words = SheetWords.read(catalogue.project_root)
    columns = sheet_columns(catalogue, words)
    vocabularies = SheetVocabularies.of(catalogue, words)
    rows = []
    for credential in sorted(catalogue.credentials, key=lambda c: c.id):
        record = credential.as_written
        page = addresses.absolute(addresses.credential_page(credential.id), lang, site_url) if site_url else ""
        rows.append(cells_of(record, credential.id, columns, vocabularies, lang, page))
    return SheetTable(lang, columns, rows, vocabularies, words)


def safe_cell(value) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def table_csv(table: SheetTable) -> str:
    """Headers in the table's language, then the column keys the import reads, then the rows.
    The byte order mark tells Excel the file is UTF-8 (without it, accents break)."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow([column.header[table.lang] for column in table.columns])
    writer.writerow([column.key for column in table.columns])
    for row in table.rows:
        writer.writerow([safe_cell(row.get(column.key)) for column in table.columns])
    return "\ufeff" + output.getvalue()
