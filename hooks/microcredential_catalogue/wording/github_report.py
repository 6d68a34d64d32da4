"""Problems as a pull request shows them: an annotation on the file and line (GitHub workflow
commands), and a table in the job's summary, in French and in English.

Messages quote values from the data, which is untrusted: every text is escaped for the place it
goes, so a value can neither end a workflow command early nor add markup to the summary.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..reading.problems import Problem, Said

_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY_ESCAPES = (*_DATA_ESCAPES, (":", "%3A"), (",", "%2C"))
_CELL_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("\r", " "), ("\n", " "))


def _escaped(text: str, escapes: tuple) -> str:
    for character, replacement in escapes:
        text = text.replace(character, replacement)
    return text


def _said(message: str | Said) -> Said:
    return message if isinstance(message, Said) else Said(en=message, fr=message)


def annotation(problem: Problem, level: str = "error") -> str:
    """`::error file=…,line=…,title=…::message`: GitHub marks the line in the pull request's files."""
    said = _said(problem.message)
    title = problem.field or problem.file
    properties = ",".join(
        f"{name}={_escaped(str(value), _PROPERTY_ESCAPES)}"
        for name, value in (("file", problem.file), ("line", problem.line), ("title", title))
    )
    both = f"{said.en}\n(fr) {said.fr}"
    return f"::{level} {properties}::{_escaped(both, _DATA_ESCAPES)}"


def summary(problems: Sequence[Problem], credentials: int | None = None) -> str:
    """The job summary (Markdown): a table of every problem, in both languages, or that all is well."""
    if not problems:
        count = credentials or 0
        return (
            "## Vérification des données · Data check\n\n"
            f"✅ Les données sont valides ({count} fiches) · The data is valid ({count} records).\n"
        )
    rows = [
        "| Fichier · File | Ligne · Line | Champ · Field | Problème (français) | Problem (English) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for problem in problems:
        said = _said(problem.message)
        cells = (problem.file, str(problem.line), problem.field or "—", said.fr, said.en)
        rows.append("| " + " | ".join(_escaped(cell, _CELL_ESCAPES) for cell in cells) + " |")
    count = len(problems)
    heading = (
        f"## Vérification des données · Data check\n\n❌ {count} problème{'s' if count > 1 else ''} "
        f"· {count} problem{'s' if count > 1 else ''}: corrigez chaque ligne · fix each line\n\n"
    )
    return heading + "\n".join(rows) + "\n"
