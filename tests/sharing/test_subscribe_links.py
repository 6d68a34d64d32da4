"""A list that has a feed says so where people look: every page whose head announces an Atom feed
shows a visible link to it, in its language, and the catalogue page offers the feed of new
micro-credentials. The links lead to published feeds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from support import html_document

ATOM = "application/atom+xml"


def _links(page: Path):
    document = html_document(page.read_text(encoding="utf-8"))
    head = {link.get("href") for link in document.find("head").iter("link") if link.get("type") == ATOM}
    body = [a for a in document.find("body").iter("a") if a.get("type") == ATOM]
    return head, body


def _published(site: Path, page: Path, href: str) -> Path:
    target = urljoin(page.relative_to(site).as_posix(), href)
    return site / target


@pytest.mark.parametrize("root", ["", "en/"])
def test_every_list_with_a_feed_shows_a_visible_subscribe_link(shipped_build, root):
    site, lists = shipped_build.site, 0
    for page in sorted((site / root / "browse").rglob("index.html")):
        head, body = _links(page)
        announced = {href for href in head if href.endswith("/feed.xml")}
        if not announced:
            continue
        lists += 1
        assert body, f"{page}: the head announces a feed the page does not show"
        for a in body:
            feed = _published(site, page, a.get("href"))
            assert feedparser.parse(feed.read_bytes()).version == "atom10", feed
            assert "".join(a.itertext()).strip()
    assert lists > 0


@pytest.mark.parametrize("root", ["", "en/"])
def test_the_catalogue_page_offers_the_feed_of_new_credentials(shipped_build, root):
    site = shipped_build.site
    page = site / root / "catalogue" / "index.html"
    (link,) = _links(page)[1]
    feed = _published(site, page, link.get("href"))
    assert feed.name == "new.xml" and feedparser.parse(feed.read_bytes()).version == "atom10"
    assert feed.parent == site / root / "share"
