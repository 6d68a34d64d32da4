"""The keyboard alone, at a phone's width and at 200 % zoom (a 640 px window at twice the pixels),
in both languages (issue 25, item 4): the menu is reached with Tab, opens with Enter or Space,
keeps the focus while open and closes with Escape, the focus back on its button; every stop of
Tab is seen (never an element hidden or clipped to a pixel) and its focus ring has at least 3:1
contrast against what is behind it."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from in_browser import STILL, screenshot

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ZOOMED = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}  # 1280 px at 200 %
SIZES = {"phone": PHONE, "zoom-200": ZOOMED}
PREFIX = {"fr": "", "en": "en/"}
MAX_STOPS = 150

# What the focused element looks like: whether it can be seen, and its ring's contrast against
# the colour beside it (the element painted there, each ancestor's background laid over the
# next, down to the white page).
FOCUSED = """() => {
  const node = document.activeElement;
  if (!node || node === document.body) return null;
  const rgba = (text) => { const v = text.match(/[\\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  // What the ring is drawn over: the element just beside the focused one, as painted there.
  const edge = node.getBoundingClientRect();
  const x = edge.left >= 6 ? edge.left - 4 : Math.min(edge.right + 4, innerWidth - 1);
  const y = Math.min(Math.max(edge.top + edge.height / 2, 0), innerHeight - 1);
  const under = document.elementsFromPoint(x, y).find((other) => other !== node && !node.contains(other));
  const layers = [];
  const inside = parseFloat(getComputedStyle(node).outlineOffset) < 0; // a ring drawn within the element
  for (let at = inside ? node : under || node.parentElement; at; at = at.parentElement) {
    const colour = rgba(getComputedStyle(at).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] === 1) break;
  }
  let behind = [255, 255, 255, 1];
  for (const layer of layers.reverse()) behind = over(layer, behind);
  const style = getComputedStyle(node);
  const ring = over(rgba(style.outlineColor), behind);
  const luminance = (c) => { const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [light, dark] = [luminance(ring), luminance(behind)].sort((a, b) => b - a);
  const box = node.getBoundingClientRect();
  return {
    name: node.tagName + " " + (node.getAttribute("aria-label") || node.textContent.trim().slice(0, 40)),
    seen: node.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && box.width > 2 && box.height > 2,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    contrast: (light + 0.05) / (dark + 0.05),
    footer: !!node.closest("footer"),
  };
}"""


# Whether the focused element's ring lies within the sides of the box that scrolls it (which
# cuts whatever is drawn beyond them).
RING_UNCUT = """() => {
  const node = document.activeElement;
  const style = getComputedStyle(node);
  const grow = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
  let box = node.parentElement;
  while (box && !/(auto|scroll|hidden)/.test(getComputedStyle(box).overflowX + getComputedStyle(box).overflowY)) box = box.parentElement;
  if (!box) return true;
  const edge = node.getBoundingClientRect(), sides = box.getBoundingClientRect();
  return edge.left - grow >= sides.left - 0.5 && edge.right + grow <= sides.right + 0.5;
}"""


@contextmanager
def tab(browser, size):
    context = browser.new_context(**SIZES[size])
    try:
        yield context.new_page()
    finally:
        context.close()


def tab_to(page, name: str) -> int:
    """Presses Tab until the focus is on the element of that accessible name; the presses taken."""
    for presses in range(1, 40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == name:
            return presses
    raise AssertionError(f"{name!r} is never reached with Tab")


def in_menu(page) -> bool:
    return page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_menu_opens_keeps_the_focus_and_closes_with_the_keyboard(browser, site_server, lang, size):
    with tab(browser, size) as page:
        page.goto(site_server + PREFIX[lang])
        page.wait_for_function("() => document.querySelector('button.mc-menu-button') !== null")
        assert tab_to(page, "Menu") <= 4  # the skip link, the site's name, then the menu
        button = page.get_by_role("button", name="Menu")
        assert button.evaluate("node => node.tagName") == "BUTTON"  # ARIA in HTML gives a <label> no role
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert page.locator("#__drawer").is_checked()
        assert button.get_attribute("aria-expanded") == "true"
        assert in_menu(page)
        page.wait_for_function(STILL)  # the menu slides in
        first = page.evaluate(FOCUSED)
        assert first["ring"] and first["contrast"] >= 3, first
        screenshot(page, f"menu-open-{size}-{lang}")
        seen = set()
        for _ in range(30):  # round and round the menu's links, never behind it
            page.keyboard.press("Tab")
            assert in_menu(page), page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
            seen.add(page.evaluate("() => document.activeElement.textContent.trim()"))
            assert page.evaluate(RING_UNCUT), "the ring is drawn where the menu's box does not cut it"
            focused = page.evaluate(FOCUSED)
            assert focused["ring"] and focused["contrast"] >= 3, focused
        assert len(seen) > 3
        page.keyboard.press("Shift+Tab")
        assert in_menu(page)
        page.keyboard.press("Escape")
        assert not page.locator("#__drawer").is_checked()
        assert page.evaluate("() => document.activeElement.textContent.trim()") == "Menu"
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press(" ")  # Space opens it too
        assert page.locator("#__drawer").is_checked() and in_menu(page)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("address", ["", "catalogue/", "browse/"])
def test_every_tab_stop_is_seen_with_a_ring_of_3_to_1(browser, site_server, lang, size, address):
    with tab(browser, size) as page:
        page.goto(site_server + PREFIX[lang] + address)
        page.wait_for_load_state("networkidle")
        problems, names, footer = [], [], False
        for _ in range(MAX_STOPS):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is not None and not focused["seen"]:  # a skip link fades in: seen once it has
                page.wait_for_function(STILL)
                focused = page.evaluate(FOCUSED)
            if focused is None or (names and focused["name"] == names[0]):
                break  # round the page and back to its start
            names.append(focused["name"])
            footer = footer or focused["footer"]
            if not focused["seen"]:
                problems.append(f"hidden: {focused['name']}")
            elif not focused["ring"] or focused["contrast"] < 3:
                problems.append(f"ring {focused['contrast']:.1f}:1: {focused['name']}")
        assert len(names) > 5
        assert problems == []
        assert footer, "the footer's links are among the stops"
