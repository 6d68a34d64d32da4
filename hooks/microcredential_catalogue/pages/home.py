"""The home page: ways in by need, the newest records, and how old the information is."""

from __future__ import annotations

from .. import addresses
from ..model.facets import registry_of
from ..model.groups import free_credentials, groups_of
from .source import PageFamily, PageSource

# The facets the home page offers as ways in, by need.
HOME_WAYS_IN = ("delivery", "pathways", "sectors", "campus")


class HomePage(PageFamily):
    def pages(self, lang: str) -> list[PageSource]:
        return [
            self.page(
                addresses.HOME,
                lang,
                "home.html",
                self.text("site_name", lang),
                self.text("home_lead", lang),
                hide=("navigation", "toc"),
                **self._context(),
            )
        ]

    def _context(self) -> dict:
        listed = self.catalogue.listed
        newest_first = sorted(listed, key=lambda c: (c.added.earliest(), c.id), reverse=True)
        registry = registry_of(self.catalogue)
        return {
            "recent": newest_first[:6],
            "free_count": len(free_credentials(self.catalogue)),
            "ways": {
                name: groups_of(registry[name], self.catalogue, self.renderer.strings, with_unknown=False)
                for name in HOME_WAYS_IN
            },
            "oldest": min(listed, key=lambda c: c.information_date.earliest(), default=None),
            "newest": max(listed, key=lambda c: c.information_date.earliest(), default=None),
            "old_count": sum(1 for c in listed if self.renderer.is_old(c)),
            "listed_count": len(listed),
            "known": known_facts(listed),
        }


def known_facts(credentials) -> dict[str, int]:
    """How many records give each fact the home page speaks of: it claims only what the data holds."""
    return {
        "cost": sum(1 for c in credentials if c.cost_amount is not None),
        "hours": sum(1 for c in credentials if c.hours is not None),
        "delivery": sum(1 for c in credentials if c.delivery),
    }
