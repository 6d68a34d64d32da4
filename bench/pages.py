"""Page quality figures of a built site (issue 24; not a test): layout shift, first-visit weight,
Lighthouse scores. Run from the project's folder on a site built for the address it is served at:

    python3 -m bench.pages SITE_DIR URL            # CLS and weights (seconds)
    python3 -m bench.pages SITE_DIR URL --weights-only # the weights alone, by kind of file
    python3 -m bench.pages SITE_DIR URL --first-paint  # first contentful paint on a slow link, and weights
    python3 -m bench.pages SITE_DIR URL --lighthouse   # and Lighthouse, phone and desktop (minutes)

CLS: tests/browser/layout_shift.py (slow 4G, served by tests/slow_link.py). Weight: every
response of a first visit (empty cache, scripts on, until the page settles), each body gzipped at
level 6 as web servers send it, in all and by kind (HTML, CSS, JS, images, JSON, XML and the
rest, from each content type).
First paint: the first contentful paint of the home and catalogue pages in both languages, at
Fast 3G and CPU ×4 (bench/search.py's profile, through the DevTools protocol), a phone's screen,
each page loaded LOADS times in a fresh context with the cache off; the median, and the range.
The site is served gzipped (text files), as a web server would.
Lighthouse 12.2.3 (npm) drives Debian's Chromium (CHROME_PATH).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.search import FAST_3G, _GzipHandler
from tests.browser.layout_shift import DESKTOP, PHONE, SETTLE_MS, layout_shift
from tests.slow_link import served_slowly

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"  # as tests/browser/in_browser.py
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

CLS_PAGES = [
    "",
    "catalogue/",
    "catalogue/?q=soudage",
    "en/catalogue/",
    "mc/{credential}/",
    "browse/cost/free/",
    "embed/",
    "about/",  # a knowledge page: both sidebars on a desktop
]
WEIGHT_PAGES = ["", "catalogue/", "en/", "en/catalogue/"]
FIRST_PAINT_PAGES = WEIGHT_PAGES
LOADS = 5
LIGHTHOUSE_PAGES = ["", "catalogue/?q=soudage", "mc/{credential}/", "browse/cost/free/", "embed/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


# A response's kind, from its content type: the first whose word is in it.
KINDS = {"HTML": "html", "CSS": "css", "JS": "javascript", "images": "image/", "JSON": "json", "XML": "xml"}


def first_visit_kb(browser, url: str) -> tuple[float, float]:
    """(KB gzipped, KB raw) of everything a first visit to `url` fetches."""
    by_kind = first_visit_by_kind(browser, url)
    return sum(gzipped for gzipped, _ in by_kind.values()), sum(raw for _, raw in by_kind.values())


def first_visit_by_kind(browser, url: str) -> dict[str, tuple[float, float]]:
    """Kind of file (KINDS, or "other") -> (KB gzipped, KB raw) of what a first visit to `url` fetches."""
    context = browser.new_context(**DESKTOP)
    responses = []
    tab = context.new_page()
    tab.on("response", lambda response: responses.append(response))
    tab.goto(url, wait_until="load")
    tab.wait_for_timeout(SETTLE_MS)
    sizes: dict[str, tuple[float, float]] = {kind: (0.0, 0.0) for kind in [*KINDS, "other"]}
    for response in responses:
        if response.status != 200:
            continue
        body, kind = response.body(), _kind(response.headers.get("content-type", ""))
        gzipped, raw = sizes[kind]
        sizes[kind] = (gzipped + len(gzip.compress(body, 6)) / 1000, raw + len(body) / 1000)
    context.close()
    return sizes


def _kind(content_type: str) -> str:
    return next((kind for kind, word in KINDS.items() if word in content_type), "other")


def first_contentful_paint(browser, url: str) -> float:
    """Milliseconds from navigation to the first contentful paint of one cold load at Fast 3G, CPU ×4."""
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    client = context.new_cdp_session(tab)
    client.send("Network.enable")
    client.send("Network.setCacheDisabled", {"cacheDisabled": True})
    client.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    client.send("Network.emulateNetworkConditions", FAST_3G)
    tab.goto(url, wait_until="load", timeout=120_000)
    paint = tab.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    context.close()
    return paint


def lighthouse(url: str, desktop: bool) -> dict[str, int]:
    """The four category scores (0–100) of one Lighthouse run, and the audits that failed."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            str(PROJECT / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            f"--only-categories={','.join(CATEGORIES)}",
        ]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True)
        result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES}
    failed = [
        a["id"]
        for a in result["audits"].values()
        if a.get("score") is not None
        and a["score"] < 0.9
        and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    cls = result["audits"]["cumulative-layout-shift"]["numericValue"]
    return {**scores, "cls": round(cls, 3), "failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("url")
    parser.add_argument("--credential", default="centennial-automation-industry-4-0")
    parser.add_argument("--lighthouse", action="store_true")
    parser.add_argument("--weights-only", action="store_true", help="the first-visit weights alone, by kind")
    parser.add_argument("--first-paint", action="store_true", help="first contentful paint at Fast 3G, and weights")
    parser.add_argument("--loads", type=int, default=LOADS, help="cold loads of each page for --first-paint")
    args = parser.parse_args()

    def pages(names: list[str]) -> list[str]:
        return [name.format(credential=args.credential) for name in names]

    with serve_at(args.site, args.url) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if args.first_paint:
            print_first_paints(browser, base, pages(FIRST_PAINT_PAGES), args.loads)
            print()
            print_weights_by_kind(browser, base, pages(WEIGHT_PAGES))
            browser.close()
            return
        if args.weights_only:
            print_weights_by_kind(browser, base, pages(WEIGHT_PAGES))
            browser.close()
            return
        with served_slowly(args.site) as slow_base:
            print_layout_shifts(browser, slow_base, pages(CLS_PAGES))
        print_weights(browser, base, pages(WEIGHT_PAGES))
        browser.close()
        if args.lighthouse:
            print_lighthouse(base, pages(LIGHTHOUSE_PAGES))


def print_layout_shifts(browser, base: str, pages: list[str]) -> None:
    print("| page | CLS phone | CLS desktop |\n| --- | ---: | ---: |")
    for page in pages:
        phone, desktop = (layout_shift(browser, base + page, device)[0] for device in (PHONE, DESKTOP))
        print(f"| /{page} | {phone:.3f} | {desktop:.3f} |")


def print_weights(browser, base: str, pages: list[str]) -> None:
    print("\n| first visit | KB gzipped | KB raw |\n| --- | ---: | ---: |")
    for page in pages:
        print("| /{} | {:.0f} | {:.0f} |".format(page, *first_visit_kb(browser, base + page)))


def print_first_paints(browser, base: str, pages: list[str], loads: int) -> None:
    """The median first contentful paint of `loads` cold loads of each page, and their range."""
    print(f"| page, Fast 3G + CPU ×4 | FCP ms, median of {loads} | lowest | highest |")
    print("| --- | ---: | ---: | ---: |")
    for page in pages:
        paints = [first_contentful_paint(browser, base + page) for _ in range(loads)]
        print(f"| /{page} | {statistics.median(paints):.0f} | {min(paints):.0f} | {max(paints):.0f} |")


def print_weights_by_kind(browser, base: str, pages: list[str]) -> None:
    """KB gzipped / raw of a first visit, in all and by kind of file."""
    kinds = [*KINDS, "other"]
    print(f"| first visit, KB gzipped / raw | all | {' | '.join(kinds)} |")
    print(f"| --- | ---: | {' | '.join('---:' for _ in kinds)} |")
    for page in pages:
        sizes = first_visit_by_kind(browser, base + page)
        total = (sum(g for g, _ in sizes.values()), sum(r for _, r in sizes.values()))
        cells = [f"{gzipped:.1f} / {raw:.1f}" for gzipped, raw in [total, *(sizes[kind] for kind in kinds)]]
        print(f"| /{page} | {' | '.join(cells)} |")


def print_lighthouse(base: str, pages: list[str]) -> None:
    print("\n| page | device | performance | accessibility | best practices | SEO | CLS | audits under 0.9 |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for page in pages:
        for desktop in (False, True):
            r = lighthouse(base + page, desktop)
            scores = " | ".join(str(r[name]) for name in CATEGORIES)
            device = "desktop" if desktop else "phone"
            print(f"| /{page} | {device} | {scores} | {r['cls']} | {', '.join(r['failed'])} |")


@contextlib.contextmanager
def serve_at(site: Path, url: str):
    """The site served on the loopback at `url`, the address it was built for (its port)."""
    handler = functools.partial(QuietGzip, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(url.rstrip("/").rsplit(":", 1)[1])), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


class QuietGzip(_GzipHandler):
    """Text files gzipped when asked, as a web server sends them (weights gzip the decoded bodies)."""

    def handle(self):
        try:
            super().handle()
        except ConnectionError:
            pass  # a load ended while a file was on its way


if __name__ == "__main__":
    main()
