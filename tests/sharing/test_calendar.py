"""The start dates calendar: published, and invited to, only when it holds an event (RFC 5545
wants at least one component); each event says what, when, where to read more and how old the
information is. Read by two independent readers: icalendar (Python) and ical.js (JavaScript)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar
from microcredential_catalogue.wording.facts import as_said
from support import PROJECT, html_document

WORDS = yaml.safe_load((PROJECT / "overrides" / "locales" / "catalogue.yml").read_text(encoding="utf-8"))
ROOTS = {"fr": "", "en": "en/"}
AGE_KEYS = ("age_source", "age_source_vowel", "age_source_day", "age_undated", "age_undated_day")

# ical.js reads every event of each file named (JSON on its input); prints, per file, what a
# calendar application would show of each event. One node for many files: its start is the cost.
ICAL_JS = """
const ICAL = require('ical.js');
const fs = require('fs');
const read = (path) => {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(path, 'utf8')));
  return calendar.getAllSubcomponents('vevent').map(component => {
    const event = new ICAL.Event(component);
    return {uid: event.uid, start: event.startDate.toString(), summary: event.summary,
            description: event.description, url: component.getFirstPropertyValue('url'),
            stamp: component.getFirstPropertyValue('dtstamp') && component.getFirstPropertyValue('dtstamp').toString()};
  });
};
console.log(JSON.stringify(JSON.parse(fs.readFileSync(0, 'utf8')).map(read)));
"""


@pytest.fixture(scope="module", params=["records", "hostile"])
def built(request, fixture_sites):
    return fixture_sites[request.param]


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built.site


def links_page(site: Path, lang: str) -> tuple[set[str], str]:
    page = site / ROOTS[lang] / "links" / "index.html"
    text = page.read_text(encoding="utf-8")
    document = html_document(text)
    return {a.get("href") or "" for a in document.iter("a")}, text


def read_with_ical_js(paths: list[Path]) -> dict[Path, list[dict]]:
    """Each calendar's events as ical.js reads them."""
    names = json.dumps([str(path) for path in paths])
    result = subprocess.run(
        ["node", "-e", ICAL_JS], input=names, text=True, capture_output=True, cwd=PROJECT, check=True, timeout=60
    )
    return dict(zip(paths, json.loads(result.stdout), strict=True))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_calendar_is_published_and_invited_to_only_with_an_event(site, lang):
    calendar = site / ROOTS[lang] / "share" / "intakes.ics"
    hrefs, text = links_page(site, lang)
    invited = any(href.endswith("intakes.ics") for href in hrefs)
    if calendar.exists():
        assert Calendar.from_ical(calendar.read_bytes()).walk("VEVENT"), "a published calendar has an event"
        assert invited
    else:
        assert not invited, "the page invites to a calendar that is not published"
        assert WORDS["calendar_none"][lang] in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_event_has_uid_stamp_start_title_link_and_age_for_both_readers(built, site, lang):
    calendar = site / ROOTS[lang] / "share" / "intakes.ics"
    if not calendar.exists():
        pytest.skip("this site's records give no start date")
    events = Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")
    read_by_js = {event["uid"]: event for event in read_with_ical_js([calendar])[calendar]}
    assert len(read_by_js) == len(events)
    age_words = [as_said(WORDS[key][lang].split("{")[0].strip(), lang) for key in AGE_KEYS]
    for event in events:
        for field in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "DESCRIPTION"):
            assert event.get(field), (field, event)
        assert any(word in str(event["DESCRIPTION"]) for word in age_words), event["DESCRIPTION"]
        seen = read_by_js[str(event["UID"])]
        assert seen["summary"] == str(event["SUMMARY"])
        assert seen["start"] == event.decoded("DTSTART").isoformat()
        assert seen["url"] == str(event["URL"]) and seen["stamp"]
        assert str(event["URL"]).startswith(built.url)
        assert (site / str(event["URL"])[len(built.url) :] / "index.html").is_file(), event["URL"]


def _calendar_links(page: Path) -> list[str]:
    document = html_document(page.read_text(encoding="utf-8"))
    return [a.get("href") for a in document.iter("a") if a.get("type") == "text/calendar"]


def _card_links(page: Path) -> set[str]:
    document = html_document(page.read_text(encoding="utf-8"))
    return {
        link.get("href") for item in document.iter("li") if item.get("class") == "mc-card" for link in item.iter("a")
    }


def test_a_list_with_start_dates_has_its_own_calendar_linked_from_its_page(built, site):
    """Per filtered list: a group page links the calendar beside it exactly when it is published,
    and that calendar holds the start dates of the page's own credentials only."""
    published = 0
    for page in sorted(site.rglob("browse/**/index.html")):
        calendar = page.parent / "intakes.ics"
        links = _calendar_links(page)
        assert bool(links) == calendar.exists(), page
        if not calendar.exists():
            continue
        assert links == ["intakes.ics"]
        cards = {(page.parent / href).resolve() for href in _card_links(page)}
        for event in Calendar.from_ical(calendar.read_bytes()).walk("VEVENT"):
            target = (site / str(event["URL"])[len(built.url) :]).resolve()
            assert target in cards, (page, event["URL"])
        published += 1
    if any(site.rglob("share/intakes.ics")):
        assert published, "some list has start dates when the catalogue does"
