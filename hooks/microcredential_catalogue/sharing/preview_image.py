"""The picture a link preview shows (Open Graph / Twitter card): drawn at build time with Pillow.

One image per credential and language: its title, provider and cost, and the site's name. The
font ships in hooks/microcredential_catalogue/fonts/ (DejaVu, free licence) so every machine draws the same
pixels. The file name carries a digest of what is drawn, so an unchanged record is never
redrawn and a changed one gets a new address that link-preview caches fetch afresh.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).parent / "fonts"
SIZE = (1200, 630)  # the size Open Graph and Twitter's large card both crop least
MARGIN = 72
BACKGROUND = (40, 53, 147)  # Material's indigo, as in the site's header
FOREGROUND = (255, 255, 255)
SOFT = 200  # grey level of secondary text: drawn in grey, then coloured by the palette
RENDERING_VERSION = "1"  # change when the drawing changes, so every image is redrawn


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


@lru_cache(maxsize=8)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    """Break text into lines that fit `width`; an overlong last line ends with an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while draw.textlength(lines[-1] + "…", font=font) > width and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] += "…"
    return lines


def _palette() -> list[int]:
    """Grey level g becomes the colour g/255 of the way from the background to white."""
    return [round(b + (f - b) * g / 255) for g in range(256) for b, f in zip(BACKGROUND, FOREGROUND, strict=True)]


def draw_preview(card: PreviewCard) -> bytes:
    """A small PNG: text is drawn in grey levels (smooth edges), which a palette turns to colour."""
    image = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.text((MARGIN, MARGIN), card.site_name, font=_font(False, 34), fill=SOFT)
    y = MARGIN + 90
    title_font = _font(True, 58)
    for line in _wrap(draw, card.title, title_font, width, 3):
        draw.text((MARGIN, y), line, font=title_font, fill=255)
        y += 74
    y += 30
    detail_font = _font(False, 38)
    for text in card.lines:
        for line in _wrap(draw, text, detail_font, width, 1):
            if y > SIZE[1] - MARGIN - 40:
                break
            draw.text((MARGIN, y), line, font=detail_font, fill=SOFT)
            y += 54
    image.putpalette(_palette())
    output = io.BytesIO()
    # zlib level 6: a fifth of level 9's time for 7 % more bytes (bench/previews.py, bench/RESULTS.md);
    # a build from scratch draws every image, 20,000 of them at 10,000 records.
    image.save(output, format="PNG", compress_level=6)
    return output.getvalue()
