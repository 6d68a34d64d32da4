"""Render pages through the Jinja templates in overrides/catalogue/ (never Python strings)."""

from __future__ import annotations

import posixpath
from functools import cached_property
from pathlib import Path

import markdown as markdown_lib
import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import addresses, formatting
from .groups import sort_key
from .model import Catalogue


class Renderer:
    """Templates plus the catalogue they speak of; one per build."""

    def __init__(self, templates_dir: Path, catalogue: Catalogue):
        self.templates_dir = Path(templates_dir)
        self.catalogue = catalogue
        self.strings = load_strings(self.templates_dir)
        # A credential appears in a dozen lists; its card is rendered once per (id, language, level, link).
        self._cards: dict[tuple, Markup] = {}
        self._facts: dict[tuple, list[str]] = {}

    @cached_property
    def environment(self) -> Environment:
        env = Environment(
            loader=FileSystemLoader(self.templates_dir),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.globals.update(
            money=formatting.money,
            number=formatting.number,
            day=formatting.day,
            partial_date=formatting.partial_date,
            markdown=_markdown,
            catalogue=self.catalogue,
            credential_page=addresses.credential_page,
        )
        return env

    def text(self, key: str, lang: str, **values) -> str:
        return self.strings[key][lang].format(**values)

    def card_facts(self, credential, lang: str) -> list[str]:
        """The short labels of a card (cost, delivery, hours, funding): on group pages and in search results."""
        key = (credential.id, lang)
        if key not in self._facts:
            self._facts[key] = self._card_facts(credential, lang)
        return self._facts[key]

    def card(self, credential, lang: str, href: str, level: int = 2) -> Markup:
        key = (credential.id, lang, href, level)
        if key not in self._cards:
            self._cards[key] = Markup(
                self.environment.get_template("_card.html").render(
                    c=credential,
                    lang=lang,
                    href=href,
                    level=level,
                    provider=self.catalogue.providers[credential.provider],
                    facts=self.card_facts(credential, lang),
                )
            )
        return self._cards[key]

    def _card_facts(self, credential, lang: str) -> list[str]:
        taxonomies = self.catalogue.taxonomies
        c = credential
        if c.cost_amount is None:
            cost = taxonomies.cost_unknown[lang]
        else:
            cost = self.text("free", lang) if c.cost_amount == 0 else formatting.money(c.cost_amount, lang)
        delivery = (
            taxonomies.label("delivery", c.delivery, lang) if c.delivery else self.text("delivery_not_specified", lang)
        )
        if c.hours is None:
            hours = taxonomies.hours_unknown[lang]
        elif c.hours == 1:
            hours = self.text("hours_value_one", lang)
        else:
            hours = self.text("hours_value", lang, n=formatting.number(c.hours, lang))
        return [cost, delivery, hours, *(taxonomies.label("funding", key, lang) for key in c.funding)]

    def render(self, template: str, page: str, lang: str, **context) -> str:
        taxonomies = self.catalogue.taxonomies

        def link(to_page: str, fragment: str = "") -> str:
            return addresses.relative(page, to_page, lang, fragment)

        def asset(path: str) -> str:
            """A file under docs/ (one copy for both languages), linked relatively from this page."""
            return posixpath.relpath(path, addresses.url(page, lang) or ".")

        return self.environment.get_template(template).render(
            lang=lang,
            page=page,
            colon="\u00a0:" if lang == "fr" else ":",  # French puts a no-break space before a colon
            t=lambda key, **values: self.text(key, lang, **values),
            label=lambda vocabulary, key: taxonomies.label(vocabulary, key, lang),
            link=link,
            asset=asset,
            card_facts=lambda credential: self.card_facts(credential, lang),
            card=lambda credential, level=2: self.card(
                credential, lang, link(addresses.credential_page(credential.id)), level
            ),
            by_title=lambda credentials: sorted(credentials, key=lambda c: sort_key(c.title[lang])),
            provider_of=lambda credential: self.catalogue.providers[credential.provider],
            **context,
        )


def load_strings(templates_dir: Path) -> dict:
    """The site's own words in both languages: overrides/locales/catalogue.yml."""
    path = Path(templates_dir).parent / "locales" / "catalogue.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


_MARKDOWN = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")


def _markdown(text: str) -> Markup:
    """An editor's description (Markdown, HTML already refused by validation) as HTML."""
    _MARKDOWN.reset()
    return Markup(_MARKDOWN.convert(text))
