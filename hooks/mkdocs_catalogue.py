"""The thin adapter between MkDocs events and the catalogue core (hooks/microcredential_catalogue/).

mkdocs-static-i18n runs the whole build once per language, so events fire twice per build;
the data is loaded, validated and written once, and reused while its files do not change. A
build whose inputs are all the last build's takes that build's results (building/kept_build.py),
and finished pages an earlier build made (building/kept_pages.py).
"""

from __future__ import annotations

import logging
import os
from datetime import date
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape
from microcredential_catalogue import addresses
from microcredential_catalogue.addresses import alternates, page_of_url
from microcredential_catalogue.building import kept_build, kept_pages
from microcredential_catalogue.building.catalogue_build import CatalogueBuild, fingerprint
from microcredential_catalogue.building.collector import BuildCollector
from microcredential_catalogue.building.drawing import UnsafeDrawing
from microcredential_catalogue.building.page_finisher import PageFinisher
from microcredential_catalogue.building.site_clearing import SiteClearing, clear_beside
from microcredential_catalogue.building.workers import side_by_side
from microcredential_catalogue.cli import os_error
from microcredential_catalogue.pages import critical_css, csp, finishing, minify, shell
from microcredential_catalogue.pages.compiled_templates import compiled_templates
from microcredential_catalogue.pages.files import write_new
from microcredential_catalogue.pages.link_builder import with_link_builder
from microcredential_catalogue.pages.render import load_strings
from microcredential_catalogue.pages.script_bundle import BundleError
from microcredential_catalogue.pages.theme_markup import ToggleNames
from microcredential_catalogue.reading.problems import DataInvalid
from microcredential_catalogue.reading.project_files import unsafe_file
from microcredential_catalogue.sharing.qr import with_versioned_catalogue_qr
from microcredential_catalogue.wording.site_settings import with_site_name
from mkdocs.commands.build import _build_page
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url, write_file

log = logging.getLogger("mkdocs.hooks.catalogue")

# MkDocs' Jinja does not autoescape: its templates and Material's print page titles, the site's
# name and descriptions as HTML. Values that come from front matter or configuration are plain
# text, so they are escaped once here, as Markup: every template then prints them safely, and
# the `| e` some templates add leaves Markup as it is (no double escaping).
PAGE_TEXT_FIELDS = ("title", "description")
SITE_TEXT_FIELDS = ("site_name", "site_description")


class _BuildState:
    """The current build, kept between the per-language passes of one process."""

    def __init__(self):
        self.build: CatalogueBuild | None = None
        self.not_found_pages: dict[str, bytes] = {}  # language -> its 404.html, see on_post_build
        self.prerendered: dict[str, str] = {}  # page source -> HTML, between two page events
        self.env = None  # the theme's Jinja environment, for its own inline scripts
        self.theme_script_templates: list[str] = []  # the env's templates that write them (listed once)
        self.theme_scripts: dict[tuple, list[str]] = {}  # (language, base_url) -> script texts
        self.trusted_scripts: dict[str, list[str]] = {}  # page source or template -> script texts
        self.stylesheets: critical_css.Stylesheets | None = None  # the last read, kept while unchanged
        self.stylesheets_compared = False  # with the files, at this pass's first page
        self.shells: dict[tuple, shell.Shell | None] = {}  # (language, kind) -> its shell; None: not fillable
        self.shell_checks: dict[tuple, int] = {}  # (language, kind) -> pages compared with the theme's
        self.languages_built: set[str] = set()  # in this build, see on_post_build
        self.serving = False  # `mkdocs serve`: every page goes through MkDocs (see on_startup)
        self.clears_site = False  # MkDocs empties the site's folder before each build (not --dirty)
        self.site_clearing: SiteClearing | None = None  # the last site's files, being removed
        self.deferred: list[Page] = []  # this pass's credential pages written by _write_filled_pages
        self.files = None  # this pass's files and navigation, for a page the theme must render
        self.nav = None
        self.kept_by_language: dict[str, kept_pages.KeptPages | None] = {}  # this build's (building/kept_pages.py)
        self.inputs: str | None = None  # what this build read (kept_build.inputs_digest): kept with it at the end
        self.collector = BuildCollector()  # the garbage collector's pace during a build (building/collector.py)


_state = _BuildState()


def on_startup(command, dirty=False, **_):
    """`mkdocs serve` builds excluded pages too, marked as drafts: there, MkDocs builds every page."""
    _state.serving = command == "serve"
    _state.clears_site = not dirty


@event_priority(100)  # before mkdocs-static-i18n (-100) reads the files
def on_config(config, **_):
    _state.collector.start()
    project_root = Path(config.config_file_path).parent
    _state.stylesheets_compared = False  # they may have changed since the last build (mkdocs serve)
    templates_dir = Path(config.theme.custom_dir) / "catalogue"
    current = _state.build
    site_url = config.site_url or ""
    wanted = (fingerprint(project_root, templates_dir, Path(config.docs_dir)), site_url)
    if current is not None and (current.fingerprint, current.site_url) == wanted:
        return _share_site_settings(config, current)
    today = date.today()
    _state.inputs = kept_build.inputs_digest(project_root, Path(config.docs_dir), templates_dir, site_url, today)
    _state.build = kept_build.kept_build(project_root, _state.inputs)
    if _state.build is not None:
        _state.inputs = None  # kept already
        count = len(_state.build.catalogue.credentials)
        log.info("catalogue: %d credentials; nothing changed since the last build", count)
    else:
        kept_build.forget(project_root)  # the generated files are about to change
        _state.build = _new_build(project_root, Path(config.docs_dir), templates_dir, today, site_url)
    _state.collector.set_aside_what_lives_on()
    return _share_site_settings(config, _state.build)


def _new_build(project_root: Path, docs_dir: Path, templates_dir: Path, today: date, site_url: str) -> CatalogueBuild:
    """The catalogue read, checked and written under docs/; a problem stops the build in a few lines."""
    try:
        build = CatalogueBuild.load(project_root, docs_dir, templates_dir, today, site_url)
        report = build.write()
    except DataInvalid as invalid:  # the data, or the site's own words (overrides/locales/catalogue.yml)
        raise Abort(invalid.report()) from None
    except BundleError as unjoinable:
        raise Abort(f"docs/{addresses.SCRIPTS}/{unjoinable}") from None
    except minify.NotMinifiable as unminifiable:
        raise Abort(f"docs/{unminifiable}") from None
    except OSError as unwritable:  # a read-only docs/, a full disk: one line, not a traceback
        raise Abort(f"catalogue: {os_error(unwritable)}") from None
    counts = (len(build.catalogue.credentials), report.written, report.unchanged, report.removed)
    log.info("catalogue: %d credentials; pages written %d, unchanged %d, removed %d", *counts)
    return build


def _versioned_assets(config) -> None:
    """Each stylesheet and script of ours named with its content version (?v=…), made from what
    the site serves (minified, see on_files): a returning reader never gets yesterday's styles or
    script with today's page."""
    config.extra_css = [_versioned(config, str(path)) for path in config.extra_css]
    for script in config.extra_javascript:  # MkDocs' script entries: their path, defer, async
        script.path = _versioned(config, script.path)
    for key, script in EVERY_PAGE_SCRIPTS.items():
        config.extra[key] = _versioned(config, script)


def _versioned(config, path: str) -> str:
    if "?" in path:
        return path
    return f"{path}?v={addresses.content_version(minify.served_file(Path(config.docs_dir), path))}"


def _share_site_settings(config, build: CatalogueBuild):
    """Who runs the site (data/site.yml), for the theme's header and footer templates."""
    try:
        _versioned_assets(config)
    except minify.NotMinifiable as unminifiable:
        _state.build = None
        raise Abort(f"docs/{unminifiable}") from None
    settings = build.catalogue.site
    config.extra["catalogue_site"] = settings.for_templates(build.catalogue) if settings else None
    strings = with_site_name(load_strings(build.templates_dir), settings)
    config.extra["catalogue_words"] = {key: strings[key] for key in THEME_WORDS}
    return config


MENU_SCRIPT = "assets/javascripts/menu.js"  # every page's but the search pages' (main.html)
SAME_ORIGIN_SCRIPT = "assets/javascripts/same-origin.js"  # likewise: a copy served elsewhere
NOT_FOUND_SCRIPT = "assets/javascripts/not-found.js"  # the French 404's, for English addresses (404.html)
# The scripts the theme's templates name, by their key in config.extra (with a content version).
EVERY_PAGE_SCRIPTS = {
    "menu_script": MENU_SCRIPT,
    "same_origin_script": SAME_ORIGIN_SCRIPT,
    "not_found_script": NOT_FOUND_SCRIPT,
}
# The site's words that the theme's own templates (header, footer) use, both languages each.
THEME_WORDS = (
    "footer_run_by",
    "footer_contact",
    "footer_about",
    "footer_privacy",
    "skip_to_content",
    "site_info_title",
    "site_info_checked",
    "share_qr_alt",
    "theme_search_toggle",
    "theme_toc_toggle",
    "theme_menu_button",
)


@event_priority(-200)  # after mkdocs-static-i18n has made each language's files, before any is read
def on_files(files, config, **_):
    """Every file MkDocs will read or copy from the project is a plain file, not a link or a pipe.
    And MkDocs copies every non-HTML file of custom_dir into the site: our feed and sitemap
    templates would be served as XML. overrides/ holds templates and words only: none of it is
    published (the theme renders its own static templates, such as sitemap.xml, separately)."""
    root = Path(config.config_file_path).parent
    refused = []
    folders_seen: dict[str, str | None] = {}  # each folder checked once, not once per file in it
    for file in files:
        problem = unsafe_file(Path(file.abs_src_path), root, folders_seen) if file.abs_src_path else None
        if problem:
            refused.append(f"{Path(file.abs_src_path).relative_to(root).as_posix()}: {problem}")
    if refused:
        raise Abort("\n".join(sorted(refused)))
    for file in template_sources(files, Path(config.theme.custom_dir)):
        files.remove(file)
    _minified(files, Path(config.docs_dir))
    _state.deferred = _deferred_pages(files, config)
    _state.files = files
    return files


def _minified(files, docs_dir: Path) -> None:
    """Our scripts and stylesheets served minified (pages/minify.py); their sources stay as written.
    The search pages' scripts are written minified by the build already."""
    docs = docs_dir.resolve()
    for file in files:
        if not (file.abs_src_path and minify.is_minified(file.src_uri)):  # most files: no path resolved
            continue
        if Path(file.abs_src_path).resolve().is_relative_to(docs):
            try:
                file.content_string = minify.served(file.src_uri, file.content_string, docs)
            except minify.NotMinifiable as unminifiable:
                raise Abort(f"docs/{unminifiable}") from None


def template_sources(files, custom_dir: Path) -> list:
    """The files MkDocs would copy from `custom_dir`. Their paths are compared as written: on_files
    has refused any link among the project's files, so none resolves elsewhere."""
    roots = (os.path.join(os.path.normpath(custom_dir), ""), os.path.join(str(custom_dir.resolve()), ""))
    return [f for f in files if f.abs_src_path and os.path.normpath(f.abs_src_path).startswith(roots)]


@event_priority(-100)  # after mkdocs-static-i18n set this language's site name
def on_pre_build(config, **_):
    if _state.clears_site and not _state.languages_built:  # a build's first pass, before MkDocs cleans
        _state.site_clearing = clear_beside(Path(config.site_dir))
    settings = _state.build.catalogue.site if _state.build else None
    if settings and settings.name:  # data/site.yml names the site: over mkdocs.yml's and the plugin's
        config["site_name"] = settings.name[config.theme["language"]]
    for field in SITE_TEXT_FIELDS:
        if config[field]:
            config[field] = escape(config[field])


@event_priority(-100)  # last, so any other plugin still sees the page's Markdown as written
def on_page_markdown(markdown, page, **_):
    """Escape the page's front matter texts; generated pages already hold finished HTML.

    Generated pages' Markdown is raw HTML, which Markdown passes through unchanged but only after
    parsing every tag (about a third of a build's time): it goes back in on_page_content.
    """
    for field in PAGE_TEXT_FIELDS:
        if isinstance(page.meta.get(field), str):
            page.meta[field] = escape(page.meta[field])
    if page.meta.get("prerendered"):
        _state.prerendered[page.file.src_uri] = markdown
        if _address_of_credential(page):
            page.meta[TEMPLATE] = FILLED_TEMPLATE  # see _filled
        return ""
    return markdown


@event_priority(100)
def on_page_content(html, page, config, **_):
    html = _state.prerendered.pop(page.file.src_uri, html)
    # The "Share a link" page's builder is generated from the data (catalogue/link_builder.py).
    html = with_link_builder(html, _state.build.link_builders[config.theme["language"]])
    return with_versioned_catalogue_qr(html, page.url, _state.build.heads.catalogue_qr_versions)


@event_priority(-200)  # the navigation as mkdocs-static-i18n translated it
def on_nav(nav, **_):
    _state.nav = nav
    return nav


def on_env(env, config, **_):
    """What the theme's templates ask: every address from addresses.py, as the catalogue's
    templates do (the 404 page's are absolute: it is served at any address); and for the sitemap
    template (overrides/sitemap.xml), each page's alternates as its head lists them."""
    site_url = config.site_url or ""
    env.bytecode_cache = env.bytecode_cache or compiled_templates()  # the theme's, as ours
    env.globals["addresses"] = addresses
    env.globals["absolute_address"] = partial(addresses.absolute, site_url=site_url)
    env.globals["catalogue_alternates"] = lambda url: alternates(page_of_url(url)[0], site_url)
    env.globals["catalogue_theme_stylesheets"] = _theme_stylesheets(config)
    env.globals["favicon_address"] = _favicon_address(config)
    _state.env = env
    # Listing a theme's templates walks its folders: once per language, not once per page depth.
    _state.theme_script_templates = env.list_templates(filter_func=lambda name: name.startswith(THEME_SCRIPTS))
    _state.theme_scripts.clear()
    _state.shells.clear()  # the templates may have changed (mkdocs serve)
    _state.shell_checks.clear()
    return env


def _favicon_address(config) -> str:
    """The favicon's address with its content version, like every asset of ours: a returning
    reader never keeps an old icon. The file is the theme's or the project's (theme.favicon)."""
    favicon = str(config.theme["favicon"])
    for folder in [config.docs_dir, *config.theme.dirs]:
        path = Path(folder) / favicon
        if path.is_file():
            return f"{favicon}?v={addresses.content_version(path.read_bytes().hex())}"
    return favicon


def _theme_stylesheets(config) -> list[str]:
    """Material's own stylesheets (their names carry a hash), for pages that do without its base
    template: the embeddable list (overrides/embedded.html)."""
    for folder in config.theme.dirs:
        styles = Path(folder) / addresses.THEME_STYLESHEETS
        found = sorted(styles.glob("main.*.min.css")) + sorted(styles.glob("palette.*.min.css"))
        if found:
            return [addresses.file_beside(addresses.THEME_STYLESHEETS, path.name) for path in found]
    return []


def on_page_context(context, page, config, **_):
    """What the head partial (overrides/partials/catalogue-head.html) prints: previews, alternates, JSON-LD."""
    context["catalogue_head"] = _catalogue_head(page, config)
    _state.trusted_scripts[page.file.src_uri] = _theme_scripts(context, config) + _page_scripts()
    if page.meta.get(TEMPLATE) == FILLED_TEMPLATE:
        context["catalogue_filled_page"] = _filled(context, page, config)
    return context


def _catalogue_head(page, config):
    description = page.meta.get("description") or config.site_description or ""
    # Plain text again: the sharing head escapes for HTML and writes JSON-LD itself.
    return _state.build.heads.head(page.url, _plain(page.title or ""), _plain(description))


# Credential pages, thousands of them, are the theme's page rendered once per language and kind
# with markers for their own texts, then filled in for each (pages/shell.py): MkDocs renders
# this template for them, which prints the filled page.
TEMPLATE = "template"  # the front matter field naming the page's template
THEME_TEMPLATE = "main.html"
FILLED_TEMPLATE = "filled-page.html"
HEAD_TEMPLATE = "partials/catalogue-head.html"
# Each kind's first pages are also rendered by the theme and compared: a difference (a template
# that prints a text its own way) makes that kind rendered by the theme from then on.
PAGES_COMPARED = 2
# Set (tests), every filled page is compared, and a difference stops the build.
COMPARE_EVERY_PAGE = "CATALOGUE_COMPARE_FILLED_PAGES"
SLOT_FIELDS = ("title", "description", "print_qr")


def _address_of_credential(page) -> str | None:
    """A credential page's address as its links hold it ("mc/<id>/"), or None for other pages."""
    return _credential_address(page.url)


def _credential_address(url: str) -> str | None:
    address, _ = page_of_url(url)
    folder, _, name = address.partition("/")
    return f"{address}/" if folder == addresses.CREDENTIALS and name and "/" not in name else None


def _filled(context, page, config) -> str:
    """The page as the theme renders it: filled into its kind's shell, or rendered."""
    key = (config.theme["language"], _kind(page, config))
    if key not in _state.shells:
        _state.shells[key] = _shell_of(context, page)
        if _state.shells[key] is None:
            _say_rendered_by_theme(page, "the theme prints their texts its own way")
    page_shell = _state.shells[key]
    if page_shell is None:
        return _theme_rendered(context, page)
    filled = page_shell.fill(_slot_values(context, page))
    compared = _state.shell_checks.get(key, 0)
    every = bool(os.environ.get(COMPARE_EVERY_PAGE))
    if compared < PAGES_COMPARED or every:
        _state.shell_checks[key] = compared + 1
        rendered = _theme_rendered(context, page)
        if filled != rendered:
            if every:
                raise Abort(f"{page.file.src_uri}: the filled page differs from the theme's (pages/shell.py)")
            _say_rendered_by_theme(page, "a filled page differed from the theme's")
            _state.shells[key] = None
            return rendered
    return filled


def _say_rendered_by_theme(page, why: str) -> None:
    log.info("catalogue: pages like %s are rendered by the theme, not filled (%s)", page.file.src_uri, why)


def _kind(page, config) -> tuple:
    """What makes the theme render two pages alike, but for their texts: the rest of their front
    matter, which texts they have, whether the title is the site's name, and the body's heading."""
    meta = page.meta
    rest = tuple(sorted((k, repr(v)) for k, v in meta.items() if k not in SLOT_FIELDS))
    present = tuple(field for field in SLOT_FIELDS if meta.get(field))
    return rest, present, meta.get("title") == config.site_name, "<h1" in (page.content or "")


def _shell_of(context, page) -> shell.Shell | None:
    """The theme's page for `page`, with markers for its own texts, cut at them."""
    meta, content = page.meta, page.content
    page.meta = {key: value for key, value in meta.items() if key != TEMPLATE}
    markers = {"title": escape(shell.TITLE), "description": escape(shell.DESCRIPTION), "print_qr": shell.PRINT_QR}
    page.meta.update((field, marker) for field, marker in markers.items() if meta.get(field))  # those it has
    page.content = shell.BODY
    try:
        rendered = _state.env.get_template(THEME_TEMPLATE).render(context)
    finally:
        page.meta, page.content = meta, content
    head = _head(context)
    if not head.strip() or rendered.count(head) != 1:
        return None
    rendered = rendered.replace(head, shell.HEAD)
    return shell.Shell.cut(rendered, shell.escaped_markers(_address_of_credential(page)))


def _slot_values(context, page) -> dict[str, str]:
    meta = page.meta
    return shell.page_values(
        meta.get("title") or "",
        meta.get("description") or "",
        meta.get("print_qr"),
        page.content,
        _head(context),
        _address_of_credential(page),
    )


def _head(context) -> str:
    """What the head partial prints for this page (the theme's page includes it once)."""
    return _state.env.get_template(HEAD_TEMPLATE).render(catalogue_head=context.get("catalogue_head"))


def _theme_rendered(context, page) -> str:
    """The page rendered by the theme's own template, as MkDocs would have."""
    meta = page.meta
    page.meta = {key: value for key, value in meta.items() if key != TEMPLATE}
    try:
        return _state.env.get_template(THEME_TEMPLATE).render(context)
    finally:
        page.meta = meta


# Most credential pages never enter MkDocs' own page loop: MkDocs would build a Markdown converter
# for each (its body is finished HTML), render the template that prints the filled page, and
# collect every page before writing any. In each language's pass the first pages of each kind
# (PAGES_COMPARED) go through MkDocs: they give the kind's shell and are compared with the
# theme's rendering. The others are excluded from MkDocs' loop, read as MkDocs reads a page, and
# written after it (_write_filled_pages) with the same events, from their kind's shell; a page
# whose kind has no shell is built by MkDocs' own page builder, as in its loop.


def _defers_pages() -> bool:
    """Not under `mkdocs serve` (it would build excluded pages as drafts), nor when every filled
    page is compared with the theme's rendering (tests): there, each page goes through MkDocs."""
    return not _state.serving and not os.environ.get(COMPARE_EVERY_PAGE)


def _deferred_pages(files, config) -> list[Page]:
    """This pass's credential pages but the first of each kind, excluded from MkDocs' page loop.
    Each is read now, as MkDocs reads a page: the sitemap, rendered before any page, skips those
    whose front matter keeps them out of search engines."""
    if not _defers_pages():
        return []
    seen: dict[tuple, int] = {}
    deferred = []
    for file in files.documentation_pages():
        if not _credential_address(file.url):
            continue
        page = Page(None, file, config)
        page.read_source(config)
        if not page.meta.get("prerendered"):
            continue
        kind = _source_kind(page.meta, page.markdown, config)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= PAGES_COMPARED:  # a specimen: MkDocs reads it again, builds it, and it gives the shell
            continue
        file.inclusion = InclusionLevel.EXCLUDED
        deferred.append(page)
    return deferred


def _source_kind(meta: dict, markdown: str, config) -> tuple:
    """What _kind will say of a page, read from its source: the pages that share a specimen. A
    difference costs only time: a page whose kind has no shell is rendered by the theme."""
    rest = tuple(sorted((k, repr(v)) for k, v in meta.items() if k not in SLOT_FIELDS))
    present = tuple(field for field in SLOT_FIELDS if meta.get(field))
    return rest, present, escape(meta.get("title") or "") == config.site_name, "<h1" in markdown


def _write_filled_pages(config) -> None:
    """The pass's deferred credential pages, through the events MkDocs runs for a page; their last
    steps shared with other processes (building/page_finisher.py) when they are ours alone."""
    pages, _state.deferred = _state.deferred, []
    if not pages:
        return
    log.info("catalogue: %d credential pages written after MkDocs' own, from their kind's shell", len(pages))
    finisher = None
    if _post_page_is_ours(config):
        # No workers while the drawings hold the other cores; from when they are done, pages are shared.
        drawings = _state.build.drawings
        finish = _finish(config)
        busy = (lambda: not drawings.done()) if drawings else None
        finisher = PageFinisher(finish, len(pages), kept=_pass_kept_pages(config), cores_busy=busy)
    try:
        for page in pages:
            _write_filled_page(page, config, finisher)
        if finisher:
            finisher.close()
            if finisher.kept and finisher.kept.taken:
                log.info("catalogue: %d of them as an earlier build finished them", finisher.kept.taken)
    except finishing.UnfinishedPage as refused:
        raise Abort(_refused(refused.source, refused.reason)) from None
    finally:
        if finisher:
            finisher.cancel()


def _write_filled_page(page, config, finisher: PageFinisher | None) -> None:
    files = _state.files
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        if page.markdown:  # not a finished body (on_page_markdown): its Markdown rendered
            page.render(config, files)
        else:
            _rendered_empty(page)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        output = _filled_output(page, config)
        if output is None:  # no shell for its kind: the theme renders it, as in MkDocs' loop
            doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
            _build_page(page, config, doc_files, _state.nav, _state.env)
        elif finisher:
            scripts = tuple(_state.trusted_scripts.pop(page.file.src_uri))
            path = page.file.abs_dest_path
            finisher.add(finishing.PageFile(page.file.src_uri, output, scripts, path, _page_sitemap(page, config)))
        else:
            output = config.plugins.on_post_page(output, page=page, config=config)
            if output.strip():
                write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    finally:
        config._current_page = None
    page.markdown = page.content = None  # written: its texts need not stay in memory


def _pass_kept_pages(config) -> kept_pages.KeptPages | None:
    """The pages earlier builds finished in this pass's language (building/kept_pages.py); None
    where none can be kept."""
    lang = config.theme["language"]
    if lang not in _state.kept_by_language:
        try:
            _state.kept_by_language[lang] = kept_pages.KeptPages(_state.build.project_root, _finish(config))
        except OSError:
            _state.kept_by_language[lang] = None
    return _state.kept_by_language[lang]


def _post_page_is_ours(config) -> bool:
    """Whether a page's last steps are this hook's alone: any other handler of the event is
    mkdocs-static-i18n's, which changes a page only for mkdocs-with-pdf."""
    for handler in config.plugins.events["post_page"]:
        if handler is on_post_page:
            continue
        owner = getattr(handler, "__self__", None)
        if type(owner).__module__.startswith("mkdocs_static_i18n.") and "with-pdf" not in config.plugins:
            continue
        return False
    return True


def _rendered_empty(page) -> None:
    """What Page.render leaves for empty Markdown (converted to nothing), without a converter."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()


def _filled_output(page, config) -> str | None:
    """The page as the theme renders it, from its kind's shell; None without a shell."""
    lang = config.theme["language"]
    page_shell = _state.shells.get((lang, _kind(page, config)))
    theme_scripts = _state.theme_scripts.get((lang, get_relative_url(".", page.url)))
    if page_shell is None or theme_scripts is None:
        return None
    context = {"catalogue_head": _catalogue_head(page, config)}
    _state.trusted_scripts[page.file.src_uri] = theme_scripts + _page_scripts()
    return page_shell.fill(_slot_values(context, page))


def on_template_context(context, template_name, config, **_):
    _state.trusted_scripts[template_name] = _theme_scripts(context, config)
    return context


# Material writes its inline scripts from these templates only; a page may run those and no other.
THEME_SCRIPTS = "partials/javascripts/"


def _theme_scripts(context, config) -> list[str]:
    """The inline scripts the theme's own templates write on a page of this language and depth."""
    key = (config.theme["language"], context.get("base_url"))
    if key not in _state.theme_scripts:
        values = dict(context, features=config.theme.get("features") or [])
        rendered = "".join(_state.env.get_template(name).render(values) for name in _state.theme_script_templates)
        _state.theme_scripts[key] = csp.inline_scripts(rendered)
    return _state.theme_scripts[key]


def _page_scripts() -> list[str]:
    """The search pages' scripts, which the build joins from ours and writes inside those pages."""
    scripts = _state.build.page_scripts
    return list(scripts.files.values()) if scripts else []


def _plain(text: str) -> str:
    """A text escaped by on_page_markdown (Markup), as the plain text it was written as."""
    return text.unescape() if isinstance(text, Markup) else text


def _page_sitemap(page, config) -> tuple[str, str] | None:
    """Material fetches sitemap.xml beside every alternate link: each page folder has its own.
    Its path in the site and its text."""
    if not page.url or page.meta.get("redirect"):
        return None
    page_path, lang = page_of_url(page.url)
    target = os.path.join(config.site_dir, addresses.url_beside(page_path, "sitemap.xml", lang))
    return target, _state.build.heads.page_sitemap(page_path, lang)


@event_priority(-200)  # last: the policy hashes the page's final inline scripts
def on_post_page(output, page, config, **_):
    """The page's last steps (pages/finishing.py: French typography, critical styles, policy),
    and the sitemap.xml the theme fetches beside it. The file MkDocs is about to write the page
    into goes first, and the sitemap is a new file: left by a dirty build's predecessor, either
    may be a kept file's other link (building/kept_pages.py), which a write would go through."""
    sitemap = _page_sitemap(page, config)
    if sitemap:
        target, text = sitemap
        write_new(target, text.encode("utf-8"))
    finished = _finished(output, page.file.src_uri, config)
    if os.path.lexists(page.file.abs_dest_path):
        os.unlink(page.file.abs_dest_path)
    return finished


@event_priority(-200)
def on_post_template(output_content, template_name, config, **_):
    """The same for pages MkDocs renders from a bare template (404.html); sitemap.xml is no HTML."""
    if not template_name.endswith(".html"):
        return output_content
    return _finished(output_content, template_name, config)


def _finished(html: str, source: str, config) -> str:
    """The page's last steps, or their result an earlier build kept (building/kept_pages.py)."""
    scripts = _state.trusted_scripts.pop(source)
    kept = _pass_kept_pages(config)
    if kept:
        finished, kept_as = kept.finished_before(html, scripts)
        if finished is not None:
            return finished
    try:
        finished = finishing.finished(html, _finish(config), scripts)
    except csp.UntrustedScript as untrusted:
        raise Abort(_refused(source, str(untrusted))) from None
    if kept:
        kept.keep_finished(kept_as, finished)
    return finished


def _refused(source: str, untrusted: str) -> str:
    return f"{source}: {untrusted} (scripts go in files under docs/assets/javascripts/)"


def _finish(config) -> finishing.Finish:
    """What every page of this language is finished with: the theme's toggles' names, its stylesheets."""
    words, lang = config.extra["catalogue_words"], config.theme["language"]
    names = ToggleNames(
        search=words["theme_search_toggle"][lang],
        table_of_contents=words["theme_toc_toggle"][lang],
        menu=words["theme_menu_button"][lang],
    )
    return finishing.Finish(lang, names, _stylesheets(config))


def _stylesheets(config) -> critical_css.Stylesheets:
    """Every page's stylesheets as the site serves them (Material's, then ours), read rule by rule
    once: again only when their text changed, not for each language's pass of a build."""
    if _state.stylesheets_compared:
        return _state.stylesheets
    sheets = []
    for address in _theme_stylesheets(config):
        for folder in config.theme.dirs:
            if (Path(folder) / address).is_file():
                sheets.append((address, (Path(folder) / address).read_text(encoding="utf-8")))
                break
    for path in config.extra_css:
        address = str(path).split("?", 1)[0]
        sheets.append((address, minify.served_file(Path(config.docs_dir), address)))
    if _state.stylesheets is None or _state.stylesheets.sheets != tuple(sheets):
        _state.stylesheets = critical_css.Stylesheets(sheets)
    _state.stylesheets_compared = True
    return _state.stylesheets


@event_priority(50)  # after MkDocs wrote 404.html, before mkdocs-static-i18n starts the next language
def on_post_build(config, **_):
    """This pass's deferred credential pages. Keep one 404 page per language: each pass writes
    site/404.html over the previous one. After the last language's pages, the drawings (made
    meanwhile by other processes) join them."""
    _write_filled_pages(config)
    _keep_not_found_pages(config)
    _state.languages_built.add(config.theme["language"])
    if _state.languages_built >= _languages(config):
        _state.languages_built.clear()
        _publish_drawings_and_keep_the_build(Path(config.site_dir))
        passes, _state.kept_by_language = _state.kept_by_language, {}
        used = set().union(*(kept.used for kept in passes.values() if kept))
        if used:
            kept_pages.tidy(_state.build.project_root, used)
        _site_cleared()
        _state.collector.end()


def _site_cleared() -> None:
    """Once the last site's files, moved aside at the start (building/site_clearing.py), are gone."""
    clearing, _state.site_clearing = _state.site_clearing, None
    if clearing:
        clearing.wait()


def _publish_drawings_and_keep_the_build(site_dir: Path) -> None:
    """The drawings into the site while a copy of this process keeps what this build read and
    made for the next build with the same inputs (building/kept_build.py): at 10,000 records
    each takes a few seconds, and nothing else is left to run beside them."""
    build, inputs, _state.inputs = _state.build, _state.inputs, None
    writing = kept_build.writing_path(build.project_root)
    try:
        kept = _published_beside_kept(build, inputs, writing, site_dir)
    except UnsafeDrawing as refused:
        raise Abort(str(refused)) from None
    except OSError as unwritable:
        raise Abort(f"catalogue: {os_error(unwritable)}") from None
    try:
        if kept is True:
            os.replace(writing, Path(build.project_root) / kept_build.KEPT_FILE)
        elif kept:
            log.info("catalogue: this build is not kept for the next: %s", kept)
    except OSError as unwritable:  # a read-only cache: the next build starts from the data
        log.info("catalogue: this build is not kept for the next: %s", os_error(unwritable))
    finally:
        writing.unlink(missing_ok=True)


def _published_beside_kept(build: CatalogueBuild, inputs: str | None, writing: Path, site_dir: Path) -> bool | str:
    """Every drawing made and put into the site, while a copy of this process writes the build
    at `writing` (what _kept says); nothing is left there when they cannot all be published."""
    try:
        build.drawings.finish()  # every drawing made before the build is kept
        _, kept = side_by_side(lambda: build.drawings.publish(site_dir), lambda: _kept(build, inputs, writing))
        return kept
    except BaseException:
        writing.unlink(missing_ok=True)  # a build that fails keeps nothing
        raise


def _kept(build: CatalogueBuild, inputs: str | None, writing: Path) -> bool | str:
    """Whether the build was written at `writing` for the next one, or why not (a read-only
    cache: the next build starts from the data)."""
    if inputs is None:
        return False
    try:
        return kept_build.write_kept(build, inputs, writing)
    except OSError as unwritable:
        return os_error(unwritable)


def on_build_error(**_):
    """A failed build does not wait for its drawings; the next one starts its count of languages afresh."""
    _state.languages_built.clear()
    _site_cleared()
    _state.collector.end()
    _state.inputs = None  # nothing of a failed build is kept
    _state.kept_by_language = {}
    if _state.build and _state.build.drawings:
        _state.build.drawings.cancel()
        _state.build = None  # its drawings are not all made: the next build plans its own


def on_shutdown(**_):
    """Even a build stopped by the keyboard (no build error) leaves no files of the last site."""
    _site_cleared()


def _languages(config) -> set[str]:
    """The languages this build makes pages in: one pass of MkDocs each (mkdocs-static-i18n)."""
    i18n = config.plugins.get("i18n")
    return set(getattr(i18n, "build_languages", None) or addresses.HREFLANGS)


def _keep_not_found_pages(config) -> None:
    site_dir = Path(config.site_dir)
    combined = site_dir / critical_css.COMBINED  # what every page links after its content
    combined.write_text(_stylesheets(config).combined, encoding="utf-8")
    lang = config.theme["language"]
    _state.not_found_pages[lang] = (site_dir / "404.html").read_bytes()
    for other, page in _state.not_found_pages.items():
        target = site_dir / addresses.url_beside(addresses.HOME, "404.html", other)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page)
