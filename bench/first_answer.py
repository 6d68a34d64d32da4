"""The throttled first answer (CPU ×4 + Fast 3G) of `?q=soudage` / `?q=welding` on built sites,
taken in turns so that the machine's load weighs on each alike: the second half of bench/search.py
`ours`, without keystrokes or Pagefind, and with the index shards the page fetched.

    python3 -m bench.first_answer ROUNDS SITE_DIR [SITE_DIR…]

Run from the project's folder, as a module.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.search import CHROMIUM, FIRST_QUERY, _mark, _open, _wait_until, serve

_SHARDS = (
    "performance.getEntriesByType('resource').map((e) => e.name)"
    ".filter((n) => n.includes('/search-')).map((n) => n.split('/').pop().split('?')[0])"
)


def first_answer(browser, base: str, lang: str) -> str:
    prefix = base + ("en/" if lang == "en" else "") + "catalogue/"
    context, page, counted = _open(browser, "cpu4-fast3g")
    try:
        page.goto(prefix + "?q=" + FIRST_QUERY[lang])
        _wait_until(page, "performance.getEntriesByName('catalogue-first-answer').length")
        answer = _mark(page, "catalogue-first-answer")
        page.wait_for_timeout(100)  # the last responses' accounting
        kilobytes = f"KB all {counted.total / 1024:.0f}, search {counted.search / 1024:.0f}"
        return f"first answer {answer:.0f} ms, {kilobytes}; {page.evaluate(_SHARDS)}"
    finally:
        context.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    rounds, sites = int(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    servers = {site: serve(site) for site in sites}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            for number in range(1, rounds + 1):
                for lang in ("fr", "en"):
                    for site in sites:
                        base = f"http://127.0.0.1:{servers[site].server_port}/"
                        print(f"round {number} {lang} {site}: {first_answer(browser, base, lang)}", flush=True)
            browser.close()
    finally:
        for server in servers.values():
            server.shutdown()


if __name__ == "__main__":
    main()
