"""A returning reader never runs yesterday's script or styles against today's page: every script
and stylesheet a page names carries a content version, in its address (?v=…) or its name
(Material's own, main.<hash>.min.css)."""

from __future__ import annotations

import posixpath
import re

from microcredential_catalogue import addresses
from microcredential_catalogue.pages import critical_css
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
    # Our stylesheet reaches themed pages joined with Material's (pages/critical_css.py).
    assert any(critical_css.COMBINED in a for a in named) and any("credential.js" in a for a in named), named
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


ICON_OR_QR = re.compile(r'<link rel="icon" href="([^"]+)"|<(?:img|a)[^>]* (?:src|href)="([^"]*qr\.svg[^"]*)"')
CATALOGUE_QR = re.compile(rf'<(?:img|a)[^>]* (?:src|href)="([^"]*{re.escape(addresses.CATALOGUE_QR_FILE)}[^"]*)"')


def test_the_favicon_and_each_qr_code_are_versioned(shipped_site):
    """The icon every page names, and a QR code (a credential's in its share box, the catalogue's
    on the link builder and the printed referral sheet): a QR code from a cache would lead to
    yesterday's address of the page."""
    named = _named(shipped_site, ICON_OR_QR)
    assert any("favicon" in a for a in named) and any(a.startswith("qr.svg") for a in named), named
    assert sorted(a for a in named if not VERSIONED.search(a)) == []


def test_every_page_naming_the_catalogue_qr_code_names_its_current_version(shipped_site):
    """Hand-written pages name it too (the referral sheet): each address carries the digest of
    the file it leads to, in the page's language."""
    named = {}
    for page in shipped_site.rglob("*.html"):
        folder = page.parent.relative_to(shipped_site).as_posix()
        for address in CATALOGUE_QR.findall(page.read_text(encoding="utf-8")):
            path, _, version = address.partition("?v=")
            served = shipped_site / posixpath.normpath(posixpath.join(folder, path))
            named[f"{folder}: {address}"] = version == addresses.content_version(served.read_text(encoding="utf-8"))
    assert len({key.split(":")[0] for key in named}) >= 4, named  # the link builder and the referral sheet
    assert [key for key, current in named.items() if not current] == []


IMPORTED = re.compile(r'\bimport\s*\{[^}]*\}\s*from\s*"([^"]+)"')


def test_each_module_imports_our_files_at_their_current_version(shipped_site):
    """A module a page loads (the link builder, the 404's script) names what it imports with the
    version served, as the pages do: one address per module, never yesterday's copy from a cache."""
    scripts = shipped_site / addresses.SCRIPTS
    imports = {}
    for module in scripts.rglob("*.js"):
        for address in IMPORTED.findall(module.read_text(encoding="utf-8")):
            path, _, version = address.partition("?v=")
            served = (module.parent / path).resolve()
            imports[f"{module.relative_to(scripts)}: {address}"] = version == addresses.content_version(
                served.read_text(encoding="utf-8")
            )
    assert any("link-builder.js" in key for key in imports) and any("not-found.js" in key for key in imports)
    assert [key for key, current in imports.items() if not current] == []
