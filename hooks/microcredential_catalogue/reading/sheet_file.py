"""Read a spreadsheet an editor brings (.xlsx or .csv) into plain rows of cells, or refuse it
with one clear reason, within bounded time and memory, before anything else looks at it.

An .xlsx file is a zip: its table of contents is checked before a byte is unpacked (size, count
and compression ratio of its parts), then macros, links to other workbooks, merged cells and
hidden sheets are refused; openpyxl reads what is left, in its streaming mode (defusedxml
installed: no XML entity expansion). Formula cells are kept as `Formula`, for the import to
name. A CSV file may be UTF-8 (with or without BOM) or Windows-1252, comma- or
semicolon-separated; which it was is said back to the editor.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .bilingual_said import said
from .problems import Said

MAX_FILE_BYTES = 20 * 1024 * 1024  # 10,000 full records make a 6 MB CSV
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PARTS = 500
MAX_RATIO = 200  # a sheet's XML compresses about 10:1; a zip bomb, a thousand to one
MAX_ROWS = 20_000  # rows of credentials in one import
MAX_COLUMNS = 200
NARROW_NO_BREAK = "\u202f"  # French groups thousands with it: 20 000
MAX_CELL_CHARS = 10_000  # the longest field (description) is 5,000 characters


@dataclass(frozen=True)
class Formula:
    """A cell that computes its value: the import refuses it (type the value itself)."""

    text: str


@dataclass
class Grid:
    """The first sheet's rows, numbered as the spreadsheet numbers them (from 1)."""

    sheet: str
    rows: list[tuple[int, list]] = field(default_factory=list)
    encoding: str = ""  # for a CSV file: what it was read as, to say so


class SheetRefused(Exception):
    def __init__(self, message: Said):
        super().__init__(message.en)
        self.message = message


def read_sheet(path: Path) -> Grid:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise SheetRefused(_unsupported(path.name))
    try:
        size = path.stat().st_size
    except OSError as error:
        raise SheetRefused(
            said(
                en=f"{path.name} cannot be opened ({error.strerror}): check the file's name and folder",
                fr=f"{path.name} ne s'ouvre pas ({error.strerror}) : vérifiez le nom et le dossier du fichier",
            )
        ) from None
    if size > MAX_FILE_BYTES:
        raise SheetRefused(
            said(
                en=f"{path.name} is {size // 1_000_000} MB, more than the 20 MB one import reads: split it in two",
                fr=f"{path.name} fait {size // 1_000_000} Mo, plus que les 20 Mo d'une importation : coupez-le en deux",
            )
        )
    return _read_xlsx(path) if suffix == ".xlsx" else read_csv_bytes(path.read_bytes(), path.name)


def _unsupported(name: str) -> Said:
    if name.lower().endswith((".xlsm", ".xltm", ".xls", ".xlsb")):
        return said(
            en=f"{name}: this kind of workbook may hold macros or an old format, and is not read: "
            "in your spreadsheet, save it as « Excel workbook (.xlsx) » or CSV, then import that file",
            fr=f"{name} : ce genre de classeur peut contenir des macros ou un ancien format et n'est pas lu : "
            "dans votre tableur, enregistrez-le en « Classeur Excel (.xlsx) » ou en CSV, puis importez ce fichier",
        )
    return said(
        en=f"{name}: import reads .xlsx and .csv files only: save your sheet in one of these formats",
        fr=f"{name} : l'importation lit seulement les fichiers .xlsx et .csv : "
        "enregistrez votre feuille dans l'un d'eux",
    )


# -- xlsx -------------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> Grid:
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(archive, path.name)
    except zipfile.BadZipFile:
        raise SheetRefused(
            said(
                en=f"{path.name} is not an Excel workbook (.xlsx), though its name says so: save it again as .xlsx",
                fr=f"{path.name} n'est pas un classeur Excel (.xlsx), malgré son nom : "
                "enregistrez-le à nouveau en .xlsx",
            )
        ) from None
    from .sheet_xlsx import read_first_sheet  # openpyxl, only when a workbook is read

    return read_first_sheet(path)


def _check_parts(archive: zipfile.ZipFile, name: str) -> None:
    parts = archive.infolist()
    unpacked = sum(part.file_size for part in parts)
    bomb = any(part.file_size > 1_000_000 and part.file_size > MAX_RATIO * max(part.compress_size, 1) for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or bomb:
        raise SheetRefused(
            said(
                en=f"{name} would unpack to {unpacked // 1_000_000} MB in {len(parts)} parts, far more than "
                "a sheet of credentials: it is not read. Save the sheet again from your spreadsheet",
                fr=f"{name} se décompresserait en {unpacked // 1_000_000} Mo et {len(parts)} parties, bien plus "
                "qu'une feuille de microcertifications : il n'est pas lu. Enregistrez la feuille à nouveau",
            )
        )
    names = [part.filename for part in parts]
    refusal = _refused_part(names, name)
    if refusal:
        raise SheetRefused(refusal)
    for part in parts:
        if not part.filename.startswith("xl/worksheets/"):
            continue
        merged, rows = _scan_sheet(archive, part)
        if rows > MAX_ROWS + 2:
            raise SheetRefused(too_big(name))
        if merged:
            raise SheetRefused(
                said(
                    en=f"{name} has merged cells: unmerge them (select all, then « Merge cells » off) "
                    "so that each credential has one value per column, then import again",
                    fr=f"{name} contient des cellules fusionnées : annulez la fusion (tout sélectionner, puis "
                    "« Fusionner les cellules ») pour qu'une microcertification ait une valeur par colonne",
                )
            )


def _refused_part(names: list[str], name: str) -> Said | None:
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        return said(
            en=f"{name} holds macros (program code), which the catalogue never runs: "
            "save the sheet as « Excel workbook (.xlsx) » without macros",
            fr=f"{name} contient des macros (du code), que le catalogue n'exécute jamais : "
            "enregistrez la feuille en « Classeur Excel (.xlsx) » sans macros",
        )
    if any(n.startswith("xl/externalLinks/") for n in names):
        return said(
            en=f"{name} links to other workbooks: copy the values themselves into the sheet "
            "(« Paste special », values only) and remove the links",
            fr=f"{name} contient des liens vers d'autres classeurs : copiez les valeurs elles-mêmes dans la "
            "feuille (« Collage spécial », valeurs seulement) et supprimez les liens",
        )
    return None


def _scan_sheet(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> tuple[bool, int]:
    """Merged cells, and how many rows: a streamed count, the XML read in 1 MB pieces, never whole."""
    merged, rows, tail = False, 0, b""
    with archive.open(part) as stream:
        while piece := stream.read(1 << 20):
            window = tail + piece
            merged = merged or b"mergeCell " in window or b"mergeCell>" in window
            rows += piece.count(b"<row ") + piece.count(b"<row>") + piece.count(b":row ")
            tail = piece[-16:]
    return merged, rows


# -- csv --------------------------------------------------------------------------------------


def read_csv_bytes(raw: bytes, name: str) -> Grid:
    text, encoding = _decoded(raw, name)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    csv.field_size_limit(MAX_CELL_CHARS * 4)
    grid = Grid(sheet=name, encoding=f"{encoding}, « {delimiter} »" if delimiter != "\t" else f"{encoding}, tab")
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            _check_size(number, len(row), name)
            grid.rows.append((number, [_unquoted(cell) for cell in row]))
    except csv.Error as error:
        raise SheetRefused(
            said(
                en=f"{name} cannot be read as CSV near row {len(grid.rows) + 1} ({error}): save it again as CSV",
                fr=f"{name} n'est pas lisible en CSV vers la ligne {len(grid.rows) + 1} ({error}) : "
                "enregistrez-le à nouveau en CSV",
            )
        ) from None
    return grid


def _decoded(raw: bytes, name: str) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "UTF-8 (BOM)"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise SheetRefused(
            said(
                en=f"{name} is neither UTF-8 nor Windows-1252 text: save it as « CSV UTF-8 »",
                fr=f"{name} n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le en « CSV UTF-8 »",
            )
        ) from None


def _unquoted(cell: str) -> str:
    """An export protects a cell that would start a formula with a leading ' : take it off."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def _check_size(number: int, width: int, name: str) -> None:
    if number > MAX_ROWS + 2 or width > MAX_COLUMNS:
        raise SheetRefused(too_big(name))


def too_big(name: str) -> Said:
    rows = f"{MAX_ROWS:,}"
    return said(
        en=f"{name} has more than {rows} rows or {MAX_COLUMNS} columns, more than one import takes: "
        "split it into several files",
        fr=f"{name} a plus de {rows.replace(',', NARROW_NO_BREAK)} lignes ou {MAX_COLUMNS} colonnes, plus qu'une "
        "importation n'en prend : coupez-le en plusieurs fichiers",
    )
