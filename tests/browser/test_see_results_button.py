"""The floating « Voir les résultats » / "See results" button on a phone (issue 25): once a filter
is ticked it stays at the bottom of the screen, and it never covers the options a learner is
trying to tap: not the last option of a group brought to the bottom of the screen, not an option
reached with Tab, not the filters' end.

Run on the shipped catalogue, whichever filters and options it has."""

from __future__ import annotations

import pytest
from in_browser import axe_violations, screenshot, wait_ready

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PREFIX = {"fr": "", "en": "en/"}

# Whether the middle of an option's words is what a finger there would touch (the option itself).
TOUCHED = """(label) => {
  const box = label.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + box.height / 2);
  return !!hit && (label.contains(hit) || hit === label.control);
}"""
RECT = "n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(params=["fr", "en"])
def filters_open(request, browser, site_server):
    """A phone on the catalogue page, « Filtrer » unfolded and a first option ticked: the button shows."""
    lang = request.param
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_server + PREFIX[lang] + "catalogue/")
    wait_ready(page)
    page.locator("[data-filters] summary").tap()
    page.locator("[data-filters] fieldset .mc-filter__option label").first.click()
    button = page.locator("[data-show-results]")
    button.wait_for()
    yield lang, page, button
    context.close()


def test_the_last_option_of_each_group_is_never_under_the_button(filters_open):
    lang, page, button = filters_open
    groups = page.locator("[data-filters] fieldset[data-filter]")
    assert groups.count() > 3
    for i in range(groups.count()):
        last = groups.nth(i).locator(".mc-filter__option:not([hidden]) label").last
        last.evaluate("l => l.scrollIntoView({block: 'end'})")  # as far down the screen as it goes
        assert button.is_visible()
        name = groups.nth(i).get_attribute("data-filter")
        assert not overlap(last.evaluate(RECT), button.evaluate(RECT)), name
        assert last.evaluate(TOUCHED), name
        last.click()  # no force: Playwright refuses a click that something else would receive
        last.click()  # untick, so the list keeps results and the button keeps its place
    screenshot(page, f"catalogue-phone-button-{lang}")
    page.screenshot(path=f"/tmp/audit-shots/catalogue-phone-button-{lang}.png")


def test_an_option_reached_with_tab_is_never_under_the_button(filters_open):
    _, page, button = filters_open
    page.locator("[data-filters] input[type=checkbox]").first.focus()
    boxes = page.locator("[data-filters] input[type=checkbox]:visible").count()
    seen = 0
    for _ in range(boxes * 2):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        if not focused.evaluate("n => !!n.closest('[data-filters]') && n.type === 'checkbox'"):
            if focused.evaluate("n => !n.closest('[data-filters]') || n.matches('[data-show-results]')"):
                break
            continue
        seen += 1
        label = focused.evaluate_handle("n => n.labels[0]")
        assert not overlap(label.evaluate(RECT), button.evaluate(RECT)), label.evaluate("l => l.textContent")
    assert seen >= boxes - 1


def test_at_the_end_of_the_filters_the_button_hides_nothing(filters_open):
    lang, page, button = filters_open
    page.locator("[data-filters]").evaluate(
        "f => window.scrollBy(0, f.getBoundingClientRect().bottom - innerHeight + 16)"
    )
    below = button.evaluate(RECT)
    for rect in page.locator("[data-filters] fieldset, [data-clear], [data-filters] summary").evaluate_all(
        f"nodes => nodes.map({RECT})"
    ):
        assert not overlap(rect, below)
    assert below[3] <= PHONE["viewport"]["height"]
    assert axe_violations(page) == []
    page.screenshot(path=f"/tmp/audit-shots/catalogue-phone-filters-end-{lang}.png")
