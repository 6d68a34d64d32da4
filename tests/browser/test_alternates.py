"""Link previews and alternates in a real Chromium: the theme's script reads every
<link rel="alternate"> (languages and feeds) and fetches sitemap.xml beside it; none may fail."""

import pytest
from support import shipped_example

CREDENTIAL = shipped_example("is listed", lambda credential: True)  # any credential page: every one has both
PAGES = [
    "",  # home: two feeds
    "en/",
    CREDENTIAL,
    "en/" + CREDENTIAL,
    "browse/sectors/health/",  # a group: its feed
    "en/browse/free/",
    "en/about/",  # a hand-written page
    "catalogue/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_request_fails_or_leaves_the_site(page, site_server, path):
    page.goto(site_server + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("link[hreflang='x-default']").count() == 1
    sitemaps = [url for url in page.requests.urls if url.endswith("/sitemap.xml")]
    assert sitemaps  # the theme did read the alternates…
    assert page.requests.failed == []  # …and found what it looks for
    assert page.requests.foreign() == []


@pytest.mark.parametrize(
    ("start", "lang", "target"),
    [
        (CREDENTIAL, "en", "en/" + CREDENTIAL),
        ("en/browse/sectors/health/", "fr", "browse/sectors/health/"),
        ("", "en", "en/"),
    ],
)
def test_the_language_selector_lands_on_the_translation_itself(page, site_server, start, lang, target):
    page.goto(site_server + start)
    page.wait_for_load_state("networkidle")  # the theme has read every alternate's sitemap
    page.locator(f".md-header .mc-lang a[hreflang='{lang}']").click()
    page.wait_for_load_state("networkidle")
    assert page.url == site_server + target
    assert page.locator("html").get_attribute("lang") == lang
    # straight there: not through the address without its final slash, which a host may not redirect
    assert (site_server + target).rstrip("/") not in page.requests.urls
    assert page.requests.failed == []
