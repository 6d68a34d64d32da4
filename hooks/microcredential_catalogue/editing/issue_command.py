"""`catalogue issue-form` writes the GitHub issue form; `catalogue from-issue BODY` turns an
issue's body into data/credentials/<id>.yml, checked as an import is, or names each problem by
the form's label in French and English (the workflow comments them on the issue)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from ..checks.validate import load_catalogue
from ..model.sheet_columns import SheetWords
from ..reading.problems import DataInvalid, Problem, Said
from ..reading.sheet_file import SheetRefused
from .issue_form import FORM_PATH, form_fields, issue_form
from .issue_record import issue_grid
from .sheet_import import lost_comments_report, plan_grid, write_plan

MAX_BODY_BYTES = 256 * 1024


def add_commands(commands) -> None:
    form = commands.add_parser("issue-form", help=f"write {FORM_PATH.as_posix()} from the field documentation")
    form.add_argument("--check", action="store_true", help="only say whether the committed form is up to date")
    proposal = commands.add_parser("from-issue", help="write the record an issue form proposes, checked")
    proposal.add_argument("body", help="a file holding the issue's body (GitHub's markdown)")
    proposal.add_argument("--dry-run", action="store_true", help="check only; write nothing")


def run(root: Path, today: date, args) -> int:
    try:
        catalogue = load_catalogue(root, today)
    except DataInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    if args.command == "issue-form":
        return _issue_form(root, catalogue, args.check)
    return from_issue(root, catalogue, Path(args.body), today, args.dry_run)


def _issue_form(root: Path, catalogue, check: bool) -> int:
    text, target = issue_form(catalogue, root), root / FORM_PATH
    if check:
        same = target.is_file() and target.read_text(encoding="utf-8") == text
        print(f"{FORM_PATH.as_posix()}: {'up to date' if same else 'out of date: run `catalogue issue-form`'}")
        return 0 if same else 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Wrote {FORM_PATH.as_posix()}")
    return 0


def from_issue(root: Path, catalogue, body_file: Path, today: date, dry_run: bool) -> int:
    words = SheetWords.read(root)
    labels = {column.key: f.label for f in form_fields(catalogue, words) for column in f.columns}
    try:
        body = body_file.read_bytes()[:MAX_BODY_BYTES].decode("utf-8", errors="replace")
        grid, answers = issue_grid(body, catalogue, words)
        plan = plan_grid(root, grid, today)
    except SheetRefused as refused:
        print(f"{refused.message.fr}\n{refused.message.en}", file=sys.stderr)
        return 1
    lines = [(label, message) for label, message in answers.problems]
    for problem in plan.problems:
        if isinstance(problem, Problem):
            lines.append(("", Said(en=str(problem), fr=problem.in_language("fr"))))
        else:
            lines.append((labels.get(problem.column, problem.column), problem.message))
    if lines:
        for label, message in lines:
            where = f"**{label}**\u00a0: " if label else ""
            print(f"- {where}{message.fr}\n  {message.en}")
        return 1
    for credential_id in [*plan.added, *plan.updated, *plan.unchanged]:
        print(f"data/credentials/{credential_id}.yml")
    for line in lost_comments_report(plan):
        print(line, file=sys.stderr)
    if not dry_run:
        write_plan(root, plan)
    return 0
