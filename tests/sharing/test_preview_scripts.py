"""Link-preview images in every script editors write (issue 18 item 8): every character of the
corpus is drawn by a shipped font or, for the stated fallback (emoji, rare ideographs), left out,
never drawn as a box; every line fits the image; a word too long for a line is cut, and the last
line that fits ends with an ellipsis. Figures: bench/preview_scripts.py, bench/RESULTS.md."""

from __future__ import annotations

import io
import json

import pytest
from microcredential_catalogue.sharing import preview_fonts
from microcredential_catalogue.sharing.preview_fonts import FONTS, font_file, runs
from microcredential_catalogue.sharing.preview_image import MARGIN, SIZE, TITLE, PreviewCard, _wrap, draw_preview
from PIL import Image, ImageDraw

from bench.preview_scripts import CORPUS, drawn_share

WIDTH = SIZE[0] - 2 * MARGIN
FALLBACK = {"Emoji": 0.9, "Chinese (traditional)": 0.9}  # the share drawn where the fallback applies
MAX_FONT_BYTES = 10 * 1024 * 1024


@pytest.fixture(scope="module")
def draw():
    return ImageDraw.Draw(Image.new("L", SIZE))


@pytest.mark.parametrize("script", CORPUS)
def test_every_character_is_drawn_by_a_font_that_has_it_or_left_out(script):
    for name, piece in runs(CORPUS[script]):
        for character in piece:
            assert preview_fonts.covers(name, character), (name, character, hex(ord(character)))
    assert drawn_share(CORPUS[script]) >= FALLBACK.get(script, 1.0)


@pytest.mark.parametrize("title", CORPUS.values(), ids=CORPUS.keys())
def test_every_line_fits_the_image(title, draw):
    lines = _wrap(draw, title, TITLE, WIDTH, 3)
    assert 1 <= len(lines) <= 3
    assert all(TITLE.width(draw, line) <= WIDTH for line in lines), lines
    image = Image.open(io.BytesIO(draw_preview(PreviewCard(title, ("Provider", "Cost"), "Site"))))
    assert image.size == SIZE


def test_a_word_longer_than_a_line_is_cut_and_the_last_line_ends_with_an_ellipsis(draw):
    lines = _wrap(draw, "x" * 400, TITLE, WIDTH, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert "".join(lines).rstrip("…") == "x" * len("".join(lines).rstrip("…"))


def test_cjk_without_spaces_wraps_between_characters(draw):
    lines = _wrap(draw, "网络安全基础微证书课程" * 5, TITLE, WIDTH, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")


def test_marks_stay_with_their_letter_when_a_word_is_cut(draw):
    word = "कौशल्य" * 30  # Devanagari: vowel signs and virama follow their consonant
    for line in _wrap(draw, word, TITLE, WIDTH, 3):
        assert not preview_fonts.joins_previous(line[0])


def test_the_fonts_are_few_megabytes_and_each_family_has_its_licence():
    files = list(FONTS.iterdir())
    assert sum(path.stat().st_size for path in files) < MAX_FONT_BYTES
    names = {path.name for path in files}
    assert {"LICENSE-DejaVu.txt", "LICENSE-Noto.txt", "coverage.json"} <= names
    for path in files:
        if path.suffix in (".ttf", ".otf"):
            assert path.name.startswith(("DejaVu", "Noto")), path.name
    for name in json.loads((FONTS / "coverage.json").read_text(encoding="utf-8")):
        assert font_file(name, True).is_file() and font_file(name, False).is_file()
