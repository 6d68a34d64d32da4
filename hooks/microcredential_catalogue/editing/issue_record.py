"""An issue opened with the form « Proposer une microcertification » becomes a credential record.

GitHub writes a form's answers into the issue's body as `### <label>` then the answer
(`_No response_` when left empty; a multiple choice as `a, b`). The body is untrusted text: it is
read as one row of the spreadsheet and goes through the import's checks (sheet_import.py), so a
proposal meets exactly the rules and the messages of a sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.catalogue import Catalogue
from ..model.sheet_columns import SheetWords
from ..reading.bilingual_said import said
from ..reading.problems import Said
from ..reading.sheet_file import Grid, SheetRefused
from .issue_form import BOTH, FormField, form_fields

MAX_BODY_CHARS = 65_536  # GitHub's own limit on an issue's body
NO_RESPONSE = "_No response_"


@dataclass
class IssueAnswers:
    cells: dict[str, str] = field(default_factory=dict)  # column key -> the cell it fills
    problems: list[tuple[str, Said]] = field(default_factory=list)  # (form label, message)


def issue_grid(body: str, catalogue: Catalogue, words: SheetWords) -> tuple[Grid, IssueAnswers]:
    """The proposal as a one-row sheet (row 3, under the headers and the column keys)."""
    if len(body) > MAX_BODY_CHARS:
        raise SheetRefused(
            said(
                en="the issue's text is longer than an issue can be: start again from the form",
                fr="le texte du ticket est plus long qu'un ticket ne peut l'être : recommencez avec le formulaire",
            )
        )
    fields = form_fields(catalogue, words)
    answers = IssueAnswers()
    sections = _sections(body.replace("\r\n", "\n"), answers)
    for form_field in fields:
        _answer(form_field, sections.get(form_field.label, ""), answers)
    keys = list(answers.cells)
    grid = Grid(sheet="issue", rows=[(1, keys), (2, keys), (3, [answers.cells[key] for key in keys])])
    return grid, answers


def _sections(body: str, answers: IssueAnswers) -> dict[str, str]:
    """Each `### label` and the text under it; a label given twice is a problem, not a choice."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in body.split("\n"):
        if line.startswith("### "):
            current = line[4:].strip()
            if current in sections:
                answers.problems.append((current, _twice()))
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return {label: _answer_text("\n".join(lines)) for label, lines in sections.items()}


def _answer_text(text: str) -> str:
    text = text.strip("\n").strip()
    return "" if text == NO_RESPONSE else text


def _answer(form_field: FormField, text: str, answers: IssueAnswers) -> None:
    columns = form_field.columns
    if not form_field.options:
        answers.cells[columns[0].key] = text
        return
    chosen = _chosen(text, form_field.options) if text else []
    if chosen is None:
        answers.problems.append((form_field.label, _not_an_option(text)))
        chosen = []
    for position, column in enumerate(columns):
        # The French half of "Santé / Health care": the import reads a label in either language.
        answers.cells[column.key] = chosen[position].split(BOTH)[0] if position < len(chosen) else ""
    if len(chosen) > len(columns):
        answers.problems.append((form_field.label, _too_many(len(columns))))


def _chosen(text: str, options: tuple[str, ...]) -> list[str] | None:
    """The options a multiple choice names: GitHub joins them with ", ", and options hold commas too."""
    chosen, rest = [], text
    by_length = sorted(options, key=len, reverse=True)
    while rest:
        option = next((o for o in by_length if rest == o or rest.startswith(o + ", ")), None)
        if option is None:
            return None
        chosen.append(option)
        rest = rest[len(option) + 2 :]
    return chosen


def _twice() -> Said:
    return said(
        en="this field is there twice: edit the issue so that it appears once",
        fr="ce champ est là deux fois : modifiez le ticket pour qu'il n'y soit qu'une fois",
    )


def _not_an_option(text: str) -> Said:
    return said(
        en=f"{text[:60]!r} is not one of the form's choices: edit the issue and pick from the list",
        fr=f"« {text[:60]} » n'est pas un des choix du formulaire : modifiez le ticket et choisissez dans la liste",
    )


def _too_many(count: int) -> Said:
    return said(
        en=f"more than {count} choices: keep at most {count}", fr=f"plus de {count} choix : gardez-en au plus {count}"
    )
