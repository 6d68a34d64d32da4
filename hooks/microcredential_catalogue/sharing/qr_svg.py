"""QR codes of page addresses, for slides and paper: SVG drawn at build time, the code by zxing-cpp.

A build draws two codes a record (20,000 at 10,000 records). zxing-cpp encodes one in C++
(libzint), the mask chosen by the standard's penalty rules, in about a third of the time pure
Python takes with one fixed mask (segno: 1 ms a code). `qr_svg` writes the SVG itself: each row's
dark runs, found by the regex engine, as one path.
"""

from __future__ import annotations

import re
import string
from urllib.parse import quote
from xml.sax.saxutils import escape

import zxingcpp

ERROR_CORRECTION = "M"  # 15 % of the code may be lost (a fold, a stain) and it still reads
# Drawn black on white (it prints), with a quiet zone of four modules, each module four units
# wide, and a viewBox instead of a fixed size, so a page and a slide can scale it.
SCALE = 4
QUIET_ZONE = 4
_DARK_RUN = re.compile(rb"\x00+")  # zxing-cpp's image: 0 a dark module, 255 a light one


def qr_matrix(address: str) -> list[bytes]:
    """The code's rows of modules, without the quiet zone: one byte a module, 0 where it is dark."""
    code = zxingcpp.create_barcode(as_ascii(address), zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_CORRECTION)
    image = code.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    modules = bytes(memoryview(image))
    return [modules[row * width : (row + 1) * width] for row in range(height)]


def as_ascii(address: str) -> str:
    """The address with each letter outside ASCII percent-escaped as UTF-8 (an IRI made a URI, as
    a browser sends it): a code names no character set, so readers guess one for other bytes."""
    return quote(address, safe=string.punctuation)


def qr_svg(url: str, title: str) -> str:
    """A scalable QR code of `url`, with a title for screen readers."""
    matrix = qr_matrix(url)
    side = len(matrix) + 2 * QUIET_ZONE  # in modules, quiet zone included
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side * SCALE} {side * SCALE}">'
        f"<title>{escape(title)}</title>"
        f'<g transform="scale({SCALE})">'
        f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>'
        f'<path stroke="#000" d="{_dark_path(matrix)}"/>'
        "</g></svg>"
    )


def _dark_path(matrix: list[bytes]) -> str:
    """Each row's dark runs as a line through the middle of its modules, each move relative to
    where the last line ended (as segno's writer draws them)."""
    moves = []
    at_x, at_y = 0, 0.0
    for row_number, row in enumerate(matrix):
        y = QUIET_ZONE + 0.5 + row_number
        for run in _DARK_RUN.finditer(row):
            start, end = QUIET_ZONE + run.start(), QUIET_ZONE + run.end()
            down = y - at_y
            moves.append(
                f"{'m' if moves else 'M'}{start - at_x} {int(down) if down == int(down) else down}h{end - start}"
            )
            at_x, at_y = end, y
    return "".join(moves)
