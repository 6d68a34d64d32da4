"""Hostile sheets: each refused or handled with a clear message, within bounded time and memory,
and nothing written (formulas, macros, links to other workbooks, 100,000 rows, merged cells,
hidden sheets, a zip bomb named .xlsx, cells over the field limits)."""

from __future__ import annotations

import time
import tracemalloc
import zipfile

import openpyxl
import pytest
from sheets import project, run, snapshot, valid_row, write_sheet

SECONDS = 60  # generous on a loaded machine: the refusals take a second or two
MEGABYTES = 150


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return project(tmp_path_factory.mktemp("hostile"))


def refused(root, sheet, capsys) -> str:
    """Import the sheet; assert it fails fast, in bounded memory, writing nothing; return the report."""
    before = snapshot(root)
    tracemalloc.start()
    started = time.monotonic()
    try:
        assert run(root, "import", str(sheet)) == 1
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert time.monotonic() - started < SECONDS
    assert peak < MEGABYTES * 1024 * 1024, peak
    assert snapshot(root) == before
    report = capsys.readouterr().err
    assert "Nothing was written" in report or "nothing was written" in report
    return report


def one_row_workbook(root, path):
    return write_sheet(path, [valid_row(root, 1)])


def test_a_formula_cell_is_named_and_refused(root, tmp_path, capsys):
    sheet = one_row_workbook(root, tmp_path / "f.xlsx")
    workbook = openpyxl.load_workbook(sheet)
    keys = [cell.value for cell in workbook.active[2]]
    workbook.active.cell(row=3, column=keys.index("hours") + 1, value="=20*2")
    workbook.save(sheet)
    report = refused(root, sheet, capsys)
    assert (
        'row 3, column "hours" (hours): a formula (=20*2): the catalogue reads values only; type the value itself'
        in report
    )


@pytest.mark.parametrize("name", ["macros.xlsm", "old.xls"])
def test_a_workbook_that_may_hold_macros_is_not_opened(root, tmp_path, capsys, name):
    sheet = tmp_path / name
    sheet.write_bytes(b"PK\x03\x04 not opened at all")
    assert "save it as « Excel workbook (.xlsx) »" in refused(root, sheet, capsys)


def _with_part(source, target, part: str, content: bytes = b"x"):
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            copy.writestr(item, original.read(item))
        copy.writestr(part, content)
    return target


def test_macros_hidden_in_an_xlsx_are_refused(root, tmp_path, capsys):
    sheet = _with_part(one_row_workbook(root, tmp_path / "a.xlsx"), tmp_path / "m.xlsx", "xl/vbaProject.bin")
    assert "holds macros (program code), which the catalogue never runs" in refused(root, sheet, capsys)


def test_links_to_other_workbooks_are_refused(root, tmp_path, capsys):
    part = "xl/externalLinks/externalLink1.xml"
    sheet = _with_part(one_row_workbook(root, tmp_path / "a.xlsx"), tmp_path / "l.xlsx", part)
    assert "links to other workbooks: copy the values themselves" in refused(root, sheet, capsys)


def test_merged_cells_are_refused(root, tmp_path, capsys):
    sheet = one_row_workbook(root, tmp_path / "m.xlsx")
    workbook = openpyxl.load_workbook(sheet)
    workbook.active.merge_cells("B3:C3")
    workbook.save(sheet)
    assert "has merged cells: unmerge them" in refused(root, sheet, capsys)


def test_hidden_sheets_are_refused(root, tmp_path, capsys):
    sheet = one_row_workbook(root, tmp_path / "h.xlsx")
    workbook = openpyxl.load_workbook(sheet)
    workbook.create_sheet("secret").sheet_state = "veryHidden"
    workbook.save(sheet)
    assert "has hidden sheets (secret)" in refused(root, sheet, capsys)


def test_a_zip_bomb_named_xlsx_is_refused_before_it_is_unpacked(root, tmp_path, capsys):
    sheet = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(sheet, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    assert sheet.stat().st_size < 1_000_000
    assert "would unpack to 314 MB in 1 parts" in refused(root, sheet, capsys)


def test_a_file_that_is_not_a_workbook_is_refused(root, tmp_path, capsys):
    sheet = tmp_path / "fake.xlsx"
    sheet.write_text("id,title.fr\n", encoding="utf-8")
    assert "is not an Excel workbook (.xlsx), though its name says so" in refused(root, sheet, capsys)


def test_100000_rows_are_refused(root, tmp_path, capsys):
    sheet = tmp_path / "many.csv"
    keys = ",".join(valid_row(root, 1))
    sheet.write_text("\n".join([keys, keys] + [f"bulk-{n},x" for n in range(100_000)]) + "\n", encoding="utf-8")
    assert "has more than 20,000 rows" in refused(root, sheet, capsys)


def test_100000_rows_of_xlsx_are_refused(root, tmp_path, capsys):
    workbook = openpyxl.Workbook(write_only=True)
    rows = workbook.create_sheet()
    keys = list(valid_row(root, 1))
    rows.append(keys)
    rows.append(keys)
    for n in range(100_000):
        rows.append([f"bulk-{n}", "x"])
    workbook.save(tmp_path / "many.xlsx")
    assert "has more than 20,000 rows" in refused(root, tmp_path / "many.xlsx", capsys)


def test_cells_over_the_limits_are_named(root, tmp_path, capsys):
    too_long = valid_row(root, 1) | {"description.fr": "d" * 12_000, "description.en": "d"}
    over_limit = valid_row(root, 2) | {"title.en": "t" * 151}
    report = refused(root, write_sheet(tmp_path / "long.csv", [too_long, over_limit]), capsys)
    assert 'row 3, column "description.fr" (description.fr): 12,000 characters, more than any field holds' in report
    assert 'row 4, column "title.en" (title.en):' in report and "at most 150 characters" in report


def test_hostile_text_is_checked_like_any_record(root, tmp_path, capsys):
    row = valid_row(root, 1) | {"title.fr": "<script>alert(1)</script>", "summary.en": "bidi \u202e text"}
    report = refused(root, write_sheet(tmp_path / "hostile.csv", [row]), capsys)
    assert 'row 3, column "title.fr" (title.fr):' in report and 'row 3, column "summary.en" (summary.en):' in report
