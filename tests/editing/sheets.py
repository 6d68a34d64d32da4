"""Helpers for the spreadsheet tests: a copy of the project to import into, and sheets written
the way an editor's spreadsheet would write them (row 1 headers, row 2 column keys)."""

from __future__ import annotations

import csv
import functools
import hashlib
from pathlib import Path

import openpyxl
import yaml
from microcredential_catalogue.cli import main
from support import SHIPPED_DAY, copy_project

TODAY = SHIPPED_DAY.isoformat()  # the sheets go into a copy of the shipped data


def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def run(root: Path, *args: str) -> int:
    return main(["--today", TODAY, *args], project_root=root)


def snapshot(root: Path) -> dict[str, str]:
    """Every file of data/ and its hash: what "nothing was written" compares."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((root / "data").rglob("*"))
        if path.is_file()
    }


@functools.cache  # the vocabularies are read once, not once per generated row
def first_key(root: Path, file: str, vocabulary: str | None = None) -> str:
    data = yaml.safe_load((root / "data" / file).read_text(encoding="utf-8"))
    return next(iter(data[vocabulary] if vocabulary else data))


def write_sheet(path: Path, rows: list[dict], keys: list[str] | None = None) -> Path:
    keys = keys or list(dict.fromkeys(key for row in rows for key in row))
    table = [keys, keys] + [[row.get(key, "") for key in keys] for row in rows]
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as file:
            csv.writer(file).writerows(table)
        return path
    workbook = openpyxl.Workbook()
    for line in table:
        workbook.active.append([None if value == "" else value for value in line])
    workbook.save(path)
    return path


def valid_row(root: Path, n: int) -> dict:
    """A credential a network might list, valid against the project's own vocabularies."""
    return {
        "id": f"network-course-{n:03d}",
        "title.fr": f"Cours du réseau {n}",
        "title.en": f"Network course {n}",
        "provider": first_key(root, "providers.yml"),
        "summary.fr": "Apprendre un métier utile, pas à pas.",
        "summary.en": "Learn a useful trade, step by step.",
        "sectors.1": first_key(root, "taxonomies.yml", "sectors"),
        "pathways.1": first_key(root, "taxonomies.yml", "pathways"),
        "delivery": first_key(root, "taxonomies.yml", "delivery"),
        "source.fr": f"https://example.org/course/{n}",
        "verified": "2026-11-20",
        "cost.amount": 100 + n,
        "hours": 40,
        "outcomes.fr": "Lire un plan\nMesurer",
        "outcomes.en": "Read a plan\nMeasure",
    }
