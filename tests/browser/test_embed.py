"""The embeddable list in a real Chromium, inside an <iframe> on a page of ANOTHER origin (a second
local server, as a network's site would be): the frame takes the height the list reports by
postMessage, every link opens the full page in a new tab, nothing leaves the two hosts, no cookie
and no storage are used, and axe finds nothing inside the frame."""

from __future__ import annotations

import contextlib
import json
import urllib.request
from urllib.parse import parse_qsl, urlparse

import pytest
from in_browser import SecurityLog, all_titles, axe_violations, screenshot, wait_for_held
from layout_shift import PHONE
from microcredential_catalogue.wording.facts import as_said
from support import (
    rarest_word,
    serve,
    shipped_catalogue,
    shipped_credential,
    shipped_example,
    shipped_provider_with,
    title_words,
)

FILTERS = "pathway=postsecondary&sector=health,education-law-social-government"
DATA = "**/assets/catalogue-data/**"  # the list's files: its index, filter table and cards
TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _expected_titles_count(site_server: str, lang: str, wanted: dict[str, set[str]] | None = None) -> int:
    """How many records the filters keep, read from the built data as the catalogue page reads it."""
    folder = "assets/catalogue-data"
    with urllib.request.urlopen(f"{site_server}{folder}/facets-{lang}.json") as response:
        table = json.load(response)
    wanted = wanted or {"pathway": {"postsecondary"}, "sector": {"health", "education-law-social-government"}}
    index = {param: table["params"].index(param) for param in wanted}
    keys = table["keys"]
    return sum(all(wanted[p] & {keys[p][n] for n in row[index[p]]} for p in wanted) for row in table["records"])


def _filters_of(url: str) -> dict[str, set[str]]:
    return {key: set(value.split(",")) for key, value in parse_qsl(urlparse(url).query)}


@contextlib.contextmanager
def network_site(tmp_path, site_server: str, embed_path: str):
    """A network's page on another origin, with the snippet the "Share a link" page gives."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Our network</title></head>"
        "<body><main><h1>Our network</h1>"
        f"<iframe src='{site_server}{embed_path}' title='Micro-credentials' "
        "style='width:100%;border:0;height:150px'></iframe>"
        f"<script src='{site_server}assets/javascripts/embed-host.js'></script>"
        "</main></body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as host_url:
        yield host_url.replace("127.0.0.1", "localhost")  # another origin: another host and port


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_embedded_list_sits_in_a_frame_on_another_site(browser, site_server, tmp_path, prefix):
    lang = "en" if prefix else "fr"
    context = browser.new_context(viewport={"width": 900, "height": 1400})
    page = context.new_page()
    security = SecurityLog(page)  # its listener runs in every frame
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with network_site(tmp_path, site_server, f"{prefix}embed/?{FILTERS}") as host_url:
        page.goto(host_url)
        frame_element = page.locator("iframe")
        frame = page.frame_locator("iframe")
        frame.locator("#mc-embed[data-ready='true']").wait_for()
        cards = frame.locator("[data-results] > li")
        expected = _expected_titles_count(site_server, lang)
        assert expected > 1 and cards.count() == expected
        assert not frame.locator("[data-more]").is_visible()  # all shown: no "Show 0 more"

        # The frame is exactly as tall as the list says it is: set by the host script from the message.
        page.wait_for_function("() => document.querySelector('iframe').style.height !== '150px'")
        inner = page.frames[1]
        content_height = inner.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
        frame_height = frame_element.bounding_box()["height"]
        assert content_height > 400 and abs(frame_height - content_height) <= 1
        assert inner.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")

        # Every link opens the full page, on the catalogue's site, in a new tab.
        links = inner.locator("a")
        assert links.count() > expected
        for i in range(links.count()):
            link = links.nth(i)
            assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener"
        first = cards.first.locator("a")
        href = inner.evaluate("a => a.href", first.element_handle())
        assert href.startswith(f"{site_server}{prefix}mc/")
        with context.expect_page() as opened:
            first.click()
        full_page = opened.value
        full_page.wait_for_load_state()
        assert (
            full_page.url == href
            and full_page.locator("h1").first.inner_text() == cards.first.locator("h2").inner_text()
        )
        full = inner.locator("[data-full]").get_attribute("href")
        assert urlparse(full).path == urlparse(f"{site_server}{prefix}catalogue/").path
        assert _filters_of(full) == _filters_of("?" + FILTERS)  # the same list, in the catalogue's order

        assert inner.evaluate("window.__violations") == [] and security.errors == []  # the policy refused nothing
        assert axe_violations(inner) == []
        screenshot(page, f"embed-in-frame-{lang}")
        hosts = {urlparse(url).netloc for url in requests if urlparse(url).scheme.startswith("http")}
        assert hosts == {urlparse(site_server).netloc, urlparse(host_url).netloc}
        # Nothing kept in the browser (Chromium refuses the frame storage anyway: a script that
        # tried would fail, as the theme's would).
        assert context.storage_state() == {"cookies": [], "origins": []}
    context.close()


def test_without_javascript_the_embedded_list_links_to_the_full_catalogue(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "en/embed/?" + FILTERS)
    link = page.locator("noscript a, a").filter(has_text="full catalogue").first
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href") == "../catalogue/"
    context.close()


def _both_titles_words(credential) -> set[str]:
    """Words both its titles say: a search for one finds it on the French and the English pages."""
    return title_words(credential, "fr") & title_words(credential, "en")


# A record of unknown cost found by a word of its titles; another provider's list.
WORDED = shipped_credential(
    shipped_example(
        "leaves out its cost and has a word of five letters or more in both its titles",
        lambda c: c.cost_amount is None and c.cost_note is None and bool(_both_titles_words(c)),
    )
)
WORD = rarest_word(_both_titles_words(WORDED))
OTHER = shipped_provider_with(
    f"has a listed credential and is not {WORDED.provider}",
    lambda provider, credentials: bool(credentials) and provider.id != WORDED.provider,
)
# Words, words and filters, filters alone: every state the catalogue page's address can hold.
SAME_STATES = [f"q={WORD}", f"q={WORD}&provider={WORDED.provider}&cost=not-specified", f"provider={OTHER}"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_embed_shows_what_the_catalogue_page_shows_at_the_same_address(browser, site_server, prefix):
    context = browser.new_context(viewport={"width": 900, "height": 1200})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_server}{prefix}catalogue/")
    everything = all_titles(page, "#mc-search")
    for state in SAME_STATES:
        page.goto(f"{site_server}{prefix}catalogue/?{state}")
        on_catalogue = all_titles(page, "#mc-search")
        page.goto(f"{site_server}{prefix}embed/?{state}")
        in_embed = all_titles(page, "#mc-embed")
        # The same cards in the same order; the words narrow the list (all of it was shown before).
        assert in_embed == on_catalogue and 0 < len(in_embed) < len(everything), state
        assert _filters_of(page.locator("[data-full]").get_attribute("href")) == _filters_of("?" + state)
        status = page.locator("#mc-status").inner_text()
        assert str(len(in_embed)) in status or len(in_embed) == 1, status
        assert axe_violations(page) == [], state
    screenshot(page, f"embed-provider-{'en' if prefix else 'fr'}")
    assert {urlparse(url).netloc for url in requests if urlparse(url).scheme.startswith("http")} == {
        urlparse(site_server).netloc
    }
    context.close()


# Keys neither page offers: a renamed provider, and names every JavaScript object has.
UNKNOWN_STATES = ["provider=__proto__", "provider=constructor,toString&cost=__proto__", "provider=renamed-college"]


@pytest.mark.parametrize("state", UNKNOWN_STATES)
def test_both_pages_read_an_address_alike_and_ignore_keys_they_do_not_offer(browser, site_server, state):
    """One parser of the address (search/url-state.js): an unknown key is left out on the embedded
    list as on the catalogue page, so a renamed key never empties a network's embedded list."""
    context = browser.new_context(viewport={"width": 900, "height": 1200})
    page = context.new_page()
    page.goto(f"{site_server}en/catalogue/")
    everything = all_titles(page, "#mc-search")
    page.goto(f"{site_server}en/catalogue/?{state}")
    assert all_titles(page, "#mc-search") == everything
    page.goto(f"{site_server}en/embed/?{state}")
    assert all_titles(page, "#mc-embed") == everything
    assert _filters_of(page.locator("[data-full]").get_attribute("href")) == {}
    context.close()


def _several_on_one_page(provider, credentials) -> bool:
    """Two to ten listed credentials: several cards, and two such lists fit the first page (20)."""
    return 2 <= len(credentials) <= 10


FIRST = shipped_provider_with("has two to ten listed credentials", _several_on_one_page)
SECOND = shipped_provider_with(
    f"has two to ten listed credentials and is not {FIRST}",
    lambda provider, credentials: provider.id != FIRST and _several_on_one_page(provider, credentials),
)
PROVIDER_NAMES = {
    key: {lang: as_said(shipped_catalogue().providers[key].name[lang], lang) for lang in ("fr", "en")}
    for key in (FIRST, SECOND)
}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_catalogue_page_filters_by_provider_from_its_address_and_its_checkboxes(
    browser, site_server, prefix, width
):
    lang = "en" if prefix else "fr"
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_server}{prefix}catalogue/?provider={FIRST}")
    page.locator("#mc-search[data-ready='true']").wait_for()
    assert page.locator(f"#mc-provider-{FIRST}").is_checked()
    providers = page.locator("[data-results] .mc-card__provider")
    expected = _expected_titles_count(site_server, lang, {"provider": {FIRST}})
    assert expected >= 1 and providers.count() == expected
    # A card names the provider, then its campus region ("Collège Centennial · Centre de l'Ontario").
    assert {text.split(" · ")[0].strip() for text in providers.all_text_contents()} == {PROVIDER_NAMES[FIRST][lang]}

    # A second provider, with the keyboard: both lists, and an address that keeps them.
    page.locator("[data-filters] > summary").evaluate("summary => { summary.parentElement.open = true; }")
    page.locator(f"#mc-provider-{SECOND}").focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"() => location.search.includes('{SECOND}')")
    page.locator("#mc-search[data-ready='true']").wait_for()
    assert _filters_of(page.url) == {"provider": {FIRST, SECOND}}
    both = _expected_titles_count(site_server, lang, {"provider": {FIRST, SECOND}})
    expect_names = {PROVIDER_NAMES[key][lang] for key in PROVIDER_NAMES}
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] .mc-card__provider').length === {both}")
    assert {text.split(" · ")[0].strip() for text in providers.all_text_contents()} == expect_names
    assert axe_violations(page) == []
    page.locator(f"#mc-provider-{FIRST}").scroll_into_view_if_needed()
    screenshot(page, f"catalogue-provider-{lang}-{width}")
    assert {urlparse(url).netloc for url in requests if urlparse(url).scheme.startswith("http")} == {
        urlparse(site_server).netloc
    }
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_link_under_the_list_shows_with_the_list_not_before_it(browser, site_server, prefix):
    """On a slow link the list comes after the page. The link to the full catalogue under it is
    shown with it: shown before, it is pushed off the screen as the cards arrive (layout shift
    0.057 on a phone at slow 4G, measured), and a tap meant for it lands on a card."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        held: list = []
        coming = {"now": False}  # once true, the list's files come at once

        def hold(route):
            route.continue_() if coming["now"] else held.append(route)

        page.route(DATA, hold)
        page.goto(f"{site_server}{prefix}embed/?{FILTERS}", wait_until="load")
        wait_for_held(page, held, 1)
        page.evaluate(TWO_FRAMES)  # the page as painted while the list is on its way
        assert not page.locator("[data-full]").is_visible()
        assert page.locator("#mc-status").is_visible()  # "Loading the catalogue…" says why
        coming["now"] = True
        for route in held:
            route.continue_()
        page.wait_for_selector("#mc-embed[data-ready='true']")
        assert page.locator("[data-full]").is_visible()
        top = page.locator("[data-full]").bounding_box()["y"]
        assert top > page.locator("[data-results] > li").last.bounding_box()["y"]  # under the list
    finally:
        context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_list_that_cannot_load_says_so_and_still_links_to_the_catalogue(browser, site_server, prefix):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.route(DATA, lambda route: route.abort())
        page.goto(f"{site_server}{prefix}embed/?{FILTERS}")
        page.locator("[data-failed]").wait_for()
        assert page.locator("[data-full]").is_visible()
        assert page.locator("[data-results] > li").count() == 0
    finally:
        context.close()
