"""Which shipped font draws each character of a link-preview image.

DejaVu Sans draws Latin, Greek, Cyrillic, Hebrew and Arabic; Noto subsets (fonts/, made by
scripts/subset_fonts.py, OFL) draw what it lacks: Canadian Aboriginal syllabics, Indic scripts,
Thai, Ethiopic, mathematical letters, symbols, and common Chinese, Japanese and Korean characters.
fonts/coverage.json lists each font's characters, in the order they are looked for.

A text is cut into runs, each drawn with one font (raqm shapes each run: joined Arabic, Indic
conjuncts). A combining mark, a joiner or a variation selector stays with the character before
it. The fallback: a character no shipped font covers (an emoji, a rare ideograph) is left out of
the picture rather than drawn as a box; the page, its title and the image's alt text keep it.
"""

from __future__ import annotations

import bisect
import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONTS = Path(__file__).parent / "fonts"
PRIMARY = "DejaVuSans"
# Characters that belong to the character before them, whatever font that one is drawn with.
_JOINING = frozenset({"\u200c", "\u200d", "\u20e3"}) | {chr(c) for c in range(0xFE00, 0xFE10)}


@dataclass(frozen=True)
class Coverage:
    name: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def has(self, code: int) -> bool:
        position = bisect.bisect_right(self.starts, code) - 1
        return position >= 0 and code <= self.ends[position]


@cache
def coverages() -> tuple[Coverage, ...]:
    raw = json.loads((FONTS / "coverage.json").read_text(encoding="utf-8"))
    return tuple(
        Coverage(name, tuple(start for start, _ in spans), tuple(end for _, end in spans))
        for name, spans in raw.items()
    )


@cache
def font_for(character: str) -> str | None:
    """The first font that draws `character`, or None when none does."""
    code = ord(character)
    return next((coverage.name for coverage in coverages() if coverage.has(code)), None)


def covers(name: str, character: str) -> bool:
    return any(coverage.name == name and coverage.has(ord(character)) for coverage in coverages())


def font_file(name: str, bold: bool) -> Path:
    """The font's file: its bold when it has one and bold is asked for."""
    if name == PRIMARY:
        return FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    for weight in ("Bold", "Regular") if bold else ("Regular",):
        for suffix in (".ttf", ".otf"):
            path = FONTS / f"{name}-{weight}{suffix}"
            if path.is_file():
                return path
    raise FileNotFoundError(f"no font file for {name}")


def joins_previous(character: str) -> bool:
    return (
        character in _JOINING
        or unicodedata.category(character) in ("Mn", "Mc", "Me")
        or (0x1F3FB <= ord(character) <= 0x1F3FF or 0xE0020 <= ord(character) <= 0xE007F)
    )


def runs(text: str) -> list[tuple[str, str]]:
    """(font, text) pieces of `text` in order; characters no font covers are left out, with the
    marks and joiners that belong to them."""
    pieces: list[list] = []
    dropped = False  # the last character was left out: so are the marks that follow it
    glued = False  # the last character was a zero-width joiner: the next one is part of the same emoji
    for character in text:
        if joins_previous(character):
            if not dropped and pieces and covers(pieces[-1][0], character):
                pieces[-1][1] += character
            glued = character == "\u200d"
            continue
        name = None if dropped and glued else font_for(character)
        dropped, glued = name is None, False
        if dropped:
            continue  # the fallback: left out, never a box
        if character.isspace() and pieces and covers(pieces[-1][0], character):
            name = pieces[-1][0]  # a space keeps the run going: a line of Arabic is shaped as one
        if pieces and pieces[-1][0] == name:
            pieces[-1][1] += character
        else:
            pieces.append([name, character])
    return [(name, piece) for name, piece in pieces]


def clusters(text: str) -> list[str]:
    """`text` cut where a line may break inside a word: never before a mark or a joiner."""
    found: list[str] = []
    for character in text:
        if found and (joins_previous(character) or found[-1].endswith("\u200d")):
            found[-1] += character
        else:
            found.append(character)
    return found
