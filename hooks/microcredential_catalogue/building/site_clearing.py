"""The last site removed beside the build, not before it. MkDocs empties the site's folder before
it builds, a file at a time: some 80,000 files and 5 s at 10,000 records, while an unchanged
rebuild keeps only one core busy. Here each entry MkDocs would remove (all but hidden ones) is
moved, one rename each, into a hidden folder of the site's folder (MkDocs leaves hidden entries
be, and a rename within a folder never crosses disks), and another process removes that folder
while the build goes on. The build waits for it before it ends: the site it leaves holds
nothing of the last one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ASIDE_PREFIX = ".catalogue-removing-"  # also those an interrupted build left behind

# Run by a new interpreter, not a copy of the build: a copy of a process with threads (a test
# runner's) can hang. Lower priority: on a first build the drawings need both cores.
REMOVER = """
import os, shutil, sys
if hasattr(os, "nice"):
    os.nice(10)
for folder in sys.argv[1:]:
    shutil.rmtree(folder, ignore_errors=True)
"""


class SiteClearing:
    """The last site's files, moved aside, being removed by another process."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        command = [sys.executable, "-I", "-c", REMOVER, *map(str, folders)]
        self._remover = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)

    def wait(self) -> None:
        """Once the remover is done; what it could not remove is removed here, as MkDocs would
        (what cannot be removed at all is left, as MkDocs leaves it)."""
        self._remover.wait()
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)


def clear_beside(site_dir: Path) -> SiteClearing | None:
    """The site's folder emptied as MkDocs empties it, its files removed by another process.
    None when there is nothing to remove. An entry that cannot be moved is left where it is,
    and MkDocs removes it as it would have."""
    site_dir = Path(site_dir)
    try:
        names = os.listdir(site_dir)
    except (FileNotFoundError, NotADirectoryError):
        return None
    left_behind = [site_dir / name for name in names if name.startswith(ASIDE_PREFIX)]
    to_remove = [name for name in names if not name.startswith(".")]
    if not to_remove and not left_behind:
        return None
    try:
        aside = Path(tempfile.mkdtemp(prefix=ASIDE_PREFIX, dir=site_dir))
    except OSError:  # a folder nobody may write in: MkDocs says so as it cleans it
        return None
    for name in to_remove:
        try:
            os.rename(site_dir / name, aside / name)
        except OSError:
            pass
    return SiteClearing([aside, *left_behind])
