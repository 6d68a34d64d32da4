"""Structured data (JSON-LD) search engines read: a course per credential, a list per group page."""

from __future__ import annotations

from .. import addresses
from ..model.catalogue import Credential
from ..model.groups import sort_key
from ..wording.typography import french_text
from . import schema_org
from .context import ShareContext


class StructuredData:
    def __init__(self, context: ShareContext):
        self.context = context

    def course(self, credential: Credential, lang: str) -> None:
        page = addresses.credential_page(credential.id)
        url = self.context.page_url(page, lang)
        description = self.context.facts.description(credential, lang)
        image = self.context.extras_of(page, lang).image  # drawn first (sharing/plan.py)
        image_url = self.context.site_url + image if image else ""
        data = schema_org.course(credential, lang, url, self.context.catalogue, description, image_url)
        self.context.extras_of(page, lang).jsonld.append(schema_org.script_json(_typeset(data, lang)))

    def item_list(self, page: str, lang: str, title: str, credentials) -> None:
        ordered = sorted(credentials, key=lambda c: sort_key(c.title[lang]))
        items = [(c.title[lang], self.context.credential_url(c, lang)) for c in ordered]
        data = schema_org.item_list(title, self.context.page_url(page, lang), items)
        self.context.extras_of(page, lang).jsonld.append(schema_org.script_json(_typeset(data, lang)))


def _typeset(node, lang: str):
    """French strings with the page's unbreakable spaces: the typography pass skips <script>, yet a
    search engine shows these names and notes as the page's words. URLs, dates and codes hold no
    written space, so they come out unchanged."""
    if lang != "fr":
        return node
    if isinstance(node, dict):
        return {key: _typeset(value, lang) for key, value in node.items()}
    if isinstance(node, list):
        return [_typeset(value, lang) for value in node]
    return french_text(node) if isinstance(node, str) else node
