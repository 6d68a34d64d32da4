"""A Content-Security-Policy for a finished page, written as the first tag of its <head>.

Only the site's own files may load, and the only inline scripts that run are the theme's: each
is allowed by the SHA-256 of its text. A page is checked against the scripts the theme's own
templates write (given by the caller): any other inline script, such as a record's text that a
missed hole turned into markup, stops the build instead of being hashed and allowed. Anything
injected after the build cannot run, and neither can an inline event handler (`onerror=…`),
which no hash allows.
"""

from __future__ import annotations

import base64
import hashlib
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

# Nothing from another host. Styles: the theme's stylesheets are files and its pages carry no
# style attribute or <style> element (a browser test listens for any violation on every kind of page).
FIXED_DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
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


def with_policy(html: str, trusted_scripts: list[str] | None = None) -> str:
    """The page with its policy as the first element of <head>, before any script can load.

    With `trusted_scripts`, every inline script of the page must be one of them (UntrustedScript).
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
    tag = f'<meta http-equiv="Content-Security-Policy" content="{_policy(scan.script_hashes)}">'
    at = scan.head_content_start
    return html[:at] + tag + html[at:]


def _policy(script_hashes: list[str]) -> str:
    script_src = " ".join(["'self'", *(f"'{digest}'" for digest in script_hashes)])
    directives = [FIXED_DIRECTIVES[0], ("script-src", script_src), *FIXED_DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def script_hash(text: str) -> str:
    """The CSP source that allows an inline script of exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


class _Scan(HTMLParser):
    """One pass over a page: where its <head> content starts, and the hashes of its inline scripts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self._line_starts = _line_starts(html)
        self.head_content_start: int | None = None
        self.scripts: list[str] = []  # each distinct text once, in order
        self._script: list[str] | None = None  # text of the inline script being read
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "head" and self.head_content_start is None:
            line, column = self.getpos()
            self.head_content_start = self._line_starts[line - 1] + column + len(self.get_starttag_text())
        elif tag == "script":
            values = dict(attrs)
            kind = (values.get("type") or "").strip().lower()
            runs_inline = "src" not in values and kind in EXECUTABLE_TYPES
            self._script = [] if runs_inline else None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            text = "".join(self._script)
            if text not in self.scripts:
                self.scripts.append(text)
            self._script = None

    @property
    def script_hashes(self) -> list[str]:
        return [script_hash(text) for text in self.scripts]


def _line_starts(text: str) -> list[int]:
    """The offset at which each line starts (HTMLParser reports positions as line and column)."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts
