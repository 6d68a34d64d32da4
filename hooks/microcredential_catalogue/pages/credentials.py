"""A page per credential, and a redirect from each of its earlier addresses (aliases)."""

from __future__ import annotations

from datetime import date

from .. import addresses
from ..model.catalogue import Catalogue, Credential
from .render import Renderer
from .source import PageFamily, PageSource


class CredentialPages(PageFamily):
    def __init__(self, catalogue: Catalogue, renderer: Renderer, today: date):
        super().__init__(catalogue, renderer)
        self.today = today  # the share box names the next start date from this day
        self.sharing = None  # set by the build: the share box of each page (share.Sharing)

    def pages(self, lang: str) -> list[PageSource]:
        credentials = self.catalogue.credentials
        return [*(self._credential(c, lang) for c in credentials), *self._aliases(lang)]

    def _credential(self, credential: Credential, lang: str) -> PageSource:
        leads_here = [self.catalogue.credential(i) for i in self.catalogue.leads_here.get(credential.id, ())]
        share = self.sharing.box(credential, lang, self.today) if self.sharing else None
        source = self.page(
            addresses.credential_page(credential.id),
            lang,
            "credential.html",
            credential.title[lang],
            self.renderer.facts.description(credential, lang),  # the summary and the key facts
            credential=credential,
            leads_here=leads_here,
            share=share,
        )
        if not credential.is_listed:  # discontinued: kept for old links, out of search engines and the sitemap
            source.front_matter["noindex"] = True
        if share:  # on paper, the page's QR code beside its printed address (overrides/main.html)
            source.front_matter["print_qr"] = share["qr"]
        return source

    def _aliases(self, lang: str) -> list[PageSource]:
        pages = []
        for credential in self.catalogue.credentials:
            target = addresses.credential_page(credential.id)
            for alias in credential.aliases:
                page = addresses.credential_page(alias)
                front = {
                    "title": credential.title[lang],
                    "template": "redirect.html",
                    "redirect": addresses.relative(page, target, lang),
                    "redirect_text": self.text("redirect_text", lang),
                }
                pages.append(PageSource(page, lang, front, ""))
        return pages
