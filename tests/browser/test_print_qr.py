"""On paper, the QR codes: a printed credential carries a small code beside its address, the
referral sheet the catalogue's code; each decodes (zbar) to its address, and each still prints on
one page."""

from __future__ import annotations

import io

import pytest
from in_browser import ARTIFACTS
from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import decode
from support import shipped_catalogue, shipped_example


def _shortest_description(credential) -> bool:
    """The record of shortest description: its page, code and address fit one sheet (a long
    description may take two; test_way_through prints the fullest record)."""

    def length(other) -> tuple[int, str]:
        return (len(other.description["en"]) if other.description else 0, other.id)

    return credential is min(shipped_catalogue().listed, key=length)


CREDENTIAL = shipped_example("has the shortest description", _shortest_description)


@pytest.fixture
def sharp_page(browser):
    """Four device pixels per CSS pixel, as a printer's resolution: a 17 mm code decodes."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, device_scale_factor=4)
    yield context.new_page()
    context.close()


def _printed_code(page, selector: str) -> str:
    page.emulate_media(media="print")
    image = page.locator(selector)
    assert image.is_visible()
    (code,) = decode(Image.open(io.BytesIO(image.screenshot())))
    return code.data.decode("utf-8")


def _pages(page, name: str) -> int:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    page.pdf(path=str(path), format="Letter")
    return len(PdfReader(path).pages)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_printed_credential_has_its_qr_code_beside_its_address(sharp_page, site_server, prefix):
    page = sharp_page
    page.goto(site_server + prefix + CREDENTIAL)
    assert not page.locator(".mc-print-address__qr").is_visible()  # on screen, the share box has it
    assert _printed_code(page, ".mc-print-address__qr") == site_server + prefix + CREDENTIAL
    beside = page.locator(".mc-print-address p").inner_text()
    assert (site_server + prefix + CREDENTIAL) in beside
    assert _pages(page, f"print-credential-qr-{prefix.strip('/') or 'fr'}") == 1


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_printed_referral_sheet_has_the_catalogues_qr_code(sharp_page, site_server, prefix):
    page = sharp_page
    page.goto(site_server + prefix + "practitioners/referral-sheet/")
    assert not page.locator("img.mc-print-qr").is_visible()
    assert _printed_code(page, "img.mc-print-qr") == site_server + prefix + "catalogue/"
    assert _pages(page, f"print-referral-sheet-qr-{prefix.strip('/') or 'fr'}") == 1
