"""The catalogue page in a real Chromium: search, filters, the URL as state, accessibility.

The site is built from tests/fixtures/search-data/: seven records with accented titles, every
kind of cost, delivery and intake, one paused and one discontinued.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from in_browser import (
    LISTED,
    axe_violations,
    counts_shown,
    first_response_cut_short,
    result_ids,
    screenshot,
    status,
    wait_for_held,
    wait_ready,
)


@pytest.fixture
def catalogue_page(browser, search_server):
    """A fresh browser context on the catalogue page; `open(query, lang)` loads it and waits for results."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    foreign = []
    page.on(
        "request", lambda request: foreign.append(request.url) if not request.url.startswith(search_server) else None
    )

    def open_catalogue(query: str = "", lang: str = "fr"):
        page.goto(search_server + ("en/" if lang == "en" else "") + "catalogue/" + query)
        wait_ready(page)
        return page

    page.open = open_catalogue
    page.foreign = foreign
    yield page
    context.close()


def count_of(page, param: str, key: str) -> str:
    return page.locator(f"label[for='mc-{param}-{key}'] [data-count]").inner_text()


def type_query(page, text: str) -> None:
    search_box = page.get_by_label("Mots à chercher")
    search_box.fill("")
    search_box.press_sequentially(text)


# -- search -------------------------------------------------------------------------------


def test_without_words_or_filters_every_listed_credential_shows(catalogue_page):
    page = catalogue_page.open()
    assert result_ids(page) == LISTED
    assert status(page) == "6 microcertifications trouvées"
    assert catalogue_page.foreign == []


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("securite", {"securite-au-travail", "cuisine-saine"}),
        ("hopital", {"soins-hopital"}),
        ("electricite", {"technicien-electricite"}),
        ("securite travail", {"securite-au-travail"}),
        ("secu", {"securite-au-travail", "cuisine-saine"}),  # while typing
    ],
)
def test_french_words_without_accents_find_accented_titles(catalogue_page, typed, found):
    page = catalogue_page.open()
    type_query(page, typed)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=typed)
    assert result_ids(page) == found


def test_discontinued_credentials_never_appear(catalogue_page):
    page = catalogue_page.open("?q=incendie")
    assert result_ids(page) == set()
    assert status(page).startswith("Aucune microcertification ne correspond")


def test_english_page_searches_english_with_english_stemming(catalogue_page):
    page = catalogue_page.open("?q=hospitals", lang="en")
    assert result_ids(page) == {"soins-hopital", "gestion-hospitaliere"}
    assert status(page) == "2 micro-credentials found"
    paused = page.locator(".mc-card", has_text="Hospital management").locator(".mc-tags li").first
    assert paused.inner_text() == "Enrolment paused"


# -- filters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("param", "key", "found"),
    [
        ("sector", "health", {"soins-hopital", "sante-mentale"}),
        ("pathway", "independence", {"sante-mentale", "cuisine-saine"}),
        ("cost", "free", {"securite-au-travail", "cuisine-saine"}),
        ("cost", "not-specified", {"sante-mentale"}),
        ("delivery", "online", {"securite-au-travail", "gestion-hospitaliere"}),
        ("delivery", "not-specified", {"sante-mentale"}),
        ("region", "central", {"technicien-electricite", "cuisine-saine"}),
        ("hours", "100-plus", {"technicien-electricite"}),
        ("funding", "osap", {"soins-hopital", "technicien-electricite"}),
        ("language", "fr", {"securite-au-travail", "soins-hopital", "cuisine-saine"}),
        ("intake", "continuous", {"securite-au-travail", "cuisine-saine"}),
        ("intake", "upcoming", {"soins-hopital"}),  # 2035; the 2020 start has passed
    ],
)
def test_each_filter_narrows_the_list_and_its_count_is_right(catalogue_page, param, key, found):
    page = catalogue_page.open()
    counts_shown(page)
    assert count_of(page, param, key) == f"({len(found)})"
    page.locator(f"#mc-{param}-{key}").check()
    assert result_ids(page) == found
    assert page.evaluate("location.search") == f"?{param}={key}"


def test_filters_combine_with_each_other_and_with_words(catalogue_page):
    page = catalogue_page.open()
    page.locator("#mc-sector-trades-transport-equipment").check()
    page.locator("#mc-sector-health").check()  # within a filter: either
    wait_ready(page)  # a first tick may wait for the facet table, asked for after the first answer
    assert result_ids(page) == {"securite-au-travail", "technicien-electricite", "soins-hopital", "sante-mentale"}
    page.locator("#mc-funding-osap").check()  # across filters: both
    assert result_ids(page) == {"technicien-electricite", "soins-hopital"}
    # Counts say what ticking an option would give with the other filters kept.
    assert count_of(page, "funding", "osap") == "(2)"
    assert count_of(page, "sector", "sales-service") == "(0)"
    assert count_of(page, "delivery", "hybrid") == "(1)"
    type_query(page, "hopital")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'hopital'")
    assert result_ids(page) == {"soins-hopital"}
    assert status(page) == "1 microcertification trouvée"
    page.get_by_role("button", name="Effacer les filtres").click()
    assert result_ids(page) == {"soins-hopital"}  # the words stay
    assert page.evaluate("location.search") == "?q=hopital"


def test_the_count_is_announced_politely_in_the_page_language(catalogue_page):
    page = catalogue_page.open()
    live = page.locator("[aria-live='polite']")
    assert live.count() == 1
    assert live.inner_text() == "6 microcertifications trouvées"
    # The counts arriving move the options a little: a click aimed just before they came once
    # landed beside the box (under load). Ticks before the counts: the tests holding the table back.
    counts_shown(page)
    page.locator("#mc-cost-free").check()
    wait_ready(page)
    assert live.inner_text() == "2 microcertifications trouvées"
    type_query(page, "zzzz")
    page.wait_for_function("() => document.querySelector('[aria-live]').textContent.startsWith('Aucune')")


# -- the URL holds the state --------------------------------------------------------------

SHARED = "?q=securite&sector=trades-transport-equipment&cost=free"


def test_a_shared_url_shows_the_same_list_after_reload_and_in_a_new_browser(catalogue_page, browser, search_server):
    page = catalogue_page.open(SHARED)
    assert result_ids(page) == {"securite-au-travail"}
    assert page.get_by_label("Mots à chercher").input_value() == "securite"
    assert page.locator("#mc-sector-trades-transport-equipment").is_checked()
    assert page.locator("#mc-cost-free").is_checked()
    page.reload()
    wait_ready(page)
    assert result_ids(page) == {"securite-au-travail"}
    assert page.locator("#mc-cost-free").is_checked()

    other = browser.new_context()
    try:
        fresh = other.new_page()
        fresh.goto(search_server + "catalogue/" + SHARED)
        wait_ready(fresh)
        assert result_ids(fresh) == {"securite-au-travail"}
        assert fresh.locator("#mc-sector-trades-transport-equipment").is_checked()
        assert status(fresh) == "1 microcertification trouvée"
    finally:
        other.close()


def test_back_and_forward_walk_through_the_filters(catalogue_page):
    page = catalogue_page.open()
    page.locator("#mc-sector-health").check()
    page.locator("#mc-cost-not-specified").check()
    wait_ready(page)
    assert result_ids(page) == {"sante-mentale"}
    page.go_back()
    page.wait_for_function("() => location.search === '?sector=health'")
    assert result_ids(page) == {"soins-hopital", "sante-mentale"}
    assert not page.locator("#mc-cost-not-specified").is_checked()
    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert result_ids(page) == LISTED
    page.go_forward()
    page.wait_for_function("() => location.search === '?sector=health'")
    assert page.locator("#mc-sector-health").is_checked()
    assert result_ids(page) == {"soins-hopital", "sante-mentale"}


def test_two_ticks_made_while_the_counts_are_on_their_way_are_two_steps_back(browser, search_server):
    """On a slow link the facet table is still coming when a second box is ticked: each tick is
    a step of its own in the browser's history all the same."""
    with facets_held(browser) as (page, held):
        page.goto(search_server + "catalogue/")
        wait_ready(page)
        page.locator("#mc-sector-health").check()
        page.locator("#mc-cost-not-specified").check()
        wait_for_held(page, held, 1)
        assert page.evaluate("location.search") == "?sector=health&cost=not-specified"
        held[0].continue_()
        wait_ready(page)
        assert result_ids(page) == {"sante-mentale"}
        page.go_back()
        page.wait_for_function("() => location.search === '?sector=health'")
        page.wait_for_function("() => !document.querySelector('#mc-cost-not-specified').checked")
        wait_ready(page)
        assert result_ids(page) == {"soins-hopital", "sante-mentale"}


def test_keyboard_alone_searches_filters_and_opens_a_result(catalogue_page):
    page = catalogue_page.open()
    page.locator("#mc-q").focus()
    page.keyboard.type("hopital")
    page.wait_for_function("() => location.search === '?q=hopital'")
    page.keyboard.press("Tab")  # to the search button, the filters' summary, the clear button, then the first box
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    first_box = page.evaluate("() => document.activeElement.id")  # the first option, whichever it is
    assert first_box.startswith("mc-sector-"), first_box
    page.keyboard.press("Space")
    wait_ready(page)
    assert page.evaluate("location.search") == "?q=hopital&sector=" + first_box.removeprefix("mc-sector-")
    assert result_ids(page) <= {"soins-hopital", "gestion-hospitaliere"}
    page.keyboard.press("Space")
    wait_ready(page)
    assert page.evaluate("location.search") == "?q=hopital"
    assert result_ids(page) == {"soins-hopital"}
    page.locator("[data-results] a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/mc/soins-hopital/")


# -- accessibility and screenshots --------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_catalogue_page_with_filters_open_has_no_accessibility_violation(catalogue_page, lang):
    page = catalogue_page.open("?sector=health,trades-transport-equipment&cost=free", lang=lang)
    assert page.locator("[data-filters]").get_attribute("open") is not None
    assert result_ids(page) == {"securite-au-travail"}
    screenshot(page, f"catalogue-filters-{lang}")
    assert axe_violations(page) == []
    assert catalogue_page.foreign == []


def test_catalogue_page_on_a_phone(browser, search_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(search_server + "catalogue/?q=soins")
        wait_ready(page)
        assert result_ids(page) == {"soins-hopital", "sante-mentale", "gestion-hospitaliere"}
        screenshot(page, "catalogue-phone-fr")
        assert axe_violations(page) == []
    finally:
        context.close()


# -- first paint, slow and failed loading (issue 11, 12) --------------------------------------

DATA = "**/assets/catalogue-data/**"


def test_first_results_are_in_the_page_before_any_data_arrives(browser, search_server):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route(DATA, lambda route: None)  # never answered: the data is "still loading"
        page.goto(search_server + "catalogue/", wait_until="domcontentloaded")
        assert result_ids(page) == LISTED
        assert status(page) == "6 microcertifications trouvées"
        # One card: the template the script clones is _card.html's, like the cards already shown.
        shape = "n => Array.from(n.querySelectorAll('*'), e => e.tagName + '.' + e.className).slice(0, 6).join(' ')"
        template = page.evaluate(f"({shape})(document.querySelector('template[data-card]').content)")
        first_card = page.locator("[data-results] .mc-card").first.evaluate(f"c => ({shape})(c.parentNode)")
        assert template == first_card
    finally:
        context.close()


@pytest.mark.parametrize(("page_path", "lang"), [("catalogue/", "fr"), ("en/catalogue/", "en"), ("embed/", "fr")])
def test_search_waits_for_no_script_file_and_for_the_manifest_asked_for_from_the_head(
    browser, search_server, page_path, lang
):
    """On a slow link every file is a round trip: the page's own code is in the page, and the head
    asks for the index manifest beside the stylesheets, before the body is read."""
    context = browser.new_context()
    try:
        page = context.new_page()
        asked = []
        page.on("request", lambda request: asked.append(request.url.removeprefix(search_server)))
        page.goto(search_server + page_path)
        page.wait_for_selector("[data-ready='true']")
        root = "#mc-search" if "catalogue" in page_path else "#mc-embed"
        manifest = page.evaluate("s => new URL(document.querySelector(s).dataset.index, location.href).href", root)
        head = page.evaluate(
            "() => Array.from(document.head.querySelectorAll('link[rel=preload]'), l => [l.href, l.as])"
        )
        assert [manifest, "fetch"] in head
        # Before any script in the head: the parser stops at one while stylesheets load, and
        # Chromium does not look ahead on a page whose Content-Security-Policy is a <meta>.
        first_script = "Array.from(document.head.children).findIndex(e => e.tagName === 'SCRIPT')"
        last_preload = "Array.from(document.head.children).findLastIndex(e => e.rel === 'preload')"
        assert page.evaluate(f"() => {first_script} === -1 || {last_preload} < {first_script}")
        ours = [url for url in asked if url.endswith(".js") or ".js?" in url]
        ours = [url for url in ours if "/javascripts/bundle." not in url]  # the theme's own script
        assert ours == [], "the page's code is in the page"
        inline = page.evaluate(
            "s => Array.from(document.querySelectorAll(s + ' ~ script, ' + s + ' script'))"
            ".filter(e => !e.src && !e.type).map(e => e.text.length)",
            root,
        )
        assert inline and max(inline) > 10_000 and page.evaluate("typeof window.lunr") == "function"
        assert asked.count(manifest.removeprefix(search_server)) == 1, "the preloaded manifest is the one used"
    finally:
        context.close()


@pytest.mark.parametrize(
    ("page_path", "query"),
    [("catalogue/", "?q=hôpital"), ("en/catalogue/", "?q=hospital care"), ("embed/", "?q=soins")],
)
def test_a_link_with_words_has_its_head_ask_for_their_shards_and_the_page_uses_them(
    browser, search_server, page_path, query
):
    """On a slow link every file is a round trip: the shards of the address's words are asked for
    by the head, with the script and the manifest, not once the script has run; the page's script
    then uses them as they come (each asked for once), and answers."""
    context = browser.new_context()
    try:
        page = context.new_page()
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(search_server + page_path + query)
        page.wait_for_selector("[data-ready='true']")
        shards = page.evaluate(
            "() => performance.getEntriesByType('resource').filter(e => /\\/search-(fr|en)-/.test(e.name))"
            ".map(e => [e.name, e.initiatorType])"
        )
        assert shards, "the words' shards were fetched"
        assert all(initiator == "link" for _, initiator in shards), shards  # the head's preload, not loader.js
        assert all(asked.count(url) == 1 for url, _ in shards), asked
        assert result_ids(page) & {"soins-hopital"}
    finally:
        context.close()


def test_a_shard_its_head_asked_for_that_arrives_cut_short_is_asked_for_again(browser, search_server):
    """A slow link can end a response early: the page's script asks once more, from the network."""
    context = browser.new_context()
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        asked = first_response_cut_short(page, "**/search-fr-*.json*", '{"terms": {"hop')
        page.goto(search_server + "catalogue/?q=hôpital")
        wait_ready(page)
        assert asked.count(asked[0]) == 2, asked
        assert result_ids(page) & {"soins-hopital"}
        assert not page.locator("[data-failed]").is_visible() and errors == []
    finally:
        context.close()


@pytest.mark.parametrize(("query", "facets_first"), [("?q=hopital", False), ("?q=hopital&sector=health", True)])
def test_a_link_with_words_gets_the_facet_table_before_its_answer_only_when_it_ticks_a_filter(
    browser, search_server, query, facets_first
):
    """On a slow link the files compete: words alone are answered from their index shard, and the
    facet table (the filters' counts) follows the answer; a link that ticks a filter needs the
    table to answer at all, so it is asked for at once."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(search_server + "catalogue/" + query)
        wait_ready(page)
        counts_shown(page)
        assert result_ids(page) == {"soins-hopital"}
        started = page.evaluate(
            "() => Object.fromEntries(performance.getEntriesByType('resource')"
            ".map(e => [e.name.split('?')[0].split('/').pop(), e.startTime]))"
        )
        answered = page.evaluate("performance.getEntriesByName('catalogue-first-answer')[0].startTime")
        shard = min(time for name, time in started.items() if name.startswith("search-fr-"))
        assert shard < started["facets-fr.json"]
        assert (started["facets-fr.json"] < answered) is facets_first, (started, answered)
    finally:
        context.close()


@contextmanager
def facets_held(browser):
    """A fresh page whose French facet table is held back: the test lets it through (or fails it)
    with `held[0]`, to see what the page does before and after the counts arrive."""
    context = browser.new_context()
    try:
        page = context.new_page()
        held = []
        page.route("**/facets-fr.json*", lambda route: held.append(route))
        yield page, held
    finally:
        context.close()


def test_words_typed_before_the_data_arrives_are_kept_and_applied(browser, search_server):
    with facets_held(browser) as (page, held):
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(search_server + "catalogue/", wait_until="domcontentloaded")
        page.wait_for_function("() => !document.querySelector('#mc-q').closest('[hidden]')")
        page.get_by_label("Mots à chercher").press_sequentially("hopital")
        page.wait_for_timeout(200)
        assert errors == []
        assert len(held) == 1
        held[0].continue_()
        page.wait_for_function("() => location.search === '?q=hopital'")
        wait_ready(page)
        assert result_ids(page) == {"soins-hopital"}
        assert errors == []


def test_words_are_answered_before_the_filter_counts_arrive(browser, search_server):
    with facets_held(browser) as (page, held):
        page.goto(search_server + "catalogue/?q=hopital")
        wait_ready(page)
        assert result_ids(page) == {"soins-hopital"}
        assert status(page) == "1 microcertification trouvée"
        assert count_of(page, "sector", "health") == ""  # the counts come with the facet table
        held[0].continue_()
        page.wait_for_function(
            "() => document.querySelector(\"label[for='mc-sector-health'] [data-count]\").textContent"
        )
        assert count_of(page, "sector", "health") == "(1)"
        assert status(page) == "1 microcertification trouvée"


def test_a_facet_table_failing_after_the_answer_is_announced_and_stays(browser, search_server):
    with facets_held(browser) as (page, held):
        page.goto(search_server + "catalogue/?q=hopital")
        wait_ready(page)
        held[0].abort()
        wait_for_held(page, held, 2)  # a file lost on the way is asked for once more: lost again
        held[1].abort()
        page.wait_for_function(
            "t => document.querySelector('#mc-status').textContent.startsWith(t)", arg="Le catalogue"
        )
        type_query(page, "securite")
        page.wait_for_timeout(300)
        assert status(page).startswith("Le catalogue n'a pas pu être chargé")
        assert page.locator("[data-failed]").is_visible()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_failed_load_is_announced_and_the_words_stay_in_the_box(browser, search_server, lang):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/facets-*.json*", lambda route: route.abort())
        page.goto(search_server + ("en/" if lang == "en" else "") + "catalogue/?q=hopital")
        expected = {"fr": "Le catalogue n'a pas pu être chargé", "en": "The catalogue could not be loaded"}[lang]
        page.wait_for_function("t => document.querySelector('#mc-status').textContent.startsWith(t)", arg=expected)
        assert page.locator("[data-failed]").is_visible()
        assert page.locator("#mc-q").input_value() == "hopital"
    finally:
        context.close()


def test_without_javascript_the_intro_does_not_ask_to_type_and_results_show(browser, search_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(search_server + "catalogue/")
        lead = page.locator("h1 + p")
        assert lead.get_attribute("hidden") is not None and "Tapez des mots" in lead.text_content()
        assert page.locator("noscript p").first.inner_text().startswith("La recherche a besoin de JavaScript.")
        assert result_ids(page) == LISTED
    finally:
        context.close()


# -- words that are filters, partial matches, the language switch, phones ---------------------


def test_a_word_naming_a_filter_works_as_ticking_it_and_says_so(catalogue_page):
    """Issue 25: « gratuit » said "20 found", then its offered filter gave 0. Now the word is the
    filter: the same list and count as the box ticked, said above the list, and removable."""
    page = catalogue_page.open("?cost=free")
    ticked, ticked_status = result_ids(page), status(page)
    assert ticked and ticked != LISTED
    page = catalogue_page.open()
    type_query(page, "gratuit")
    page.wait_for_function("(said) => document.querySelector('#mc-status').textContent === said", arg=ticked_status)
    wait_ready(page)
    assert result_ids(page) == ticked
    assert page.locator("[data-offers]").inner_text().startswith("Vos mots appliquent le filtre «\u00a0Gratuit\u00a0».")
    assert not page.locator("#mc-cost-free").is_checked()  # the box says what was ticked, not typed
    assert axe_violations(page) == []
    page.get_by_role("button", name="Retirer le filtre «\u00a0Gratuit\u00a0»").click()
    page.wait_for_function(
        "(n) => document.querySelector('#mc-status').textContent.startsWith(n + ' ')", arg=len(LISTED)
    )
    assert page.get_by_label("Mots à chercher").input_value() == ""
    assert result_ids(page) == LISTED
    assert page.locator("[data-offers]").is_hidden()


def test_a_two_word_filter_phrase_among_other_words_leaves_them_searched(catalogue_page):
    page = catalogue_page.open("?q=" + "s%C3%A9curit%C3%A9%20en%20ligne", lang="fr")
    with_phrase = result_ids(page)
    page = catalogue_page.open("?q=s%C3%A9curit%C3%A9&delivery=online", lang="fr")
    assert with_phrase == result_ids(page) and with_phrase
    page = catalogue_page.open("?q=" + "s%C3%A9curit%C3%A9%20en%20ligne", lang="fr")
    page.get_by_role("button", name="Retirer le filtre «\u00a0En ligne\u00a0»").click()
    page.wait_for_function("() => document.querySelector('#mc-q').value === 's\u00e9curit\u00e9'")


def test_when_no_record_has_every_word_the_closest_show_and_the_status_says_so(catalogue_page):
    page = catalogue_page.open("?q=hopital%20drone", lang="fr")
    assert result_ids(page) == {"soins-hopital"}
    assert (
        status(page) == "1 microcertification trouvée. Aucune n'a tous vos mots\u00a0: voici celles qui en ont le plus."
    )


def test_words_just_typed_go_with_a_click_on_the_language_switch(catalogue_page):
    # The address follows typing at a pause; a click in that pause must still carry the words.
    page = catalogue_page.open()
    page.evaluate("""() => {
      const input = document.getElementById('mc-q');
      input.value = 'hopital';
      input.dispatchEvent(new Event('input', {bubbles: true}));
      document.querySelector('a[hreflang="en"]').click();
    }""")
    page.wait_for_url("**/en/catalogue/?q=hopital")
    wait_ready(page)
    assert result_ids(page) == {"soins-hopital"}


def test_switching_language_keeps_the_words_and_filters(catalogue_page):
    page = catalogue_page.open("?q=hopital&sector=health")
    page.get_by_role("link", name="English").first.click()
    page.wait_for_url("**/en/catalogue/?q=hopital&sector=health")
    wait_ready(page)
    assert page.get_by_label("Words to search for").input_value() == "hopital"
    assert page.locator("#mc-sector-health").is_checked()
    assert result_ids(page) == {"soins-hopital"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_on_a_phone_a_button_after_the_filters_jumps_to_the_results(browser, search_server, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(search_server + ("en/" if lang == "en" else "") + "catalogue/")
        wait_ready(page)
        page.locator("[data-filters] summary").click()
        page.locator("label[for='mc-cost-free']").click()
        heading = page.locator("#mc-results-title")
        assert heading.evaluate("h => h.getBoundingClientRect().top") > 844  # below the filters
        button = page.get_by_role("link", name={"fr": "Voir les résultats (2)", "en": "Show results (2)"}[lang])
        button.click()
        page.wait_for_function("() => location.hash === '#mc-results-title'")
        assert 0 <= heading.evaluate("h => h.getBoundingClientRect().top") < 200
        screenshot(page, f"catalogue-phone-show-results-{lang}")
    finally:
        context.close()


def test_a_filter_ticked_on_a_slow_link_stays_when_the_button_jumps_to_the_results(browser, search_server):
    """The jump is a move within the page (#mc-results-title), not a way back: the tick waiting
    for the facet table is applied once it comes, and the address says it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        held = []
        page.route("**/facets-fr.json*", lambda route: held.append(route))
        page.goto(search_server + "catalogue/")
        wait_ready(page)
        page.locator("[data-filters] summary").click()
        page.locator("label[for='mc-cost-free']").click()
        page.locator("[data-show-results]").click()
        page.wait_for_function("() => location.hash === '#mc-results-title'")
        wait_for_held(page, held, 1)
        held[0].continue_()
        page.wait_for_function("() => location.search === '?cost=free'")
        wait_ready(page)
        assert page.locator("#mc-cost-free").is_checked()
        assert status(page) == "2 microcertifications trouvées" and len(result_ids(page)) == 2
    finally:
        context.close()
