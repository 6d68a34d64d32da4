"""Every page of the shipped site is valid HTML for the Nu Html Checker, and every kind of page
has no pa11y (WCAG2AA) or axe error, with scripts on and off. Each validator also proves it
can fail: on a page broken on purpose, it reports the fault."""

from __future__ import annotations

import shutil

import pytest
from in_browser import axe_violations
from support import serve, shipped_example
from test_knowledge_pages import LOADED as KNOWLEDGE_PAGES_LOADED
from test_way_through import PAGE_TYPES as WAY_THROUGH_KINDS
from test_way_through import ROOTS as WAY_THROUGH_ROOTS
from validators import nu_errors_in, pa11y_errors

# A credential page with the most tags: a funding eligibility and more than one sector.
CREDENTIAL = shipped_example(
    "has a funding eligibility and more than one sector", lambda c: bool(c.funding) and len(c.sectors) > 1
)

# One page of each kind, in each language (the 404 page is fetched by its own address).
PAGE_KINDS = [
    "",
    "catalogue/",
    "catalogue/?q=soudage&cost=free",
    CREDENTIAL,
    "browse/",
    "browse/cost/free/",
    "embed/?cost=free",
    "links/",
    "learn/what-is/",
    "practitioners/referral-sheet/",
    "editors/",
    "editors/fields/",
    "404.html",
]
ADDRESSES = [f"{lang}{path}" for lang in ("", "en/") for path in PAGE_KINDS]
# Pages other tests already run axe on, in the same state (a desktop width, scripts on, the page
# loaded): each knowledge page (test_knowledge_pages, 1280 × 900) and the home, Browse and 404
# pages (test_way_through's test_no_accessibility_violation, desktop, scripts on: 1280 × 800). Run
# twice, they only cost time. The catalogue stays here: read at "load", before its results are drawn
# (test_way_through reads it after).
AXED_ELSEWHERE = {root + address for root, address in KNOWLEDGE_PAGES_LOADED} | {
    root + WAY_THROUGH_KINDS[kind] for root in WAY_THROUGH_ROOTS for kind in ("home", "browse", "not-found")
}

# Faults both validators must see: an image without an address, a form field without a label.
BROKEN = '<img width="10" height="10" alt=""><form action="#"><input type="checkbox" id="x"></form>'


@pytest.fixture(scope="module")
def nu_found(shipped_site, tmp_path_factory) -> dict[str, list[str]]:
    """The Nu checker's errors in the shipped site and in a copy of its home page broken on purpose,
    from one run of it (its Java start takes seconds): the pages are checked one by one all the same."""
    broken = tmp_path_factory.mktemp("nu-broken")
    page = (shipped_site / "index.html").read_text(encoding="utf-8")
    (broken / "index.html").write_text(page.replace("</h1>", "</h1>" + BROKEN, 1), encoding="utf-8")
    found = nu_errors_in([shipped_site, broken])
    return {"shipped": found[shipped_site], "broken": found[broken]}


def test_every_built_page_passes_the_nu_html_checker(nu_found):
    assert nu_found["shipped"] == []


def test_the_nu_html_checker_reports_a_broken_page(nu_found):
    errors = nu_found["broken"]
    assert any("“img” is missing" in error for error in errors), errors


def test_every_kind_of_page_has_no_pa11y_error(site_server):
    assert pa11y_errors([site_server + address for address in ADDRESSES]) == []


def test_pa11y_reports_a_broken_page(shipped_site, tmp_path):
    page = (shipped_site / "about" / "index.html").read_text(encoding="utf-8")
    shutil.copytree(shipped_site / "assets", tmp_path / "assets")
    (tmp_path / "index.html").write_text(page.replace("</h1>", "</h1>" + BROKEN, 1), encoding="utf-8")
    with serve(tmp_path) as url:
        errors = pa11y_errors([url])
    faults = [e for e in errors if "#x" in e]
    assert any("scripts on" in e for e in faults) and any("scripts off" in e for e in faults), errors


def test_every_kind_of_page_has_no_axe_violation(browser, site_server):
    # Scripts on only: with scripts off, Chromium runs no script of DevTools' either (axe could not
    # start); pa11y reads those pages instead (test_every_kind_of_page_has_no_pa11y_error).
    addresses = [address for address in ADDRESSES if address not in AXED_ELSEWHERE]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    found = {}
    for address in addresses:
        tab.goto(site_server + address, wait_until="load")
        found[address] = axe_violations(tab)
    context.close()
    assert {address: v for address, v in found.items() if v} == {}
