"""The share box of a credential page: its address, a ready-to-paste blurb, an email, a QR code."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode

from ..model.catalogue import Credential
from ..wording.facts import as_said
from .context import ShareContext
from .qr import credential_qr_title, versioned_qr


def share_box(context: ShareContext, credential: Credential, lang: str, today: date) -> dict:
    """`today` is the build's day, the one the facts' wording (wording/facts.py) was made for."""
    url = context.credential_url(credential, lang)
    provider = context.catalogue.providers[credential.provider].name[lang]
    wording = context.facts
    facts = [as_said(provider, lang), *wording.key_lines(credential, lang), wording.next_start(credential, lang)]
    facts = [fact for fact in facts if fact]
    lines = [as_said(credential.title[lang], lang), " · ".join(facts), url]
    return {
        "url": url,
        "title": credential.title[lang],
        "facts": facts,
        "text": "\n".join(lines),
        "mailto": "mailto:?" + urlencode({"subject": lines[0], "body": "\n".join(lines)}, quote_via=quote),
        "qr": versioned_qr(url, credential_qr_title(context, credential, lang)),
    }
