"""The Content-Security-Policy in a real Chromium: the site's own scripts all run, injected ones never.

Every kind of page is opened (and the scripted ones used: search, filters, language switch,
navigation drawer) while listening for policy violations, console errors and script errors.
"""

from __future__ import annotations

import pytest
from in_browser import SecurityLog
from microcredential_catalogue.wording.facts import as_said
from support import rarest_word, shipped_credential, shipped_example, title_words

CREDENTIAL = shipped_example("is listed", lambda credential: True)  # any credential page
# A record found by a word of its English title: the word fewest records say.
SEARCHED = shipped_credential(
    shipped_example("has a word of five letters or more in its English title", lambda c: bool(title_words(c, "en")))
)
WORD = rarest_word(title_words(SEARCHED, "en"))

# One page of each kind, in each language.
PAGE_KINDS = [
    "",
    "catalogue/",
    "catalogue/?q=soins&sector=health",
    CREDENTIAL,
    "browse/",
    "browse/sectors/",
    "browse/sectors/health/",
    "browse/cost/free/",
    "browse/free/",
    "editors/",
    "editors/fields/",
    "learn/what-is/",
    "practitioners/referral-sheet/",
    "links/",
    "about/",
    "404.html",
]


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.security = SecurityLog(page)
    yield page
    context.close()


def assert_clean(page) -> None:
    security = page.security
    assert security.violations() == []
    assert security.policy_messages() == []
    assert security.errors == [] and security.dialogs == []


@pytest.mark.parametrize("root", ["", "en/"])
@pytest.mark.parametrize("address", PAGE_KINDS)
def test_no_kind_of_page_breaks_its_own_policy(watched, site_server, root, address):
    watched.goto(site_server + root + address, wait_until="networkidle")
    assert watched.locator("head > meta:first-child").get_attribute("http-equiv") == "Content-Security-Policy"
    assert_clean(watched)


def test_search_and_filters_work_under_the_policy(watched, site_server):
    watched.goto(site_server + "en/catalogue/")
    watched.wait_for_selector("#mc-search[data-ready='true']")
    watched.locator("#mc-q").press_sequentially(WORD)
    watched.wait_for_function(f"() => new URLSearchParams(location.search).get('q') === '{WORD}'")
    assert f"/{SEARCHED.id}/" in watched.locator("[data-results]").inner_html()
    watched.locator("#mc-sector-business-finance-administration").check()
    watched.wait_for_function("() => location.search.includes('sector=business-finance-administration')")
    assert_clean(watched)


def test_the_language_switch_and_the_phone_menu_work_under_the_policy(watched, site_server):
    watched.goto(site_server + CREDENTIAL, wait_until="networkidle")
    watched.locator(".md-header .mc-lang a[hreflang='en']").click()
    watched.wait_for_url("**/en/" + CREDENTIAL)
    assert watched.locator("html").get_attribute("lang") == "en"
    watched.set_viewport_size({"width": 390, "height": 844})
    watched.get_by_role("button", name="Menu").click()
    watched.wait_for_function("() => document.getElementById('__drawer').checked")
    assert watched.locator(".md-sidebar--primary").is_visible()
    assert_clean(watched)


INJECTED = (
    "<script>window.__injected = true; document.title = 'inline ran'; alert('inline')</script>"
    "<img src=x onerror=\"window.__handler = true; alert('onerror')\">"
)


def test_an_injected_inline_script_and_event_handler_do_not_run(watched, site_server):
    """As if a hole let markup through: the page is changed after the build, past every other guard
    (on its way from the server, so the built site the other tests open stays as built)."""
    address = site_server + CREDENTIAL

    def inject(route):
        html = route.fetch().text()
        route.fulfill(body=html.replace("<h1>", INJECTED + "<h1>", 1), content_type="text/html; charset=utf-8")

    watched.route(address, inject)
    watched.goto(address, wait_until="networkidle")
    assert watched.evaluate("[window.__injected, window.__handler]") == [None, None]
    assert watched.security.dialogs == []
    assert watched.title().startswith(as_said(shipped_credential(CREDENTIAL).title["fr"], "fr"))
    violations = watched.security.violations()
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
    assert any(v.startswith("script-src-attr inline") for v in violations), violations
    # The site's own scripts still ran: Material's header turned the page into its scripted form.
    assert watched.evaluate("document.documentElement.classList.contains('js')")
