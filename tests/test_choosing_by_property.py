"""Tests over the shipped data choose their records and providers by what they have
(support.shipped_example, shipped_provider_with), so an editor's valid change never turns them
red: with every record and provider renamed (the old ids kept as aliases), each choice still
finds a record of that kind, the renamed one, and a choice nothing satisfies says what is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from microcredential_catalogue.checks.validate import load_catalogue
from support import PROJECT, SHIPPED_DAY, shipped_catalogue, shipped_example, shipped_provider_with

PREFIX = "renamed-"

# Some of the choices the browser tests make (test_credential_page, test_validators,
# test_french_lines, test_facet_registry, test_embed).
RECORD_CHOICES = {
    "gives its cost as a note without a total and leaves out its length": (
        lambda c: c.cost_amount is None and c.cost_note is not None and c.hours is None
    ),
    "has a funding eligibility and more than one sector": lambda c: bool(c.funding) and len(c.sectors) > 1,
    "has prerequisites and an official title in English": (
        lambda c: c.prerequisites is not None and c.official_title is not None and c.official_title.language == "en"
    ),
    "is for employed people only": lambda c: c.audiences == ("employed-upskilling",),
}


def _several(provider, credentials) -> bool:
    return 2 <= len(credentials) <= 10


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> object:
    """The shipped data with every record file and provider id renamed, as an editor renames one."""
    root = tmp_path_factory.mktemp("renamed")
    data = root / "data"
    shutil.copytree(PROJECT / "data", data)
    providers_file = data / "providers.yml"
    providers = yaml.safe_load(providers_file.read_text(encoding="utf-8"))
    providers_file.write_text(
        yaml.safe_dump({PREFIX + key: value for key, value in providers.items()}, allow_unicode=True),
        encoding="utf-8",
    )
    for path in sorted((data / "credentials").glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        record["provider"] = PREFIX + record["provider"]
        record["aliases"] = [*record.get("aliases", []), path.stem]  # the old address still leads to it
        (path.parent / f"{PREFIX}{path.name}").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
        path.unlink()
    return load_catalogue(Path(root), SHIPPED_DAY)


@pytest.mark.parametrize("description", RECORD_CHOICES)
def test_a_renamed_record_is_still_chosen_for_what_it_has(renamed, description):
    wanted = RECORD_CHOICES[description]
    before = shipped_example(description, wanted)
    assert shipped_example(description, wanted, catalogue=renamed) == before.replace("mc/", "mc/" + PREFIX)


def test_a_renamed_provider_is_still_chosen_for_what_it_has(renamed):
    before = shipped_provider_with("has two to ten listed credentials", _several)
    assert shipped_provider_with("has two to ten listed credentials", _several, catalogue=renamed) == PREFIX + before


def test_a_choice_nothing_satisfies_says_what_is_missing():
    with pytest.raises(LookupError, match="no listed credential that costs a million dollars"):
        shipped_example("costs a million dollars", lambda c: c.cost_amount == 1_000_000)
    with pytest.raises(LookupError, match="no provider that is on the moon"):
        shipped_provider_with("is on the moon", lambda provider, credentials: False)
    assert shipped_catalogue().listed  # the shipped data itself is there
