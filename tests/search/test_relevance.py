"""The relevance suite (tests/relevance/queries.yml) in Python, against the indexes a build writes.

The same cases run in Chromium in tests/browser/test_relevance_page.py.
"""

import re

import pytest
import yaml
from relevance.suite import TOP, cases, failures, python_answer, python_other, write_search_assets
from support import PROJECT

CASES = cases()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return {corpus: write_search_assets(corpus, tmp_path_factory.mktemp(corpus)) for corpus in ("shipped", "relevance")}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_query_finds_what_a_learner_expects(sites, case):
    site = sites[case.corpus]
    assert failures(case, python_answer(case, site), python_other(case, site)) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_search_hint_examples_are_cases_and_find_something(sites, lang):
    strings = yaml.safe_load((PROJECT / "overrides" / "locales" / "catalogue.yml").read_text(encoding="utf-8"))
    examples = re.search(r":\s*([^.]+)\.", strings["search_hint"][lang]).group(1)
    words = [w.strip() for w in examples.split(",")]
    hinted = {c.q for c in CASES if c.hint and c.lang == lang and c.corpus == "shipped"}
    assert set(words) == hinted
    for case in (c for c in CASES if c.hint and c.lang == lang):
        assert python_answer(case, sites["shipped"]).ids[:TOP], case.q


def test_the_suite_covers_both_languages_and_every_failure_of_issue_12():
    queries = {(c.lang, c.q) for c in CASES}
    for expected in [
        ("fr", "soudage"), ("en", "welding"), ("en", "safety"), ("fr", "sécurité au travail"),
        ("fr", "tronconneu"), ("fr", "tronconneus"), ("en", "safet"), ("en", "cybersecurty"),
        ("fr", "chainsaw"), ("en", "tronçonneuse"), ("fr", "IA"), ("en", "RN"), ("fr", "RCR"),
        ("en", "CPR"), ("en", "PSW"), ("en", "OSAP"), ("fr", "RAFEO"), ("fr", "gratuit"),
        ("en", "free"), ("fr", "en ligne"), ("en", "law"),
    ]:  # fmt: skip
        assert expected in queries
