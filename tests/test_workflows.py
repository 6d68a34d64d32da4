"""The GitHub Actions workflows: valid for GitHub (offline linter), and doing what the issue asks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
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
    assert "python3 bin/catalogue check" in lines
    assert "python3 -m mkdocs build --strict" in lines
    assert "python3 -m pytest tests -q" in lines
    assert "npm ci" in lines
    assert any(line.startswith("apt-get install") and " chromium " in line for line in lines)


def test_main_is_built_for_its_pages_sub_path_and_deployed():
    pages = workflow("pages.yml")
    assert pages[True]["push"] == {"branches": ["main"]}
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    (build_step,) = [step for step in build["steps"] if "mkdocs build --strict" in step.get("run", "")]
    assert build_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_linter_is_a_declared_requirement():
    requirements = (PROJECT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("check-jsonschema") for line in requirements)
