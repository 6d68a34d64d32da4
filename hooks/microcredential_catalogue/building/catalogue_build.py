"""One build of the catalogue: load and validate once, then plan and write every page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import addresses
from ..checks.validate import load_catalogue
from ..model.catalogue import Catalogue
from ..model.groups import free_credentials
from ..pages.files import Drawing
from ..pages.groups import GroupPages
from ..pages.link_builder import link_builders
from ..pages.plan import SitePlan, WriteReport, write_pages
from ..pages.render import Renderer
from ..pages.scripts import PageScripts, page_scripts
from ..search.index import build_search_assets, filter_option_keys
from ..search.synonyms import Synonyms, load_synonyms
from ..sharing.heads import PageHeads
from ..sharing.plan import Sharing
from .drawing import Drawings
from .workers import halves_shared


@dataclass
class CatalogueBuild:
    project_root: Path
    docs_dir: Path
    templates_dir: Path
    catalogue: Catalogue
    fingerprint: str
    synonyms: Synonyms
    site_url: str = ""
    today: date | None = None  # the build's day: dated notices and next start dates are worked out for it
    sharing: Sharing | None = None  # set by write(): what each page's head carries
    link_builders: dict[str, dict[str, str]] | None = None  # set by write(): the "Share a link" page's parts
    page_scripts: PageScripts | None = None  # set by write(): the scripts written inside the search pages
    drawings: Drawings | None = None  # set by write(): images and QR codes, published after the pages
    heads: PageHeads | None = None  # set by write(): what each page's head carries, the sitemap beside it
    generated: tuple[str, ...] = ()  # set by write(): every file it wrote or found right under docs/

    @classmethod
    def load(
        cls, project_root: Path, docs_dir: Path, templates_dir: Path, today: date | None = None, site_url: str = ""
    ):
        """Validate the data (raises DataInvalid listing every problem)."""
        today = today or date.today()
        catalogue = load_catalogue(project_root, today, each_file=halves_shared)
        synonyms = load_synonyms(project_root, filter_option_keys(catalogue))
        stamp = fingerprint(project_root, templates_dir, docs_dir)
        return cls(project_root, docs_dir, templates_dir, catalogue, stamp, synonyms, site_url, today)

    def write(self) -> WriteReport:
        scripts_dir = Path(self.docs_dir) / addresses.SCRIPTS
        renderer = Renderer(self.templates_dir, self.catalogue, self.today, scripts_dir=scripts_dir)
        self.sharing = Sharing(self.catalogue, renderer, self.site_url)
        # Started before anything else is planned: a first build's drawings are its longest wait.
        self.drawings = Drawings(self.sharing.drawings, self.project_root)  # on their way while the site is built
        try:
            scripts = self.page_scripts = page_scripts(scripts_dir)
            groups = GroupPages(self.catalogue, renderer)
            self.sharing.share(groups.facet_groups, free_credentials(self.catalogue))
            shared = {path: asset for path, asset in self.sharing.files.items() if not isinstance(asset, Drawing)}
            search = build_search_assets(self.catalogue, renderer.card_facts, self.synonyms, renderer.strings)
            plan = SitePlan(
                self.catalogue,
                renderer,
                search,
                scripts=scripts,
                today=self.today,
                project_root=self.project_root,
                groups=groups,
            )
            plan.sharing = self.sharing
            self.link_builders = link_builders(
                renderer,
                search,
                calendar=self.sharing.has_calendar,
                qr_versions=self.sharing.catalogue_qr_versions,
                feed_counts=self.sharing.feed_counts,
            )
            self.heads = self.sharing.heads
            pages = plan.pages()
            assets = {**search.files, **shared}
            self.generated = tuple(sorted({*assets, *(page.file for page in pages)}))
            return write_pages(pages, self.docs_dir, assets)
        except BaseException:
            self.drawings.cancel()
            raise


def fingerprint(project_root: Path, templates_dir: Path, docs_dir: Path) -> str:
    """Changes whenever a data file, a catalogue template or one of our scripts changes (name,
    size or time): the build joins the scripts into each search page's one script."""
    digest = hashlib.sha1()
    for folder in (Path(project_root) / "data", Path(templates_dir).parent, Path(docs_dir) / addresses.SCRIPTS):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
