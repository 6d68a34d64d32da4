"""Render pages through the Jinja templates in overrides/catalogue/ (never Python strings)."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path

import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.loaders import split_template_path
from markupsafe import Markup

from .. import addresses
from ..model.catalogue import Catalogue, Credential
from ..model.facets import registry_of, sort_key
from ..reading import markdown_text
from ..reading.problems import DataInvalid, Problem, field_path
from ..reading.project_files import unsafe_file
from ..reading.yaml_file import UnreadableFile, read_text, read_yaml
from ..wording import formatting
from ..wording.after_colon import lowercase_first
from ..wording.facts import FactWording, have_start_dates, unknown_facts
from ..wording.site_settings import with_site_name
from . import minify
from .compiled_templates import compiled_templates

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
        self.strings = with_site_name(load_strings(self.templates_dir), catalogue.site)
        self.facts = FactWording(self.strings, catalogue.taxonomies, self.today)
        # A credential appears in a dozen lists; its card is rendered once per (id, language, level, link).
        self._cards: dict[tuple, Markup] = {}
        self._facts: dict[tuple, list[str]] = {}
        self._script_versions: dict[str, str] = {}

    def __getstate__(self) -> dict:
        """What makes it, not what it made: its templates are compiled again, its caches refilled
        (a build kept between builds, building/kept_build.py)."""
        return {
            "templates_dir": self.templates_dir,
            "catalogue": self.catalogue,
            "today": self.today,
            "scripts_dir": self.scripts_dir,
        }

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)

    @cached_property
    def environment(self) -> Environment:
        env = Environment(
            loader=PlainFileLoader(self.templates_dir),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=compiled_templates(),
        )
        env.globals.update(
            money=formatting.money,
            number=formatting.number,
            day=formatting.day,
            partial_date=formatting.partial_date,
            lowercase_first=lowercase_first,
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
        if name not in self._script_versions:  # made from what the site serves: the script minified
            docs_dir = self.scripts_dir.parents[addresses.SCRIPTS.count("/")]  # the folder above assets/javascripts
            text = minify.served_file(docs_dir, addresses.script(name))
            self._script_versions[name] = "?v=" + addresses.content_version(text)
        return self._script_versions[name]

    def text(self, key: str, lang: str, **values) -> str:
        return self.strings[key][lang].format(**values)

    def card_facts(self, credential, lang: str) -> list[str]:
        """A card's short labels (paused, cost, delivery, hours…): on group pages and in search results."""
        key = (credential.id, lang)
        if key not in self._facts:
            self._facts[key] = self.facts.card_facts(credential, lang)
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
                    provider_line=self.catalogue.provider_line(credential, lang),
                    facts=self.card_facts(credential, lang),
                )
            )
        return self._cards[key]

    def hours_text(self, hours: int, lang: str) -> str:
        return self.facts.hours_text(hours, lang)

    def funding_text(self, key: str, lang: str) -> str:
        return self.facts.funding_text(key, lang)

    def is_old(self, credential: Credential) -> bool:
        return self.facts.is_old(credential)

    @staticmethod
    def unknown_facts(credential: Credential, fields=None) -> list[str]:
        return unknown_facts(credential, fields)

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
            published_file=lambda folder, name: addresses.file_beside_from(page, folder, name, lang),
            have_start_dates=have_start_dates,
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
            age_of=lambda credential: self.facts.age(credential, lang),
            cost_text=lambda credential: self.facts.cost(credential, lang),
            unknown_facts=self.unknown_facts,
            site=self.catalogue.site,
            age_limit_months=taxonomies.stale_after_months,
            **context,
        )


class PlainFileLoader(FileSystemLoader):
    """Templates from plain files only: a link committed in place of a template would put the file
    it points to in every page, and a pipe would hang the build."""

    def get_source(self, environment, template):
        folder = Path(self.searchpath[0])
        path = folder.joinpath(*split_template_path(template))
        problem = unsafe_file(path, folder.parent.parent) if path.exists() or path.is_symlink() else None
        if problem:
            name = path.relative_to(folder.parent.parent).as_posix()
            raise DataInvalid([Problem(name, 1, "", problem)])
        return super().get_source(environment, template)


def load_strings(templates_dir: Path) -> dict:
    """The site's own words in both languages: overrides/locales/catalogue.yml, read through the
    data files' guards (no link, pipe or folder, a size cap, UTF-8, one line per problem)."""
    overrides = Path(templates_dir).parent
    path = overrides / "locales" / "catalogue.yml"
    name = path.relative_to(overrides.parent).as_posix()
    try:
        doc = read_yaml(read_text(path))
    except UnreadableFile as unreadable:
        raise DataInvalid([Problem(name, unreadable.line, "", unreadable.message)]) from None
    if doc.errors or not isinstance(doc.data, dict):
        found = doc.errors or [(1, (), "must map each word's key to its French and English text")]
        raise DataInvalid([Problem(name, line, field_path(where), message) for line, where, message in found])
    return doc.data


# An editor's description may use Markdown's paragraphs, emphasis, code, lists, quotes and links,
# nothing else: `catalogue check` refuses the rest with its line (reading/markdown_text.py), and
# whatever the parser makes of a text, nh3 (ammonia, a maintained sanitiser) keeps only these tags,
# and links only to these schemes, judged after entities, tabs and newlines are decoded as a
# browser would (so `&#106;avascript:` and `java<TAB>script:` go too): a second guard, should a
# text ever reach a page without being checked.
DESCRIPTION_TAGS = frozenset({"p", "br", "strong", "em", "code", "ul", "ol", "li", "blockquote", "a"})
DESCRIPTION_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
LINK_SCHEMES = markdown_text.LINK_SCHEMES
LINK_REL = "external noopener"  # every link that survives leads to another site


def _markdown(text: str) -> Markup:
    """An editor's description (Markdown) as HTML that holds only the allowed tags and links."""
    return Markup(sanitise(markdown_text.html(text)))


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
