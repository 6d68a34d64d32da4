"""The credential pages written after MkDocs' own get their last steps (the theme's toggles, French
typography, critical styles, policy) here or in other processes (building/page_finisher.py): the
same files either way, and a page with an inline script nobody trusted still stops the build."""

from __future__ import annotations

import multiprocessing

import pytest
from microcredential_catalogue.building.page_finisher import BATCH, MIN_TO_SHARE, PageFinisher
from microcredential_catalogue.pages.critical_css import MARKER, Stylesheets
from microcredential_catalogue.pages.finishing import Finish, PageFile, UnfinishedPage, finished
from microcredential_catalogue.pages.theme_markup import SEARCH_TOGGLE, ToggleNames

STYLES = "assets/stylesheets/main.css"
THEME_SCRIPT = "var theme = 1"


def _finish(lang: str = "fr") -> Finish:
    sheets = Stylesheets([(STYLES, ".mc-title{color:navy}.unused{color:red}@media print{h1{color:#000}}")])
    return Finish(lang, ToggleNames(search="Chercher", table_of_contents="Sur cette page"), sheets)


def _page(number: int, script: str = THEME_SCRIPT) -> str:
    return (
        f'<!doctype html><html lang="fr"><head><link rel="stylesheet" href="../../{STYLES}?v=1">'
        f"<title>Fiche {number} : soins</title></head><body>{SEARCH_TOGGLE}"
        f'<h1 class="mc-title">Coût : 1 000 $ « fiche {number} »</h1><script>{script}</script>{MARKER}</body></html>'
    )


def _pages(folder, count: int, untrusted_at: int | None = None) -> list[PageFile]:
    return [
        PageFile(
            f"mc/{n}.fr.md",
            _page(n, "alert(1)" if n == untrusted_at else THEME_SCRIPT),
            (THEME_SCRIPT,),
            str(folder / "mc" / str(n) / "index.html"),
            (str(folder / "mc" / str(n) / "sitemap.xml"), f"<urlset>{n}</urlset>"),
        )
        for n in range(count)
    ]


def _written(folder) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _finished_by(folder, workers: int, count: int = MIN_TO_SHARE + 3 * BATCH) -> dict[str, bytes]:
    finisher = PageFinisher(_finish(), count, workers=workers)
    for page in _pages(folder, count):
        finisher.add(page)
    finisher.close()
    return _written(folder)


def test_pages_finished_by_other_processes_are_the_pages_finished_here(tmp_path):
    shared = _finished_by(tmp_path / "shared", workers=2)
    here = _finished_by(tmp_path / "here", workers=0)
    assert shared == here
    assert len(here) == 2 * (MIN_TO_SHARE + 3 * BATCH)  # each page and its sitemap


def test_a_finished_page_is_the_page_with_its_last_steps(tmp_path):
    """What a worker writes is what `finished` gives: typography, toggles, styles and policy applied."""
    pages = _finished_by(tmp_path, workers=1)
    page = pages["mc/0/index.html"].decode("utf-8")
    assert page == finished(_page(0), _finish(), [THEME_SCRIPT])
    assert "Coût\u00a0: 1\u00a0000\u00a0$ «\u00a0fiche 0\u00a0»" in page
    assert 'aria-label="Chercher"' in page and "<style>.mc-title{color:navy}</style>" in page
    assert "Content-Security-Policy" in page
    assert pages["mc/0/sitemap.xml"] == b"<urlset>0</urlset>"


@pytest.mark.parametrize("workers", [0, 1])
def test_an_inline_script_nobody_trusted_stops_the_pages_wherever_they_are_finished(tmp_path, workers):
    """The first batch goes to a worker when there is one: its refusal comes back, naming the page."""
    finisher = PageFinisher(_finish(), MIN_TO_SHARE, workers=workers)
    with pytest.raises(UnfinishedPage, match=r"^mc/1\.fr\.md: an inline script the theme did not write"):
        for page in _pages(tmp_path, MIN_TO_SHARE, untrusted_at=1):
            finisher.add(page)
        finisher.close()
    finisher.cancel()
    assert not (tmp_path / "mc" / "1" / "index.html").exists()


def test_a_few_pages_are_finished_here(tmp_path):
    """Below MIN_TO_SHARE pages, no worker is started: they are finished as they are added."""
    finisher = PageFinisher(_finish("en"), BATCH, workers=2)
    for page in _pages(tmp_path, BATCH):
        finisher.add(page)
    assert len(_written(tmp_path)) == 2 * BATCH  # written before close: no process to wait for
    finisher.close()


def test_workers_start_once_the_other_cores_are_free(tmp_path):
    """While the drawings hold the other cores, the pages are finished here; once they are done,
    a worker shares the pages left, and the files are the same as finished here alone."""
    count = MIN_TO_SHARE + 4 * BATCH
    cores_taken = [True]
    finisher = PageFinisher(_finish(), count, workers=1, cores_busy=lambda: cores_taken[0])
    pages = _pages(tmp_path / "shared", count)
    for page in pages[: 2 * BATCH]:
        finisher.add(page)
    assert not multiprocessing.active_children()
    cores_taken[0] = False
    for page in pages[2 * BATCH :]:
        finisher.add(page)
    assert multiprocessing.active_children()
    finisher.close()
    assert _written(tmp_path / "shared") == _finished_by(tmp_path / "here", workers=0, count=count)
