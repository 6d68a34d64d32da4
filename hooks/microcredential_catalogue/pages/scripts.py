"""The scripts the search pages load: one file per page and language, joined by script_bundle.py.

The catalogue page and the embeddable list each run one module (catalogue.js, embed.js) with
its imports, after lunr and its stemmers, which search/text.js takes from `window.lunr` (the
build stems with the same algorithms). French needs lunr's French stemmer too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import addresses
from ..model.catalogue import LANGUAGES
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
        addresses.page_script(entry, lang): bundle(scripts_dir, entry, STEMMERS[lang])
        for entry in ENTRIES
        for lang in LANGUAGES
    }
    return PageScripts(files)
