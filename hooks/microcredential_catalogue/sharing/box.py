"""The share box of a credential page: its address, a ready-to-paste blurb, an email, a QR code."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode

from ..model.catalogue import Credential
from ..wording import formatting
from ..wording.typography import french_text
from .context import ShareContext
from .qr import QR_FILE


def share_box(context: ShareContext, credential: Credential, lang: str, today: date) -> dict:
    url = context.credential_url(credential, lang)
    provider = context.catalogue.providers[credential.provider].name[lang]
    facts = [provider, context.cost_line(credential, lang), _start(context, credential, lang, today)]
    lines = [typeset(credential.title[lang], lang), typeset(" · ".join(fact for fact in facts if fact), lang), url]
    return {
        "url": url,
        "title": credential.title[lang],
        "facts": [fact for fact in facts if fact],
        "text": "\n".join(lines),
        "mailto": "mailto:?" + urlencode({"subject": lines[0], "body": "\n".join(lines)}, quote_via=quote),
        "qr": QR_FILE,
    }


def _start(context: ShareContext, credential: Credential, lang: str, today: date) -> str:
    """When one can start: the next start date after `today`, "any time", or nothing known."""
    upcoming = [start for start in credential.intake_dates if start >= today]
    if upcoming:
        return context.text("share_next_start", lang, date=formatting.day(upcoming[0], lang))
    return context.text("intake_continuous", lang) if credential.intake_continuous else ""


def typeset(text: str, lang: str) -> str:
    """A line of copyable text with French typography: a pasted text has no page to typeset it."""
    return french_text(text) if lang == "fr" else text
