"""QR codes of page addresses, for slides and paper: SVG drawn at build time, the code by segno.

segno's SVG writer walks the code module by module in Python, about 0.7 ms a code, and a build
draws two codes a record (20,000 at 10,000 records). `qr_svg` writes the same document, byte for
byte, for the one set of options the site uses (tests/sharing/test_qr_svg.py compares them), with
each row's dark runs found by the regex engine.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

import segno

# Every reader decodes any of the eight masks; choosing the "best" one scores all eight and was
# most of a code's cost (about 20 ms each, two codes per record). One fixed mask keeps builds fast.
MASK = 4
# The options the site draws with: black on white (it prints), a quiet zone of four modules, each
# module four units wide, and a viewBox instead of a fixed size, so a page and a slide can scale it.
OPTIONS = {"scale": 4, "border": 4, "dark": "#000", "light": "#fff", "xmldecl": False, "nl": False, "omitsize": True}
_SCALE, _BORDER = OPTIONS["scale"], OPTIONS["border"]
_DARK_RUN = re.compile(rb"[^\x00]+")


def qr_svg(url: str, title: str) -> str:
    """A scalable QR code of `url`, with a title for screen readers: what segno writes with OPTIONS."""
    code = segno.make(url, error="m", micro=False, mask=MASK)
    side = len(code.matrix) + 2 * _BORDER  # in modules, quiet zone included
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side * _SCALE} {side * _SCALE}" class="segno">'
        f"<title>{escape(title)}</title>"
        f'<g transform="scale({_SCALE})">'
        f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>'
        f'<path class="qrline" stroke="#000" d="{_dark_path(code.matrix)}"/>'
        "</g></svg>"
    )


def _dark_path(matrix) -> str:
    """Each row's dark runs as a line through the middle of its modules, each move relative to
    where the last line ended (segno.writers.write_svg)."""
    moves = []
    at_x, at_y = 0, 0.0
    for row_number, row in enumerate(matrix):
        y = _BORDER + 0.5 + row_number
        for run in _DARK_RUN.finditer(row):
            start, end = _BORDER + run.start(), _BORDER + run.end()
            down = y - at_y
            moves.append(
                f"{'m' if moves else 'M'}{start - at_x} {int(down) if down == int(down) else down}h{end - start}"
            )
            at_x, at_y = end, y
    return "".join(moves)
