"""The search page, with the first results already in it, and its embeddable twin."""

from __future__ import annotations

from dataclasses import replace

from .. import addresses
from ..model.catalogue import Catalogue
from ..model.facets import registry_of
from ..model.groups import groups_of
from ..search.index import FIRST_PAGE, SearchAssets, filters, title_order
from ..wording import formatting
from .render import Renderer
from .scripts import PageScripts
from .source import PageFamily, PageSource

# The card the script fills in for each result: every value empty, in the page's language.
_BLANK_CARD = {"title": "", "summary": "", "name": ""}


def search_data(search: SearchAssets, lang: str) -> dict[str, str]:
    """The search files, named with their version so a new build is never read from a stale cache."""
    files = (("index", search.index_file[lang]), ("facets", search.records_file[lang]))
    return {name: f"{path}?v={search.version(path)}" for name, path in files}


class CataloguePages(PageFamily):
    def __init__(self, catalogue: Catalogue, renderer: Renderer, search: SearchAssets, scripts: PageScripts | None):
        super().__init__(catalogue, renderer)
        self.search = search
        self.scripts = scripts

    def pages(self, lang: str) -> list[PageSource]:
        return [self._catalogue(lang), self._embed(lang)]

    def _data(self, lang: str) -> dict[str, str]:
        return search_data(self.search, lang)

    def _preloads(self, page: str, lang: str) -> list[dict[str, str]]:
        """What the page's head asks for at once, beside the theme's stylesheets, before search
        can answer: the index manifest (the script is in the page). Found later in the body, it
        waited for the stylesheets on a slow link, then for free connections (bench/RESULTS.md)."""
        return [{"href": addresses.file_from(page, lang, self._data(lang)["index"]), "as": "fetch"}]

    def _early_shards(self, page: str, lang: str) -> dict:
        """The shard names a page's head reads to ask at once for the shards of the words in its
        address (partials/javascripts/early-shards.html): on a slow link they were asked for only
        once the script had arrived and run, a round trip later (bench/RESULTS.md)."""
        index = addresses.file_from(page, lang, self._data(lang)["index"])
        return {"index": index, **self.search.shard_map(lang)}

    def _catalogue(self, lang: str) -> PageSource:
        source = self.page(
            addresses.CATALOGUE,
            lang,
            "catalogue.html",
            self.text("catalogue_title", lang),
            self.text("catalogue_lead", lang),
            hide=("navigation", "toc"),
            filters=filters(self.catalogue, self.renderer.strings),
            browse_groups=self._browse_groups(),
            data=self._data(lang),
            page_script=self.scripts.inline("catalogue.js", lang),
            **self._first_results(lang),
        )
        head = {
            "preloads": self._preloads(addresses.CATALOGUE, lang),
            "early_shards": self._early_shards(addresses.CATALOGUE, lang),
        }
        return replace(source, front_matter={**source.front_matter, **head})

    def _embed(self, lang: str) -> PageSource:
        """The list a network puts in an <iframe>: the catalogue's filters, from the same URL
        parameters and data, without the site's chrome (overrides/embedded.html)."""
        page = addresses.EMBED_PAGE
        offered = filters(self.catalogue, self.renderer.strings)  # the catalogue page's very options
        body = self.renderer.render(
            "embed.html",
            page,
            lang,
            params=[f.param for f in offered],
            options={f.param: [option.key for option in f.options] for f in offered},
            data=self._data(lang),
            page_script=self.scripts.inline("embed.js", lang),
            blank_card=_blank_card(lang),
            page_size=FIRST_PAGE,
        )
        front = {
            "title": self.text("embed_title", lang),
            "description": self.text("embed_title", lang),
            "template": "embedded.html",
            "prerendered": True,
            "preloads": self._preloads(page, lang),
            "early_shards": self._early_shards(page, lang),
        }
        return PageSource(page, lang, front, body)

    def _browse_groups(self) -> list:
        """The sector groups that hold something, biggest first: where a dead end points."""
        sectors = registry_of(self.catalogue)["sectors"]
        groups = [
            g for g in groups_of(sectors, self.catalogue, self.renderer.strings, with_unknown=False) if g.credentials
        ]
        return sorted(groups, key=lambda g: -len(g.credentials))

    def _first_results(self, lang: str) -> dict:
        """The first page of an empty search, in the page itself: results before any data loads."""
        listed = title_order(self.catalogue, lang)
        first_page = [
            {
                "credential": c,
                "provider_line": self.catalogue.provider_line(c, lang),
                "href": addresses.relative(addresses.CATALOGUE, addresses.credential_page(c.id), lang),
                "facts": list(self.renderer.card_facts(c, lang)),
            }
            for c in listed[:FIRST_PAGE]
        ]
        count = len(listed)
        key = "results_count_none" if count == 0 else "results_count_one" if count == 1 else "results_count"
        return {
            "first_page": first_page,
            "count_text": self.text(key, lang, n=formatting.number(count, lang)),
            "more_than_first_page": count > FIRST_PAGE,
            "blank_card": _blank_card(lang),
            "page_size": FIRST_PAGE,
        }


def _blank_card(lang: str) -> dict:
    return {name: {lang: value} for name, value in _BLANK_CARD.items()}
