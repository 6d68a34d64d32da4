"""The old test runs' temporary folders are removed beside the run (tests/old_runs.py)."""

from __future__ import annotations

import time
from pathlib import Path

from old_runs import remove_in_background


def _run_folder(root: Path, number: int, locked: bool = False) -> Path:
    folder = root / f"pytest-{number}"
    (folder / "site" / "mc").mkdir(parents=True)
    (folder / "site" / "mc" / "index.html").write_text("<p>page</p>", encoding="utf-8")
    if locked:
        (folder / ".lock").write_text("", encoding="utf-8")
    return folder


def test_the_runs_pytest_would_remove_go_and_the_kept_and_locked_ones_stay(tmp_path):
    folders = {n: _run_folder(tmp_path, n, locked=n == 2) for n in range(1, 7)}
    (tmp_path / "pytest-current").symlink_to(folders[6])
    other = tmp_path / "garbage-not-ours"
    other.mkdir()

    handed = remove_in_background(tmp_path, keep=3)

    assert len(handed) == 2  # runs 1 and 3: run 2 is locked, 4 to 6 are the three kept
    assert not folders[1].exists() and not folders[3].exists()  # renamed at once
    deadline = time.monotonic() + 60
    while any(path.exists() for path in handed) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(path.exists() for path in handed)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "garbage-not-ours",
        "pytest-2",
        "pytest-4",
        "pytest-5",
        "pytest-6",
        "pytest-current",
    ]


def test_a_folder_left_half_removed_is_removed_by_the_next_run(tmp_path):
    _run_folder(tmp_path, 1)
    left = tmp_path / "removing-0123"
    (left / "site").mkdir(parents=True)
    handed = remove_in_background(tmp_path, keep=3)
    assert handed == [left]
    deadline = time.monotonic() + 60
    while left.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left.exists() and (tmp_path / "pytest-1").exists()
