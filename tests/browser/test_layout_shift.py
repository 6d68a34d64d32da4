"""Nothing jumps while a page loads on a slow link: a learner about to tap a result taps that
result. CLS (Cumulative Layout Shift) stays under 0.1, Google's "good", on every kind of page
at a phone's and a desktop's width (tests/browser/layout_shift.py measures it)."""

from __future__ import annotations

import pytest
from layout_shift import DESKTOP, PHONE, layout_shift
from support import shipped_example

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


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_page_shifts_its_layout_while_it_loads(browser, site_server, device):
    shifts = {page: layout_shift(browser, site_server + page, device) for page in PAGES}
    assert {page: found for page, found in shifts.items() if found[0] >= GOOD} == {}
