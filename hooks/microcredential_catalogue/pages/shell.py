"""A page of a kind rendered once with markers in its own texts, then filled in for each page.

At 10,000 records the theme's template rendered 20,000 credential pages that differ only in a
few texts: their title, description, head, body, printed QR code and address (issue 23). The
adapter renders the theme once per language and kind of page with these markers in place of
the page's texts, cuts the result at the markers, and joins each page's own texts between the
pieces. A page is filled only where the result is exactly what the theme would have rendered:
the adapter compares both on the first pages of each kind (hooks/mkdocs_catalogue.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

# Each marker holds characters that escaping changes ("'" and "&"): a template that printed a
# value without escaping it, or changed it otherwise, leaves a marker the cut does not know.
MARK = "MCSHELL"
TITLE = f"{MARK}'&TITLE"
DESCRIPTION = f"{MARK}'&DESCRIPTION"
PRINT_QR = f"{MARK}'&QR"
# The theme writes the page's title as a heading when the body has none: the body's marker has one.
BODY = f"<h1>{MARK}BODY</h1>"
HEAD = f"{MARK}HEAD"  # put in place of the head partial's rendering, by the cut


@dataclass(frozen=True)
class Shell:
    """A rendered page cut at its markers: pieces[0], slot 0, pieces[1], slot 1, …, pieces[-1]."""

    pieces: tuple[str, ...]
    slots: tuple[str, ...]  # the name of each value put between two pieces

    @classmethod
    def cut(cls, rendered: str, markers: dict[str, str]) -> Shell | None:
        """The shell of `rendered`, whose values were the `markers` (marker text -> slot name),
        or None when a marker was changed on its way into the page (none may be left over)."""
        ordered = sorted(markers, key=len, reverse=True)  # the longest first, where one holds another
        pattern = re.compile("|".join(re.escape(marker) for marker in ordered))
        pieces, slots, start = [], [], 0
        for match in pattern.finditer(rendered):
            pieces.append(rendered[start : match.start()])
            slots.append(markers[match.group()])
            start = match.end()
        pieces.append(rendered[start:])
        if any(MARK in piece.upper() for piece in pieces):  # a marker printed its own way (even lower-cased)
            return None
        return cls(tuple(pieces), tuple(slots))

    def fill(self, values: dict[str, str]) -> str:
        parts = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:], strict=True):
            parts.append(values[slot])
            parts.append(piece)
        return "".join(parts)


def escaped_markers(address: str) -> dict[str, str]:
    """What each marker looks like once the theme printed it escaped, as it prints page texts;
    and the page's own address (a credential page's "mc/<id>/"), which its links and printed
    address hold."""
    return {
        str(escape(TITLE)): "title",
        str(escape(DESCRIPTION)): "description",
        str(escape(PRINT_QR)): "print_qr",
        BODY: "body",
        HEAD: "head",
        address: "address",
    }


def page_values(title: str, description: str, print_qr: str | None, body: str, head: str, address: str) -> dict:
    """One page's values for its shell's slots, escaped as the theme prints them."""
    return {
        "title": str(escape(title)),
        "description": str(escape(description)),
        "print_qr": str(escape(print_qr or "")),
        "body": body,
        "head": head,
        "address": address,
    }
