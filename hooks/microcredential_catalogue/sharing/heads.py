"""What each page's head carries beyond the theme's, and the one-page sitemap beside it: all the
pages' own events need of the shared files, small enough to keep between builds
(building/kept_build.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import addresses
from ..model.catalogue import LANGUAGES
from ..pages.render import Renderer
from .context import PageExtras, page_sitemap
from .preview_image import SIZE


@dataclass
class PageHeads:
    extras: dict[tuple[str, str], PageExtras]  # (page, language) -> its head's additions
    renderer: Renderer
    site_url: str
    catalogue_qr_versions: dict[str, str]  # language -> "?v=…" of the catalogue's QR code

    def head(self, page_url: str, title: str, description: str) -> dict:
        """Every value the head partial prints for the page at `page_url` (site-relative)."""
        page, lang = addresses.page_of_url(page_url)
        site = self.extras[("", lang)]
        extras = self.extras.get((page, lang)) or site
        other = next(code for code in LANGUAGES if code != lang)
        site_name = self.renderer.text("site_name", lang)
        site_url = self.site_url
        return {
            "title": title if title and page != addresses.HOME else site_name,  # a preview of the site names it
            "description": description,
            "url": addresses.absolute(page, lang, site_url),
            "site_name": site_name,
            "locale": addresses.LOCALES[lang],
            "locale_alternate": addresses.LOCALES[other],
            "alternates": addresses.alternates(page, site_url),
            "image": site_url + (extras.image or site.image),
            "image_alt": extras.image_alt or site.image_alt,
            "image_width": SIZE[0],
            "image_height": SIZE[1],
            "jsonld": extras.jsonld,
            "feeds": [(feed_title, site_url + feed_url, feed_url) for feed_title, feed_url in extras.feeds],
        }

    def page_sitemap(self, page: str, lang: str) -> str:
        """The one-page sitemap Material's language selector fetches beside a page."""
        return page_sitemap(self.renderer, page, lang, self.site_url)
