"""The last site's files are removed by another process while the build goes on
(building/site_clearing.py): the site a build leaves must be what MkDocs' own cleaning leaves,
hidden files kept, and nothing of the last site or of its removal left behind."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from microcredential_catalogue.building.site_clearing import ASIDE_PREFIX, clear_beside

from tests.support import mkdocs_build, small_project


def files_of(folder) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def a_last_site(site) -> None:
    (site / "mc" / "gone").mkdir(parents=True)
    (site / "mc" / "gone" / "index.html").write_text("<p>a page no longer built</p>")
    (site / "stale.html").write_text("<p>stale</p>")
    (site / "mc" / "gone" / "link").symlink_to(site / "stale.html")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")  # a deploy's own hidden files
    (site / f"{ASIDE_PREFIX}interrupted").mkdir()  # left by a build stopped mid-way
    (site / f"{ASIDE_PREFIX}interrupted" / "old.html").write_text("<p>old</p>")


def test_the_last_sites_files_are_moved_aside_at_once_and_removed_beside(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    a_last_site(site)
    kept_outside = tmp_path / "outside.html"
    kept_outside.write_text("<p>not the site's</p>")
    (site / "outside").symlink_to(kept_outside)
    clearing = clear_beside(site)
    assert sorted(name for name in os.listdir(site) if not name.startswith(ASIDE_PREFIX)) == [".git"]
    clearing.wait()
    assert sorted(os.listdir(site)) == [".git"]
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert kept_outside.read_text() == "<p>not the site's</p>"  # a link is removed, never followed


@pytest.mark.parametrize("site_exists", [False, True], ids=["no site yet", "an empty site"])
def test_nothing_to_remove_starts_nothing(tmp_path, site_exists):
    site = tmp_path / "site"
    if site_exists:
        site.mkdir()
    assert clear_beside(site) is None
    assert os.listdir(site) == [] if site_exists else not site.exists()


def test_a_build_into_the_last_site_leaves_the_site_mkdocs_cleaning_leaves(tmp_path):
    project = small_project(tmp_path / "project")
    fresh, site = tmp_path / "fresh", tmp_path / "site"
    for folder in (fresh, site):
        result = mkdocs_build(project, folder, compare_filled_pages=False)
        assert result.returncode == 0, result.stderr
    a_last_site(site)
    result = mkdocs_build(project, site, compare_filled_pages=False)
    assert result.returncode == 0, result.stderr
    assert sorted(name for name in os.listdir(site) if name.startswith(".")) == [".git"]
    assert {path: text for path, text in files_of(site).items() if not path.startswith(".git/")} == files_of(fresh)


def test_a_dirty_build_removes_nothing(tmp_path):
    """`mkdocs build --dirty` keeps the last site's files, as MkDocs does."""
    project = small_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    a_last_site(site)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (site / "stale.html").read_text() == "<p>stale</p>"
    assert (site / f"{ASIDE_PREFIX}interrupted" / "old.html").exists()
