"""What laying out result cards costs a keystroke: the shipped rule (off-screen cards skipped but
the last ten, so « Show more » stays where a jump put it) against every off-screen card skipped
and against every card laid out, as ratios to the shipped rule in one run.

    python3 -m bench.cards_laid_out SITE_DIR [--rounds N]

Each variant replaces the card rule by a stylesheet added to the page (the site's own policy is
bypassed for it); the CPU is slowed four times, as for a low-end phone; a phone's and a desktop's
window; the variants take turns, round after round, so a busy moment falls on all of them.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from bench.search import _TYPE_SCRIPT, CHROMIUM, serve

QUERIES = ["formation", "gestion", "sante", "emploi", "soins"]  # words of the shipped data
CARD = ".md-typeset ul.mc-cards > li.mc-card"
VARIANTS = {
    "shipped: off-screen skipped, the last ten laid out": "",
    "every off-screen card skipped": f"{CARD} {{ content-visibility: auto !important }}",
    "every card laid out": f"{CARD} {{ content-visibility: visible !important }}",
}
WINDOWS = [{"width": 390, "height": 844}, {"width": 1350, "height": 940}]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def keystroke_times(site: Path, rounds: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    server = serve(site)
    address = f"http://127.0.0.1:{server.server_port}/catalogue/"
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(rounds):
                for name, rule in VARIANTS.items():
                    for window in WINDOWS:
                        times[name] += _typed(browser, address, window, rule)
            browser.close()
    finally:
        server.shutdown()
    return times


def _typed(browser, address: str, window: dict, rule: str) -> list[float]:
    context = browser.new_context(viewport=window, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(address)
        page.wait_for_selector("#mc-search[data-ready='true']")
        if rule:
            page.add_style_tag(content=rule)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        return [ms for query in QUERIES for ms in page.evaluate(_TYPE_SCRIPT, query)]
    finally:
        context.close()


def table(times: dict[str, list[float]]) -> list[str]:
    shipped = next(iter(times.values()))
    base_median, base_p95 = statistics.median(shipped), _p95(shipped)
    lines = [
        "| cards | keystrokes | median ms | p95 ms | median / shipped | p95 / shipped |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, values in times.items():
        median, p95 = statistics.median(values), _p95(values)
        lines.append(
            f"| {name} | {len(values)} | {median:.1f} | {p95:.1f} | {median / base_median:.2f} | {p95 / base_p95:.2f} |"
        )
    return lines


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (make site writes site/)")
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    print("\n".join(table(keystroke_times(arguments.site, arguments.rounds))))


if __name__ == "__main__":
    main()
