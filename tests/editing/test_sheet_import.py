"""`catalogue import`: a network's sheet of 200 credentials with 20 mistakes of different kinds;
every mistake named by row and column in both languages, nothing written; then, corrected, the
200 records written, valid, and built in both languages."""

from __future__ import annotations

import pytest
from sheets import project, run, snapshot, valid_row, write_sheet
from support import mkdocs_build, small_project

# (the row's number among the 200, the column, what the editor typed there)
MISTAKES = [
    (0, "hours", "forty"),
    (10, "cost.amount", "gratuit"),
    (20, "verified", "next week"),
    (30, "sectors.1", "Underwater basket weaving"),
    (40, "delivery", "by pigeon"),
    (50, "provider", "no-such-college"),
    (60, "title.en", ""),
    (70, "summary.fr", "x" * 401),
    (80, "source.en", ""),  # and "the leaflet" in source.fr: neither an address nor in both languages
    (90, "outcomes.en", "Read a plan"),
    (100, "id", "Bad Id!"),
    (110, "id", "network-course-001"),
    (120, "verified", "2099-01-01"),
    (130, "stacks_into", "no-such-credential"),
    (140, "languages.1", "klingon"),
    (150, "url.fr", "ftp://example.org/x"),
    (160, "intake", "someday"),
    (170, "hours", 5000),
    (180, "summary.en", '=HYPERLINK("http://evil.example")'),
    (190, "official_title.language", "de"),
]


def network_sheet(root, path, mistakes=MISTAKES):
    rows = [valid_row(root, n) for n in range(200)]
    for n, key, typed in mistakes:
        rows[n][key] = typed
    rows[80]["source.fr"] = "the leaflet"
    rows[150]["url.en"] = "ftp://example.org/x"

    path = write_sheet(path, rows)
    return path


@pytest.fixture
def root(tmp_path):
    return project(tmp_path)


def test_every_mistake_is_named_by_row_and_column_and_nothing_is_written(root, tmp_path, capsys):
    sheet = network_sheet(root, tmp_path / "network.xlsx")
    before = snapshot(root)
    assert run(root, "import", str(sheet)) == 1
    report = capsys.readouterr().err
    assert snapshot(root) == before  # all or nothing
    for n, key, _typed in MISTAKES:
        row = n + 3  # rows 1 and 2 hold the headers and the column keys
        assert f'row {row}, column "{key}" ({key}):' in report, (row, key, report)
        assert f"ligne {row}, colonne «\u00a0{key}\u00a0» ({key})\u00a0:" in report, (row, key)
    named_rows = {line.split("row ")[1].split(",")[0] for line in report.splitlines() if "row " in line}
    assert named_rows == {str(n + 3) for n, _, _ in MISTAKES}  # no valid row is blamed
    assert (
        'Sheet "Sheet", row 3, column "hours" (hours): \'forty\' is not a whole number: write digits only, such as 40'
        in report
    )
    assert (
        "Feuille «\u00a0Sheet\u00a0», ligne 3, colonne «\u00a0hours\u00a0» (hours)\u00a0: «\u00a0forty\u00a0» n'est pas un nombre entier\u00a0: écrivez seulement des chiffres, comme 40"
        in report
    )
    assert "problem(s): nothing was written." in report
    # A check's rule is said in French too, from the field documentation (fields.yml).
    assert (
        "ligne 73, colonne «\u00a0summary.fr\u00a0» (summary.fr)\u00a0: doit être le texte français (non vide), "
        "d'au plus 400 caractères" in report
    )


def test_the_corrected_sheet_writes_200_records_that_check_and_build_in_both_languages(tmp_path, capsys):
    root = small_project(tmp_path / "project")  # the 200 records are what this build is about
    sheet = write_sheet(tmp_path / "network.csv", [valid_row(root, n) for n in range(200)])
    before = snapshot(root)
    assert run(root, "import", "--dry-run", str(sheet)) == 0
    assert "200 added" in capsys.readouterr().out and snapshot(root) == before  # a dry run writes nothing
    assert run(root, "import", str(sheet)) == 0
    written = sorted((root / "data" / "credentials").glob("network-course-*.yml"))
    assert len(written) == 200
    assert written[0].read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert run(root, "check") == 0
    assert run(root, "import", str(sheet)) == 0  # again: every row already says what its file says
    assert "0 added, 0 updated, 200 unchanged" in capsys.readouterr().out
    # 200 records of one shape: like a real build, this one checks the first two pages of each
    # kind against the theme's own rendering (pages/shell.py); the fixture sites check them all.
    result = mkdocs_build(root, tmp_path / "site", compare_filled_pages=False)
    assert result.returncode == 0, result.stderr[-2000:]
    for page, title in (
        ("mc/network-course-007", "Cours du réseau 7"),
        ("en/mc/network-course-007", "Network course 7"),
    ):
        assert title in (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")


def test_a_row_updates_its_record_and_leaves_the_others_alone(root, tmp_path, capsys):
    run(root, "import", str(write_sheet(tmp_path / "a.csv", [valid_row(root, 1), valid_row(root, 2)])))
    other = (root / "data/credentials/network-course-002.yml").read_bytes()
    first = root / "data/credentials/network-course-001.yml"
    first.write_text("# Checked by phone with the college.\n" + first.read_text(encoding="utf-8"), encoding="utf-8")
    changed = valid_row(root, 1) | {"hours": 45}
    assert run(root, "import", str(write_sheet(tmp_path / "b.csv", [changed]))) == 0
    updated = first.read_text(encoding="utf-8")
    assert "hours: 45" in updated and updated.startswith("# Checked by phone with the college.\n# yaml-language-server")
    assert (root / "data/credentials/network-course-002.yml").read_bytes() == other
    assert "0 added, 1 updated, 0 unchanged" in capsys.readouterr().out


def test_comments_above_fields_stay_where_the_editor_wrote_them(root, tmp_path, capsys):
    """An editor's notes between fields survive an update from a sheet: above their field, or,
    when the sheet leaves that field out, above the next one; a "#" inside a text stays text."""
    run(root, "import", str(write_sheet(tmp_path / "a.csv", [valid_row(root, 1)])))
    record = root / "data/credentials/network-course-001.yml"
    lines = record.read_text(encoding="utf-8").splitlines()
    keys = [line.split(":")[0] for line in lines if line and line[0].isalpha()]
    assert "hours" in keys and "sectors" in keys, keys
    noted = []
    for line in lines:
        if line.startswith("hours:"):
            noted.append("# Hours: from the college's leaflet of 2025.")
        if line.startswith("sectors:"):
            noted.append("# Sector chosen with the network's coordinator.")
        noted.append(line)
    noted.append("# Last line: to check again in spring.")
    record.write_text("\n".join(noted) + "\n", encoding="utf-8")
    changed = valid_row(root, 1) | {"hours": "", "summary.en": "A summary # with a hash, as text"}
    assert run(root, "import", str(write_sheet(tmp_path / "b.csv", [changed]))) == 0, capsys.readouterr().err
    updated = record.read_text(encoding="utf-8").splitlines()
    assert "hours: 45" not in updated and not any(line.startswith("hours:") for line in updated)
    for comment in (
        "# Hours: from the college's leaflet of 2025.",
        "# Sector chosen with the network's coordinator.",
        "# Last line: to check again in spring.",
    ):
        assert updated.count(comment) == 1, (comment, updated)
    sectors = next(i for i, line in enumerate(updated) if line.startswith("sectors:"))
    assert updated[sectors - 1] == "# Sector chosen with the network's coordinator."
    assert updated[-1] == "# Last line: to check again in spring."
    assert any("A summary # with a hash, as text" in line for line in updated)


@pytest.mark.parametrize(
    ("encoding", "separator", "said"),
    [("utf-8-sig", ",", "UTF-8 (BOM), « , »"), ("utf-8", ";", "UTF-8, « ; »"), ("cp1252", ";", "Windows-1252, « ; »")],
)
def test_csv_in_utf8_or_windows_1252_with_commas_or_semicolons(root, tmp_path, capsys, encoding, separator, said):
    row = valid_row(root, 5) | {"title.fr": "Électricité « de base » à Sudbury", "cost.amount": "1 250,50"}
    keys = list(row)
    lines = [separator.join(keys)] * 2 + [separator.join(f'"{row[k]}"' for k in keys)]
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    assert run(root, "import", str(sheet)) == 0, capsys.readouterr().err
    assert said in capsys.readouterr().out  # the encoding and separator are named back
    text = (root / "data/credentials/network-course-005.yml").read_text(encoding="utf-8")
    assert '"Électricité « de base » à Sudbury"' in text and "amount: 1250.5" in text


def test_data_already_invalid_is_said_and_nothing_is_written(root, tmp_path, capsys):
    (root / "data/credentials/broken.yml").write_text("title: [\n", encoding="utf-8")
    before = snapshot(root)
    assert run(root, "import", str(write_sheet(tmp_path / "a.csv", [valid_row(root, 1)]))) == 1
    assert "fix them first (`catalogue check`)" in capsys.readouterr().err and snapshot(root) == before
