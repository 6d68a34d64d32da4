"""Cumulative Layout Shift as a reader on a slow phone link meets it: the page served through
tests/slow_link.py (Lighthouse's "slow 4G"), shifts summed by a PerformanceObserver from before
the page's first byte. The tests assert it; the benchmark (bench/) reports it."""

from __future__ import annotations

# Runs before any of the page's scripts, through the DevTools protocol (the page's policy allows it).
OBSERVER = (
    "window.__shift = 0; window.__shifted = [];"
    "new PerformanceObserver(list => { for (const entry of list.getEntries()) {"
    " if (entry.hadRecentInput) continue; window.__shift += entry.value;"
    " window.__shifted.push(entry.sources.map(s => s.node ? s.node.nodeName + '.' + s.node.className : '?').join(' ')); }"
    "}).observe({type: 'layout-shift', buffered: true});"
)
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1350, "height": 940}}
SETTLE_MS = 2500  # after "load": the search data arrives and the results are drawn


def layout_shift(browser, url: str, device: dict) -> tuple[float, list[str]]:
    """The CLS of the page at `url` (served slowly) once it has settled, and what moved."""
    context = browser.new_context(**device)
    try:
        tab = context.new_page()
        tab.add_init_script(OBSERVER)
        tab.goto(url, wait_until="load")
        tab.wait_for_timeout(SETTLE_MS)
        return tab.evaluate("window.__shift"), tab.evaluate("window.__shifted")
    finally:
        context.close()
