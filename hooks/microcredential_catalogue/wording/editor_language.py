"""The language an editor reads the command's messages in: asked for, or their environment's."""

from __future__ import annotations

from collections.abc import Mapping

EDITOR_LANGUAGES = ("fr", "en")
# The variables gettext reads, in the order it reads them: the first one set decides.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def editor_language(environ: Mapping[str, str]) -> str:
    """fr for a French locale (fr_CA.UTF-8, fr, LANGUAGE=fr:en), en for any other or none."""
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            first = value.split(":")[0]  # LANGUAGE may list several, the preferred one first
            return "fr" if first.lower().startswith("fr") else "en"
    return "en"
