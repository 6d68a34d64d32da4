"""A build keeps its own state: a second build in the same process (as `mkdocs serve` runs
one after each edit) reads the files as they are now."""

import json
import shutil

import pytest
from microcredential_catalogue import addresses
from microcredential_catalogue.building.catalogue_build import fingerprint
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.pages.scripts import page_scripts
from microcredential_catalogue.reading.problems import DataInvalid

from tests.support import PROJECT, copy_project


def test_an_edited_schema_applies_to_the_next_build(tmp_path):
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    schema_file = tmp_path / "data" / "schema" / "credential.schema.json"
    assert load_catalogue(tmp_path).credentials
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["required"] = [*schema["required"], "mentor"]
    schema["properties"]["mentor"] = {"type": "string"}
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    with pytest.raises(DataInvalid) as refused:
        load_catalogue(tmp_path)
    assert "mentor" in refused.value.report()


def test_an_edited_record_is_checked_again_by_the_next_build(tmp_path):
    """Files read before are not read again while their text is the same (checks/data_file.py):
    an edit, and its undoing, must each show in the next load."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    record = min((tmp_path / "data" / "credentials").glob("*.yml"))
    written = record.read_text(encoding="utf-8")
    first = load_catalogue(tmp_path)
    record.write_text(written.replace("\nsummary:", "\nsummary: 12\nformer_summary:", 1), encoding="utf-8")
    with pytest.raises(DataInvalid) as refused:
        load_catalogue(tmp_path)
    assert f"data/credentials/{record.name}" in refused.value.report()
    record.write_text(written, encoding="utf-8")
    again = load_catalogue(tmp_path)
    assert [c.id for c in again.credentials] == [c.id for c in first.credentials]
    assert again.credentials == first.credentials


def test_an_edited_script_is_joined_again_by_the_next_build(tmp_path):
    """`mkdocs serve` reuses a build while its fingerprint holds: a script edit must break it, since
    the search pages load the scripts joined into one file."""
    root = copy_project(tmp_path / "project")
    docs, templates = root / "docs", root / "overrides" / "catalogue"
    before = fingerprint(root, templates, docs)
    view = docs / addresses.script("search/view.js")
    edit = 'const edited = "edited";'  # code, not a comment: the joined script is minified
    view.write_text(view.read_text(encoding="utf-8") + edit + "\n", encoding="utf-8")
    assert fingerprint(root, templates, docs) != before
    joined = page_scripts(docs / addresses.SCRIPTS).files[addresses.page_script("catalogue.js", "en")]
    assert 'const edited="edited";' in joined
