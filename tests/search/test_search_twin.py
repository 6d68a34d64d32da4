"""The browser's query rules (query.js, run by Node) and their Python twin give the same answers:
same records, same order, same notice and offers, on every relevance query and its prefixes."""

import json
import shutil
import subprocess

import pytest
from microcredential_catalogue.search.query import load_index, search
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
        if (p.refs, p.partial, [list(o) for o in p.offers]) != (j["refs"], j["partial"], j["offers"])
    ]
    assert different == [], different[:5]
    assert len(queries) > 200
