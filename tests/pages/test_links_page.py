"""The page for newsletter writers documents the filter parameters the catalogue page really reads."""

import re
from html.parser import HTMLParser

import pytest
import yaml
from microcredential_catalogue.model.facets import FACETS
from microcredential_catalogue.search.index import INTAKE_OPTIONS
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
        elif facet == "providers":
            keys = list(yaml.safe_load((PROJECT / "data" / "providers.yml").read_text(encoding="utf-8")))
        elif facet == "campus":  # the provider's region: a region key
            keys = list(TAXONOMIES["regions"])
        else:
            keys = list(TAXONOMIES[facet])
        keys += ["not-specified"] if with_unknown else []
        values = documented[param]
        assert set(values) <= set(keys), f"{param}: {set(values) - set(keys)} are not values"
        if facet not in ("sectors", "providers"):  # long lists: the page gives one as an example
            assert values == keys, param


class _Boxes(HTMLParser):
    """The filter boxes of a page (inputs inside a fieldset.mc-filter), and its ids and labels."""

    def __init__(self, text: str):
        super().__init__()
        self.boxes: list[dict] = []  # name, value, id
        self.ids: list[str] = []
        self.label_for: dict[str, str] = {}  # id -> the label's words
        self.counted: set[str] = set()  # ids whose label has a slot for its number of results
        self._in_filter = False
        self._label: str | None = None
        self._words: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if tag == "fieldset":
            self._in_filter = "mc-filter" in (attributes.get("class") or "").split()
        elif tag == "input" and self._in_filter and attributes.get("type") == "checkbox":  # not a list's find box
            self.boxes.append({key: attributes.get(key) for key in ("name", "value", "id")})
        elif tag == "label" and self._in_filter:
            self._label, self._words = attributes.get("for"), []
        elif "data-count" in attributes and self._label:
            self.counted.add(self._label)

    def handle_data(self, data):
        if self._label:
            self._words.append(data)

    def handle_endtag(self, tag):
        if tag == "fieldset":
            self._in_filter = False
        elif tag == "label" and self._label:
            self.label_for[self._label] = " ".join("".join(self._words).split())
            self._label = None


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_link_builder_offers_the_catalogues_filters_each_box_labelled_in_its_page(shipped_site, prefix):
    catalogue = _Boxes((shipped_site / prefix / "catalogue" / "index.html").read_text(encoding="utf-8"))
    builder = _Boxes((shipped_site / prefix / "links" / "index.html").read_text(encoding="utf-8"))
    choices = [(box["name"], box["value"]) for box in catalogue.boxes]
    assert len(choices) > 40 and [(box["name"], box["value"]) for box in builder.boxes] == choices
    for page, id_prefix in ((catalogue, "mc-"), (builder, "mc-b-")):
        assert len(page.ids) == len(set(page.ids))  # a label's for= finds one box
        for box in page.boxes:
            assert box["id"] == f"{id_prefix}{box['name']}-{box['value']}"
            assert page.label_for[box["id"]]  # every box has words a screen reader says
    # The same words; only the catalogue has a slot for each option's number of results.
    assert [builder.label_for[box["id"]] for box in builder.boxes] == [
        catalogue.label_for[box["id"]] for box in catalogue.boxes
    ]
    assert catalogue.counted == {box["id"] for box in catalogue.boxes} and builder.counted == set()
