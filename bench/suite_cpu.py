"""Where a command's CPU goes, by kind of process, and how busy the machine's cores were (issue 17).

`time` undercounts a browser test run: Chromium's processes are not children it waits for, so
their CPU never reaches it. This runs the command and reads every process's CPU from `/proc`
twice a second, so the figures hold whatever started them:

    python3 -m bench.suite_cpu -- .venv/bin/python -m pytest -n 2 -q

It prints the wall time, the share of the cores that were idle, and the CPU seconds of each kind
of process (Chromium's renderers, its browser process…, Python, Java, Node). A process that lives
less than half a second may be missed, and whatever else ran on the machine meanwhile counts too
(under its own kind): on a quiet machine, the figures are a floor of the command's own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
PROC = Path("/proc")

# The first pattern found in a command line names its kind (Chromium's flags name its processes).
KINDS = [
    ("--type=renderer", "Chromium renderers"),
    ("--type=gpu-process", "Chromium GPU process"),
    ("--type=utility", "Chromium utility processes"),
    ("--type=zygote", "Chromium zygote"),
    ("chromium", "Chromium browser process"),
    ("playwright", "Playwright driver"),
    ("java", "Java (Nu checker)"),
    ("node", "Node"),
    ("-m mkdocs", "mkdocs build"),
    ("catalogue", "catalogue command"),
    ("python", "Python (test workers and the rest)"),
]


def kind_of(command_line: str) -> str:
    return next((kind for pattern, kind in KINDS if pattern in command_line), "other")


def cpu_seconds(pid: str) -> float | None:
    try:
        fields = (PROC / pid / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def command_line(pid: str) -> str:
    try:
        return (PROC / pid / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def idle_and_total() -> tuple[int, int]:
    cpu = (PROC / "stat").read_text().splitlines()[0].split()[1:]
    ticks = [int(n) for n in cpu]
    return ticks[3] + ticks[4], sum(ticks)  # idle + waiting for I/O, all


class Sampler:
    """Each process's last CPU total, less what it had used before the command started."""

    def __init__(self):
        self.seen: dict[str, tuple[str, float, float]] = {}  # pid -> kind, at start, last
        self.sample(before=True)

    def sample(self, before: bool = False) -> None:
        for entry in PROC.iterdir():
            pid = entry.name
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            used = cpu_seconds(pid)
            if used is None:
                continue
            if pid in self.seen:
                kind, start, _ = self.seen[pid]
                self.seen[pid] = (kind, start, used)
            else:
                self.seen[pid] = (kind_of(command_line(pid)), used if before else 0.0, used)

    def by_kind(self) -> Counter:
        totals: Counter = Counter()
        for kind, start, last in self.seen.values():
            totals[kind] += last - start
        return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command to run, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to measure after --")
    sampler = Sampler()
    idle_before, total_before = idle_and_total()
    started = time.monotonic()
    process = subprocess.Popen(command)
    while process.poll() is None:
        sampler.sample()
        time.sleep(0.5)
    sampler.sample()
    wall = time.monotonic() - started
    idle_after, total_after = idle_and_total()
    idle_share = (idle_after - idle_before) / max(1, total_after - total_before)
    totals = sampler.by_kind()
    print(f"\nwall {wall:.1f} s, cores idle {idle_share:.0%} of the time, exit status {process.returncode}")
    print(f"CPU of every process that ran: {sum(v for v in totals.values() if v > 0):.1f} s")
    for kind, seconds in totals.most_common():
        if seconds >= 0.05:
            print(f"  {seconds:8.1f} s  {kind}")
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
