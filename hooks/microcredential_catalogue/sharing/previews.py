"""The image a link preview shows (Open Graph): the site's, and one per credential."""

from __future__ import annotations

from functools import partial

from .. import addresses
from ..model.catalogue import Credential
from ..pages.files import Drawing
from .context import ShareContext
from .preview_image import PreviewCard, draw_preview


class PreviewImages:
    def __init__(self, context: ShareContext):
        self.context = context

    def home(self, lang: str) -> None:
        """The site's own image, also the one of every page without its own."""
        t = self.context.text
        card = PreviewCard(t("site_name", lang), (t("preview_tagline", lang),), "")
        self._preview(addresses.SHARE_FOLDER, "", lang, card)

    def credential(self, credential: Credential, lang: str) -> None:
        page = addresses.credential_page(credential.id)
        provider = self.context.catalogue.providers[credential.provider]
        # The image shows the lines that fit under the title; its alternative text says every line.
        lines = (provider.name[lang], *self.context.facts.key_lines(credential, lang))
        card = PreviewCard(credential.title[lang], lines, self.context.text("site_name", lang))
        self._preview(page, page, lang, card)

    def _preview(self, folder: str, page: str, lang: str, card: PreviewCard) -> None:
        # Drawn only when the build finds no file of that name: the name is a digest of the card.
        self.context.files[addresses.file_beside(folder, card.file_name, lang)] = Drawing(partial(draw_preview, card))
        extras = self.context.extras_of(page, lang)
        extras.image = addresses.url_beside(folder, card.file_name, lang)
        extras.image_alt = " — ".join((card.title, *card.lines))
