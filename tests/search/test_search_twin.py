"""The browser's query rules (query.js, run by Node) and their Python twin give the same answers:
same records, same order, same notice, offers and words that found nothing, on every relevance
query and its prefixes; and the same nearest words for a word that found nothing."""

import json
import random
import shutil
import subprocess

import pytest
from microcredential_catalogue.search.query import load_index, nearest_words, search, swap_distance
from relevance.suite import cases, write_search_assets
from support import PROJECT

CASES = cases()


@pytest.mark.parametrize("corpus", ["shipped", "relevance"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_javascript_and_python_answer_alike(tmp_path, corpus, lang):
    folder = write_search_assets(corpus, tmp_path) / "assets" / "catalogue-data"
    queries = sorted({c.q[:n] for c in CASES for n in range(1, len(c.q) + 1)} | {c.q + " " for c in CASES})
    index = load_index(lambda path: (folder / path).read_text(encoding="utf-8"), f"search-{lang}.json")
    python = [search(q, index) for q in queries]
    node = shutil.which("node")
    assert node, "Node.js runs the browser code's unit tests; install it (make install)"
    request = json.dumps({"folder": str(folder), "lang": lang, "queries": queries})
    result = subprocess.run(
        [node, str(PROJECT / "tests" / "js" / "answer.mjs")], input=request, capture_output=True, text=True, check=True
    )
    javascript = json.loads(result.stdout)
    different = [
        (q, p, j)
        for q, p, j in zip(queries, python, javascript, strict=True)
        if (p.refs, p.partial, [list(o) for o in p.offers], p.unfound)
        != (j["refs"], j["partial"], j["offers"], j["unfound"])
    ]
    assert different == [], different[:5]
    assert len(queries) > 200


@pytest.mark.parametrize("corpus", ["shipped", "relevance"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_javascript_and_python_suggest_the_same_nearest_words(tmp_path, corpus, lang):
    folder = write_search_assets(corpus, tmp_path) / "assets" / "catalogue-data"
    manifest = json.loads((folder / f"search-{lang}.json").read_text(encoding="utf-8"))
    vocabulary = json.loads((folder / manifest["vocabulary"].split("?")[0]).read_text(encoding="utf-8"))
    # Each known word with a letter dropped, changed or swapped with the next: what a typo gives.
    typos = sorted({w[:i] + w[i + 1 :] for w in vocabulary["words"] for i in range(0, len(w), 3)})
    typos += sorted(
        {w[:i] + w[i + 1] + w[i] + w[i + 2 :] for w in vocabulary["words"] for i in range(1, len(w) - 1, 4)}
    )
    typos = typos[:: max(1, len(typos) // 200)]  # a sample: every word against the vocabulary is slow in Python
    python = [nearest_words(t, vocabulary) for t in typos]
    script = (
        "import { nearestWords } from " + json.dumps(str(PROJECT / "docs/assets/javascripts/search/query.js")) + ";"
        "import { readFileSync } from 'node:fs';"
        "const { vocabulary, typos } = JSON.parse(readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(typos.map((t) => nearestWords(t, vocabulary))));"
    )
    result = subprocess.run(
        [shutil.which("node"), "--input-type=module", "-e", script],
        input=json.dumps({"vocabulary": vocabulary, "typos": typos}),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == python
    assert sum(1 for found in python if found) > len(typos) / 2  # most typos get a suggestion


def test_the_python_distance_agrees_with_the_browsers_and_stops_early_only_past_its_limit():
    """Python leaves out a shared beginning and end and stops past the limit; the browser does neither."""
    rng = random.Random(7)
    pairs = [["".join(rng.choice("abcé") for _ in range(rng.randint(0, 8))) for _ in range(2)] for _ in range(3000)]
    script = (
        "import { swapDistance } from " + json.dumps(str(PROJECT / "docs/assets/javascripts/search/query.js")) + ";"
        "import { readFileSync } from 'node:fs';"
        "console.log(JSON.stringify(JSON.parse(readFileSync(0, 'utf8')).map(([a, b]) => swapDistance(a, b))));"
    )
    result = subprocess.run(
        [shutil.which("node"), "--input-type=module", "-e", script],
        input=json.dumps(pairs),
        capture_output=True,
        text=True,
        check=True,
    )
    browser = json.loads(result.stdout)
    assert [swap_distance(a, b) for a, b in pairs] == browser
    for limit in (1, 2):
        bounded = [swap_distance(a, b, limit) for a, b in pairs]
        assert all(d == s if d <= limit else s > limit for d, s in zip(browser, bounded, strict=True))
    assert len(set(browser)) > 4  # near and far pairs alike
