"""Work shared with a copy of the build (building/workers.py): `side_by_side` gives both results and
both errors as if run here; a big build checks its records' files in two processes
(`halves_shared`): the same records and the same problems, in the same order, as one process
checking them all."""

from __future__ import annotations

import os
import time
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


def test_side_by_side_runs_there_in_a_copy_while_here_runs_here(copies_allowed):
    here, there = workers.side_by_side(os.getpid, os.getpid)
    assert here == os.getpid() and there != here


def test_side_by_side_without_a_copy_runs_both_here_in_turn(monkeypatch):
    monkeypatch.setattr(workers, "can_copy", lambda: False)
    order = []
    results = workers.side_by_side(
        lambda: order.append("here") or os.getpid(), lambda: order.append("there") or os.getpid()
    )
    assert results == (os.getpid(), os.getpid()) and order == ["here", "there"]


def test_what_fails_here_is_raised_once_the_copy_has_done_its_part(copies_allowed, tmp_path):
    done = tmp_path / "done"

    def slow_write():
        time.sleep(0.3)
        done.write_text("written")

    with pytest.raises(ValueError, match="here failed"):
        workers.side_by_side(lambda: _fail("here failed"), slow_write)
    assert done.read_text() == "written"  # the copy was waited for, not left running


def test_what_fails_in_the_copy_is_raised_here(copies_allowed):
    with pytest.raises(ValueError, match="seven cannot be made"):
        workers.side_by_side(lambda: 1, lambda: refuse_seven(7))


def _fail(message: str):
    raise ValueError(message)


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
