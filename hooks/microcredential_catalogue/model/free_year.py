"""Free records whose cost note does not say in which year their source called them free.

Free then is not free now (a funded intake ends): beside « Gratuit » / "Free" a reader needs the
year the source said so, written in `cost.note`. `catalogue check` warns of each record without
it, with its line; the build goes on, as it does for a record whose source is getting old.
"""

from __future__ import annotations

import re

from .catalogue import Catalogue, Credential

YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")


def says_its_year(credential: Credential) -> bool:
    """Whether a free record's cost note names a year in both languages (any other record: True)."""
    note = credential.cost_note
    return not credential.is_free or bool(note and YEAR.search(note.fr) and YEAR.search(note.en))


def free_without_year(catalogue: Catalogue) -> list[Credential]:
    """The free records whose cost note does not name the year, in file order."""
    return sorted((c for c in catalogue.credentials if not says_its_year(c)), key=lambda c: c.source_file)
