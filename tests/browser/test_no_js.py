"""With JavaScript off, every listed credential is reached from the home page through links alone.

Following links runs no script, so the crawl reads the served pages with an HTML parser (a
browser without JavaScript sees the same links, <noscript> ones included); Chromium, with
JavaScript off, checks what only a rendering shows: the search that cannot work is hidden.
"""

from __future__ import annotations

import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from in_browser import LISTED


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href is not None:
            self.hrefs.append(href)


def links_of(url: str) -> tuple[str, list[str]]:
    """The page's address once any redirect is followed, and its links' href."""
    with urllib.request.urlopen(url) as response:
        parser = _Links()
        parser.feed(response.read().decode("utf-8"))
        return response.geturl(), parser.hrefs


def crawl_credentials(start: str) -> set[str]:
    """Follow the site's own links from `start` (never into credential pages) and collect the
    ids of the credential pages linked to."""
    base_path = urlparse(start).path
    to_visit, seen, credentials = [start], {start}, set()
    while to_visit:
        url, hrefs = links_of(to_visit.pop())
        for href in hrefs:
            target, _ = urldefrag(urljoin(url, href))
            path = urlparse(target).path
            if urlparse(target).netloc != urlparse(start).netloc or not path.startswith(base_path):
                continue
            relative = path[len(base_path) :]
            if relative.startswith("mc/"):
                credentials.add(relative.strip("/").split("/")[1])
            elif (relative == "" or relative.startswith("browse")) and target not in seen:
                seen.add(target)
                to_visit.append(target)
    return credentials


def test_the_crawl_sees_noscript_links_and_resolves_against_the_page():
    parser = _Links()
    parser.feed("<a>no link</a><noscript><a href='../browse/'>Browse</a></noscript><A HREF='mc/x/#top'>x</A>")
    assert parser.hrefs == ["../browse/", "mc/x/#top"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_listed_credential_is_reachable_without_javascript(browser, search_server, prefix):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(search_server + prefix + "catalogue/")
        assert page.locator("#mc-q").is_hidden()  # no search box that cannot work
        assert page.locator("[data-filters]").is_hidden()
        assert page.locator("noscript a").first.get_attribute("href") == "../browse/"
    finally:
        context.close()
    # Group pages reach every listed credential; the discontinued one is left out, as listings do.
    assert crawl_credentials(search_server + prefix) == LISTED
