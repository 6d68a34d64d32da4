"""What the link-preview images cost the build, at N synthetic records (not a test).

One PNG per credential and language (hooks/microcredential_catalogue/sharing/preview_image.py), named
after a digest of what it shows, and drawn only when no file of that name exists. For each size:
- first build into an empty docs folder: the images drawn, the time spent drawing and writing
  them (wall clock and this process's CPU time: the machine may be shared), their total and
  largest size;
- a second build with unchanged data into the same folder: how many images are drawn again and
  how many files are rewritten (expected: none), and its time.

The images are made exactly as the build makes them: the build's own plan of shared files
(sharing.plan.Sharing) written by the build's own writer (pages.plan.write_pages). The rest of the build
(pages, search data, MkDocs) is measured by bench/run.py.

    python3 -m bench.previews [--sizes 1000 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
from pathlib import Path

from microcredential_catalogue.building.catalogue_build import CatalogueBuild
from microcredential_catalogue.pages.plan import write_pages
from microcredential_catalogue.pages.render import Renderer
from microcredential_catalogue.sharing import previews
from microcredential_catalogue.sharing.plan import Sharing

from bench.generate import generate
from tests.support import copy_project

PREVIEW = "preview-"
SITE_URL = "https://example.org/"


class DrawCounter:
    """Counts the images the build draws, wrapping the function its plan calls."""

    def __init__(self):
        self.drawn = 0

    @contextlib.contextmanager
    def installed(self):
        original = previews.draw_preview

        def counted(card):
            self.drawn += 1
            return original(card)

        previews.draw_preview = counted
        try:
            yield self
        finally:
            previews.draw_preview = original


def preview_files(project: Path) -> dict[str, object]:
    """The build's plan of preview images (docs-relative path -> drawing), from its own Sharing."""
    build = CatalogueBuild.load(project, project / "docs", project / "overrides" / "catalogue", site_url=SITE_URL)
    sharing = Sharing(build.catalogue, Renderer(build.templates_dir, build.catalogue), build.site_url)
    return {path: content for path, content in sharing.drawings.items() if Path(path).name.startswith(PREVIEW)}


def one_pass(files: dict, docs: Path) -> dict:
    """Write the images as the build does; what it drew, how long, what changed on disk."""
    before = {path: path.stat().st_mtime_ns for path in docs.rglob(f"{PREVIEW}*.png")}
    counter = DrawCounter()
    wall, cpu = time.perf_counter(), time.process_time()
    with counter.installed():
        write_pages([], docs, files)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = {path: path.stat().st_mtime_ns for path in docs.rglob(f"{PREVIEW}*.png")}
    rewritten = sum(1 for path, stamp in after.items() if before.get(path) not in (None, stamp))
    sizes = [path.stat().st_size for path in after]
    return {
        "drawn": counter.drawn,
        "rewritten": rewritten,
        "wall": wall,
        "cpu": cpu,
        "files": len(after),
        "bytes": sum(sizes),
        "largest": max(sizes, default=0),
    }


def measure(size: int, work: Path) -> dict:
    data = generate(size, work / f"data-{size}")
    project = copy_project(work / f"project-{size}", data=data)
    files = preview_files(project)
    docs = work / f"docs-{size}"
    docs.mkdir()
    first = one_pass(files, docs)
    second = one_pass(preview_files(project), docs)  # unchanged data: planned again, as a new build does
    return {"size": size, "images": len(files), "first": first, "second": second}


def report(rows: list[dict]) -> str:
    lines = [
        "| records | images | first build: drawn | wall s | CPU s | ms per image (CPU) | total MB | mean KB "
        "| largest KB "
        "| unchanged rebuild: drawn | files rewritten | wall s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        first, second = row["first"], row["second"]
        lines.append(
            f"| {row['size']:,} | {row['images']:,} | {first['drawn']:,} | {first['wall']:.1f} | {first['cpu']:.1f} "
            f"| {1000 * first['cpu'] / max(first['drawn'], 1):.1f} | {first['bytes'] / 1e6:.1f} "
            f"| {first['bytes'] / 1024 / max(first['files'], 1):.1f} | {first['largest'] / 1024:.1f} "
            f"| {second['drawn']:,} | {second['rewritten']:,} | {second['wall']:.2f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the link-preview images of the build.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    arguments = parser.parse_args()
    with contextlib.ExitStack() as stack:
        work = arguments.keep or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-previews-")))
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for size in arguments.sizes:
            rows.append(measure(size, work))
            print(report(rows[-1:]), flush=True)
        print(report(rows))


if __name__ == "__main__":
    main()
