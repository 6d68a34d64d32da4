"""QR codes of page addresses, for slides and paper: SVG drawn at build time by segno."""

from __future__ import annotations

import io

import segno

# Every reader decodes any of the eight masks; choosing the "best" one scores all eight and was
# most of a code's cost (about 20 ms each, two codes per record). One fixed mask keeps builds fast.
MASK = 4


def qr_svg(url: str, title: str) -> str:
    """A scalable QR code of `url`, black on white (it prints), with a title for screen readers."""
    code = segno.make(url, error="m", micro=False, mask=MASK)
    output = io.BytesIO()
    # omitsize: a viewBox instead of a fixed size, so the page and a slide can scale it.
    options = {"scale": 4, "border": 4, "dark": "#000", "light": "#fff", "xmldecl": False, "nl": False}
    code.save(output, kind="svg", title=title, omitsize=True, **options)
    return output.getvalue().decode("utf-8")
