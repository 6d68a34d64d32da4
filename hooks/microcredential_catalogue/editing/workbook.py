"""The spreadsheet as an .xlsx workbook (openpyxl): the credentials sheet with a drop-down list on
every vocabulary column, a sheet of those lists, and a notes sheet that explains each column
from the field documentation the site's fields page uses (model/field_docs.py).

A text that starts like a formula (=, +, -, @) is stored as text, never as a formula.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..model.field_docs import field_docs
from ..sharing.sheet_table import SheetTable

FORMULA_STARTS = ("=", "+", "-", "@")
VALIDATED_ROWS = 20_000  # as many rows as one import takes


def table_workbook(table: SheetTable, project_root: Path) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.words.sheet("credentials", table.lang)
    _write_table(sheet, table)
    lists = workbook.create_sheet(table.words.sheet("lists", table.lang))
    _add_drop_downs(sheet, lists, table)
    _write_notes(workbook.create_sheet(table.words.sheet("notes", table.lang)), table, project_root)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _put(sheet, row: int, column: int, value) -> None:
    cell = sheet.cell(row=row, column=column, value=None if value == "" else value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl would take "=…" for a formula; data is untrusted
    if isinstance(value, str) and "\n" in value:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _write_table(sheet, table: SheetTable) -> None:
    for index, column in enumerate(table.columns, start=1):
        _put(sheet, 1, index, column.header[table.lang])
        _put(sheet, 2, index, column.key)
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.cell(row=2, column=index).font = Font(italic=True, color="666666")
        width = 60 if column.kind in ("text", "lines") else 24
        sheet.column_dimensions[get_column_letter(index)].width = width
        if column.kind in ("date", "id"):  # text, so that a spreadsheet keeps 2022-02 as written
            for row in range(3, len(table.rows) + 3):
                sheet.cell(row=row, column=index).number_format = "@"
    for row_number, row in enumerate(table.rows, start=3):
        for index, column in enumerate(table.columns, start=1):
            _put(sheet, row_number, index, row.get(column.key, ""))
    sheet.freeze_panes = "B3"


def _add_drop_downs(sheet, lists, table: SheetTable) -> None:
    """One list per vocabulary on the lists sheet; each of its columns validates against it."""
    places: dict[str, str] = {}
    for index, column in enumerate(table.columns, start=1):
        if column.vocabulary is None:
            continue
        if column.vocabulary not in places:
            places[column.vocabulary] = _write_list(lists, len(places) + 1, column.vocabulary, table)
        letter = get_column_letter(index)
        validation = DataValidation(type="list", formula1=places[column.vocabulary], allow_blank=True)
        validation.error = "Choose a value from the list / Choisissez une valeur de la liste"
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
        validation.add(f"{letter}3:{letter}{VALIDATED_ROWS + 2}")


def _write_list(lists, position: int, vocabulary: str, table: SheetTable) -> str:
    letter = get_column_letter(position)
    choices = table.vocabularies.choices(vocabulary, table.lang)
    _put(lists, 1, position, vocabulary)
    lists.cell(row=1, column=position).font = Font(bold=True)
    for row, label in enumerate(choices, start=2):
        _put(lists, row, position, label)
    lists.column_dimensions[letter].width = 40
    return f"'{lists.title}'!${letter}$2:${letter}${len(choices) + 1}"


def _write_notes(notes, table: SheetTable, project_root: Path) -> None:
    lang, words = table.lang, table.words.raw
    docs = {doc.path: doc for doc in field_docs(project_root)}
    heads = ("column", "key", "required", "meaning", "rule", "example")
    for index, name in enumerate(heads, start=1):
        _put(notes, 1, index, words["note_headers"][name][lang])
        notes.cell(row=1, column=index).font = Font(bold=True)
    for row, column in enumerate(table.columns, start=2):
        doc = docs.get(column.field)
        meaning = doc.meaning[lang] if doc else words["notes"][column.field][lang]
        required = words["note_headers"]["required_mark"][lang] if (doc and doc.required and not doc.in_group) else ""
        rule = doc.rule[lang] if doc else ""
        example = (doc.example or "") if doc else ""
        for index, value in enumerate((column.header[lang], column.key, required, meaning, rule, example), start=1):
            _put(notes, row, index, value)
    for letter, width in zip("ABCDEF", (30, 24, 12, 70, 60, 40), strict=True):
        notes.column_dimensions[letter].width = width
