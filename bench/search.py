"""Search in the browser, ours and Pagefind's, on the same built site (imported by bench.run).

For each page and network profile (unthrottled; CPU ×4 with Fast 3G), in a fresh headless Chromium:
- first results: navigation to the first result cards painted (ours: the first contentful paint,
  as the page's HTML holds the first results; Pagefind: its answer to the query in the address,
  since it has no list before a query);
- search ready: navigation until the typed words can be searched (ours: the index manifest
  loaded, the facet table still on its way, which only a ticked filter waits for; Pagefind:
  pagefind.js, its WebAssembly and entry files loaded by `init()`);
- first answer and bytes: a page opened with a query in its address, until that query's first
  ten results are on screen, and the bytes the network carried until then (gzip, as web servers
  send; Pagefind's files are compressed already);
- keystrokes (ours, unthrottled and throttled): the input handler's work and the layout it forces
  for each letter of five queries, once the index shards those letters need have arrived.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
QUERIES = ["securite", "soins infirmiers", "electricite", "gestion de projet", "hopital"]
FIRST_QUERY = {"fr": "soudage", "en": "welding"}
# Lighthouse's "Fast 3G": 562.5 ms round trip, 1.6 Mbps down, 750 kbps up (×0.9 as DevTools does).
FAST_3G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
    "uploadThroughput": 750 * 1024 / 8 * 0.9,
}
PROFILES = {"unthrottled": None, "cpu4-fast3g": FAST_3G}
_COMPRESSED = (".html", ".json", ".js", ".css", ".svg", ".wasm")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped when the browser asks, as a web server would."""

    cache: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if Path(path).is_dir():
            path = str(Path(path) / "index.html")
        if not path.endswith(_COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if not Path(path).is_file():
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a page closed while a file was on its way: not the benchmark's concern


def serve(site: Path):
    server = _Server(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


_HTTP2_SERVER = Path(__file__).with_name("h2_server.mjs")


@contextmanager
def serve_http2(site: Path):
    """The site over HTTP/2 and TLS (bench/h2_server.mjs, a certificate made for the run): its
    address. A browser context opened on it must ignore the certificate (`_open(..., https=True)`)."""
    with tempfile.TemporaryDirectory() as folder:
        key, cert = Path(folder) / "key.pem", Path(folder) / "cert.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
            + ["-keyout", str(key), "-out", str(cert)],
            check=True,
            capture_output=True,
        )
        server = subprocess.Popen(
            ["node", str(_HTTP2_SERVER), str(site), str(key), str(cert)], stdout=subprocess.PIPE, text=True
        )
        try:
            yield f"https://127.0.0.1:{int(server.stdout.readline())}/"
        finally:
            server.terminate()
            server.wait()


# -- Pagefind ------------------------------------------------------------------------------

_PAGEFIND_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Pagefind</title>
<script type="module" src="bench.js"></script></head><body><ul id="results"></ul></body></html>
"""
# What a Pagefind results list does: search, then load each of the first ten results' data.
_PAGEFIND_SCRIPT = """const pagefind = await import("/pagefind/pagefind.js");
await pagefind.init();
performance.mark("pagefind-ready");
const query = new URLSearchParams(location.search).get("q");
if (query) {
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  document.getElementById("results").innerHTML = data.map((d) => "<li>" + d.meta.title + "</li>").join("");
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  performance.mark("pagefind-first-answer");
  document.body.dataset.count = String(search.results.length);
}
"""


def index_with_pagefind(site: Path) -> None:
    """Pagefind's index of the credential pages (both languages), and a page that queries it."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", ".md-content"]
    command += ["--glob", "{mc,en/mc}/**/index.html", "--quiet"]
    subprocess.run(command, check=True, capture_output=True)
    for lang in ("fr", "en"):
        folder = site / "pagefind-bench" / lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(_PAGEFIND_PAGE.format(lang=lang), encoding="utf-8")
        (folder / "bench.js").write_text(_PAGEFIND_SCRIPT, encoding="utf-8")


# -- measuring -----------------------------------------------------------------------------


class _Bytes:
    """Bytes the network carried (after gzip, with headers), for the page and its workers
    (Pagefind searches in a Web Worker): search files apart from the page and its theme."""

    def __init__(self, context):
        self.total = 0
        self.search = 0
        context.on("requestfinished", self._finished)

    def _finished(self, request):
        from playwright.sync_api import Error

        try:
            self._count(request)
        except Error:
            pass  # a response that ended as its page closed: after the figures were read

    def _count(self, request):
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.total += size
        if any(part in request.url for part in _SEARCH_FILES):
            self.search += size
        elif request.resource_type == "document" and "/catalogue/" in request.url:
            self.search += _inline_script_bytes(request.response().text())


def _inline_script_bytes(html: str) -> int:
    """Our search page's own script, which the page carries inside it: its size gzipped alone (its
    share of the page's gzipped bytes, near enough), counted with the search files as it was when
    it was a file of its own."""
    longest = max(re.findall(r"<script>(.*?)</script>", html, re.S), key=len, default="")
    return len(gzip.compress(longest.encode("utf-8"), compresslevel=6)) if len(longest) > 10_000 else 0


# Ours: the index, facet table and card files, and the page's one script (lunr, its stemmers and
# our modules, joined by the build; in the page since 2026-12-02, a file before). Pagefind's: its folder.
_SEARCH_FILES = ("/catalogue-data/", "/page-scripts/", "/pagefind/")  # page-scripts: builds before 2026-12-02


def _open(browser, profile, https: bool = False):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, ignore_https_errors=https)
    page = context.new_page()
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    client.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if PROFILES[profile]:
        client.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        client.send("Network.emulateNetworkConditions", PROFILES[profile])
    return context, page, _Bytes(context)


def _wait_until(page, expression: str, timeout_s: float = 180) -> None:
    """Polls `expression` in the page: wait_for_function evaluates a string with eval, which the
    site's Content-Security-Policy (rightly) refuses."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        page.wait_for_timeout(20)


def _mark(page, name: str) -> float:
    return page.evaluate(f"performance.getEntriesByName('{name}')[0].startTime")


def ours(browser, base: str, lang: str, profile: str, https: bool = False) -> dict:
    prefix = base + ("en/" if lang == "en" else "") + "catalogue/"
    context, page, _ = _open(browser, profile, https)
    try:
        page.goto(prefix)
        _wait_until(page, "performance.getEntriesByName('catalogue-search-ready').length")
        first_paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        cards_in_html = page.evaluate("document.querySelectorAll('[data-results] .mc-card').length")
        ready = _mark(page, "catalogue-search-ready")
        # Keystrokes are timed with the filter counts on, as a reader mostly types them.
        _wait_until(page, "performance.getEntriesByName('catalogue-facets-ready').length")
        keys = keystrokes(page)
    finally:
        context.close()
    context, page, counted = _open(browser, profile, https)
    try:
        page.goto(prefix + "?q=" + FIRST_QUERY[lang])
        _wait_until(page, "performance.getEntriesByName('catalogue-first-answer').length")
        answer = _mark(page, "catalogue-first-answer")
        page.wait_for_timeout(100)  # the last responses' accounting
        answered_bytes = (counted.total, counted.search)
    finally:
        context.close()
    return {
        "first_results_ms": first_paint if cards_in_html else None,
        "ready_ms": ready,
        "first_answer_ms": answer,
        "bytes": answered_bytes,
        **keys,
    }


def pagefind(browser, base: str, lang: str, profile: str, https: bool = False) -> dict:
    context, page, counted = _open(browser, profile, https)
    try:
        page.goto(base + f"pagefind-bench/{lang}/?q=" + FIRST_QUERY[lang])
        _wait_until(page, "document.body.dataset.count !== undefined")
        page.wait_for_timeout(100)
        return {
            "first_results_ms": _mark(page, "pagefind-first-answer"),
            "ready_ms": _mark(page, "pagefind-ready"),
            "first_answer_ms": _mark(page, "pagefind-first-answer"),
            "bytes": (counted.total, counted.search),
            "results": int(page.evaluate("document.body.dataset.count")),
        }
    finally:
        context.close()


# Each letter of a query, as a reader types it; the time is the input handler's work (search,
# filter counts, result cards) plus the layout it forces. The query is typed once first so the
# index shards its letters need have arrived (their fetch is counted in "first answer").
_TYPE_SCRIPT = """async query => {
  const input = document.getElementById('mc-q');
  const root = document.getElementById('mc-search');
  const settle = async () => { while (root.dataset.ready !== 'true') await new Promise(r => setTimeout(r, 10)); };
  const type = async (text) => {
    input.value = text;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await settle();
  };
  await type(query);
  await type('');
  const times = [];
  for (const character of query) {
    const start = performance.now();
    input.value += character;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    document.body.offsetHeight;
    times.push(performance.now() - start);
    await settle();
  }
  return times;
}"""


def keystrokes(page) -> dict:
    times = []
    for query in QUERIES:
        times += page.evaluate(_TYPE_SCRIPT, query)
    return {
        "keystroke_median_ms": statistics.median(times),
        "keystroke_p95_ms": statistics.quantiles(times, n=20, method="inclusive")[-1],
    }


def measure(site: Path, langs=("fr", "en"), http2: bool = False) -> dict:
    """{(engine, lang, profile): figures} for our catalogue page and Pagefind on the same site,
    over HTTP/1.1 (Python's server) or, with `http2`, over HTTP/2 and TLS as the site's hosts serve it."""
    from playwright.sync_api import sync_playwright

    index_with_pagefind(site)
    figures = {}
    with ExitStack() as stack:
        if http2:
            base = stack.enter_context(serve_http2(site))
        else:
            server = serve(site)
            stack.callback(server.shutdown)
            base = f"http://127.0.0.1:{server.server_port}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            for profile in PROFILES:
                for lang in langs:
                    figures[("ours", lang, profile)] = ours(browser, base, lang, profile, http2)
                    figures[("pagefind", lang, profile)] = pagefind(browser, base, lang, profile, http2)
            browser.close()
    return figures


def table(figures: dict) -> list[str]:
    lines = [
        "| search | page | network, CPU | first results ms | search ready ms | first query answered ms "
        "| KB until then: all | of which search | keystroke median ms | keystroke p95 ms |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (engine, lang, profile), f in figures.items():
        first = "—" if f["first_results_ms"] is None else f"{f['first_results_ms']:.0f}"
        median = f"{f['keystroke_median_ms']:.1f}" if "keystroke_median_ms" in f else "—"
        p95 = f"{f['keystroke_p95_ms']:.1f}" if "keystroke_p95_ms" in f else "—"
        lines.append(
            f"| {engine} | {lang} | {profile} | {first} | {f['ready_ms']:.0f} | {f['first_answer_ms']:.0f} "
            f"| {f['bytes'][0] / 1024:,.0f} | {f['bytes'][1] / 1024:,.0f} | {median} | {p95} |"
        )
    return lines


def recall_at_10() -> float:
    """The relevance suite's recall at 10 through the Python twin (tests/relevance/)."""
    import tempfile

    from tests.relevance.suite import cases, python_answer, write_search_assets
    from tests.relevance.suite import recall_at_10 as recall

    with tempfile.TemporaryDirectory() as work:
        sites = {c: write_search_assets(c, Path(work) / c) for c in ("shipped", "relevance")}
        return recall({case: python_answer(case, sites[case.corpus]) for case in cases()})
