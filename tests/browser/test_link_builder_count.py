"""The link builder says how many credentials its link lists (the catalogue page finds as many),
warns when none, offers the QR code as PNG as well as SVG, and bounds the words: a link too long
for a QR code says so instead of throwing and leaving the previous list's code on screen."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from PIL import Image
from playwright.sync_api import expect
from pyzbar.pyzbar import decode
from support import PROJECT

WORDS = yaml.safe_load((PROJECT / "overrides" / "locales" / "catalogue.yml").read_text(encoding="utf-8"))
PREFIXES = {"fr": "", "en": "en/"}


def _count_shown(page) -> int:
    count = page.locator("[data-builder-count]")
    expect(count).not_to_have_attribute("data-count", "")
    expect(count).to_have_attribute("data-count", re.compile(r"^\d+$"))
    return int(count.get_attribute("data-count"))


def _catalogue_count(page, link: str) -> int:
    """What the catalogue page says it finds for the link (its status line: "12 micro-credentials")."""
    page.goto(link)
    page.locator("#mc-search[data-ready='true']").wait_for()
    digits = re.sub(r"\D", "", page.locator("#mc-status").inner_text().split(".")[0])
    return int(digits or 0)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_builder_counts_its_list_as_the_catalogue_does(clipboard_page, site_server, lang):
    page = clipboard_page
    for query in ("", "?sector=health", "?q=" + ("soins" if lang == "fr" else "nursing")):
        page.goto(site_server + PREFIXES[lang] + "links/" + query)
        shown = _count_shown(page)
        text = page.locator("[data-builder-count]").inner_text()
        link = page.locator("#mc-builder-link").input_value()
        assert shown == _catalogue_count(page, link), (query, text)
        assert shown > 0 and str(shown) in text.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", "")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_empty_list_is_warned_of(clipboard_page, site_server, lang):
    page = clipboard_page
    page.goto(site_server + PREFIXES[lang] + "links/?q=zzqxwvk")
    assert _count_shown(page) == 0
    expect(page.locator("[data-builder-count]")).to_have_text(WORDS["builder_count_none"][lang])


def _download(page, selector: str) -> bytes:
    with page.expect_download() as download:
        page.locator(selector).click()
    return Path(download.value.path()).read_bytes()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_qr_code_downloads_as_png_and_svg_of_the_same_link(clipboard_page, site_server, lang):
    page = clipboard_page
    page.goto(site_server + PREFIXES[lang] + "links/?sector=health")
    link = page.locator("#mc-builder-link").input_value()
    expect(page.locator("[data-builder-qr-png]")).to_have_attribute("href", re.compile("^blob:"))
    png = _download(page, "[data-builder-qr-png]")
    assert png.startswith(b"\x89PNG")
    (decoded,) = decode(Image.open(io.BytesIO(png)))
    assert decoded.data.decode("utf-8") == link
    assert _download(page, "[data-builder-qr-download]").startswith(b"<svg")
    assert page.locator("[data-builder-qr-png]").inner_text() == WORDS["builder_qr_download_png"][lang]


def test_words_are_bounded_and_a_link_too_long_for_a_qr_code_says_so(clipboard_page, site_server):
    page = clipboard_page
    page.goto(site_server + "links/")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    field = page.locator("#mc-builder-q")
    field.fill("é" * 5000)
    assert len(field.input_value()) <= int(field.get_attribute("maxlength"))
    # Every filter ticked and the longest words: the link may outgrow any QR code.
    page.locator(".mc-builder__filters > summary").click()
    for box in page.locator(".mc-builder__filters input[type='checkbox']").all():
        box.check()
    link = page.locator("#mc-builder-link").input_value()
    figure, note = page.locator("[data-builder-qr-figure]"), page.locator("[data-builder-qr-note]")
    if note.is_visible():
        expect(figure).to_be_hidden()
        expect(note).to_have_text(WORDS["builder_qr_too_long"]["fr"])
        assert page.locator("[data-builder-qr-png]").get_attribute("href") is None
    else:  # a dense code: read from the full-size PNG, as a newsletter would print it
        expect(page.locator("[data-builder-qr-png]")).to_have_attribute("href", re.compile("^blob:"))
        (decoded,) = decode(Image.open(io.BytesIO(_download(page, "[data-builder-qr-png]"))))
        assert decoded.data.decode("utf-8") == link
    assert not [error for error in errors if "overflow" in error], errors


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_builder_offers_the_feed_of_a_list_one_filter_makes(clipboard_page, site_server, lang):
    page = clipboard_page
    page.goto(site_server + PREFIXES[lang] + "links/?sector=health")
    feed = page.locator("[data-builder-feed-link]")
    expect(feed).to_be_visible()
    href = feed.get_attribute("href")
    assert href == f"{site_server}{PREFIXES[lang]}browse/sectors/health/feed.xml"
    assert page.request.get(href).text().lstrip().startswith("<?xml")
    expect(feed).to_have_text(WORDS["builder_feed"][lang])
    # The feed of exactly that list: no note that it may list more (two filters and more: test_link_builder_feeds.py).
    expect(page.locator("[data-builder-no-feed]")).to_be_hidden()
