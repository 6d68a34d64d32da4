"""The build's drawings (preview images, QR codes): started as soon as the shared files are planned,
made by other processes on the machine's other cores while this one builds the site (and by this
one too, once its pages are built, from the end of the queue), and put into the site after its
last page.

They are kept between builds in a folder of their own (DRAWINGS_FOLDER), not under docs/: MkDocs
and mkdocs-static-i18n would list, check and copy thousands of files that only need a place in
the site. A preview image's name is a digest of what it shows, so a kept one is never drawn again.

A small build draws them itself: a worker's start (a new Python, Pillow loaded) costs more than
a few dozen drawings. The same functions draw the same bytes either way.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from .. import addresses
from ..pages.files import (
    Drawing,
    link_or_copy,
    needs_drawing,
    plain_folders,
    remove_all_but,
    write_assets,
)
from ..reading.project_files import unsafe_file
from .workers import spare_cores, start_method, worker_start

# Where the drawings are kept between builds, in the project (git ignores it; the Pages workflow
# caches it): the same relative paths as the files mkdocs-static-i18n publishes them from.
DRAWINGS_FOLDER = ".cache/catalogue/drawings"

# Below this many drawings (half a second of work or less), starting workers would cost more than
# it saves: a fresh interpreter takes about 0.3 s, and `mkdocs serve` redraws the QR codes each time.
MIN_TO_SHARE = 200
# The drawings a worker is sent at once: some 40 ms of work. One at a time, a worker sat idle for
# a third of the build: each is handed over by a thread of this process, which waits for the
# interpreter's lock while this process builds pages (up to 5 ms; a drawing takes 2 to 3). Once
# this process's pages are built, it takes back the batches no worker has started, from the last.
BATCH = 16


class UnsafeDrawing(Exception):
    """A kept drawing the site must not take: a link, or a file among links (project_files.py)."""


class Drawings:
    """Every drawing of one build (its path, as under docs/, -> how to make it), on its way."""

    def __init__(
        self, drawings: dict[str, Drawing], project_root: Path, workers: int | None = None, tidy_folder: bool = True
    ):
        """Start making those not kept from an earlier build: in `workers` other processes (by
        default one per core but this one's), or here when finished (`finish`) for a few."""
        self.project_root = Path(project_root)
        self.folder = self.project_root / DRAWINGS_FOLDER
        self.paths = tuple(drawings)
        if tidy_folder:
            plain_folders(self.project_root, self.folder)  # nothing below is read or removed through a link
            # What no record shows any more goes, and so does anything not a plain file (a link).
            remove_all_but(self.folder, {self.folder / path for path in self.paths})
        wanted = {path: drawing for path, drawing in drawings.items() if needs_drawing(self.folder, path, drawing)}
        workers = spare_cores() if workers is None else workers
        self._pool = None
        # Each batch sent to a worker: its drawings (path -> how to draw it), and how many of them the
        # worker wrote (its future).
        self._sent: list[tuple[dict[str, Drawing], Future]] = []
        if workers >= 1 and len(wanted) >= MIN_TO_SHARE:
            self._pool = ProcessPoolExecutor(
                workers, mp_context=get_context(start_method()), initializer=worker_start, initargs=(os.getpid(),)
            )
            # Each worker writes what it draws: the images never travel back through a pipe.
            self._sent = [
                (batch, self._pool.submit(write_batch, self.project_root, self.folder, batch))
                for batch in _batches(wanted, BATCH)
            ]
            wanted = {}
        self._coming: dict[str, Drawing] | None = wanted  # those this process makes, in finish()
        self.written = 0
        self.unchanged = len(drawings) - len(wanted) - sum(len(batch) for batch, _ in self._sent)  # kept

    @classmethod
    def kept(cls, paths: tuple[str, ...], project_root: Path) -> Drawings:
        """The drawings of an earlier build with the same inputs, every one still in its place
        (building/kept_build.py made sure): nothing to draw, only to publish."""
        drawings = cls({}, project_root, workers=0, tidy_folder=False)
        drawings.paths = tuple(paths)
        return drawings

    @property
    def busy(self) -> bool:
        """Whether workers are still drawing: the cores they hold are not free for other work."""
        return any(not future.done() for _, future in self._sent)

    def done(self) -> bool:
        """Whether every drawing sent to a worker is made. Once they are, the workers are stopped:
        their cores are free, and other workers can be started as copies of this process, which
        is quick only while no other thread runs in it (building/workers.py)."""
        if self.busy:
            return False
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        return True

    def finish(self) -> None:
        """Wait for each drawing still on its way and keep it; a drawing that failed raises its
        error. Those no worker has started yet are made here too, the last batch first:
        this process has built the pages, and its core would otherwise wait for the workers'."""
        if self._coming is None:
            return
        try:
            coming = {self.folder / path: drawing for path, drawing in self._coming.items()} or self._taken_back()
            while coming:
                # From the project's folder: a link among the kept folders' own is replaced, not followed.
                written, unchanged = write_assets(self.project_root, coming)
                self.written, self.unchanged = self.written + written, self.unchanged + unchanged
                coming = self._taken_back()
            for batch, future in self._sent:
                written = future.result()
                self.written, self.unchanged = self.written + written, self.unchanged + len(batch) - written
            self.done()  # the workers stopped, not only told to: a copy of this process may be made next
        finally:
            self.cancel()

    def _taken_back(self) -> dict[Path, Drawing]:
        """The last batch no worker has started, out of their queue (none if all have started).
        Workers take batches in the order they were sent: once one has started, so have all before it."""
        if not self._sent or not self._sent[-1][1].cancel():
            return {}
        batch, _ = self._sent.pop()
        return {self.folder / path: drawing for path, drawing in batch.items()}

    def publish(self, site_dir: Path) -> None:
        """Every drawing in the site, where mkdocs-static-i18n publishes a file of docs/: a hard
        link to the kept file (a copy across disks), as the site's other files are plain files."""
        self.finish()
        folders_seen: dict[str, str | None] = {}
        refused = []
        for path in self.paths:
            source = self.folder / path
            problem = unsafe_file(source, self.project_root, folders_seen)
            if problem:
                refused.append(f"{DRAWINGS_FOLDER}/{path}: {problem}")
                continue
            link_or_copy(source, Path(site_dir) / addresses.published_file(path))
        if refused:
            raise UnsafeDrawing("\n".join(refused))

    def cancel(self) -> None:
        """No more waiting: a failed build does not wait for its images."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._coming = None


def write_batch(project_root: Path, folder: Path, batch: dict[str, Drawing]) -> int:
    """In a worker: draw and write a batch of drawings (path under `folder` -> how); how many it wrote."""
    written, _ = write_assets(project_root, {folder / path: drawing for path, drawing in batch.items()})
    return written


def _batches(drawings: dict[str, Drawing], size: int) -> list[dict[str, Drawing]]:
    items = list(drawings.items())
    return [dict(items[start : start + size]) for start in range(0, len(items), size)]
