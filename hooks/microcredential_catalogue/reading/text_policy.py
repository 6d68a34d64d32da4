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

import html.entities
import re
import unicodedata

from .problems import Said, shown

MAX_LENGTH = 5000
_CONTROL_NAMES = {"\0": "NUL", "\t": "tab", "\r": "carriage return", "\x1b": "escape", "\x7f": "delete"}
MULTI_LINE_FIELDS = frozenset({"description"})  # Markdown: paragraphs need line breaks

HTML_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What _control_character refuses, as one character class: control characters (Unicode's Cc),
# lone surrogates (Cs) and noncharacters (U+FDD0..U+FDEF, the last two of each plane). Searching
# a text with it is many times quicker than asking each character's category, and most texts hold
# none; the few that do are then worded character by character.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
_REFUSED_ON_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
_REFUSED_ON_MANY_LINES = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
# Characters that show nothing; a text made only of these (and spaces) looks empty on the page.
_INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\ufeff\uffa0")


def text_problem(text: str, field_name: str | None) -> Said | None:
    """Why `text`, the value of a field named `field_name` (its last named part), is refused."""
    if len(text) > MAX_LENGTH:
        return Said(
            en=f"is longer than {MAX_LENGTH} characters (got {len(text)})",
            fr=f"dépasse {MAX_LENGTH} caractères (trouvé {len(text)}) : raccourcissez le texte",
        )
    control = _control_character(text, multi_line=field_name in MULTI_LINE_FIELDS)
    if control:
        return control
    if _BIDI_CONTROLS.search(text):
        found = _BIDI_CONTROLS.search(text).group()
        where = f"U+{ord(found):04X} at character {text.index(found) + 1}"
        return Said(
            en=f"must not contain a bidirectional control character (got {where}): these make a text read "
            "differently from what it says; delete it",
            fr=f"ne doit contenir aucun caractère de contrôle bidirectionnel (trouvé {_french(where)}) : il fait "
            "lire un texte autrement qu'il ne s'écrit ; supprimez-le",
        )
    if text and all(_is_invisible(character) for character in text):
        return Said(
            en="contains only invisible characters (spaces, zero-width characters): write the text",
            fr="ne contient que des caractères invisibles (espaces, caractères sans chasse) : écrivez le texte",
        )
    if HTML_TAG.search(text):
        multi_line = field_name in MULTI_LINE_FIELDS
        kind = Said(en="Markdown", fr="du Markdown") if multi_line else Said(en="plain text", fr="du texte simple")
        return Said(
            en=f"must be {kind.en} without HTML tags (got {shown(text)})",
            fr=f"doit être {kind.fr} sans balises HTML (trouvé {shown(text)}) : retirez les balises < >",
        )
    if field_name in MULTI_LINE_FIELDS:
        return reference_problem(text)
    return None


# Markdown reads character references (&#x202E;, &amp;) as the characters they name: a text is
# judged as it will be read, so a reference cannot bring in what typing the character cannot.
_REFERENCE = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")


def reference_problem(text: str) -> Said | None:
    """Why the characters that `text`'s character references write are refused."""
    for reference in _REFERENCE.finditer(text):
        written = _referenced(reference.group())
        what = _refused_character(written) if written else None
        if what:
            code = f"U+{ord(written[0]):04X}"
            return Said(
                en=f"the character reference {reference.group()} writes {code}, {what[0]}: delete it",
                fr=f"la référence de caractère {reference.group()} écrit {code}, {what[1]} : supprimez-la",
            )
    read = _REFERENCE.sub(lambda found: _referenced(found.group()) or found.group(), text)
    if read and all(_is_invisible(character) for character in read):
        return Said(
            en="contains only invisible characters once its character references (&#…;) are read: write the text",
            fr="ne contient que des caractères invisibles une fois ses références de caractère (&#…;) lues : "
            "écrivez le texte",
        )
    return None


def _referenced(reference: str) -> str | None:
    """The character(s) a reference names, as Markdown reads it; None for an unknown name."""
    body = reference[1:-1]
    if body[:2] in ("#x", "#X"):
        code = int(body[2:], 16)
    elif body.startswith("#"):
        code = int(body[1:])
    else:
        return html.entities.html5.get(body + ";")
    return chr(code) if code <= 0x10FFFF else "\ufffd"


def _refused_character(written: str) -> tuple[str, str] | None:
    """What a referenced character is, in both languages, when a text may not hold it."""
    for character in written:
        if _BIDI_CONTROLS.match(character):
            return "a bidirectional control character", "un caractère de contrôle bidirectionnel"
        if character == "\n":
            continue
        if unicodedata.category(character) in ("Cc", "Cs") or _is_noncharacter(character):
            return (
                "a control character or a code that is not a character",
                "un caractère de contrôle ou un code qui n'est pas un caractère",
            )
    return None


def refused_at(text: str) -> int:
    """Where the first character a text may not hold is (0 when none is), to point at its line."""
    for position, character in enumerate(text):
        category = unicodedata.category(character)
        if character != "\n" and (category in ("Cc", "Cs") or _is_noncharacter(character)):
            return position
        if _BIDI_CONTROLS.match(character):
            return position
    return 0


def _french(where: str) -> str:
    """ "U+0009 (tab) at character 3" said in French."""
    for english, french in (
        ("at character", "au caractère"),
        ("(tab)", "(tabulation)"),
        ("(carriage return)", "(retour chariot)"),
        ("(escape)", "(échappement)"),
        ("(delete)", "(suppression)"),
    ):
        where = where.replace(english, french)
    return where


def _control_character(text: str, multi_line: bool) -> Said | None:
    if not (_REFUSED_ON_MANY_LINES if multi_line else _REFUSED_ON_ONE_LINE).search(text):
        return None
    for position, character in enumerate(text):
        category = unicodedata.category(character)
        if character == "\n" and multi_line:
            continue
        if category == "Cc" or category == "Cs" or _is_noncharacter(character):
            name = _CONTROL_NAMES.get(character)
            where = f"U+{ord(character):04X}{f' ({name})' if name else ''} at character {position + 1}"
            if character == "\n":
                return Said(
                    en=f"must be on one line (got a line break at character {position + 1}): join the lines",
                    fr=f"doit tenir sur une ligne (trouvé un saut de ligne au caractère {position + 1}) : "
                    "joignez les lignes",
                )
            return Said(
                en=f"must not contain a control character (got {where}): delete it",
                fr=f"ne doit contenir aucun caractère de contrôle (trouvé {_french(where)}) : supprimez-le",
            )
    return None


def _is_noncharacter(character: str) -> bool:
    code = ord(character)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _is_invisible(character: str) -> bool:
    category = unicodedata.category(character)
    return category in ("Zs", "Zl", "Zp", "Cf", "Mn", "Me") or character.isspace() or character in _INVISIBLE
