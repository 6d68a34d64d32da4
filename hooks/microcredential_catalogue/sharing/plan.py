"""What learning networks pass on: link previews, structured data and feeds of every page.

`Sharing` knows, for each page of the catalogue, what its <head> carries beyond the theme's
(preview image, alternates, JSON-LD, feed links) and every file that goes with it. Each kind of
file has its own maker (share_feeds, share_previews, share_qr, share_jsonld, share_exports).
"""

from __future__ import annotations

from datetime import date

from .. import addresses
from ..model.catalogue import LANGUAGES, Catalogue, Credential
from ..model.facets import registry_of
from ..model.groups import Group
from ..pages.files import Drawing
from ..pages.render import Renderer
from ..wording.after_colon import group_title
from .box import share_box
from .combined import FeedList, ceiling, pairs_of
from .context import PageExtras, ShareContext
from .exports import list_calendar, open_data
from .feeds import FeedFiles
from .heads import PageHeads
from .jsonld import StructuredData
from .previews import PreviewImages
from .qr import QrCodes

__all__ = ["PageExtras", "Sharing"]


class Sharing:
    """Planned in two steps: the drawings first (`__init__`), so other processes start on them
    while the site is planned; then everything else (`share`), once the group pages are known."""

    def __init__(self, catalogue: Catalogue, renderer: Renderer, site_url: str):
        self.context = ShareContext(catalogue, renderer, site_url)
        self.feeds = FeedFiles(self.context)
        self.previews = PreviewImages(self.context)
        self.qr_codes = QrCodes(self.context)
        self.structured = StructuredData(self.context)
        for lang in LANGUAGES:
            self.previews.home(lang)  # first of each page's: the structured data names its image
            for credential in catalogue.credentials:
                self.previews.credential(credential, lang)
                self.qr_codes.credential(credential, lang)

    @property
    def drawings(self) -> dict[str, Drawing]:
        """The images and codes planned so far (docs-relative path -> how to draw it)."""
        return {path: asset for path, asset in self.context.files.items() if isinstance(asset, Drawing)}

    def share(self, groups: dict[str, list[Group]], free: tuple[Credential, ...]) -> Sharing:
        """Every other shared file and head: feeds, structured data, sitemaps, exports."""
        singles = self._feed_lists(groups, free)
        self.singles = [single for single in singles if single.credentials]
        self.combined = pairs_of(self.singles)
        self.combined_ceiling = ceiling(singles)
        for lang in LANGUAGES:
            self._site(lang)
            for credential in self.context.catalogue.credentials:
                self.structured.course(credential, lang)
            self._lists(groups, free, lang)
            for combined in self.combined:
                self._combined(combined, lang)
        open_data(self.context)
        return self

    @property
    def feed_counts(self) -> dict[str, int]:
        """How many credentials each published list feed holds, by its key: '' (the new ones: the
        whole catalogue), 'sector/health' (a group), 'pathway/employment/sector/health' (two filters).
        Only the non-empty lists, which alone have a feed."""
        counts = {"": len(self.context.catalogue.listed)}
        counts.update((feed_list.key, len(feed_list.credentials)) for feed_list in [*self.singles, *self.combined])
        return counts

    @property
    def has_calendar(self) -> bool:
        """Whether the start dates calendar is published: only with at least one event."""
        return any(path.endswith(".ics") for path in self.context.files)

    @property
    def catalogue_qr_versions(self) -> dict[str, str]:
        """Language -> "?v=…" of the catalogue's QR code, made from the file's content."""
        return self.qr_codes.catalogue_versions

    @property
    def files(self):
        """Every shared file: docs-relative path -> content (or the function that makes it)."""
        return self.context.files

    # -- what a page's head says ---------------------------------------------------------------

    @property
    def heads(self) -> PageHeads:
        """What each page's head carries, and the sitemap beside it (sharing/heads.py)."""
        context = self.context
        return PageHeads(context.extras, context.renderer, context.site_url, self.catalogue_qr_versions)

    def box(self, credential: Credential, lang: str, today: date) -> dict:
        """The share box of a credential page (sharing/box.py)."""
        return share_box(self.context, credential, lang, today)

    # -- what each page shares -----------------------------------------------------------------

    def _site(self, lang: str) -> None:
        sitemap = addresses.file_beside(addresses.SHARE_FOLDER, "sitemap.xml", lang)
        self.context.files[sitemap] = self.context.page_sitemap("", lang)
        self.feeds.site_feeds(lang)
        self.qr_codes.catalogue(lang)

    def _lists(self, groups: dict[str, list[Group]], free: tuple[Credential, ...], lang: str) -> None:
        """Group pages and the free list: the list as structured data, and a feed where the facet has one."""
        t = self.context.text
        registry = registry_of(self.context.catalogue)
        for facet, facet_groups in groups.items():
            for group in facet_groups:
                page = addresses.group_page(facet, group.key)
                title = group_title(t, facet, group, lang)
                self._list_page(page, lang, title, group.credentials, registry[facet].feeds)
        self._list_page(addresses.FREE, lang, t("free_title", lang), free, True)

    def _feed_lists(self, groups: dict[str, list[Group]], free: tuple[Credential, ...]) -> list[FeedList]:
        """Every group with a feed as a filter of the catalogue page (empty ones too), and the free list."""
        t = self.context.text
        registry = registry_of(self.context.catalogue)
        singles = []
        for facet, facet_groups in groups.items():
            if not registry[facet].feeds or not registry[facet].param:
                continue
            for group in facet_groups:
                titles = {lang: group_title(t, facet, group, lang) for lang in LANGUAGES}
                singles.append(FeedList(((registry[facet].param, group.key),), titles, group.credentials))
        free_titles = {lang: t("free_title", lang) for lang in LANGUAGES}
        singles.append(FeedList((("cost", "free"),), free_titles, free))
        return singles

    def _combined(self, combined: FeedList, lang: str) -> None:
        """The feed of a list two filters make, and its calendar when it has a start date."""
        title = combined.titles[lang]
        page_url = combined.catalogue_url(lang, self.context.site_url)
        self.feeds.list_feed(combined.folder, lang, title, combined.credentials, page_url)
        list_calendar(self.context, combined.folder, lang, title, combined.credentials)

    def _list_page(self, page: str, lang: str, title: str, credentials, with_feed: bool) -> None:
        if not credentials:  # an empty list is not advertised: no ItemList, no feed to follow
            return
        self.structured.item_list(page, lang, title, credentials)
        if with_feed:
            self.feeds.group_feed(page, lang, title, credentials)
            list_calendar(self.context, page, lang, title, credentials)
