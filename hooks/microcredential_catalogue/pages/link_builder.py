"""The link builder of the "Share a link" page: the catalogue's filters, for link-builder.js.

The page itself is written by hand (docs/links.*.md); the builder is generated, since its filters
and their labels come from the data, and the adapter puts it in place of MARKER.
"""

from __future__ import annotations

from .. import addresses
from ..model.catalogue import LANGUAGES
from ..search.index import filters
from .render import Renderer

MARKER = "<!-- catalogue:link-builder -->"
PAGE = addresses.LINKS


def link_builders(renderer: Renderer) -> dict[str, str]:
    """The builder's HTML in each language (language -> HTML)."""
    options = filters(renderer.catalogue, renderer.strings)
    return {lang: renderer.render("link_builder.html", PAGE, lang, filters=options) for lang in LANGUAGES}


def with_link_builder(html: str, builder: str) -> str:
    """A page's HTML with the builder in place of its marker; a page without the marker is unchanged."""
    return html.replace(MARKER, builder, 1)
