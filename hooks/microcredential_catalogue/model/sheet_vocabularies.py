"""The words a cell may hold for a vocabulary key: the key itself, or its label in either language.

A sheet shows labels in its own language (« Santé », "Health care"); the import takes a key or a
label in French or English, whatever its case, so a sheet made by hand or by an export reads back.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Bilingual, Catalogue
from .sheet_columns import SheetWords


@dataclass(frozen=True)
class SheetVocabularies:
    labels: dict[str, dict[str, Bilingual]]  # vocabulary -> key -> label
    continuous: Bilingual  # what a start-dates cell says for `intake: continuous`

    @classmethod
    def of(cls, catalogue: Catalogue, words: SheetWords) -> SheetVocabularies:
        taxonomies = catalogue.taxonomies
        labels = {name: {key: term.everyday for key, term in terms.items()} for name, terms in _terms(taxonomies)}
        labels["providers"] = {key: provider.name for key, provider in sorted(catalogue.providers.items())}
        labels["languages"] = {key: Bilingual.of(label) for key, label in words.raw["languages"].items()}
        labels["status"] = {key: Bilingual.of(label) for key, label in words.raw["status"].items()}
        labels["checked_against"] = {key: Bilingual.of(label) for key, label in words.raw["checked_against"].items()}
        return cls(labels, Bilingual.of(words.raw["continuous"]))

    def label(self, vocabulary: str, key: str, lang: str) -> str:
        return self.labels[vocabulary][key][lang]

    def choices(self, vocabulary: str, lang: str) -> list[str]:
        return [label[lang] for label in self.labels[vocabulary].values()]

    def key_of(self, vocabulary: str, written: str) -> str | None:
        """The key a cell names, or None when it names none (or, ambiguously, more than one)."""
        wanted = _folded(written)
        found = {
            key
            for key, label in self.labels[vocabulary].items()
            if wanted in (_folded(key), _folded(label.fr), _folded(label.en))
        }
        return found.pop() if len(found) == 1 else None


def _terms(taxonomies):
    return ((name, taxonomies.terms(name)) for name in taxonomies.vocabularies)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()
