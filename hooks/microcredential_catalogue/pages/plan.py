"""Decide every page the data implies, in both languages, family by family.

Each family of pages (home, catalogue, credentials, groups, editors) is its own module; the
plan puts them in the order a reader meets them and hands them to page_files.write_pages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..model.catalogue import LANGUAGES, Catalogue
from ..search.index import SearchAssets
from .catalogue import CataloguePages
from .credentials import CredentialPages
from .editors import EditorsPages
from .files import GENERATED_FOLDERS, WriteReport, write_pages
from .groups import GroupPages
from .home import HomePage
from .render import Renderer
from .scripts import PageScripts
from .source import PageSource

__all__ = ["GENERATED_FOLDERS", "PageSource", "SitePlan", "WriteReport", "write_pages"]


class SitePlan:
    """Every generated page of a catalogue, in both languages."""

    def __init__(
        self,
        catalogue: Catalogue,
        renderer: Renderer,
        search: SearchAssets,
        *,
        scripts: PageScripts | None = None,
        today: date | None = None,
        project_root: Path | None = None,
        groups: GroupPages | None = None,
    ):
        """`groups`: the group pages, when their groups were needed before the search files."""
        today = today or date.today()
        # The project the build reads; by default the one the catalogue was read from.
        project_root = project_root or catalogue.project_root
        self.credentials = CredentialPages(catalogue, renderer, today)
        self.groups = groups or GroupPages(catalogue, renderer)
        self.families = (
            HomePage(catalogue, renderer),
            CataloguePages(catalogue, renderer, search, scripts),
            self.credentials,
            self.groups,
            EditorsPages(catalogue, renderer, today, project_root),
        )

    @property
    def facet_groups(self) -> dict[str, list]:
        """Every group page of every facet: what the share files of group pages are made from."""
        return self.groups.facet_groups

    @property
    def sharing(self):
        return self.credentials.sharing

    @sharing.setter
    def sharing(self, sharing) -> None:
        """The share box of credential pages (share.Sharing), made by the build from the groups."""
        self.credentials.sharing = sharing

    def pages(self) -> list[PageSource]:
        return [page for lang in LANGUAGES for family in self.families for page in family.pages(lang)]
