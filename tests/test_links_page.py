"""The page for newsletter writers documents the filter parameters the catalogue page really reads."""

import re

import pytest
import yaml
from microcredential_catalogue.facets import FACETS
from microcredential_catalogue.search_index import INTAKE_OPTIONS
from support import PROJECT

TAXONOMIES = yaml.safe_load((PROJECT / "data" / "taxonomies.yml").read_text(encoding="utf-8"))
BANDS = {"cost": "cost_bands", "hours": "hours_bands"}


def documented_parameters(lang: str) -> dict[str, list[str]]:
    """Rows of the page's table: `param` | … | `value`, `value` …"""
    text = (PROJECT / "docs" / f"links.{lang}.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| [^|]+ \| ([^|]+) \|$", text, flags=re.MULTILINE)
    return {param: re.findall(r"`([\w-]+)`", values) for param, values in rows}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_documented_parameter_is_a_real_filter(lang):
    documented = documented_parameters(lang)
    assert set(documented) == {"q", "intake"} | {facet.param for facet in FACETS.filters}
    assert documented["intake"] == list(INTAKE_OPTIONS)
    for param, facet, with_unknown in ((f.param, f.name, f.unknown is not None) for f in FACETS.filters):
        if facet in BANDS:
            keys = [band["key"] for band in TAXONOMIES[BANDS[facet]]]
        elif facet == "languages":
            keys = ["fr", "en"]
        else:
            keys = list(TAXONOMIES[facet])
        keys += ["not-specified"] if with_unknown else []
        values = documented[param]
        assert set(values) <= set(keys), f"{param}: {set(values) - set(keys)} are not values"
        if facet != "sectors":  # ten sectors: the page gives one as an example
            assert values == keys, param
