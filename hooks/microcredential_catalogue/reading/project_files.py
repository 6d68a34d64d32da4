"""The files MkDocs reads and copies from the project (docs/, overrides/): plain files only.

MkDocs follows links and opens whatever it lists: a link committed under docs/ would publish the
file it points to (the runner's /etc/passwd), a pipe would hang the build. Each file the site
generator is about to read is checked here first, with every folder between it and the project.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def unsafe_file(path: Path, root: Path) -> str | None:
    """Why `path` (inside `root`) must not be read, or None for a plain file among plain folders."""
    try:
        relative = Path(path).absolute().relative_to(Path(root).absolute())
    except ValueError:
        return None  # not the project's: the theme's own files, in its installed package
    current = Path(root).absolute()
    for position, part in enumerate(relative.parts):
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except OSError as error:
            return f"cannot be read ({error.strerror})"
        if stat.S_ISLNK(mode):
            where = "" if position == len(relative.parts) - 1 else f" (its folder {current.name} is a link)"
            return f"is a symbolic link{where}: put the file itself here, not a link to it"
        if position < len(relative.parts) - 1 and not stat.S_ISDIR(mode):
            return "is not inside a plain folder"
    if not stat.S_ISREG(mode):
        return "is not a plain file (a pipe, socket or device): put a plain file here"
    return None
