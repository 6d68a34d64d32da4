"""The project installs as a package: `pip install .` gives the `catalogue` command, with its files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from microcredential_catalogue import STAGES
from support import PROJECT

PACKAGE = "microcredential_catalogue"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip install .` would build, made from a copy so the checkout gains no build files."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(PROJECT / name, source / name)
    shutil.copytree(PROJECT / "hooks", source / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", out, source]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("*.whl")
    return built


def test_the_wheel_holds_the_core_and_its_files_and_nothing_else(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert wheel.name.startswith("microcredential_catalogue-")
    top_level = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top_level == {PACKAGE}  # not the MkDocs hook, not the tests
    needed_files = (
        "record_template.yml",
        "sharing/export_schema/catalogue.schema.json",
        "sharing/fonts/DejaVuSans.ttf",
    )
    stage_folders = tuple(f"{stage}/__init__.py" for stage in STAGES)
    for needed in (*needed_files, *stage_folders, "cli.py", "building/catalogue_build.py"):
        assert f"{PACKAGE}/{needed}" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "catalogue = microcredential_catalogue.cli:main" in entry_points


def test_catalogue_check_and_new_work_from_a_fresh_installation(wheel, tmp_path):
    venv = tmp_path / "venv"
    # No pip of its own (ensurepip takes seconds): this pip installs into it, as `pip --python` does.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    into_venv = ["--python", venv / "bin" / "python"]
    install = [sys.executable, "-m", "pip", *into_venv, "install", "--quiet", "--no-deps", "--no-index", wheel]
    subprocess.run(install, check=True, timeout=300)
    # The dependencies are those pinned for the project; the core itself comes only from the wheel.
    env = dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"])
    project = tmp_path / "editor"
    shutil.copytree(PROJECT / "data", project / "data")
    shutil.copy2(PROJECT / "mkdocs.yml", project / "mkdocs.yml")

    where = subprocess.run(
        [venv / "bin" / "python", "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)

    checked = subprocess.run(
        [venv / "bin" / "catalogue", "check"], cwd=project / "data", env=env, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    assert "The data is valid: " in checked.stdout

    started = subprocess.run(
        [venv / "bin" / "catalogue", "new", "fresh-install-check"], cwd=project, env=env, capture_output=True, text=True
    )
    assert started.returncode == 0, started.stderr
    assert "title:" in (project / "data" / "credentials" / "fresh-install-check.yml").read_text(encoding="utf-8")


def test_outside_the_project_the_command_says_where_to_run_it(tmp_path):
    result = subprocess.run(
        [Path(sys.executable).with_name("catalogue"), "check"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "catalogue: this folder is not inside the catalogue project (no mkdocs.yml beside a data/ folder here "
        "or above): run the command from the project folder"
    )


def test_the_repository_tracks_no_symbolic_link_and_no_installed_package():
    """A clone must work on any machine: a tracked link to a path of this one (a worktree's
    node_modules once replaced the real folder by a link to itself) breaks every clone."""
    tracked = subprocess.run(["git", "ls-files", "-s"], cwd=PROJECT, capture_output=True, text=True, check=True)
    links = [line.split("\t")[1] for line in tracked.stdout.splitlines() if line.startswith("120000")]
    assert links == []
    installed = [line for line in tracked.stdout.splitlines() if "\tnode_modules" in line or "\t.venv/" in line]
    assert installed == []
