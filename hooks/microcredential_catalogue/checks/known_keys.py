"""The keys data/taxonomies.yml and data/providers.yml define, and the check that a record uses one.

They are read even from a broken file, so a mistake there does not hide the mistakes of the
records that use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.ids import KEY_PATTERN
from .data_file import DataFile


@dataclass
class KnownKeys:
    terms: dict[str, set[str]] = field(default_factory=dict)  # vocabulary -> its keys
    providers: set[str] | None = None  # None: data/providers.yml could not be read

    def check_term(self, file: DataFile, path: tuple, key, vocabulary: str, noun: str) -> None:
        terms = self.terms.get(vocabulary)
        # A malformed key is the schema's to report; checking it here too would say it twice.
        # An unreadable vocabulary is reported in data/taxonomies.yml, not once per record.
        if terms is not None and isinstance(key, str) and KEY_PATTERN.fullmatch(key) and key not in terms:
            known = ", ".join(sorted(terms))
            file.problem(path, f"{key!r} is not {noun} in data/taxonomies.yml; use one of: {known}")

    def check_provider(self, file: DataFile, path: tuple, key) -> None:
        if self.providers is None or not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            return
        if key not in self.providers:
            known = ", ".join(sorted(self.providers)) or "(none yet)"
            file.problem(path, f"{key!r} is not in data/providers.yml; use one of: {known}")
