"""A Content-Security-Policy for a finished page, written as the first tag of its <head>.

Only the site's own files may load, and the only inline scripts that run are the theme's: each
is allowed by the SHA-256 of its text. Likewise the only inline style that applies is the page's
critical styles, which the build writes (pages/critical_css.py), allowed by its hash. A page is
checked against the scripts the theme's own templates write (given by the caller): any other
inline script, such as a record's text that a missed hole turned into markup, stops the build
instead of being hashed and allowed. Anything injected after the build cannot run, and neither
can an inline event handler (`onerror=…`), which no hash allows.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from html.parser import HTMLParser

# The `type` values that make a browser run a <script> (HTML: "JavaScript MIME type essence
# match", plus modules). Any other type, such as application/json or application/ld+json, is a
# data block the browser never runs: it needs no hash.
EXECUTABLE_TYPES = frozenset(
    {
        "",
        "module",
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)

# Nothing from another host. Styles: the theme's stylesheets are files, and its pages carry no
# style attribute and no <style> element but the critical styles the build writes (allowed by hash
# in style-src; a browser test listens for any violation on every kind of page).
FIXED_DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


class MissingHead(ValueError):
    """A page without a <head> start tag: there is nowhere to put its policy."""


class UntrustedScript(ValueError):
    """An inline script that the theme did not write: never allowed, reported instead."""


def policy(html: str) -> str:
    """The policy of one finished page: its inline scripts allowed by hash, nothing else inline."""
    return _policy(_Scan(html).script_hashes)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script of a page or fragment that a browser would run."""
    return _Scan(html).scripts


def with_policy(html: str, trusted_scripts: list[str] | None = None, trusted_styles: list[str] = ()) -> str:
    """The page with its policy as the first element of <head>, before any script can load.

    With `trusted_scripts`, every inline script of the page must be one of them (UntrustedScript).
    Of its <style> elements, only those of `trusted_styles` (the build's own) are allowed, by hash.
    """
    scan = _Scan(html)
    if scan.head_content_start is None:
        raise MissingHead("the page has no <head> tag to hold its Content-Security-Policy")
    if trusted_scripts is not None:
        trusted = {script_hash(text) for text in trusted_scripts}
        for text in scan.scripts:
            if script_hash(text) not in trusted:
                shown = " ".join(text.split())[:80]
                raise UntrustedScript(f"an inline script the theme did not write: <script>{shown}</script>")
    styles = [script_hash(text) for text in scan.styles if text in trusted_styles]
    tag = f'<meta http-equiv="Content-Security-Policy" content="{_policy(scan.script_hashes, styles)}">'
    at = scan.head_content_start
    return html[:at] + tag + html[at:]


def _policy(script_hashes: list[str], style_hashes: list[str] = ()) -> str:
    script_src = " ".join(["'self'", *(f"'{digest}'" for digest in script_hashes)])
    style_src = " ".join(["'self'", *(f"'{digest}'" for digest in style_hashes)])
    directives = [
        FIXED_DIRECTIVES[0],
        ("script-src", script_src),
        FIXED_DIRECTIVES[1],
        ("style-src", style_src),
        *FIXED_DIRECTIVES[2:],
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


@lru_cache(maxsize=1024)  # the theme's few scripts, on every page
def script_hash(text: str) -> str:
    """The CSP source that allows an inline script (or style) of exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# Finding a page's <head> and inline scripts needs only their tags, not a parse of every element:
# a full HTMLParser pass over each finished page was a fifth of a build. A browser starts a script
# element only at "<script" followed by a space, "/" or ">" (any case), outside comments and the
# text of another script or style element; the scan below skips exactly those, so it finds every
# script a browser would run (a "<script" inside a title or attribute is reported too: safe side).
_TAG_OR_SKIPPED = re.compile(
    r"""<!--.*?-->|<(head|script|style)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.IGNORECASE | re.DOTALL,
)
_END_TAG = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in ("script", "style")}


class _Scan:
    """One pass over a page: where its <head> content starts, and the hashes of its inline scripts."""

    def __init__(self, html: str):
        self.head_content_start: int | None = None
        self.scripts: list[str] = []  # each distinct text once, in order
        self.styles: list[str] = []  # the text of each <style> element, in order
        position = 0
        while match := _TAG_OR_SKIPPED.search(html, position):
            position = match.end()
            name = (match.group(1) or "").lower()
            if name == "head" and self.head_content_start is None:
                self.head_content_start = match.end()
            elif name in _END_TAG:
                end = _END_TAG[name].search(html, position)
                content_end = end.start() if end else len(html)
                if name == "script" and _runs_inline(match.group(0)):
                    self._add(html[position:content_end])
                elif name == "style":
                    self.styles.append(html[position:content_end])
                position = content_end

    def _add(self, text: str) -> None:
        if text not in self.scripts:
            self.scripts.append(text)

    @property
    def script_hashes(self) -> list[str]:
        return [script_hash(text) for text in self.scripts]


@lru_cache(maxsize=1024)  # the theme writes the same few <script> tags on every page
def _runs_inline(start_tag: str) -> bool:
    """Whether a <script …> start tag begins a script the browser runs from the page's text."""
    attributes = _attributes(start_tag)
    kind = (attributes.get("type") or "").strip().lower()
    return "src" not in attributes and kind in EXECUTABLE_TYPES


def _attributes(start_tag: str) -> dict[str, str | None]:
    """A start tag's attributes, decoded as a browser reads them (the tag alone is parsed)."""
    found: dict[str, str | None] = {}

    class _Tag(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.update((name, value) for name, value in reversed(attrs))  # the first of a name wins

    parser = _Tag(convert_charrefs=True)
    parser.feed(start_tag)
    parser.close()
    return found
