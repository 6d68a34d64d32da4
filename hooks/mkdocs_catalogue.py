"""The thin adapter between MkDocs events and the catalogue core (hooks/catalogue/).

mkdocs-static-i18n runs the whole build once per language, so events fire twice per build;
the data is loaded, validated and written once, and reused while its files do not change.
"""

from __future__ import annotations

import logging
from pathlib import Path

from catalogue.addresses import DEFAULT_LANGUAGE
from catalogue.problems import DataInvalid
from catalogue.render import load_strings
from catalogue.site import CatalogueBuild, fingerprint
from catalogue.typography import french_html
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.catalogue")


class _BuildState:
    """The current build, kept between the per-language passes of one process."""

    def __init__(self):
        self.build: CatalogueBuild | None = None
        self.not_found_pages: dict[str, bytes] = {}  # language -> its 404.html, see on_post_build
        self.prerendered: dict[str, str] = {}  # page source -> HTML, between two page events


_state = _BuildState()


@event_priority(100)  # before mkdocs-static-i18n (-100) reads the files
def on_config(config, **_):
    project_root = Path(config.config_file_path).parent
    templates_dir = Path(config.theme.custom_dir) / "catalogue"
    current = _state.build
    if current is not None and current.fingerprint == fingerprint(project_root, templates_dir):
        return _share_site_settings(config, current)
    try:
        _state.build = CatalogueBuild.load(project_root, Path(config.docs_dir), templates_dir)
    except DataInvalid as invalid:
        _state.build = None
        raise Abort(invalid.report()) from None
    report = _state.build.write()
    log.info(
        "catalogue: %d credentials; pages written %d, unchanged %d, removed %d",
        len(_state.build.catalogue.credentials),
        report.written,
        report.unchanged,
        report.removed,
    )
    return _share_site_settings(config, _state.build)


def _share_site_settings(config, build: CatalogueBuild):
    """Who runs the site (data/site.yml), for the theme's header and footer templates."""
    settings = build.catalogue.site
    config.extra["catalogue_site"] = settings.for_templates(build.catalogue) if settings else None
    strings = load_strings(build.templates_dir)
    config.extra["catalogue_words"] = {key: strings[key] for key in THEME_WORDS}
    return config


# The site's words that the theme's own templates (header, footer) use, both languages each.
THEME_WORDS = (
    "footer_run_by",
    "footer_contact",
    "footer_about",
    "footer_privacy",
    "skip_to_content",
    "site_info_title",
    "site_info_checked",
)


@event_priority(-100)  # last, so any other plugin still sees the page's Markdown as written
def on_page_markdown(markdown, page, **_):
    """Generated pages already hold finished HTML: spare Python-Markdown re-parsing it.

    Their Markdown is raw HTML, which Markdown passes through unchanged but only after parsing
    every tag (about a third of a build's time). The HTML goes back in on_page_content.
    """
    if page.meta.get("prerendered"):
        _state.prerendered[page.file.src_uri] = markdown
        return ""
    return markdown


@event_priority(100)
def on_page_content(html, page, **_):
    return _state.prerendered.pop(page.file.src_uri, html)


@event_priority(90)  # before any step that hashes or rewrites the final HTML (CSP hashes: lower)
def on_post_page(output, page, config, **_):
    """French typography on every French page, generated or hand-written, once, on its final HTML."""
    return french_html(output) if config.theme["language"] == "fr" else output


@event_priority(90)
def on_post_template(output_content, template_name, config, **_):
    """The same for pages MkDocs renders from a bare template (404.html)."""
    return french_html(output_content) if config.theme["language"] == "fr" else output_content


@event_priority(50)  # after MkDocs wrote 404.html, before mkdocs-static-i18n starts the next language
def on_post_build(config, **_):
    """Keep one 404 page per language: each pass writes site/404.html over the previous one."""
    site_dir = Path(config.site_dir)
    lang = config.theme["language"]
    _state.not_found_pages[lang] = (site_dir / "404.html").read_bytes()
    for other, page in _state.not_found_pages.items():
        target = site_dir / ("404.html" if other == DEFAULT_LANGUAGE else f"{other}/404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page)
