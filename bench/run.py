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

    python3 -m bench.run [--sizes 1000 10000] [--keep DIR]
    python3 -m bench.run --browser-only SITE_DIR   # only the browser times, on a site already built
    python3 -m bench.run --search-only [--sizes …]  # one build per size, then search in the browser,
                                                    # ours and Pagefind's, unthrottled and CPU ×4 + Fast 3G

Run from the project's folder, as a module: it imports bench/ and the tests' helpers as packages.

Search in the browser is measured by bench/search.py (see its docstring for each figure); the
relevance suite's recall at 10 (tests/relevance/) is printed first.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import search
from bench.generate import generate
from tests.support import blank_knowledge_pages, copy_project


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
    """Per language: the manifest, every index shard together and the largest one, the facet table,
    the card files together, the vocabulary of nearest words."""
    folder = site / "assets" / "catalogue-data"
    sizes = {}
    for lang in ("fr", "en"):
        groups = {
            f"search-{lang}.json (manifest)": [folder / f"search-{lang}.json"],
            f"search-{lang}-*.json (all shards)": sorted(folder.glob(f"search-{lang}-*.json")),
            f"facets-{lang}.json": [folder / f"facets-{lang}.json"],
            f"cards-{lang}-*.json (all card files)": sorted(folder.glob(f"cards-{lang}-*.json")),
            f"words-{lang}.json (nearest words, only on an empty list)": [folder / f"words-{lang}.json"],
        }
        for name, paths in groups.items():
            raws = [p.read_bytes() for p in paths]
            sizes[name] = (sum(map(len, raws)), sum(len(gzip.compress(r, compresslevel=6)) for r in raws))
        largest = max(groups[f"search-{lang}-*.json (all shards)"], key=lambda p: p.stat().st_size)
        raw = largest.read_bytes()
        sizes[f"largest shard ({largest.name})"] = (len(raw), len(gzip.compress(raw, compresslevel=6)))
    return sizes


def report(size: int, builds: dict, sizes: dict) -> str:
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
    for name, (raw, packed) in sizes.items():
        lines.append(f"| {name} | {raw / 1024:,.0f} | {packed / 1024:,.0f} |")
    return "\n".join(lines) + "\n"


def browser_report(site: Path) -> str:
    """The search figures alone, for iterating on the browser code without rebuilding."""
    return "\n".join(search.table(search.measure(site))) + "\n"


def search_only(sizes: list[int], keep: Path | None) -> None:
    work_root = keep or Path(tempfile.mkdtemp(prefix="catalogue-bench-"))
    try:
        for size in sizes:
            work = work_root / str(size)
            shutil.rmtree(work, ignore_errors=True)
            project = copy_project(work / "ours", data=generate(size, work / "data"))
            blank_knowledge_pages(project)
            seconds = mkdocs(project, work / "site")
            lines = [f"## {size:,} records (build {seconds:.0f} s)", "", "| file | raw KB | gzipped KB |"]
            lines.append("| --- | ---: | ---: |")
            lines += [
                f"| {n} | {r / 1024:,.0f} | {p / 1024:,.0f} |" for n, (r, p) in index_sizes(work / "site").items()
            ]
            lines += ["", *search.table(search.measure(work / "site"))]
            print("\n".join(lines) + "\n", flush=True)
    finally:
        if keep is None:
            shutil.rmtree(work_root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark build, index size and search speed.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    parser.add_argument(
        "--browser-only", type=Path, metavar="SITE_DIR", help="only measure the browser on a built site"
    )
    parser.add_argument("--search-only", action="store_true", help="one build per size, then search figures")
    arguments = parser.parse_args()
    if arguments.browser_only:
        print(browser_report(arguments.browser_only), flush=True)
        return
    print(f"Relevance suite (tests/relevance/queries.yml): recall at 10 = {search.recall_at_10():.3f}\n", flush=True)
    if arguments.search_only:
        search_only(arguments.sizes, arguments.keep)
        return
    work_root = arguments.keep or Path(tempfile.mkdtemp(prefix="catalogue-bench-"))
    try:
        for size in arguments.sizes:
            work = work_root / str(size)
            shutil.rmtree(work, ignore_errors=True)
            data = generate(size, work / "data")
            builds = build_times(data, work)
            sizes = index_sizes(builds["site"])
            print(report(size, builds, sizes), flush=True)
            print("\n".join(search.table(search.measure(builds["site"]))) + "\n", flush=True)
    finally:
        if arguments.keep is None:
            shutil.rmtree(work_root, ignore_errors=True)


if __name__ == "__main__":
    main()
