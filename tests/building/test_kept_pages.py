"""A credential page an earlier build finished is taken, not finished again (building/kept_pages.py):
the same file, and only when everything that makes it is the same."""

from __future__ import annotations

from dataclasses import replace

import pytest
from microcredential_catalogue.building import kept_pages
from microcredential_catalogue.building.page_finisher import BATCH, MIN_TO_SHARE, PageFinisher
from microcredential_catalogue.pages import finishing
from microcredential_catalogue.pages.critical_css import Stylesheets
from microcredential_catalogue.pages.finishing import Finish, finish_and_write

from tests.building.test_page_finisher import STYLES, _finish, _pages, _written

COUNT = MIN_TO_SHARE + 2 * BATCH


@pytest.fixture(autouse=True)
def own_signing_key(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def finished_with(project, site, finish: Finish, pages, workers: int = 0) -> kept_pages.KeptPages:
    project.mkdir(exist_ok=True)
    kept = kept_pages.KeptPages(project, finish)
    finisher = PageFinisher(finish, len(pages), workers=workers, kept=kept)
    for page in pages:
        finisher.add(page)
    finisher.close()
    return kept


def test_a_page_finished_before_is_taken_and_is_the_same_file(tmp_path):
    project = tmp_path / "project"
    first = finished_with(project, tmp_path / "first", _finish(), _pages(tmp_path / "first", COUNT), workers=1)
    assert first.taken == 0
    again = finished_with(project, tmp_path / "again", _finish(), _pages(tmp_path / "again", COUNT))
    assert again.taken == COUNT
    assert _written(tmp_path / "again") == _written(tmp_path / "first")
    assert len(_written(tmp_path / "again")) == 2 * COUNT  # each page and its sitemap
    # Taken, not written: no new file is made (slow where many were just removed, as a site is).
    kept_inodes = {path.stat().st_ino for path in (project / kept_pages.FOLDER).rglob("*") if path.is_file()}
    assert {path.stat().st_ino for path in (tmp_path / "again").rglob("*") if path.is_file()} <= kept_inodes


def changed_html(pages):
    return [replace(pages[0], html=pages[0].html.replace("soins", "soin")), *pages[1:]]


def changed_scripts(pages):
    return [replace(pages[0], trusted_scripts=(*pages[0].trusted_scripts, "var other = 2")), *pages[1:]]


def changed_sitemap(pages):
    path, text = pages[0].beside
    return [replace(pages[0], beside=(path, text.replace("</urlset>", "<url/></urlset>"))), *pages[1:]]


@pytest.mark.parametrize("change", [changed_html, changed_scripts, changed_sitemap])
def test_a_page_whose_text_or_scripts_changed_is_finished_again(tmp_path, change):
    project = tmp_path / "project"
    finished_with(project, tmp_path / "first", _finish(), _pages(tmp_path / "first", COUNT))
    pages = change(_pages(tmp_path / "again", COUNT))
    again = finished_with(project, tmp_path / "again", _finish(), pages)
    assert again.taken == COUNT - 1
    assert _written(tmp_path / "again") == _written(finished_afresh(tmp_path / "afresh", pages))


def finished_afresh(site, pages):
    site.mkdir(parents=True)
    pages = [replace(page, path=page.path.replace("/again/", "/afresh/")) for page in pages]
    pages = [replace(page, beside=(page.beside[0].replace("/again/", "/afresh/"), page.beside[1])) for page in pages]
    finish_and_write(pages, _finish())
    return site


@pytest.mark.parametrize(
    "other",
    [
        lambda: _finish("en"),
        lambda: Finish("fr", _finish().toggle_names, Stylesheets([(STYLES, ".mc-title{color:teal}")])),
        lambda: replace(_finish(), toggle_names=replace(_finish().toggle_names, search="Rechercher")),
    ],
    ids=["another language", "other stylesheets", "other words"],
)
def test_pages_finished_with_other_steps_are_finished_again(tmp_path, other):
    project = tmp_path / "project"
    finished_with(project, tmp_path / "first", _finish(), _pages(tmp_path / "first", COUNT))
    assert finished_with(project, tmp_path / "again", other(), _pages(tmp_path / "again", COUNT)).taken == 0


def test_another_machines_kept_pages_are_not_taken(tmp_path, monkeypatch):
    """Names signed by this machine's key: a file brought by a pull request never stands for a page."""
    project = tmp_path / "project"
    finished_with(project, tmp_path / "first", _finish(), _pages(tmp_path / "first", COUNT))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    assert finished_with(project, tmp_path / "again", _finish(), _pages(tmp_path / "again", COUNT)).taken == 0


def test_writing_the_site_again_leaves_the_kept_pages_as_they_were(tmp_path):
    """A site page is a hard link to its kept file: a page written again there is a new file."""
    project = tmp_path / "project"
    finished_with(project, tmp_path / "site", _finish(), _pages(tmp_path / "site", COUNT))
    kept_before = _written(project / kept_pages.FOLDER)
    finish_and_write(changed_html(_pages(tmp_path / "site", COUNT)), _finish())
    assert _written(project / kept_pages.FOLDER) == kept_before
    assert finished_with(project, tmp_path / "again", _finish(), _pages(tmp_path / "again", COUNT)).taken == COUNT
    assert _written(tmp_path / "again") != _written(tmp_path / "site")


def test_only_the_pages_a_build_used_stay_kept(tmp_path):
    project = tmp_path / "project"
    finished_with(project, tmp_path / "first", _finish(), _pages(tmp_path / "first", COUNT))
    second = finished_with(project, tmp_path / "again", _finish(), changed_html(_pages(tmp_path / "again", COUNT)))
    kept_pages.tidy(project, second.used)
    assert len(_written(project / kept_pages.FOLDER)) == 2 * COUNT  # each page and its sitemap
    third = finished_with(project, tmp_path / "third", _finish(), _pages(tmp_path / "third", COUNT))
    assert third.taken == COUNT - 1


def test_a_page_mkdocs_writes_itself_is_given_back_as_an_earlier_build_finished_it(tmp_path):
    """The groups' pages go through MkDocs' own loop: their finished text, not a link, is kept."""
    project = tmp_path / "project"
    project.mkdir()
    page = _pages(tmp_path / "site", 1)[0]
    first = kept_pages.KeptPages(project, _finish())
    text, kept_as = first.finished_before(page.html, page.trusted_scripts)
    assert text is None
    finished = finishing.finished(page.html, _finish(), list(page.trusted_scripts))
    first.keep_finished(kept_as, finished)

    again = kept_pages.KeptPages(project, _finish())
    assert again.finished_before(page.html, page.trusted_scripts)[0] == finished
    assert again.finished_before(changed_html([page])[0].html, page.trusted_scripts)[0] is None
    assert again.finished_before(page.html, changed_scripts([page])[0].trusted_scripts)[0] is None
    assert kept_pages.KeptPages(project, _finish("en")).finished_before(page.html, page.trusted_scripts)[0] is None
