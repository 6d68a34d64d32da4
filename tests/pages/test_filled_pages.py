"""Credential pages are the theme's page rendered once per kind, then filled with each page's own
texts (pages/shell.py): a reader gets exactly the page the theme would have rendered.

A test build (tests/support.py) compares each filled page with the theme's own rendering and
stops on a difference. The fixture sites are built as a user builds, most credential pages
written after MkDocs' own (hooks/mkdocs_catalogue.py, _write_filled_pages); two of them (hostile
texts; aliases, a discontinued record and a sub-path) are built again with every page through
MkDocs and compared, so both properties hold on each of their pages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup, escape
from microcredential_catalogue.pages.shell import (
    BODY,
    DESCRIPTION,
    HEAD,
    PRINT_QR,
    TITLE,
    Shell,
    escaped_markers,
    page_values,
)
from support import FIXTURES, blank_knowledge_pages, copy_project, mkdocs_build

FALLBACK = "rendered by the theme"  # what the build says of a kind of page it could not fill


def _marked_page() -> str:
    """A page as a theme prints it with markers for the page's texts (its title twice)."""
    return (
        f"<title>{escape(TITLE)} - Catalogue</title>{HEAD}"
        f'<link rel="canonical" href="https://example.org/mc/model/">'
        f'<meta name="description" content="{escape(DESCRIPTION)}">'
        f'<span class="md-ellipsis">{escape(TITLE)}</span>{BODY}'
        f'<img src="{escape(PRINT_QR)}"><a href="../../en/mc/model/">English</a>'
    )


def test_a_shell_filled_with_a_pages_texts_is_that_page_escaped_once():
    shell = Shell.cut(_marked_page(), escaped_markers("mc/model/"))
    values = page_values(
        "Soins & « santé »", 'Dire "oui"', "qr.svg?v=1", "<h1>Soins</h1>", "<meta property='og:x'>", "mc/soins/"
    )
    assert shell.fill(values) == (
        "<title>Soins &amp; « santé » - Catalogue</title><meta property='og:x'>"
        '<link rel="canonical" href="https://example.org/mc/soins/">'
        '<meta name="description" content="Dire &#34;oui&#34;">'
        '<span class="md-ellipsis">Soins &amp; « santé »</span><h1>Soins</h1>'
        '<img src="qr.svg?v=1"><a href="../../en/mc/soins/">English</a>'
    )


@pytest.mark.parametrize(
    "printed",
    [
        "{{ title | striptags }}",  # unescaped: "&" and "'" printed raw
        "{{ title | lower }}",
        "{{ title | upper }}",
        "{{ title | urlencode }}",
    ],
)
def test_a_text_the_theme_prints_its_own_way_leaves_no_shell(printed):
    """Such a page cannot be filled by replacing the marker: the build renders it with the theme."""
    rendered = jinja2.Environment().from_string(f"<title>{printed}</title>{BODY}").render(title=escape(TITLE))
    assert Shell.cut(rendered, escaped_markers("mc/model/")) is None


def test_the_shipped_site_fills_every_credential_page(shipped_build):
    assert FALLBACK not in shipped_build.result.stderr


def test_the_hostile_records_fill_every_credential_page(fixture_sites):
    assert FALLBACK not in fixture_sites["hostile"].result.stderr


def _built_with_title_printed(tmp_path, printed: str, compare_filled_pages: bool = True):
    """The search fixture's site, its theme printing each page's title once more, as `printed`
    (a filter applied to page.meta.title); the build's result and each credential page's HTML."""
    project = copy_project(tmp_path / "project", data=FIXTURES / "search-data")
    blank_knowledge_pages(project)
    main = project / "overrides" / "main.html"
    meta = '<meta charset="utf-8">'
    extra = f'{{% if page and page.meta %}}<meta name="x-title" content="{{{{ page.meta.title | {printed} }}}}">{{% endif %}}'
    main.write_text(main.read_text(encoding="utf-8").replace(meta, meta + extra, 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", compare_filled_pages=compare_filled_pages)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    pages = [
        page.read_text(encoding="utf-8") for page in [*site.glob("mc/*/index.html"), *site.glob("en/mc/*/index.html")]
    ]
    return result, [html for html in pages if 'http-equiv="refresh"' not in html]  # not an old address's redirect


def _printed_title(html: str, printed: str) -> str:
    """What the theme prints for the page's title through `printed`."""
    title = Markup(re.search(r"<title>(.*?) - ", html).group(1))  # escaped once, as the page holds it
    return jinja2.Environment().from_string(f"{{{{ title | {printed} }}}}").render(title=title)


@pytest.mark.parametrize(
    ("printed", "compare_every_page", "why"),
    [
        ("upper", True, "its own way"),  # the cut finds a marker changed
        ("truncate(24)", False, "differed"),  # the marker is short enough to pass: the comparison finds it
    ],
)
def test_a_theme_that_prints_a_title_its_own_way_still_gets_every_page_right(
    tmp_path, printed, compare_every_page, why
):
    """A template change the shell cannot follow: the build says so, and the theme renders those pages."""
    result, pages = _built_with_title_printed(tmp_path, printed, compare_every_page)
    assert FALLBACK in result.stderr and why in result.stderr
    assert len(pages) >= 2 * 5
    for html in pages:
        assert f'<meta name="x-title" content="{_printed_title(html, printed)}">' in html


DEFERRED = "credential pages written after MkDocs' own"  # what the build says when it does


@pytest.mark.parametrize("name", ["hostile", "records"])
def test_pages_written_after_mkdocs_are_the_pages_mkdocs_would_write(fixture_sites, tmp_path, name):
    """The same project built with every page through MkDocs' page loop, each filled page compared
    with the theme's own rendering, gives the same site, byte for byte."""
    built = fixture_sites[name]
    said = re.search(rf"(\d+) {DEFERRED}", built.result.stderr)
    assert said and int(said.group(1)) > 0, "the fixture's build wrote no page after MkDocs' own"
    project = shutil.copytree(built.project, tmp_path / "project", symlinks=True)
    result = mkdocs_build(project, tmp_path / "site", site_url=built.url)  # every page compared
    assert result.returncode == 0, result.stderr[-3000:]
    assert DEFERRED not in result.stderr
    compared, deferred = _site_files(tmp_path / "site"), _site_files(built.site)
    assert not sorted(path for path in compared.keys() | deferred.keys() if compared.get(path) != deferred.get(path))


def _site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}
