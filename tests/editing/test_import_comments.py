"""An import that updates a record keeps every comment its file had: after a value, on its line
while the new file still writes that value from a line; on a line of its own, above the value or
the field it was above; else above its field, or the next one written. A "#" inside a quoted text
or a description's block is text. A comment the new file could not keep is named, never dropped."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, timedelta

import pytest
from commented import KINDS, comments_written, spots, value_lines, with_comments
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from microcredential_catalogue.editing import sheet_import
from microcredential_catalogue.editing.record_comments import file_comments, lost_comments
from microcredential_catalogue.editing.record_yaml import record_yaml
from microcredential_catalogue.reading.yaml_file import read_yaml
from sheets import TODAY, project, run, snapshot
from support import PROJECT
from test_cli import FILLED_IN

SHIPPED = sorted((PROJECT / "data" / "credentials").glob("*.yml"))
ORDER = list(json.loads((PROJECT / "data/schema/credential.schema.json").read_text(encoding="utf-8"))["properties"])
SETTINGS = settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
# Words an editor might write after a "#": quotes, colons, brackets, another "#", accents, emoji.
WORDS = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x1F64F, categories=["L", "N", "P", "S", "Zs"]))


@pytest.fixture
def root(tmp_path):
    return project(tmp_path)


def changed(record: dict, path: tuple, drop: bool) -> dict:
    """The record with one value edited (a text, a number) or one top-level field left out."""
    copy = json.loads(json.dumps(record))
    *parents, last = path[:1] if drop else path
    holder = copy
    for key in parents:
        holder = holder[key]
    if drop:
        del holder[last]
    else:
        value = holder[last]
        holder[last] = value + 1 if isinstance(value, int | float) else f"édité {value}"
    return copy


def leaves(value, path=()):
    if isinstance(value, dict):
        return [leaf for key, inner in value.items() for leaf in leaves(inner, (*path, key))]
    if isinstance(value, list):
        return [leaf for n, inner in enumerate(value) for leaf in leaves(inner, (*path, n))]
    return [path]


@st.composite
def commented_and_changed(draw, file):
    """A shipped record with comments of every kind in places Hypothesis picks, and one change."""
    text = file.read_text(encoding="utf-8")
    places = spots(text)
    placed = []
    for kind in KINDS:
        of_kind = [spot for spot in places if spot.kind == kind]
        for spot in draw(st.lists(st.sampled_from(of_kind), min_size=1, max_size=3, unique=True)):
            placed.append((spot, f"# ⟦{len(placed)}⟧ {draw(WORDS)}".rstrip()))
    record = read_yaml(text).data
    drop = draw(st.booleans()) and len(record) > 1
    path = draw(st.sampled_from([(key,) for key in record] if drop else leaves(record)))
    return with_comments(text, placed), placed, changed(record, path, drop)


@pytest.mark.parametrize("file", SHIPPED, ids=lambda file: file.stem)
@SETTINGS
@given(data=st.data())
def test_every_comment_of_a_shipped_record_survives_a_change(file, data):
    text, placed, record = data.draw(commented_and_changed(file))
    written = record_yaml(record, ORDER, file_comments(text))
    assert read_yaml(written).data == record
    for comment in comments_written(file.read_text(encoding="utf-8")) + [comment for _, comment in placed]:
        assert written.count(comment) == text.count(comment), (comment, written)
    assert lost_comments(file_comments(text), written) == []
    lines, starts = written.split("\n"), {path: line for line, path in value_lines(written).items()}
    for spot, comment in placed:
        line = next(line for line in lines if comment in line)
        if spot.kind.startswith("after") and spot.path in starts:  # still on its value's line
            assert lines[starts[spot.path] - 1].endswith("  " + comment), (comment, written)
        else:  # a line of its own
            assert line.strip() == comment, (comment, written)


def test_each_kind_of_comment_lands_where_an_editor_expects():
    """Inline comments stay on their value's line (top-level, nested, a list's item); a line of its
    own inside a field stays above its value; one whose value is gone goes above its field."""
    text = (
        "# yaml-language-server: $schema=../schema/credential.schema.json\n"
        "title:\n"
        '  fr: "Soudage # 1"  # the college\'s word\n'
        "  # English title: from the leaflet\n"
        '  en: "Welding # 1"\n'
        "provider: a-college  # by its id\n"
        "cost:\n"
        "  # the amount of 2024\n"
        "  amount: 300  # taxes in\n"
        "  note:  # what the price covers\n"
        '    fr: "avec le matériel"\n'
        '    en: "with the equipment"\n'
        "  # end of cost\n"
        "keywords:\n"
        '  - {fr: "soudure", en: "welding"}  # the usual word\n'
        "  # and the trade's\n"
        '  - {fr: "soudage", en: "welding trade"}\n'
        "checked_against: source  # compared with the transcript itself\n"
    )
    record = read_yaml(text).data
    record["cost"] = {"amount": 350}  # the sheet's new price, and no note
    record["title"]["en"] = "Welding, level 1"
    assert record_yaml(record, ORDER, file_comments(text)) == (
        "# yaml-language-server: $schema=../schema/credential.schema.json\n"
        "title:\n"
        '  fr: "Soudage # 1"  # the college\'s word\n'
        "  # English title: from the leaflet\n"
        '  en: "Welding, level 1"\n'
        "provider: a-college  # by its id\n"
        "checked_against: source  # compared with the transcript itself\n"
        "# what the price covers\n"
        "# end of cost\n"
        "cost:\n"
        "  # the amount of 2024\n"
        "  amount: 350  # taxes in\n"
        "keywords:\n"
        '  - {fr: "soudure", en: "welding"}  # the usual word\n'
        "  # and the trade's\n"
        '  - {fr: "soudage", en: "welding trade"}\n'
    )


def test_a_hash_in_a_quoted_text_or_a_description_block_is_text_not_a_comment():
    text = (
        "title:\n"
        '  fr: "Cours # 2 : soudage"\n'
        "  en: 'Course # 2: welding'  # a real one\n"
        "description:\n"
        "  fr: |\n"
        "    Au programme :\n"
        "    # pas un commentaire : une ligne du texte\n"
        "      # ni celle-ci\n"
        "  # but this one is\n"
        "  en: |-\n"
        "    # Text, too\n"
        "hours: 40 # after a number\n"
    )
    found = file_comments(text)
    assert [(c.line, c.text) for c in found.comments] == [
        (3, "# a real one"),
        (9, "# but this one is"),
        (12, "# after a number"),
    ]
    record = read_yaml(text).data | {"hours": 45}
    written = record_yaml(record, ORDER, found)
    assert read_yaml(written).data == record
    for words in ("# pas un commentaire", "# ni celle-ci", "# Text, too", "Cours # 2", "Course # 2"):
        assert written.count(words) == 1, (words, written)
    assert "hours: 45  # after a number\n" in written and "  # but this one is\n  en: |-\n" in written


def _export(root, tmp_path, name="sheet.csv") -> tuple[list[str], list[dict]]:
    sheet = tmp_path / name
    assert run(root, "export", "--lang", "en", "--csv", "-o", str(sheet)) == 0
    with sheet.open(encoding="utf-8-sig", newline="") as file:
        table = list(csv.reader(file))
    return table[:2], [dict(zip(table[1], row, strict=True)) for row in table[2:]]


def _sheet(tmp_path, headers, rows, name="changed.csv"):
    sheet = tmp_path / name
    with sheet.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([*headers, *[[row[key] for key in headers[1]] for row in rows]])
    return sheet


def _comment_every_kind(file) -> list[str]:
    """One comment of each kind, at the last place of that kind (the first is beside the file's
    first comment line, which any writer keeps): returns the file's comments."""
    text = file.read_text(encoding="utf-8")
    places = spots(text)
    last = {spot.kind: spot for spot in places}
    placed = [(last[kind], f"# {kind}: {file.stem} « vérifié » #2") for kind in KINDS]
    file.write_text(with_comments(text, placed), encoding="utf-8")
    return comments_written(text) + [comment for _, comment in placed]


def _another_check_day(row: dict) -> str | None:
    """A day of checking the record does not say: the sheets' today or one of the days before it,
    never before its source's date (the check refuses a source newer than its check); None when
    none is left (a source dated today, checked today)."""
    today = date.fromisoformat(TODAY)
    for back in range(3):
        day = (today - timedelta(days=back)).isoformat()
        if day != row["verified"] and not (len(row["source_date"]) == 10 and row["source_date"] > day):
            return day
    return None


def test_importing_a_change_to_every_shipped_record_keeps_every_comment(root, tmp_path, capsys):
    files = sorted((root / "data/credentials").glob("*.yml"))
    comments = {file.name: _comment_every_kind(file) for file in files}
    headers, rows = _export(root, tmp_path)
    days = {row["id"]: _another_check_day(row) for row in rows}
    for row in rows:
        row["verified"] = days[row["id"]] or row["verified"]
    changed = sum(day is not None for day in days.values())
    assert changed > len(rows) / 2  # the test means something
    assert run(root, "import", str(_sheet(tmp_path, headers, rows))) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert f"0 added, {changed} updated, {len(files) - changed} unchanged" in out and "!" not in out
    for file in files:
        written = file.read_text(encoding="utf-8")
        if days[file.stem]:
            assert re.search(rf"\nverified: {days[file.stem]}(  # .*)?\n", written), written
        for comment in comments[file.name]:
            assert written.count(comment) == 1, (file.name, comment, written)
    assert run(root, "check") == 0


def test_an_unchanged_row_leaves_a_commented_file_byte_for_byte(root, tmp_path, capsys):
    for file in (root / "data/credentials").glob("*.yml"):
        _comment_every_kind(file)
    before = snapshot(root)
    headers, rows = _export(root, tmp_path)
    assert run(root, "import", str(_sheet(tmp_path, headers, rows))) == 0, capsys.readouterr().err
    assert f"0 updated, {len(rows)} unchanged" in capsys.readouterr().out
    assert snapshot(root) == before


def test_a_comment_the_new_file_does_not_keep_is_named_by_file_line_and_words(root, tmp_path, capsys, monkeypatch):
    """The guard behind the writer: were a comment ever lost, the import names it."""
    file = next(f for f in sorted((root / "data/credentials").glob("*.yml")) if "  # " in f.read_text(encoding="utf-8"))
    line = next(n for n, text in enumerate(file.read_text(encoding="utf-8").split("\n"), 1) if "  # " in text)
    comment = file.read_text(encoding="utf-8").split("\n")[line - 1].split("  ", 1)[1]
    forgetful = sheet_import.record_yaml

    def without_comments(record, order, kept):  # a writer that kept only the first line's comments
        return forgetful(record, order, type(kept)(kept.head, []))

    monkeypatch.setattr(sheet_import, "record_yaml", without_comments)
    headers, rows = _export(root, tmp_path)
    row = next(row for row in rows if row["id"] == file.stem) | {"verified": "2026-11-27"}
    assert run(root, "import", "--dry-run", str(_sheet(tmp_path, headers, [row]))) == 0
    out = capsys.readouterr().out
    assert f"! data/credentials/{file.name}:{line}: {comment}\n" in out, out
    assert "Comment(s) the new record cannot keep: copy them back by hand." in out
    assert "recopiez-les à la main" in out


def test_a_record_started_from_the_template_keeps_its_notes_through_an_import(root, tmp_path, capsys):
    """`catalogue new` writes a note after most values and a block of commented-out fields: an
    import that adds `hours` keeps every one, each note still on its value's line."""
    assert run(root, "new", "template-course") == 0
    record = root / "data/credentials/template-course.yml"
    text = record.read_text(encoding="utf-8")
    for empty, filled in FILLED_IN.items():
        text = text.replace(empty, filled)
    record.write_text(text.replace("source_date: undated", "source_date: 2025"), encoding="utf-8")
    notes = comments_written(record.read_text(encoding="utf-8"))
    headers, rows = _export(root, tmp_path)
    row = next(row for row in rows if row["id"] == "template-course") | {"hours": "45"}
    assert run(root, "import", str(_sheet(tmp_path, headers, [row]))) == 0, capsys.readouterr().err
    written = record.read_text(encoding="utf-8")
    assert "\nhours: 45\n" in written
    assert len(notes) > 20 and all(written.count(note) == 1 for note in notes), written
    for line in text.splitlines():
        if line.startswith(("provider:", "sectors:", "delivery:", "checked_against:")):
            assert line in written.splitlines(), line  # the same value, its note still beside it


def test_when_a_comment_cannot_stay_in_place_every_comment_goes_above_its_field(monkeypatch):
    """The writer's second try: were a comment in place ever to change what the file reads, each
    comment moves above its top-level field, where a comment cannot touch a value."""
    from microcredential_catalogue.editing import record_yaml as writer

    text = 'title:\n  fr: "Titre"  # on fr\n  # above en\n  en: "Title"\nhours: 40  # on hours\n'
    record = read_yaml(text).data | {"hours": 45}

    def spoiling(blocks, comments, order):  # a first try that changes a value
        return [line.replace('"Title"', '"Spoilt"') for line in writer._in_place(blocks, comments, order)]

    monkeypatch.setattr(writer, "_PLACINGS", (spoiling, writer._above_fields))
    assert record_yaml(record, ORDER, file_comments(text)) == (
        "# yaml-language-server: $schema=../schema/credential.schema.json\n"
        "# on fr\n"
        "# above en\n"
        "title:\n"
        '  fr: "Titre"\n'
        '  en: "Title"\n'
        "# on hours\n"
        "hours: 45\n"
    )
