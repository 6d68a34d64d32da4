"""French typography on finished HTML: the spaces a line must never break at.

French puts a space before « : ; ? ! » and inside « », and writes « 1 000 $ » and « 8 h ». Editors
and translators type ordinary spaces there, so a narrow phone can start a line with a lone colon
or closing guillemet. This pass makes those written spaces unbreakable, once, on the page's final
HTML (generated and hand-written pages alike). It never adds a space where none was written, and
touches only text: prose, and the attributes a reader hears or a link preview shows (aria-label,
alt, title, placeholder, and the content of description and og/twitter text metas). Other
attributes (URLs) and the insides of code, pre, script and style stay byte for byte.
"""

from __future__ import annotations

import re
from functools import lru_cache

NBSP = "\u00a0"  # before a colon, inside « », in numbers and units
NNBSP = "\u202f"  # narrow no-break space: before ; ? ! (the Canadian French choice)

# A tag (quoted attribute values may hold ">"), a comment, or a doctype: never changed.
# (Its attributes written as a loop the regex engine runs fast: the same tags, found in a third of the time.)
_MARKUP_SPLIT = re.compile(
    r"""(<!--.*?-->|<![^>]*>|</?[a-zA-Z][^\s/>]*[^'">]*(?:(?:"[^"]*"|'[^']*')[^'">]*)*>)""", re.DOTALL
)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)")
# Elements whose text is code or data, not prose.
SKIPPED = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea"})
_SKIPPED_INITIALS = frozenset(name[0] for name in SKIPPED)

# A written, breakable space (never one of the no-break ones), matched from the start of its run only:
# trying every position inside a long run of indentation would make the pass quadratic.
_SPACE = "(?<![ \t\r\n])[ \t\r\n]+"
# Text without any of these characters has nothing to typeset (most pieces are indentation).
_ANY_MARK = re.compile(r"[:;?!«»$h]|\d ")
_BEFORE_COLON = re.compile(_SPACE + r"(?=:)")
_BEFORE_OTHER = re.compile(_SPACE + r"(?=[;?!])")
_AFTER_OPENING = re.compile(r"(?<=«)[ \t\r\n]+")
_BEFORE_CLOSING = re.compile(_SPACE + r"(?=»)")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?: \d{3})+)(?!\d)")
_BEFORE_UNIT = re.compile(r"(?<=\d)[ \t\r\n]+(?=(?:\$|h\b|%))")


# Attributes whose value a reader hears or a link preview shows: typeset like prose. A <meta>'s
# content only when the meta is a description, title or image text (not a viewport or a policy).
_TEXT_ATTRIBUTE = re.compile(r'(\s(?:aria-label|alt|title|placeholder)=")([^"]*)(")')
_TEXT_META = re.compile(
    r'\s(?:name|property)="(?:description|(?:og|twitter):(?:title|description|site_name|image:alt))"'
)
_CONTENT_ATTRIBUTE = re.compile(r'(\scontent=")([^"]*)(")')


@lru_cache(maxsize=16384)  # most runs of a page are its theme's, the same on every page
def french_text(text: str) -> str:
    """One run of prose, with its punctuation and number spaces made unbreakable."""
    if not _ANY_MARK.search(text):
        return text
    text = _BEFORE_COLON.sub(NBSP, text)
    text = _BEFORE_OTHER.sub(NNBSP, text)
    text = _AFTER_OPENING.sub(NBSP, text)
    text = _BEFORE_CLOSING.sub(NBSP, text)
    text = _THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(" ", NBSP), text)
    return _BEFORE_UNIT.sub(NBSP, text)


def french_html(html: str) -> str:
    """The page with every prose text run typeset; markup and code untouched.

    A space that ends one run and the mark that starts the next (`mot <a>:</a>`, or `« <em>`)
    are joined in the check, so a tag between them does not hide the break. One pass over the
    page's pieces (text, markup, text, markup…); a tag or a run seen on an earlier page (the
    theme's, most of each page) is typeset from memory.
    """
    parts = _MARKUP_SPLIT.split(html)  # text, markup, text, markup… text
    pieces: list[str] = []
    skipping: list[str] = []  # the skipped elements open here (code, script…)
    previous = -1  # where the last prose run is in `pieces`, with only tags since; -1: none
    last = len(parts) - 1
    for index in range(0, len(parts), 2):
        text = parts[index]
        if not text:
            pass
        elif skipping:
            pieces.append(text)
            previous = -1
        else:
            pieces.append(french_text(text))
            if previous >= 0 and (text[0] in _JOINS_RIGHT or pieces[previous][-1] == "«"):
                _join(pieces, previous, len(pieces) - 1)
            previous = len(pieces) - 1
        if index < last:
            tag = parts[index + 1]
            typeset, may_skip = _tag(tag)
            pieces.append(typeset)
            if may_skip:
                _track_skipped(tag, skipping)
    return "".join(pieces)


@lru_cache(maxsize=16384)  # most tags of a page are its theme's, the same on every page
def _tag(tag: str) -> tuple[str, bool]:
    """A tag typeset, and whether it may open or close a skipped element (most tags, div, a,
    li…, cannot: no call for them)."""
    may_skip = tag[1:2].lower() in _SKIPPED_INITIALS or tag[2:3].lower() in _SKIPPED_INITIALS
    return (french_attributes(tag) if "=" in tag else tag), may_skip


# What starts a run that _join may change: the first character of a run, as french_text leaves it.
_JOINS_RIGHT = frozenset(":;?!» \t\r\n")


@lru_cache(maxsize=16384)  # most tags of a page are its theme's, the same on every page
def french_attributes(tag: str) -> str:
    """A tag with the texts of its readable attributes typeset (labels, alt text, previews)."""
    tag = _TEXT_ATTRIBUTE.sub(_typeset_value, tag)
    if tag.startswith("<meta") and _TEXT_META.search(tag):
        tag = _CONTENT_ATTRIBUTE.sub(_typeset_value, tag)
    return tag


def _typeset_value(match: re.Match) -> str:
    return match.group(1) + french_text(match.group(2)) + match.group(3)


def _track_skipped(tag: str, skipping: list[str]) -> None:
    name = _TAG_NAME.match(tag)
    if not name or name.group(2).lower() not in SKIPPED:
        return
    closing, element = name.group(1), name.group(2).lower()
    if closing and skipping and skipping[-1] == element:
        skipping.pop()
    elif not closing and not tag.endswith("/>"):
        skipping.append(element)


def _join(pieces: list[str], before: int, after: int) -> None:
    """Two prose runs with only tags between them (no code) read as one."""
    left, right = pieces[before], pieces[after]
    if right[0] in ":;?!»":
        stripped = left.rstrip(" \t\r\n")
        if stripped != left:
            pieces[before] = stripped + (NBSP if right[0] in ":»" else NNBSP)
    elif left.endswith("«") and right[0] in " \t\r\n":
        pieces[after] = NBSP + right.lstrip(" \t\r\n")
