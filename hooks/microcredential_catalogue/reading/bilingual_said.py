"""Messages to editors in both languages, with French spacing done once, here.

French puts a no-break space before « : ; ? ! » and inside « »; a message written with ordinary
spaces gets them, so a line never wraps before a lone colon and no message forgets one.
"""

from __future__ import annotations

import re

from .problems import Said

NO_BREAK = "\u00a0"
_BEFORE = re.compile(r" ([:;?!»])")
_AFTER = re.compile(r"« ")


def said(en: str, fr: str) -> Said:
    return Said(en=en, fr=_AFTER.sub("«" + NO_BREAK, _BEFORE.sub(NO_BREAK + r"\1", fr)))
