"""An unchanged rebuild takes the last build's results instead of reading, checking and rendering
the catalogue again (building/kept_build.py): it must give the same site, byte for byte, and any
change to what a build reads or leaves must make the next build start from the data."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from microcredential_catalogue import addresses
from microcredential_catalogue.building import kept_build, kept_pages, workers
from microcredential_catalogue.building.catalogue_build import CatalogueBuild
from microcredential_catalogue.building.drawing import DRAWINGS_FOLDER, Drawings, UnsafeDrawing
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from bench.generate import generate
from tests.support import blank_knowledge_pages, copy_project, mkdocs_build, small_project

NOTHING_CHANGED = "nothing changed since the last build"
TAKEN_PAGES = "of them as an earlier build finished them"
DAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def own_signing_key(tmp_path, monkeypatch):
    """This test's machine key (building/kept_build.py signs what it keeps), in a folder of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def built(project: Path, site: Path) -> str:
    """Build `project` as a user does; what MkDocs said."""
    result = mkdocs_build(project, site, compare_filled_pages=False)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_an_unchanged_rebuild_gives_the_same_site_and_an_edit_shows(tmp_path):
    # Generated records, enough of each kind for pages written after MkDocs' own (and not the shipped ones)
    project = copy_project(tmp_path / "project", data=generate(12, tmp_path / "data"))
    blank_knowledge_pages(project)
    first_said = built(project, tmp_path / "first")
    assert NOTHING_CHANGED not in first_said
    again_said = built(project, tmp_path / "again")
    assert NOTHING_CHANGED in again_said
    assert TAKEN_PAGES in again_said  # building/kept_pages.py
    assert files_of(tmp_path / "again") == files_of(tmp_path / "first")

    # An edit that keeps the file's size and time: the build compares contents.
    record = a_record(project)
    status = record.stat()
    text = record.read_text(encoding="utf-8")
    title = yaml.safe_load(text)["title"]["en"]
    assert title in text
    record.write_text(text.replace(title, title[:-4] + "Zqxw", 1), encoding="utf-8")
    os.utime(record, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert NOTHING_CHANGED not in built(project, tmp_path / "edited")
    edited = files_of(tmp_path / "edited")
    assert any(b"Zqxw" in content for content in edited.values())

    # And the same project built from scratch gives the same site as that rebuild.
    shutil.rmtree(project / ".cache")
    built(project, tmp_path / "from-scratch")
    assert files_of(tmp_path / "from-scratch") == edited


@pytest.fixture
def kept(tmp_path):
    """A small project built by the catalogue's core and kept: (project, what it read)."""
    project = small_project(tmp_path / "project")
    inputs = digest_of(project)
    build = CatalogueBuild.load(project, project / "docs", project / "overrides" / "catalogue", DAY)
    build.write()
    build.drawings.finish()
    kept_build.keep(build, inputs)
    return project, inputs, build


def digest_of(project: Path, site_url: str = "", today: date = DAY) -> str:
    return kept_build.inputs_digest(project, project / "docs", project / "overrides" / "catalogue", site_url, today)


def test_a_kept_build_is_taken_with_what_the_pages_need(kept):
    project, inputs, build = kept
    taken = kept_build.kept_build(project, inputs)
    assert taken is not None
    assert taken.catalogue.credentials == build.catalogue.credentials
    assert taken.link_builders == build.link_builders
    assert taken.page_scripts == build.page_scripts
    assert taken.drawings.paths == build.drawings.paths
    page = addresses.credential_page(build.catalogue.credentials[0].id)
    for lang in ("fr", "en"):
        url = addresses.url(page, lang)
        assert taken.heads.head(url, "A title", "Words") == build.heads.head(url, "A title", "Words")
        assert taken.heads.page_sitemap(page, lang) == build.heads.page_sitemap(page, lang)


def edit_keeping_size_and_time(path: Path) -> None:
    status = path.stat()
    content = path.read_bytes()
    path.write_bytes(content[:-1] + (b"x" if content[-1:] != b"x" else b"y"))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))


def a_record(project: Path) -> Path:
    return min((project / "data" / "credentials").glob("*.yml"))


def a_generated_page(project: Path) -> Path:
    return min((project / "docs" / addresses.CREDENTIALS).rglob("*.md"))


def a_drawing(project: Path) -> Path:
    return min(path for path in (project / DRAWINGS_FOLDER).rglob("*") if path.is_file())


def touched(path: Path) -> None:
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))


def linked_in_place(path: Path) -> None:
    copy = path.with_name("elsewhere")
    shutil.copy2(path, copy)
    path.unlink()
    path.symlink_to(copy)


CHANGES = {
    "a record's content": lambda project: edit_keeping_size_and_time(a_record(project)),
    "a template": lambda project: edit_keeping_size_and_time(project / "overrides" / "catalogue" / "credential.html"),
    "the site's words": lambda project: edit_keeping_size_and_time(
        next((project / "overrides" / "locales").glob("*.yml"))
    ),
    "one of our scripts": lambda project: edit_keeping_size_and_time(
        project / "docs" / addresses.script("search/view.js")
    ),
    "mkdocs.yml": lambda project: edit_keeping_size_and_time(project / "mkdocs.yml"),
    "a generated page edited": lambda project: touched(a_generated_page(project)),
    "a generated page removed": lambda project: a_generated_page(project).unlink(),
    "a file added among generated pages": lambda project: (
        project / "docs" / addresses.CREDENTIALS / "x.md"
    ).write_text("# x\n"),
    "a drawing removed": lambda project: a_drawing(project).unlink(),
    "a drawing replaced by a link": lambda project: linked_in_place(a_drawing(project)),
    "a file added among the drawings": lambda project: (project / DRAWINGS_FOLDER / "extra.png").write_bytes(b"x"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_to_what_a_build_read_or_left_builds_afresh(kept, change):
    project, inputs, _ = kept
    CHANGES[change](project)
    assert kept_build.kept_build(project, digest_of(project)) is None


def test_another_day_or_address_builds_afresh(kept):
    project, inputs, _ = kept
    assert digest_of(project) == inputs
    assert digest_of(project, today=DAY + timedelta(days=1)) != inputs
    assert digest_of(project, site_url="https://example.org/catalogue/") != inputs


def test_a_change_to_the_code_builds_afresh(kept, monkeypatch, tmp_path):
    project, inputs, _ = kept
    code = tmp_path / "hooks"
    shutil.copytree(kept_build.CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kept_build, "CODE", code)
    kept_build.code_digest.cache_clear()
    before = digest_of(project)
    edit_keeping_size_and_time(code / "microcredential_catalogue" / "pages" / "render.py")
    kept_build.code_digest.cache_clear()  # worked out once per process: a build's code does not change
    assert digest_of(project) != before
    monkeypatch.undo()
    kept_build.code_digest.cache_clear()


def test_a_kept_file_this_machine_did_not_sign_is_never_loaded(kept, monkeypatch, tmp_path):
    """A pickle runs code as it loads: one brought by a pull request or a restored cache is refused."""
    project, inputs, _ = kept
    kept_file = project / kept_build.KEPT_FILE
    signed = kept_file.read_bytes()
    kept_file.write_bytes(signed[:-1] + bytes([signed[-1] ^ 1]))
    assert kept_build.kept_build(project, inputs) is None
    kept_file.write_bytes(signed)
    assert kept_build.kept_build(project, inputs) is not None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    assert kept_build.kept_build(project, inputs) is None


def test_a_dirty_build_writes_no_kept_page_over(tmp_path):
    """`mkdocs build --dirty` writes pages into the last site's files, and a credential page there
    is a hard link to its kept copy (building/kept_pages.py): each page must be a new file, or the
    next build would take a kept page that says something else."""
    project = copy_project(tmp_path / "project", data=generate(12, tmp_path / "data"))
    blank_knowledge_pages(project)
    site = tmp_path / "site"
    built(project, site)
    kept_before = files_of(project / kept_pages.FOLDER)
    assert kept_before
    # Sources newer than the pages: the dirty build builds them again, each through MkDocs' own
    # writer (as a page whose kind has no shell is), which keeps none.
    later = time.time() + 60
    for source in (project / "docs" / addresses.CREDENTIALS).rglob("*.md"):
        os.utime(source, (later, later))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CATALOGUE_COMPARE_FILLED_PAGES="1")
    # Not strict: MkDocs warns of every dirty build, and mkdocs.yml makes a warning stop the build.
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict", "--site-dir", str(site)]
    dirty = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert dirty.returncode == 0, dirty.stderr
    kept_after = files_of(project / kept_pages.FOLDER)
    assert {name: kept_after[name] for name in kept_after.keys() & kept_before.keys()} == {
        name: kept_before[name] for name in kept_after.keys() & kept_before.keys()
    }
    built(project, tmp_path / "clean-again")
    shutil.rmtree(project / ".cache")
    built(project, tmp_path / "from-scratch")
    assert files_of(tmp_path / "clean-again") == files_of(tmp_path / "from-scratch")


@pytest.fixture
def build_here(monkeypatch):
    """`mkdocs build` run in this process, each time as a new command (the hook's state afresh),
    with a copy of the process keeping the build (building/workers.py side_by_side): a test
    runner has threads of its own, so the copy is allowed here by hand."""
    monkeypatch.setattr(workers, "can_copy", lambda: True)
    usual = gc.get_threshold()

    def build_as_a_new_command(project: Path, site: Path) -> None:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        (hook,) = config.hooks.values()  # as MkDocs loaded it, from the project's hooks/
        monkeypatch.setattr(hook, "_state", hook._BuildState())
        build(config)

    yield build_as_a_new_command
    gc.unfreeze()
    gc.set_threshold(*usual)


def kept_files(project: Path) -> list[str]:
    return sorted(path.name for path in (project / kept_build.KEPT_FILE).parent.glob("*kept-build*"))


def test_the_build_kept_by_a_copy_while_the_drawings_are_published_is_taken_next_time(tmp_path, build_here, caplog):
    project = small_project(tmp_path / "project")
    build_here(project, tmp_path / "first")
    assert kept_files(project) == [Path(kept_build.KEPT_FILE).name]  # in its place, nothing half-written beside it
    caplog.set_level(logging.INFO)
    build_here(project, tmp_path / "again")
    assert NOTHING_CHANGED in caplog.text
    assert files_of(tmp_path / "again") == files_of(tmp_path / "first")


def test_a_build_whose_drawings_are_refused_keeps_nothing(tmp_path, build_here, monkeypatch):
    project = small_project(tmp_path / "project")

    def refused(self, site_dir):
        raise UnsafeDrawing(f"{DRAWINGS_FOLDER}/share/preview-ab12.fr.png: is a symbolic link")

    monkeypatch.setattr(Drawings, "publish", refused)
    with pytest.raises(Abort, match="preview-ab12.fr.png: is a symbolic link"):
        build_here(project, tmp_path / "site")
    assert kept_files(project) == []
