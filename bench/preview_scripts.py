"""Link-preview images in every script an editor may write (not a test; figures in RESULTS.md).

For each title of the corpus: the share of its characters a shipped font draws (the rest is
left out, never a box: sharing/preview_fonts.py), the lines it takes, and the CPU time to draw
the image; then the size of the fonts shipped.

    python3 -m bench.preview_scripts
"""

from __future__ import annotations

import time
import unicodedata

from microcredential_catalogue.sharing.preview_fonts import FONTS, font_for, joins_previous, runs
from microcredential_catalogue.sharing.preview_image import TITLE, PreviewCard, _wrap, draw_preview
from PIL import Image, ImageDraw

# Titles as editors could write them: Ontario's two languages, Indigenous syllabics, the languages
# of newcomers, mathematical letters, emoji, and words too long for a line.
CORPUS = {
    "French": "Préposé·e aux services de soutien à la personne — formation accélérée en français",
    "English": "Personal Support Worker: accelerated training with a paid placement in long-term care",
    "Vietnamese": "Chứng chỉ vi mô về kỹ năng số cho người mới đến Ontario",
    "Greek": "Μικροπιστοποίηση ψηφιακών δεξιοτήτων",
    "Cyrillic": "Микросертификат по цифровой грамотности для новоприбывших",
    "Cree syllabics": "ᓀᐦᐃᔭᐍᐏᐣ ᐊᓄᐦᒋᐦᑫᐏᐣ — Cree language certificate",
    "Inuktitut syllabics": "ᐃᓄᒃᑎᑐᑦ ᐃᓕᓐᓂᐊᕐᓂᖅ",
    "Arabic": "شهادة مصغرة في الأمن السيبراني للمبتدئين",
    "Hebrew": "תעודת מיקרו באבטחת סייבר",
    "Persian": "گواهی خرد مهارت‌های دیجیتال",
    "Devanagari (Hindi)": "डिजिटल साक्षरता और कंप्यूटर कौशल प्रमाणपत्र कार्यक्रम",
    "Gurmukhi (Punjabi)": "ਕੰਪਿਊਟਰ ਹੁਨਰ ਸਰਟੀਫਿਕੇਟ ਪ੍ਰੋਗਰਾਮ",
    "Gujarati": "ડિજિટલ કૌશલ્ય પ્રમાણપત્ર",
    "Bengali": "ডিজিটাল দক্ষতা মাইক্রো সার্টিফিকেট",
    "Tamil": "டிஜிட்டல் திறன் நுண் சான்றிதழ்",
    "Thai": "หลักสูตรการดูแลผู้สูงอายุสำหรับผู้เริ่มต้นทำงานในออนแทรีโอ",
    "Amharic": "የዲጂታል ክህሎት ማይክሮ ሰርተፍኬት",
    "Chinese (simplified)": "网络安全基础微证书课程：面向新移民的职业培训",
    "Chinese (traditional)": "網絡安全基礎微證書課程",
    "Japanese": "サイバーセキュリティ入門マイクロ資格",
    "Korean": "사이버 보안 기초 마이크로 자격증 과정",
    "Mathematical letters": "𝐌𝐚𝐭𝐡 𝓛𝓮𝓽𝓽𝓮𝓻𝓼 𝔽𝕠𝕣 𝓔𝓿𝓮𝓻𝔂𝓸𝓷𝓮 ∑ ∫ ≤ ∞",
    "Emoji": "Soins infirmiers 👩🏽‍⚕️ 🏥 et premiers secours ❤️ ✅ ★",
    "One long word": "Pneumonoultramicroscopicsilicovolcanoconiosis-and-Supercalifragilistic-certificate-program",
    "Long URL-like": "https://example.org/programs/very/long/path/that/never/ends/with/a/space/at/all/anywhere",
}


def drawn_share(text: str) -> float:
    """The share of the text's visible characters that a shipped font draws."""
    visible = [c for c in text if not c.isspace() and not joins_previous(c) and unicodedata.category(c) != "Cf"]
    return sum(font_for(c) is not None for c in visible) / len(visible) if visible else 1.0


def main() -> None:
    draw = ImageDraw.Draw(Image.new("L", (10, 10)))
    print("| script | drawn | title lines | fonts | draw ms (CPU) |")
    print("| --- | ---: | ---: | --- | ---: |")
    for name, title in CORPUS.items():
        lines = _wrap(draw, title, TITLE, 1200 - 2 * 72, 3)
        fonts = sorted({font for font, _ in runs(title)})
        start = time.process_time()
        draw_preview(PreviewCard(title, ("Collège Boréal", "Coût : 1 200 $"), "Catalogue des microcertifications"))
        took = (time.process_time() - start) * 1000
        print(f"| {name} | {drawn_share(title):.0%} | {len(lines)} | {', '.join(fonts)} | {took:.0f} |")
    total = sum(path.stat().st_size for path in FONTS.iterdir())
    print(f"\nFonts shipped: {total / 1e6:.1f} MB in {len(list(FONTS.iterdir()))} files")


if __name__ == "__main__":
    main()
