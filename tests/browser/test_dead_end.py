"""Never a bare dead end (issue 25): an empty list says which word found nothing, offers the
nearest known words, a button per filter to remove, and the groups to browse, in both languages.

The site is built from tests/fixtures/search-data/ (exact expectations come from its records):
« hôpital » and "hospital" find records, none of them free.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from in_browser import axe_violations, result_ids, status, wait_ready

NONE = {"fr": "Aucune microcertification", "en": "No micro-credential"}


@pytest.fixture
def open_catalogue(browser, search_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def open_page(query: str, lang: str):
        page.goto(search_server + ("en/" if lang == "en" else "") + "catalogue/" + query)
        wait_ready(page)
        return page

    yield open_page
    assert errors == []
    context.close()


def dead_end(page):
    return page.locator("[data-dead-end]")


def groups_offered(page) -> list[tuple[str, int]]:
    """The groups the empty list points to, with the count each says."""
    items = dead_end(page).locator(".mc-dead-end__groups li").all_inner_texts()
    return [
        (m.group(1), int(re.sub(r"\D", "", m.group(2))))
        for i in items
        if (m := re.match(r"(.+) \(([\d\s\u00a0]+)\)$", i))
    ]


@pytest.mark.parametrize(
    ("lang", "typo", "said", "nearest", "button"),
    [
        (
            "fr",
            "hopitla",
            "Aucune microcertification ne contient le mot «\u00a0hopitla\u00a0».",
            "hôpital",
            "hôpital\u00a0?",
        ),
        ("en", "hospitla", "No micro-credential has the word “hospitla”.", "hospital", "hospital?"),
    ],
)
def test_a_word_that_finds_nothing_is_named_and_the_nearest_known_word_offered(
    open_catalogue, lang, typo, said, nearest, button
):
    page = open_catalogue("?q=" + typo, lang)
    assert status(page).startswith(NONE[lang]) and result_ids(page) == set()
    assert dead_end(page).is_visible()
    assert dead_end(page).locator("[data-unfound] li").all_inner_texts() == [said]
    groups = groups_offered(page)
    assert groups and all(count > 0 for _, count in groups)  # only groups that hold something
    assert dead_end(page).locator(".mc-dead-end__groups a").last.get_attribute("href").rstrip("/").endswith("browse")
    suggestion = page.get_by_role("button", name=button, exact=True)
    assert axe_violations(page) == []
    suggestion.click()
    page.wait_for_function(
        "(none) => !document.querySelector('#mc-status').textContent.startsWith(none)", arg=NONE[lang]
    )
    wait_ready(page)
    assert page.locator("#mc-q").input_value() == nearest
    assert result_ids(page) and dead_end(page).is_hidden()
    assert "q=" + quote(nearest) in page.url


@pytest.mark.parametrize(
    ("lang", "query", "remove"),
    [
        ("fr", "?q=h%C3%B4pital&cost=free", "Retirer le filtre «\u00a0Gratuit\u00a0»"),
        ("en", "?q=hospital&cost=free", "Remove the filter “Free”"),
        ("fr", "?q=h%C3%B4pital%20gratuit", "Retirer le filtre «\u00a0Gratuit\u00a0»"),
        ("en", "?q=hospital%20free", "Remove the filter “Free”"),
    ],
)
def test_filters_that_empty_the_list_can_each_be_removed_from_it(open_catalogue, lang, query, remove):
    page = open_catalogue(query, lang)
    assert status(page).startswith(NONE[lang])
    assert dead_end(page).locator("[data-unfound] li").count() == 0  # the words found something
    assert dead_end(page).locator("[data-remove-filters]").is_visible()
    assert axe_violations(page) == []
    page.locator("[data-dead-end]").get_by_role("button", name=remove).click()
    page.wait_for_function(
        "(none) => !document.querySelector('#mc-status').textContent.startsWith(none)", arg=NONE[lang]
    )
    wait_ready(page)
    assert result_ids(page) and dead_end(page).is_hidden()
    assert "cost=" not in page.url and not page.locator("#mc-cost-free").is_checked()
    assert "gratuit" not in page.locator("#mc-q").input_value() and "free" not in page.locator("#mc-q").input_value()


def test_a_list_with_results_shows_no_dead_end(open_catalogue):
    page = open_catalogue("?q=h%C3%B4pital", "fr")
    assert result_ids(page)
    assert dead_end(page).is_hidden()
