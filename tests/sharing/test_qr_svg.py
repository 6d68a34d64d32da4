"""A QR code's SVG (sharing/qr_svg.py) is the document segno's own writer makes with the site's
options, byte for byte, for any address and title: the quick writer changes nothing a reader,
a printer or a scanner sees."""

from __future__ import annotations

import io

import segno
from hypothesis import given, settings
from hypothesis import strategies as st
from microcredential_catalogue.sharing.qr_svg import MASK, OPTIONS, qr_svg

# Addresses as the site makes them (any length, so codes of several versions), and others.
ADDRESSES = st.one_of(
    st.builds(
        lambda site, path: f"https://{site}/{path}/",
        st.from_regex(r"[a-z0-9.-]{1,40}", fullmatch=True),
        st.from_regex(r"(en/)?mc/[a-z0-9-]{1,120}", fullmatch=True),
    ),
    st.text(min_size=1, max_size=300),
)


def by_segno(url: str, title: str) -> str:
    output = io.BytesIO()
    segno.make(url, error="m", micro=False, mask=MASK).save(output, kind="svg", title=title, **OPTIONS)
    return output.getvalue().decode("utf-8")


@settings(max_examples=300, deadline=None)
@given(ADDRESSES, st.text(max_size=80))
def test_the_code_is_the_one_segno_writes(url, title):
    assert qr_svg(url, title) == by_segno(url, title)


def test_a_long_address_needs_a_bigger_code_and_still_matches():
    url = "https://catalogue.example.org/en/mc/" + "a-very-long-credential-identifier-" * 8 + "/"
    assert len(segno.make(url, error="m", micro=False, mask=MASK).matrix) > 41
    assert qr_svg(url, "Code QR : <x> & y") == by_segno(url, "Code QR : <x> & y")
