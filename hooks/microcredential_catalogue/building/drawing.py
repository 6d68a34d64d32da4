"""The build's drawings (preview images, QR codes) made by other processes, on the machine's other
cores, while this one renders the pages: on a big first build they were half of our work.

A small build draws them itself: a worker's start (a new Python, Pillow loaded) costs more than
a few dozen drawings. The same functions draw the same bytes either way.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from ..pages.files import Asset, needs_drawing
from .child import die_with

# Below this many drawings (half a second of work or less), starting workers would cost more than
# it saves: a fresh interpreter takes about 0.3 s, and `mkdocs serve` redraws the QR codes each time.
MIN_TO_SHARE = 200


@contextmanager
def drawn_elsewhere(assets: dict[str, Asset], docs_dir: Path, workers: int | None = None) -> Iterator[dict[str, Asset]]:
    """`assets` with each drawing the build must make already on its way in a worker process;
    writing one (pages/files.py) waits for it. Inside this block, the caller does its own work.

    `workers` defaults to the cores this process may use; with fewer than two, or with fewer
    than MIN_TO_SHARE drawings to make, every drawing is left to be made here, as before.
    """
    wanted = [path for path, asset in assets.items() if needs_drawing(docs_dir, path, asset)]
    workers = workers or len(os.sched_getaffinity(0))
    if workers < 2 or len(wanted) < MIN_TO_SHARE:
        yield assets
        return
    pool = ProcessPoolExecutor(
        workers, mp_context=get_context(_start_method()), initializer=_worker_start, initargs=(os.getpid(),)
    )
    try:
        coming = {path: replace(assets[path], make=partial(_made, pool.submit(assets[path].make))) for path in wanted}
        yield {**assets, **coming}
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # a failed build does not wait for its images
        raise
    pool.shutdown()


def _start_method() -> str:
    """A copy of this process, quick to start, when it runs one thread (`mkdocs build`); a fresh
    interpreter when it runs more (`mkdocs serve`'s server): a copy would inherit their locks."""
    return "fork" if threading.active_count() == 1 else "spawn"


def _worker_start(build: int) -> None:
    """Ctrl-C is the build's to handle (it stops the pool); a worker ends when the build does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with(build)


def _made(future: Future) -> str | bytes:
    return future.result()
