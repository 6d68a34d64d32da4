"""The lists two filters make have a feed a network can follow, as each group has: every non-empty
pair of filter values of different facets with feeds of their own (a sector, an LBS goal path, a
region, the free list) publishes, at an address named by the two filters (parameters in
alphabetical order), a feed listing exactly the credentials of both groups, each entry written as
the group's own feed writes it; and a calendar when the list has a start date. An empty list
publishes nothing, and the number of files is bounded by the pairs of values, not the records."""

from __future__ import annotations

import functools
from itertools import combinations
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

import feedparser
import pytest
from icalendar import Calendar
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.model.facets import registry_of
from microcredential_catalogue.sharing.atom import FEED_LENGTH
from test_calendar import read_with_ical_js

ROOTS = {"fr": "", "en": "en/"}


@pytest.fixture(scope="module", params=["records", "hostile"])
def built(request, fixture_sites):
    return fixture_sites[request.param]


@pytest.fixture(scope="module")
def members(built) -> dict[tuple[str, str], set[str]]:
    """(URL parameter, value) -> ids of the listed credentials, for every filter value whose list
    has a feed of its own (its group page's, or the free list's)."""
    catalogue = load_catalogue(built.project)
    found: dict[tuple[str, str], set[str]] = {}
    for facet in registry_of(catalogue).filters:
        if facet.feeds and facet.group_pages:
            for key in facet.keys(catalogue):
                found[(facet.param, key)] = set()
            for credential in catalogue.listed:
                for key in facet.keys_of(credential, catalogue):
                    found.setdefault((facet.param, key), set()).add(credential.id)
    found[("cost", "free")] = {c.id for c in catalogue.listed if c.is_free}
    return found


def _pairs(members):
    """Every pair of values of different parameters, in the address's order, with their common credentials."""
    for first, second in combinations(sorted(members), 2):
        if first[0] != second[0]:
            yield (first, second), members[first] & members[second]


def _folder(site: Path, lang: str, pair) -> Path:
    return site / ROOTS[lang] / "share" / "lists" / "/".join(f"{param}/{value}" for param, value in pair)


def _read_feed(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert feed.version == "atom10" and not feed.bozo, (path, getattr(feed, "bozo_exception", None))
    return feed


def _id_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_non_empty_pair_has_a_feed_of_exactly_both_groups(built, members, lang):
    checked = 0
    for pair, common in _pairs(members):
        path = _folder(built.site, lang, pair) / "feed.xml"
        if not common:
            assert not path.parent.exists(), f"{path.parent}: an empty list publishes nothing"
            continue
        feed = _read_feed(path)
        listed = [_id_of(entry.link) for entry in feed.entries]
        assert len(listed) == len(set(listed)) == min(len(common), FEED_LENGTH), path
        assert set(listed) <= common, f"{path}: lists credentials outside one of its two groups"
        if len(common) <= FEED_LENGTH:
            assert set(listed) == common, path
        # The feed follows the catalogue page showing that very list, in the feed's language.
        page = urlparse(feed.feed.link)
        assert page.path.endswith(f"/{ROOTS[lang]}catalogue/") and dict(parse_qsl(page.query)) == dict(pair)
        assert feed.feed.id.endswith(
            f"/{ROOTS[lang]}share/lists/"
            + path.parent.relative_to(built.site / ROOTS[lang] / "share" / "lists").as_posix()
            + "/feed.xml"
        )
        checked += 1
    assert checked, "no two filter values share a credential: nothing was checked"


def test_no_empty_feed_or_calendar_and_no_more_than_the_pairs(built, members):
    pairs = {pair for pair, common in _pairs(members) if common}
    for lang, root in ROOTS.items():
        folder = built.site / root / "share" / "lists"
        files = sorted(path for path in folder.rglob("*") if path.is_file())
        assert {path.name for path in files} <= {"feed.xml", "intakes.ics"}, folder
        feeds = [path for path in files if path.name == "feed.xml"]
        for path in feeds:
            assert _read_feed(path).entries, f"{path}: an empty feed is published"
        for path in files:
            if path.suffix == ".ics":
                assert Calendar.from_ical(path.read_bytes()).walk("VEVENT"), f"{path}: an empty calendar"
        # One feed per non-empty pair, none other: the files grow with the pairs of values, not the records.
        assert len(feeds) == len(pairs), lang
        assert len(files) <= 2 * len(list(_pairs(members)))


def _events(path: Path) -> dict[str, dict]:
    return {
        str(event["UID"]): {name: event.get(name).to_ical() for name in ("DTSTAMP", "DTSTART", "SUMMARY", "URL")}
        | {"DESCRIPTION": str(event["DESCRIPTION"])}
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    }


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_pair_with_a_start_date_has_the_calendar_of_its_credentials(built, members, lang):
    """The same events as the whole catalogue's calendar says of those credentials; none without a date."""
    site_calendar = built.site / ROOTS[lang] / "share" / "intakes.ics"
    everything = _events(site_calendar) if site_calendar.exists() else {}
    published: list[Path] = []
    for pair, common in _pairs(members):
        path = _folder(built.site, lang, pair) / "intakes.ics"
        expected = {uid: event for uid, event in everything.items() if _id_of(event["URL"].decode()) in common}
        if not expected:
            assert not path.exists(), f"{path}: a calendar without an event"
            continue
        events = _events(path)
        assert events == expected, path
        for event in events.values():
            assert event["DTSTAMP"] and event["DTSTART"] and event["SUMMARY"] and event["DESCRIPTION"], path
        published.append(path)
    # The second, independent reader a calendar application stands for: the same events.
    for path, read in read_with_ical_js(published).items():
        read_by_js = {event["uid"]: event for event in read}
        events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert set(read_by_js) == {str(event["UID"]) for event in events}, path
        for event in events:
            by_js = read_by_js[str(event["UID"])]
            assert (by_js["summary"], by_js["start"]) == (str(event["SUMMARY"]), event["DTSTART"].dt.isoformat()), path
    checked = len(published)
    if any(uid for uid in everything):
        assert checked, "the site's calendar has events but no list of two filters has one"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_entry_says_what_the_groups_feed_says(built, members, lang):
    """One way of writing an entry: a credential's entry in a pair's feed is its entry in each group's feed."""

    facets = {facet.param: facet.name for facet in registry_of(load_catalogue(built.project)).filters}

    def group_feed(param, value):
        if (param, value) == ("cost", "free"):
            return built.site / ROOTS[lang] / "browse" / "free" / "feed.xml"
        return built.site / ROOTS[lang] / "browse" / facets[param] / value / "feed.xml"

    @functools.cache  # a group's feed is met in many pairs: read it once
    def entries(path):
        return {
            _id_of(entry.link): (entry.title, entry.summary, entry.updated, entry.published, entry.get("tags"))
            for entry in _read_feed(path).entries
        }

    compared = 0
    for pair, common in _pairs(members):
        if not common:
            continue
        combined = entries(_folder(built.site, lang, pair) / "feed.xml")
        for param, value in pair:
            single = entries(group_feed(param, value))
            for credential_id in combined.keys() & single.keys():
                assert combined[credential_id] == single[credential_id], (pair, credential_id)
                compared += 1
    assert compared
