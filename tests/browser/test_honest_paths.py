"""The ways that used to mislead (issue 25, item 6): the home page's search without JavaScript,
buttons that need a script, the way back to a list, and a list on paper."""

from __future__ import annotations

import re
import time
import urllib.request

import pytest
from in_browser import counts_shown, result_ids, screenshot, settled_top, wait_ready
from support import shipped_catalogue

PREFIX = {"fr": "", "en": "en/"}
PHONE = {"width": 390, "height": 844}
NEEDS_JS = {"fr": "La recherche a besoin de JavaScript.", "en": "Search needs JavaScript."}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_javascript_the_home_page_says_search_needs_it_and_offers_the_groups(browser, site_server, lang):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + PREFIX[lang])
        assert page.locator("#mc-home-q").is_hidden()  # no box whose words nothing would answer
        said = page.locator("noscript p").first
        assert said.is_visible() and said.inner_text().startswith(NEEDS_JS[lang])
        assert said.locator("a").get_attribute("href").endswith("browse/")
        screenshot(page, f"home-no-js-{lang}")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_javascript_no_button_that_needs_it_shows_on_a_credential_page(browser, site_server, lang):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + PREFIX[lang] + "catalogue/")
        page.locator("[data-results] .mc-card__title a").first.click()
        page.wait_for_load_state()
        assert "/mc/" in page.url
        copy = page.get_by_role("button", name=re.compile("^(Copier|Copy)"), include_hidden=True)
        assert copy.count() > 0  # the share box's buttons are in the page…
        assert all(not copy.nth(i).is_visible() for i in range(copy.count()))  # …and none shows
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_printed_list_says_its_words_and_filters_and_an_address_that_shows_it_again(browser, search_server, lang):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(search_server + PREFIX[lang] + "catalogue/?q=hopital&sector=health")
        wait_ready(page)
        line = page.locator("[data-print-query]")
        page.wait_for_function("() => document.querySelector('[data-print-query]').textContent !== ''")
        assert line.is_hidden()  # on paper only
        page.emulate_media(media="print")
        assert line.is_visible()
        text = line.inner_text()
        words = {"fr": "Mots cherchés\u00a0: «\u00a0hopital\u00a0»", "en": "Words searched for: “hopital”"}[lang]
        health = {"fr": "Secteur de la santé", "en": "Health occupations"}[lang]
        assert words in text and health in text
        address = re.search(r"https?://\S+", text).group(0)
        assert address == search_server + PREFIX[lang] + "catalogue/?q=hopital&sector=health"
        assert page.locator(".mc-print-address").is_hidden()  # the bare address is not printed twice
        expected = result_ids(page)
        again = context.new_page()
        again.goto(address)
        wait_ready(again)
        assert result_ids(again) == expected
    finally:
        context.close()


def _top(locator) -> float:
    return locator.evaluate("node => node.getBoundingClientRect().top")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_back_to_the_results_comes_back_to_the_same_place_in_the_list(browser, site_server, lang):
    assert len(shipped_catalogue().listed) > 20, "the list must need 'Show more' for this test"
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site_server + PREFIX[lang] + "catalogue/")
        wait_ready(page)
        # The counts in first: "Show more" pressed as they arrive is tested in test_search_many.py;
        # here it is the way back to the same place.
        counts_shown(page)
        cards = page.locator("[data-results] > li")
        page.locator("[data-more]").click()
        cards.nth(20).wait_for()
        chosen = cards.nth(cards.count() - 2).locator(".mc-card__title a")  # beyond the first page
        href = chosen.get_attribute("href")
        chosen.scroll_into_view_if_needed()
        top_when_left = settled_top(chosen)
        chosen.click()
        page.wait_for_url("**/mc/**")
        page.locator("[data-back]").click()
        page.wait_for_url(re.compile(r"/catalogue/"))
        wait_ready(page)
        page.wait_for_function("() => document.querySelectorAll('[data-results] > li').length > 20")
        back = page.locator(f"[data-results] .mc-card__title a[href='{href}']")
        deadline = time.monotonic() + 30  # the place comes back once the cards are in: on a busy machine, later
        while abs(_top(back) - top_when_left) >= 1:
            assert time.monotonic() < deadline, (
                f"the card followed is back where it was: {_top(back)} px, not {top_when_left}"
            )
            page.wait_for_timeout(100)
        screenshot(page, f"catalogue-back-place-{lang}")
    finally:
        context.close()


def test_a_missing_english_address_shows_the_english_404(browser, site_server):
    """A host serves the site's root 404.html at every missing address, as GitHub Pages does."""
    with urllib.request.urlopen(site_server + "404.html") as response:
        served = response.read()
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        missing = site_server + "en/no-such-page/"
        page.route(missing, lambda route: route.fulfill(status=404, body=served, content_type="text/html"))
        page.goto(missing)
        page.wait_for_function("() => document.documentElement.lang === 'en'")
        assert page.locator("h1").inner_text() == "Page not found"
        assert page.title().startswith("Page not found")
        assert page.url == missing  # the address typed stays in view
        screenshot(page, "not-found-en")
        french = context.new_page()
        french.route(site_server + "no-such-page/", lambda route: route.fulfill(status=404, body=served))
        french.goto(site_server + "no-such-page/")
        french.wait_for_load_state("networkidle")
        assert french.locator("h1").inner_text() == "Page introuvable"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_javascript_a_shared_address_with_words_and_filters_is_no_dead_end(browser, site_server, lang):
    """A link with words and a filter opened without JavaScript: the list cannot answer them. The
    page does not say « N trouvées » as if it had; it says what the list is and leads on, to each
    field of work that holds something, whose page lists its credentials."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + PREFIX[lang] + "catalogue/?q=soudur&sector=health")
        assert page.locator("#mc-status").is_hidden()  # no count passed off as the answer
        notes = page.locator("noscript .mc-noscript")
        assert notes.is_visible()
        said = {"fr": "ne tient donc compte ni des mots ni des filtres", "en": "leaves out any words or filters"}[lang]
        assert said in notes.inner_text()
        groups = notes.locator(".mc-dead-end__groups li")
        counted = [text for text in groups.all_inner_texts() if re.search(r"\((\d+)\)$", text)]
        assert counted and all(int(re.search(r"\((\d+)\)$", text).group(1)) > 0 for text in counted)
        assert groups.last.locator("a").get_attribute("href").endswith("browse/")
        page.screenshot(path=f"/tmp/audit-shots/catalogue-no-js-shared-{lang}.png", full_page=True)
        first = groups.first.locator("a")
        count = int(re.search(r"\((\d+)\)$", groups.first.inner_text()).group(1))
        first.click()
        page.wait_for_load_state()
        assert "/browse/" in page.url
        assert page.locator(".mc-card__title a").count() == count  # the group lists what its count said
    finally:
        context.close()
