"""A returning reader never runs yesterday's script or styles against today's page: every script
and stylesheet a page names carries a content version, in its address (?v=…) or its name
(Material's own, main.<hash>.min.css)."""

from __future__ import annotations

import posixpath
import re

from microcredential_catalogue import addresses
from support import shipped_example

PAGES = [
    "index.html",
    "catalogue/index.html",
    shipped_example("is listed", lambda credential: True) + "index.html",  # a credential page
    "en/links/index.html",
]
NAMED = re.compile(r'<script[^>]* src="([^"]+)"|<link rel="stylesheet" href="([^"]+)"')
VERSIONED = re.compile(r"\?v=[0-9a-f]{10}$|\.[0-9a-f]{8,}\.min\.(js|css)$")


def _named(site, pattern: re.Pattern) -> set[str]:
    """Every address the pages name where `pattern` finds one (in any of its groups)."""
    return {
        address
        for page in PAGES
        for match in pattern.finditer((site / page).read_text(encoding="utf-8"))
        for address in match.groups()
        if address
    }


def test_every_script_and_stylesheet_a_page_names_is_versioned(shipped_site):
    named = _named(shipped_site, NAMED)
    assert any("catalogue.css" in a for a in named) and any("credential.js" in a for a in named), named
    assert sorted(a for a in named if not VERSIONED.search(a)) == []


def test_each_version_is_made_from_the_file_served(shipped_site):
    """The version changes exactly when the bytes a reader gets do: the minified script or
    stylesheet, not its source under docs/."""
    stale = {}
    for page in PAGES:
        for match in NAMED.finditer((shipped_site / page).read_text(encoding="utf-8")):
            address = match.group(1) or match.group(2)
            path, _, version = address.partition("?v=")
            served = shipped_site / posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if version and version != addresses.content_version(served.read_text(encoding="utf-8")):
                stale[address] = served
    assert stale == {}


ICON_OR_QR = re.compile(r'<link rel="icon" href="([^"]+)"|<img[^>]* src="([^"]*qr\.svg[^"]*)"')


def test_the_favicon_and_each_credential_qr_code_are_versioned(shipped_site):
    """The icon every page names, and a credential's QR code (shown in its share box and printed):
    a QR code from a cache would lead to yesterday's address of the page."""
    named = _named(shipped_site, ICON_OR_QR)
    assert any("favicon" in a for a in named) and any(a.startswith("qr.svg") for a in named), named
    assert sorted(a for a in named if "catalogue-qr" not in a and not VERSIONED.search(a)) == []
