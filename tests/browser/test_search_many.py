"""The catalogue page with more records than its first page: cards fetched in files, as needed.

The site is built from 60 synthetic records (bench/generate.py): the page's HTML holds the first
20 cards; the others come from the card files when a search or "show more" needs them.
"""

from __future__ import annotations

import pytest
from conftest import result_ids, status, wait_ready
from support import blank_knowledge_pages, copy_project, mkdocs_build, serve

from bench.generate import generate


@pytest.fixture(scope="module")
def many_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("many")
    project = copy_project(root / "project", data=generate(60, root / "data"))
    blank_knowledge_pages(project)
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    with serve(root / "site") as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.fetched = []
    page.errors = []
    page.on("request", lambda request: page.fetched.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def card_titles(page) -> list[str]:
    return page.locator("[data-results] .mc-card__title a").all_text_contents()


def test_the_first_twenty_are_in_the_page_and_more_come_from_card_files(page, many_server):
    page.goto(many_server + "catalogue/")
    wait_ready(page)
    listed = int(status(page).split()[0])
    assert len(card_titles(page)) == 20 < listed
    assert not [url for url in page.fetched if "/cards-" in url]  # the page's own cards suffice
    page.get_by_role("button", name="Afficher 20 de plus").click()
    page.wait_for_function("() => document.querySelectorAll('[data-results] .mc-card').length === 40")
    titles = card_titles(page)
    assert all(titles) and len(set(titles)) == 40
    assert [url for url in page.fetched if "/cards-fr-" in url]
    assert page.errors == []


def test_a_search_shows_cards_from_the_files_its_results_are_in(page, many_server):
    page.goto(many_server + "en/catalogue/?q=welding")
    wait_ready(page)
    titles = card_titles(page)
    assert "welding" in titles[0].lower() and all(titles)
    assert all(page.locator("[data-results] .mc-card__provider").all_text_contents())
    assert result_ids(page)
    assert page.errors == []
