"""Make the fallback fonts of the link-preview images (hooks/microcredential_catalogue/sharing/fonts/).

Not run by the build or the tests: the subsets it writes are committed, with their licence. Run it
again to add a script (FONTS below), on a machine with Debian's fonts-noto-core and fonts-noto-cjk
and fontTools (`pip install fonttools`):

    python3 scripts/subset_fonts.py

DejaVu Sans (already shipped) draws Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic;
these Noto fonts draw what it lacks, in the order the preview looks for a character: the scripts
Ontario's learners and Indigenous communities write (Canadian Aboriginal syllabics, Gurmukhi,
Devanagari, Gujarati, Bengali, Tamil, Thai, Ethiopic), mathematical letters, symbols, and a
subset of Noto Sans CJK: the 3,755 common Chinese characters of GB 2312, the 2,965 of JIS X 0208
level 1, the 2,350 Hangul syllables of KS X 1001, kana and CJK punctuation (the whole font is
19 MB; this subset draws the titles a catalogue holds, and a rarer character is left out of the
picture, never drawn as a box: sharing/preview_fonts.py). Each subset keeps its shaping tables
(raqm joins and reorders letters with them). coverage.json lists each font's characters.
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

CORE = Path("/usr/share/fonts/truetype/noto")
CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = Path(__file__).resolve().parent.parent / "hooks" / "microcredential_catalogue" / "sharing" / "fonts"

# (file in fonts-noto-core, bold too): in the order a character is looked for, after DejaVu.
FONTS = [
    ("NotoSansCanadianAboriginal", True),
    ("NotoSansGurmukhi", True),
    ("NotoSansDevanagari", True),
    ("NotoSansGujarati", True),
    ("NotoSansBengali", True),
    ("NotoSansTamil", True),
    ("NotoSansThai", True),
    ("NotoSansEthiopic", True),
    ("NotoSansArabic", True),
    ("NotoSansHebrew", True),
    ("NotoSansMath", False),
    ("NotoSansSymbols2", False),
]
# Mathematical letters, arrows, operators and symbols only: the rest of these two is in DejaVu.
RANGES = {
    "NotoSansMath": [(0x1D400, 0x1D7FF), (0x2200, 0x22FF), (0x2100, 0x214F)],
    "NotoSansSymbols2": [(0x2190, 0x21FF), (0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F300, 0x1FAFF)],
}


def cjk_characters() -> set[int]:
    wanted: set[int] = set()
    for encoding, rows, cells in (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),  # GB 2312 level 1
        ("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF)),  # JIS X 0208 level 1
        ("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF)),  # KS X 1001 Hangul
    ):
        for row in rows:
            for cell in cells:
                try:
                    wanted.update(ord(c) for c in bytes((row, cell)).decode(encoding))
                except UnicodeDecodeError:
                    pass
    wanted.update(range(0x3000, 0x3040))  # CJK punctuation
    wanted.update(range(0x3040, 0x3100))  # hiragana, katakana
    wanted.update(range(0xFF00, 0xFFF0))  # full-width forms
    return wanted


def write_subset(font: TTFont, characters: set[int] | None, target: Path) -> list[list[int]]:
    options = subset.Options()
    options.layout_features = ["*"]  # shaping: conjuncts, joining, marks
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False  # drawn at 38 and 58 pixels: outlines are enough
    subsetter = subset.Subsetter(options)
    cmap = font.getBestCmap()
    subsetter.populate(unicodes=sorted(cmap if characters is None else set(cmap) & characters))
    subsetter.subset(font)
    font.save(target)
    return ranges(sorted(font.getBestCmap()))


def ranges(codes: list[int]) -> list[list[int]]:
    found: list[list[int]] = []
    for code in codes:
        if found and found[-1][1] == code - 1:
            found[-1][1] = code
        else:
            found.append([code, code])
    return found


def main() -> None:
    coverage = {}
    for name, bold in FONTS:
        wanted = None
        if name in RANGES:
            wanted = {c for start, end in RANGES[name] for c in range(start, end + 1)}
        for weight in ("Regular", "Bold") if bold else ("Regular",):
            target = OUT / f"{name}-{weight}.ttf"
            covered = write_subset(TTFont(CORE / f"{name}-{weight}.ttf"), wanted, target)
            if weight == "Regular":
                coverage[name] = covered
    collection = TTCollection(CJK)
    simplified = next(f for f in collection.fonts if "CJK SC" in f["name"].getDebugName(1))
    coverage["NotoSansCJKsc"] = write_subset(simplified, cjk_characters(), OUT / "NotoSansCJKsc-Regular.otf")
    dejavu = TTFont(OUT / "DejaVuSans.ttf")
    bold_dejavu = TTFont(OUT / "DejaVuSans-Bold.ttf")
    both = set(dejavu.getBestCmap()) & set(bold_dejavu.getBestCmap())
    order = {"DejaVuSans": ranges(sorted(both)), **coverage}
    (OUT / "coverage.json").write_text(json.dumps(order, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
