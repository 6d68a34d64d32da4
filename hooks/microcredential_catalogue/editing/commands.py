"""The spreadsheet commands: `catalogue template`, `catalogue import`, `catalogue export`.

Messages go to the editor in both languages, French first: many editors work in French.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..checks.validate import load_catalogue
from ..reading.problems import DataInvalid
from ..reading.sheet_file import SheetRefused
from ..sharing.sheet_table import catalogue_table, table_csv
from . import issue_command
from .sheet_import import ImportPlan, data_invalid_already, lost_comments_report, plan_import, write_plan

LISTED = 50  # files named one by one; beyond, a count


def add_commands(commands) -> None:
    template = commands.add_parser("template", help="write an empty spreadsheet to fill in, with drop-down lists")
    export = commands.add_parser("export", help="write every credential as the spreadsheet `import` reads back")
    for parser in (template, export):
        parser.add_argument("--csv", action="store_true", help="write CSV instead of an Excel workbook (.xlsx)")
        parser.add_argument("--xlsx", action="store_true", help="write an Excel workbook (the default)")
        parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="the headers' language (default: fr)")
        parser.add_argument("-o", "--output", help="the file to write (default: catalogue-<template|export>-<lang>)")
    imports = commands.add_parser("import", help="write one record per row of a .xlsx or .csv sheet, all or none")
    imports.add_argument("file", help="the sheet: .xlsx, or .csv (UTF-8 or Windows-1252, ; or ,)")
    imports.add_argument("--dry-run", action="store_true", help="list what would change; write nothing")
    issue_command.add_commands(commands)


COMMANDS = ("template", "import", "export", "issue-form", "from-issue")


def run(root: Path, today: date, args) -> int:
    if args.command in ("issue-form", "from-issue"):
        return issue_command.run(root, today, args)
    if args.command == "import":
        return import_sheet(root, Path(args.file), today, args.dry_run)
    return write_table(root, today, args.command, args)


def write_table(root: Path, today: date, command: str, args) -> int:
    try:
        catalogue = load_catalogue(root, today)
    except DataInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    table = catalogue_table(catalogue, args.lang)
    if command == "template":
        table = replace(table, rows=[])  # the same columns, lists and notes; no credentials
    suffix = ".csv" if args.csv else ".xlsx"
    target = Path(args.output or f"catalogue-{command}-{args.lang}{suffix}")
    if args.csv:
        target.write_text(table_csv(table), encoding="utf-8", newline="")
    else:
        from .workbook import table_workbook  # openpyxl, loaded only when a workbook is written

        target.write_bytes(table_workbook(table, root))
    print(f"{target}: {len(table.rows)} credential(s) / microcertification(s)")
    return 0


def import_sheet(root: Path, sheet: Path, today: date, dry_run: bool) -> int:
    try:
        plan = plan_import(root, sheet, today)
    except SheetRefused as refused:
        print(f"{refused.message.fr}\n{refused.message.en}\nRien n'a été écrit. Nothing was written.", file=sys.stderr)
        return 1
    except DataInvalid as invalid:
        message = data_invalid_already()
        print(f"{invalid.report()}\n{message.fr}\n{message.en}", file=sys.stderr)
        return 1
    if plan.encoding:
        print(f"{sheet.name}: {plan.encoding}")
    if plan.problems:
        print(problems_report(plan), file=sys.stderr)
        return 1
    print(changes_report(plan, dry_run))
    if not dry_run:
        write_plan(root, plan)
    return 0


def problems_report(plan: ImportPlan) -> str:
    lines = []
    for problem in plan.problems:
        lines += [f"{problem.in_language('fr')}", f"  {problem.in_language('en')}"]
    count = len(plan.problems)
    lines.append(f"{count} problème(s)\u00a0: rien n'a été écrit. {count} problem(s): nothing was written.")
    return "\n".join(lines)


def changes_report(plan: ImportPlan, dry_run: bool) -> str:
    """+ a new file, ~ a changed one; then the counts in both languages."""
    changes = [f"+ data/credentials/{i}.yml" for i in sorted(plan.added)]
    changes += [f"~ data/credentials/{i}.yml" for i in sorted(plan.updated)]
    lines = changes[:LISTED] + ([f"… (+{len(changes) - LISTED})"] if len(changes) > LISTED else [])
    lines += lost_comments_report(plan)
    added, updated, same = len(plan.added), len(plan.updated), len(plan.unchanged)
    fr = f"{added} ajoutée(s), {updated} mise(s) à jour, {same} inchangée(s)"
    en = f"{added} added, {updated} updated, {same} unchanged"
    if dry_run:
        lines.append(f"Essai\u00a0: {fr}, rien n'a été écrit. Dry run: {en}, nothing was written.")
    else:
        lines.append(f"{fr}. {en}.")
    return "\n".join(lines)
