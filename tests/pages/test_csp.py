"""The Content-Security-Policy written into each finished page (hooks/microcredential_catalogue/pages/csp.py)."""

from __future__ import annotations

import base64
import hashlib

import pytest
from microcredential_catalogue.pages.csp import MissingHead, UntrustedScript, inline_scripts, policy, with_policy

PAGE = """<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <script>var a = "é";</script>
    <script src="assets/app.js"></script>
    <script type="application/json">{"b": "</"}</script>
    <script type="application/ld+json">{"@type": "Course"}</script>
    <title>T</title>
  </head>
  <body><script type="module">import "./m.js";</script><script>var a = "é";</script></body>
</html>
"""


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def test_only_the_inline_scripts_that_run_are_allowed_each_once_by_hash():
    script_src = dict(d.strip().split(" ", 1) for d in policy(PAGE).split(";"))["script-src"]
    classic, module = sha256('var a = "é";'), sha256('import "./m.js";')
    assert script_src == f"'self' '{classic}' '{module}'"


def test_the_policy_allows_nothing_from_another_host_and_no_inline_style_or_plugin():
    assert policy("<html><head></head></html>") == (
        "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def test_only_the_build_s_own_style_element_is_allowed_by_hash():
    page = "<html><head><style>a{color:red}</style></head><body><style>b{color:blue}</style></body></html>"
    style_src = dict(
        d.strip().split(" ", 1)
        for d in with_policy(page, [], ["a{color:red}"]).split('content="')[1].split('"')[0].split(";")
    )["style-src"]
    assert style_src == f"'self' '{sha256('a{color:red}')}'"
    # Without it, as for a fragment nobody vouched for, no inline style applies.
    assert "style-src 'self';" in with_policy(page, [])


def test_the_policy_is_the_first_element_of_the_head():
    page = with_policy(PAGE)
    assert page.startswith(
        '<!doctype html>\n<html lang="fr">\n  <head><meta http-equiv="Content-Security-Policy" content="'
    )
    assert page.replace(f'<meta http-equiv="Content-Security-Policy" content="{policy(PAGE)}">', "", 1) == PAGE


def test_a_head_with_attributes_and_capitals_is_found():
    assert with_policy("<HTML><HEAD data-x='>'><TITLE>t</TITLE>").startswith(
        "<HTML><HEAD data-x='>'><meta http-equiv=\"Content-Security-Policy\""
    )


def test_a_page_without_a_head_is_an_error_not_a_page_without_policy():
    with pytest.raises(MissingHead):
        with_policy("<p>no head</p>")


def test_only_the_theme_s_scripts_are_trusted_any_other_inline_script_is_an_error():
    theme_scripts = inline_scripts('<script>var a = "é";</script><script type="module">import "./m.js";</script>')
    assert theme_scripts == ['var a = "é";', 'import "./m.js";']
    assert "Content-Security-Policy" in with_policy(PAGE, theme_scripts)
    injected = PAGE.replace("<title>", "<script>alert( 'x' )\n</script><title>")
    with pytest.raises(UntrustedScript, match=r"did not write: <script>alert\( 'x' \)</script>$"):
        with_policy(injected, theme_scripts)


def test_every_way_a_browser_starts_a_script_is_found_and_comments_and_data_are_not():
    page = (
        "<html><head><!-- <script>in a comment</script> -->"
        "<SCRIPT\n>capitals and a newline</SCRIPT >"
        "<script/x>a slash</script/>"
        '<script type="application/json" type="text/javascript">{"first type": "wins"}</script>'
        "<style>p::before { content: '<script>in a style</script>' }</style>"
        "<script>one with </scripts> inside</script>"
        "</head></html>"
    )
    assert inline_scripts(page) == ["capitals and a newline", "a slash", "one with </scripts> inside"]


def test_an_unclosed_script_runs_to_the_end_of_the_page_and_is_still_caught():
    page = "<html><head><title>t</title></head><body><script>alert(1)"
    with pytest.raises(UntrustedScript, match=r"<script>alert\(1\)</script>$"):
        with_policy(page, [])
