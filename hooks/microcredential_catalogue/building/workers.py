"""The worker processes of a build (drawings, finished pages): how many, how they start, and
that they end with the build."""

from __future__ import annotations

import os
import signal
import threading

from .child import die_with


def spare_cores() -> int:
    """The cores this process may use, but the one it builds the site on."""
    return len(os.sched_getaffinity(0)) - 1


def start_method() -> str:
    """A copy of this process, quick to start, when it runs one thread (`mkdocs build`); a fresh
    interpreter when it runs more (`mkdocs serve`'s server): a copy would inherit their locks."""
    return "fork" if threading.active_count() == 1 else "spawn"


def worker_start(build: int) -> None:
    """Ctrl-C is the build's to handle (it stops the pool); a worker ends when the build does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with(build)
