"""The knowledge pages, in both languages, in a real Chromium: accessible, self-contained, printable."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ARTIFACTS, axe_violations, screenshot
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


def printed(page, name: str) -> PdfReader:
    """The page as Chromium prints it on Letter paper, kept in test-artifacts/ to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    page.pdf(path=str(path), format="Letter")
    return PdfReader(path)


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("address", KNOWLEDGE_PAGES)
def test_knowledge_page_is_accessible_and_asks_no_other_host(page, site_server, root, address):
    page.goto(site_server + root + address)
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


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("address", KNOWLEDGE_PAGES)
def test_printing_leaves_no_blank_last_page(page, site_server, root, address):
    page.goto(site_server + root + address)
    pdf = printed(page, "print-" + (root + address).strip("/").replace("/", "-"))
    assert pdf.pages[-1].extract_text().strip() != ""
