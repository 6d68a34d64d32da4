"""Atom feeds (RFC 4287): what is new, what changed, and each group's credentials.

Every date in a feed comes from the data (`added`, the information date), never from the
clock, so a rebuild with unchanged data writes the same bytes and feed readers see nothing new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.catalogue import Credential, PartialDate
from ..wording.typography import french_text

FEED_LENGTH = 50  # entries per feed: enough for a month of a busy catalogue
# Characters XML 1.0 forbids even escaped; data is untrusted, so they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str, lang: str = "") -> str:
    """A text for a feed; in French with its no-break spaces, as a feed reader shows no page of ours."""
    text = _NOT_XML.sub("", text)
    return french_text(text) if lang == "fr" else text


def timestamp(value: PartialDate) -> str:
    """An Atom date (RFC 3339) for a date known perhaps only to the month or year: its first day."""
    return f"{value.earliest().isoformat()}T00:00:00Z"


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    summary: str
    url: str
    updated: str
    published: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Feed:
    id: str  # the feed's own permanent URL
    title: str
    subtitle: str
    page_url: str  # the HTML page the feed follows
    lang: str
    updated: str
    entries: tuple[Entry, ...]


def updated_on(credential: Credential) -> PartialDate:
    """When an entry was last updated: the facts' last check, never before the record was added."""
    return max(credential.added, credential.verified, key=PartialDate.earliest)


def was_checked_again(credential: Credential) -> bool:
    """Whether an editor checked the record's facts after it entered the catalogue: news of a change."""
    return credential.verified.earliest() > credential.added.earliest()


def newest(credentials, date_of) -> list[Credential]:
    """Most recent first by `date_of`, then by id so that equal dates keep a stable order."""
    ordered = sorted(credentials, key=lambda c: c.id)
    return sorted(ordered, key=lambda c: date_of(c).earliest(), reverse=True)[:FEED_LENGTH]


def feed_updated(entries: list[Entry], fallback: str) -> str:
    """The latest entry's date; an empty feed keeps a date derived from the data too."""
    return max((entry.updated for entry in entries), default=fallback)
