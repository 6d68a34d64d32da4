"""Ways in that hold something (issue 25): the catalogue page's filters do not offer first what
leads to nothing, and an option for records that leave a fact out says which fact is unknown.

Run on the shipped catalogue; nothing here names its records or counts."""

from __future__ import annotations

import re

import pytest
from in_browser import wait_ready
from microcredential_catalogue.model.facets import FACETS

# "… unknown", or a plain sentence that names the fact ("Not known if online or in person").
UNKNOWN = {"fr": re.compile(r"\binconnue?$"), "en": re.compile(r"\bunknown$|^Not known (if|whether|when) \w")}
GENERIC = {"fr": "Inconnu", "en": "Not known"}  # the site's word for any unknown fact, alone
ORDERED = {facet.param for facet in FACETS.all if facet.ordered}  # the filters whose options have an order


@pytest.fixture(params=["fr", "en"])
def filters(request, browser, site_server):
    """Per filter: its options' (value, label, count) once the counts are in, in page order."""
    lang = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_server + ("en/" if lang == "en" else "") + "catalogue/")
    wait_ready(page)
    page.wait_for_function("() => Array.from(document.querySelectorAll('[data-count]')).every(c => c.textContent)")
    found = page.locator("fieldset[data-filter]").evaluate_all(
        """sets => sets.map(set => [set.dataset.filter, Array.from(set.querySelectorAll('input[type=checkbox]'), box => {
            const label = box.labels[0], count = label.querySelector('[data-count]').textContent;
            return [box.value, label.textContent.replace(count, '').trim(), Number(count.replace(/\\D/g, ''))];
        })])"""
    )
    yield lang, dict(found)
    context.close()


def test_an_option_that_leads_to_nothing_never_comes_before_one_that_leads_somewhere(filters):
    """ "Not specified" aside: it stays last, where a reader looks for it. Bands aside too: they
    keep their natural order, held or empty (tests/search/test_option_order.py)."""
    _, by_filter = filters
    for param, options in by_filter.items():
        if param in ORDERED:
            continue
        counts = [count for key, _, count in options if key != "not-specified"]
        first_empty = next((i for i, count in enumerate(counts) if count == 0), len(counts))
        assert all(count == 0 for count in counts[first_empty:]), (param, options)
    assert any(count for options in by_filter.values() for _, _, count in options)


def test_each_unknown_option_says_which_fact_is_unknown(filters):
    lang, by_filter = filters
    labels = [label for options in by_filter.values() for key, label, _ in options if key == "not-specified"]
    assert len(labels) >= 3
    assert all(UNKNOWN[lang].search(label) for label in labels), labels
    assert len(set(labels)) == len(labels) and GENERIC[lang] not in labels
