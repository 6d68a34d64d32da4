"""Every credential page's metadata, as a search engine's extractor reads it (extruct): one
Course in JSON-LD, with the name the page shows, and Open Graph with a title, a description that
states the page's facts, and an image."""

from __future__ import annotations

import extruct
import pytest
from support import html_document


def spaced(text: str) -> str:
    """French pages make some written spaces unbreakable (typography.py): compare the words."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="module", params=["records", "hostile"])
def built(request, fixture_sites):
    return fixture_sites[request.param]


def test_extruct_reads_one_course_and_the_open_graph_of_every_credential_page(built):
    pages = 0
    for root in (built.site, built.site / "en"):
        for path in sorted((root / "mc").glob("*/index.html")):
            html = path.read_text(encoding="utf-8")
            if "mc-facts" not in html:
                continue
            url = built.url + path.parent.relative_to(built.site).as_posix() + "/"
            data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True, errors="strict")
            (course,) = [item for item in data["json-ld"] if item.get("@type") == "Course"]
            document = html_document(html)
            (heading,) = document.iter("h1")
            assert spaced(course["name"]) == spaced("".join(heading.itertext()).strip())
            assert course["url"] == url and course["image"].startswith(built.url)
            (graph,) = data["opengraph"]
            assert graph["og:title"] and graph["og:image"] == course["image"]
            assert graph["og:description"] == course["description"]
            pages += 1
    assert pages >= 40
