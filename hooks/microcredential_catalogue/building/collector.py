"""The garbage collector's pace while the site is built.

A build makes millions of small objects that live until it ends (records, pages, search terms).
At Python's pace (a collection every 700 new objects), a 10,000-record build ran 7,283 collections,
8.8 s of its CPU, and each of the older generation's scanned the whole catalogue again. During a
build, collections come a hundred times less often, and the catalogue, once read, is set aside
(`gc.freeze`): no collection scans it, and a worker copied from the build shares its memory
instead of copying the pages a collection would touch. After the build, Python's pace is back
(`mkdocs serve` goes on in the same process).
"""

from __future__ import annotations

import gc

DURING_A_BUILD = (50_000, 20, 50)  # Python's own: (700, 10, 10)


class BuildCollector:
    def __init__(self):
        self._usual: tuple[int, int, int] | None = None

    def start(self) -> None:
        """A build starts (again for each language: only the first call counts)."""
        if self._usual is None:
            self._usual = gc.get_threshold()
            gc.set_threshold(*DURING_A_BUILD)

    def set_aside_what_lives_on(self) -> None:
        """Everything made so far (the catalogue) lives until the build ends: no collection scans it."""
        gc.freeze()

    def end(self) -> None:
        """The build is over, or failed: Python's pace again, nothing set aside."""
        gc.unfreeze()
        if self._usual is not None:
            gc.set_threshold(*self._usual)
            self._usual = None
