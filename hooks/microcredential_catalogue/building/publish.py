"""Replace a built site only with a build that succeeded, and clean up after a build that died.

A strict build can fail half-way (bad data, a MkDocs warning) after it has rewritten part of
its output folder. Building into a temporary folder beside the site and moving it into place
on success means a failed build leaves the previous site exactly as it was.

The temporary folder's name carries the builder's process id: a build killed before it could
remove its folder (SIGKILL, a power cut) leaves it behind, and the next build removes every
such folder whose builder is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def build_into_place(site_dir: Path, build: Callable[[Path], int]) -> int:
    """Run build(folder) into a fresh folder; on status 0 it becomes site_dir. Returns the status."""
    site_dir = Path(site_dir).absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(site_dir)
    # Beside the site, so the final move is a rename on the same file system, not a copy.
    building = Path(tempfile.mkdtemp(prefix=f"{_prefix(site_dir)}{os.getpid()}-", dir=site_dir.parent))
    try:
        status = build(building)
        if status == 0:
            _swap_in(building, site_dir)
        return status
    finally:
        shutil.rmtree(building, ignore_errors=True)  # gone already when the build was moved into place


def remove_abandoned(site_dir: Path) -> list[Path]:
    """Remove the temporary folders of builds whose process no longer runs; return them."""
    prefix = _prefix(site_dir)
    removed = []
    for path in site_dir.parent.glob(f"{glob_escape(prefix)}*"):
        owner = re.match(r"([0-9]+)-", path.name[len(prefix) :])
        if owner and _running(int(owner.group(1))):
            continue  # another build, still at work
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.building-"


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: leave its folder alone
    except OverflowError:
        return False
    return True


def _swap_in(built: Path, site_dir: Path) -> None:
    previous = built.with_name(built.name + "-previous")
    if site_dir.exists():
        site_dir.rename(previous)
    built.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
