"""data/synonyms.yml: words that mean the same for search, and other words for filter values.

Read like every data file (checks/data_file.py: the safe reader, the text policy, its schema),
then checked here against the filters the search index has, with the same one-line messages,
and applied when the search index is built (search/index.py). A missing file means no synonyms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..checks.data_file import DataFile
from ..model.catalogue import LANGUAGES
from ..reading.data_folder import DataFolder
from ..reading.problems import DataInvalid, Problem, field_path
from .text import folded_words, stem

FILE = "data/synonyms.yml"


@dataclass(frozen=True)
class Synonyms:
    groups: dict[str, list[tuple[tuple[str, ...], ...]]] = field(default_factory=dict)  # lang -> phrases
    filter_words: dict[str, dict[tuple[str, str], list[str]]] = field(default_factory=dict)  # lang -> words

    def expansions(self, lang: str, text_words: list[str]) -> list[str]:
        """The words of every phrase that means the same as a phrase found in `text_words`."""
        stems = [stem(w, lang) for w in text_words]
        present = set(stems)
        found = []
        for group in self._stemmed.get(lang, ()):
            if any((not phrase or phrase[0] in present) and _contains(stems, phrase) for phrase in group.stems):
                found.extend(group.words)
        return found

    @cached_property
    def _stemmed(self) -> dict[str, list[_Group]]:
        """Each phrase stemmed once, not once per record: the index asks for every record."""
        return {
            lang: [
                _Group(
                    tuple(tuple(stem(w, lang) for w in phrase) for phrase in group),
                    tuple(word for phrase in group for word in phrase),
                )
                for group in groups
            ]
            for lang, groups in self.groups.items()
        }


@dataclass(frozen=True)
class _Group:
    stems: tuple[tuple[str, ...], ...]  # each phrase's words, stemmed
    words: tuple[str, ...]  # every word of every phrase, as written


def _contains(text_words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(text_words[i : i + size]) == phrase for i in range(len(text_words) - size + 1))


def load_synonyms(project_root: Path, filter_options: dict[str, set[str]] | None) -> Synonyms:
    """The synonyms, or DataInvalid with one line per problem. `filter_options`: param -> keys
    (None: the catalogue is invalid, so the filter words are not checked yet)."""
    path = Path(project_root) / FILE
    if not (path.exists() or path.is_symlink()):
        return Synonyms()
    folder = DataFolder(project_root)
    file = DataFile.read(folder, path, "synonyms.schema.json")
    problems = [*file.problems, *folder.problems]
    if file.valid:
        problems.extend(_repeated_words(file.doc))
        problems.extend(_unknown_filters(file.doc, filter_options) if filter_options is not None else [])
    if problems:
        raise DataInvalid(problems)
    return _synonyms(file.doc.data or {})


def _repeated_words(doc) -> list[Problem]:
    """A word in two groups would silently join them: say where."""
    problems = []
    for lang in LANGUAGES:
        first_seen: dict[tuple, int] = {}
        for g, group in enumerate(doc.data.get(lang) or ()):
            for p, phrase in enumerate(group):
                key = tuple(folded_words(phrase))
                if key in first_seen and first_seen[key] != g:
                    where = (lang, g, p)
                    message = (
                        f"is already in group {first_seen[key] + 1} of {lang}: merge the two groups (got {phrase!r})"
                    )
                    problems.append(Problem(FILE, doc.line_of(where), field_path(where), message))
                first_seen.setdefault(key, g)
    return problems


def _unknown_filters(doc, filter_options: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for param, options in (doc.data.get("filters") or {}).items():
        if param not in filter_options:
            where = ("filters", param)
            known = ", ".join(sorted(filter_options))
            problems.append(
                Problem(FILE, doc.line_of(where), field_path(where), f"must be a filter: {known} (got {param!r})")
            )
            continue
        for key in options:
            if key not in filter_options[param]:
                where = ("filters", param, key)
                known = ", ".join(sorted(filter_options[param]))
                problems.append(
                    Problem(
                        FILE,
                        doc.line_of(where),
                        field_path(where),
                        f"must be an option of {param}: {known} (got {key!r})",
                    )
                )
    return problems


def _synonyms(data: dict) -> Synonyms:
    groups = {
        lang: [tuple(tuple(folded_words(phrase)) for phrase in group) for group in data.get(lang) or ()]
        for lang in LANGUAGES
    }
    filter_words: dict[str, dict] = {lang: {} for lang in LANGUAGES}
    for param, options in (data.get("filters") or {}).items():
        for key, by_lang in options.items():
            for lang in LANGUAGES:
                filter_words[lang][(param, key)] = [" ".join(folded_words(w)) for w in by_lang.get(lang) or ()]
    return Synonyms(groups, filter_words)
