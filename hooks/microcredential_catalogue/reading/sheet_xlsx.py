"""The first sheet of an .xlsx workbook, streamed by openpyxl, after sheet_file checked the zip.

Why openpyxl: it is the well-kept, pure-Python reader and writer of the format (the one pandas
uses), it streams big sheets (read_only), reads data validation (the template's drop-downs) and
parses through defusedxml when it is installed, as it is here.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from .bilingual_said import said
from .sheet_file import MAX_COLUMNS, MAX_ROWS, Formula, Grid, SheetRefused, too_big


def read_first_sheet(path: Path) -> Grid:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of features it drops; the checks say what matters
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
        except Exception as error:  # a damaged workbook can fail in many ways inside openpyxl
            raise SheetRefused(
                said(
                    en=f"{path.name} cannot be read as a workbook ({type(error).__name__}): save it again as .xlsx",
                    fr=f"{path.name} n'est pas lisible ({type(error).__name__}) : enregistrez-le à nouveau en .xlsx",
                )
            ) from None
    try:
        _refuse_hidden(workbook, path.name)
        sheet = workbook.worksheets[0]
        return Grid(sheet=sheet.title, rows=list(_rows(sheet, path.name)))
    finally:
        workbook.close()


def _refuse_hidden(workbook, name: str) -> None:
    hidden = [sheet.title for sheet in workbook.worksheets if sheet.sheet_state != "visible"]
    if hidden:
        listed = ", ".join(hidden)
        raise SheetRefused(
            said(
                en=f"{name} has hidden sheets ({listed}): what is hidden is not imported unseen. "
                "Show them (right-click a sheet tab, « Unhide ») or delete them, then import again",
                fr=f"{name} contient des feuilles masquées ({listed}) : rien de caché n'est importé. "
                "Affichez-les (clic droit sur un onglet, « Afficher ») ou supprimez-les, puis importez à nouveau",
            )
        )


def _rows(sheet, name: str):
    for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS + 1), start=1):
        if number > MAX_ROWS + 2 or (len(row) > MAX_COLUMNS and row[MAX_COLUMNS].value is not None):
            raise SheetRefused(too_big(name))
        yield number, [_value(cell) for cell in row[:MAX_COLUMNS]]


def _value(cell):
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(cell.value))
    return cell.value
