"""The last steps of the credential pages written after MkDocs' own (pages/finishing.py), shared
with processes on the machine's other cores: a few milliseconds a page, most of what is left of
a credential page's cost once it is filled from its shell.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from ..pages.finishing import Finish, PageFile, finish_and_write, use_in_worker
from .kept_pages import KeptPages
from .workers import spare_cores, start_method, worker_start

# A worker starts in a few milliseconds (a copy of this process) and a page's last steps take
# two or three: below a few dozen pages, the pages are finished here.
MIN_TO_SHARE = 40
BATCH = 20  # the pages sent to a worker at once: some 50 ms of work


class PageFinisher:
    """Finishes pages here and in other processes: a batch goes to a worker while one has room
    (two batches each), and is finished here otherwise, so no process waits for another until
    the end."""

    def __init__(
        self,
        finish: Finish,
        pages: int,
        workers: int | None = None,
        kept: KeptPages | None = None,
        cores_busy: Callable[[], bool] | None = None,
    ):
        """For `pages` pages to come; `workers`: by default one per core but this one's; `kept`:
        the pages earlier builds finished, taken instead of finishing them again; `cores_busy`:
        while it says so, the other cores are taken (by the drawings) and no worker starts. The
        workers start as soon as it says no: the pages left are shared from then on."""
        self.finish = finish
        self.kept = kept
        self._workers = spare_cores() if workers is None else workers
        if pages < MIN_TO_SHARE:
            self._workers = 0
        self._cores_busy = cores_busy
        self._pool = None
        self._room = 2 * self._workers
        self._sent: list[Future] = []
        self._batch: list[PageFile] = []

    def add(self, page: PageFile) -> None:
        if self.kept is not None:
            page = self.kept.taken_or_to_keep(page)
            if page is None:  # written from its kept copy
                return
        self._batch.append(page)
        if len(self._batch) >= BATCH:
            self._send()

    def close(self) -> None:
        """Wait for every page; the first that could not be finished raises UnfinishedPage."""
        try:
            if self._batch:
                self._send()
            for sent in self._sent:
                sent.result()
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _send(self) -> None:
        batch, self._batch = self._batch, []
        for done in [sent for sent in self._sent if sent.done()]:
            done.result()  # a page refused stops the build now, not after the last page
            self._sent.remove(done)
        if self._started_pool() is not None and len(self._sent) < self._room:
            self._sent.append(self._pool.submit(finish_and_write, batch))
        else:
            finish_and_write(batch, self.finish)

    def _started_pool(self) -> ProcessPoolExecutor | None:
        """The workers, started the first time they may be (a copy of this process: a few ms)."""
        if self._pool is None and self._workers >= 1 and not (self._cores_busy and self._cores_busy()):
            self._pool = ProcessPoolExecutor(
                self._workers,
                mp_context=get_context(start_method()),
                initializer=_worker_started,
                initargs=(self.finish, os.getpid()),
            )
        return self._pool


def _worker_started(finish: Finish, build: int) -> None:
    worker_start(build)
    use_in_worker(finish)
