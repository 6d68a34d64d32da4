"""`make site` (`catalogue build`): a build that fails leaves the previous site/ exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from support import CATALOGUE, FIXTURES, PROJECT, small_project

INVALID = FIXTURES / "records" / "invalid"


def build_site(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CATALOGUE, "build"],
        cwd=project,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=600,
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time: any rewrite, even an identical one, shows."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    """A project built once by `catalogue build`: its site/ is the previous site of each test below."""
    project = small_project(tmp_path_factory.mktemp("built-once") / "project")
    good = build_site(project)
    assert good.returncode == 0, good.stderr[-3000:]
    return project


@pytest.fixture
def built_project(built_once, tmp_path) -> Path:
    """A copy of that built project (files and their modification times) for a test to change."""
    return Path(shutil.copytree(built_once, tmp_path / "project", symlinks=True))


def test_a_failed_build_leaves_the_previous_site_as_it_was(built_project):
    project = built_project
    site = project / "site"
    before = snapshot(site)
    credential = "en/mc/" + min(path.stem for path in (project / "data" / "credentials").glob("*.yml")) + "/index.html"
    assert "index.html" in before and credential in before

    # Bad data: the catalogue refuses it before MkDocs writes anything.
    bad_record = project / "data" / "credentials" / "several-mistakes.yml"
    shutil.copy(INVALID / "several-mistakes.yml", bad_record)
    failed = build_site(project)
    assert failed.returncode == 1
    assert "data/credentials/several-mistakes.yml:9: cost.amount" in failed.stdout + failed.stderr
    assert "catalogue build: the build failed; site/ is as it was before" in failed.stderr
    assert snapshot(site) == before
    assert leftovers(project) == []

    # A MkDocs warning under --strict: MkDocs has written every page by the time it gives up.
    bad_record.unlink()
    (project / "docs" / "broken.fr.md").write_text("# Lien\n\n[mort](nowhere.md)\n", encoding="utf-8")
    (project / "docs" / "broken.en.md").write_text("# Link\n\n[dead](nowhere.md)\n", encoding="utf-8")
    failed = build_site(project)
    assert failed.returncode == 1
    assert "nowhere.md" in failed.stderr and "Aborted with 1 warnings in strict mode" in failed.stdout + failed.stderr
    assert snapshot(site) == before
    assert leftovers(project) == []


def test_a_good_build_replaces_the_site(built_project):
    project = built_project
    stale = project / "site" / "left-from-before.html"
    stale.write_text("old", encoding="utf-8")
    about = project / "docs" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added since.\n", encoding="utf-8")
    result = build_site(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "A sentence added since." in (project / "site" / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert not stale.exists()
    assert leftovers(project) == []


def test_make_site_builds_through_the_script():
    result = subprocess.run(["make", "-n", "site"], cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert ".venv/bin/catalogue build" in result.stdout.splitlines()
