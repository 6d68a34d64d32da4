"""A big first-letter shard is split by its words' first two letters: a query fetches only the
shards its words need (search/query.py shards_needed, the browser's loader.js) and finds there
what the whole index finds.

The catalogue is 300 generated records (bench/generate.py), with the split threshold lowered to
8,000 bytes so that some letters split and others do not, as at 10,000 records with the build's
threshold (bench/RESULTS.md): loading 2,000 records to cross it would make this test slow.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache

import pytest
from microcredential_catalogue.building.catalogue_build import CatalogueBuild
from microcredential_catalogue.pages.render import Renderer
from microcredential_catalogue.search.index import (
    DATA_FOLDER,
    SPLIT_SHARD_ABOVE,
    build_search_assets,
    split_in_shards,
)
from microcredential_catalogue.search.query import QueryIndex, load_index, search, shard_key, shards_needed
from microcredential_catalogue.search.text import folded_words, stem
from relevance.suite import cases
from support import PROJECT

from bench.generate import generate

RECORDS = 300
SPLIT_ABOVE = 8_000
NEVER = 10**12


@pytest.fixture(scope="module")
def catalogue_parts(tmp_path_factory):
    root = tmp_path_factory.mktemp("shards")
    project = root / "project"
    generate(RECORDS, project / "data")
    build = CatalogueBuild.load(project, project / "docs", PROJECT / "overrides" / "catalogue")
    return build, Renderer(PROJECT / "overrides" / "catalogue", build.catalogue)


def _assets(catalogue_parts, split_above):
    build, renderer = catalogue_parts
    return build_search_assets(
        build.catalogue, renderer.card_facts, build.synonyms, renderer.strings, split_shard_above=split_above
    )


@pytest.fixture(scope="module")
def split(catalogue_parts):
    return _assets(catalogue_parts, SPLIT_ABOVE)


@pytest.fixture(scope="module")
def unsplit(catalogue_parts):
    """The same catalogue's files before two-letter shards: one shard per first letter."""
    return _assets(catalogue_parts, NEVER)


class Shards:
    """A language's manifest and its shards' terms, each file read once."""

    def __init__(self, assets, lang: str):
        self.path = assets.index_file[lang]
        self.read = assets.files.get
        self.manifest = json.loads(self.read(self.path))
        self.terms_of = cache(self._terms_of)
        self.index_of = cache(self._index_of)
        self.full = load_index(self.read, self.path)

    def _terms_of(self, key: str) -> dict:
        return json.loads(self.read(f"{DATA_FOLDER}/{self.manifest['shards'][key].split('?')[0]}"))["terms"]

    def needed(self, text: str) -> tuple[str, ...]:
        return tuple(shards_needed(text, self.manifest, self.terms_of))

    def _index_of(self, keys: tuple[str, ...]) -> QueryIndex:
        return QueryIndex(self.manifest, {t: flat for key in keys for t, flat in self.terms_of(key).items()})

    def fetched(self, text: str) -> QueryIndex:
        """What the browser's index holds once the query's shards have arrived."""
        return self.index_of(self.needed(text))


def _size(terms: dict) -> int:
    """A shard file's length, as the build writes and weighs it (compact JSON, a final newline)."""
    return len(json.dumps({"terms": terms}, ensure_ascii=False, separators=(",", ":"))) + 1


def _answer(outcome):
    return outcome.refs, outcome.partial, outcome.offers, outcome.unfound


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_only_the_big_letters_are_split_and_into_smaller_files(split, lang):
    shards = Shards(split, lang)
    keys = set(shards.manifest["shards"])
    by_letter = split_in_shards(shards.full.terms)
    big = {letter for letter, terms in by_letter.items() if _size(terms) > SPLIT_ABOVE}
    assert big and big != set(by_letter) - {"_"}  # some letters split, others not: the test means something
    for letter, terms in by_letter.items():
        two_letters = {key for key in keys if len(key) == 2 and key[0] == letter}
        assert bool(two_letters) == (letter in big), letter
        if letter in big:
            assert all(_size(shards.terms_of(key)) < _size(terms) for key in two_letters)


def test_a_catalogue_this_small_keeps_one_shard_per_letter_with_the_build_threshold(catalogue_parts):
    manifest = json.loads(_assets(catalogue_parts, SPLIT_SHARD_ABOVE).files[f"{DATA_FOLDER}/search-fr.json"])
    assert all(len(key) == 1 for key in manifest["shards"])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_word_of_the_index_is_found_through_the_shards_a_query_fetches(split, lang):
    shards = Shards(split, lang)
    different = []
    for term in shards.full.terms:
        word = term.lstrip("~")
        fetched = shards.fetched(word)
        assert term in fetched.terms, (term, shards.needed(word))
        for query in (word, word + " "):  # being typed (a prefix too), and finished
            if _answer(search(query, fetched)) != _answer(search(query, shards.full)):
                different.append(query)
    assert different == []
    assert len(shards.full.terms) > 300


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_typed_prefix_finds_what_it_found_with_one_shard_per_letter(split, unsplit, lang):
    after, before = Shards(split, lang), Shards(unsplit, lang)
    prefixes = sorted({term[:n] for term in before.full.terms if not term.startswith("~") for n in (1, 2)})
    for prefix in prefixes:
        assert _answer(search(prefix, after.fetched(prefix))) == _answer(search(prefix, before.fetched(prefix))), prefix
    split_letters = {key[0] for key in after.manifest["shards"] if len(key) == 2}
    for letter in split_letters:  # a typed « s »: the one small shard of the letter's short words, if any
        assert set(after.needed(letter)) <= {letter}
    assert any(after.needed(letter) for letter in split_letters)
    assert any(search(letter, after.fetched(letter)).refs for letter in split_letters)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_typo_in_a_words_second_letter_still_finds_it_across_two_letter_shards(split, lang):
    shards = Shards(split, lang)
    split_letters = {key[0] for key in shards.manifest["shards"] if len(key) == 2}
    words = [t for t in shards.full.terms if len(t) >= 6 and t[0] in split_letters and t[1] in "aeiou"]
    typos = [w[0] + ("y" if w[1] != "y" else "a") + w[2:] + " " for w in words[::7]]
    found = 0
    for typo in typos:
        expected = search(typo, shards.full)
        assert _answer(search(typo, shards.fetched(typo))) == _answer(expected), typo
        found += bool(expected.refs)
    assert found > len(typos) / 2


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_browser_fetches_the_shards_python_picks_and_answers_alike(split, tmp_path, lang):
    for path, text in split.files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    shards = Shards(split, lang)
    terms = sorted(shards.full.terms)
    queries = sorted({c.q[:n] for c in cases() for n in range(1, len(c.q) + 1)} | {c.q + " " for c in cases()})
    queries += [t.lstrip("~") for t in terms[::5]] + [t[:2] for t in terms[::11]]
    queries += [t[0] + "y" + t[2:] + " " for t in terms[::13] if len(t) >= 6]  # typos: every shard of a letter
    request = json.dumps({"folder": str(tmp_path / DATA_FOLDER), "lang": lang, "queries": queries})
    node = shutil.which("node")
    assert node, "Node.js runs the browser code's unit tests; install it (make install)"
    result = subprocess.run(
        [node, str(PROJECT / "tests" / "js" / "shards.mjs")], input=request, capture_output=True, text=True, check=True
    )
    different = []
    for query, javascript in zip(queries, json.loads(result.stdout), strict=True):
        python = search(query, shards.fetched(query))
        expected = (sorted(shards.needed(query)), *_answer(python))
        got = (
            javascript["keys"],
            javascript["refs"],
            javascript["partial"],
            javascript["offers"],
            javascript["unfound"],
        )
        if got != (expected[0], expected[1], expected[2], [list(o) for o in expected[3]], expected[4]):
            different.append((query, expected, got))
    assert different == [], different[:3]
    assert any(len(key) == 2 for q in queries for key in shards.needed(q))


def test_a_word_whose_stem_is_shorter_than_two_letters_fetches_the_stems_shard_too():
    assert stem("ps", "fr") == "p"  # an acronym's stem: the index holds both (« PS » -> ps, p)
    manifest = {"lang": "fr", "stopWords": [], "filterWords": {}, "shards": {"p": "", "ps": "", "pr": ""}}
    terms = {"p": {"p": [0, 10]}, "ps": {"ps": [0, 10], "psy": [1, 10]}, "pr": {"projet": [2, 10]}}
    assert shards_needed("ps", manifest, terms.get) == ["p", "ps"]
    assert search("ps", QueryIndex(manifest, {**terms["p"], **terms["ps"]})).refs == [0, 1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_pages_head_asks_at_once_for_the_shards_of_its_words_and_no_other(split, lang):
    """The head script of a search page (?q=…) asks for each word's own shard before the page's
    script arrives: the keys of search/query.py for the words as typed, each one the page then
    fetches (no byte wasted on a slow link); a stem's other shard is left to the page's script."""
    shards = Shards(split, lang)
    terms = sorted(shards.full.terms)
    queries = sorted({c.q for c in cases()} | {c.q[:n] for c in cases() for n in (1, 2, 3)})
    queries += [t.lstrip("~") for t in terms[::3]] + [t[:2] for t in terms[::7]]
    queries += ["Électricité, SOUDAGE!", "  « santé »  ", "cœur œuvre", "RCR/PS", "x", "2025", "¿qué?", "--"]
    node = shutil.which("node")
    assert node, "Node.js runs the browser code's unit tests; install it (make install)"
    request = {
        "template": str(PROJECT / "overrides" / "partials" / "javascripts" / "early-shards.html"),
        "separator": shards.manifest["separator"],
        "shards": shards.manifest["shards"],
        "queries": queries,
    }
    script = PROJECT / "tests" / "js" / "early-shards.mjs"
    result = subprocess.run([node, str(script)], input=json.dumps(request), capture_output=True, text=True, check=True)
    keys = shards.manifest["shards"]
    wrong = []
    for query, asked in zip(queries, json.loads(result.stdout), strict=True):
        own = sorted({shard_key(word, keys) for word in folded_words(query)} & set(keys))
        if asked != own or not set(asked) <= set(shards.needed(query)):
            wrong.append((query, asked, own, shards.needed(query)))
    assert wrong == [], wrong[:3]
    assert any(len(key) == 2 for asked in json.loads(result.stdout) for key in asked)
