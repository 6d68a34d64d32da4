"""No template or source file is ever published: MkDocs copies every non-HTML file of the theme's
custom_dir into the site, and our feed and sitemap templates were once served as XML."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

import material
import yaml
from support import PROJECT

TEMPLATE_SYNTAX = re.compile(r"\{[{%].{0,60}?[}%]\}", re.DOTALL)
TEXT_SUFFIXES = {".html", ".xml", ".json", ".js", ".css", ".ics", ".csv", ".txt", ".svg", ".webmanifest"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _theme_files() -> set[str]:
    """Files Material ships as they are (its vendored scripts may hold "{{" in comments)."""
    root = Path(material.__file__).parent
    return {_digest(path) for path in root.rglob("*") if path.is_file()}


def _static_templates() -> list[str]:
    """theme.static_templates of mkdocs.yml (its !ENV tags read as plain values)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda loader, tag, node: None)
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    return config["theme"].get("static_templates", [])


def _data_text(project: Path) -> str:
    """Every data file as one text: an editor may write "{{" in a title, and it must show as typed."""
    return "\n".join(path.read_text(encoding="utf-8") for path in (project / "data").rglob("*.yml"))


def test_nothing_of_custom_dir_is_published(shipped_build):
    """No file of the built site has the path of a file under overrides/ (the templates and words)."""
    overrides = PROJECT / "overrides"
    sources = {path.relative_to(overrides).as_posix() for path in overrides.rglob("*") if path.is_file()}
    published = {path.relative_to(shipped_build.site).as_posix() for path in shipped_build.site.rglob("*")}
    # The theme renders its static templates (Material's sitemap.xml and 404.html, and those
    # mkdocs.yml names, such as robots.txt) as pages; every other file must not appear.
    rendered = {"sitemap.xml", "404.html", *_static_templates()}
    copied = {name for name in sources if name in published or f"en/{name}" in published}
    assert copied <= rendered, f"copied from overrides/: {sorted(copied - rendered)}"


def test_no_template_syntax_in_any_published_file(shipped_build):
    """Every "{{ … }}" or "{% … %}" in the built site is text an editor wrote in data/."""
    theme, data = _theme_files(), _data_text(shipped_build.project)
    leaks = []
    for path in sorted(shipped_build.site.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or _digest(path) in theme:
            continue
        text = html.unescape(path.read_text(encoding="utf-8", errors="replace"))
        leaks.extend(
            f"{path.relative_to(shipped_build.site)}: {match.group()!r}"
            for match in TEMPLATE_SYNTAX.finditer(text)
            if match.group() not in data
        )
    assert not leaks, "\n".join(leaks[:20])
