"""What every maker of shared files needs: the catalogue, its words, the site's address, and
where the files and each page's head additions go."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import addresses
from ..model.catalogue import Catalogue, Credential
from ..pages.files import Asset
from ..pages.render import Renderer
from ..wording.facts import FactWording


@dataclass
class PageExtras:
    """What a page's head carries beyond title and description."""

    image: str = ""  # site-relative URL of its preview image
    image_alt: str = ""
    jsonld: list[str] = field(default_factory=list)  # ready for <script type="application/ld+json">
    feeds: list[tuple[str, str]] = field(default_factory=list)  # (title, site-relative URL)


class ShareContext:
    def __init__(self, catalogue: Catalogue, renderer: Renderer, site_url: str):
        self.catalogue = catalogue
        self.renderer = renderer
        self.site_url = site_url.rstrip("/") + "/"
        self.files: dict[str, Asset] = {}  # docs-relative path -> content, or the Drawing that makes it
        self.extras: dict[tuple[str, str], PageExtras] = {}  # (page, language) -> its head's additions
        self.calendar_events: dict[str, dict[str, bytes]] = {}  # language -> credential id -> its events

    def extras_of(self, page: str, lang: str) -> PageExtras:
        return self.extras.setdefault((page, lang), PageExtras())

    def text(self, key: str, lang: str, **values) -> str:
        return self.renderer.text(key, lang, **values)

    def page_url(self, page: str, lang: str) -> str:
        return addresses.absolute(page, lang, self.site_url)

    def credential_url(self, credential: Credential, lang: str) -> str:
        return self.page_url(addresses.credential_page(credential.id), lang)

    @property
    def facts(self) -> FactWording:
        """The one wording of a credential's facts (wording/facts.py), as the pages use it."""
        return self.renderer.facts

    def statement(self, credential: Credential, lang: str) -> str:
        """Provider · cost · length · delivery · age: what every shared copy says of a credential."""
        provider = self.catalogue.providers[credential.provider].name[lang]
        return self.facts.statement(credential, lang, provider)

    def page_sitemap(self, page: str, lang: str) -> str:
        return page_sitemap(self.renderer, page, lang, self.site_url)


def page_sitemap(renderer: Renderer, page: str, lang: str, site_url: str) -> str:
    """A one-page sitemap published in the folder of `page`.

    Material fetches "sitemap.xml" relative to every <link rel="alternate"> of a page (it
    expects each to be a language's root); serving one beside every page, and beside every
    feed, means those requests find a real file.
    """
    return renderer.environment.get_template("page-sitemap.xml").render(
        url=addresses.absolute(page, lang, site_url), alternates=addresses.alternates(page, site_url)
    )
