"""Each credential's structured data is as complete as its page, and claims nothing the page does
not know: checked against the properties Google documents for Course info (required and
recommended), for every credential page of the records and hostile sites."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from support import PROJECT, html_document

WORDS = yaml.safe_load((PROJECT / "overrides" / "locales" / "catalogue.yml").read_text(encoding="utf-8"))
# Google's Course info (developers.google.com/search/docs/appearance/structured-data/course-info):
# always required, and required or recommended where the page knows the fact, by the fact's label.
ALWAYS = ("name", "description", "provider", "url", "image", "datePublished")
WHERE_KNOWN = {
    "cost": ("offers",),
    "languages": ("inLanguage", "availableLanguage"),
    "funding": ("financialAidEligible",),
    "prerequisites": ("coursePrerequisites",),
}
OFFER_CATEGORIES = {"Free", "Paid", "Partially Free"}


@pytest.fixture(scope="module", params=["records", "hostile"])
def built(request, fixture_sites):
    return fixture_sites[request.param]


def _text(element) -> str:
    return re.sub(r"[ \t\r\n]+", " ", "".join(element.itertext())).strip()


def _page(path: Path) -> tuple[dict[str, str], dict]:
    """(the page's facts by label, its Course)."""
    document = html_document(path.read_text(encoding="utf-8"))
    listed = document.find(".//dl[@class='mc-facts']")
    facts = {_text(dt): _text(dd) for dt, dd in zip(listed.findall("dt"), listed.findall("dd"), strict=True)}
    scripts = [s for s in document.iter("script") if s.get("type") == "application/ld+json"]
    (course,) = [json.loads(s.text) for s in scripts if json.loads(s.text)["@type"] == "Course"]
    return facts, course


def _credential_pages(site: Path):
    for lang, root in (("fr", site), ("en", site / "en")):
        for path in sorted((root / "mc").glob("*/index.html")):
            if "mc-facts" in path.read_text(encoding="utf-8"):
                yield lang, path


def _missing_or_claimed(lang: str, facts: dict[str, str], course: dict) -> list[str]:
    problems = [f"no {name}" for name in ALWAYS if not course.get(name)]
    for key, properties in WHERE_KNOWN.items():
        known = WORDS[key][lang] in facts
        for name in properties:
            if known != (name in course):
                problems.append(f"{name} {'missing' if known else 'claimed'} (page knows {key}: {known})")
    offer = course.get("offers", {})
    if WORDS["cost"][lang] in facts and not {"category", "description"} & set(offer):
        problems.append("an offer that says neither its category nor its note")
    if "category" in offer and (offer["category"] not in OFFER_CATEGORIES or "price" not in offer):
        problems.append(f"offer category {offer.get('category')} without a price")
    instances = course.get("hasCourseInstance", [])
    for key, name in (("hours", "courseWorkload"), ("delivery", "courseMode")):
        known = WORDS[key][lang] in facts
        if known and not instances or any(known != (name in instance) for instance in instances):
            problems.append(f"{name}: page knows {key} {known}, instances {instances}")
    return problems


def test_every_course_is_complete_where_its_page_knows_and_silent_where_not(built):
    problems, courses = [], 0
    for lang, path in _credential_pages(built.site):
        facts, course = _page(path)
        problems.extend(f"{path.parent.name} ({lang}): {p}" for p in _missing_or_claimed(lang, facts, course))
        image = urlparse(course["image"]).path.removeprefix(urlparse(built.url).path)
        assert (built.site / image).is_file(), course["image"]
        courses += 1
    assert courses >= 40
    assert not problems, "\n".join(problems[:30])
