"""Link-preview images are written by sharing/palette_png.py (zlib-ng), not Pillow's writer: any
PNG reader must read them as the picture that was drawn, pixel for pixel and colour for colour."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from microcredential_catalogue.sharing import preview_image
from microcredential_catalogue.sharing.palette_png import palette_png
from PIL import Image


def read(png: bytes) -> Image.Image:
    checked = Image.open(io.BytesIO(png))
    checked.verify()  # every chunk's checksum, the file's structure
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=30),
    st.binary(min_size=1200, max_size=1200),
    st.binary(min_size=768, max_size=768),
)
def test_any_palette_image_reads_back_as_it_was(width, height, pixels, palette):
    drawn = Image.frombytes("L", (width, height), (pixels * 2)[: width * height])
    image = read(palette_png(drawn, palette))
    assert (image.mode, image.size) == ("P", (width, height))
    assert image.tobytes() == drawn.tobytes()
    assert bytes(image.getpalette()) == palette


def test_a_preview_reads_as_the_picture_drawn_and_as_pillow_would_have_written_it():
    card = preview_image.PreviewCard("Soudage : « niveau 1 » — 1 000 $", ("Collège Boréal", "En ligne"), "Catalogue")
    drawn = preview_image.preview_pixels(card)
    image = read(preview_image.draw_preview(card))
    assert image.size == preview_image.SIZE and image.mode == "P"
    assert image.tobytes() == drawn.tobytes() and bytes(image.getpalette()) == preview_image.palette()
    assert len(set(drawn.tobytes())) > 2  # text drawn, with smooth edges: not a blank card
    # The same picture through Pillow's writer, as previews were written before: read alike.
    drawn.putpalette(preview_image.palette())
    by_pillow = io.BytesIO()
    drawn.save(by_pillow, format="PNG", compress_level=1)
    assert read(by_pillow.getvalue()).convert("RGB").tobytes() == image.convert("RGB").tobytes()
