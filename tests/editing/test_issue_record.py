"""The issue form and its converter: the committed form is the one the field documentation
makes, valid for GitHub; an issue's body becomes the record it proposes, or each mistake is
named by the form's label in both languages, and nothing is written."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.editing.issue_form import FORM_PATH, form_fields, issue_form
from microcredential_catalogue.model.sheet_columns import FIELDS, SheetWords
from microcredential_catalogue.reading.yaml_file import read_yaml
from sheets import project, run, snapshot
from support import PROJECT


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return project(tmp_path_factory.mktemp("issue"))


@pytest.fixture(scope="module")
def fields(root):
    return {f.id: f for f in form_fields(load_catalogue(root), SheetWords.read(root))}


def body(fields, answers: dict[str, str]) -> str:
    """The body GitHub writes for a submitted form: every field, `_No response_` when empty."""
    return "\n\n".join(f"### {f.label}\n\n{answers.get(i) or '_No response_'}" for i, f in fields.items()) + "\n"


def option(fields, field_id: str, n: int = 0) -> str:
    return fields[field_id].options[n]


def valid(fields) -> dict[str, str]:
    return {
        "id": "proposed-welding-basics",
        "title-fr": "Soudage : les bases",
        "title-en": "Welding basics",
        "provider": option(fields, "provider"),
        "summary-fr": "Les gestes sûrs du soudage.",
        "summary-en": "Safe welding, step by step.",
        "sectors": option(fields, "sectors"),
        "pathways": ", ".join(fields["pathways"].options[:2]),
        "source-fr": "https://example.org/welding",
        "verified": "2026-11-20",
    }


def convert(root, text: str, tmp_path, *extra: str) -> int:
    (tmp_path / "body.md").write_text(text, encoding="utf-8")
    return run(root, "from-issue", str(tmp_path / "body.md"), *extra)


def _without_lists(form_text: str) -> list:
    """The form's fields, each dropdown without its options: what only code changes."""
    form = yaml.safe_load(form_text)
    for element in form["body"]:
        element.get("attributes", {}).pop("options", None)
    return form["body"]


def test_the_committed_form_has_the_generated_fields_and_both_are_valid_for_github(tmp_path):
    """The options (providers, vocabularies) come from data/ and a workflow on main writes them
    again (.github/workflows/issue-form.yml): a pull request that adds a provider stays green.
    The fields themselves are the generated ones, and both forms are valid issue forms."""
    generated = issue_form(load_catalogue(PROJECT), PROJECT)
    committed = (PROJECT / FORM_PATH).read_text(encoding="utf-8")
    assert _without_lists(committed) == _without_lists(generated)
    (tmp_path / "generated.yml").write_text(generated, encoding="utf-8")
    for form in (PROJECT / FORM_PATH, tmp_path / "generated.yml"):
        _assert_valid_for_github(form)


def test_a_new_provider_reaches_the_form_through_the_workflow_command(tmp_path):
    """What the workflow runs: `catalogue issue-form` writes the providers of data/ into the form."""
    root = project(tmp_path)
    providers = root / "data" / "providers.yml"
    providers.write_text(
        providers.read_text(encoding="utf-8")
        + "\nnew-learning-centre:\n  name: {fr: Centre d'apprentissage neuf, en: New Learning Centre}\n"
        + "  type: community-agency\n  url: https://example.org\n",
        encoding="utf-8",
    )
    assert run(root, "issue-form") == 0
    form = yaml.safe_load((root / FORM_PATH).read_text(encoding="utf-8"))
    (provider,) = [e for e in form["body"] if e.get("id") == "provider"]
    assert any("New Learning Centre" in option for option in provider["attributes"]["options"])


def _assert_valid_for_github(form) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-issue-forms",
            str(form),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_form_offers_the_vocabularies_in_both_languages(fields):
    form = yaml.safe_load((PROJECT / FORM_PATH).read_text(encoding="utf-8"))
    dropdowns = {element["id"]: element["attributes"] for element in form["body"] if element["type"] == "dropdown"}
    assert {"provider", "sectors", "pathways", "delivery", "regions", "funding", "audiences", "award-type"} <= set(
        dropdowns
    )
    assert dropdowns["sectors"]["multiple"] and not dropdowns["provider"]["multiple"]
    assert "Santé / Health care" in dropdowns["sectors"]["options"]
    required = {element["id"] for element in form["body"] if element.get("validations", {}).get("required")}
    assert {"id", "title-fr", "title-en", "provider", "summary-fr", "sectors", "pathways", "verified"} <= required


def test_a_valid_proposal_becomes_its_record(root, tmp_path, fields, capsys):
    assert convert(root, body(fields, valid(fields)), tmp_path) == 0, capsys.readouterr()
    assert capsys.readouterr().out.strip() == "data/credentials/proposed-welding-basics.yml"
    written = (root / "data/credentials/proposed-welding-basics.yml").read_text(encoding="utf-8")
    record = yaml.safe_load(written)
    assert record["title"] == {"fr": "Soudage : les bases", "en": "Welding basics"}
    assert record["source"] == "https://example.org/welding" and len(record["pathways"]) == 2
    assert run(root, "check") == 0
    (root / "data/credentials/proposed-welding-basics.yml").unlink()


def test_every_field_of_the_form_reaches_the_record(root, tmp_path, fields, capsys):
    answers = valid(fields) | {
        "official-title-language": option(fields, "official-title-language", 1),
        "official-title-text": "Welding basics",
        "source-en": "https://example.org/welding",  # the same address: one source
        "description-fr": "Un cours **pratique**.",
        "description-en": "A **hands-on** course.",
        "url-fr": "https://example.org/fr/welding",
        "url-en": "https://example.org/en/welding",
        "delivery": option(fields, "delivery"),
        "languages": ", ".join(fields["languages"].options),
        "source-date": "2026-09",
        "checked-against": option(fields, "checked-against"),  # issue 21: « la source / the source »
        "added": "2026-11-20",
        "status": option(fields, "status"),
        "cost-amount": "250",
        "cost-note-fr": "Matériel compris",
        "cost-note-en": "Materials included",
        "funding": option(fields, "funding"),
        "hours": "40",
        "regions": option(fields, "regions"),
        "intake": "2027-01-11; 2027-05-03",
        "prerequisites-fr": "Aucun",
        "prerequisites-en": "None",
        "assessment-fr": "Un essai pratique",
        "assessment-en": "A practical test",
        "outcomes-fr": "Souder à plat\nLire un plan",
        "outcomes-en": "Weld flat\nRead a plan",
        "award-type": option(fields, "award-type"),
        "award-expires-after-months": "24",
        "award-standard-fr": "Norme CSA W47.1",
        "award-standard-en": "CSA W47.1 standard",
        "stacks-into": "https://example.org/diploma | Diplôme de soudage | Welding diploma",
        "audiences": option(fields, "audiences"),
        "keywords-fr": "soudure",
        "keywords-en": "welding",
    }
    assert set(answers) == set(fields)  # the test fills in every field the form has
    assert convert(root, body(fields, answers), tmp_path, "--dry-run") == 0, capsys.readouterr().out
    assert convert(root, body(fields, answers), tmp_path) == 0
    record = read_yaml((root / "data/credentials/proposed-welding-basics.yml").read_text(encoding="utf-8")).data
    expected = {name.split(".")[0] for name, kind, _ in FIELDS if kind not in ("id", "export", "ids")}
    assert set(record) == expected
    assert record["intake"] == ["2027-01-11", "2027-05-03"] and record["cost"] == {
        "amount": 250,
        "note": {"fr": "Matériel compris", "en": "Materials included"},
    }
    assert record["checked_against"] == "source"
    assert record["stacks_into"] == [
        {"title": {"fr": "Diplôme de soudage", "en": "Welding diploma"}, "url": "https://example.org/diploma"}
    ]
    assert run(root, "check") == 0
    (root / "data/credentials/proposed-welding-basics.yml").unlink()


MISTAKES = [
    ({"title-en": ""}, "Titre (anglais) / Title (English)", "empty, while the French column is filled in"),
    ({"hours": "forty"}, "Heures / Hours", "'forty' is not a whole number"),
    ({"verified": "hier"}, "Date de vérification / Date checked", "'hier' is not a date"),
    ({"sectors": "Basket weaving"}, "Secteur / Sector", "'Basket weaving' is not one of the form's choices"),
    ({"id": "Bad Id"}, "Identifiant / Id", "'Bad Id' is not a valid id"),
    ({"cost-amount": "-5"}, "Coût total ($ CA) / Total cost (CAD)", "must be a number of dollars from 0 to 100000"),
    ({"summary-fr": "x" * 401}, "Résumé (français) / Summary (French)", "at most 400 characters"),
    ({"summary-en": "<script>alert(1)</script>"}, "Résumé (anglais) / Summary (English)", ""),
    ({"description-fr": "ok\n\n### Identifiant / Id\n\nother-id"}, "Identifiant / Id", "this field is there twice"),
]


@pytest.mark.parametrize(("change", "label", "said"), MISTAKES)
def test_each_kind_of_mistake_is_named_by_its_label_and_nothing_is_written(
    root, tmp_path, fields, capsys, change, label, said
):
    before = snapshot(root)
    assert convert(root, body(fields, valid(fields) | change), tmp_path) == 1
    out = capsys.readouterr().out
    assert f"- **{label}**\u00a0: " in out and said in out, out
    assert snapshot(root) == before


def test_a_body_longer_than_github_allows_is_refused(root, tmp_path, fields, capsys):
    before = snapshot(root)
    assert convert(root, body(fields, valid(fields) | {"description-fr": "x" * 70_000}), tmp_path) == 1
    assert "longer than an issue can be" in capsys.readouterr().err and snapshot(root) == before
