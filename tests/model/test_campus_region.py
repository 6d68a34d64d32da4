"""Two ways to look for "near me": the provider's campus region, which every credential of a
provider with a region has (online ones too), and the regions of in-person parts."""

from datetime import date

from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.model.facets import FACETS, NOT_SPECIFIED
from microcredential_catalogue.model.groups import groups_of
from microcredential_catalogue.pages.home import known_facts
from support import PROJECT

CATALOGUE = load_catalogue(PROJECT, date.today())


def test_a_credential_is_in_its_providers_campus_region_whatever_its_delivery():
    campus = FACETS["campus"]
    for c in CATALOGUE.credentials:
        region = CATALOGUE.providers[c.provider].region
        assert campus.keys_of(c, CATALOGUE) == ((region,) if region else (NOT_SPECIFIED,)), c.id


def test_the_campus_groups_are_the_regions_of_the_taxonomy_and_hold_every_listed_credential():
    groups = groups_of(FACETS["campus"], CATALOGUE, {"campus_not_specified": {"fr": "x", "en": "x"}})
    assert [g.key for g in groups] == [*CATALOGUE.taxonomies.terms("regions"), NOT_SPECIFIED]
    assert sum(len(g.credentials) for g in groups) == len(CATALOGUE.listed)


def test_a_card_names_the_providers_region_when_it_is_known():
    for c in CATALOGUE.credentials:
        provider = CATALOGUE.providers[c.provider]
        line = CATALOGUE.provider_line(c, "fr")
        assert line.startswith(provider.name.fr)
        if provider.region:
            assert line.endswith(" · " + CATALOGUE.taxonomies.label("regions", provider.region, "fr"))


def test_the_home_page_counts_only_facts_the_records_give():
    known = known_facts(CATALOGUE.listed)
    assert known["cost"] == sum(1 for c in CATALOGUE.listed if c.cost_amount is not None)
    assert known["hours"] == sum(1 for c in CATALOGUE.listed if c.hours is not None)
    assert known["delivery"] == sum(1 for c in CATALOGUE.listed if c.delivery)
    assert known_facts(()) == {"cost": 0, "hours": 0, "delivery": 0}
