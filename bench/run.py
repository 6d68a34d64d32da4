"""Benchmark the catalogue at 1,000 and 10,000 synthetic records (`make bench`; not a test).

For each size it reports:
- the build time and peak memory of our build (`mkdocs build`: hook + i18n, both languages), of
  the same build again with nothing changed, and of MkDocs building the same pages without our
  hook: with mkdocs-static-i18n ("same site"), and bare ("plain": the same theme and Markdown
  extensions, without the i18n plugin). Both build the Markdown files our build generated (both
  languages' files, so the same number of pages), the drawings it published and the hand-written
  pages: what the site would cost if its pages were written by hand. One run each, or the
  fastest of --repeat rounds (every run listed);
- the per-language search index size, raw and gzipped (level 6, what web servers use);
- where the build's time goes, stage by stage, and our hook's work per record against its budget
  (bench/stages.py);
- in headless Chromium: time from navigation start to the first results on screen, and the time
  each keystroke takes to update the results (median and 95th percentile).

    python3 -m bench.run [--sizes 1000 10000] [--keep DIR] [--builds-only] [--repeat N] [--drop-caches]
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

from microcredential_catalogue.building.drawing import DRAWINGS_FOLDER

from bench import results, search
from bench.generate import generate
from bench.stages import BUDGET_MS_PER_RECORD
from tests.support import blank_knowledge_pages, copy_project

# Set by --drop-caches: the kernel's page cache emptied before each build.
DROP_CACHES = False


def drop_caches() -> None:
    """Written pages flushed and the page cache emptied (root only). On this project's test
    machine, a page cache grown by earlier builds made creating a file up to eight times slower
    (0.56 s for 4,000 files in 2,000 folders after dropping it, 4.8 s before), so builds that
    create many files were timed by what ran before them."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("1\n")


def mkdocs(
    project: Path, site: Path, config: str = "mkdocs.yml", after_a_build: bool = False
) -> tuple[float, float, float]:
    """One `mkdocs build` in a child process: its wall-clock seconds, its peak memory in MB (the
    child's own high-water mark) and its CPU seconds, its workers' included (wait4's resource
    usage counts the children a process waited for, as `time` does). `after_a_build`: it
    repeats the build just made, whose files are still in memory, as they are on a machine that
    just built the site: the page cache is kept for it even with --drop-caches."""
    if DROP_CACHES and not after_a_build:
        drop_caches()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "--site-dir", str(site)]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{stderr.decode()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # maxrss: kilobytes on Linux


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


def build_times(data: Path, work: Path, repeat: int = 1) -> dict:
    """Each build `repeat` times, in rounds (ours, ours again, each baseline; then again), so a
    slow spell of a shared machine falls on all of them: the fastest run of each is reported
    (what the code costs when nothing else takes the cores), every run listed beside it."""
    runs: dict[str, list[float]] = {"ours": [], "rebuild": [], "same_site": [], "plain": []}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    memory, pages = {}, {}
    for round_ in range(repeat):
        ours = work / f"ours-{round_}"
        shutil.rmtree(ours, ignore_errors=True)
        copy_project(ours, data=data)  # a first build: nothing drawn or generated yet
        blank_knowledge_pages(ours)
        ours_site = work / "ours-site"
        shutil.rmtree(ours_site, ignore_errors=True)
        seconds, peak, cpu_seconds = mkdocs(ours, ours_site)
        runs["ours"].append(seconds)
        cpu["ours"].append(cpu_seconds)
        memory["ours"] = max(memory.get("ours", 0), peak)
        # The same build again with nothing changed: what a deploy of unchanged data costs (generated
        # files, preview images and QR codes already written are kept).
        seconds, peak, cpu_seconds = mkdocs(ours, ours_site, after_a_build=True)
        runs["rebuild"].append(seconds)
        cpu["rebuild"].append(cpu_seconds)
        memory["rebuild"] = max(memory.get("rebuild", 0), peak)
        pages["ours"] = pages["rebuild"] = count_pages(ours_site)
        # Two baselines built from the Markdown our build generated: MkDocs with the same plugins
        # (the same site, the cost of our hook alone), and bare MkDocs without mkdocs-static-i18n.
        for name, config in (("same_site", same_site_config), ("plain", plain_config)):
            baseline = work / name
            if not baseline.exists():
                shutil.copytree(ours / "docs", baseline / "docs")  # now holds every generated page as Markdown
                # and the drawings our build publishes beside its pages, as files MkDocs copies (the same site)
                if (ours / DRAWINGS_FOLDER).is_dir():  # (a build from before they moved out of docs/)
                    shutil.copytree(ours / DRAWINGS_FOLDER, baseline / "docs", dirs_exist_ok=True)
                shutil.copytree(ours / "overrides", baseline / "overrides")
                (baseline / "mkdocs.yml").write_text(config(ours), encoding="utf-8")
            seconds, peak, cpu_seconds = mkdocs(baseline, work / f"{name}-site")
            runs[name].append(seconds)
            cpu[name].append(cpu_seconds)
            memory[name] = max(memory.get(name, 0), peak)
            pages[name] = count_pages(work / f"{name}-site")
        if round_ < repeat - 1:
            shutil.rmtree(ours)
    return {
        **{name: min(times) for name, times in runs.items()},
        "runs": runs,
        "cpu": cpu,
        "pages": pages,
        "memory": memory,
        "site": ours_site,
    }


def stage_table(size: int) -> str:
    """bench/stages.py's breakdown at this size, in its own process (it patches the build)."""
    command = [sys.executable, "-m", "bench.stages", "--records", str(size)]
    table = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return table.replace("### ", "#### ", 1)  # under its size's heading


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


def added_cpu_per_record(size: int, builds: dict) -> list[float]:
    """Per round, our first build's CPU (its workers' included) less MkDocs + i18n's on the same
    pages, in milliseconds per record: the work our hook adds, MkDocs' own rendering left out
    (our build renders most credential pages itself, from the theme's page, instead of MkDocs)."""
    rounds = zip(builds["cpu"]["ours"], builds["cpu"]["same_site"], strict=True)
    return [(ours - theirs) / size * 1000 for ours, theirs in rounds]


def budget_verdict(added: list[float]) -> str:
    """Whether each round's added CPU (ms per record) is within the budget: a median would hide
    the round a slower spell or a heavier change puts over it."""
    over = sum(ms > BUDGET_MS_PER_RECORD for ms in added)
    budget = f"the budget of {BUDGET_MS_PER_RECORD:.0f} ms"
    return f"within {budget} in every round" if not over else f"over {budget} in {over} of {len(added)} rounds"


def report(size: int, builds: dict, sizes: dict) -> str:
    def row(label: str, name: str) -> str:
        ratio = "" if name == "ours" else f"{builds['ours'] / builds[name]:.2f}×"
        every = ", ".join(f"{seconds:.1f}" for seconds in builds["runs"][name])
        cpu = ", ".join(f"{seconds:.1f}" for seconds in builds["cpu"][name])
        memory, pages = builds["memory"][name], builds["pages"][name]
        return f"| {label} | {builds[name]:.1f} | {every} | {cpu} | {memory:,.0f} | {pages:,} | {ratio} |"

    added = added_cpu_per_record(size, builds)
    lines = [
        f"### {size:,} records",
        "",
        "| build | seconds (fastest) | every run | CPU s, every run | peak MB | pages | ours ÷ this |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        row("ours (hook + i18n)", "ours"),
        row("ours again, nothing changed", "rebuild"),
        row("MkDocs + i18n, same Markdown, no hook", "same_site"),
        row("bare MkDocs (no i18n), same Markdown", "plain"),
        "",
        "CPU our hook adds per record to MkDocs + i18n building the same pages (a first build, the "
        f"drawings made): {', '.join(f'{ms:.1f}' for ms in added)} ms, {budget_verdict(added)}.",
        "",
        "| file | raw KB | gzipped KB |",
        "| --- | ---: | ---: |",
    ]
    for name, (raw, packed) in sizes.items():
        lines.append(f"| {name} | {raw / 1024:,.0f} | {packed / 1024:,.0f} |")
    return "\n".join(lines) + "\n"


def browser_report(site: Path, http2: bool = False) -> str:
    """The search figures alone, for iterating on the browser code without rebuilding."""
    return "\n".join(search.table(search.measure(site, http2=http2))) + "\n"


def search_only(sizes: list[int], keep: Path | None) -> None:
    work_root = keep or Path(tempfile.mkdtemp(prefix="catalogue-bench-"))
    try:
        for size in sizes:
            work = work_root / str(size)
            shutil.rmtree(work, ignore_errors=True)
            project = copy_project(work / "ours", data=generate(size, work / "data"))
            blank_knowledge_pages(project)
            seconds, _, _ = mkdocs(project, work / "site")
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
    parser.add_argument("--builds-only", action="store_true", help="builds and stages, no browser")
    parser.add_argument("--http2", action="store_true", help="with --browser-only: serve over HTTP/2, as hosts do")
    parser.add_argument(
        "--repeat", type=int, default=1, help="builds per configuration, in rounds; the fastest is kept"
    )
    parser.add_argument(
        "--drop-caches", action="store_true", help="empty the page cache before each build (as root): less noise"
    )
    parser.add_argument(
        "--write-results", action="store_true", help="add the figures to bench/RESULTS.md as a dated section"
    )
    arguments = parser.parse_args()
    global DROP_CACHES
    DROP_CACHES = arguments.drop_caches
    if arguments.browser_only:
        print(browser_report(arguments.browser_only, arguments.http2), flush=True)
        return
    print(f"Relevance suite (tests/relevance/queries.yml): recall at 10 = {search.recall_at_10():.3f}\n", flush=True)
    if arguments.search_only:
        search_only(arguments.sizes, arguments.keep)
        return
    work_root = arguments.keep or Path(tempfile.mkdtemp(prefix="catalogue-bench-"))
    measured: list[str] = []  # every table printed, for --write-results

    def show(text: str) -> None:
        print(text, flush=True)
        measured.append(text)

    try:
        for size in arguments.sizes:
            work = work_root / str(size)
            shutil.rmtree(work, ignore_errors=True)
            data = generate(size, work / "data")
            builds = build_times(data, work, arguments.repeat)
            sizes = index_sizes(builds["site"])
            show(report(size, builds, sizes))
            show(stage_table(size))
            if not arguments.builds_only:
                show("\n".join(search.table(search.measure(builds["site"]))) + "\n")
        if arguments.write_results:
            command = " ".join(["python3 -m bench.run", *sys.argv[1:]])
            results.add_section("\n".join(measured), Path.cwd(), command)
    finally:
        if arguments.keep is None:
            shutil.rmtree(work_root, ignore_errors=True)


if __name__ == "__main__":
    main()
