"""A page's last steps once the theme rendered it (or its shell was filled): the theme's toggles
corrected, French typography, its critical styles inline, then its Content-Security-Policy.

The same steps for every page, in the build's process (hooks/mkdocs_catalogue.py, on_post_page),
or, for the thousands of credential pages written after MkDocs' own, shared with processes on the
machine's other cores (building/page_finisher.py), each writing the pages it finished.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..wording.typography import french_html
from . import critical_css, csp
from .files import link_or_copy, write_new
from .theme_markup import ToggleNames, with_valid_theme_markup


@dataclass(frozen=True)
class Finish:
    """What finishing a page needs that is the same for every page of a language."""

    lang: str
    toggle_names: ToggleNames
    stylesheets: critical_css.Stylesheets


def finished(html: str, finish: Finish, trusted_scripts: list[str]) -> str:
    """The page as the site serves it. Raises csp.UntrustedScript for an inline script that is
    not one of `trusted_scripts` (the theme's and ours)."""
    html = with_valid_theme_markup(html, finish.toggle_names)
    if finish.lang == "fr":
        html = french_html(html)
    html, critical = critical_css.with_critical_styles(html, finish.stylesheets)
    return csp.with_policy(html, trusted_scripts, [critical] if critical else [])


@dataclass(frozen=True)
class PageFile:
    """A page to finish and write, and a small file written beside it first (its sitemap.xml)."""

    source: str  # the page's source under docs/, for messages
    html: str
    trusted_scripts: tuple[str, ...]
    path: str  # where the finished page is written
    beside: tuple[str, str] | None = None  # (path, text)
    kept_as: str | None = None  # where to keep the finished page for later builds (building/kept_pages.py)
    beside_kept_as: str | None = None  # and the file beside it


class UnfinishedPage(Exception):
    """A page that may not be published as it is (an inline script nobody trusted)."""

    def __init__(self, source: str, reason: str):
        super().__init__(source, reason)
        self.source, self.reason = source, reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def finish_and_write(pages: list[PageFile], finish: Finish | None = None) -> None:
    """Each page finished and written, as MkDocs writes a page (folders made; characters UTF-8
    cannot hold written as references). In a worker, `finish` is the one it was started with."""
    finish = finish or _worker_finish
    for page in pages:
        made = set()  # the folders made sure of: a page's sitemap is beside it
        if page.beside:
            write_new(page.beside[0], page.beside[1].encode("utf-8"), made)
        try:
            html = finished(page.html, finish, list(page.trusted_scripts))
        except csp.UntrustedScript as untrusted:
            raise UnfinishedPage(page.source, str(untrusted)) from None
        if html.strip():
            write_new(page.path, html.encode("utf-8", errors="xmlcharrefreplace"), made)
            if page.kept_as:
                if page.beside:
                    _keep(page.beside[0], page.beside_kept_as)
                _keep(page.path, page.kept_as)


def _keep(path: str, kept_as: str) -> None:
    """The finished page at `path` kept under `kept_as` (a hard link; a copy across disks), whole
    or not at all."""
    writing = f"{kept_as}.{os.getpid()}"
    link_or_copy(path, writing)
    os.replace(writing, kept_as)


_worker_finish: Finish | None = None  # in a worker process: the Finish its pool gave it


def use_in_worker(finish: Finish) -> None:
    """Start of a worker process (building/page_finisher.py): what it finishes pages with."""
    global _worker_finish
    _worker_finish = finish
