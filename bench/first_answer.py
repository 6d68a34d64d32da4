"""The throttled first answer (CPU ×4 + Fast 3G) of `?q=soudage` / `?q=welding` on built sites,
taken in turns so that the machine's load weighs on each alike: the second half of bench/search.py
`ours`, without keystrokes or Pagefind, and with the index shards the page fetched and when.

    python3 -m bench.first_answer [--http2] ROUNDS SITE_DIR [SITE_DIR…]

Over HTTP/1.1 (Python's server, six connections per host) by default; with --http2, over
HTTP/2 and TLS (bench/h2_server.mjs), as the site's hosts serve it: one connection for every
request. Run from the project's folder, as a module.
"""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from pathlib import Path

from bench.search import CHROMIUM, FIRST_QUERY, _mark, _open, _wait_until, serve, serve_http2

# Each search file the page fetched: its name, what asked for it (link: the head's preload;
# fetch: the page's script), when it was asked for and when it ended, in ms from navigation.
_SEARCH_FILES = (
    "performance.getEntriesByType('resource').filter((e) => /\\/(search|cards)-/.test(e.name))"
    ".map((e) => e.name.split('/').pop().split('?')[0] + ' ' + e.initiatorType + ' '"
    " + Math.round(e.startTime) + '–' + Math.round(e.responseEnd))"
)


def first_answer(browser, base: str, lang: str, https: bool) -> str:
    prefix = base + ("en/" if lang == "en" else "") + "catalogue/"
    context, page, counted = _open(browser, "cpu4-fast3g", https)
    try:
        page.goto(prefix + "?q=" + FIRST_QUERY[lang])
        _wait_until(page, "performance.getEntriesByName('catalogue-first-answer').length")
        answer = _mark(page, "catalogue-first-answer")
        ready = _mark(page, "catalogue-search-ready")
        page.wait_for_timeout(100)  # the last responses' accounting
        kilobytes = f"KB all {counted.total / 1024:.0f}, search {counted.search / 1024:.0f}"
        files = "; ".join(page.evaluate(_SEARCH_FILES))
        return f"first answer {answer:.0f} ms (search ready {ready:.0f}), {kilobytes}; {files}"
    finally:
        context.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description="Throttled first answers on built sites, in turns.")
    parser.add_argument("--http2", action="store_true", help="serve over HTTP/2 and TLS, as the site's hosts do")
    parser.add_argument("rounds", type=int)
    parser.add_argument("sites", type=Path, nargs="+")
    arguments = parser.parse_args()
    with ExitStack() as stack:
        bases = {}
        for site in arguments.sites:
            if arguments.http2:
                bases[site] = stack.enter_context(serve_http2(site))
            else:
                server = serve(site)
                stack.callback(server.shutdown)
                bases[site] = f"http://127.0.0.1:{server.server_port}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            for number in range(1, arguments.rounds + 1):
                for lang in ("fr", "en"):
                    for site in arguments.sites:
                        answer = first_answer(browser, bases[site], lang, arguments.http2)
                        print(f"round {number} {lang} {site}: {answer}", flush=True)
            browser.close()


if __name__ == "__main__":
    main()
