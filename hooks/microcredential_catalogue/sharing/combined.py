"""The lists a network may follow: each group with a feed (a sector, an LBS goal path, a region,
the free list), and every list two of them of different facets make together.

A list of two filters has the same feed and calendar as a group's, written the same way, in
the folder addresses.combined_list() names; an empty one publishes nothing. Their number does
not grow with the records: at most the pairs of feedable values (`ceiling`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from .. import addresses
from ..model.catalogue import Credential

JOINER = " · "  # between the two lists' titles


@dataclass(frozen=True)
class FeedList:
    """A list with a feed: the filters of the catalogue page that make it, its title by language."""

    filters: tuple[tuple[str, str], ...]  # (URL parameter, value), in the parameters' alphabetical order
    titles: dict[str, str]
    credentials: tuple[Credential, ...]

    @property
    def key(self) -> str:
        """'pathway/employment/sector/health': the list's folder under addresses.LISTS."""
        return "/".join(f"{param}/{value}" for param, value in self.filters)

    @property
    def folder(self) -> str:
        return addresses.combined_list(self.filters)

    def catalogue_url(self, lang: str, site_url: str) -> str:
        """The catalogue page showing this very list: what the feed follows."""
        return addresses.absolute(addresses.CATALOGUE, lang, site_url) + "?" + urlencode(self.filters)


def pairs_of(singles: list[FeedList]) -> list[FeedList]:
    """Every non-empty list two single lists of different URL parameters make, in a stable order;
    its credentials in the first list's order."""
    members = [{c.id for c in single.credentials} for single in singles]
    pairs = []
    for i, first in enumerate(singles):
        for j in range(i + 1, len(singles)):
            second = singles[j]
            if first.filters[0][0] == second.filters[0][0]:
                continue
            smaller, larger = (i, j) if len(members[i]) <= len(members[j]) else (j, i)
            common = members[smaller] & members[larger]
            if not common:
                continue
            ordered = sorted([first, second], key=lambda single: single.filters[0])
            pairs.append(
                FeedList(
                    filters=tuple(single.filters[0] for single in ordered),
                    titles={lang: JOINER.join(single.titles[lang] for single in ordered) for lang in first.titles},
                    credentials=tuple(c for c in first.credentials if c.id in common),
                )
            )
    return pairs


def ceiling(singles: list[FeedList]) -> int:
    """The most lists of two filters there can be, whatever the records: pairs of different parameters."""
    by_param: dict[str, int] = {}
    for single in singles:
        by_param[single.filters[0][0]] = by_param.get(single.filters[0][0], 0) + 1
    total = sum(by_param.values())
    return sum(n * (total - n) for n in by_param.values()) // 2
