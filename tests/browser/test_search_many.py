"""The catalogue page with more records than its first page: cards fetched in files, as needed.

The site is built from 60 synthetic records (bench/generate.py), spread over 20 providers: the
page's HTML holds the first 20 cards; the others come from the card files when a search or "show
more" needs them. Twenty providers make a filter list long enough to get its finding box.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from in_browser import axe_violations, first_response_cut_short, result_ids, status, wait_for_held, wait_ready
from support import blank_knowledge_pages, copy_project, mkdocs_build, serve

from bench.generate import generate, providers

PROVIDERS = 20


def spread_over_providers(data: Path, count: int) -> None:
    """`count` providers (the generator gives 60 records five), the records dealt among them."""
    regions = sorted(
        {p["region"] for p in yaml.safe_load((data / "providers.yml").read_text(encoding="utf-8")).values()}
    )
    spread = providers(random.Random(7), count, regions)
    (data / "providers.yml").write_text(yaml.safe_dump(spread, allow_unicode=True), encoding="utf-8")
    for number, path in enumerate(sorted((data / "credentials").glob("*.yml"))):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        record["provider"] = list(spread)[number % count]
        path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def many_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("many")
    data = generate(60, root / "data")
    spread_over_providers(data, PROVIDERS)
    project = copy_project(root / "project", data=data)
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


def test_a_card_file_cut_short_on_the_way_is_asked_for_again_and_the_answer_comes(page, many_server):
    """A slow or flaky link can end a response early: the page asks for that file once more."""
    asked = first_response_cut_short(page, "**/cards-en-*.json*", '{"records": [')
    page.add_init_script(SAID_BY_STATUS)
    page.goto(many_server + "en/catalogue/?q=welding")
    wait_ready(page)
    assert asked.count(asked[0]) == 2  # the file cut short, asked for once more
    said = page.evaluate("window.saidByStatus")
    assert not [text for text in said if "could not be loaded" in text], said
    assert said[-1] == status(page) != said[0]  # the welding count, said after the page's own
    assert not page.locator("[data-failed]").is_visible()
    titles = card_titles(page)
    assert titles and all(titles) and "welding" in titles[0].lower()
    assert page.errors == []


def test_show_more_whose_cards_cannot_come_says_so_and_the_button_asks_again(page, many_server):
    """The filter counts arriving after the failure (a slow link) leave its message where it is."""
    held = []
    page.route("**/facets-fr.json*", lambda route: held.append(route))
    page.goto(many_server + "catalogue/")
    wait_ready(page)
    count = status(page)
    page.route("**/cards-fr-*.json*", lambda route: route.abort())
    more = page.get_by_role("button", name="Afficher 20 de plus")
    more.click()
    page.wait_for_function("t => document.querySelector('#mc-status').textContent === t", arg=MORE_FAILED)
    let_counts_in(page, held)
    assert status(page) == MORE_FAILED
    assert len(card_titles(page)) == 20 and more.is_visible()
    page.unroute("**/cards-fr-*.json*")
    more.click()
    page.wait_for_function("() => document.querySelectorAll('[data-results] .mc-card').length === 40")
    assert status(page) == count  # the count again, once the cards came
    assert all(card_titles(page)) and page.errors == []


def test_cards_shown_by_show_more_stay_when_the_filter_counts_arrive(page, many_server):
    """On a slow link the facet table can come after a reader has asked for more cards."""
    held = []
    page.route("**/facets-fr.json*", lambda route: held.append(route))
    page.goto(many_server + "catalogue/")
    wait_ready(page)
    page.get_by_role("button", name="Afficher 20 de plus").click()
    page.wait_for_function("() => document.querySelectorAll('[data-results] .mc-card').length === 40")
    twenty_first = card_titles(page)[20]
    let_counts_in(page, held)
    assert len(card_titles(page)) == 40
    assert page.evaluate("() => document.activeElement.textContent") == twenty_first
    assert page.errors == []


def let_counts_in(page, held: list) -> None:
    """Lets the held facet table through and waits until its counts are on the filters."""
    wait_for_held(page, held, 1)
    held[0].continue_()
    page.wait_for_function("() => document.querySelector('label [data-count]').textContent !== ''")
    page.wait_for_timeout(100)  # the list's own update comes in the same task as the counts


# Every text the results' live region takes, watched from the document's start: the page's
# scripts may write it before DOMContentLoaded (their files came quickly), and that counts too.
SAID_BY_STATUS = """
window.saidByStatus = [];
new MutationObserver((changes) => {
  const status = document.querySelector("#mc-status");
  if (status && changes.some((change) => status.contains(change.target))) {
    window.saidByStatus.push(status.textContent);
  }
}).observe(document, { childList: true, characterData: true, subtree: true });
"""

MORE_FAILED = "Les résultats suivants n'ont pas pu être chargés. Réessayez avec le même bouton."


def test_a_search_shows_cards_from_the_files_its_results_are_in(page, many_server):
    page.goto(many_server + "en/catalogue/?q=welding")
    wait_ready(page)
    titles = card_titles(page)
    assert "welding" in titles[0].lower() and all(titles)
    assert all(page.locator("[data-results] .mc-card__provider").all_text_contents())
    assert result_ids(page)
    assert page.errors == []


@pytest.mark.parametrize(
    ("lang", "label", "typed", "found"),
    [
        ("fr", "Trouver dans cette liste", "ottawa", "Choix affichés\u00a0: {n} sur 20"),
        ("en", "Find in this list", "OTTAWA", "Options shown: {n} of 20"),
    ],
)
def test_a_long_filter_list_has_a_box_that_finds_an_option(page, many_server, lang, label, typed, found):
    page.goto(many_server + ("en/" if lang == "en" else "") + "catalogue/")
    wait_ready(page)
    # The labels are compared whole, counts included: read once the facet table has filled them in.
    page.wait_for_function("() => Array.from(document.querySelectorAll('[data-count]')).every(c => c.textContent)")
    providers = page.locator("fieldset[data-filter='provider']")
    assert page.get_by_label(label).count() == 1  # the provider list only: the others are short
    finder = providers.get_by_label(label)
    options = providers.locator(".mc-filter__option")
    labels = options.locator("label").all_text_contents()
    assert len(labels) == PROVIDERS
    ticked = next(i for i, text in enumerate(labels) if "Ottawa" not in text)
    options.nth(ticked).locator("input").check()
    wait_ready(page)
    address = page.evaluate("location.search")
    finder.fill(typed)
    shown = [
        text
        for text in options.locator("label").all_text_contents()
        if options.filter(has_text=text).first.is_visible()
    ]
    wanted = {text for i, text in enumerate(labels) if "Ottawa" in text or i == ticked}
    assert set(shown) == wanted and 1 < len(wanted) < PROVIDERS
    assert providers.locator("[data-found]").inner_text() == found.format(n=len(wanted))
    assert page.evaluate("location.search") == address  # finding an option is not searching
    assert axe_violations(page) == []
    finder.fill("")
    assert options.locator("label:visible").count() == PROVIDERS
    assert providers.locator("[data-found]").inner_text() == ""
    assert page.errors == []


def test_the_finding_box_ignores_accents(page, many_server):
    page.goto(many_server + "catalogue/")
    wait_ready(page)
    providers = page.locator("fieldset[data-filter='provider']")
    providers.get_by_label("Trouver dans cette liste").fill("college de")  # the names say « Collège de … »
    assert providers.locator(".mc-filter__option label:visible").count() == PROVIDERS
