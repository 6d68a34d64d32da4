"""A copy of the site served from another origin than the one it was built for (a staging host,
"www.", plain http) behaves as on its own: no request to the built-for origin, none refused by
the page's policy, none failing, no console error. The theme fetches "sitemap.xml" beside every
<link rel="alternate">, whose addresses are absolute (search engines want them so)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from in_browser import SecurityLog
from support import serve, shipped_example

PAGES = [
    "",
    "en/",
    shipped_example("is listed", lambda credential: True),
    "en/" + shipped_example("is listed", lambda credential: True),
    "browse/sectors/",
    "en/catalogue/",
    "en/about/",
    "404.html",  # its base is "/", not a relative path
    "en/404.html",
]


@pytest.fixture(scope="module")
def elsewhere(shipped_build):
    """The shipped site, built for site_server's address, served on another port: another origin."""
    with serve(shipped_build.site) as url:
        assert urlparse(url).netloc != urlparse(shipped_build.url).netloc
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_a_copy_on_another_origin_asks_nothing_of_the_original(browser, shipped_build, elsewhere, path):
    context = browser.new_context()
    page = context.new_page()
    log = SecurityLog(page)
    requests, failed = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(elsewhere + path)
    page.wait_for_load_state("networkidle")
    here = urlparse(elsewhere).netloc
    assert [url for url in requests if urlparse(url).netloc != here and url.startswith("http")] == []
    if page.locator("link[rel=alternate]").count():  # the 404 pages have none
        assert any(url.endswith("/sitemap.xml") for url in requests)  # the theme read the alternates here
    assert log.violations() == [] and log.console == [] and log.errors == []
    assert failed == []
    # What a crawler reads is unchanged: the alternates in the page's source are the built-for ones.
    source = page.request.get(elsewhere + path).text()
    assert f'href="{shipped_build.url}' in source
    context.close()
