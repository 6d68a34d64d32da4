"""Render pages through the Jinja templates in overrides/catalogue/ (never Python strings)."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path

import markdown as markdown_lib
import nh3
import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import addresses
from ..model.catalogue import Catalogue, Credential
from ..model.facets import registry_of, sort_key
from ..model.stale import add_months
from ..wording import formatting

# The facts a learner needs before enrolling; a card says "details to confirm" when one is unknown.
KEY_FACTS = ("cost", "hours", "delivery")


# Named in the <iframe> code networks paste on their own sites: its address must not change.
UNVERSIONED_SCRIPTS = frozenset({"embed-host.js"})


class Renderer:
    """Templates plus the catalogue they speak of; one per build."""

    def __init__(
        self, templates_dir: Path, catalogue: Catalogue, today: date | None = None, scripts_dir: Path | None = None
    ):
        self.templates_dir = Path(templates_dir)
        self.scripts_dir = scripts_dir  # docs/assets/javascripts: each script a page names gets its version
        self.catalogue = catalogue
        self.today = today or date.today()  # information older than the threshold on this day is flagged
        self.strings = load_strings(self.templates_dir)
        # A credential appears in a dozen lists; its card is rendered once per (id, language, level, link).
        self._cards: dict[tuple, Markup] = {}
        self._facts: dict[tuple, list[str]] = {}
        self._script_versions: dict[str, str] = {}

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
            addresses=addresses,
            facet_registry=registry_of(self.catalogue),
        )
        return env

    def script_version(self, name: str) -> str:
        """ "?v=…" from the script's content, so a returning reader never runs yesterday's script
        against today's page. Not for the script other sites' pages name (their snippet stays as pasted)."""
        if self.scripts_dir is None or name in UNVERSIONED_SCRIPTS:
            return ""
        if name not in self._script_versions:
            text = (self.scripts_dir / name).read_text(encoding="utf-8")
            self._script_versions[name] = "?v=" + addresses.content_version(text)
        return self._script_versions[name]

    def text(self, key: str, lang: str, **values) -> str:
        return self.strings[key][lang].format(**values)

    def card_facts(self, credential, lang: str) -> list[str]:
        """A card's short labels (paused, cost, delivery, hours…): on group pages and in search results."""
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
        """Paused first; then known facts only, then one mark for missing key facts and one for
        old information. The one wording of these facts: group pages and search results alike."""
        c = credential
        taxonomies = self.catalogue.taxonomies
        facts = [self.text("status_paused", lang)] if c.status == "paused" else []
        if c.cost_amount is not None:
            facts.append(self.text("free", lang) if c.is_free else formatting.money(c.cost_amount, lang))
        if c.delivery:
            facts.append(taxonomies.label("delivery", c.delivery, lang))
        if c.hours is not None:
            facts.append(self.hours_text(c.hours, lang))
        facts.extend(self.funding_text(key, lang) for key in c.funding)
        facts.extend(taxonomies.short_label("sectors", key, lang) for key in c.sectors)
        if self.unknown_facts(c, KEY_FACTS):
            facts.append(self.text("card_details_to_confirm", lang))
        if self.is_old(c):
            facts.append(self.text("card_old", lang, year=c.information_date.year))
        return facts

    def hours_text(self, hours: int, lang: str) -> str:
        if hours == 1:
            return self.text("hours_value_one", lang)
        return self.text("hours_value", lang, n=formatting.number(hours, lang))

    def funding_text(self, key: str, lang: str) -> str:
        """ "OSAP (2021 list)": an eligibility is only as good as the list it comes from."""
        term = self.catalogue.taxonomies.terms("funding")[key]
        if term.year is None:
            return term.label[lang]
        return self.text("funding_with_year", lang, label=term.label[lang], year=term.year)

    def is_old(self, credential: Credential) -> bool:
        """Information older than settings.stale_after_months (data/taxonomies.yml) on the build day."""
        limit = self.catalogue.taxonomies.stale_after_months
        return self.today > add_months(credential.information_date.earliest(), limit)

    @staticmethod
    def unknown_facts(credential: Credential, fields=None) -> list[str]:
        """The facts a record leaves out, by name, in the order the credential page lists them."""
        known = {
            "cost": credential.cost_amount is not None or credential.cost_note is not None,
            "hours": credential.hours is not None,
            "delivery": credential.delivery is not None,
            "languages": bool(credential.languages),
            "regions": bool(credential.regions) or credential.delivery == "online",
            "intake": credential.intake_continuous or bool(credential.intake_dates),
            "audiences": bool(credential.audiences),
            "award": credential.award is not None,
            "prerequisites": credential.prerequisites is not None,
            "assessment": credential.assessment is not None,
        }
        return [name for name, is_known in known.items() if not is_known and (fields is None or name in fields)]

    def render(self, template: str, page: str, lang: str, **context) -> str:
        taxonomies = self.catalogue.taxonomies

        def link(to_page: str, fragment: str = "") -> str:
            return addresses.relative(page, to_page, lang, fragment)

        return self.environment.get_template(template).render(
            lang=lang,
            page=page,
            colon="\u00a0:" if lang == "fr" else ":",  # French puts a no-break space before a colon
            t=lambda key, **values: self.text(key, lang, **values),
            label=lambda vocabulary, key: taxonomies.label(vocabulary, key, lang),
            link=link,
            asset=lambda path: addresses.file_from(page, lang, path),
            script=lambda name: addresses.file_from(page, lang, addresses.script(name)) + self.script_version(name),
            card_facts=lambda credential: self.card_facts(credential, lang),
            card=lambda credential, level=2: self.card(
                credential, lang, link(addresses.credential_page(credential.id)), level
            ),
            by_title=lambda credentials: sorted(credentials, key=lambda c: sort_key(c.title[lang])),
            provider_of=lambda credential: self.catalogue.providers[credential.provider],
            short_label=lambda vocabulary, key: taxonomies.short_label(vocabulary, key, lang),
            funding_text=lambda key: self.funding_text(key, lang),
            hours_text=lambda hours: self.hours_text(hours, lang),
            is_old=self.is_old,
            unknown_facts=self.unknown_facts,
            site=self.catalogue.site,
            age_limit_months=taxonomies.stale_after_months,
            **context,
        )


def load_strings(templates_dir: Path) -> dict:
    """The site's own words in both languages: overrides/locales/catalogue.yml."""
    path = Path(templates_dir).parent / "locales" / "catalogue.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# An editor's description may use Markdown's paragraphs, emphasis, code, lists, quotes and links,
# nothing else: whatever Python-Markdown makes of a text, nh3 (ammonia, a maintained sanitiser)
# keeps only these tags, and links only to these schemes, judged after entities, tabs and
# newlines are decoded as a browser would (so `&#106;avascript:` and `java<TAB>script:` go too).
# Images go (a picture from another host is a request to it), and so do relative links.
DESCRIPTION_TAGS = frozenset({"p", "br", "strong", "em", "code", "ul", "ol", "li", "blockquote", "a"})
DESCRIPTION_ATTRIBUTES = {"a": {"href", "title"}}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "external noopener"  # every link that survives leads to another site


def _description_markdown() -> markdown_lib.Markdown:
    """Python-Markdown that writes raw HTML as text: `<b>` shows as typed instead of becoming a tag."""
    converter = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


_MARKDOWN = _description_markdown()


def _markdown(text: str) -> Markup:
    """An editor's description (Markdown) as HTML that holds only the allowed tags and links."""
    _MARKDOWN.reset()
    return Markup(sanitise(_MARKDOWN.convert(text)))


def sanitise(html: str) -> str:
    # The sanitiser writes a no-break space as "&nbsp;"; the character itself is the same text,
    # keeps French typography readable in the page source and cannot open markup.
    return _clean(html).replace("&nbsp;", "\u00a0")


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(DESCRIPTION_TAGS),
        clean_content_tags={"script", "style"},
        attributes=DESCRIPTION_ATTRIBUTES,
        url_schemes=set(LINK_SCHEMES),
        url_relative="deny",
        link_rel=LINK_REL,
        strip_comments=True,
    )
