"""The rule for ids and keys, shared by the validator and `catalogue new`.

An id or key becomes part of an address (mc/<id>/, browse/providers/<key>/), so it must be
written one way only (`fullmatch`: a trailing line break is not an id), and must not be a word
the site already uses for its own pages, or its page would overwrite one of them.
"""

from __future__ import annotations

import re

from .. import addresses
from ..reading.problems import Said
from .catalogue import LANGUAGES
from .facets import FACETS, NOT_SPECIFIED

KEY_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ID_LENGTH = (3, 80)

# Every word of the site's own addresses (addresses.py), the facet pages under browse/, the
# language folders, and names static hosts and MkDocs give a meaning to.
GENERATED_NAMES = (
    "index",
    addresses.CATALOGUE,
    addresses.BROWSE,
    *addresses.FIELDS.split("/"),
    addresses.CREDENTIALS,
    *addresses.SEARCH_DATA.split("/"),
    *addresses.PAGE_SCRIPTS.split("/"),
    addresses.SHARE_FOLDER,
    addresses.EMBED_PAGE,
    NOT_SPECIFIED,
)
OWN_PAGES = (
    addresses.ABOUT,
    addresses.CONTRIBUTING,
    *addresses.WHAT_IS.split("/"),
    addresses.LINKS,
    addresses.PRACTITIONERS,
    "questions",  # hand-written pages that no generated page links to
    "referral-sheet",
)
HOST_NAMES = ("404", "search", "sitemap", "feeds", "feed", "robots", "favicon", "site", "stylesheets")
FACET_FOLDERS = tuple(facet.name for facet in FACETS.with_pages)
RESERVED = frozenset(GENERATED_NAMES + OWN_PAGES + HOST_NAMES + FACET_FOLDERS + LANGUAGES)


def reserved_problem(key: str) -> Said | None:
    """The message for a key the site reserves for its own pages, or None."""
    if key not in RESERVED:
        return None
    reserved = ", ".join(sorted(RESERVED))
    return Said(
        en=f"{key!r} is a word the site uses for its own pages: choose another; the reserved words are: {reserved}",
        fr=f"{key!r} est un mot que le site emploie pour ses propres pages : choisissez-en un autre ; les mots "
        f"réservés sont : {reserved}",
    )


def id_problem(candidate: str, suffix: str = "") -> Said | None:
    """Why `candidate` cannot be a credential id, or None; `suffix` ends the suggestion (".yml")."""
    low, high = ID_LENGTH
    if KEY_PATTERN.fullmatch(candidate) and low <= len(candidate) <= high:
        return reserved_problem(candidate)
    example = f"{suggested_id(candidate)}{suffix}"
    return Said(
        en=f"{candidate!r} is not a valid id: use {low} to {high} lowercase letters, digits and single "
        f"hyphens, such as {example}",
        fr=f"{candidate!r} n'est pas un identifiant valide : employez de {low} à {high} lettres minuscules, "
        f"chiffres et traits d'union simples, par exemple {example}",
    )


def suggested_id(candidate: str) -> str:
    low, high = ID_LENGTH
    suggestion = re.sub(r"[^a-z0-9]+", "-", candidate.lower()).strip("-")[:high].strip("-")
    if len(suggestion) < low:
        return "college-program-name"
    return f"{suggestion}-credential"[:high] if suggestion in RESERVED else suggestion
