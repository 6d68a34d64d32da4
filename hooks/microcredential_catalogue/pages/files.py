"""Write the generated pages and assets under docs/, only when their content changed.

Pages are real files under docs/ (in folders git ignores) because mkdocs-static-i18n cannot
handle in-memory pages. A file is rewritten only when its content changed, so `mkdocs serve`
does not loop, and files no longer implied by the data are removed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import addresses
from ..search.index import DATA_FOLDER
from .source import PageSource

# Everything under these folders of docs/ is generated; nothing else is ever deleted.
GENERATED_FOLDERS = (
    addresses.CREDENTIALS,
    addresses.BROWSE,
    addresses.EDITORS,
    DATA_FOLDER,
    addresses.PAGE_SCRIPTS,
    addresses.SHARE_FOLDER,
)


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


@dataclass(frozen=True)
class Drawing:
    """A file costly to make (an image, a QR code): `make()` gives its content. Made from a
    module-level function and its arguments (functools.partial), another process can make it too
    (building/drawing.py)."""

    make: Callable[[], str | bytes]
    # Its file name is a digest of what it draws: a file of that name is already right, and only
    # a missing one is made. Otherwise it is made each build and compared, like any other file.
    named_by_content: bool = True


Asset = str | bytes | Drawing


def needs_drawing(docs_dir: Path, path: str, asset: Asset) -> bool:
    """Whether `asset`, to be written at `path` under docs_dir, is a drawing the build must make."""
    if not isinstance(asset, Drawing):
        return False
    return not asset.named_by_content or not _is_plain_file(Path(docs_dir) / path)


def write_pages(pages: list[PageSource], docs_dir: Path, assets: dict[str, Asset] | None = None) -> WriteReport:
    """Write pages and assets (docs-relative path -> content) under docs_dir when their content
    changed; remove generated files now stale.

    An asset given as a Drawing is made only when needed (`needs_drawing`).
    """
    docs_dir = Path(docs_dir)
    wanted = {docs_dir / path: content for path, content in (assets or {}).items()}
    for page in pages:
        wanted[docs_dir / page.file] = page.text
    written, unchanged = write_assets(docs_dir, wanted)
    return WriteReport(written, unchanged, _remove_stale(docs_dir, set(wanted)))


def write_assets(docs_dir: Path, wanted: dict[Path, Asset]) -> tuple[int, int]:
    """Write each file (its path under docs_dir -> content) whose content changed: (written, unchanged)."""
    folders: set[Path] = set()  # folders made sure of in this call: each once, not once per file
    written = sum(write_if_changed(docs_dir, path, content, folders) for path, content in wanted.items())
    return written, len(wanted) - written


def write_if_changed(docs_dir: Path, path: Path, content: Asset, folders: set[Path] | None = None) -> bool:
    """Write the file at `path` (under docs_dir) unless it already holds `content`; whether it was written."""
    if isinstance(content, Drawing) and content.named_by_content and _is_plain_file(path):
        return False
    content = _bytes(content)
    if _is_plain_file(path) and path.read_bytes() == content:  # as bytes: a CSV's "\r\n" stays
        return False
    _write(docs_dir, path, content, set() if folders is None else folders)
    return True


def _write(docs_dir: Path, path: Path, content: bytes, folders: set[Path]) -> None:
    """Write a regular file at `path`, never through what stands there: a link (committed in
    place of a generated page, it would have the build write over the file it points to), a
    pipe (the build would wait on it forever) or a link among its folders (`folders`: those
    already made sure of)."""
    plain_folders(docs_dir, path.parent, folders)
    temporary = path.with_name(f".{path.name}.writing")
    temporary.unlink(missing_ok=True)
    with open(temporary, "xb") as file:  # "x": a link put there meanwhile is not followed
        file.write(content)
    os.replace(temporary, path)  # replaces whatever has that name (a link, a pipe), never its target


def plain_folders(root: Path, folder: Path, made: set[Path] | None = None) -> None:
    """Make each folder from `root` down to `folder` a plain folder: a link or a file in the way
    (the build's own names) is removed, never followed. `made`: those already made sure of."""
    made = set() if made is None else made
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        if current in made:
            continue
        if current.is_symlink() or (current.exists() and not current.is_dir()):
            current.unlink()
        current.mkdir(exist_ok=True)
        made.add(current)


def _remove_stale(docs_dir: Path, wanted: set[Path]) -> int:
    removed = 0
    for folder in GENERATED_FOLDERS:
        for path in sorted((docs_dir / folder).rglob("*")) if (docs_dir / folder).is_dir() else []:
            if path.is_file() and path not in wanted:
                path.unlink()
                removed += 1
    return removed


def remove_all_but(folder: Path, kept: set[Path]) -> int:
    """Remove each file under `folder` (one the build owns entirely) but those `kept`; a link
    there is removed, never followed."""
    removed = 0
    for parent, folders, names in os.walk(folder):  # os.walk does not enter a linked folder
        linked = [name for name in folders if os.path.islink(os.path.join(parent, name))]
        for name in sorted(names + linked):
            path = Path(parent) / name
            if path not in kept:
                path.unlink()
                removed += 1
    return removed


def _is_plain_file(path: Path) -> bool:
    return not path.is_symlink() and path.is_file()


def _bytes(content: Asset) -> bytes:
    if isinstance(content, Drawing):
        content = content.make()
    return content.encode("utf-8") if isinstance(content, str) else content


def write_new(path: str, content: bytes, made: set[str] | None = None) -> None:
    """A new file at `path`, never written into the one there (it may be a kept page's other link:
    building/kept_pages.py). `made`: the folders already made sure of (each is made once)."""
    _clear_place(path, made)
    with open(path, "xb") as file:
        file.write(content)


def link_or_copy(source: str | Path, target: str | Path, made: set[str] | None = None) -> None:
    """`target` a hard link to `source` (a copy across disks), in place of whatever was there,
    never written through it. `made`: as for write_new."""
    _clear_place(target, made)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _clear_place(path: str | Path, made: set[str] | None) -> None:
    """Its folder made, whatever stands at `path` removed (a link is removed, never followed)."""
    folder = os.path.dirname(path)
    if made is None or folder not in made:
        os.makedirs(folder, exist_ok=True)
        if made is not None:
            made.add(folder)
    if os.path.lexists(path):
        os.unlink(path)
