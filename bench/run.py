"""Benchmark the catalogue at 1,000 and 10,000 synthetic records (`make bench`; not a test).

For each size it reports:
- the build time of our build (`mkdocs build`: hook + i18n, both languages) against plain MkDocs
  building the same pages. "Plain MkDocs" is the same theme and Markdown extensions, without our
  hook and without mkdocs-static-i18n, building the Markdown files our build generated (both
  languages' files, so the same number of pages) plus the hand-written pages: what the site would
  cost if its pages were written by hand. One run each;
- the per-language search index size, raw and gzipped (level 6, what web servers use);
- in headless Chromium: time from navigation start to the first results on screen, and the time
  each keystroke takes to update the results (median and 95th percentile).

    python3 bench/run.py [--sizes 1000 10000] [--keep DIR]
    python3 bench/run.py --browser-only SITE_DIR   # only the browser times, on a site already built
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402
from support import copy_project  # noqa: E402

QUERIES = ["securite", "soins infirmiers", "electricite", "gestion de projet", "hopital"]
CHROMIUM = "/usr/bin/chromium"


def mkdocs(project: Path, site: Path, config: str = "mkdocs.yml") -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed


def same_site_config(project: Path) -> str:
    """Our mkdocs.yml without the hook: the same site (i18n, nav, theme) from the same Markdown."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    return re.sub(r"^(hooks|watch):\n(  - .*\n)+", "", text, flags=re.M)


def plain_config(project: Path) -> str:
    """Our mkdocs.yml without the hook and without the i18n plugin."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^(hooks|watch):\n(  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^plugins:\n(?:(?:  .*)?\n)+?(?=^\S)", "plugins: []\n\n", text, flags=re.M)
    text = re.sub(r"^nav:\n(?:(?:  .*)?\n)+?(?=^\S)", "", text, flags=re.M)  # files are *.fr.md here
    text = text.replace("strict: true", "strict: false")
    return text


def blank_knowledge_pages(project: Path) -> None:
    """Hand-written pages link to shipped records that synthetic data lacks: keep only titles."""
    for path in (project / "docs").rglob("*.md"):
        path.write_text(f"# {path.stem}\n", encoding="utf-8")


def build_times(data: Path, work: Path) -> dict:
    ours = copy_project(work / "ours", data=data)
    blank_knowledge_pages(ours)
    ours_site = work / "ours-site"
    ours_time = mkdocs(ours, ours_site)
    times = {"ours": ours_time}
    pages = {"ours": count_pages(ours_site)}
    # Two baselines built from the Markdown our build generated: MkDocs with the same plugins
    # (the same site, the cost of our hook alone), and bare MkDocs without mkdocs-static-i18n.
    for name, config in (("same_site", same_site_config), ("plain", plain_config)):
        baseline = work / name
        shutil.copytree(ours / "docs", baseline / "docs")  # now holds every generated page as Markdown
        shutil.copytree(ours / "overrides", baseline / "overrides")
        (baseline / "mkdocs.yml").write_text(config(ours), encoding="utf-8")
        times[name] = mkdocs(baseline, work / f"{name}-site")
        pages[name] = count_pages(work / f"{name}-site")
    return {**times, "pages": pages, "site": ours_site}


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def index_sizes(site: Path) -> dict:
    sizes = {}
    for lang in ("fr", "en"):
        for kind in ("search", "records"):
            raw = (site / "assets" / "catalogue-data" / f"{kind}-{lang}.json").read_bytes()
            sizes[(kind, lang)] = (len(raw), len(gzip.compress(raw, compresslevel=6)))
    return sizes


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser_times(site: Path, lang: str) -> dict:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/" + ("en/" if lang == "en" else "") + "catalogue/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector("#mc-search[data-ready='true']", timeout=120_000)
            first_results = page.evaluate("performance.getEntriesByName('catalogue-ready')[0].startTime")
            keystrokes = []
            for query in QUERIES:
                keystrokes += page.evaluate(_TYPE_SCRIPT, query)
            browser.close()
    finally:
        server.shutdown()
    return {
        "first_results_ms": first_results,
        "keystroke_median_ms": statistics.median(keystrokes),
        "keystroke_p95_ms": statistics.quantiles(keystrokes, n=20, method="inclusive")[-1],
        "keystrokes": len(keystrokes),
    }


# Types a query one character at a time as a reader would; each time is the input handler's work
# (search, filter counts, result cards) plus the layout it forces.
_TYPE_SCRIPT = """query => {
  const input = document.getElementById('mc-q');
  input.value = '';
  input.dispatchEvent(new Event('input', {bubbles: true}));
  const times = [];
  for (const character of query) {
    const start = performance.now();
    input.value += character;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}"""


def report(size: int, builds: dict, sizes: dict, browsers: dict) -> str:
    lines = [
        f"## {size:,} records",
        "",
        "| build | seconds | pages | ours ÷ this |",
        "| --- | ---: | ---: | ---: |",
        f"| ours (hook + i18n) | {builds['ours']:.1f} | {builds['pages']['ours']:,} | |",
        f"| MkDocs + i18n, same Markdown, no hook | {builds['same_site']:.1f} | {builds['pages']['same_site']:,} "
        f"| {builds['ours'] / builds['same_site']:.2f}× |",
        f"| bare MkDocs (no i18n), same Markdown | {builds['plain']:.1f} | {builds['pages']['plain']:,} "
        f"| {builds['ours'] / builds['plain']:.2f}× |",
        "",
        "| file | raw KB | gzipped KB |",
        "| --- | ---: | ---: |",
    ]
    for (kind, lang), (raw, packed) in sizes.items():
        lines.append(f"| {kind}-{lang}.json | {raw / 1024:,.0f} | {packed / 1024:,.0f} |")
    lines += ["", *browser_table(browsers)]
    return "\n".join(lines) + "\n"


def browser_table(browsers: dict) -> list[str]:
    lines = ["| page | first results ms | keystroke median ms | keystroke p95 ms |", "| --- | ---: | ---: | ---: |"]
    for lang, times in browsers.items():
        lines.append(
            f"| catalogue ({lang}) | {times['first_results_ms']:.0f} | {times['keystroke_median_ms']:.1f} "
            f"| {times['keystroke_p95_ms']:.1f} |"
        )
    return lines


def browser_report(site: Path) -> str:
    """The browser table alone, for iterating on catalogue.js without rebuilding (copy it into SITE_DIR)."""
    browsers = {lang: browser_times(site, lang) for lang in ("fr", "en")}
    return "\n".join(browser_table(browsers)) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark build, index size and search speed.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    parser.add_argument(
        "--browser-only", type=Path, metavar="SITE_DIR", help="only measure the browser on a built site"
    )
    arguments = parser.parse_args()
    if arguments.browser_only:
        print(browser_report(arguments.browser_only), flush=True)
        return
    work_root = arguments.keep or Path(tempfile.mkdtemp(prefix="catalogue-bench-"))
    try:
        for size in arguments.sizes:
            work = work_root / str(size)
            shutil.rmtree(work, ignore_errors=True)
            data = generate(size, work / "data")
            builds = build_times(data, work)
            sizes = index_sizes(builds["site"])
            browsers = {lang: browser_times(builds["site"], lang) for lang in ("fr", "en")}
            print(report(size, builds, sizes, browsers), flush=True)
    finally:
        if arguments.keep is None:
            shutil.rmtree(work_root, ignore_errors=True)


if __name__ == "__main__":
    main()
