"""The site served under a sub-path (GitHub Pages: https://<owner>.github.io/catalogue/): the
shipped data and the fixture records, built for SUBPATH_URL.

Every internal href, src and redirect of every built page is resolved against the page's own
URL, as a browser would, and must land on a file of the site inside /catalogue/.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from support import SUBPATH_URL, built_pages, shipped_example

SITE_URL = SUBPATH_URL


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if attributes.get(name):
                self.urls.append(attributes[name])
        refresh = re.match(r"\d+;\s*url=(.+)", attributes.get("content") or "", re.I)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh" and refresh:
            self.urls.append(refresh[1].strip())


@pytest.fixture(scope="module")
def subpath_site(records_build) -> Path:
    assert records_build.url == SITE_URL
    return records_build.site


def page_url(relative: str) -> str:
    return SITE_URL + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def target_file(site: Path, url: str) -> Path | None:
    """The file a same-site URL serves, or None when it leaves /catalogue/."""
    path = unquote(urlsplit(url).path)
    base = urlsplit(SITE_URL).path
    if not path.startswith(base):
        return None
    file = site / path[len(base) :]
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def test_every_internal_link_resolves_under_the_sub_path(subpath_site):
    host = urlsplit(SITE_URL).netloc
    broken, checked = [], 0
    for relative in sorted(built_pages(subpath_site)):
        parser = _Links()
        parser.feed((subpath_site / relative).read_text(encoding="utf-8"))
        for link in parser.urls:
            url = urljoin(page_url(relative), link)
            if urlsplit(url).scheme not in ("http", "https") or urlsplit(url).netloc != host:
                continue  # another site, mailto:, data:, javascript:
            checked += 1
            file = target_file(subpath_site, url)
            if file is None or not file.is_file():
                broken.append(f"{relative}: {link} -> {url}")
    assert broken == []
    assert checked > 1000  # the crawl really followed the site's links


def test_the_crawl_would_see_a_link_that_escapes_the_sub_path(subpath_site):
    credential = shipped_example("is listed", lambda c: True)  # "mc/<id>/"
    escaping = urljoin(page_url("about/index.html"), "/" + credential)
    assert target_file(subpath_site, escaping) is None
    inside = urljoin(page_url("about/index.html"), "../" + credential)
    assert target_file(subpath_site, inside).is_file()


def test_canonical_addresses_carry_the_sub_path(subpath_site):
    html = (subpath_site / "en" / "practitioners" / "referral-sheet" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}en/practitioners/referral-sheet/">' in html
