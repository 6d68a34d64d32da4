"""The files MkDocs reads and copies from the project (docs/, overrides/): plain files only.

MkDocs follows links and opens whatever it lists: a link committed under docs/ would publish the
file it points to (the runner's /etc/passwd), a pipe would hang the build. Each file the site
generator is about to read is checked here first, with every folder between it and the project.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def unsafe_file(path: Path, root: Path, folders_seen: dict[str, str | None] | None = None) -> str | None:
    """Why `path` (inside `root`) must not be read, or None for a plain file among plain folders.
    `folders_seen`, kept between calls, spares checking a folder again for each of its files."""
    try:
        relative = Path(path).absolute().relative_to(Path(root).absolute())
    except ValueError:
        return None  # not the project's: the theme's own files, in its installed package
    current = str(Path(root).absolute())
    last = len(relative.parts) - 1
    for position, part in enumerate(relative.parts):
        current = os.path.join(current, part)
        if position < last and folders_seen is not None and current in folders_seen:
            if folders_seen[current]:
                return folders_seen[current]
            continue
        try:
            mode = os.lstat(current).st_mode
        except OSError as error:
            return f"cannot be read ({error.strerror})"
        problem = None
        if stat.S_ISLNK(mode):
            where = "" if position == last else f" (its folder {os.path.basename(current)} is a link)"
            problem = f"is a symbolic link{where}: put the file itself here, not a link to it"
        elif position < last and not stat.S_ISDIR(mode):
            problem = "is not inside a plain folder"
        if position < last and folders_seen is not None:
            folders_seen[current] = problem
        if problem:
            return problem
    if not stat.S_ISREG(mode):
        return "is not a plain file (a pipe, socket or device): put a plain file here"
    return None
