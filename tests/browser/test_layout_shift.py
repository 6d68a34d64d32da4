"""Nothing jumps while a page loads on a slow link: a learner about to tap a result taps that
result. CLS (Cumulative Layout Shift) stays under 0.1, Google's "good", on every kind of page
at a phone's and a desktop's width (tests/browser/layout_shift.py measures it)."""

from __future__ import annotations

import pytest
from in_browser import counts_shown, wait_ready
from layout_shift import DESKTOP, PHONE, layout_shift
from slow_link import served_slowly
from support import shipped_catalogue, shipped_example

# A credential page with the most tags: a funding eligibility and more than one sector.
CREDENTIAL = shipped_example(
    "has a funding eligibility and more than one sector", lambda c: bool(c.funding) and len(c.sectors) > 1
)

GOOD = 0.1
PAGES = [
    "",
    "catalogue/",
    "catalogue/?q=soudage",
    "en/catalogue/?q=welding&cost=free",
    CREDENTIAL,
    "browse/cost/free/",
    "embed/",
    "en/links/",
]


@pytest.fixture(scope="module")
def slow_server(shipped_site) -> str:
    """The shipped site as a phone on a slow link reaches it."""
    with served_slowly(shipped_site) as url:
        yield url


# One test per page and device: each waits seconds on the slow link, and the run's workers share them.
@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("address", PAGES)
def test_no_page_shifts_its_layout_while_it_loads(browser, slow_server, device, address):
    shift, moved = layout_shift(browser, slow_server + address, device)
    assert shift < GOOD, f"{address}: CLS {shift:.3f}, moved: {moved}"


# The button "Show more" is reached by a jump as often as by a slow scroll: the End key, a
# screen reader moving to it, the way back to a place in the list.
LARGE_SCREEN = {"viewport": {"width": 1920, "height": 1200}}  # more cards in view than on DESKTOP
JUMP_TO_SHOW_MORE = """async () => {
    const button = document.querySelector('[data-more]');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    button.scrollIntoView({block: 'end'});
    const before = button.getBoundingClientRect().top;
    // The cards that came into view are drawn a few frames later.
    for (let i = 0; i < 6; i++) await frame();
    return [before, button.getBoundingClientRect().top];
}"""


@pytest.mark.parametrize("device", [PHONE, DESKTOP, LARGE_SCREEN], ids=["phone", "desktop", "large"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_show_more_stays_where_a_jump_put_it_so_a_tap_lands_on_it(browser, site_server, device, lang):
    """Cards off screen are not laid out until scrolled to (catalogue.css): those just above the
    button must be, or they grow as it comes into view and push it from under the finger."""
    assert len(shipped_catalogue().listed) > 20, "the list must need 'Show more' for this test"
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        page.goto(site_server + ("" if lang == "fr" else "en/") + "catalogue/")
        wait_ready(page)
        counts_shown(page)
        before, after = page.evaluate(JUMP_TO_SHOW_MORE)
        assert abs(after - before) < 1, f"'Show more' moved by {after - before:.0f} px after the jump"
    finally:
        context.close()


# The home page's ways in, as they stand while the page's HTML is still streaming in: the first
# ways only. Each keeps its width and place when the others arrive.
FIRST_WAYS_ONLY = """() => {
    const ways = Array.from(document.querySelectorAll('.mc-ways > .mc-way'));
    const boxes = () => ways.map((way) => way.getBoundingClientRect()).map((b) => [b.left, b.width]);
    const whole = boxes();
    const first = [];
    for (let shown = 1; shown < ways.length; shown++) {
        ways.forEach((way, n) => { way.style.display = n < shown ? '' : 'none'; });
        first.push(boxes().slice(0, shown));
    }
    ways.forEach((way) => { way.style.display = ''; });
    return {whole, first};
}"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_ways_in_keep_their_columns_while_the_home_page_streams_in(browser, site_server, lang):
    context = browser.new_context()
    try:
        page = context.new_page()
        for width in (768, 1024, 1350, 1920):  # three and four columns
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(site_server + ("" if lang == "fr" else "en/"))
            found = page.evaluate(FIRST_WAYS_ONLY)
            assert len(found["whole"]) == 4
            for partial in found["first"]:
                assert partial == found["whole"][: len(partial)], f"{width} px, {len(partial)} ways: {partial}"
    finally:
        context.close()
