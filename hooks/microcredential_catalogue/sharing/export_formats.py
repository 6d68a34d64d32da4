"""Open data: the whole catalogue as JSON (with its JSON Schema) and CSV, and the start dates
as iCalendar files a network can subscribe to.

Like feeds, exports hold no build time: unchanged data gives the same bytes.
"""

from __future__ import annotations

import csv
import io
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
# A spreadsheet runs a cell that starts with one of these as a formula; data is untrusted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def safe_cell(value) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def catalogue_csv(catalogue: Catalogue, site_url: str) -> str:
    """One row per credential, French and English columns side by side. The byte order mark
    tells Excel the file is UTF-8 (without it, accents break); LibreOffice accepts it too."""
    rows = [_csv_row(c, catalogue, site_url) for c in sorted(catalogue.credentials, key=lambda c: c.id)]
    output = io.StringIO()
    columns = list(rows[0]) if rows else ["id"]
    writer = csv.DictWriter(output, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
    return "\ufeff" + output.getvalue()


def _csv_row(c: Credential, catalogue: Catalogue, site_url: str) -> dict[str, str]:
    record = _record(c, catalogue, site_url)
    row = {"id": c.id, "status": c.status}
    for lang in LANGUAGES:
        row |= _csv_words(c, catalogue, lang, record["page"][lang])
    return row | {
        "cost_cad": "" if c.cost_amount is None else f"{c.cost_amount:g}",
        "hours": "" if c.hours is None else str(c.hours),
        "languages": "; ".join(c.languages),
        "continuous_intake": "yes" if c.intake_continuous else "",
        "start_dates": "; ".join(record["intake"]["dates"]),
        "funding": "; ".join(c.funding),
        "added": record["added"],
        "information_date": record["information_date"],
    }


def _csv_words(c: Credential, catalogue: Catalogue, lang: str, page: str) -> dict[str, str]:
    """The columns of one language."""
    taxonomies = catalogue.taxonomies

    def labels(vocabulary: str, keys) -> str:
        return "; ".join(taxonomies.label(vocabulary, key, lang) for key in keys)

    return {
        f"title_{lang}": c.title[lang],
        f"summary_{lang}": c.summary[lang],
        f"page_{lang}": page,
        f"provider_{lang}": catalogue.providers[c.provider].name[lang],
        f"official_url_{lang}": c.url[lang] if c.url else "",
        f"sectors_{lang}": labels("sectors", c.sectors),
        f"pathways_{lang}": labels("pathways", c.pathways),
        f"delivery_{lang}": taxonomies.label("delivery", c.delivery, lang) if c.delivery else "",
        f"regions_{lang}": labels("regions", c.regions),
        f"cost_note_{lang}": c.cost_note[lang] if c.cost_note else "",
    }


def intakes_calendar(
    catalogue: Catalogue, lang: str, site_url: str, title: str, starts: str, statement, credentials=None
) -> bytes | None:
    """Every known start date of every listed credential, one all-day event each; None when
    there is none. `statement(credential)`: its facts and their age, as every copy says them;
    `credentials`: a list's (a group page's), instead of the whole catalogue's.

    UIDs name the credential and the date, so a subscribed calendar updates rather than
    duplicates; DTSTAMP is the date of the record's information, not the build's.
    """
    host = urlparse(site_url).hostname or "catalogue"
    calendar = Calendar()
    calendar.add("prodid", f"-//{host}//{title}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    chosen = catalogue.listed if credentials is None else [c for c in credentials if c.is_listed]
    for credential in sorted(chosen, key=lambda c: c.id):
        url = addresses.absolute(addresses.credential_page(credential.id), lang, site_url)
        for start in credential.intake_dates:
            event = Event()
            event.add("uid", f"{credential.id}-{start.isoformat()}@{host}")
            event.add("dtstamp", datetime.combine(credential.information_date.earliest(), time(), UTC))
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(days=1))
            event.add("summary", starts.format(title=credential.title[lang]))
            event.add("description", f"{statement(credential)}\n{credential.summary[lang]}\n{url}")
            event.add("url", url)
            calendar.add_component(event)
    return calendar.to_ical() if calendar.subcomponents else None
