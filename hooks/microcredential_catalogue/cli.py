"""The `catalogue` command: `check` validates all data without building, `new` starts a record,
`build` builds the site.

Run as `catalogue check` or `catalogue new <id>` anywhere inside the project folder. `check`
prints the very report the build prints (the same `DataInvalid.report()`), so an editor meets
one wording of every problem, wherever it is found.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .building.publish import build_into_place
from .checks.validate import load_catalogue
from .editing import commands as sheet_commands
from .model.ids import id_problem
from .model.stale import StaleRecord, stale_records
from .reading.data_folder import DataFolder
from .reading.problems import DataInvalid
from .reading.yaml_file import UnreadableFile, read_text, read_yaml
from .search.index import filter_option_keys
from .search.synonyms import load_synonyms

TEMPLATE = Path(__file__).with_name("record_template.yml")


def main(argv: list[str] | None = None, project_root: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    root = Path(project_root) if project_root else find_project(Path.cwd())
    if root is None:
        print(
            "catalogue: this folder is not inside the catalogue project (no mkdocs.yml beside a data/ folder "
            "here or above): run the command from the project folder",
            file=sys.stderr,
        )
        return 2
    today = args.today or date.today()
    if args.command == "check":
        return check(root, today)
    if args.command == "build":
        return build(root, Path(args.site_dir))
    if args.command in sheet_commands.COMMANDS:  # spreadsheets and the issue form (editing/commands.py)
        return sheet_commands.run(root, today, args)
    return new(root, today, args.id)


def find_project(start: Path) -> Path | None:
    """The nearest folder, from start upwards, that holds the project: an editor may be in data/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "data").is_dir():
            return folder
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catalogue", description="Check or start credential records.")
    parser.add_argument(
        "--today", type=date.fromisoformat, help="the date to check against (YYYY-MM-DD); default: today"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every file under data/ and list records to re-check")
    new_parser = commands.add_parser("new", help="write data/credentials/<id>.yml from the template")
    new_parser.add_argument("id", nargs="?", help="the new record's id; asked for when left out")
    build_parser = commands.add_parser("build", help="build the site strictly; replace the site folder only on success")
    build_parser.add_argument("--site-dir", default="site", help="where the site goes (default: site)")
    sheet_commands.add_commands(commands)
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
        print(stale_warning(record, catalogue.taxonomies.stale_after_months))
    count = len(catalogue.credentials)
    print(f"The data is valid: {count} credential{'s' if count != 1 else ''}, {len(catalogue.providers)} providers.")
    if stale:
        were = "was" if len(stale) == 1 else "were"
        limit = catalogue.taxonomies.stale_after_months
        print(f"{len(stale)} of them {were} based on information more than {limit} months old: see the warnings above.")
    return 0


def stale_warning(record: StaleRecord, limit: int) -> str:
    """One line in the form of a problem, so an editor's tools jump to the `verified` line."""
    credential = record.credential
    where = f"{credential.source_file}:{credential.line_of(record.field)}: {record.field}: warning:"
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


# -- build ---------------------------------------------------------------------------------


def build(root: Path, site_dir: Path) -> int:
    """A strict MkDocs build into a temporary folder that becomes site_dir only if it succeeded.

    SITE_URL, if set, is the address the site is built for.
    """

    def mkdocs_build(folder: Path) -> int:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)]
        return subprocess.run(command, cwd=root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1")).returncode

    status = build_into_place(root / site_dir, mkdocs_build)
    if status != 0:
        print(f"catalogue build: the build failed; {site_dir}/ is as it was before", file=sys.stderr)
    return status


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
        "then run `catalogue check`."
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
