"""Export → import is a no-op on the shipped data (byte-identical YAML), in both languages and
both formats; the template reads back with working drop-downs and a notes sheet that explains
every column from the field documentation."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
from microcredential_catalogue.model.field_docs import field_docs
from sheets import project, run, snapshot


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return project(tmp_path_factory.mktemp("round-trip"))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_importing_an_export_of_the_shipped_data_changes_no_byte(root, tmp_path, capsys, lang, suffix):
    exported = tmp_path / f"export-{lang}{suffix}"
    args = ["export", "--lang", lang, "-o", str(exported)] + (["--csv"] if suffix == ".csv" else [])
    assert run(root, *args) == 0
    count = len(list((root / "data/credentials").glob("*.yml")))
    before = snapshot(root)
    assert run(root, "import", str(exported)) == 0, capsys.readouterr().err
    assert f"0 added, 0 updated, {count} unchanged" in capsys.readouterr().out
    assert snapshot(root) == before


def test_the_template_has_a_drop_down_on_every_vocabulary_column(root, tmp_path):
    target = tmp_path / "template.xlsx"
    assert run(root, "template", "--lang", "fr", "-o", str(target)) == 0
    workbook = openpyxl.load_workbook(target)
    sheet, lists, notes = workbook.worksheets
    assert (sheet.title, lists.title, notes.title) == ("Microcertifications", "Listes", "Notes")
    headers = [cell.value for cell in sheet[1]]
    keys = [cell.value for cell in sheet[2]]
    assert headers[keys.index("title.en")] == "Titre (anglais)" and keys[0] == "id"
    validated = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list" and validation.showErrorMessage
        list_column = validation.formula1.split("!")[1].split("$")[1]
        choices = [row[0].value for row in lists[f"{list_column}2" : f"{list_column}{lists.max_row}"] if row[0].value]
        for ranged in str(validation.sqref).split():
            validated[keys[openpyxl.utils.column_index_from_string(ranged.split(":")[0].rstrip("0123456789")) - 1]] = (
                choices
            )
    for vocabulary_key in ("provider", "delivery", "sectors.1", "sectors.3", "pathways.5", "regions.1", "funding.1"):
        assert vocabulary_key in validated, vocabulary_key
    assert "Santé" in validated["sectors.1"]  # labels in the sheet's language
    # issue 21's plain labels: hybrid is « En ligne et en personne »
    assert {"en ligne", "en ligne et en personne"} <= {label.casefold() for label in validated["delivery"]}
    assert "title.fr" not in validated and "hours" not in validated


def test_the_notes_sheet_explains_every_column_from_the_field_documentation(root, tmp_path):
    target = tmp_path / "template.xlsx"
    assert run(root, "template", "--lang", "en", "-o", str(target)) == 0
    workbook = openpyxl.load_workbook(target)
    keys = [cell.value for cell in workbook.worksheets[0][2]]
    notes = {row[1]: row for row in workbook.worksheets[2].iter_rows(min_row=2, values_only=True)}
    assert set(notes) == set(keys)  # one note per column
    for doc in field_docs(root):
        column = next((key for key in keys if re.fullmatch(re.escape(doc.path) + r"(\.(fr|en|\d+))?", key)), None)
        if column:  # a group (cost, award) is explained by its fields' columns
            assert notes[column][3] == doc.meaning.en and notes[column][4] == doc.rule.en, column


def test_the_csv_template_has_the_headers_and_the_column_keys(root, tmp_path):
    target = tmp_path / "template.csv"
    assert run(root, "template", "--csv", "--lang", "en", "-o", str(target)) == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == 2 and rows[1][0] == "id" and rows[0][rows[1].index("source_date")] == "Source date"


def test_a_text_that_starts_like_a_formula_is_exported_as_text(root, tmp_path, capsys):
    record = root / "data/credentials/formula-text.yml"
    record.write_text(
        (root / "data/credentials" / sorted(p.name for p in (root / "data/credentials").glob("*.yml"))[0])
        .read_text(encoding="utf-8")
        .replace("summary:\n  fr: ", 'summary:\n  fr: "=HYPERLINK(\\"http://evil.example\\")"\n  xx: ', 1),
        encoding="utf-8",
    )
    text = record.read_text(encoding="utf-8")
    record.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("  xx: ")) + "\n", encoding="utf-8"
    )
    try:
        assert run(root, "export", "-o", str(tmp_path / "e.xlsx")) == 0, capsys.readouterr().err
        sheet = openpyxl.load_workbook(tmp_path / "e.xlsx").worksheets[0]
        keys = [cell.value for cell in sheet[2]]
        cell = next(
            row[keys.index("summary.fr")] for row in sheet.iter_rows(min_row=3) if row[0].value == "formula-text"
        )
        assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK(")  # text, never a formula
        before = snapshot(root)
        assert run(root, "import", str(tmp_path / "e.xlsx")) == 0  # and it reads back as the same text
        assert snapshot(root) == before
    finally:
        record.unlink()


def test_a_source_that_bears_no_date_goes_out_and_back_as_undated(tmp_path, capsys):
    """`source_date: undated` is exported as the word, and the import reads it back: no change."""
    root = project(tmp_path)
    record = sorted((root / "data/credentials").glob("*.yml"))[0]
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"(?m)^source_date: .*$", "source_date: undated", text), encoding="utf-8")
    assert "source_date: undated" in record.read_text(encoding="utf-8")
    exported = tmp_path / "export.csv"
    assert run(root, "export", "--lang", "fr", "--csv", "-o", str(exported)) == 0
    before = snapshot(root)
    assert run(root, "import", str(exported)) == 0, capsys.readouterr().err
    assert snapshot(root) == before
