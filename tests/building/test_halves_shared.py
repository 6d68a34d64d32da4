"""A big build checks its records' files in two processes (building/workers.py halves_shared):
the same records and the same problems, in the same order, as one process checking them all."""

from __future__ import annotations

import os
from datetime import date

import pytest
from microcredential_catalogue.building import workers
from microcredential_catalogue.building.catalogue_build import CatalogueBuild
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.reading.problems import DataInvalid

from bench.generate import generate
from tests.support import copy_project

DAY = date(2026, 12, 4)


@pytest.fixture
def copies_allowed(monkeypatch):
    """A quick copy of this process is made only where no other thread runs: the test runner has
    its own threads, which the copy does not use."""
    monkeypatch.setattr(workers, "start_method", lambda: "fork")
    monkeypatch.setattr(workers, "spare_cores", lambda: 1)


def made_by(number: int) -> tuple[int, int]:
    return number, os.getpid()


def refuse_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven cannot be made")
    return number


def test_the_second_half_is_made_by_a_copy_of_this_process_in_order(copies_allowed):
    made = workers.halves_shared(made_by, list(range(10)), minimum=4)
    assert [number for number, _ in made] == list(range(10))
    here = {pid for _, pid in made[:5]}
    elsewhere = {pid for _, pid in made[5:]}
    assert here == {os.getpid()} and len(elsewhere) == 1 and elsewhere != here


def test_what_fails_in_the_copy_fails_here(copies_allowed):
    with pytest.raises(ValueError, match="seven cannot be made"):
        workers.halves_shared(refuse_seven, list(range(10)), minimum=4)


def test_a_few_items_are_made_here(copies_allowed):
    made = workers.halves_shared(made_by, list(range(10)), minimum=11)
    assert {pid for _, pid in made} == {os.getpid()}


@pytest.fixture(scope="module")
def big_project(tmp_path_factory):
    root = tmp_path_factory.mktemp("halves")
    data = generate(workers.MIN_SHARED + 20, root / "data")
    return copy_project(root / "project", data=data)


def test_a_big_catalogue_read_in_two_processes_is_the_one_read_in_one(big_project, copies_allowed):
    one = load_catalogue(big_project, DAY)
    two = load_catalogue(big_project, DAY, each_file=workers.halves_shared)
    assert two == one


def test_a_mistake_in_the_second_half_of_the_files_is_named_like_any_other(tmp_path, big_project, copies_allowed):
    project = copy_project(tmp_path / "project", data=big_project / "data")
    last = sorted((project / "data" / "credentials").glob("*.yml"))[-1]
    text = last.read_text(encoding="utf-8")
    last.write_text(text.replace("\nprovider: ", "\nprovider: no-such-provider-", 1), encoding="utf-8")
    line = text[: text.index("\nprovider: ")].count("\n") + 2
    with pytest.raises(DataInvalid) as one:
        load_catalogue(project, DAY)
    with pytest.raises(DataInvalid) as two:
        CatalogueBuild.load(project, project / "docs", project / "overrides" / "catalogue", DAY)
    assert two.value.report() == one.value.report()
    assert f"data/credentials/{last.name}:{line}: provider:" in two.value.report()
