"""An editor's description (Markdown) becomes HTML that holds only the allowed tags and links.

`catalogue check` refuses every link, image and block below (tests/checks/test_markdown_refused.py);
these tests hold the second guard, the sanitiser, should a text ever reach a page unchecked.
"""

from __future__ import annotations

import html5lib
import pytest
import yaml
from microcredential_catalogue.pages.render import _markdown as description_html
from microcredential_catalogue.reading import markdown_text
from microcredential_catalogue.reading.text_policy import text_problem
from support import PROJECT

# Every way of writing a link that runs script, or loads or shows something from elsewhere.
BAD_LINKS = {
    "inline": "[a](javascript:alert(1))",
    "mixed case": "[a](JaVaScRiPt:alert(1))",
    "leading spaces": "[a](   javascript:alert(1))",
    "angle brackets": "[a](<javascript:alert(1)>)",
    "reference-style": "[a][r]\n\n[r]: javascript:alert(1)",
    "decimal entity": "[a](&#106;avascript:alert(1))",
    "hex entity and named colon": "[a](&#x6A;avascript&colon;alert(1))",
    "tab inside the scheme": "[a](java\tscript:alert(1))",
    "encoded tab inside the scheme": "[a](java&#9;script:alert(1))",
    "newline inside the scheme": "[a](java&#10;script:alert(1))",
    "data": "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript": "[a](VBScript:msgbox(1))",
    "file": "[a](file:///etc/passwd)",
    "relative path": "[a](../../404.html)",
    "protocol-relative": "[a](//evil.example/x)",
}


def parsed(html: str):
    return html5lib.parseFragment(html, namespaceHTMLElements=False)


@pytest.mark.parametrize("markdown", BAD_LINKS.values(), ids=BAD_LINKS.keys())
def test_a_link_to_anything_but_http_https_or_mailto_loses_its_address(markdown):
    fragment = parsed(description_html(markdown))
    assert all(link.get("href") is None for link in fragment.iter("a"))
    assert "a" in "".join(fragment.itertext())  # the words stay
    assert markdown_text.refusals(markdown) or text_problem(markdown, "description"), "check refuses it too"


@pytest.mark.parametrize(
    "markdown, href",
    [
        ("[site](https://example.org/a?b=1&c=2)", "https://example.org/a?b=1&c=2"),
        ("[site](HTTP://example.org/)", "HTTP://example.org/"),
        ("[us][r]\n\n[r]: mailto:info@example.org", "mailto:info@example.org"),
    ],
)
def test_web_and_mail_links_stay_and_are_marked_external(markdown, href):
    (link,) = parsed(description_html(markdown)).iter("a")
    assert link.get("href") == href
    assert link.get("rel") == "external noopener"


@pytest.mark.parametrize(
    "markdown",
    ["![pixel](https://tracker.example/p.png)", "![x][r]\n\n[r]: https://tracker.example/p.png", "![x](javascript:1)"],
)
def test_an_image_is_dropped_so_no_request_leaves_the_site(markdown):
    html = description_html(markdown)
    assert "<img" not in html and "tracker.example" not in html


def test_raw_html_shows_as_typed_text_and_never_becomes_a_tag():
    html = description_html("Avant <img src=x onerror=alert(1)> après <script>alert(2)</script>\n\n<div>bloc</div>")
    fragment = parsed(html)
    assert [element.tag for element in fragment.iter() if element.tag not in ("DOCUMENT_FRAGMENT", "p")] == []
    assert "<img src=x onerror=alert(1)>" in "".join(fragment.itertext())


def test_attribute_lists_stay_text():
    html = description_html(
        'Un paragraphe\n{: onclick="alert(1)" }\n\n[lien](https://example.org){: onmouseover=alert(1)}'
    )
    fragment = parsed(html)
    assert all(not name.startswith("on") for element in fragment.iter() for name in element.attrib)
    assert '{: onclick="alert(1)" }' in "".join(fragment.itertext())


def test_a_link_title_cannot_open_an_attribute():
    for written in ('[a](https://example.org "t" onclick="alert(1)")', '[a](https://example.org "t\\" onclick=\\"x")'):
        fragment = parsed(description_html(written))
        assert all(set(link.attrib) <= {"href", "title", "rel"} for link in fragment.iter("a")), written


def test_the_markdown_editors_use_is_kept():
    html = description_html("Un **gras**, un *italique*, du `code`.\n\n- un\n- deux\n\n1. premier\n\n> une citation")
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html and "<code>code</code>" in html
    assert "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>" in html and "<ol>\n<li>premier</li>\n</ol>" in html
    assert "<blockquote>" in html


def test_the_shipped_descriptions_are_unchanged_by_the_sanitiser():
    for path in sorted((PROJECT / "data" / "credentials").glob("*.yml")):
        for text in (yaml.safe_load(path.read_text(encoding="utf-8")).get("description") or {}).values():
            assert description_html(text) == markdown_text.html(text), path.name


def test_a_numbered_list_keeps_its_first_number():
    assert '<ol start="3">' in description_html("3. trois\n4. quatre")


@pytest.mark.parametrize(
    "markdown",
    [
        "Voir [le collège][site] et [l'aide][aide].\n\n[site]: https://example.org/\n[aide]: mailto:aide@example.org",
        "- **Un** point\n- un *autre*\n\n1. premier\n2. second",
        "Un texte simple, sans marque.",
    ],
)
def test_a_description_shows_the_same_whether_or_not_it_was_checked_first(markdown):
    """The check keeps the HTML of what it read, for the page: reference links (defined below
    the text) and lists come out the same as from a text the page reads itself."""
    unchecked = description_html(markdown + "\n")  # a text no check has read
    assert markdown_text.refusals(markdown) == []
    checked = description_html(markdown)
    assert checked == unchecked
    if "[site]" in markdown:
        assert 'href="https://example.org/"' in checked and 'href="mailto:aide@example.org"' in checked
