"""Facets and groups: which credentials belong together by sector, cost, delivery, and so on.

Groups come from data/taxonomies.yml (vocabularies and bands) and from data/providers.yml,
never from lists in code. A credential with an unknown fact lands in a "not specified" group.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .model import Band, Bilingual, Catalogue, Credential

NOT_SPECIFIED = "not-specified"

# Facets with a page per value, in the order a reader meets them.
FACETS = ("sectors", "pathways", "cost", "delivery", "hours", "regions", "providers")


@dataclass(frozen=True)
class Group:
    facet: str
    key: str
    label: Bilingual  # the everyday name, as on cards and in the filters
    description: Bilingual | None
    credentials: tuple[Credential, ...]
    official: Bilingual | None = None  # the official title (a sector's NOC title) when it differs
    code: str | None = None


def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents and case, as a reader expects."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def band_key(bands: tuple[Band, ...], value: float | None) -> str:
    if value is None:
        return NOT_SPECIFIED
    return next((band.key for band in bands if band.holds(value)), NOT_SPECIFIED)


def keys_of(credential: Credential, facet: str, catalogue: Catalogue) -> tuple[str, ...]:
    """The groups of `facet` a credential belongs to."""
    taxonomies = catalogue.taxonomies
    if facet == "cost":
        return (band_key(taxonomies.cost_bands, credential.cost_amount),)
    if facet == "hours":
        return (band_key(taxonomies.hours_bands, credential.hours),)
    if facet == "providers":
        return (credential.provider,)
    if facet == "delivery":
        return (credential.delivery or NOT_SPECIFIED,)
    values = getattr(credential, facet)
    return values or (NOT_SPECIFIED,)


def groups_of(facet: str, catalogue: Catalogue, not_specified: Bilingual | None) -> list[Group]:
    """Every group of a facet, in taxonomy order, each with its listed credentials.

    `not_specified` labels the group of credentials that leave the fact out; facets whose
    field is required have none.
    """
    members: dict[str, list[Credential]] = {}
    for credential in catalogue.listed:
        for key in keys_of(credential, facet, catalogue):
            members.setdefault(key, []).append(credential)
    groups = [
        Group(facet, key, label, description, tuple(members.get(key, ())), official, code)
        for key, label, description, official, code in _values(facet, catalogue)
    ]
    if not_specified is not None:
        unknown = tuple(members.get(NOT_SPECIFIED, ()))
        groups.append(Group(facet, NOT_SPECIFIED, not_specified, None, unknown))
    return groups


def free_credentials(catalogue: Catalogue) -> tuple[Credential, ...]:
    return tuple(c for c in catalogue.listed if c.is_free)


def _values(facet: str, catalogue: Catalogue):
    taxonomies = catalogue.taxonomies
    if facet == "cost":
        return [(b.key, b.label, None, None, None) for b in taxonomies.cost_bands]
    if facet == "hours":
        return [(b.key, b.label, None, None, None) for b in taxonomies.hours_bands]
    if facet == "providers":
        providers = sorted(catalogue.providers.values(), key=lambda p: sort_key(p.name.en))
        return [(p.id, p.name, None, None, None) for p in providers]
    return [
        (t.key, t.everyday, t.description, t.label if t.short else None, t.code)
        for t in taxonomies.terms(facet).values()
    ]
