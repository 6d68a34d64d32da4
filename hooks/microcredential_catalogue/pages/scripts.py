"""The scripts the search pages load: one file per page and language, joined by script_bundle.py.

The catalogue page and the embeddable list each run one module (catalogue.js, embed.js) with
its imports, after lunr and its stemmers, which search/text.js takes from `window.lunr` (the
build stems with the same algorithms). French needs lunr's French stemmer too. The modules are
minified (pages/minify.py); lunr and its stemmers come minified already, licence headers kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import addresses
from ..model.catalogue import LANGUAGES
from . import minify
from .script_bundle import bundle

ENTRIES = ("catalogue.js", "embed.js")
LUNR = ("vendor/lunr.min.js",)
STEMMERS = {"fr": (*LUNR, "vendor/lunr.stemmer.support.min.js", "vendor/lunr.fr.min.js"), "en": LUNR}


@dataclass(frozen=True)
class PageScripts:
    files: dict[str, str]  # docs-relative path -> text

    def path(self, entry: str, lang: str) -> str:
        """The file of `entry` for `lang`, named with its version."""
        path = addresses.page_script(entry, lang)
        return f"{path}?v={addresses.content_version(self.files[path])}"


def page_scripts(scripts_dir: Path) -> PageScripts:
    """Every search page's script, from our scripts under `scripts_dir` (docs/assets/javascripts)."""
    files = {
        addresses.page_script(entry, lang): bundle(scripts_dir, entry, STEMMERS[lang], minify=_minified)
        for entry in ENTRIES
        for lang in LANGUAGES
    }
    return PageScripts(files)


def _minified(text: str, name: str) -> str:
    """A module of the bundle minified; a refusal names it from docs/ (assets/javascripts/…)."""
    return minify.script(text, addresses.script(name))
