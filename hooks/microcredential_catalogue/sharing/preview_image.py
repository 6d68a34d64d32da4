"""The picture a link preview shows (Open Graph / Twitter card): drawn at build time with Pillow.

One image per credential and language: its title, provider and cost, and the site's name. The
fonts ship in fonts/ (DejaVu Sans, and Noto subsets for the scripts it lacks: preview_fonts.py),
so every machine draws the same pixels, in any script an editor writes. A line too long for the
image is wrapped at spaces, a word too long for a line is cut between its letters, and the last
line that fits ends with an ellipsis. The file name carries a digest of what is drawn, so an
unchanged record is never redrawn and a changed one gets a new address that link-preview caches
fetch afresh.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import cache, lru_cache

from PIL import Image, ImageDraw, ImageFont

from .palette_png import palette_png
from .preview_fonts import clusters, font_file, runs

SIZE = (1200, 630)  # the size Open Graph and Twitter's large card both crop least
MARGIN = 72
BACKGROUND = (40, 53, 147)  # Material's indigo, as in the site's header
FOREGROUND = (255, 255, 255)
SOFT = 200  # grey level of secondary text: drawn in grey, then coloured by the palette
RENDERING_VERSION = "2"  # change when the drawing changes, so every image is redrawn


@dataclass(frozen=True)
class PreviewCard:
    title: str
    lines: tuple[str, ...]  # provider, cost… one short line each
    site_name: str

    @property
    def digest(self) -> str:
        text = "\x1f".join((RENDERING_VERSION, self.title, *self.lines, self.site_name))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    @property
    def file_name(self) -> str:
        return f"preview-{self.digest}.png"


@lru_cache(maxsize=64)
def _font(name: str, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file(name, bold)), size)


_MEASURE = ImageDraw.Draw(Image.new("L", (1, 1)))


@lru_cache(maxsize=8192)  # each image cuts the same texts into the same runs again and again
def _runs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(runs(text))


@lru_cache(maxsize=8192)
def _length(name: str, bold: bool, size: int, piece: str) -> float:
    """How far one run advances the pen (what `ImageDraw.textlength` says, asked once)."""
    return _MEASURE.textlength(piece, font=_font(name, bold, size))


@lru_cache(maxsize=4096)  # wrapping measures the same words and lines again and again
def _width(size: int, bold: bool, text: str) -> float:
    return sum(_length(name, bold, size, piece) for name, piece in _runs(text))


@lru_cache(maxsize=256)  # up to 60 KB each (a detail line): the lines most images repeat
def _stamp(name: str, bold: bool, size: int, piece: str, start: tuple[float, float]) -> tuple[Image.Image, int, int]:
    """One run drawn once, white on black, to be laid on any image with `ImageDraw.bitmap`: the
    same pixels as drawing it there (the same glyphs at the same fraction of a pixel; where the
    stamp is black, the image is left as it was). With the stamp's offset from the pen's pixel."""
    font = _font(name, bold, size)
    left, top, right, bottom = font.getbbox(piece, anchor="ls")
    # Two pixels to spare each side: the fraction of a pixel the run starts at may move its edges.
    dx, dy = 2 - math.floor(left), 2 - math.floor(top)
    stamp = Image.new("L", (math.ceil(right) + dx + 2, math.ceil(bottom) + dy + 2), 0)
    ImageDraw.Draw(stamp).text((dx + start[0], dy + start[1]), piece, font=font, fill=255, anchor="ls")
    return stamp, dx, dy


@dataclass(frozen=True)
class _Style:
    """How one kind of text is drawn: its size, weight and grey level."""

    size: int
    bold: bool = False
    fill: int = 255
    repeated: bool = False  # the same lines on many images (the site's name, a provider, a cost): drawn once

    def width(self, draw: ImageDraw.ImageDraw, text: str) -> float:
        return _width(self.size, self.bold, text)

    def draw(self, draw: ImageDraw.ImageDraw, x: float, baseline: float, text: str) -> None:
        """Run by run, each in its own font, on one baseline."""
        for name, piece in _runs(text):
            if self.repeated:
                start = (math.modf(x)[0], math.modf(baseline)[0])
                stamp, dx, dy = _stamp(name, self.bold, self.size, piece, start)
                draw.bitmap((int(x) - dx, int(baseline) - dy), stamp, fill=self.fill)
            else:
                draw.text((x, baseline), piece, font=_font(name, self.bold, self.size), fill=self.fill, anchor="ls")
            x += _length(name, self.bold, self.size, piece)


def _wrap(draw: ImageDraw.ImageDraw, text: str, style: _Style, width: int, max_lines: int) -> list[str]:
    """Break text into lines that fit `width`: at spaces, and inside a word too long for a line;
    when lines are left over, the last one kept ends with an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in _fitting_words(draw, text, style, width):
        candidate = f"{current} {word}".strip()
        if style.width(draw, candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        pieces = clusters(lines[-1])
        while pieces and style.width(draw, "".join(pieces).rstrip() + "…") > width:
            pieces.pop()
        lines[-1] = "".join(pieces).rstrip() + "…"
    return lines


def _fitting_words(draw: ImageDraw.ImageDraw, text: str, style: _Style, width: int) -> list[str]:
    """The words of `text`, a word wider than a line cut into pieces that fit (CJK and Thai write
    no spaces; a URL or a long compound has none either)."""
    words: list[str] = []
    for word in text.split():
        if not _runs(word):
            continue  # nothing of it can be drawn (preview_fonts.py: the fallback)
        if style.width(draw, word) <= width:
            words.append(word)
            continue
        piece = ""
        for cluster in clusters(word):
            if piece and style.width(draw, piece + cluster) > width:
                words.append(piece)
                piece = ""
            piece += cluster
        if piece:
            words.append(piece)
    return words


@cache  # the same 768 bytes for every image
def palette() -> bytes:
    """Grey level g becomes the colour g/255 of the way from the background to white."""
    return bytes(round(b + (f - b) * g / 255) for g in range(256) for b, f in zip(BACKGROUND, FOREGROUND, strict=True))


SITE_NAME = _Style(34, fill=SOFT, repeated=True)
TITLE = _Style(58, bold=True)
DETAIL = _Style(38, fill=SOFT, repeated=True)


def draw_preview(card: PreviewCard) -> bytes:
    """A small PNG: text is drawn in grey levels (smooth edges), which a palette turns to colour.
    A build from scratch draws every image, 20,000 of them at 10,000 records: they are written by
    palette_png (zlib-ng) rather than Pillow's writer (the system's zlib), the same pixels and
    colours in about two thirds of the time (bench/RESULTS.md)."""
    return palette_png(preview_pixels(card), palette())


def preview_pixels(card: PreviewCard) -> Image.Image:
    """The card drawn in grey levels: each pixel's index into palette()."""
    image = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    for line in _wrap(draw, card.site_name, SITE_NAME, width, 1):
        SITE_NAME.draw(draw, MARGIN, MARGIN + 34, line)
    y = MARGIN + 90
    for line in _wrap(draw, card.title, TITLE, width, 3):
        TITLE.draw(draw, MARGIN, y + 58, line)
        y += 74
    y += 30
    for text in card.lines:
        for line in _wrap(draw, text, DETAIL, width, 1):
            if y > SIZE[1] - MARGIN - 40:
                break
            DETAIL.draw(draw, MARGIN, y + 38, line)
            y += 54
    return image
