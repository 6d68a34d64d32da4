"""The rows of a sheet read as records, each cell's problem named by sheet, row and column.

The column keys are row 2 of the template (row 1 holds the headers in the editor's language);
a sheet whose first row holds the keys reads too. Blank rows are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.ids import id_problem
from ..model.sheet_columns import Column
from ..model.sheet_rows import cell_text, record_of
from ..model.sheet_vocabularies import SheetVocabularies
from ..reading.bilingual_said import said
from ..reading.problems import Said
from ..reading.sheet_file import MAX_CELL_CHARS, Formula, Grid, SheetRefused


@dataclass(frozen=True)
class SheetProblem:
    sheet: str
    row: int
    column: str  # the column key, "" for the whole row
    header: str  # the column's header as the sheet writes it
    message: Said

    def in_language(self, lang: str) -> str:
        if lang == "fr":
            where = f"Feuille «\u00a0{self.sheet}\u00a0», ligne {self.row}"
            where += f", colonne «\u00a0{self.header}\u00a0» ({self.column})" if self.column else ""
            return f"{where}\u00a0: {self.message.fr}"
        where = f'Sheet "{self.sheet}", row {self.row}'
        where += f', column "{self.header}" ({self.column})' if self.column else ""
        return f"{where}: {self.message.en}"


@dataclass
class SheetRecords:
    records: dict[str, tuple[int, dict]] = field(default_factory=dict)  # id -> (row, record)
    problems: list[SheetProblem] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # column key -> header in the sheet
    rules_fr: dict[str, str] = field(default_factory=dict)  # field -> its rule in French (fields.yml)


def sheet_records(grid: Grid, columns: tuple[Column, ...], vocabularies: SheetVocabularies) -> SheetRecords:
    positions, headers, first_data_row = _key_row(grid, columns)
    result = SheetRecords(headers=headers)
    known = {column.key for column in columns}
    for key in positions:
        if key not in known:
            result.problems.append(_problem(grid, first_data_row - 1, key, headers, _unknown_column(key)))
    for number, values in grid.rows:
        if number < first_data_row or not any(cell_text(v).strip() for v in values):
            continue
        cells = {key: values[i] if i < len(values) else None for key, i in positions.items() if key in known}
        _read_row(grid, number, cells, result, columns, vocabularies)
    return result


def _read_row(grid: Grid, number: int, cells: dict, result: SheetRecords, columns, vocabularies) -> None:
    before = len(result.problems)
    for key, value in cells.items():
        message = _cell_refusal(value)
        if message:
            result.problems.append(_problem(grid, number, key, result.headers, message))
            cells[key] = None
    credential_id = cell_text(cells.get("id")).strip()
    refusal = _id_refusal(credential_id, result.records)
    if refusal:
        result.problems.append(_problem(grid, number, "id", result.headers, refusal))
    reading = record_of(cells, columns, vocabularies)
    for key, message in reading.problems:
        result.problems.append(_problem(grid, number, key, result.headers, message))
    if len(result.problems) == before:
        result.records[credential_id] = (number, reading.record)


def _cell_refusal(value) -> Said | None:
    if isinstance(value, Formula):
        return said(
            en=f"a formula ({value.text[:40]}): the catalogue reads values only; type the value itself",
            fr=f"une formule ({value.text[:40]}) : le catalogue ne lit que des valeurs ; tapez la valeur elle-même",
        )
    if len(cell_text(value)) > MAX_CELL_CHARS:
        return said(
            en=f"{len(cell_text(value)):,} characters, more than any field holds ({MAX_CELL_CHARS:,}): shorten it",
            fr=f"{len(cell_text(value))} caractères, plus qu'aucun champ n'en contient ({MAX_CELL_CHARS}) : "
            "raccourcissez-la",
        )
    return None


def _id_refusal(credential_id: str, seen: dict) -> Said | None:
    if not credential_id:
        return said(
            en="no id: write the credential's id, such as mohawk-drones-ground-school (its file name and address)",
            fr="pas d'identifiant : écrivez l'identifiant, comme mohawk-drones-ground-school "
            "(nom du fichier et adresse)",
        )
    problem = id_problem(credential_id)
    if problem:
        return said(en=problem, fr=f"« {credential_id[:60]} » n'est pas un identifiant valide : {_id_rule_fr()}")
    if credential_id in seen:
        row = seen[credential_id][0]
        return said(
            en=f"{credential_id} is already on row {row}: one row per credential; merge the two rows",
            fr=f"{credential_id} est déjà à la ligne {row} : une ligne par microcertification ; fusionnez les deux",
        )
    return None


def _id_rule_fr() -> str:
    return "de 3 à 80 lettres minuscules, chiffres et traits d'union simples, sans accents ni espaces"


def _unknown_column(key: str) -> Said:
    return said(
        en=f"{key[:60]!r} is not a column of the template: remove the column, or use the key from "
        "`catalogue template` in row 2",
        fr=f"« {key[:60]} » n'est pas une colonne du modèle : supprimez la colonne, ou reprenez la clé "
        "de `catalogue template` en ligne 2",
    )


def _problem(grid: Grid, row: int, key: str, headers: dict, message: Said) -> SheetProblem:
    return SheetProblem(grid.sheet, row, key, headers.get(key, key)[:80], message)


def _key_row(grid: Grid, columns) -> tuple[dict[str, int], dict[str, str], int]:
    """Where each column key is, each column's header, and the first row of credentials."""
    first_rows = [values for _, values in grid.rows[:2]]
    for index in reversed(range(len(first_rows))):  # row 2 in the template; row 1 in a sheet without headers
        values = first_rows[index]
        keys = [cell_text(value).strip() for value in values]
        if "id" in keys:
            headers_row = first_rows[0] if index == 1 else keys
            positions = {key: i for i, key in enumerate(keys) if key}
            headers = {key: cell_text(headers_row[i]) or key for key, i in positions.items() if i < len(headers_row)}
            return positions, headers, grid.rows[index][0] + 1
    raise SheetRefused(
        said(
            en=f"sheet « {grid.sheet} »: row 2 must hold the column keys (id, title.fr, …) under the headers: "
            "start from `catalogue template`, or copy its first two rows",
            fr=f"feuille « {grid.sheet} » : la ligne 2 doit contenir les clés des colonnes (id, title.fr…) sous "
            "les en-têtes : partez de `catalogue template`, ou copiez ses deux premières lignes",
        )
    )
