"""`catalogue rename` and `catalogue new-provider`, run as an editor runs them."""

from __future__ import annotations

import pytest
from microcredential_catalogue.editing.record_files import with_alias
from support import FIXTURES, cli_project, run_catalogue

RECORD = FIXTURES / "new-records" / "credentials" / "example-free-first-aid.yml"


@pytest.mark.parametrize(
    "written, expected",
    [
        ("title: x\n", "title: x\naliases: [old-id]\n"),
        ("title: x", "title: x\naliases: [old-id]\n"),  # no line break at the end of the file
        ("aliases: []\ntitle: x\n", "title: x\naliases: [old-id]\n"),
        ("aliases: [first-id]  # kept\ntitle: x\n", "aliases: [first-id, old-id]\ntitle: x\n"),
        ("aliases:\n  - first-id\ntitle: x\n", "aliases:\n  - first-id\n  - old-id\ntitle: x\n"),
        ("aliases: [old-id]\n", "aliases: [old-id]\n"),
    ],
)
def test_the_old_id_joins_the_aliases_and_every_other_line_stays(written, expected):
    assert with_alias(written, "old-id") == expected


def test_rename_moves_the_file_keeps_the_old_address_and_check_passes(tmp_path):
    project = cli_project(tmp_path, None)
    credentials = project / "data" / "credentials"
    (credentials / RECORD.name).write_bytes(RECORD.read_bytes())
    result = run_catalogue(project, "rename", "example-free-first-aid", "example-first-aid")
    assert result.returncode == 0, result.stderr
    assert not (credentials / RECORD.name).exists()
    assert (credentials / "example-first-aid.yml").read_text(encoding="utf-8") == (
        RECORD.read_text(encoding="utf-8") + "aliases: [example-free-first-aid]\n"
    )
    checked = run_catalogue(project, "check")
    assert checked.returncode == 0, checked.stderr


def test_rename_refuses_a_missing_record_or_a_taken_id_and_writes_nothing(tmp_path):
    project = cli_project(tmp_path, None)
    credentials = project / "data" / "credentials"
    (credentials / RECORD.name).write_bytes(RECORD.read_bytes())
    before = sorted(p.name for p in credentials.iterdir())
    missing = run_catalogue(project, "rename", "no-such-record", "other-name")
    assert missing.returncode == 1
    assert missing.stderr == "data/credentials/no-such-record.yml does not exist: give the id of an existing record\n"
    bad = run_catalogue(project, "rename", "example-free-first-aid", "Bad Name")
    assert bad.returncode == 1 and "is not a valid id" in bad.stderr and "such as bad-name" in bad.stderr
    assert sorted(p.name for p in credentials.iterdir()) == before


def test_new_provider_starts_an_entry_check_names_until_it_is_filled_in(tmp_path):
    project = cli_project(tmp_path, None)
    result = run_catalogue(project, "new-provider", "example-centre")
    assert result.returncode == 0, result.stderr
    assert "Added example-centre to data/providers.yml" in result.stdout
    checked = run_catalogue(project, "check")
    assert checked.returncode == 1
    assert "example-centre.name.fr: must be the French name (not empty)" in checked.stderr
    assert "example-centre.url: must be a web address" in checked.stderr
    providers = project / "data" / "providers.yml"
    text = providers.read_text(encoding="utf-8")
    text = text.replace('    fr: ""\n    en: ""', '    fr: "Centre Exemple"\n    en: "Example Centre"')
    text = text.replace('type: ""', "type: training-provider").replace('url: ""', "url: https://example.org")
    providers.write_text(text, encoding="utf-8")
    assert run_catalogue(project, "check").returncode == 0
    again = run_catalogue(project, "new-provider", "example-centre")
    assert again.returncode == 1 and "is already in data/providers.yml" in again.stderr
