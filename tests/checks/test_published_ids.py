"""A published id must keep leading somewhere: compared with a previous build's catalogue.json."""

from __future__ import annotations

import json

import pytest
from microcredential_catalogue.checks.published_ids import PreviousIdsUnreadable, previous_ids, vanished_ids
from microcredential_catalogue.checks.validate import load_catalogue
from support import PROJECT, SHIPPED_DAY

CATALOGUE = load_catalogue(PROJECT, SHIPPED_DAY)


def published(tmp_path, ids: list[str]):
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps({"version": "1.0", "credentials": [{"id": i} for i in ids]}), encoding="utf-8")
    return previous_ids(str(path), PROJECT)


def test_every_shipped_id_and_alias_counts_as_kept(tmp_path):
    ids = [c.id for c in CATALOGUE.credentials] + [a for c in CATALOGUE.credentials for a in c.aliases]
    assert vanished_ids(CATALOGUE, published(tmp_path, ids)) == []


def test_a_vanished_id_is_refused_with_what_to_do_in_both_languages(tmp_path):
    (problem,) = vanished_ids(CATALOGUE, published(tmp_path, ["a-record-that-was-renamed"]))
    assert problem.file == "data/credentials/a-record-that-was-renamed.yml" and problem.line == 1
    assert "add a-record-that-was-renamed to the aliases of the new file" in problem.in_language("en")
    assert "ajoutez a-record-that-was-renamed aux aliases du nouveau fichier" in problem.in_language("fr")


def test_an_unreadable_previous_catalogue_stops_the_check_instead_of_passing(tmp_path):
    (tmp_path / "catalogue.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PreviousIdsUnreadable):
        previous_ids(str(tmp_path / "catalogue.json"), PROJECT)
    with pytest.raises(PreviousIdsUnreadable):
        previous_ids("git:no-such-branch-anywhere", tmp_path)
