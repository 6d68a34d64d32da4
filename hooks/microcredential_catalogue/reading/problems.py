"""A problem found in the data, told the way a content editor can act on it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path relative to the project, e.g. data/credentials/foo.yml
    line: int
    field: str  # dotted path, e.g. cost.amount or outcomes[2].fr ("" for the whole file)
    message: str  # the rule, then what was found

    def __str__(self) -> str:
        where = f"{_printable(self.file)}:{self.line}:"
        return f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"


class DataInvalid(Exception):
    """Raised with every problem at once, so the editor fixes them in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data")

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(f"{self}: nothing was built. Fix the lines above and try again.")
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
