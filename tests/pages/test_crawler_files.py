"""What crawlers and lost readers get: robots.txt names the sitemap, 404 pages say what happened."""

from __future__ import annotations

import re


def test_robots_txt_gives_the_sitemaps_address(shipped_build):
    robots = (shipped_build.site / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\nSitemap: {shipped_build.url}sitemap.xml\n"


def test_each_404_page_is_titled_in_its_language(shipped_site):
    titles = {
        page: re.search(r"<title>(.*?)</title>", (shipped_site / page).read_text(encoding="utf-8")).group(1)
        for page in ("404.html", "en/404.html")
    }
    assert titles == {
        "404.html": "Page introuvable - Catalogue des microcertifications",
        "en/404.html": "Page not found - Micro-credential catalogue",
    }
