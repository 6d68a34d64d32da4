"""Faults around a build: Ctrl-C, a kill, a folder that cannot be written. Each ends in one line,
never a traceback; no `mkdocs build` runs on without its command, and the folders a killed build
left are removed by the next one."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from microcredential_catalogue import cli
from microcredential_catalogue.building.publish import build_into_place, remove_abandoned
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from support import CATALOGUE, copy_project

from hooks import mkdocs_catalogue  # the MkDocs hook (the project root is on the tests' path)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("faults") / "project")


def children_building(project: Path) -> list[int]:
    """The `mkdocs build` processes writing into a temporary folder of `project`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"mkdocs" in command and any(str(project).encode() in part for part in command):
                found.append(int(entry.name))
    return found


def start_build(project: Path) -> tuple[subprocess.Popen, int]:
    """`catalogue build`, once its `mkdocs build` child is running; returns both."""
    command = subprocess.Popen(
        [CATALOGUE, "build"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # As from a terminal: a test worker may ignore Ctrl-C, and a child inherits an ignored signal.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        children = children_building(project)
        if children:
            return command, children[0]
        time.sleep(0.1)
    command.kill()
    raise AssertionError("catalogue build started no mkdocs build within 60 s")


def _told_to_end(pid: int) -> bool:
    """Whether a SIGTERM waits for the process (pending: the process is held by SIGSTOP), or it has ended."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    masks = [int(line.split()[1], 16) for line in status.splitlines() if line.startswith(("SigPnd:", "ShdPnd:"))]
    return any(mask & (1 << (signal.SIGTERM - 1)) for mask in masks)


def signal_mid_build(command: subprocess.Popen, child: int, signum: int) -> None:
    """Send `signum` to the command while its `mkdocs build` is surely still at work: the child is
    held (SIGSTOP) until it has been told to end, so that on a busy machine the build cannot
    finish between the moment the test saw it and the signal."""
    os.kill(child, signal.SIGSTOP)
    command.send_signal(signum)
    deadline = time.monotonic() + 60
    while not _told_to_end(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        os.kill(child, signal.SIGCONT)
    except ProcessLookupError:
        pass


def gone(pid: int, within: float = 15) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
        except (OSError, IndexError):
            return True
        if state == "Z":  # a zombie has ended; its parent (init) reaps it
            return True
        time.sleep(0.1)
    return False


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the child ends with its parent on Linux")
def test_a_killed_build_leaves_no_child_and_the_next_build_removes_its_folder(project):
    command, child = start_build(project)
    signal_mid_build(command, child, signal.SIGKILL)  # the command cannot clean up after itself
    command.wait(timeout=30)
    assert gone(child), "mkdocs build ran on after its command was killed"
    left = leftovers(project)
    assert left and all(name.startswith(f".site.building-{command.pid}-") for name in left)
    assert [path.name for path in remove_abandoned(project / "site")] == left
    assert leftovers(project) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "terminate"])
def test_an_interrupted_build_ends_quietly_in_one_line(project, signum):
    command, child = start_build(project)
    signal_mid_build(command, child, signum)
    _, stderr = command.communicate(timeout=60)
    assert command.returncode == 130
    assert b"Traceback" not in stderr
    assert stderr.decode().strip().splitlines()[-1] == "catalogue: stopped; nothing was changed"
    assert gone(child)
    assert leftovers(project) == []


def test_a_running_build_keeps_its_folder_and_a_dead_one_loses_it(tmp_path):
    site = tmp_path / "site"
    alive = tmp_path / f".site.building-{os.getpid()}-abc"
    dead_pid = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f".site.building-{dead_pid.stdout.strip()}-def"
    unnamed = tmp_path / ".site.building-xyz"  # from a version that did not name its builder
    for folder in (alive, dead, unnamed):
        folder.mkdir()
    assert sorted(p.name for p in remove_abandoned(site)) == sorted([dead.name, unnamed.name])
    assert alive.is_dir()
    assert build_into_place(site, lambda folder: (folder / "index.html").write_text("ok") and 0) == 0
    assert (site / "index.html").read_text() == "ok"


def test_a_folder_that_cannot_be_written_is_one_line(monkeypatch, capsys, project):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(project / "site"))

    monkeypatch.setattr(cli, "build_into_place", refuse)
    assert cli.main(["build"], project_root=project) == 1
    assert capsys.readouterr().err == (
        f"catalogue: cannot use {project / 'site'}: Permission denied: check who may write there, "
        "or work in a copy of the project you may change\n"
    )


def test_a_read_only_docs_folder_stops_mkdocs_with_one_line(monkeypatch, project):
    from microcredential_catalogue.building.catalogue_build import CatalogueBuild

    page = project / "docs" / "mc" / "x.fr.md"

    def refuse(self):
        raise OSError(errno.EROFS, "Read-only file system", str(page))

    monkeypatch.setattr(CatalogueBuild, "write", refuse)
    monkeypatch.setattr(mkdocs_catalogue, "_state", mkdocs_catalogue._BuildState())
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(Abort) as aborted:
        mkdocs_catalogue.on_config(config)
    assert str(aborted.value) == (
        f"catalogue: cannot use {page}: Read-only file system: the disk is read-only; "
        "work in a copy of the project on a disk you may change"
    )


def test_an_unexpected_fault_is_one_line_unless_asked_for_details(monkeypatch, capsys, project):
    def broken(*args, **kwargs):
        raise ValueError("something the code did not expect")

    monkeypatch.setattr(cli, "check", broken)
    monkeypatch.delenv("CATALOGUE_DEBUG", raising=False)
    assert cli.main(["check"], project_root=project) == 70
    assert capsys.readouterr().err == (
        "catalogue: internal error (ValueError: 'something the code did not expect'); "
        "run again with CATALOGUE_DEBUG=1 to see where, and report it\n"
    )
    monkeypatch.setenv("CATALOGUE_DEBUG", "1")
    with pytest.raises(ValueError):
        cli.main(["check"], project_root=project)
