"""Atom feeds a network can follow: what is new, what changed, and each group's credentials.

An entry is published when its record first entered the catalogue (`added`, which the record
template writes on the day a record is made; defaults to `verified`) and updated when an editor
last checked its facts against the source (`verified`), never before it was published. "New"
sorts on `added`; "changed" lists only records checked again after they were added. No date
comes from the clock: the same data gives the same feeds (CONTRIBUTING.md, "Two dates").
"""

from __future__ import annotations

from functools import cached_property

from markupsafe import Markup

from .. import addresses
from ..model.catalogue import Credential
from .atom import Entry, Feed, feed_updated, newest, timestamp, updated_on, was_checked_again, xml_text
from .context import ShareContext

SITE_FEEDS = ("new", "changed")
FEED_FILE = "feed.xml"


class FeedFiles:
    def __init__(self, context: ShareContext):
        self.context = context
        self.catalogue = context.catalogue
        self._entries: dict[tuple[str, str, bool], Entry] = {}
        self._entries_xml: dict[tuple[str, str, bool], Markup] = {}

    def site_feeds(self, lang: str) -> None:
        """The whole catalogue's feeds, announced on the home page."""
        extras = self.context.extras_of("", lang)
        for name in SITE_FEEDS:
            listed = self.catalogue.listed
            if name == "changed":
                listed = [c for c in listed if was_checked_again(c)]
            credentials = newest(listed, updated_on if name == "changed" else (lambda c: c.added))
            title, lead = self.context.text(f"feed_{name}", lang), self.context.text(f"feed_{name}_lead", lang)
            changed = name == "changed"
            home = self.context.page_url("", lang)
            feed_url = self._feed(addresses.SHARE_FOLDER, f"{name}.xml", home, lang, title, lead, credentials, changed)
            extras.feeds.append((title, feed_url))

    def group_feed(self, page: str, lang: str, title: str, credentials) -> None:
        """The feed of a group page, beside it."""
        feed_url = self.list_feed(page, lang, title, credentials, self.context.page_url(page, lang))
        self.context.extras_of(page, lang).feeds.append((self.context.text("feed_group", lang, group=title), feed_url))

    def list_feed(self, folder: str, lang: str, title: str, credentials, page_url: str) -> str:
        """The feed of a list (a group page's, or the catalogue page's with two filters) in `folder`,
        following the page at `page_url`; return its site-relative URL."""
        feed_title = self.context.text("feed_group", lang, group=title)
        lead = self.context.text("feed_group_lead", lang, group=title)
        recent = newest(credentials, lambda c: c.added)
        return self._feed(folder, FEED_FILE, page_url, lang, feed_title, lead, recent, False)

    def _feed(self, folder: str, name: str, page_url: str, lang: str, title: str, lead: str, credentials, changed):
        """Write the Atom feed `name` in `folder` following the page at `page_url`; return its site-relative URL."""
        entries = [self._entry(c, lang, changed) for c in credentials]
        feed_url = addresses.url_beside(folder, name, lang)
        feed = Feed(
            id=self.context.site_url + feed_url,
            title=xml_text(title, lang),
            subtitle=xml_text(lead, lang),
            page_url=page_url,
            lang=addresses.HREFLANGS[lang],
            updated=feed_updated(entries, self._oldest_date),
            entries=tuple(entries),
        )
        template = self.context.renderer.environment.get_template("feed.xml")
        site_name = self.context.text("site_name", lang)
        written = [self._entry_xml(credential, lang, changed) for credential in credentials]
        self.context.files[addresses.file_beside(folder, name, lang)] = template.render(
            feed=feed, entries=written, site_name=site_name
        )
        return feed_url

    def _entry_xml(self, credential: Credential, lang: str, changed: bool) -> Markup:
        """An entry as its feeds print it, written once: a credential is in a feed per group and
        per pair of filters it belongs to (thousands of feeds at 10,000 records)."""
        key = (credential.id, lang, changed)
        if key not in self._entries_xml:
            template = self.context.renderer.environment.get_template("_feed_entry.xml")
            self._entries_xml[key] = Markup(template.render(entry=self._entry(credential, lang, changed)))
        return self._entries_xml[key]

    def _entry(self, credential: Credential, lang: str, changed: bool) -> Entry:
        """A credential's entry, composed once per language and kind and shared by every feed listing it."""
        key = (credential.id, lang, changed)
        if key not in self._entries:
            self._entries[key] = self._compose(credential, lang, changed)
        return self._entries[key]

    def _compose(self, credential: Credential, lang: str, changed: bool) -> Entry:
        url = self.context.credential_url(credential, lang)
        updated = updated_on(credential)
        summary = f"{self.context.statement(credential, lang)} · {credential.summary[lang]}"
        return Entry(
            # A change is news of its own: its id names the day the facts were checked again.
            id=f"{url}#checked-{updated.iso()}" if changed else url,
            title=xml_text(credential.title[lang], lang),
            summary=xml_text(summary, lang),
            url=url,
            updated=timestamp(updated),
            published=timestamp(credential.added),
            categories=tuple(self.catalogue.taxonomies.short_label("sectors", key, lang) for key in credential.sectors),
        )

    @cached_property
    def _oldest_date(self) -> str:
        dates = [c.added.earliest() for c in self.catalogue.credentials]
        return f"{min(dates).isoformat()}T00:00:00Z" if dates else "2020-01-01T00:00:00Z"
