"""Bands read from the lowest to the highest wherever a page lists them as options: a reader looks
for « 50 à 99 heures » between « 20 à 49 » and « 100 et plus », held or empty (the catalogue once
showed "20 to 49, 100+, under 20, 50 to 99": its empty bands went last).

The expected order comes from the bounds of the bands in each built project's
data/taxonomies.yml, never from their keys. The search fixture leaves a cost band empty; the
shipped data, a length band."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from microcredential_catalogue.addresses import CATALOGUE, LINKS, language_prefix
from microcredential_catalogue.model.catalogue import LANGUAGES
from microcredential_catalogue.model.facets import FACETS, NOT_SPECIFIED
from support import html_document

# (fixture site, page): the search fixture blanks the hand-written pages, the link builder's too.
PAGES = [("search", CATALOGUE), ("shipped", CATALOGUE), ("shipped", LINKS)]


def ascending_bands(project: Path) -> dict[str, list[str]]:
    """Per banded filter (its URL parameter): its band keys, ordered by their lower bound."""
    taxonomies = yaml.safe_load((project / "data" / "taxonomies.yml").read_text(encoding="utf-8"))
    return {
        facet.param: [band["key"] for band in sorted(taxonomies[facet.bands], key=lambda b: Decimal(str(b["min"])))]
        for facet in FACETS.band_facets
    }


def listed_options(page: Path) -> dict[str, list[str]]:
    """Per filter of a built page: its options' values, in the page's order."""
    document = html_document(page.read_text(encoding="utf-8"))
    return {
        fieldset.get("data-filter"): [
            box.get("value") for box in fieldset.iter("input") if box.get("type") == "checkbox"
        ]
        for fieldset in document.iter("fieldset")
        if fieldset.get("data-filter")
    }


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("site", "page"), PAGES)
def test_every_banded_filter_lists_its_bands_from_lowest_to_highest(fixture_sites, site, page, lang):
    built = fixture_sites[site]
    listed = listed_options(built.site / language_prefix(lang) / page / "index.html")
    bands = ascending_bands(built.project)
    assert bands
    for param, ascending in bands.items():
        options = listed[param]
        assert [key for key in options if key != NOT_SPECIFIED] == ascending, (param, options)
        assert NOT_SPECIFIED not in options[:-1], (param, options)  # "not known" stays last
