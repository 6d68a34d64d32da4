"""The search pages' one script (script_bundle.py): it runs as the modules it joins would, and a
module it cannot join faithfully stops the build with the file, the line and what to write."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from microcredential_catalogue import addresses
from microcredential_catalogue.pages import minify
from microcredential_catalogue.pages.script_bundle import BundleError, bundle
from microcredential_catalogue.pages.scripts import ENTRIES, STEMMERS, page_scripts

from tests.support import PROJECT, build_with_a_line_added, copy_project

SCRIPTS = PROJECT / "docs" / addresses.SCRIPTS
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node runs the tests in tests/js/ too: `make test` installs it")


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def node(*arguments: str, cwd: Path) -> str:
    return subprocess.run([NODE, *arguments], cwd=cwd, capture_output=True, text=True, check=True).stdout


# Modules that log when they run: the bundle must run them in the order a browser would (imports
# first, depth first, each once), with renamed imports and exported constants, classes and
# async functions.
GRAPH = {
    "main.js": 'import { total as sum, Counter } from "./lib/b.js";\n'
    'import { A } from "./a.js";\n'
    'globalThis.seen.push("main");\n'
    "const counter = new Counter();\n"
    "counter.add(sum);\n"
    "globalThis.seen.push(`${A}:${counter.value}`);\n",
    "a.js": 'import { total } from "./lib/b.js";\nglobalThis.seen.push("a");\nexport const A = "a" + total, UNUSED = 0;\n',
    "lib/b.js": 'import { ONE } from "../lib/c.js";\n'
    'globalThis.seen.push("b");\n'
    "export const total = ONE + 1;\n"
    "export class Counter {\n  constructor() { this.value = 0; }\n  add(n) { this.value += n; }\n}\n"
    "export async function later() { return total; }\n",
    "lib/c.js": 'globalThis.seen.push("c");\nexport const ONE = 1;\n',
}


@needs_node
@pytest.mark.parametrize("minified", [False, True], ids=["readable", "minified"])
def test_a_bundle_runs_its_modules_as_the_browser_would(tmp_path, minified):
    folder = write(tmp_path / "scripts", GRAPH)
    joined = bundle(folder, "main.js", minify=minify.script if minified else None)
    assert ("globalThis.seen.push(`${A}:${counter.value}`)" in joined) and ("\n  " not in joined) == minified
    (folder / "bundle.js").write_text(joined, encoding="utf-8")
    run_as_modules = f"globalThis.seen = []; await import({json.dumps((folder / 'main.js').as_uri())}); "
    run_as_modules += "console.log(JSON.stringify(globalThis.seen));"
    as_modules = node("--input-type=module", "-e", run_as_modules, cwd=folder)
    as_bundle = node(
        "-e", "globalThis.seen = []; require('./bundle.js'); console.log(JSON.stringify(globalThis.seen));", cwd=folder
    )
    assert json.loads(as_bundle) == json.loads(as_modules) == ["c", "b", "a", "main", "a2:2"]


def test_each_search_page_gets_one_script_per_language_with_its_stemmers():
    scripts = page_scripts(SCRIPTS)
    assert sorted(scripts.files) == sorted(addresses.page_script(e, lang) for e in ENTRIES for lang in ("fr", "en"))
    french = scripts.files[addresses.page_script("catalogue.js", "fr")]
    english = scripts.files[addresses.page_script("catalogue.js", "en")]
    assert "`French` language" in french and "`French` language" not in english
    # The order, on the readable bundle the served (minified) one is made from.
    readable = bundle(SCRIPTS, "catalogue.js", STEMMERS["fr"])
    for name in ("search/query.js", "search/view.js", "catalogue.js"):
        assert readable.count(f"// {name}\n") == 1
    assert (
        readable.index("// search/text.js") < readable.index("// search/query.js") < readable.index("// catalogue.js")
    )
    for text in scripts.files.values():
        assert "\nimport " not in text and "\nexport " not in text


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"main.js": 'import { x } from "./a.js";\n', "a.js": "const y = 1;\nexport default y;\n"},
            "a.js (line 2): 'export default y;' cannot be joined into one script; "
            'write `import { name } from "./file.js";` and `export` before a function, class or const',
        ),
        (
            {"main.js": '// the page\nimport * as everything from "./a.js";\n', "a.js": "export const x = 1;\n"},
            "main.js (line 2): 'import * as everything from \"./a.js\";' cannot be joined into one script; "
            'write `import { name } from "./file.js";` and `export` before a function, class or const',
        ),
        (
            {"main.js": 'const later = import("./a.js");\n', "a.js": "export const x = 1;\n"},
            "main.js (line 1): 'const later = import(\"./a.js\");' cannot be joined into one script; "
            'write `import { name } from "./file.js";` and `export` before a function, class or const',
        ),
        (
            {
                "main.js": 'import { n } from "./a.js";\n',
                "a.js": "export let n = 0;\nexport function bump() { n++; }\n",
            },
            "a.js (line 1): 'export let n = 0;' cannot be joined into one script; "
            'write `import { name } from "./file.js";` and `export` before a function, class or const',
        ),
        (
            {"main.js": 'import { x } from "lodash";\n'},
            "main.js (line 1): imports 'lodash'; only files of ours ('./x.js') can be joined",
        ),
        (
            {
                "main.js": 'import { x } from "./a.js";\n',
                "a.js": 'import { y } from "./main.js";\nexport const x = 1;\n',
            },
            "a.js (line 1): an import cycle: main.js -> a.js -> main.js",
        ),
        (
            {"main.js": '\nimport { z } from "./a.js";\n', "a.js": "export const x = 1;\n"},
            "main.js (line 2): a.js does not export 'z'",
        ),
        (
            {"main.js": 'import { z } from "./gone.js";\n'},
            "main.js (line 1): gone.js is not a file under {folder}",
        ),
    ],
    ids=[
        "default export",
        "namespace import",
        "dynamic import",
        "exported let",
        "package",
        "cycle",
        "missing name",
        "missing file",
    ],
)
def test_what_cannot_be_joined_is_refused_with_file_line_and_remedy(tmp_path, files, message):
    folder = write(tmp_path, files)
    with pytest.raises(BundleError) as refused:
        bundle(folder, "main.js")
    assert str(refused.value) == message.replace("{folder}", str(folder))


def test_stemmers_run_before_the_modules():
    french = page_scripts(SCRIPTS).files[addresses.page_script("embed.js", "fr")]
    positions = [french.index((SCRIPTS / name).read_text(encoding="utf-8")[-200:]) for name in STEMMERS["fr"]]
    assert positions == sorted(positions) and positions[-1] < french.index('(function () {\n"use strict";')


def test_the_vendored_scripts_are_joined_as_they_came_and_ours_minified():
    """lunr and its stemmers keep their licence headers; our modules lose their comments."""
    french = page_scripts(SCRIPTS).files[addresses.page_script("catalogue.js", "fr")]
    for name in STEMMERS["fr"]:
        assert (SCRIPTS / name).read_text(encoding="utf-8").rstrip() in french
    ours = french[french.index('(function () {\n"use strict";') :]
    assert "// search/query.js" not in ours and "/*" not in ours and "\n  " not in ours


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("const a = 1;\nconst b = `x ${a ? `inner  ${a}` : ''}`;\n", 2),
        ("const a = `one\n${f({ b: `two` })}`;\n", 2),
    ],
    ids=["in a condition", "in an object"],
)
def test_a_template_literal_inside_another_stops_the_join(tmp_path, text, line):
    """rjsmin squeezes the inner one's spaces: the words a reader sees would change."""
    folder = write(tmp_path, {"main.js": 'import { a } from "./a.js";\n', "a.js": "export " + text})
    with pytest.raises(minify.NotMinifiable) as refused:
        bundle(folder, "main.js", minify=minify.script)
    assert str(refused.value).startswith(f"a.js (line {line}): a template literal inside another's ${{…}}")
    assert bundle(folder, "main.js")  # joined as it is, unminified


def test_a_script_the_build_cannot_join_stops_it_with_the_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    built, line = build_with_a_line_added(project, "search/view.js", "export default View;", tmp_path / "site")
    assert built.returncode == 1
    assert (
        f"docs/assets/javascripts/search/view.js (line {line}): 'export default View;' cannot be joined" in built.stdout
    )
    assert not (tmp_path / "site" / "catalogue" / "index.html").exists()
