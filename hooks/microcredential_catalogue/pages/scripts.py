"""The scripts the search pages run: one per page and language, joined by script_bundle.py.

The catalogue page and the embeddable list each run one module (catalogue.js, embed.js) with
its imports, after lunr and its stemmers, which search/text.js takes from `window.lunr` (the
build stems with the same algorithms). French needs lunr's French stemmer too. The modules are
minified (pages/minify.py); lunr and its stemmers come minified already, licence headers kept.

Each is written inside its page (overrides/catalogue/_search_scripts.html), allowed by its hash
in the page's policy: as a file it was one more round trip before search could answer, about
0.3 s of a first answer on a slow link (bench/RESULTS.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .. import addresses
from ..model.catalogue import LANGUAGES
from . import minify
from .script_bundle import BundleError, bundle

ENTRIES = ("catalogue.js", "embed.js")
LUNR = ("vendor/lunr.min.js",)
STEMMERS = {"fr": (*LUNR, "vendor/lunr.stemmer.support.min.js", "vendor/lunr.fr.min.js"), "en": LUNR}


# What would end a <script> element early, or change how an HTML parser reads its text.
_ENDS_INLINE_SCRIPT = re.compile(r"</script|<!--|<script", re.IGNORECASE)


class NotInlinable(BundleError):
    """A script that cannot be written inside a page as it is: '{name} (line {n}): why'."""


@dataclass(frozen=True)
class PageScripts:
    files: dict[str, str]  # docs-relative path (its name, were it a file) -> text

    def inline(self, entry: str, lang: str) -> Markup:
        """The text of `entry` for `lang`, to write between <script> and </script> as it is."""
        return Markup(self.files[addresses.page_script(entry, lang)])


def page_scripts(scripts_dir: Path) -> PageScripts:
    """Every search page's script, from our scripts under `scripts_dir` (docs/assets/javascripts)."""
    for name in sorted({name for names in STEMMERS.values() for name in names}):  # joined as they are
        _refuse_what_ends_a_script((scripts_dir / name).read_text(encoding="utf-8"), name)
    files = {
        addresses.page_script(entry, lang): bundle(scripts_dir, entry, STEMMERS[lang], minify=_minified)
        for entry in ENTRIES
        for lang in LANGUAGES
    }
    return PageScripts(files)


def _minified(text: str, name: str) -> str:
    """A module of the bundle minified; a refusal names it from docs/ (assets/javascripts/…)."""
    minified = minify.script(text, addresses.script(name))
    _refuse_what_ends_a_script(minified, name, source=text)  # a comment may say "<script>": it is gone
    return minified


def _refuse_what_ends_a_script(text: str, name: str, source: str | None = None) -> None:
    """NotInlinable when `text` holds what would end its <script> element, found at its line in `source`."""
    if found := _ENDS_INLINE_SCRIPT.search(text):
        source = source or text
        at = source.lower().find(found.group(0).lower())
        line = source.count("\n", 0, max(at, 0)) + 1
        raise NotInlinable(
            f"{name} (line {line}): {found.group(0)!r} would end the <script> element the search pages "
            "carry this script in; write it otherwise, such as '<\\/script' or '<' + 'script' in a string"
        )
