"""Browsing: the list of facets, a page per facet, a page per group, and the free credentials."""

from __future__ import annotations

from functools import cached_property

from .. import addresses
from ..model.facets import registry_of
from ..model.groups import Group, free_credentials, groups_of
from ..wording.after_colon import group_title
from .source import PageFamily, PageSource


class GroupPages(PageFamily):
    @cached_property
    def facet_groups(self) -> dict[str, list[Group]]:
        """Every group page of every facet: the same in both languages."""
        facets = registry_of(self.catalogue).with_pages
        return {facet.name: groups_of(facet, self.catalogue, self.renderer.strings) for facet in facets}

    def pages(self, lang: str) -> list[PageSource]:
        t = self.text
        pages = [
            self.page(
                addresses.BROWSE,
                lang,
                "browse.html",
                t("browse_title", lang),
                t("browse_lead", lang),
                facets=self.facet_groups,
            )
        ]
        for facet, groups in self.facet_groups.items():
            title = t(f"facet_{facet}", lang)
            pages.append(self.page(addresses.facet_page(facet), lang, "facet.html", title, facet=facet, groups=groups))
            pages.extend(self._group(facet, group, lang) for group in groups)
        free = free_credentials(self.catalogue)
        pages.append(
            self.page(addresses.FREE, lang, "free.html", t("free_title", lang), t("free_lead", lang), credentials=free)
        )
        return pages

    def _group(self, facet: str, group: Group, lang: str) -> PageSource:
        title = group_title(self.text, facet, group, lang)
        source = self.page(
            addresses.group_page(facet, group.key), lang, "group.html", title, facet=facet, group=group, heading=title
        )
        if not group.credentials:  # kept for links, but not offered to search engines (sitemap, robots)
            source.front_matter["noindex"] = True
        return source
