"""A problem found in the data, told the way a content editor can act on it."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Said:
    """A message in both languages: many editors work in French. `str()` gives the English."""

    en: str
    fr: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "fr", french_spaces(self.fr))

    def __str__(self) -> str:
        return self.en

    def in_language(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


# French puts a space a line must not break at before « : ; ? » and inside « » (the Canadian choice:
# narrow before ; ? !). Messages are plain text, so this is simpler than wording/typography.py's
# pass over HTML, which the reading stage may not import.
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+(?=:)")
_BEFORE_OTHER = re.compile(r"[ \u00a0\u202f]+(?=[;?!])")
_INSIDE_GUILLEMETS = re.compile(r"(?<=«)[ \u00a0]+|[ \u00a0]+(?=»)")


def french_spaces(text: str) -> str:
    """The French text with no-break spaces where its punctuation asks for them."""
    text = _BEFORE_COLON.sub("\u00a0", text)
    text = _BEFORE_OTHER.sub("\u202f", text)
    return _INSIDE_GUILLEMETS.sub("\u00a0", text)


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the project, e.g. data/credentials/foo.yml
    line: int
    field: str  # dotted path, e.g. cost.amount or outcomes[2].fr ("" for the whole file)
    message: str | Said  # the rule, then what was found (plain str: English only, until translated)

    def __str__(self) -> str:
        return self.in_language("en")

    def __lt__(self, other: Problem) -> bool:  # file, then line, then field, then message
        return self._order() < other._order()

    def _order(self) -> tuple:
        return (self.file, self.line, self.field, str(self.message))

    def in_language(self, lang: str) -> str:
        message = self.message.in_language(lang) if isinstance(self.message, Said) else self.message
        where = f"{_printable(self.file)}:{self.line}:"
        return f"{where} {self.field}: {message}" if self.field else f"{where} {message}"


class DataInvalid(Exception):
    """Raised with every problem at once, so the editor fixes them in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data")

    def report(self, lang: str = "en") -> str:
        lines = [p.in_language(lang) for p in self.problems]
        count = len(self.problems)
        lines.append(
            Said(
                en=f"{self}: nothing was built. Fix the lines above and try again.",
                fr=f"{count} problème{'s' if count > 1 else ''} dans les données : rien n'a été construit. "
                "Corrigez les lignes ci-dessus et réessayez.",
            ).in_language(lang)
        )
        return "\n".join(lines)


def field_path(path: tuple) -> str:
    """('outcomes', 1, 'fr') -> 'outcomes[2].fr'; list positions count from 1 for editors."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            part = _printable(str(part))
            text += f".{part}" if text else part
    return text


def _printable(name: str) -> str:
    """A file name or key as written, or quoted when it holds characters a terminal would act on."""
    return name if name.isprintable() and len(name) <= 80 else shown(name, 80)


def shown(value: object, limit: int = 60) -> str:
    """The value found, quoted and shortened, for the end of a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
