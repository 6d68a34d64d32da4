"""Spreadsheet import speed: a generated catalogue exported as a sheet, then imported into an
empty credentials folder (every row a new record), then imported again (every row unchanged).

    python3 -m bench.sheet_import [--size 10000] [--keep DIR]

Each step runs the `catalogue` command as an editor does, in its own process; the figures are
wall-clock seconds and the peak memory of that process.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from tests.support import CATALOGUE, copy_project


def timed(project: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run([CATALOGUE, *args], cwd=project, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"catalogue {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started, result.stdout.strip().splitlines()[-1]


def peak_mb() -> float:
    """The largest resident set of the commands run so far (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(size: int, work: Path) -> list[str]:
    project = copy_project(work / "project", generate(size, work / "generated"))
    rows = [f"| step ({size:,} records) | seconds | peak MB so far | says |", "| --- | ---: | ---: | --- |"]
    for step in (["export", "-o", "sheet.xlsx"], ["export", "--csv", "-o", "sheet.csv"]):
        seconds, said = timed(project, *step)
        rows.append(f"| catalogue {' '.join(step)} | {seconds:.1f} | {peak_mb():.0f} | {said} |")
    for record in (project / "data" / "credentials").glob("*.yml"):
        record.unlink()
    for step in (["import", "sheet.xlsx"], ["import", "sheet.csv"], ["import", "--dry-run", "sheet.xlsx"]):
        seconds, said = timed(project, *step)
        rows.append(f"| catalogue {' '.join(step)} | {seconds:.1f} | {peak_mb():.0f} | {said[:90]} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    arguments = parser.parse_args()
    work = arguments.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print("\n".join(measure(arguments.size, work)))
    finally:
        if not arguments.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
