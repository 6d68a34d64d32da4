"""The link builder of the "Share a link" page in a real Chromium, with the keyboard: the filters
ticked give a link, an <iframe> code and a QR code for exactly that list; the QR code decodes
(zbar) to the link, and the code, pasted into a page of another origin, shows that list."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse

import pytest
from conftest import ARTIFACTS, axe_violations
from PIL import Image
from playwright.sync_api import expect
from pyzbar.pyzbar import decode
from support import serve

CHOSEN = {"pathway": {"postsecondary"}, "sector": {"health", "education-law-social-government"}}
UPDATED = {"fr": "Lien, code et code QR mis à jour", "en": "Link, code and QR code updated"}
COPIED = {"fr": "Lien copié", "en": "Link copied"}


class _Tags(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.tags = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _filters_of(url: str) -> dict[str, set[str]]:
    return {key: set(value.split(",")) for key, value in parse_qsl(urlparse(url).query)}


def _tick_with_keyboard(page):
    summary = page.locator(".mc-builder__filters > summary")
    summary.focus()
    page.keyboard.press("Enter")  # opens the filters
    for param, keys in CHOSEN.items():
        for key in sorted(keys):
            page.locator(f"#mc-b-{param}-{key}").focus()
            page.keyboard.press("Space")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_builder_gives_a_link_code_and_qr_code_of_the_same_list(clipboard_page, site_server, tmp_path, prefix):
    page = clipboard_page
    lang = "en" if prefix else "fr"
    page.goto(site_server + prefix + "links/")
    _tick_with_keyboard(page)
    status = page.locator("[data-builder-status]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    expect(status).to_have_text(UPDATED[lang])

    link = page.locator("#mc-builder-link").input_value()
    assert link.split("?")[0] == f"{site_server}{prefix}catalogue/"
    assert _filters_of(link) == CHOSEN

    tags = _Tags(page.locator("#mc-builder-snippet").input_value()).tags
    (frame,) = [attrs for tag, attrs in tags if tag == "iframe"]
    (script,) = [attrs for tag, attrs in tags if tag == "script"]
    assert frame["src"].split("?")[0] == f"{site_server}{prefix}embed/" and _filters_of(frame["src"]) == CHOSEN
    assert frame["title"] and script["src"] == f"{site_server}assets/javascripts/embed-host.js"

    qr = page.locator("[data-builder-qr]")
    assert link in qr.get_attribute("alt")
    (decoded,) = decode(Image.open(io.BytesIO(qr.screenshot())))
    assert decoded.data.decode("utf-8") == link
    # The download link gives that very drawing as an SVG file.
    with page.expect_download() as download:
        page.locator("[data-builder-qr-download]").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved.startswith("<svg") and saved == unquote(qr.get_attribute("src").split(",", 1)[1])

    page.locator("[data-builder-copy='link']").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text(COPIED[lang])
    assert page.evaluate("navigator.clipboard.readText()") == link

    assert axe_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#mc-builder").screenshot(path=str(ARTIFACTS / f"link-builder-{lang}.png"))

    # The code, pasted into a network's page on another origin, shows exactly that list.
    snippet = page.locator("#mc-builder-snippet").input_value()
    (tmp_path / "index.html").write_text(
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>Network</title></head>"
        f"<body><main><h1>Network</h1>{snippet}</main></body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as host_url:
        page.goto(host_url.replace("127.0.0.1", "localhost"))
        inner = page.frame_locator("iframe")
        inner.locator("#mc-embed[data-ready='true']").wait_for()
        page.wait_for_function("document.querySelector('iframe').getBoundingClientRect().height !== 600")
        assert inner.locator("[data-results] > li").count() >= 1
        assert _filters_of(inner.locator("[data-full]").get_attribute("href")) == CHOSEN
