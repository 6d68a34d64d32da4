"""Adding a facet is one registry entry (facets.py) plus its words: group pages, a catalogue
filter and the search records' filter keys all follow from it."""

from pathlib import Path

import pytest
import yaml
from markupsafe import escape
from microcredential_catalogue import addresses
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.model.facets import FACETS, REGISTRY, Facet, Facets
from microcredential_catalogue.pages.plan import SitePlan
from microcredential_catalogue.pages.render import Renderer
from microcredential_catalogue.pages.scripts import page_scripts
from microcredential_catalogue.search.index import build_search_assets, filters
from support import copy_project, shipped_example

# "Who it is for" as a way in: the vocabulary and its labels are in data/taxonomies.yml already.
AUDIENCES = Facet(
    "audiences",
    "audiences",
    "audience",
    unknown=("strings", "audiences_not_specified"),
    noun="an audience",
    filter_rank=9,
)
WITH_AUDIENCES = Facets(tuple(f for f in REGISTRY if f.name != "audiences") + (AUDIENCES,))
# A record for people already working, and for them only.
FOR_WORKERS = shipped_example(
    "is for employed people only (audiences: [employed-upskilling])",
    lambda c: c.audiences == ("employed-upskilling",),
).split("/")[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The shipped project, with the facet's titles added to the site's words."""
    root = copy_project(tmp_path_factory.mktemp("facet") / "project")
    words = root / "overrides" / "locales" / "catalogue.yml"
    strings = yaml.safe_load(words.read_text(encoding="utf-8"))
    strings["facet_audiences"] = {"fr": "Pour qui", "en": "Who it is for"}
    strings["facet_lead_audiences"] = {"fr": "Selon votre situation.", "en": "By your situation."}
    strings["audiences_not_specified"] = {"fr": "Public non précisé", "en": "Audience not specified"}
    words.write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")
    return root


def _site(project: Path, facets: Facets):
    catalogue = load_catalogue(project, facets=facets)
    renderer = Renderer(project / "overrides" / "catalogue", catalogue)
    search = build_search_assets(catalogue, renderer.card_facts, strings=renderer.strings)
    scripts = page_scripts(project / "docs" / addresses.SCRIPTS)
    pages = {(p.page, p.lang): p for p in SitePlan(catalogue, renderer, search, scripts=scripts).pages()}
    return catalogue, renderer, search, pages


@pytest.fixture(scope="module")
def site(project):
    return _site(project, WITH_AUDIENCES)


def test_a_new_facet_gets_group_pages_in_both_languages(site):
    catalogue, _, _, pages = site
    worker = catalogue.credential(FOR_WORKERS)
    for lang, heading in (("fr", "Pour qui"), ("en", "Who it is for")):
        assert ("browse/audiences", lang) in pages
        group = pages[("browse/audiences/employed-upskilling", lang)]
        assert heading in group.front_matter["title"]
        title = str(escape(worker.title[lang]))  # as the templates write it
        assert title in group.body
        unknown = pages[("browse/audiences/not-specified", lang)]
        assert title not in unknown.body
        assert 'href="audiences/unemployed/"' in pages[("browse", lang)].body


def test_a_new_facet_is_a_filter_of_the_catalogue_page(site):
    catalogue, renderer, _, _ = site
    audience = next(f for f in filters(catalogue, renderer.strings) if f.param == "audience")
    assert [o.key for o in audience.options][-1] == "not-specified"
    assert {o.key for o in audience.options} == set(catalogue.taxonomies.terms("audiences")) | {"not-specified"}
    assert audience.options[0].label.en == "Unemployed or laid-off people"


def test_a_new_facet_is_in_the_search_records(site):
    _, _, search, _ = site
    for lang in ("fr", "en"):
        records = {r["id"]: r for r in search.records(lang)}
        assert records[FOR_WORKERS]["filters"]["audience"] == ["employed-upskilling"]
        assert all("audience" in r["filters"] for r in records.values())


def test_without_the_entry_there_is_no_such_facet(project):
    catalogue, renderer, search, pages = _site(project, FACETS)
    assert not any(page.startswith("browse/audiences") for page, _ in pages)
    assert "audience" not in {f.param for f in filters(catalogue, renderer.strings)}
    assert "audience" not in search.records("en")[0]["filters"]
