"""A first visit carries our scripts and catalogue.css minified (issue 24, item 6), while their
sources under docs/ stay as written; and every script the site serves still parses as the kind
of script pages load it as (the browser tests run them: tests/browser/)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from microcredential_catalogue import addresses
from microcredential_catalogue.pages.script_bundle import bundle
from microcredential_catalogue.pages.scripts import ENTRIES, STEMMERS

from tests.support import PROJECT, build_with_a_line_added, served_page_script

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node runs the tests in tests/js/ too: `make test` installs it")
VENDOR = f"{addresses.SCRIPTS}/vendor/"
# A line a minifier leaves none of: one that starts a comment (not a /*! licence) or continues
# one, or that is indented.
UNMINIFIED_LINE = re.compile(r"^[ \t]*(?://|/\*(?!!)|\*)|^[ \t]{2}", re.M)
# How much smaller than its source a served file must be: comments and indentation are a third
# or more of every one of ours.
AT_MOST = 0.8


def our_assets(docs) -> list[str]:
    """Our scripts and stylesheets, relative to docs/ and to the site alike."""
    scripts = [
        path.relative_to(docs).as_posix()
        for path in sorted((docs / addresses.SCRIPTS).rglob("*.js"))
        if not path.relative_to(docs).as_posix().startswith(VENDOR)
    ]
    return [*scripts, "assets/catalogue.css"]


def without_vendored(text: str) -> str:
    """A search page's script without lunr and its stemmers, which come minified with their headers."""
    for name in STEMMERS["fr"]:
        text = text.replace((PROJECT / "docs" / addresses.script(name)).read_text(encoding="utf-8").rstrip(), "")
    return text


def served_and_sources(built) -> list[tuple[str, str, str]]:
    """(path in the site, served text, source text) of every file of ours the site serves minified."""
    docs = built.project / "docs"
    found = [
        (path, (built.site / path).read_text(encoding="utf-8"), (docs / path).read_text(encoding="utf-8"))
        for path in our_assets(docs)
    ]
    for entry in ENTRIES:
        for lang in ("fr", "en"):
            path = addresses.page_script(entry, lang)
            readable = bundle(docs / addresses.SCRIPTS, entry, STEMMERS[lang])
            served = served_page_script(built.site, entry, lang)
            found.append((path, without_vendored(served), without_vendored(readable)))
    return found


def test_our_scripts_and_stylesheet_are_served_minified(shipped_build):
    found = served_and_sources(shipped_build)
    paths = [path for path, _, _ in found]
    assert {"assets/catalogue.css", addresses.script("credential.js"), addresses.page_script("catalogue.js", "fr")} <= {
        *paths
    }, paths
    unminified = {}
    for path, served, source in found:
        if match := UNMINIFIED_LINE.search(served):
            unminified[path] = f"a line starts {match.group(0)!r}"
        elif len(served) > AT_MOST * len(source):
            unminified[path] = f"{len(served)} bytes of its source's {len(source)}"
    assert unminified == {}
    # The sources stay readable: the build never writes minified text back into docs/.
    assert all(UNMINIFIED_LINE.search(source) for _, _, source in found)


def _kind(source: str) -> str:
    """How pages load the script: a module when it imports or exports, else a classic script."""
    return "module" if re.search(r"^(?:import|export)\b", source, re.M) else "commonjs"


@needs_node
def test_every_script_the_site_serves_parses(shipped_build):
    """Each minified script of ours, in the kind pages load it as (node --check)."""
    docs = shipped_build.project / "docs"
    served = {
        path: (path, (shipped_build.site / path).read_text(encoding="utf-8"))
        for path in our_assets(docs)
        if path.endswith(".js")
    }
    for entry in ENTRIES:  # written inside their pages: a classic script each
        for lang in ("fr", "en"):
            served[addresses.page_script(entry, lang)] = ("", served_page_script(shipped_build.site, entry, lang))
    failed = {}
    for path, (source_path, text) in served.items():
        source = (docs / source_path).read_text(encoding="utf-8") if source_path else ""
        checked = subprocess.run(
            [NODE, "--check", f"--input-type={_kind(source)}"], input=text, capture_output=True, text=True
        )
        if checked.returncode:
            failed[path] = checked.stderr[-600:]
    assert len(served) > 10 and failed == {}


def test_a_script_the_minifier_would_change_stops_the_build_with_the_file_and_line(project_copy, tmp_path):
    """A template literal inside another's ${…}: rjsmin would squeeze the inner one's spaces, so
    the build says where, and what to write instead, rather than ship other words."""
    built, line = build_with_a_line_added(
        project_copy, "share.js", "const said = `${true ? `a  b` : ''}`;", tmp_path / "site"
    )
    assert built.returncode == 1
    assert (
        f"docs/assets/javascripts/share.js (line {line}): a template literal inside another's ${{…}}"
        in built.stdout + built.stderr
    )
    assert "Traceback" not in built.stdout + built.stderr
    assert not (tmp_path / "site" / "catalogue" / "index.html").exists()


def test_a_search_script_that_would_end_its_script_element_stops_the_build_with_the_file_and_line(
    project_copy, tmp_path
):
    """The search pages carry their script inside them: a '</script' in a string would end it
    there and show the rest as text, so the build says where, and what to write instead."""
    built, line = build_with_a_line_added(
        project_copy, "search/view.js", 'export const closing = "</script>";', tmp_path / "site"
    )
    said = built.stdout + built.stderr
    assert built.returncode == 1
    assert f"docs/assets/javascripts/search/view.js (line {line}): '</script' would end the <script> element" in said
    assert "Traceback" not in said
    assert not (tmp_path / "site" / "catalogue" / "index.html").exists()
