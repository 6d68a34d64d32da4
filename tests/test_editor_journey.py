"""A new editor's way from credentials in hand to a green pull request (issue 19): in a fresh copy
of the project, add two providers with `catalogue new-provider` and three real credentials (one
free, one taught in French) with `catalogue new`, then run the data job's own commands, as
.github/workflows/data.yml writes them, and the content properties: everything is green."""

from __future__ import annotations

import os
import re
import subprocess

import yaml
from microcredential_catalogue.checks.validate import load_catalogue
from support import CATALOGUE, FIXTURES, SHIPPED_DAY, copy_project, run_catalogue
from test_workflows import base_branch, workflow

JOURNEY = FIXTURES / "editor-journey"
NEW_PROVIDERS = {
    "georgian-college": ('"Collège Georgian"', '"Georgian College"', "https://www.georgiancollege.ca"),
    "college-boreal": ('"Collège Boréal"', '"Collège Boréal"', "https://collegeboreal.ca"),
}


def fill_in_provider(text: str, provider_id: str) -> str:
    """What the editor types into the entry `new-provider` started (the last one of the file)."""
    fr, en, url = NEW_PROVIDERS[provider_id]
    head, entry = text.rsplit(f"{provider_id}:\n", 1)
    entry = entry.replace('fr: ""', f"fr: {fr}").replace('en: ""', f"en: {en}")
    entry = entry.replace('type: ""', "type: college").replace('url: ""', f"url: {url}")
    return f"{head}{provider_id}:\n{entry}"


def before_the_journey(project) -> None:
    """The project as it was before NEW_PROVIDERS and the journey's records joined it (issue 21
    ships them, and other records of these providers): they leave the copy, so the editor adds
    the providers and the records anew."""
    providers = project / "data" / "providers.yml"
    text = providers.read_text(encoding="utf-8")
    for key in NEW_PROVIDERS:  # the key's line and its indented lines
        text, found = re.subn(rf"^{key}:\n(?:  .*\n)*", "", text, flags=re.MULTILINE)
        assert found == 1, key
    providers.write_text(text, encoding="utf-8")
    for record in (project / "data" / "credentials").glob("*.yml"):
        journey = (JOURNEY / record.name).exists()
        if journey or yaml.safe_load(record.read_text(encoding="utf-8")).get("provider") in NEW_PROVIDERS:
            record.unlink()


def run_step(project, step: dict, summary) -> subprocess.CompletedProcess:
    command = step["run"].replace("catalogue ", f"{CATALOGUE} ", 1)
    environment = dict(os.environ, GITHUB_STEP_SUMMARY=str(summary), LANG="C.UTF-8", LANGUAGE="", LC_ALL="")
    environment["BASE_REF"] = "main"
    return subprocess.run(["bash", "-e", "-c", command], cwd=project, env=environment, capture_output=True, text=True)


def test_three_real_credentials_two_new_providers_and_every_data_check_is_green(tmp_path):
    project = copy_project(tmp_path / "clone")
    before_the_journey(project)
    base_branch(project)
    providers = project / "data" / "providers.yml"
    for provider_id in NEW_PROVIDERS:
        assert run_catalogue(project, "new-provider", provider_id).returncode == 0
        providers.write_text(fill_in_provider(providers.read_text(encoding="utf-8"), provider_id), encoding="utf-8")
    records = sorted(JOURNEY.glob("*.yml"))
    for record in records:
        assert run_catalogue(project, "new", record.stem).returncode == 0
        (project / "data" / "credentials" / record.name).write_text(record.read_text(encoding="utf-8"))

    steps = {step.get("name"): step for step in workflow("data.yml")["jobs"]["data"]["steps"]}
    checked = run_step(project, steps["Check the data"], tmp_path / "summary.md")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "::error" not in checked.stdout
    assert "Les données sont valides" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    built = run_step(project, steps["Build both languages strictly"], tmp_path / "summary.md")
    assert built.returncode == 0, built.stderr[-3000:]
    for record in records:
        for prefix in ("", "en/"):
            assert (project / "site" / prefix / "mc" / record.stem / "index.html").is_file()

    catalogue = load_catalogue(project, SHIPPED_DAY)
    added = [catalogue.credential(record.stem) for record in records]
    assert sum(c.is_free for c in added) == 2 and any(c.languages == ("fr",) for c in added)
    assert {c.provider for c in added} >= set(NEW_PROVIDERS)
    for c in added:
        assert c.source_date and c.source_date.iso() <= c.verified.iso()
        assert yaml.safe_load(record_text(project, c.id))["source"] == c.source_url


def record_text(project, credential_id: str) -> str:
    return (project / "data" / "credentials" / f"{credential_id}.yml").read_text(encoding="utf-8")
