"""The search index the build writes: offline, accent-insensitive, sharded, and what its queries find."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.pages.render import Renderer
from microcredential_catalogue.search.index import build_search_assets, fold_accents, words
from microcredential_catalogue.search.query import load_index, search
from microcredential_catalogue.search.text import stem
from support import FIXTURES, PROJECT

FIXTURE_DATA = FIXTURES / "search-data"


@pytest.fixture(scope="module")
def fixture_project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("search-data")
    shutil.copytree(FIXTURE_DATA, root / "data")
    shutil.copytree(PROJECT / "data" / "schema", root / "data" / "schema")
    return root


@pytest.fixture(scope="module")
def catalogue(fixture_project):
    return load_catalogue(fixture_project)


@pytest.fixture(scope="module")
def assets(catalogue):
    renderer = Renderer(PROJECT / "overrides" / "catalogue", catalogue)
    return build_search_assets(catalogue, renderer.card_facts, strings=renderer.strings)


def _search(assets, lang: str, text: str) -> list[str]:
    """Search as catalogue.js does, through its Python twin."""
    records = assets.records(lang)
    outcome = search(text, load_index(assets.files.get, assets.index_file[lang]))
    return sorted(records[ref]["id"] for ref in outcome.refs or ())


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Sécurité", "securite"), ("HÔPITAL", "hopital"), ("cœur", "coeur"), ("Ça", "ca"), ("naïve", "naive")],
)
def test_accents_and_case_are_folded(written, folded):
    assert fold_accents(written) == folded


def test_words_split_on_apostrophes_hyphens_and_slashes():
    assert words("Technicien d'électricité") == ["Technicien", "d", "électricité"]
    assert words("l’hôpital pré-emploi OSAP/RAFEO") == ["l", "hôpital", "pré", "emploi", "OSAP", "RAFEO"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("securite", ["cuisine-saine", "securite-au-travail"]),
        ("hopital", ["soins-hopital"]),
        ("electricite", ["technicien-electricite"]),
        ("Sécurité au travail", ["securite-au-travail"]),
        ("cablage", ["technicien-electricite"]),  # a keyword
    ],
)
def test_french_queries_without_accents_find_accented_records(assets, typed, found):
    assert _search(assets, "fr", typed) == found


def test_english_index_stems_english(assets):
    assert _search(assets, "en", "hospitals") == ["gestion-hospitaliere", "soins-hopital"]


def test_discontinued_records_leave_search_and_paused_ones_stay_marked(assets):
    for lang in ("fr", "en"):
        records = assets.records(lang)
        by_id = {r["id"]: r for r in records}
        assert "securite-incendie-ancienne" not in by_id
        assert by_id["gestion-hospitaliere"]["status"] == "paused"
        assert "status" not in by_id["soins-hopital"]
    assert _search(assets, "fr", "incendie") == []


def test_records_carry_the_filter_keys_and_card_facts(assets):
    records = assets.records("fr")
    hospital = next(r for r in records if r["id"] == "soins-hopital")
    assert hospital["filters"] == {
        "sector": ["health"],
        "pathway": ["postsecondary"],
        "cost": ["100-499"],
        "delivery": ["in-person"],
        "campus": ["east"],  # St. Lawrence College's campus region (data/providers.yml)
        "region": ["east"],
        "hours": ["50-99"],
        "funding": ["osap"],
        "language": ["fr", "en"],
        "provider": ["st-lawrence-college"],
    }
    assert hospital["starts"] == ["2035-01-15"] and hospital["continuous"] is False
    # Known facts, the sector (no short label in this fixture: its full label), and the mark of
    # information older than the threshold (checked in 2024-05, twelve months).
    assert hospital["facts"] == [
        "450\u00a0$",
        "En personne",
        "60 heures d'apprentissage",
        "RAFEO",
        "Secteur de la santé",
        "Info de 2024\u00a0: à confirmer",
    ]
    paused = next(r for r in records if r["id"] == "gestion-hospitaliere")
    assert paused["facts"][0] == "Inscriptions suspendues"
    assert hospital["url"] == "../mc/soins-hopital/"


@pytest.mark.parametrize(("lang", "mark"), [("fr", "Inscriptions suspendues"), ("en", "Enrolment paused")])
def test_a_paused_credential_says_so_on_its_group_pages_as_in_search(catalogue, assets, lang, mark):
    paused = catalogue.credential("gestion-hospitaliere")
    renderer = Renderer(PROJECT / "overrides" / "catalogue", catalogue)
    card = str(renderer.card(paused, lang, "../mc/gestion-hospitaliere/"))
    assert f"<li>{mark}</li>" in card
    in_search = next(r for r in assets.records(lang) if r["id"] == paused.id)
    assert in_search["facts"] == renderer.card_facts(paused, lang)


def test_the_index_holds_no_display_text(assets):
    index_text = "".join(text for path, text in assets.files.items() if "/search-fr" in path)
    assert "Soins à l'hôpital" not in index_text
    assert "Aider le personnel" not in index_text


def test_building_the_index_never_touches_the_network(catalogue, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the search index build opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    renderer = Renderer(PROJECT / "overrides" / "catalogue", catalogue)
    assert build_search_assets(catalogue, renderer.card_facts).files


def test_the_french_stemmer_agrees_with_lunr_fr_js(catalogue):
    """The build stems with Python's Snowball, the browser with lunr-languages: same stems."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    texts = [c.title.fr + " " + c.summary.fr for c in catalogue.credentials]
    texts += [path.read_text(encoding="utf-8") for path in (PROJECT / "data" / "credentials").glob("*.yml")]
    vocabulary = sorted({fold_accents(w) for text in texts for w in re.findall(r"\w+", text)})
    python_stems = [stem(word, "fr") for word in vocabulary]
    script = (
        "const lunr=require('lunr');require('lunr-languages/lunr.stemmer.support.js')(lunr);"
        "require('lunr-languages/lunr.fr.js')(lunr);"
        "const words=JSON.parse(require('fs').readFileSync(0,'utf8'));"
        "console.log(JSON.stringify(words.map(w=>lunr.fr.stemmer(new lunr.Token(w)).toString())));"
    )
    result = subprocess.run(
        [node, "-e", script], input=json.dumps(vocabulary), capture_output=True, text=True, cwd=PROJECT, check=True
    )
    js_stems = json.loads(result.stdout)
    differences = {w: (p, j) for w, p, j in zip(vocabulary, python_stems, js_stems, strict=True) if p != j}
    # Known: Snowball 3 (Python) strips « -aise » further than the 2010 port in lunr-languages.
    assert set(differences) <= {"francaise", "francaises"}, differences
    assert len(vocabulary) > 200


def test_a_large_index_is_split_by_first_letter_and_a_query_needs_only_its_shards(catalogue):
    renderer = Renderer(PROJECT / "overrides" / "catalogue", catalogue)
    split = build_search_assets(catalogue, renderer.card_facts, strings=renderer.strings, single_shard_below=0)
    manifest = json.loads(split.files[split.index_file["fr"]])
    assert "*" not in manifest["shards"] and {"h", "s", "e"} <= set(manifest["shards"])
    shard_h = json.loads(split.files["assets/catalogue-data/" + manifest["shards"]["h"].split("?")[0]])
    assert all(term.lstrip("~").startswith("h") for term in shard_h["terms"])
    only_h = {}
    for name in (manifest["shards"]["h"],):
        only_h.update(json.loads(split.files["assets/catalogue-data/" + name.split("?")[0]])["terms"])
    full = load_index(split.files.get, split.index_file["fr"])
    assert search("hopital", full).refs == search("hopital", type(full)(manifest, only_h)).refs
    assert _search(split, "fr", "securite") == ["cuisine-saine", "securite-au-travail"]


_ASSET_DIGEST = """
import hashlib, sys
from pathlib import Path
from microcredential_catalogue.pages.render import Renderer
from microcredential_catalogue.search.index import build_search_assets
from microcredential_catalogue.checks.validate import load_catalogue
catalogue = load_catalogue(Path(sys.argv[1]))
renderer = Renderer(Path(sys.argv[2]), catalogue)
files = build_search_assets(catalogue, renderer.card_facts, strings=renderer.strings).files
print(hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest())
"""


def test_the_same_data_gives_the_same_search_files_in_any_process(fixture_project):
    """Python orders the words of a set differently in each process (hash seeds): the files must not
    change with it, or every rebuild gives the browser new ?v= versions to fetch."""
    digests = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-c", _ASSET_DIGEST, str(fixture_project), str(PROJECT / "overrides" / "catalogue")],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(PROJECT / "hooks")},
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1
