"""The share box of a credential page in a real Chromium: copy the link and the ready-made text
with the keyboard, hear "Link copied", and scan the QR code back to the page's address."""

import io
from urllib.parse import quote

import pytest
from in_browser import axe_violations, screenshot
from microcredential_catalogue.wording.facts import as_said
from PIL import Image
from playwright.sync_api import expect
from pyzbar.pyzbar import decode
from support import shipped_catalogue, shipped_credential, shipped_example, shipped_wording

# A record whose cost is known: the ready-made text names it right after the provider.
CREDENTIAL = shipped_example("gives its cost", lambda c: c.cost_amount is not None or c.cost_note is not None)
RECORD = shipped_credential(CREDENTIAL)


@pytest.mark.parametrize(("prefix", "copied"), [("", "Lien copié"), ("en/", "Link copied")])
def test_the_link_is_copied_with_the_keyboard_and_announced(clipboard_page, site_server, prefix, copied):
    page = clipboard_page
    page.goto(site_server + prefix + CREDENTIAL)
    button = page.locator("[data-mc-copy='link']")
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator(".mc-share__status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    expect(status).to_have_text(copied)  # waits without eval: the page's CSP forbids it
    assert page.evaluate("navigator.clipboard.readText()") == site_server + prefix + CREDENTIAL


def test_the_ready_made_text_is_copied_in_the_page_language(clipboard_page, site_server):
    page = clipboard_page
    page.goto(site_server + CREDENTIAL)
    page.locator("[data-mc-copy='text']").click()
    expect(page.locator(".mc-share__status")).not_to_be_empty()
    text = page.evaluate("navigator.clipboard.readText()")
    title, facts, address = text.splitlines()
    assert title == page.locator("h1").inner_text() == as_said(RECORD.title["fr"], "fr")
    provider = as_said(shipped_catalogue().providers[RECORD.provider].name["fr"], "fr")
    wording = shipped_wording()  # the line every copy says: the site's own words take no capital after the colon
    cost = wording.labelled("cost", wording.after_colon("cost", wording.cost(RECORD, "fr"), RECORD, "fr"), "fr")
    assert cost.startswith("Coût\u00a0: ")
    assert facts.startswith(f"{provider} · {cost}")  # in French, with French spacing
    assert address == site_server + CREDENTIAL


def test_the_email_link_carries_the_title_and_address(page, site_server):
    page.goto(site_server + "en/" + CREDENTIAL)
    mailto = page.locator(".mc-share a[href^='mailto:']").get_attribute("href")
    title = quote(RECORD.title["en"])
    assert mailto.startswith(f"mailto:?subject={title}&body={title}%0A")
    assert (site_server + "en/" + CREDENTIAL).replace(":", "%3A").replace("/", "%2F") in mailto


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_qr_code_scans_to_the_page_address(page, site_server, prefix):
    page.goto(site_server + prefix + CREDENTIAL)
    qr = page.locator(".mc-share__qr img")
    qr.scroll_into_view_if_needed()
    png = qr.screenshot()
    (symbol,) = decode(Image.open(io.BytesIO(png)).convert("L"))
    assert symbol.data.decode() == site_server + prefix + CREDENTIAL
    assert page.requests.failed == [] and page.requests.foreign() == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_share_box_has_no_accessibility_violation_and_fits_a_phone(browser, site_server, prefix):
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(site_server + prefix + CREDENTIAL)
        page.locator(".mc-share").scroll_into_view_if_needed()
        assert axe_violations(page) == []
        overflow = page.evaluate(
            "document.querySelector('.mc-share').scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        screenshot(page, f"share-box-{prefix.strip('/') or 'fr'}-{width}")
        context.close()


def test_the_share_box_stays_off_paper(page, site_server):
    """A printed credential fits one sheet with its address written out (test_way_through)."""
    page.goto(site_server + CREDENTIAL)
    page.emulate_media(media="print")
    assert not page.locator(".mc-share").is_visible()
