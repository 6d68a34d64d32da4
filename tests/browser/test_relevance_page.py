"""The relevance suite (tests/relevance/queries.yml) in Chromium, on the real catalogue page.

The same cases run in Python against the indexes in tests/test_relevance.py.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from relevance.suite import HERE, Answer, cases, failures
from support import blank_knowledge_pages, copy_project, mkdocs_build, serve

CASES = cases()


@pytest.fixture(scope="module")
def servers(tmp_path_factory, site_server):
    root = tmp_path_factory.mktemp("relevance-site")
    project = copy_project(root / "project", data=HERE / "data")
    blank_knowledge_pages(project)
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    with serve(root / "site") as relevance_server:
        yield {"shipped": site_server, "relevance": relevance_server}


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def browser_answer(page, base: str, case, address: dict | None = None) -> Answer:
    """The case's words (or another `address` of the page: words `q` and filters) on the page."""
    address = {"q": case.q} if address is None else address
    query = "&".join(f"{param}={quote(value)}" for param, value in address.items())
    page.goto(base + ("en/" if case.lang == "en" else "") + "catalogue/?" + query)
    page.wait_for_selector("#mc-search[data-ready='true']")
    hrefs = page.locator("[data-results] .mc-card__title a").evaluate_all("links => links.map(a => a.href)")
    partial_text = page.evaluate("JSON.parse(document.querySelector('[data-strings]').textContent).partial")
    offers = page.locator("[data-offers] button").evaluate_all("bs => bs.map(b => [b.dataset.filter, b.dataset.key])")
    while page.locator("[data-more]").is_visible():  # every result, as `same_as` compares whole lists
        page.locator("[data-more]").click()
        more = "(n) => document.querySelectorAll('[data-results] .mc-card__title a').length > n"
        page.wait_for_function(more, arg=len(hrefs))
        hrefs = page.locator("[data-results] .mc-card__title a").evaluate_all("links => links.map(a => a.href)")
    status = page.locator("#mc-status").inner_text()
    said = re.match(r"\d[\d\s,\u00a0\u202f]*", status)
    count = int(re.sub(r"\D", "", said.group(0))) if said else (1 if status.startswith("1 ") else 0)
    return Answer(
        [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs],
        partial_text in status,
        [tuple(o) for o in offers],
        count,
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_query_finds_what_a_learner_expects_on_the_page(tab, servers, case):
    base = servers[case.corpus]
    tab.errors.clear()  # each case answers for its own pages' errors, not an earlier case's
    answer = browser_answer(tab, base, case)
    assert failures(case, answer, lambda address: browser_answer(tab, base, case, address)) == []
    assert tab.errors == []
