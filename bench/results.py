"""A dated section of measurements added to bench/RESULTS.md, above the earlier ones (`make bench`).

The file opens with the commands that reproduce its figures; each section below is one run,
newest first, named by its date, the commit it measured and the command that ran, so that a
regression can be traced to the run that first showed it.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def measured_commit(project: Path) -> str:
    """The commit the run measured, marked when the working tree had changes of its own."""

    def git(*arguments: str) -> str:
        return subprocess.run(["git", *arguments], cwd=project, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "no commit"
    return f"{commit} with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else commit


def with_section(results: str, title: str, body: str) -> str:
    """`results` with a section (`## title`, then `body`) before its first section, or at its end."""
    section = f"## {title}\n\n{body.strip()}\n\n"
    lines = results.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    before = "".join(lines[:first])
    if before and not before.endswith("\n\n"):
        before = before.rstrip("\n") + "\n\n"
    return before + section + "".join(lines[first:])


def add_section(body: str, project: Path, command: str, path: Path = RESULTS, now: datetime | None = None) -> None:
    """`body` added as the newest section, titled by the date, the commit and the `command` that measured it."""
    now = now or datetime.now(UTC)
    title = f"{now:%Y-%m-%d %H:%M} UTC, at {measured_commit(project)}: `{command}`"
    path.write_text(with_section(path.read_text(encoding="utf-8"), title, body), encoding="utf-8")
