"""The text paints before the stylesheets arrive, and does not move when they do (issue 25 item 5).

Each page carries its critical styles inline (hooks/microcredential_catalogue/pages/critical_css.py)
and links the stylesheets after its content. Here a page is opened at a phone's width twice: once
with the stylesheets held back (never answered, as on a link too slow to bring them yet) and once
with them; every element on its first screen is in the same place, at the same size, either way.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1350, "height": 940}}  # both sidebars: the menu and the page's contents
# Each kind of page once in each language, at a phone's width and a desktop's: the search pages,
# the home, a knowledge page with its table of contents, Browse.
PAGES = [
    ("", PHONE),
    ("catalogue/", PHONE),
    ("en/", PHONE),
    ("en/catalogue/", PHONE),
    ("en/", DESKTOP),
    ("catalogue/", DESKTOP),
    ("about/", DESKTOP),
    ("en/practitioners/", DESKTOP),
    ("en/browse/", DESKTOP),
]
SHOTS = os.environ.get("FIRST_PAINT_SHOTS")  # a folder: each page's two looks saved there

# Every element of the first screen, where it is and how big, and what its text looks like.
FIRST_SCREEN = """() => { const MENU_OPENER = 'label.md-header__button[for="__drawer"], button.mc-menu-button';
// The sidebars' boxes, whose height the theme's script sets to the window's (it runs once the
// stylesheets are in, as it did when they were in the head): their place and width are compared.
const SCRIPT_SIZED = '.md-sidebar, .md-sidebar__scrollwrap, .md-sidebar__inner';
return [...document.body.querySelectorAll('*')].flatMap((e) => {
  const r = e.getBoundingClientRect(), s = getComputedStyle(e), sized = e.matches(SCRIPT_SIZED);
  if (r.width === 0 || (r.height === 0 && !sized) || r.top >= innerHeight || s.visibility === 'hidden') return [];
  if (e.matches('.mc-visually-hidden')) return [];  // words for screen readers only: never seen
  // Its tag and id, not its classes: the theme's script, which runs once the stylesheets are in,
  // adds some (a shadow under the header), as it did when they were in the head.
  // The menu's opener: the theme's label until menu.js (after the stylesheets) puts a button in its place.
  const name = e.matches(MENU_OPENER) ? 'menu opener' : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');
  return [[name, Math.round(r.x), Math.round(r.y), Math.round(r.width), sized ? 'set by script' : Math.round(r.height),
           s.color, s.backgroundColor, s.fontSize, s.fontWeight]];
}); }"""


def first_screen(browser, url: str, device: dict, stylesheets: bool, shot: Path | None) -> list:
    context = browser.new_context(**device)
    tab = context.new_page()
    held = []  # the stylesheets' requests, never answered: the page must paint without them
    if not stylesheets:
        tab.route("**/*.css*", lambda route: held.append(route))
        # The scripts after the stylesheets wait for them: so does "DOMContentLoaded". The footer,
        # at the end of the content and before the stylesheets, says the page has arrived.
        tab.goto(url, wait_until="commit")
        tab.wait_for_selector("footer", state="attached")
    else:
        tab.goto(url, wait_until="load")
    # The search page's script runs from inside the page, stylesheets or not: both looks are taken
    # once it has given its first answer, so that they differ only by the stylesheets.
    if tab.locator("#mc-search").count():
        tab.wait_for_selector("#mc-search[data-ready='true']", state="attached")
    tab.wait_for_timeout(500)
    found = tab.evaluate(FIRST_SCREEN)
    if shot:
        tab.screenshot(path=str(shot))
    for route in held:
        route.abort()
    context.close()
    return found


@pytest.mark.parametrize(
    ("page", "device"), PAGES, ids=[f"{page}-{'phone' if device is PHONE else 'desktop'}" for page, device in PAGES]
)
def test_the_first_screen_looks_the_same_before_and_after_the_stylesheets_arrive(browser, site_server, page, device):
    shots = Path(SHOTS) if SHOTS else None
    name = (page.strip("/") or "home").replace("/", "-") + ("" if device is PHONE else "-desktop")
    before = first_screen(browser, site_server + page, device, False, shots and shots / f"{name}-critical-only.png")
    after = first_screen(browser, site_server + page, device, True, shots and shots / f"{name}.png")
    assert len(before) > 20, "the page's text painted without its stylesheets"
    assert [b for a, b in zip(after, before, strict=False) if a != b] == []
    assert len(before) == len(after)
