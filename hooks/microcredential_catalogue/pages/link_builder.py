"""The link builder of the "Share a link" page: the catalogue's filters, for link-builder.js.

The page itself is written by hand (docs/links.*.md); the builder is generated, since its filters
and their labels come from the data, and the adapter puts it in place of MARKER.
"""

from __future__ import annotations

import posixpath

from .. import addresses
from ..model.catalogue import LANGUAGES
from ..model.facets import registry_of
from ..search.index import SearchAssets, filters
from .catalogue import search_data
from .render import Renderer
from .scripts import STEMMERS

MARKER = "<!-- catalogue:link-builder -->"
# The calendar's paragraph: said only when the calendar has an event (an empty one is not published).
CALENDAR_MARKER = "<!-- catalogue:calendar -->"
PAGE = addresses.LINKS
# The search words a link may carry: a sentence's worth. Longer, the link no longer fits a QR code
# that prints legibly, and the catalogue's box would not need it.
MAX_WORDS = 100
FEED_FILE = "feed.xml"  # beside each list page (sharing/feeds.py)


def link_builders(
    renderer: Renderer,
    search: SearchAssets,
    calendar: bool = False,
    qr_versions: dict[str, str] | None = None,
    feed_counts: dict[str, int] | None = None,
) -> dict[str, dict[str, str]]:
    """Each language's generated parts of the page: marker -> HTML. `search`: the files the
    builder counts the chosen list with; `calendar`: whether the start dates calendar is
    published (it is only when some credential has a start date); `qr_versions`: language ->
    "?v=…" of the catalogue's QR code, which the builder shows until a list is chosen;
    `feed_counts`: how many credentials each published list feed holds (Sharing.feed_counts),
    for the builder to find the feed of the list chosen, or the nearest one."""
    options = filters(renderer.catalogue, renderer.strings)
    return {
        lang: {
            MARKER: renderer.render(
                "link_builder.html",
                PAGE,
                lang,
                filters=options,
                data=search_data(search, lang),
                lunr=STEMMERS[lang],
                max_words=MAX_WORDS,
                feeds={
                    "singles": list_feeds(renderer.catalogue, options, lang),
                    "counts": feed_counts or {},
                    "lists": addresses.file_beside_from(PAGE, addresses.LISTS, "", lang),
                },
                catalogue_qr_version=(qr_versions or {}).get(lang, ""),
            ),
            CALENDAR_MARKER: renderer.render("_calendar_note.html", PAGE, lang, calendar=calendar_href(calendar, lang)),
        }
        for lang in LANGUAGES
    }


def list_feeds(catalogue, options, lang: str) -> dict[str, dict[str, str]]:
    """The Atom feed of each list one filter value makes (param -> value -> address from this
    page), where that list has one: its group page's feed, and the whole catalogue's new ones."""
    registry = registry_of(catalogue)
    feeds: dict[str, dict[str, str]] = {
        "": {"": addresses.file_beside_from(PAGE, addresses.SHARE_FOLDER, "new.xml", lang)}
    }
    with_feeds = {facet.param: facet.name for facet in registry.filters if facet.feeds}
    for filter_ in options:
        if filter_.param in with_feeds:
            feeds[filter_.param] = {
                option.key: addresses.file_beside_from(
                    PAGE, addresses.group_page(with_feeds[filter_.param], option.key), FEED_FILE, lang
                )
                for option in filter_.options
            }
    feeds.setdefault("cost", {})["free"] = addresses.file_beside_from(PAGE, addresses.FREE, FEED_FILE, lang)
    return feeds


def calendar_href(published: bool, lang: str) -> str | None:
    """The calendar's address from this page, when it is published."""
    if not published:
        return None
    return posixpath.relpath(
        addresses.url_beside(addresses.SHARE_FOLDER, addresses.CALENDAR_FILE, lang), addresses.url(PAGE, lang)
    )


def with_link_builder(html: str, parts: dict[str, str]) -> str:
    """A page's HTML with each generated part in place of its marker; a page without them is unchanged."""
    for marker, part in parts.items():
        html = html.replace(marker, part, 1)
    return html
