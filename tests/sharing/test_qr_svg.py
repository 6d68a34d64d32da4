"""A QR code's SVG (sharing/qr_svg.py) draws every dark module of the code and nothing else, at
the level of error correction the site chose, and what it draws reads back (zbar, another
library than the encoder) as the address it was made for, in ASCII whatever letters it has."""

from __future__ import annotations

import re
from urllib.parse import unquote
from xml.etree import ElementTree

import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from microcredential_catalogue.sharing.qr_svg import ERROR_CORRECTION, QUIET_ZONE, SCALE, qr_matrix, qr_svg
from PIL import Image
from pyzbar.pyzbar import decode

SVG = "{http://www.w3.org/2000/svg}"

# Addresses as the site makes them (any length, so codes of several versions).
ADDRESSES = st.builds(
    lambda site, path: f"https://{site}/{path}/",
    st.from_regex(r"[a-z0-9.-]{1,40}", fullmatch=True),
    st.from_regex(r"(en/)?mc/[a-z0-9-]{1,120}", fullmatch=True),
)
# Addresses with letters of any script (an IRI), a space or a sign.
IRIS = st.builds(
    lambda site, path: f"https://{site}/mc/{path}/",
    st.from_regex(r"[a-z0-9.-]{1,40}", fullmatch=True),
    st.text(st.characters(categories=["L", "M", "N", "S", "Zs"], exclude_characters="%"), min_size=1, max_size=60),
)


def drawn(svg: str) -> tuple[str, int, set[tuple[int, int]]]:
    """The SVG's title, its side in modules and the modules its line path darkens (x, y)."""
    root = ElementTree.fromstring(svg)
    left, top, width, height = (int(n) for n in root.get("viewBox").split())
    assert (left, top) == (0, 0) and width == height and width % SCALE == 0
    (path,) = root.findall(f".//{SVG}path[@stroke='#000']")
    dark, x, y = set(), 0.0, 0.0
    for kind, dx, dy, length in re.findall(r"([Mm])(-?[\d.]+) (-?[\d.]+)h(\d+)", path.get("d")):
        x, y = (float(dx), float(dy)) if kind == "M" else (x + float(dx), y + float(dy))
        assert y % 1 == 0.5  # through the middle of the modules: a line as high as one
        dark.update((int(x) + i, int(y)) for i in range(int(length)))
        x += int(length)
    return root.find(f"{SVG}title").text or "", width // SCALE, dark


def as_picture(side: int, dark: set[tuple[int, int]]) -> Image.Image:
    picture = Image.new("L", (side, side), 255)
    for module in dark:
        picture.putpixel(module, 0)
    return picture.resize((side * 4, side * 4), Image.Resampling.NEAREST)


@settings(max_examples=200, deadline=None)
@given(st.one_of(ADDRESSES, IRIS), st.text(max_size=80).filter(lambda t: t.isprintable()))
def test_the_svg_draws_exactly_the_dark_modules_of_the_code(text, title):
    matrix = qr_matrix(text)
    expected = {
        (QUIET_ZONE + x, QUIET_ZONE + y) for y, row in enumerate(matrix) for x, module in enumerate(row) if module == 0
    }
    drawn_title, side, dark = drawn(qr_svg(text, title))
    assert drawn_title == title
    assert side == len(matrix) + 2 * QUIET_ZONE
    assert dark == expected


@settings(max_examples=150, deadline=None)
@given(st.one_of(ADDRESSES, IRIS))
def test_what_is_drawn_reads_back_as_the_address_in_ascii(address):
    _, side, dark = drawn(qr_svg(address, "Code QR"))
    (code,) = decode(as_picture(side, dark))
    read = code.data.decode("ascii")  # nothing for a reader to guess
    assert unquote(read) == address
    if address.isascii() and " " not in address:
        assert read == address  # the site's own addresses, as they are


def test_a_long_address_needs_a_bigger_code_at_the_chosen_correction_level():
    url = "https://catalogue.example.org/en/mc/" + "a-very-long-credential-identifier-" * 8 + "/"
    _, side, dark = drawn(qr_svg(url, "Code QR : <x> & y"))
    assert side - 2 * QUIET_ZONE > 41
    read = zxingcpp.read_barcode(as_picture(side, dark))
    assert (read.text, read.ec_level) == (url, ERROR_CORRECTION)
    (code,) = decode(as_picture(side, dark))
    assert code.data.decode("utf-8") == url
