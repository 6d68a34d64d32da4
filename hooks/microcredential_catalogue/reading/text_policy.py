"""The one rule every string of every data file follows, whatever its field.

Texts reach pages, page titles, meta tags, front matter, JSON and feeds. Escaping where they are
written is the other half of the guard (render.py, the templates); here a text is refused when
no escaping can make it right: markup, control characters (which break front matter and
terminals), bidi overrides (which make a text read differently from what it says), text made
only of invisible characters, and text longer than any field needs. Per-field limits live in
the JSON Schemas (`maxLength`, with the editor's sentence in `x-rule`); MAX_LENGTH is the bound
for a string no schema limits, such as a key.
"""

from __future__ import annotations

import re
import unicodedata

from .problems import shown

MAX_LENGTH = 5000
_CONTROL_NAMES = {"\0": "NUL", "\t": "tab", "\r": "carriage return", "\x1b": "escape", "\x7f": "delete"}
MULTI_LINE_FIELDS = frozenset({"description"})  # Markdown: paragraphs need line breaks

HTML_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Characters that show nothing; a text made only of these (and spaces) looks empty on the page.
_INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\ufeff\uffa0")


def text_problem(text: str, field_name: str | None) -> str | None:
    """Why `text`, the value of a field named `field_name` (its last named part), is refused."""
    if len(text) > MAX_LENGTH:
        return f"is longer than {MAX_LENGTH} characters (got {len(text)})"
    control = _control_character(text, multi_line=field_name in MULTI_LINE_FIELDS)
    if control:
        return control
    if _BIDI_CONTROLS.search(text):
        found = _BIDI_CONTROLS.search(text).group()
        return (
            f"must not contain a bidirectional control character (got U+{ord(found):04X} at character "
            f"{text.index(found) + 1}): these make a text read differently from what it says; delete it"
        )
    if text and all(_is_invisible(character) for character in text):
        return "contains only invisible characters (spaces, zero-width characters): write the text"
    if HTML_TAG.search(text):
        kind = "Markdown" if field_name in MULTI_LINE_FIELDS else "plain text"
        return f"must be {kind} without HTML tags (got {shown(text)})"
    return None


def _control_character(text: str, multi_line: bool) -> str | None:
    for position, character in enumerate(text):
        category = unicodedata.category(character)
        if character == "\n" and multi_line:
            continue
        if category == "Cc" or category == "Cs" or _is_noncharacter(character):
            name = _CONTROL_NAMES.get(character)
            where = f"U+{ord(character):04X}{f' ({name})' if name else ''} at character {position + 1}"
            if character == "\n":
                return f"must be on one line (got a line break at character {position + 1}): join the lines"
            return f"must not contain a control character (got {where}): delete it"
    return None


def _is_noncharacter(character: str) -> bool:
    code = ord(character)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _is_invisible(character: str) -> bool:
    category = unicodedata.category(character)
    return category in ("Zs", "Zl", "Zp", "Cf", "Mn", "Me") or character.isspace() or character in _INVISIBLE
