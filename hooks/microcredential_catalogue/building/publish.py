"""Replace a built site only with a build that succeeded.

A strict build can fail half-way (bad data, a MkDocs warning) after it has rewritten part of
its output folder. Building into a temporary folder beside the site and moving it into place
on success means a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def build_into_place(site_dir: Path, build: Callable[[Path], int]) -> int:
    """Run build(folder) into a fresh folder; on status 0 it becomes site_dir. Returns the status."""
    site_dir = Path(site_dir).absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside the site, so the final move is a rename on the same file system, not a copy.
    building = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        status = build(building)
        if status == 0:
            _swap_in(building, site_dir)
        return status
    finally:
        shutil.rmtree(building, ignore_errors=True)  # gone already when the build was moved into place


def _swap_in(built: Path, site_dir: Path) -> None:
    previous = built.with_name(built.name + "-previous")
    if site_dir.exists():
        site_dir.rename(previous)
    built.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
