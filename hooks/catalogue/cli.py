"""The editors' commands: `check` validates all data without building, `new` starts a record.

Run as `bin/catalogue check` or `bin/catalogue new <id>` from the project folder. `check`
prints the very report the build prints (the same `DataInvalid.report()`), so an editor meets
one wording of every problem, wherever it is found.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .ids import id_problem
from .problems import DataInvalid
from .search_index import filter_option_keys
from .stale import StaleRecord, stale_records
from .synonyms import load_synonyms
from .validate import DataFolder, load_catalogue
from .yaml_source import UnreadableFile, read_text, read_yaml

TEMPLATE = Path(__file__).with_name("record_template.yml")


def main(argv: list[str] | None = None, project_root: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    root = Path(project_root or Path.cwd())
    today = args.today or date.today()
    if args.command == "check":
        return check(root, today)
    return new(root, today, args.id)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catalogue", description="Check or start credential records.")
    parser.add_argument(
        "--today", type=date.fromisoformat, help="the date to check against (YYYY-MM-DD); default: today"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every file under data/ and list records to re-check")
    new_parser = commands.add_parser("new", help="write data/credentials/<id>.yml from the template")
    new_parser.add_argument("id", nargs="?", help="the new record's id; asked for when left out")
    return parser


# -- check ---------------------------------------------------------------------------------


def check(root: Path, today: date) -> int:
    try:
        catalogue = load_catalogue(root, today)
        load_synonyms(root, filter_option_keys(catalogue))  # data/synonyms.yml, checked as the build does
    except DataInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    stale = stale_records(catalogue, today)
    for record in stale:
        print(stale_warning(record, root, catalogue.taxonomies.stale_after_months))
    count = len(catalogue.credentials)
    print(f"The data is valid: {count} credential{'s' if count != 1 else ''}, {len(catalogue.providers)} providers.")
    if stale:
        were = "was" if len(stale) == 1 else "were"
        limit = catalogue.taxonomies.stale_after_months
        print(f"{len(stale)} of them {were} based on information more than {limit} months old: see the warnings above.")
    return 0


def stale_warning(record: StaleRecord, root: Path, limit: int) -> str:
    """One line in the form of a problem, so an editor's tools jump to the `verified` line."""
    credential = record.credential
    line = read_yaml(read_text(root / credential.source_file)).line_of((record.field,))
    where = f"{credential.source_file}:{line}: {record.field}: warning:"
    if record.field == "source_date":
        return (
            f"{where} the source's information dates from {record.date.iso()} ({record.months} months ago), "
            f"and records are checked again after {limit} months: find the provider's current page, "
            "then update source, source_date and verified from it"
        )
    return (
        f"{where} last checked {record.date.iso()} "
        f"({record.months} months ago), and records are checked again after {limit} months: "
        "check the facts at the source, then write the date of your check"
    )


# -- new -----------------------------------------------------------------------------------


def new(root: Path, today: date, credential_id: str | None) -> int:
    if credential_id is None:
        try:
            credential_id = input("Id of the new credential (such as college-program-name): ").strip()
        except (EOFError, KeyboardInterrupt):
            print("\nNo id given: nothing was written.", file=sys.stderr)
            return 1
    folder = DataFolder(root)
    refusal = id_problem(credential_id) or id_taken(credential_id, folder)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    target = folder.credentials / f"{credential_id}.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:  # "x": never overwrite what appeared meanwhile
        file.write(record_text(today))
    print(
        f"Wrote {folder.relative(target)}: fill in every empty value from the provider's page, "
        "then run `bin/catalogue check`."
    )
    return 0


def id_taken(candidate: str, folder: DataFolder) -> str | None:
    """An id is taken by a file of that name, or as an earlier id (alias) of another record.

    Aliases are read file by file, so `new` still works while some other record is invalid.
    """
    own_file = folder.credentials / f"{candidate}.yml"
    if own_file.exists() or own_file.is_symlink():
        return f"{candidate!r} is already the id of {folder.relative(own_file)}: choose another id"
    for path in sorted(folder.credentials.glob("*.yml")):
        try:
            data = read_yaml(read_text(path)).data
        except UnreadableFile:
            continue  # `check` reports it; an unreadable file holds no alias to honour
        aliases = data.get("aliases") if isinstance(data, dict) else None
        if isinstance(aliases, list) and candidate in aliases:
            return (
                f"{candidate!r} is already an alias (an earlier address) of {folder.relative(path)}: choose another id"
            )
    return None


def record_text(today: date) -> str:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE.parent), undefined=StrictUndefined, keep_trailing_newline=True
    )
    return environment.get_template(TEMPLATE.name).render(today=today.isoformat())
