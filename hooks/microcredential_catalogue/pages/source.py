"""A generated page as the site generator reads it: front matter and a body of finished HTML."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .. import addresses
from ..model.catalogue import Catalogue
from .render import Renderer

# Characters a YAML reader does not take raw inside a quoted scalar: DEL and the C1 controls are
# not printable, and U+0085, U+2028 and U+2029 are line breaks it would fold into spaces or
# newlines. json.dumps leaves them raw (ensure_ascii=False); written as \uXXXX they stay exact.
_YAML_RAW_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")
# mkdocs-static-i18n splits every page's Markdown with str.splitlines, which also breaks lines at
# U+2028 and U+2029: in the HTML body they are written as character references, the same text.
_SPLITLINES_BREAKS = {0x2028: "&#x2028;", 0x2029: "&#x2029;"}


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
        body = self.body
        if "\u2028" in body or "\u2029" in body:  # rare: a translation looks up every character
            body = body.translate(_SPLITLINES_BREAKS)
        return f"---\n{header}---\n\n{body}\n"


def _yaml_scalar(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_RAW_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class PageFamily:
    """Pages of one kind (credential pages, group pages…), rendered from the catalogue's templates."""

    def __init__(self, catalogue: Catalogue, renderer: Renderer):
        self.catalogue = catalogue
        self.renderer = renderer

    def pages(self, lang: str) -> list[PageSource]:
        raise NotImplementedError

    def text(self, key: str, lang: str, **values) -> str:
        return self.renderer.text(key, lang, **values)

    def page(self, page, lang, template, title, description="", hide=("navigation",), **context) -> PageSource:
        body = self.renderer.render(template, page, lang, **context)
        # "prerendered": the body is finished HTML, see on_page_markdown in hooks/mkdocs_catalogue.py.
        front = {"title": title, "description": description or title, "hide": list(hide), "prerendered": True}
        return PageSource(page, lang, front, body)
