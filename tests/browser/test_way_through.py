"""A learner's way through the shipped site, in a real Chromium, in both languages, on a desktop
and a phone: a way out of every page, the way back to the results, the age of the facts on the
first screen, no sideways scrolling, a keyboard order that starts with the page, print, and
accessibility with JavaScript on and off."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from in_browser import ARTIFACTS, axe_violations, screenshot
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.wording.facts import FactWording, as_said, unknown_facts
from pypdf import PdfReader
from support import PROJECT, SHIPPED_DAY, shipped_catalogue, shipped_example, shipped_provider_with

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 640}
ROOTS = ["", "en/"]


def _old_with_unknowns(credential) -> bool:
    old = FactWording({}, shipped_catalogue().taxonomies, SHIPPED_DAY).is_old(credential)
    no_page = credential.url is None  # the main button then leads to the provider
    return old and no_page and {"cost", "hours", "delivery"} <= set(unknown_facts(credential))


def _unknown_count(credential) -> int:
    return len(unknown_facts(credential))


OLD_RECORD = shipped_example(
    "is old, has no page of its own and leaves out its cost, length and delivery", _old_with_unknowns
)


def _fullest(credential) -> bool:
    """Among the records that leave out fewest facts, the one of shortest description: the
    longest page that must still print on one sheet (a long description may take two)."""
    listed = shipped_catalogue().listed
    fewest = min(_unknown_count(other) for other in listed)
    candidates = [other for other in listed if _unknown_count(other) == fewest]
    return credential is min(
        candidates, key=lambda other: (len(other.description["en"]) if other.description else 0, other.id)
    )


FULLEST_RECORD = shipped_example("leaves out fewest facts", _fullest)
# One page of each kind the site has.
PAGE_TYPES = {
    "home": "",
    "catalogue": "catalogue/",
    "credential": OLD_RECORD,
    "credential-full": FULLEST_RECORD,
    "browse": "browse/",
    "facet": "browse/pathways/",
    "group": "browse/sectors/health/",
    "free": "browse/free/",
    "knowledge": "learn/questions/",
    "practitioners": "practitioners/",
    "referral-sheet": "practitioners/referral-sheet/",
    "about": "about/",
    "editors": "editors/",
    "fields": "editors/fields/",
    "not-found": "404.html",
}


@pytest.fixture
def viewer(browser, site_server):
    """Opens a page of the shipped site in a fresh context of a given size, JavaScript on or off."""
    contexts = []

    def open_page(address: str, viewport=DESKTOP, javascript: bool = True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_server + address)
        return page

    yield open_page
    for context in contexts:
        context.close()


def lang_of(root: str) -> str:
    return root.strip("/") or "fr"


# -- a way out of every page ---------------------------------------------------------------


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_shows_the_site_sections_on_a_desktop(viewer, root, kind):
    page = viewer(root + PAGE_TYPES[kind])
    tabs = page.locator(".md-tabs a.md-tabs__link")
    assert tabs.count() >= 6
    assert all(tabs.nth(i).is_visible() for i in range(tabs.count()))
    expected = {"fr": ["Accueil", "Chercher", "Parcourir"], "en": ["Home", "Search", "Browse"]}[lang_of(root)]
    assert [tabs.nth(i).inner_text().strip() for i in range(3)] == expected


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_has_a_menu_on_a_phone(viewer, root, kind):
    page = viewer(root + PAGE_TYPES[kind], PHONE)
    menu_button = page.get_by_role("button", name="Menu")
    assert menu_button.is_visible()
    drawer_links = page.locator(".md-sidebar--primary .md-nav__link[href]")
    assert not drawer_links.first.is_visible()  # closed
    menu_button.click()
    drawer_links.first.wait_for(state="visible")  # the menu slides in
    visible = [drawer_links.nth(i) for i in range(drawer_links.count()) if drawer_links.nth(i).is_visible()]
    assert len(visible) >= 6


# -- a credential page: breadcrumb, one main action, the way back --------------------------


@pytest.mark.parametrize("root", ROOTS)
def test_credential_page_has_a_breadcrumb_and_one_main_button(viewer, root):
    lang = lang_of(root)
    credential = shipped_catalogue().credential(OLD_RECORD.split("/")[1])
    sector = credential.sectors[0]
    page = viewer(root + OLD_RECORD)
    crumbs = page.locator("nav.mc-breadcrumb a")
    assert crumbs.last.inner_text() == shipped_catalogue().taxonomies.short_label("sectors", sector, lang)
    assert crumbs.last.get_attribute("href") == f"../../browse/sectors/{sector}/"
    primary = page.locator(".md-content .md-button--primary")
    assert primary.count() == 1
    # No official page is known for this record: the button goes to the provider and says so.
    assert primary.get_attribute("href") == shipped_catalogue().providers[credential.provider].url
    assert primary.inner_text() == {"fr": "Voir le site de l'établissement", "en": "See the provider's website"}[lang]


@pytest.mark.parametrize(
    ("root", "query", "sector"),
    [("", "pieds", "health"), ("en/", "foot", "health")],
)
def test_back_to_results_restores_the_words_and_filters(viewer, root, query, sector):
    page = viewer(root + f"catalogue/?q={query}&sector={sector}")
    page.wait_for_selector("#mc-search[data-ready='true']")
    page.locator("[data-results] .mc-card__title a").first.click()
    page.wait_for_url("**/mc/*/")
    back = page.locator("a[data-back]")
    assert back.inner_text() == {"fr": "Retour aux résultats", "en": "Back to the results"}[lang_of(root)]
    state = parse_qs(urlparse(back.get_attribute("href")).query)
    assert state == {"q": [query], "sector": [sector]}
    back.click()
    page.wait_for_selector("#mc-search[data-ready='true']")
    assert page.locator("#mc-q").input_value() == query
    assert page.locator(f"#mc-sector-{sector}").is_checked()


@pytest.mark.parametrize("root", ROOTS)
def test_back_link_leads_to_the_list_or_to_search_when_not_from_results(viewer, site_server, root):
    page = viewer(root + "browse/sectors/health/")
    page.locator(".mc-card__title a").first.click()
    page.wait_for_load_state()
    back = page.locator("a[data-back]")
    assert back.inner_text() == {"fr": "Retour à la liste", "en": "Back to the list"}[lang_of(root)]
    assert back.get_attribute("href") == site_server + root + "browse/sectors/health/"
    direct = viewer(root + OLD_RECORD)  # from a newsletter: no page of ours before
    assert direct.locator("a[data-back]").inner_text() in ("Chercher dans le catalogue", "Search the catalogue")
    assert direct.locator("a[data-back]").get_attribute("href") == "../../catalogue/"


# -- the age of the facts, on the first screen ---------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("root", ROOTS)
def test_old_information_is_said_on_the_first_screen(viewer, root, viewport):
    page = viewer(root + OLD_RECORD, viewport)
    notice = page.locator(".mc-age--old")
    box = notice.bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"]
    text = notice.inner_text()
    if root == "":
        assert "Information de 2022\u00a0: à confirmer" in text and "Information datant de 2022" in text
        assert "Vérifiez le coût et les dates auprès de l'établissement avant de vous inscrire" in text
    else:
        assert "Information from 2022: to confirm" in text and "Information from a 2022 source" in text
        assert "Check the cost and dates with the provider before you enrol" in text
    assert "vérifi" not in page.locator(".mc-provenance").inner_text().lower().replace("vérifiez", "")
    assert "verified" not in page.locator(".mc-credential").inner_text().lower()
    screenshot(page, f"age-{lang_of(root)}-{viewport['width']}")


@pytest.mark.parametrize("root", ROOTS)
def test_unknown_facts_are_one_sentence_and_cards_show_known_facts(viewer, root):
    lang = lang_of(root)
    credential = shipped_catalogue().credential(OLD_RECORD.split("/")[1])
    provider = shipped_catalogue().providers[credential.provider]
    page = viewer(root + OLD_RECORD)
    unknown = page.locator(".mc-unknown")
    said = {
        "fr": ("Pas encore connu\u00a0: ", "coût, nombre d'heures, comment se donne la formation"),
        "en": ("Not known yet: ", "cost, number of hours, how it is taught"),
    }[lang]
    assert unknown.inner_text().startswith("".join(said))
    assert unknown.locator("a").get_attribute("href") == provider.url
    assert "précisé" not in page.locator(".mc-facts").inner_text().lower()
    assert "not specified" not in page.locator(".mc-facts").inner_text().lower()
    sector = credential.sectors[0]  # its card is on that sector's page
    title = " ".join(page.locator("h1").inner_text().split())
    group_page = viewer(f"{root}browse/sectors/{sector}/")
    card = group_page.locator(".mc-card").filter(has=group_page.locator(".mc-card__title", has_text=title))
    tags = card.locator(".mc-tags li").all_inner_texts()
    year = credential.information_date.year
    sectors = [shipped_catalogue().taxonomies.short_label("sectors", key, lang) for key in credential.sectors]
    # Known facts only (no cost, length or delivery: they are unknown), then one mark for each.
    assert set(sectors) <= set(tags) and not any("précisé" in tag or "specified" in tag for tag in tags)
    if root == "":
        assert tags[-2:] == ["Détails à confirmer", f"Info de {year}\u00a0: à confirmer"]
    else:
        assert tags[-2:] == ["Details to confirm", f"{year} info: to confirm"]


def _dated_funding(credential) -> list[str]:
    """The funding eligibilities of a record that come from a dated list."""
    terms = shipped_catalogue().taxonomies.terms("funding")
    return [key for key in credential.funding if terms[key].year is not None]


@pytest.mark.parametrize("root", ROOTS)
def test_funding_says_the_year_of_its_list(viewer, root):
    provider = shipped_provider_with(
        "has a listed credential eligible for funding from a dated list",
        lambda provider, credentials: any(_dated_funding(c) for c in credentials),
    )
    page = viewer(root + f"browse/providers/{provider}/")
    tags = " ".join(page.locator(".mc-tags li").all_inner_texts())
    key = next(key for c in shipped_catalogue().listed if c.provider == provider for key in _dated_funding(c))
    term = shipped_catalogue().taxonomies.terms("funding")[key]
    label = {"": as_said(term.label["fr"], "fr"), "en/": term.label["en"]}[root]
    assert {"": f"{label} (liste de {term.year})", "en/": f"{label} ({term.year} list)"}[root] in tags


# -- plain language -------------------------------------------------------------------------


@pytest.mark.parametrize("root", ROOTS)
def test_sector_pages_give_the_official_title_and_goal_paths_are_explained(viewer, root):
    page = viewer(root + "browse/sectors/education-law-social-government/")
    official = page.locator(".mc-official").inner_text()
    assert {
        "": "Enseignement, droit et services sociaux, communautaires et gouvernementaux",
        "en/": "Occupations in education, law and social, community and government services",
    }[root] in official
    for address in ("", OLD_RECORD, "browse/pathways/", "browse/pathways/employment/", "browse/"):
        note = viewer(root + address).locator(".mc-explain").first
        assert (
            "Alphabétisation et formation de base" if root == "" else "Literacy and Basic Skills"
        ) in note.inner_text()
        assert note.locator("a").get_attribute("href").endswith("practitioners/")


# -- home --------------------------------------------------------------------------------


@pytest.mark.parametrize("root", ROOTS)
def test_home_searches_offers_ways_in_and_dates_what_is_new(viewer, root):
    listed = [c for c in load_catalogue(PROJECT).credentials if c.is_listed]
    employment = sum("employment" in c.pathways for c in listed)
    online = sum(c.delivery == "online" for c in listed)
    page = viewer(root)
    assert page.title() == {"": "Catalogue des microcertifications", "en/": "Micro-credential catalogue"}[root]
    ways = page.locator(".mc-ways").inner_text()
    assert (f"Emploi ({employment})" if root == "" else f"Employment ({employment})") in ways
    assert (f"En ligne ({online})" if root == "" else f"Online ({online})") in ways
    assert re.fullmatch(r"(Ajoutée (en|le) .+|Added .+)", page.locator(".mc-recent .mc-added").first.inner_text())
    freshness = page.locator("#who ~ p").nth(1).inner_text()
    assert re.search(r"\d+ fiches sur " + str(len(listed)) if root == "" else r"\d+ of " + str(len(listed)), freshness)
    page.locator("#mc-home-q").fill("soins")
    page.locator("#mc-home-q").press("Enter")
    page.wait_for_selector("#mc-search[data-ready='true']")
    assert urlparse(page.url).path.endswith(root + "catalogue/")
    assert page.locator("#mc-q").input_value() == "soins"


# -- language switch and 404 --------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("root", ROOTS)
def test_the_other_language_is_named_in_words_and_the_current_one_marked(viewer, root, viewport):
    page = viewer(root + "browse/", viewport)
    other = page.locator(".md-header a[hreflang='{}']".format("en" if root == "" else "fr"))
    assert other.is_visible() and other.inner_text() == ("English" if root == "" else "Français")
    current = page.locator(".md-header a[aria-current]")
    assert current.get_attribute("hreflang") == lang_of(root)
    other.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == ("en" if root == "" else "fr")
    assert urlparse(page.url).path.endswith("browse/")


@pytest.mark.parametrize("root", ROOTS)
def test_each_404_links_both_home_pages(viewer, site_server, root):
    page = viewer(root + "404.html")
    switch = {a.get_attribute("hreflang"): a.get_attribute("href") for a in page.locator(".mc-lang a").all()}
    # The site is built for the address it is served at (tests/browser/conftest.py).
    assert switch == {"fr": site_server, "en": site_server + "en/"}


# -- phones and keyboards -------------------------------------------------------------------


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_sideways_scrolling_at_320_pixels(viewer, root, kind):
    page = viewer(root + PAGE_TYPES[kind], NARROW)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"{kind}: {width} px wide"


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("kind", ["home", "catalogue", "credential", "group", "knowledge"])
def test_on_a_phone_the_keyboard_starts_with_a_skip_link_and_never_enters_the_closed_menu(viewer, root, kind):
    page = viewer(root + PAGE_TYPES[kind], PHONE)
    page.keyboard.press("Tab")
    first = page.evaluate(
        "({href: document.activeElement.getAttribute('href'), text: document.activeElement.innerText})"
    )
    assert first["href"] == "#mc-content"
    assert page.locator(".mc-skip").is_visible()  # shown when focused
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
            return {inMenu: !!e.closest('.md-sidebar--primary'), inContent: !!e.closest('.md-content'),
                    visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth,
                    outline: getComputedStyle(e).outlineStyle, tag: e.tagName}; }"""
        )
        assert not focused["inMenu"], "a link of the closed menu takes focus"
        assert focused["visible"], focused
        assert focused["outline"] != "none" or focused["tag"] == "INPUT", focused  # focus is visible
        if focused["inContent"]:
            break
    else:
        pytest.fail("12 Tab presses never reached the page's content")


@pytest.mark.parametrize("root", ROOTS)
def test_skip_link_moves_focus_to_the_content(viewer, root):
    page = viewer(root + OLD_RECORD, PHONE)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "mc-content"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


# -- print --------------------------------------------------------------------------------


def printed(page, name: str) -> PdfReader:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    page.pdf(path=str(path), format="Letter")
    return PdfReader(path)


@pytest.mark.parametrize("address", [OLD_RECORD, FULLEST_RECORD])
@pytest.mark.parametrize("root", ROOTS)
def test_a_credential_prints_on_one_page_with_its_address_and_link_targets(viewer, site_server, root, address):
    page = viewer(root + address)
    pdf = printed(page, "print-credential-" + lang_of(root) + "-" + address.split("/")[1])
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text().replace("\n", "")
    assert site_server + root + address in text
    official = page.locator(".md-button--primary").get_attribute("href")
    assert official in text  # the link target, written out on paper


@pytest.mark.parametrize("root", ROOTS)
def test_the_catalogue_prints_its_results_only(viewer, root):
    page = viewer(root + "catalogue/?q=" + ("soins" if root == "" else "care"))
    page.wait_for_selector("#mc-search[data-ready='true']")
    text = "".join(p.extract_text() for p in printed(page, "print-catalogue-" + lang_of(root)).pages)
    first_title = page.locator("[data-results] .mc-card__title a").first.inner_text()
    assert first_title.split()[0] in text
    assert ("Filtrer" if root == "" else "Filter") not in text
    assert ("Comment se donne la formation" if root == "" else "How it is taught") not in text  # a filter's legend


@pytest.mark.parametrize("root", ROOTS)
def test_the_referral_sheet_leaves_room_to_write(viewer, root):
    page = viewer(root + "practitioners/referral-sheet/")
    page.emulate_media(media="print")
    heights = page.locator(".md-typeset td:empty").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 50  # about 1.3 cm a row, room for a line of handwriting
    assert len(printed(page, "print-referral-" + lang_of(root)).pages) == 1


# -- accessibility, JavaScript on and off --------------------------------------------------


def as_without_javascript(route):
    """The page as a browser without JavaScript shows it: no script runs, <noscript> shows.
    (axe-core is a script itself, so the page is served rewritten rather than JS turned off.)"""
    html = route.fetch().text()
    html = re.sub(r"<script\b(?![^>]*application/(?:ld\+)?json)[^>]*>.*?</script>", "", html, flags=re.S)
    html = html.replace("<noscript>", "<div data-noscript>").replace("</noscript>", "</div>")
    route.fulfill(body=html, content_type="text/html; charset=utf-8")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("kind", ["home", "catalogue", "credential", "browse", "group", "not-found"])
def test_no_accessibility_violation(browser, site_server, root, kind, viewport, javascript):
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        if not javascript:
            page.route(lambda url: url.endswith("/") or url.endswith(".html"), as_without_javascript)
        page.goto(site_server + root + PAGE_TYPES[kind])
        if javascript and kind == "catalogue":
            page.wait_for_selector("#mc-search[data-ready='true']")
        if not javascript:
            assert page.evaluate("[...document.scripts].filter(s => !/json/.test(s.type)).length") == 0
        assert axe_violations(page) == []
    finally:
        context.close()
