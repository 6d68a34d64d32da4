"""Decide every page the data implies, and write each as a Markdown file for the site generator.

Pages are real files under docs/ (in folders git ignores) because mkdocs-static-i18n cannot
handle in-memory pages. A file is rewritten only when its content changed, so `mkdocs serve`
does not loop, and files no longer implied by the data are removed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from . import addresses, formatting
from .facets import registry_of
from .field_docs import field_docs
from .groups import free_credentials, groups_of
from .model import LANGUAGES, Catalogue
from .render import Renderer
from .search_index import DATA_FOLDER, FIRST_PAGE, SearchAssets, filters, title_order
from .stale import stale_records

# Characters a YAML reader does not take raw inside a quoted scalar: DEL and the C1 controls are
# not printable, and U+0085, U+2028 and U+2029 are line breaks it would fold into spaces or
# newlines. json.dumps leaves them raw (ensure_ascii=False); written as \uXXXX they stay exact.
_YAML_RAW_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")
# mkdocs-static-i18n splits every page's Markdown with str.splitlines, which also breaks lines at
# U+2028 and U+2029: in the HTML body they are written as character references, the same text.
_SPLITLINES_BREAKS = {0x2028: "&#x2028;", 0x2029: "&#x2029;"}

# Everything under these folders of docs/ is generated; nothing else is ever deleted.
GENERATED_FOLDERS = ("mc", "browse", "editors", DATA_FOLDER, addresses.SHARE_FOLDER)


@dataclass(frozen=True)
class PageSource:
    page: str  # logical address, see addresses.py
    lang: str
    front_matter: dict
    body: str

    @property
    def file(self) -> str:
        return addresses.source_file(self.page, self.lang)

    @property
    def text(self) -> str:
        # JSON strings are valid YAML scalars, and json.dumps is ~50× faster than yaml.safe_dump.
        fields = self.front_matter.items()
        header = "".join(f"{key}: {_yaml_scalar(value)}\n" for key, value in fields)
        return f"---\n{header}---\n\n{self.body.translate(_SPLITLINES_BREAKS)}\n"


def _yaml_scalar(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_RAW_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# The facets the home page offers as ways in, by need.
HOME_WAYS_IN = ("delivery", "pathways", "sectors", "regions")


class SitePlan:
    """Every generated page of a catalogue, in both languages."""

    def __init__(
        self,
        catalogue: Catalogue,
        renderer: Renderer,
        search: SearchAssets,
        *,
        today: date | None = None,
        project_root: Path | None = None,
    ):
        self.catalogue = catalogue
        self.renderer = renderer
        self.search = search
        self.sharing = None  # set by the build: the share box of credential pages (share.Sharing)
        self.today = today or date.today()  # the editors' page lists records stale on this day
        # The field documentation reads the schema: by default the project that holds overrides/catalogue/.
        self.project_root = Path(project_root or renderer.templates_dir.parent.parent)

    def pages(self) -> list[PageSource]:
        pages = []
        for lang in LANGUAGES:
            pages.append(self._home(lang))
            pages.append(self._catalogue(lang))
            pages.append(self._embed(lang))
            pages.extend(self._credential(c, lang) for c in self.catalogue.credentials)
            pages.extend(self._aliases(lang))
            pages.extend(self._browse(lang))
            pages.extend(self._editors(lang))
        return pages

    def _page(self, page, lang, template, title, description="", hide=("navigation",), **context):
        body = self.renderer.render(template, page, lang, **context)
        # "prerendered": the body is finished HTML, see on_page_markdown in hooks/mkdocs_catalogue.py.
        front = {"title": title, "description": description or title, "hide": list(hide), "prerendered": True}
        return PageSource(page, lang, front, body)

    def _home(self, lang: str) -> PageSource:
        t = self.renderer.text
        return self._page(
            addresses.HOME,
            lang,
            "home.html",
            t("site_name", lang),
            t("home_lead", lang),
            hide=("navigation", "toc"),
            **self._home_context(),
        )

    def _home_context(self) -> dict:
        """Ways in by need (with counts), the newest records, and how old the information is."""
        listed = self.catalogue.listed
        newest_first = sorted(listed, key=lambda c: (c.added.earliest(), c.id), reverse=True)
        dates = sorted(c.information_date.earliest() for c in listed)
        return {
            "recent": newest_first[:6],
            "free_count": len(free_credentials(self.catalogue)),
            "ways": {
                name: self._groups(registry_of(self.catalogue)[name], with_unknown=False) for name in HOME_WAYS_IN
            },
            "oldest": min(listed, key=lambda c: c.information_date.earliest(), default=None),
            "newest": max(listed, key=lambda c: c.information_date.earliest(), default=None),
            "old_count": sum(1 for c in listed if self.renderer.is_old(c)),
            "listed_count": len(dates),
        }

    def _catalogue(self, lang: str) -> PageSource:
        t = self.renderer.text
        data = {
            name: f"{path}?v={self.search.version(path)}"
            for name, path in (("index", self.search.index_file[lang]), ("facets", self.search.records_file[lang]))
        }
        return self._page(
            addresses.CATALOGUE,
            lang,
            "catalogue.html",
            t("catalogue_title", lang),
            t("catalogue_lead", lang),
            hide=("navigation", "toc"),
            filters=filters(self.catalogue, self.renderer.strings),
            data=data,
            **self._first_results(lang),
        )

    def _embed(self, lang: str) -> PageSource:
        """The list a network puts in an <iframe>: the catalogue's filters, from the same URL
        parameters and data, without the site's chrome (overrides/embedded.html)."""
        t = self.renderer.text
        page = addresses.EMBED_PAGE
        data = {
            name: f"{path}?v={self.search.version(path)}"
            for name, path in (("index", self.search.index_file[lang]), ("facets", self.search.records_file[lang]))
        }
        blank = {"title": {lang: ""}, "summary": {lang: ""}, "name": {lang: ""}}
        body = self.renderer.render(
            "embed.html",
            page,
            lang,
            params=[f.param for f in filters(self.catalogue, self.renderer.strings)],
            data=data,
            blank_card=blank,
        )
        front = {
            "title": t("embed_title", lang),
            "description": t("embed_title", lang),
            "template": "embedded.html",
            "full_page": addresses.relative(page, "catalogue", lang),
            "prerendered": True,
        }
        return PageSource(page, lang, front, body)

    def _first_results(self, lang: str) -> dict:
        """The first page of an empty search, in the page itself: results before any data loads."""
        listed = title_order(self.catalogue, lang)
        first_page = [
            {
                "credential": c,
                "provider": self.catalogue.providers[c.provider],
                "href": addresses.relative(addresses.CATALOGUE, addresses.credential_page(c.id), lang),
                "facts": list(self.renderer.card_facts(c, lang)),
            }
            for c in listed[:FIRST_PAGE]
        ]
        count = len(listed)
        key = "results_count_none" if count == 0 else "results_count_one" if count == 1 else "results_count"
        blank = {"title": {lang: ""}, "summary": {lang: ""}, "name": {lang: ""}}
        return {
            "first_page": first_page,
            "count_text": self.renderer.text(key, lang, n=formatting.number(count, lang)),
            "more_than_first_page": count > FIRST_PAGE,
            "blank_card": blank,
        }

    def _credential(self, credential, lang: str) -> PageSource:
        leads_here = [self.catalogue.credential(i) for i in self.catalogue.leads_here.get(credential.id, ())]
        source = self._page(
            addresses.credential_page(credential.id),
            lang,
            "credential.html",
            credential.title[lang],
            credential.summary[lang],
            credential=credential,
            leads_here=leads_here,
            share=self.sharing.box(credential, lang, self.today) if self.sharing else None,
        )
        if not credential.is_listed:  # discontinued: kept for old links, out of search engines and the sitemap
            source.front_matter["noindex"] = True
        if self.sharing:  # on paper, the page's QR code beside its printed address (overrides/main.html)
            source.front_matter["print_qr"] = self.sharing.box(credential, lang, self.today)["qr"]
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
                    "redirect_text": self.renderer.text("redirect_text", lang),
                }
                pages.append(PageSource(page, lang, front, ""))
        return pages

    @cached_property
    def facet_groups(self) -> dict[str, list]:
        """Every group page of every facet: the same in both languages."""
        return {facet.name: self._groups(facet) for facet in registry_of(self.catalogue).with_pages}

    def _groups(self, facet, with_unknown: bool = True) -> list:
        return groups_of(facet, self.catalogue, self.renderer.strings, with_unknown)

    def _browse(self, lang: str) -> list[PageSource]:
        t = self.renderer.text
        facets = self.facet_groups
        pages = [
            self._page(
                addresses.BROWSE, lang, "browse.html", t("browse_title", lang), t("browse_lead", lang), facets=facets
            )
        ]
        for facet, groups in facets.items():
            pages.append(
                self._page(
                    addresses.facet_page(facet),
                    lang,
                    "facet.html",
                    t(f"facet_{facet}", lang),
                    facet=facet,
                    groups=groups,
                )
            )
            for group in groups:
                pages.append(
                    self._page(
                        addresses.group_page(facet, group.key),
                        lang,
                        "group.html",
                        t("group_title", lang, facet=t(f"facet_{facet}", lang), group=group.label[lang]),
                        facet=facet,
                        group=group,
                    )
                )
        free = free_credentials(self.catalogue)
        pages.append(
            self._page(addresses.FREE, lang, "free.html", t("free_title", lang), t("free_lead", lang), credentials=free)
        )
        return pages

    def _editors(self, lang: str) -> list[PageSource]:
        t = self.renderer.text
        stale = stale_records(self.catalogue, self.today)
        limit = self.catalogue.taxonomies.stale_after_months
        return [
            self._page(
                addresses.EDITORS,
                lang,
                "editors.html",
                t("editors_title", lang),
                t("editors_lead", lang),
                stale=stale,
                stale_after_months=limit,
                today=self.today,
            ),
            self._page(
                addresses.FIELDS,
                lang,
                "fields.html",
                t("fields_title", lang),
                t("fields_lead", lang),
                fields=field_docs(self.project_root),
            ),
        ]


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


Asset = str | bytes | Callable[[], bytes]


def write_pages(pages: list[PageSource], docs_dir: Path, assets: dict[str, Asset] | None = None) -> WriteReport:
    """Write pages and assets (docs-relative path -> content) under docs_dir when their content
    changed; remove generated files now stale.

    An asset given as a function is costly to make (an image) and named after a digest of its
    content: it is made only when no file of that name exists.
    """
    docs_dir = Path(docs_dir)
    wanted = {docs_dir / path: content for path, content in (assets or {}).items()}
    for page in pages:
        wanted[docs_dir / page.file] = page.text
    written = unchanged = 0
    for path, content in wanted.items():
        if _up_to_date(path, content):
            unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_bytes(content))
        written += 1
    removed = 0
    for folder in GENERATED_FOLDERS:
        for path in sorted((docs_dir / folder).rglob("*")) if (docs_dir / folder).is_dir() else []:
            if path.is_file() and path not in wanted:
                path.unlink()
                removed += 1
    return WriteReport(written, unchanged, removed)


def _up_to_date(path: Path, content: Asset) -> bool:
    if not path.is_file():
        return False
    # Compared as bytes: reading text would turn a CSV's "\r\n" into "\n" and never match.
    return callable(content) or path.read_bytes() == _bytes(content)


def _bytes(content: Asset) -> bytes:
    if isinstance(content, str):
        return content.encode("utf-8")
    return content if isinstance(content, bytes) else content()
