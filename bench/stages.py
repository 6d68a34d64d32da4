"""Where a build's time goes, stage by stage, and what our hook costs per record (issue 23).

One `mkdocs build` of generated records in this process, timed in CPU seconds, so a busy machine
changes the figures little (they compare two versions, or two stages, in one run; never a goal
in a test). Each stage is a function of the build, wrapped by a clock wherever a module holds
it; a stage running inside another (pages are rendered while they are written) counts for the
inner one only, so the rows add up to the build.

    python3 -m bench.stages [--records 1000] [--keep DIR] [--rebuild]

`--rebuild` times the same build again with nothing changed (kept build and pages taken).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from microcredential_catalogue.building import page_finisher
from mkdocs.config import config_options

from bench.generate import generate
from tests.support import blank_knowledge_pages, copy_project

# label -> the functions of the build that make up that stage: (module, attribute path)
STAGES = {
    "read and check the data": [("microcredential_catalogue.building.catalogue_build", "CatalogueBuild.load")],
    "search files": [("microcredential_catalogue.search.index", "build_search_assets")],
    "render generated pages (templates)": [("microcredential_catalogue.pages.render", "Renderer.render")],
    "QR codes": [("microcredential_catalogue.sharing.qr_svg", "qr_svg")],
    "link-preview images": [("microcredential_catalogue.sharing.preview_image", "draw_preview")],
    "shared files (feeds, JSON-LD, exports)": [
        ("microcredential_catalogue.sharing.plan", "Sharing.__init__"),
        ("microcredential_catalogue.sharing.plan", "Sharing.share"),
    ],
    "write generated files": [("microcredential_catalogue.pages.files", "write_pages")],
    "MkDocs and the theme: pages": [("mkdocs.commands.build", "_build_page")],
    "credential pages written after MkDocs' own": [("mkdocs_catalogue", "_write_filled_pages")],
    "critical styles inline": [("microcredential_catalogue.pages.critical_css", "with_critical_styles")],
    "Content-Security-Policy": [("microcredential_catalogue.pages.csp", "with_policy")],
    "French typography": [("microcredential_catalogue.wording.typography", "french_html")],
    "sitemap beside each page": [("mkdocs_catalogue", "_page_sitemap")],
    "drawings kept and put into the site": [("microcredential_catalogue.building.drawing", "Drawings.publish")],
    "inputs compared, the build kept for the next": [
        ("microcredential_catalogue.building.kept_build", "inputs_digest"),
        ("microcredential_catalogue.building.kept_build", "kept_build"),
        ("microcredential_catalogue.building.kept_build", "keep"),
    ],
    "finished pages looked for among the kept": [
        ("microcredential_catalogue.building.kept_pages", "KeptPages.taken_or_to_keep")
    ],
}


class StageClock:
    """CPU seconds per stage, each stage's own: time spent in a stage nested inside another
    (a page rendered while it is written) counts for the inner one only."""

    def __init__(self):
        self.seconds = dict.fromkeys(STAGES, 0.0)
        # CPU seconds of the worker processes: the drawings (building/drawing.py), and the pages'
        # last steps once the drawings are done (building/page_finisher.py)
        self.elsewhere = 0.0
        self._stack: list[list[float]] = []  # per running stage: [started, time of inner stages]

    def wrap(self, label: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            self._stack.append([time.process_time(), 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                started, inner = self._stack.pop()
                spent = time.process_time() - started
                self.seconds[label] += spent - inner
                if self._stack:
                    self._stack[-1][1] += spent

        return timed


def install(clock: StageClock, hooks: dict) -> None:
    """Replace each stage's function, wherever a module holds it, by its timed twin (MkDocs loads
    its hooks as modules of its own: `hooks` are those)."""
    for label, places in STAGES.items():
        for module_name, path in places:
            owner = hooks.get(module_name) or importlib.import_module(module_name)
            *parents, name = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            original = inspect.getattr_static(owner, name)
            function = original.__func__ if isinstance(original, classmethod) else original
            timed = clock.wrap(label, function)
            setattr(owner, name, classmethod(timed) if isinstance(original, classmethod) else timed)
            for module in list(sys.modules.values()):
                if getattr(module, name, None) is function:
                    setattr(module, name, timed)


def _children_cpu() -> float:
    """CPU seconds of this process's ended children: the build's drawing workers, once it ends."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path, site: Path) -> tuple[float, StageClock]:
    """One build in this process, as `mkdocs build` runs it; its CPU seconds and its stages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    here = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        clock = StageClock()
        install(clock, {Path(name).stem: module for name, module in config.hooks.items()})
        # Every page's last steps in this process, so that their stages are timed (a real build
        # shares the credential pages' with other processes: building/page_finisher.py).
        page_finisher.spare_cores = lambda: 0
        started, children = time.process_time(), _children_cpu()
        build(config)
        clock.elsewhere = _children_cpu() - children
        return time.process_time() - started, clock
    finally:
        os.chdir(here)


# The CPU our hook may add per record, in milliseconds, to what MkDocs + i18n spend building the
# same pages (issue 23): at 10,000 records, 5 ms a record is under a minute of one core. Checked
# by bench/run.py, which builds both; the stages below show where ours goes.
BUDGET_MS_PER_RECORD = 5.0
NOT_OURS = ("MkDocs and the theme: pages",)
# The theme's page filled for each credential page: MkDocs' own rendering of those pages, done here.
IN_MKDOCS_STEAD = ("credential pages written after MkDocs' own",)


def report(records: int, total: float, clock: StageClock) -> str:
    lines = [
        f"### {records:,} records: {total:.1f} s of CPU for the whole build",
        "",
        "| stage | CPU s | share | ms per record |",
        "| --- | ---: | ---: | ---: |",
    ]
    rest = total - sum(clock.seconds.values())
    for label, seconds in [*clock.seconds.items(), ("the rest (MkDocs, i18n, navigation, files)", rest)]:
        lines.append(f"| {label} | {seconds:.2f} | {seconds / total:.0%} | {seconds / records * 1000:.1f} |")
    ours = sum(seconds for label, seconds in clock.seconds.items() if label not in NOT_OURS) / records * 1000
    stead = sum(clock.seconds[label] for label in IN_MKDOCS_STEAD) / records * 1000
    elsewhere = clock.elsewhere / records * 1000
    lines += [
        "",
        f"Worker processes beside the build (the drawings, and the pages' last steps once the drawings "
        f"are done; not in the rows above): {clock.elsewhere:.2f} s of CPU, {elsewhere:.1f} ms per record.",
        "",
        f"Our hook's own stages (the rows above but MkDocs' pages and the rest): {ours:.1f} ms of CPU "
        f"per record in the build's process, {ours + elsewhere:.1f} with the workers', of which "
        f"{stead:.1f} ms fill the theme's page for the credential pages, MkDocs' rendering done in its "
        f"stead. The budget ({BUDGET_MS_PER_RECORD:.0f} ms a record added to MkDocs + i18n's CPU on the "
        "same pages) is checked by bench/run.py, which builds both.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Where a build's time goes, stage by stage.")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    parser.add_argument("--rebuild", action="store_true", help="time an unchanged rebuild, after a first build")
    arguments = parser.parse_args()
    work = arguments.keep or Path(tempfile.mkdtemp(prefix="catalogue-stages-"))
    try:
        project = copy_project(work / "project", data=generate(arguments.records, work / "data"))
        blank_knowledge_pages(project)
        total, clock = timed_build(project, work / "site")
        if arguments.rebuild:
            print("First build:", flush=True)
            print(report(arguments.records, total, clock), flush=True)
            print("The same build again, nothing changed:", flush=True)
            # As a new `mkdocs build` runs it: the hook loaded afresh, so it holds no build of its own.
            config_options.Hooks._load_hook.cache_clear()
            total, clock = timed_build(project, work / "site")
        print(report(arguments.records, total, clock), flush=True)
    finally:
        if arguments.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
