"""Open data: the whole catalogue as JSON (with its JSON Schema), and the start dates as
iCalendar files a network can subscribe to (the CSV tables: sheet_table.py).

Like feeds, exports hold no build time: unchanged data gives the same bytes.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlparse

from icalendar import Calendar, Event

from .. import addresses
from ..model.catalogue import LANGUAGES, Catalogue, Credential
from ..model.facets import registry_of
from ..model.records import credential_vocabularies
from ..wording.typography import french_text

EXPORT_VERSION = "1.0"  # raise the major number when a field changes meaning or goes away
SCHEMA_FILE = Path(__file__).parent / "export_schema" / "catalogue.schema.json"


def _bilingual(value) -> dict | None:
    return {"fr": value.fr, "en": value.en} if value else None


def _record(credential: Credential, catalogue: Catalogue, site_url: str) -> dict:
    page = addresses.credential_page(credential.id)
    c = credential
    return {
        "id": c.id,
        "page": {lang: addresses.absolute(page, lang, site_url) for lang in LANGUAGES},
        "title": _bilingual(c.title),
        "summary": _bilingual(c.summary),
        "provider": c.provider,
        "official_url": _bilingual(c.url),
        "status": c.status,
        "sectors": list(c.sectors),
        "pathways": list(c.pathways),
        "delivery": c.delivery,
        "languages": list(c.languages),
        "cost_cad": c.cost_amount,
        "cost_note": _bilingual(c.cost_note),
        "funding": list(c.funding),
        "hours": c.hours,
        "regions": list(c.regions),
        "intake": {"continuous": c.intake_continuous, "dates": [d.isoformat() for d in c.intake_dates]},
        "award": c.award.type if c.award else None,
        "audiences": list(c.audiences),
        "added": c.added.iso(),
        "information_date": c.information_date.iso(),
        "verified": c.verified.iso(),
        # What `verified` means for this record: without it, a date typed from notes reads as a check.
        "checked_against": c.checked_against,
    }


def catalogue_json(catalogue: Catalogue, site_url: str) -> str:
    taxonomies = catalogue.taxonomies
    # The labels of every key a credential uses: the facets' vocabularies (facets.py) and award types.
    vocabularies = credential_vocabularies(registry_of(catalogue))
    data = {
        "$schema": site_url.rstrip("/") + "/" + addresses.SHARE_FOLDER + "/catalogue.schema.json",
        "version": EXPORT_VERSION,
        "site": {lang: addresses.absolute("", lang, site_url) for lang in LANGUAGES},
        "providers": {
            key: {"name": _bilingual(p.name), "type": p.type, "url": p.url, "region": p.region}
            for key, p in sorted(catalogue.providers.items())
        },
        "vocabularies": {
            name: {key: _bilingual(term.label) for key, term in taxonomies.terms(name).items()} for name in vocabularies
        },
        "credentials": [_record(c, catalogue, site_url) for c in sorted(catalogue.credentials, key=lambda c: c.id)],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def catalogue_schema() -> str:
    return SCHEMA_FILE.read_text(encoding="utf-8")


def intakes_calendar(
    catalogue: Catalogue,
    lang: str,
    site_url: str,
    title: str,
    starts: str,
    statement,
    credentials=None,
    events: dict[str, bytes] | None = None,
) -> bytes | None:
    """Every known start date of every listed credential, one all-day event each; None when
    there is none. `statement(credential)`: its facts and their age, as every copy says them;
    `credentials`: a list's (a group page's), instead of the whole catalogue's; `events`: each
    credential's events as already written for another calendar of the same language, site and
    words (a credential is on the site's calendar and on every list's it belongs to).

    UIDs name the credential and the date, so a subscribed calendar updates rather than
    duplicates; DTSTAMP is the date of the record's information, not the build's. A French
    calendar's texts get the pages' typography (a calendar application breaks lines too).
    """

    host = urlparse(site_url).hostname or "catalogue"
    events = {} if events is None else events
    chosen = catalogue.listed if credentials is None else [c for c in credentials if c.is_listed]
    written = []
    for credential in sorted(chosen, key=lambda c: c.id):
        if credential.id not in events:
            events[credential.id] = _events(credential, lang, site_url, host, starts, statement)
        written.append(events[credential.id])
    if not any(written):
        return None
    calendar = Calendar()
    calendar.add("prodid", f"-//{host}//{title}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _said(title, lang))
    # The calendar's lines, then its events' (what `to_ical` writes with the events added to it).
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    return head.removesuffix(end) + b"".join(written) + end


def _events(credential: Credential, lang: str, site_url: str, host: str, starts: str, statement) -> bytes:
    """The iCalendar lines of a credential's start dates, one VEVENT each."""
    url = addresses.absolute(addresses.credential_page(credential.id), lang, site_url)
    lines = []
    for start in credential.intake_dates:
        event = Event()
        event.add("uid", f"{credential.id}-{start.isoformat()}@{host}")
        event.add("dtstamp", datetime.combine(credential.information_date.earliest(), time(), UTC))
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(days=1))
        event.add("summary", _said(starts.format(title=credential.title[lang]), lang))
        event.add("description", _said(f"{statement(credential)}\n{credential.summary[lang]}", lang) + f"\n{url}")
        event.add("url", url)
        lines.append(event.to_ical())
    return b"".join(lines)


def _said(text: str, lang: str) -> str:
    """A calendar's text with the pages' typography in French (a calendar application breaks lines too)."""
    return french_text(text) if lang == "fr" else text
