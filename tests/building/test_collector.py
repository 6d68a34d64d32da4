"""During a build, Python's garbage collector runs less often (building/collector.py); after it,
whether it succeeded or stopped on bad data, the process (`mkdocs serve`'s) collects at Python's
usual pace again, with nothing set aside."""

from __future__ import annotations

import gc

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from support import copy_project

from hooks import mkdocs_catalogue  # the MkDocs hook (the project root is on the tests' path)


@pytest.fixture
def fresh_hook(monkeypatch):
    monkeypatch.setattr(mkdocs_catalogue, "_state", mkdocs_catalogue._BuildState())
    usual = gc.get_threshold()
    yield usual
    gc.unfreeze()
    gc.set_threshold(*usual)


def test_after_a_build_the_collector_keeps_its_usual_pace(tmp_path, fresh_hook):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    assert (site / "index.html").is_file()
    assert gc.get_threshold() == fresh_hook
    assert gc.get_freeze_count() == 0


def test_after_a_build_stopped_by_bad_data_the_collector_keeps_its_usual_pace(tmp_path, fresh_hook):
    project = copy_project(tmp_path / "project")
    (project / "data" / "credentials" / "zz-broken.yml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(Abort):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert gc.get_threshold() == fresh_hook
    assert gc.get_freeze_count() == 0
