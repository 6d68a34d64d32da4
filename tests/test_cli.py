"""`catalogue check` and `catalogue new`, run as an editor runs them, on fixture data."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from microcredential_catalogue.model.stale import add_months, months_between
from support import (
    CATALOGUE,
    PROJECT,
    TODAY,
    cli_project,
    copy_project,
    mkdocs_build,
    run_catalogue,
    shipped_provider_ids,
    small_project,
)

SHIPPED_PROVIDERS = shipped_provider_ids()  # the messages list the shipped providers


# -- check ---------------------------------------------------------------------------------


def test_check_warns_about_records_checked_too_long_ago_and_passes(tmp_path):
    result = run_catalogue(cli_project(tmp_path, "cli-stale"), "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        # "2025" counts from 1 January 2025; oldest first
        "data/credentials/checked-in-a-year.yml:10: verified: warning: last checked 2025 (22 months ago), "
        "and records are checked again after 12 months: check the facts at the source, "
        "then write the date of your check",
        # one day past the 12 months; 2025-11-28 (twelve months to the day) is not yet due
        "data/credentials/checked-a-day-too-long-ago.yml:8: verified: warning: last checked 2025-11-27 "
        "(12 months ago), and records are checked again after 12 months: check the facts at the source, "
        "then write the date of your check",
        f"The data is valid: 4 credentials, {len(SHIPPED_PROVIDERS.split(', '))} providers.",
        "2 of them were based on information more than 12 months old: see the warnings above.",
    ]


def test_check_reports_every_problem_and_fails(tmp_path):
    result = run_catalogue(cli_project(tmp_path, "cli-invalid"), "check")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "data/credentials/checked-in-a-year.yml:3: provider: 'mohawk-colege' is not in data/providers.yml; "
        "use one of: "
        + SHIPPED_PROVIDERS
        + "; for a new provider, add it first: catalogue new-provider <its-id> (CONTRIBUTING.md, Adding a provider)",
        "data/credentials/free-written-in-words.yml:10: cost.amount: must be a number of dollars from 0 to 100000 (got 'gratuit'): "
        "write 0, which means free",
        "2 problems in the data: nothing was built. Fix the lines above and try again.",
    ]


def test_check_prints_exactly_what_the_build_prints(tmp_path):
    checked = run_catalogue(cli_project(tmp_path / "cli", "cli-invalid"), "check")
    data = cli_project(tmp_path / "data-only", "cli-invalid") / "data"
    built = mkdocs_build(copy_project(tmp_path / "project", data=data), tmp_path / "site")
    assert built.returncode == 1
    # MkDocs prints the report of its Abort on stdout, after an empty line
    report = checked.stderr.strip().splitlines()
    assert len(report) == 3
    assert built.stdout.strip().splitlines()[-len(report) :] == report


def test_check_passes_on_the_shipped_data():
    # Speed is measured by the benchmark, never asserted here; the timeout only stops a hang.
    result = subprocess.run([CATALOGUE, "check"], cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "The data is valid: " in result.stdout


def test_months_are_counted_as_an_editor_counts_them():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 28), 12) == date(2026, 11, 28)
    assert months_between(date(2025, 1, 15), date(2026, 1, 14)) == 11
    assert months_between(date(2025, 1, 15), date(2026, 1, 15)) == 12


# -- new -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "message"),
    [
        (
            "Drones Ground School",
            "'Drones Ground School' is not a valid id: use 3 to 80 lowercase letters, "
            "digits and single hyphens, such as drones-ground-school",
        ),
        (
            "ab",
            "'ab' is not a valid id: use 3 to 80 lowercase letters, digits and single hyphens, "
            "such as college-program-name",
        ),
        (
            "drones--school",
            "'drones--school' is not a valid id: use 3 to 80 lowercase letters, digits and "
            "single hyphens, such as drones-school",
        ),
        (
            "a" * 81,
            f"'{'a' * 81}' is not a valid id: use 3 to 80 lowercase letters, digits and single hyphens, "
            f"such as {'a' * 80}",
        ),
        (
            "checked-recently",
            "'checked-recently' is already the id of data/credentials/checked-recently.yml: choose another id",
        ),
        (
            "old-address",
            "'old-address' is already an alias (an earlier address) of "
            "data/credentials/checked-twelve-months-ago-today.yml: choose another id",
        ),
    ],
)
def test_new_refuses_a_malformed_or_taken_id(tmp_path, candidate, message):
    project = cli_project(tmp_path, "cli-stale")
    before = sorted(p.name for p in (project / "data" / "credentials").iterdir())
    result = run_catalogue(project, "new", candidate)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message]
    assert sorted(p.name for p in (project / "data" / "credentials").iterdir()) == before


def test_new_writes_a_record_that_fails_until_it_is_filled_in(tmp_path):
    project = cli_project(tmp_path, "cli-stale")
    result = run_catalogue(project, "new", "mohawk-drones-ground-school")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Wrote data/credentials/mohawk-drones-ground-school.yml: fill in every empty value from the "
        "provider's page, then run `catalogue check`."
    ]
    lines = (project / "data" / "credentials" / "mohawk-drones-ground-school.yml").read_text().splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/credential.schema.json"
    assert f"verified: {TODAY}  # the day you checked them / le jour de votre vérification" in lines

    checked = run_catalogue(project, "check")
    assert checked.returncode == 1
    problems = [
        re.match(r"data/credentials/mohawk-drones-ground-school\.yml:(\d+): ([\w.]+):", line)
        for line in checked.stderr.splitlines()[:-1]
    ]
    assert all(problems), checked.stderr
    # every required field left empty is named, at its own line of the template
    assert sorted({(lines[int(m[1]) - 1].split(":")[0].strip(), m[2]) for m in problems}) == [
        ("en", "summary.en"),
        ("en", "title.en"),
        ("fr", "summary.fr"),
        ("fr", "title.fr"),
        ("pathways", "pathways"),
        ("provider", "provider"),
        ("sectors", "sectors"),
        ("source", "source"),
        ("source_date", "source_date"),
    ]
    assert (
        "data/credentials/mohawk-drones-ground-school.yml:11: sectors: must be a list of 1 to 3 different sector "
        "keys from data/taxonomies.yml, such as [health] (got [])"
    ) in checked.stderr.splitlines()


def test_new_asks_for_the_id_when_none_is_given(tmp_path):
    project = cli_project(tmp_path, None)
    result = run_catalogue(project, "new", stdin="durham-welding-basics\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Id of the new credential (such as college-program-name): Wrote ")
    assert (project / "data" / "credentials" / "durham-welding-basics.yml").is_file()


# -- CONTRIBUTING, followed step by step ---------------------------------------------------


FILLED_IN = {
    'title:\n  fr: ""\n  en: ""': "title:\n  fr: Drones – formation au sol\n  en: Drones Ground School",
    'provider: ""': "provider: " + SHIPPED_PROVIDERS.split(", ")[0],  # any shipped provider
    'summary:\n  fr: ""\n  en: ""': (
        "summary:\n  fr: Se préparer à l'examen de pilote de drone.\n  en: Prepare for the drone pilot exam."
    ),
    "sectors: []": "sectors: [trades-transport-equipment]",
    "pathways: []": "pathways: [employment]",
    'source: ""': "source: https://example.org/drones",
    'source_date: ""': "source_date: undated",
    "# delivery: online": "delivery: online",
}


def test_a_record_added_as_contributing_says_builds_in_both_languages(tmp_path):
    project = small_project(tmp_path / "project")  # the new record is what this build is about
    shipped = len(list((project / "data" / "credentials").glob("*.yml")))
    assert run_catalogue(project, "new", "mohawk-drones-ground-school-two").returncode == 0
    record = project / "data" / "credentials" / "mohawk-drones-ground-school-two.yml"
    text = record.read_text(encoding="utf-8")
    for empty, filled in FILLED_IN.items():
        assert empty in text
        text = text.replace(empty, filled)
    record.write_text(text, encoding="utf-8")

    checked = run_catalogue(project, "check", today=date.today())  # shipped records may be newer than TODAY
    assert checked.returncode == 0, checked.stderr
    assert f"The data is valid: {shipped + 1} credentials" in checked.stdout

    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr[-3000:]
    for root in ("", "en/"):
        page = tmp_path / "site" / root / "mc" / "mohawk-drones-ground-school-two" / "index.html"
        assert page.is_file()
    assert "Drones Ground School" in (tmp_path / "site/en/mc/mohawk-drones-ground-school-two/index.html").read_text()


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.fr.md"])
def test_the_template_in_contributing_is_the_one_new_writes(guide):
    from microcredential_catalogue.cli import record_text

    text = (PROJECT / guide).read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.S)[1]
    written = re.search(r"^verified: (\d{4}-\d{2}-\d{2})", block, re.M)[1]
    assert block == record_text(date.fromisoformat(written))
