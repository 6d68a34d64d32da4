"""A returning reader never runs yesterday's script or styles against today's page: every script
and stylesheet a page names carries a content version, in its address (?v=…) or its name
(Material's own, main.<hash>.min.css)."""

from __future__ import annotations

import re

from support import shipped_example

PAGES = [
    "index.html",
    "catalogue/index.html",
    shipped_example("is listed", lambda credential: True) + "index.html",  # a credential page
    "en/links/index.html",
]
NAMED = re.compile(r'<script[^>]* src="([^"]+)"|<link rel="stylesheet" href="([^"]+)"')
VERSIONED = re.compile(r"\?v=[0-9a-f]{10}$|\.[0-9a-f]{8,}\.min\.(js|css)$")


def test_every_script_and_stylesheet_a_page_names_is_versioned(shipped_site):
    named = {
        address
        for page in PAGES
        for match in NAMED.finditer((shipped_site / page).read_text(encoding="utf-8"))
        for address in match.groups()
        if address
    }
    assert any("catalogue.css" in a for a in named) and any("credential.js" in a for a in named), named
    assert sorted(a for a in named if not VERSIONED.search(a)) == []
