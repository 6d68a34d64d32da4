"""data/synonyms.yml: checked with one clear line per mistake, and applied to the search index."""

import shutil
from pathlib import Path

import pytest
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.pages.render import Renderer
from microcredential_catalogue.reading.problems import DataInvalid
from microcredential_catalogue.search.index import build_search_assets, filter_option_keys
from microcredential_catalogue.search.query import load_index, search
from microcredential_catalogue.search.synonyms import load_synonyms
from support import FIXTURES, PROJECT

FIXTURE_DATA = FIXTURES / "search-data"


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(PROJECT / "data" / "schema", tmp_path / "data" / "schema")
    return tmp_path


def problems_of(project: Path, text: str) -> list[str]:
    (project / "data" / "synonyms.yml").write_text(text, encoding="utf-8")
    catalogue = load_catalogue(project)
    with pytest.raises(DataInvalid) as raised:
        load_synonyms(project, filter_option_keys(catalogue))
    return [str(p) for p in raised.value.problems]


def test_the_shipped_synonyms_are_valid():
    catalogue = load_catalogue(PROJECT)
    synonyms = load_synonyms(PROJECT, filter_option_keys(catalogue))
    assert ("soudage",) in synonyms.groups["fr"][0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "fr:\n  - [soudage]\n",
            "data/synonyms.yml:2: fr[1]: must list at least two words or phrases that mean the same,"
            " such as [soudage, soudure] (got ['soudage'])",
        ),
        ("de:\n  - [a, b]\n", "data/synonyms.yml:1: de: unknown field (the fields allowed here are: en, filters, fr)"),
        (
            "fr:\n  - [soudage, soudure]\n  - [Soudure, brasage]\n",
            "data/synonyms.yml:3: fr[2][1]: is already in group 1 of fr: merge the two groups (got 'Soudure')",
        ),
        (
            "filters:\n  price:\n    free: {fr: [gratuit]}\n",
            "data/synonyms.yml:2: filters.price: must be a filter: campus, cost, delivery, funding, hours, intake, language,"
            " pathway, provider, region, sector (got 'price')",
        ),
        (
            "filters:\n  cost:\n    gratis: {fr: [gratuit]}\n",
            "data/synonyms.yml:3: filters.cost.gratis: must be an option of cost: 100-499, 1000-plus, 500-999,"
            " free, not-specified, under-100 (got 'gratis')",
        ),
        ("fr: [\n", None),
    ],
)
def test_each_mistake_is_one_line_naming_the_file_line_and_rule(project, text, message):
    found = problems_of(project, text)
    assert len(found) == 1, found
    if message:
        assert found == [message]
    else:
        assert found[0].startswith("data/synonyms.yml:") and "is not valid YAML" in found[0]


def test_synonyms_are_applied_when_the_index_is_built(project):
    (project / "data" / "synonyms.yml").write_text("fr:\n  - [hôpital, clinique]\n", encoding="utf-8")
    catalogue = load_catalogue(project)
    synonyms = load_synonyms(project, filter_option_keys(catalogue))
    renderer = Renderer(PROJECT / "overrides" / "catalogue", catalogue)
    assets = build_search_assets(catalogue, renderer.card_facts, synonyms, renderer.strings)
    records = assets.records("fr")
    found = search("clinique ", load_index(assets.files.get, assets.index_file["fr"])).refs
    assert [records[ref]["id"] for ref in found] == ["soins-hopital"]


def test_the_editors_check_reports_a_synonyms_mistake_like_the_build(project, capsys):
    from microcredential_catalogue.cli import main

    (project / "data" / "synonyms.yml").write_text("en:\n  - [welding]\n", encoding="utf-8")
    assert main(["check"], project_root=project) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith("data/synonyms.yml:2: en[1]: must list at least two words or phrases")
