"""The knowledge pages, in both languages, in a real Chromium: accessible, self-contained, printable.

Each page is loaded once, then checked by axe and printed (a module fixture per page: pytest runs
both tests of a page one after the other).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from in_browser import ARTIFACTS, axe_violations, logged_tab, screenshot
from pypdf import PdfReader

KNOWLEDGE_PAGES = [
    "learn/what-is/",
    "learn/questions/",
    "practitioners/",
    "practitioners/referral-sheet/",
    "about/",
    "links/",
    "contributing/",
    "editors/",
    "editors/fields/",
]
ROOTS = ["", "en/"]
LOADED = [(root, address) for root in ROOTS for address in KNOWLEDGE_PAGES]


@pytest.fixture(scope="module", params=LOADED, ids=[root + address for root, address in LOADED])
def knowledge_page(request, browser, site_server):
    """One knowledge page, loaded once for the tests that read it; yields (tab, root, address)."""
    root, address = request.param
    with logged_tab(browser, site_server) as tab:
        tab.goto(site_server + root + address)
        yield tab, root, address


def printed(page, name: str) -> PdfReader:
    """The page as Chromium prints it on Letter paper, kept in test-artifacts/ to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    page.pdf(path=str(path), format="Letter")
    return PdfReader(path)


def test_knowledge_page_is_accessible_and_asks_no_other_host(knowledge_page):
    page, root, _ = knowledge_page
    assert page.locator("html").get_attribute("lang") == (root.strip("/") or "fr")
    assert axe_violations(page) == []
    assert page.requests.foreign() == []


@pytest.mark.parametrize("root", ROOTS)
def test_referral_sheet_prints_on_one_page(page, site_server, root):
    page.goto(site_server + root + "practitioners/referral-sheet/")
    name = f"referral-sheet-{root.strip('/') or 'fr'}"
    pdf = printed(page, name)
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert ("Mon plan" if root == "" else "My plan") in text
    assert "Catalogue des microcertifications" not in text.splitlines()[0]  # no site header on paper
    screenshot(page, name)
    # A PNG of the printed sheet, for a person to look at (Poppler's pdftoppm, when installed).
    if shutil.which("pdftoppm"):
        png = ARTIFACTS / f"{name}-print"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(ARTIFACTS / f"{name}.pdf"), str(png)])


def test_printing_leaves_no_blank_last_page(knowledge_page):
    page, root, address = knowledge_page
    pdf = printed(page, "print-" + (root + address).strip("/").replace("/", "-"))
    assert pdf.pages[-1].extract_text().strip() != ""
