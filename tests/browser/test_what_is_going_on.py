"""The catalogue page says what it is showing, on a phone as on a desktop (issue 25, item 3): the
ticked filters are buttons above the results that remove them, the folded « Filtrer » counts
them, a shared address that is still loading does not pass the first results off as its answer,
and the language switch carries the address's words and filters before any data has arrived.

Built from tests/fixtures/search-data/ (its « Secteur de la santé » and « Gratuit » options)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from in_browser import axe_violations, result_ids, screenshot, status, wait_ready

PHONE = {"width": 390, "height": 844}
PREFIX = {"fr": "", "en": "en/"}
HEALTH = {"fr": "Secteur de la santé", "en": "Health occupations"}
FREE = {"fr": "Gratuit", "en": "Free"}
REMOVE = {"fr": "Retirer le filtre «\u00a0{}\u00a0»", "en": "Remove the filter “{}”"}
FILTER_TITLE = {"fr": "Filtrer (2\u00a0actifs)", "en": "Filter (2 active)"}


@contextmanager
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_on_a_phone_the_ticked_filters_show_above_the_results_and_each_removes_its_own(browser, search_server, lang):
    with phone(browser) as page:
        page.goto(search_server + PREFIX[lang] + "catalogue/?sector=health&cost=free")
        wait_ready(page)
        summary = page.locator("[data-filters] summary")
        assert page.locator("[data-filters]").get_attribute("open") is None  # folded on a phone
        assert " ".join(summary.inner_text().split(" ")) == FILTER_TITLE[lang]
        chips = page.locator("[data-chips]")  # the list is empty: the dead end offers the same removals below
        assert chips.is_visible()
        assert chips.evaluate("c => c.getBoundingClientRect().bottom") <= page.locator("[data-results]").evaluate(
            "r => r.getBoundingClientRect().top"
        )
        health = chips.get_by_role("button", name=REMOVE[lang].format(HEALTH[lang]), exact=True)
        free = chips.get_by_role("button", name=REMOVE[lang].format(FREE[lang]), exact=True)
        assert health.is_visible() and free.is_visible()
        assert HEALTH[lang] in health.inner_text()  # with the option's own words
        assert axe_violations(page) == []
        screenshot(page, f"catalogue-phone-chips-{lang}")

        health.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.search === '?cost=free'")
        wait_ready(page)
        assert not page.locator("#mc-sector-health").is_checked()
        assert chips.get_by_role("button", name=REMOVE[lang].format(HEALTH[lang]), exact=True).count() == 0
        assert FREE[lang] in page.evaluate("() => document.activeElement.textContent")  # focus kept
        assert "1" in summary.inner_text()
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.search === ''")
        assert chips.is_hidden()
        assert page.evaluate("() => document.activeElement.id") == "mc-results-title"
        assert summary.inner_text().strip() == {"fr": "Filtrer", "en": "Filter"}[lang]


def test_ticking_a_filter_on_a_desktop_shows_its_button_too(browser, search_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(search_server + "catalogue/")
        wait_ready(page)
        assert page.locator("[data-chips]").is_hidden()
        page.locator("label[for='mc-cost-free']").click()
        chip = page.get_by_role("button", name="Retirer le filtre «\u00a0Gratuit\u00a0»", exact=True)
        chip.wait_for()
        chip.click()
        page.wait_for_function("() => location.search === ''")
        assert not page.locator("#mc-cost-free").is_checked()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_while_a_shared_address_loads_it_says_what_is_looked_for_and_the_switch_carries_it(
    browser, search_server, lang
):
    with phone(browser) as page:
        held, released = [], []
        page.route("**/search-*.json*", lambda route: route.continue_() if released else held.append(route))
        page.goto(search_server + PREFIX[lang] + "catalogue/?q=hopital&sector=health", wait_until="domcontentloaded")
        page.wait_for_function("() => !document.querySelector('#mc-q').closest('[hidden]')")  # the script runs
        looked_for = {"fr": "Recherche de «\u00a0hopital\u00a0» en cours…", "en": "Searching for “hopital”…"}[lang]
        assert status(page) == looked_for
        assert page.locator("[data-results] > li").first.is_hidden()  # the empty search's list is no answer
        other = {"fr": "en", "en": "fr"}[lang]
        switch = page.locator(f"a[hreflang='{other}']")
        assert switch.get_attribute("href").endswith("catalogue/?q=hopital&sector=health")
        screenshot(page, f"catalogue-phone-pending-{lang}")
        released.append(True)
        for route in held:
            route.continue_()
        wait_ready(page)
        assert result_ids(page) == {"soins-hopital"}
        assert page.locator("[data-results] > li").first.is_visible()
