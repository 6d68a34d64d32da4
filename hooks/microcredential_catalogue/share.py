"""What learning networks pass on: link previews, structured data and feeds of every page.

`Sharing` knows, for each page of the catalogue, what its <head> carries beyond the theme's
(preview image, alternates, JSON-LD, feed links) and every file that goes with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import quote, urlencode

from . import addresses, exports, formatting, jsonld
from .facets import registry_of
from .feeds import Entry, Feed, feed_updated, newest, timestamp, xml_text
from .groups import Group, sort_key
from .model import LANGUAGES, Catalogue, Credential
from .preview_image import SIZE, PreviewCard, draw_preview
from .qr import qr_svg
from .render import Renderer

SITE_FEEDS = ("new", "changed")
FEED_FILE = "feed.xml"
QR_FILE = "qr.svg"
CATALOGUE_QR_FILE = "catalogue-qr.svg"  # in share/: the search page's code, printed on the referral sheet


@dataclass
class PageExtras:
    """What a page's head carries beyond title and description."""

    image: str = ""  # site-relative URL of its preview image
    image_alt: str = ""
    jsonld: list[str] = field(default_factory=list)  # ready for <script type="application/ld+json">
    feeds: list[tuple[str, str]] = field(default_factory=list)  # (title, site-relative URL)


class Sharing:
    def __init__(
        self,
        catalogue: Catalogue,
        renderer: Renderer,
        site_url: str,
        groups: dict[str, list[Group]],
        free: tuple[Credential, ...],
    ):
        self.catalogue = catalogue
        self.renderer = renderer
        self.site_url = site_url.rstrip("/") + "/"
        self.groups = groups
        self.free = free
        self.files: dict[str, str | bytes | Callable[[], bytes]] = {}
        self.extras: dict[tuple[str, str], PageExtras] = {}
        for lang in LANGUAGES:
            self._plan(lang)
        self._exports()

    # -- what a page's head says ---------------------------------------------------------------

    def head(self, page_url: str, title: str, description: str) -> dict:
        """Every value the head partial prints for the page at `page_url` (site-relative)."""
        page, lang = addresses.page_of_url(page_url)
        extras = self.extras.get((page, lang)) or self.extras[("", lang)]
        other = next(code for code in LANGUAGES if code != lang)
        site_name = self.renderer.text("site_name", lang)
        return {
            "title": title or site_name,
            "description": description,
            "url": addresses.absolute(page, lang, self.site_url),
            "site_name": site_name,
            "locale": addresses.LOCALES[lang],
            "locale_alternate": addresses.LOCALES[other],
            "alternates": addresses.alternates(page, self.site_url),
            "image": self.site_url + (extras.image or self.extras[("", lang)].image),
            "image_alt": extras.image_alt or self.extras[("", lang)].image_alt,
            "image_width": SIZE[0],
            "image_height": SIZE[1],
            "jsonld": extras.jsonld,
            "feeds": [(feed_title, self.site_url + feed_url) for feed_title, feed_url in extras.feeds],
        }

    # -- planning ------------------------------------------------------------------------------

    def _plan(self, lang: str) -> None:
        t = lambda key, **values: self.renderer.text(key, lang, **values)  # noqa: E731
        home = self.extras.setdefault(("", lang), PageExtras())
        self._preview(home, addresses.SHARE_FOLDER, lang, PreviewCard(t("site_name"), (t("preview_tagline"),), ""))
        self.files[addresses.file_beside(addresses.SHARE_FOLDER, "sitemap.xml", lang)] = self.page_sitemap("", lang)
        for name in SITE_FEEDS:
            date_of = (lambda c: c.added) if name == "new" else (lambda c: c.information_date)
            credentials = newest(self.catalogue.listed, date_of)
            title, lead = t(f"feed_{name}"), t(f"feed_{name}_lead")
            changed = name == "changed"
            feed_url = self._feed(addresses.SHARE_FOLDER, f"{name}.xml", "", lang, title, lead, credentials, changed)
            home.feeds.append((title, feed_url))
        catalogue_url = addresses.absolute("catalogue", lang, self.site_url)
        qr_title = t("share_qr_title", title=t("catalogue_title"))
        catalogue_qr = addresses.file_beside(addresses.SHARE_FOLDER, CATALOGUE_QR_FILE, lang)
        self.files[catalogue_qr] = qr_svg(catalogue_url, qr_title)
        for credential in self.catalogue.credentials:
            self._credential(credential, lang)
        for facet, groups in self.groups.items():
            for group in groups:
                title = t("group_title", facet=t(f"facet_{facet}"), group=group.label[lang])
                self._list_page(
                    addresses.group_page(facet, group.key),
                    lang,
                    title,
                    group.credentials,
                    registry_of(self.catalogue)[facet].feeds,
                )
        self._list_page(addresses.FREE, lang, t("free_title"), self.free, True)

    def _credential(self, credential: Credential, lang: str) -> None:
        page = addresses.credential_page(credential.id)
        url = addresses.absolute(page, lang, self.site_url)
        extras = self.extras.setdefault((page, lang), PageExtras())
        extras.jsonld.append(jsonld.script_json(jsonld.course(credential, lang, url, self.catalogue)))
        provider = self.catalogue.providers[credential.provider]
        lines = (provider.name[lang], self.cost_line(credential, lang))
        card = PreviewCard(credential.title[lang], lines, self.renderer.text("site_name", lang))
        self._preview(extras, page, lang, card)
        title = self.renderer.text("share_qr_title", lang, title=credential.title[lang])
        self.files[addresses.file_beside(page, QR_FILE, lang)] = qr_svg(url, title)

    def box(self, credential: Credential, lang: str, today: date) -> dict:
        """The share box of a credential page: its address, a ready-to-paste blurb, an email, a QR code."""
        t = lambda key, **values: self.renderer.text(key, lang, **values)  # noqa: E731
        url = self._credential_url(credential, lang)
        provider = self.catalogue.providers[credential.provider].name[lang]
        upcoming = [start for start in credential.intake_dates if start >= today]
        if upcoming:
            start = t("share_next_start", date=formatting.day(upcoming[0], lang))
        elif credential.intake_continuous:
            start = t("intake_continuous")
        else:
            start = ""
        facts = [provider, self.cost_line(credential, lang), start]
        lines = [credential.title[lang], " · ".join(fact for fact in facts if fact), url]
        return {
            "url": url,
            "title": credential.title[lang],
            "facts": [fact for fact in facts if fact],
            "text": "\n".join(lines),
            "mailto": "mailto:?" + urlencode({"subject": lines[0], "body": "\n".join(lines)}, quote_via=quote),
            "qr": QR_FILE,
        }

    def _list_page(self, page: str, lang: str, title: str, credentials, with_feed: bool) -> None:
        extras = self.extras.setdefault((page, lang), PageExtras())
        ordered = sorted(credentials, key=lambda c: sort_key(c.title[lang]))
        items = [(c.title[lang], self._credential_url(c, lang)) for c in ordered]
        url = addresses.absolute(page, lang, self.site_url)
        extras.jsonld.append(jsonld.script_json(jsonld.item_list(title, url, items)))
        if with_feed:
            feed_title = self.renderer.text("feed_group", lang, group=title)
            lead = self.renderer.text("feed_group_lead", lang, group=title)
            recent = newest(credentials, lambda c: c.added)
            extras.feeds.append((feed_title, self._feed(page, FEED_FILE, page, lang, feed_title, lead, recent, False)))

    def _preview(self, extras: PageExtras, folder: str, lang: str, card: PreviewCard) -> None:
        self.files[addresses.file_beside(folder, card.file_name, lang)] = lambda: draw_preview(card)
        extras.image = addresses.url_beside(folder, card.file_name, lang)
        extras.image_alt = " — ".join((card.title, *card.lines))

    # -- open data -----------------------------------------------------------------------------

    def _exports(self) -> None:
        """The whole catalogue as JSON (with its schema) and CSV, the same under each language's
        root (so each language's pages link their own); the start dates, one calendar per language."""
        folder = addresses.SHARE_FOLDER
        data = {
            "catalogue.json": exports.catalogue_json(self.catalogue, self.site_url),
            "catalogue.schema.json": exports.catalogue_schema(),
            "catalogue.csv": exports.catalogue_csv(self.catalogue, self.site_url),
        }
        for lang in LANGUAGES:
            for name, content in data.items():
                self.files[addresses.file_beside(folder, name, lang)] = content
            title, starts = self.renderer.text("calendar_title", lang), self.renderer.strings["calendar_starts"][lang]
            calendar = exports.intakes_calendar(self.catalogue, lang, self.site_url, title, starts)
            self.files[addresses.file_beside(folder, "intakes.ics", lang)] = calendar

    # -- what Material's language selector fetches -------------------------------------------

    def page_sitemap(self, page: str, lang: str) -> str:
        """A one-page sitemap published in the folder of `page`.

        Material fetches "sitemap.xml" relative to every <link rel="alternate"> of a page (it
        expects each to be a language's root); serving one beside every page, and beside every
        feed, means those requests find a real file.
        """
        return self.renderer.environment.get_template("page-sitemap.xml").render(
            url=addresses.absolute(page, lang, self.site_url), alternates=addresses.alternates(page, self.site_url)
        )

    # -- feeds ---------------------------------------------------------------------------------

    def _feed(self, folder: str, name: str, page: str, lang: str, title: str, lead: str, credentials, changed: bool):
        """Write the Atom feed `name` in `folder` for `page`; return its site-relative URL."""
        entries = [self._entry(c, lang, changed) for c in credentials]
        feed_url = addresses.url_beside(folder, name, lang)
        feed = Feed(
            id=self.site_url + feed_url,
            title=xml_text(title),
            subtitle=xml_text(lead),
            page_url=addresses.absolute(page, lang, self.site_url),
            lang=addresses.HREFLANGS[lang],
            updated=feed_updated(entries, self._oldest_date),
            entries=tuple(entries),
        )
        self.files[addresses.file_beside(folder, name, lang)] = self.renderer.environment.get_template(
            "feed.xml"
        ).render(feed=feed, site_name=self.renderer.text("site_name", lang))
        return feed_url

    def _credential_url(self, credential: Credential, lang: str) -> str:
        return addresses.absolute(addresses.credential_page(credential.id), lang, self.site_url)

    def _entry(self, credential: Credential, lang: str, changed: bool) -> Entry:
        url = self._credential_url(credential, lang)
        information = credential.information_date
        provider = self.catalogue.providers[credential.provider].name[lang]
        summary = f"{provider} · {self.cost_line(credential, lang)} · {credential.summary[lang]}"
        return Entry(
            # A change is news of its own: its id names the date of the facts it brings.
            id=f"{url}#facts-{information.iso()}" if changed else url,
            title=xml_text(credential.title[lang]),
            summary=xml_text(summary),
            url=url,
            updated=timestamp(information if changed else credential.added),
            published=timestamp(credential.added),
            categories=tuple(self.catalogue.taxonomies.label("sectors", key, lang) for key in credential.sectors),
        )

    @cached_property
    def _oldest_date(self) -> str:
        dates = [c.added.earliest() for c in self.catalogue.credentials]
        return f"{min(dates).isoformat()}T00:00:00Z" if dates else "2020-01-01T00:00:00Z"

    def cost_line(self, credential: Credential, lang: str) -> str:
        t = self.renderer.text
        if credential.cost_amount is None:
            amount = t("not_specified", lang)
        elif credential.is_free:
            amount = t("free", lang)
        else:
            amount = formatting.money(credential.cost_amount, lang)
        return f"{t('cost', lang)}{t('colon', lang)} {amount}"
