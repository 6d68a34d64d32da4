"""The keys data/taxonomies.yml and data/providers.yml define, and the check that a record uses one.

They are read even from a broken file, so a mistake there does not hide the mistakes of the
records that use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.ids import KEY_PATTERN
from ..reading.problems import Said
from .data_file import DataFile

# The French of each vocabulary's noun ("a sector"), for the messages of a key that is not in it.
FRENCH_NOUNS = {
    "sectors": "un secteur",
    "pathways": "une voie",
    "delivery": "un mode de prestation",
    "regions": "une région",
    "funding": "une source de financement",
    "audiences": "un public",
    "award_types": "un type de reconnaissance",
    "provider_types": "un type d'établissement",
}


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
            file.problem(
                path,
                Said(
                    en=f"{key!r} is not {noun} in data/taxonomies.yml; use one of: {known}",
                    fr=f"{key!r} n'est pas {FRENCH_NOUNS.get(vocabulary, 'une clé')} de data/taxonomies.yml ; "
                    f"utilisez l'une de ces clés : {known}",
                ),
            )

    def check_provider(self, file: DataFile, path: tuple, key) -> None:
        if self.providers is None or not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            return
        if key not in self.providers:
            known = ", ".join(sorted(self.providers))
            file.problem(
                path,
                Said(
                    en=f"{key!r} is not in data/providers.yml; use one of: {known or '(none yet)'}; for a new "
                    f"provider, add it first: catalogue new-provider <its-id> (CONTRIBUTING.md, Adding a provider)",
                    fr=f"{key!r} n'est pas dans data/providers.yml ; utilisez l'une de ces clés : "
                    f"{known or '(aucune pour l’instant)'} ; pour un nouvel établissement, ajoutez-le d'abord : "
                    "catalogue new-provider <son-id> (CONTRIBUTING.fr.md, Ajouter un établissement)",
                ),
            )
