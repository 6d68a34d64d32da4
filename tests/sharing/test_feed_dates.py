"""Feeds tell the truth about time: an entry is published the day its record entered the catalogue
(`added`, else `verified`) and updated the day its facts were last checked, never before it was
published; "new" is ordered by that day, and "changed" holds only records checked again after
they were added. Every date comes from the records, none from the build's clock."""

from __future__ import annotations

import functools
import time
from datetime import date
from pathlib import Path

import feedparser
import pytest
import yaml


@pytest.fixture(scope="module", params=["records", "hostile"])
def built(request, fixture_sites):
    return fixture_sites[request.param]


def _day(written) -> date:
    """The first day of a date written YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(part) for part in str(written).split("-")]
    return date(*parts, *[1] * (3 - len(parts)))


def _record_dates(project: Path, url: str) -> tuple[date, date]:
    """(added, verified) of the record an entry links to."""
    return _dates_of(project, url.rstrip("/").split("/")[-1])


@functools.cache  # a record is in many feeds: its file is read once
def _dates_of(project: Path, credential_id: str) -> tuple[date, date]:
    record = yaml.safe_load((project / "data" / "credentials" / f"{credential_id}.yml").read_text(encoding="utf-8"))
    verified = _day(record["verified"])
    return _day(record.get("added", record["verified"])), verified


def _as_day(parsed: time.struct_time) -> date:
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)


def _feeds(site: Path):
    for path in sorted(site.rglob("*.xml")):
        feed = feedparser.parse(path.read_bytes())
        if feed.version == "atom10":
            assert not feed.bozo, (path, feed.bozo_exception)
            yield path, feed


def test_every_entry_is_published_when_added_and_updated_when_last_checked(built):
    wrong, entries = [], 0
    for path, feed in _feeds(built.site):
        for entry in feed.entries:
            added, verified = _record_dates(built.project, entry.link)
            published, updated = _as_day(entry.published_parsed), _as_day(entry.updated_parsed)
            if published != added or updated != max(added, verified) or updated < published:
                wrong.append(f"{path.name} {entry.link}: published {published}, updated {updated}")
            entries += 1
    assert entries, "the feeds hold entries"
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.parametrize("root", ["", "en/"])
def test_new_is_newest_first_and_changed_holds_only_records_checked_again(built, root):
    new = feedparser.parse((built.site / root / "share" / "new.xml").read_bytes())
    published = [_as_day(entry.published_parsed) for entry in new.entries]
    assert published == sorted(published, reverse=True)
    changed = feedparser.parse((built.site / root / "share" / "changed.xml").read_bytes())
    for entry in changed.entries:
        assert _as_day(entry.updated_parsed) > _as_day(entry.published_parsed), entry.link
    for entry in changed.entries:
        added, verified = _record_dates(built.project, entry.link)
        assert verified > added, entry.link
