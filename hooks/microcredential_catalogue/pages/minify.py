"""Our scripts and stylesheet as the site serves them: minified, the sources under docs/ left readable.

rjsmin and rcssmin take out the comments and the spaces a browser does not need; neither renames
nor reorders anything, so a minified script runs as its source does. A comment that starts
`/*!` (a licence) is kept. The vendored libraries (assets/javascripts/vendor/) are served as they
came, their licence headers included; the search pages' one script keeps them as they are and
minifies the part that is ours (pages/scripts.py).

rjsmin squeezes the spaces of a template literal written inside another's `${…}`: a script with
one stops the build, naming the script, rather than ship changed words.

A module's imports of our files name them with their version too, as the pages do: a browser
keeps one copy of a module per address, so the page's `menu.js?v=…` and a module's import of it
stay one module, and a returning reader never mixes yesterday's module with today's.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import rcssmin
import rjsmin

from .. import addresses

VENDOR = f"{addresses.SCRIPTS}/vendor/"
_RELATIVE_IMPORT = re.compile(r'^(import\s*\{[^}]*\}\s*from\s*")(\.{1,2}/[^"?\n]+)(")', re.M)


class NotMinifiable(ValueError):
    """A script the minifier would change: `script (line n): why`."""


def script(text: str, name: str = "script") -> str:
    """`text` (JavaScript) without its comments and needless spaces."""
    nested = nested_template_line(text)
    if nested:
        raise NotMinifiable(
            f"{name} (line {nested}): a template literal inside another's ${{…}} would lose its spaces "
            "when minified (rjsmin); build the inner text in a variable first"
        )
    return rjsmin.jsmin(text, keep_bang_comments=True)


def stylesheet(text: str) -> str:
    """`text` (CSS) without its comments and needless spaces."""
    return rcssmin.cssmin(text, keep_bang_comments=True)


def is_minified(path: str) -> bool:
    """Whether the site serves the file at `path` (relative to docs/) minified: our scripts under
    assets/javascripts/ (not the vendored ones) and our stylesheets under assets/ (not the theme's)."""
    if path.startswith(addresses.SCRIPTS + "/"):
        return path.endswith(".js") and not path.startswith(VENDOR)
    return (
        path.startswith(addresses.ASSETS + "/")
        and path.endswith(".css")
        and not path.startswith(addresses.THEME_STYLESHEETS + "/")
    )


def served(path: str, text: str, docs_dir: Path, importers: tuple[str, ...] = ()) -> str:
    """The text the site serves for the file at `path` (relative to `docs_dir`) whose source is `text`."""
    if not is_minified(path):
        return text
    if path.endswith(".js"):
        return script(_imports_versioned(path, text, docs_dir, importers), path)
    return stylesheet(text)


def served_file(docs_dir: Path, path: str, importers: tuple[str, ...] = ()) -> str:
    """The text the site serves for the file at `path` under `docs_dir`: what its version is made from."""
    return served(path, (Path(docs_dir) / path).read_text("utf-8-sig"), docs_dir, importers)  # as MkDocs reads it


def _imports_versioned(path: str, text: str, docs_dir: Path, importers: tuple[str, ...]) -> str:
    """`text` with each `import {…} from "./file.js"` naming the file with its served version."""

    def versioned(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), match[2]))
        if target in (*importers, path):
            raise NotMinifiable(f"{path} (line {text.count(chr(10), 0, match.start()) + 1}): an import cycle")
        version = addresses.content_version(served_file(docs_dir, target, (*importers, path)))
        return f"{match[1]}{match[2]}?v={version}{match[3]}"

    return _RELATIVE_IMPORT.sub(versioned, text)


def nested_template_line(text: str) -> int | None:
    """The line of the first backtick inside a `${…}` (a template literal in another's
    placeholder), or None. It follows braces only, not strings or comments, so it may stop at a
    brace or a backtick in a string there: it errs towards refusing, never towards shipping."""
    start = text.find("${")
    while start != -1:
        depth, position = 1, start + 2
        while position < len(text) and depth:
            character = text[position]
            if character == "`":
                return text.count("\n", 0, position) + 1
            depth += {"{": 1, "}": -1}.get(character, 0)
            position += 1
        start = text.find("${", position)
    return None
