"""Finished pages kept between builds: a page whose text, trusted scripts and last steps
(pages/finishing.py: the same code, stylesheets and words) are those of a page an earlier build
finished is not finished again. A credential page written after MkDocs' own is linked into the
site, and its sitemap.xml with it; a page MkDocs writes itself (the groups' pages, the first
credential pages of each kind) is given back to MkDocs as it was finished. The last steps are
most of what an unchanged page costs a rebuild; and a link makes no new file, which costs more
than writing one where many files were just removed.

A kept page's name is a signed digest of all that makes it (the same machine key as
kept_build.py): no file brought by a pull request can stand for a page, even one whose text is
known in advance. Each page in the site is a hard link to its kept file (a copy across disks);
pages/finishing.py writes a page as a new file, never into one already there.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from dataclasses import replace
from pathlib import Path

from ..pages.files import link_or_copy, plain_folders, remove_all_but
from ..pages.finishing import Finish, PageFile
from .kept_build import code_digest, signing_key

FOLDER = ".cache/catalogue/pages"


class KeptPages:
    """The kept pages of one language's pass."""

    def __init__(self, project_root: Path, finish: Finish):
        """Raises OSError when no signing key can be kept (then no page is kept either)."""
        self.project_root = Path(project_root)
        self.folder = self.project_root / FOLDER
        plain_folders(self.project_root, self.folder)  # nothing is read or written through a link
        made_with = (code_digest(), finish.lang, finish.toggle_names, finish.stylesheets.sheets)
        self._key = hmac.new(signing_key(), repr(made_with).encode(), hashlib.sha256)
        self.used: set[str] = set()  # the kept pages' paths this pass looked for
        self._scripts: dict[str, bytes] = {}  # script text -> its digest
        self.taken = 0

    def taken_or_to_keep(self, page: PageFile) -> PageFile | None:
        """None when `page` was written from its kept copy (and the file beside it from its own);
        otherwise the page, saying where to keep it once finished."""
        kept = self._kept_path(page.html, page.trusted_scripts, page.beside[1] if page.beside else None)
        kept_beside = f"{kept}.beside" if page.beside else None
        kept_files = [(kept, page.path)]
        if page.beside:
            kept_files.insert(0, (kept_beside, page.beside[0]))  # written first, as finish_and_write does
        self.used.update(source for source, _ in kept_files)
        if not all(_is_kept(source) for source, _ in kept_files):
            return replace(page, kept_as=kept, beside_kept_as=kept_beside)
        made: set[str] = set()
        for source, target in kept_files:
            link_or_copy(source, target, made)
        self.taken += 1
        return None

    def finished_before(self, html: str, trusted_scripts) -> tuple[str | None, str]:
        """A page MkDocs writes itself (its text is given back to MkDocs, not linked): its text as
        an earlier build finished it, or None; and where to keep it once finished (keep_finished)."""
        kept = self._kept_path(html, trusted_scripts)
        self.used.add(kept)
        if not _is_kept(kept):
            return None, kept
        with open(kept, "rb") as file:
            return file.read().decode("utf-8"), kept

    def keep_finished(self, kept: str, finished: str) -> None:
        """The page finished as `finished` kept at `kept`, whole or not at all."""
        os.makedirs(os.path.dirname(kept), exist_ok=True)
        writing = f"{kept}.{os.getpid()}"
        with open(writing, "wb") as file:
            file.write(finished.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes it
        os.replace(writing, kept)

    def _kept_path(self, html: str, trusted_scripts, beside: str | None = None) -> str:
        digest = self._key.copy()
        for script in trusted_scripts:
            digest.update(self._script_digest(script))
        digest.update(_sha256(html))
        if beside is not None:
            digest.update(_sha256(beside))
        name = digest.hexdigest()
        return f"{self.folder}/{name[:2]}/{name}"

    def _script_digest(self, script: str) -> bytes:
        """Each script hashed once a pass: every page carries the same few (the search pages'
        scripts, some 280 KB, among them)."""
        if script not in self._scripts:
            self._scripts[script] = _sha256(script)
        return self._scripts[script]


def _is_kept(path: str) -> bool:
    """A plain file: a link or a folder in its place is no kept file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def _sha256(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def tidy(project_root: Path, used: set[str]) -> None:
    """Only the pages this build used stay kept (after every language's pass)."""
    folder = Path(project_root) / FOLDER
    if folder.is_dir():
        remove_all_but(folder, {Path(path) for path in used})
