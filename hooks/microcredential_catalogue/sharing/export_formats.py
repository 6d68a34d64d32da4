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
    events: dict[tuple[str, str], bytes] | None = None,
) -> bytes | None:
    """Every known start date of every listed credential, one all-day event each; None when
    there is none. `statement(credential)`: its facts and their age, as every copy says them;
    `credentials`: a list's (a group page's), instead of the whole catalogue's; `events`: the
    events already written, by credential and language, which every list's calendar shares
    (a credential is in many lists: its events are written once).

    UIDs name the credential and the date, so a subscribed calendar updates rather than
    duplicates; DTSTAMP is the date of the record's information, not the build's.
    """
    host = urlparse(site_url).hostname or "catalogue"
    calendar = Calendar()
    calendar.add("prodid", f"-//{host}//{title}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    chosen = catalogue.listed if credentials is None else [c for c in credentials if c.is_listed]
    events = {} if events is None else events
    written = []
    for credential in sorted(chosen, key=lambda c: c.id):
        if not credential.intake_dates:
            continue
        if (credential.id, lang) not in events:
            events[(credential.id, lang)] = b"".join(
                _start_event(credential, start, lang, site_url, host, starts, statement).to_ical()
                for start in credential.intake_dates
            )
        written.append(events[(credential.id, lang)])
    if not written:
        return None
    # A calendar's text is its own lines, its events' and its end (icalendar's Component.to_ical).
    end = b"END:VCALENDAR\r\n"
    return calendar.to_ical().removesuffix(end) + b"".join(written) + end


def _start_event(credential: Credential, start, lang: str, site_url: str, host: str, starts: str, statement) -> Event:
    url = addresses.absolute(addresses.credential_page(credential.id), lang, site_url)
    event = Event()
    event.add("uid", f"{credential.id}-{start.isoformat()}@{host}")
    event.add("dtstamp", datetime.combine(credential.information_date.earliest(), time(), UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(days=1))
    event.add("summary", starts.format(title=credential.title[lang]))
    event.add("description", f"{statement(credential)}\n{credential.summary[lang]}\n{url}")
    event.add("url", url)
    return event
