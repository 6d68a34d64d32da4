"""Facets and groups: which credentials belong together by sector, cost, delivery, and so on.

Groups come from data/taxonomies.yml (vocabularies and bands) and from data/providers.yml,
never from lists in code; which facets exist is the registry of facets.py. A credential with
an unknown fact lands in a "not specified" group.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Bilingual, Catalogue, Credential
from .facets import NOT_SPECIFIED, Facet, band_key, sort_key

__all__ = ["NOT_SPECIFIED", "Group", "band_key", "free_credentials", "groups_of", "sort_key"]


@dataclass(frozen=True)
class Group:
    facet: str
    key: str
    label: Bilingual  # the everyday name, as on cards and in the filters
    description: Bilingual | None
    credentials: tuple[Credential, ...]
    official: Bilingual | None = None  # the official title (a sector's NOC title) when it differs
    code: str | None = None


def groups_of(facet: Facet, catalogue: Catalogue, strings: dict, with_unknown: bool = True) -> list[Group]:
    """Every group of a facet, in taxonomy order, each with its listed credentials.

    The facet's "not specified" group (credentials that leave the fact out) comes last, when
    `with_unknown` and the field may be left out.
    """
    members: dict[str, list[Credential]] = {}
    for credential in catalogue.listed:
        for key in facet.keys_of(credential, catalogue):
            members.setdefault(key, []).append(credential)
    groups = [
        Group(facet.name, v.key, v.label, v.description, tuple(members.get(v.key, ())), v.official, v.code)
        for v in facet.values(catalogue, strings)
    ]
    not_specified = facet.unknown_label(catalogue, strings) if with_unknown else None
    if not_specified is not None:
        unknown = tuple(members.get(NOT_SPECIFIED, ()))
        groups.append(Group(facet.name, NOT_SPECIFIED, not_specified, None, unknown))
    return groups


def free_credentials(catalogue: Catalogue) -> tuple[Credential, ...]:
    return tuple(c for c in catalogue.listed if c.is_free)
