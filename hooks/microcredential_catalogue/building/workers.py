"""The worker processes of a build (drawings, finished pages): how many, how they start, and
that they end with the build."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

from .child import die_with

T = TypeVar("T")
R = TypeVar("R")

# Below this many items, a copy of this process (some 20 ms to start) would save less than it costs.
MIN_SHARED = 200


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


# What a copy of this process finds to do (side_by_side): set just before the copy is made, so
# the copy has it without anything being sent through a pipe.
_INHERITED: Callable[[], object] | None = None


def can_copy() -> bool:
    """Whether a quick copy of this process can work beside it: a spare core, and no other
    thread whose locks the copy would inherit (start_method)."""
    return spare_cores() >= 1 and start_method() == "fork"


def side_by_side(here: Callable[[], R], there: Callable[[], T]) -> tuple[R, T]:
    """`here()` in this process while a copy of it (which has all this one has, nothing sent
    through a pipe) runs `there()`; both results once both are done. One after the other, here,
    where no quick copy can be made (can_copy). What either raises is raised here, `here`'s
    first, once the copy has ended."""
    global _INHERITED
    if not can_copy():
        return here(), there()
    _INHERITED = there
    try:
        # The copy is made when the work is sent, before the pool's own threads start.
        with ProcessPoolExecutor(
            1, mp_context=get_context("fork"), initializer=worker_start, initargs=(os.getpid(),)
        ) as pool:
            copied = pool.submit(_inherited)
            mine = here()
            return mine, copied.result()
    finally:
        _INHERITED = None


def _inherited():
    return _INHERITED()


def halves_shared(function: Callable[[T], R], items: Sequence[T], minimum: int = MIN_SHARED) -> list[R]:
    """`function` of each item, in order: the second half made by a copy of this process (the
    schemas read, the keys known) while this one makes the first (side_by_side). All here below
    `minimum` items, or where no quick copy can be made. What the function raises in the copy is
    raised here."""
    if len(items) < minimum or not can_copy():
        return [function(item) for item in items]
    half = len(items) // 2
    first, second = side_by_side(
        lambda: [function(item) for item in items[:half]],
        lambda: [function(item) for item in items[half:]],
    )
    return first + second
