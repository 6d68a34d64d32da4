"""Each page's critical styles inline, the stylesheets after its content (pages/critical_css.py):
nothing in a page's head waits for a stylesheet, and its one inline style is allowed by its hash."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from microcredential_catalogue.pages.critical_css import Stylesheets, page_tokens, selector_needs

SHEET = """
:root{--md-accent:#526cfe}
.md-header{height:3rem}
.md-header .md-logo:hover{opacity:.7}
.md-search__form,.md-dialog{position:fixed}
[data-md-color-primary=indigo]{--md-primary:#4051b5}
[data-md-color-primary=red]{--md-primary:#ff1744}
.md-tabs:not(.md-tabs--hidden) a{color:red}
@media print{.md-header{display:none}}
@media screen and (min-width:76.25em){.md-header{height:4rem}.md-sidebar{width:12rem}}
@keyframes spin{to{transform:rotate(1turn)}}
"""
PAGE = '<html><body data-md-color-primary="indigo"><header class="md-header"><a class="md-logo">'


def test_a_selector_needs_the_classes_ids_tags_and_attributes_an_element_must_have():
    assert selector_needs(".md-header .md-logo:hover") == {".md-header", ".md-logo"}
    assert selector_needs("#menu > nav.md-nav a") == {"#menu", "nav", ".md-nav", "a"}
    assert selector_needs('[data-md-color-primary="indigo"] a[href^="http:"]') == {
        "[data-md-color-primary=indigo",
        "a",
        "[href",
    }
    assert selector_needs(":root") == set() and selector_needs(".a:not(.b)") == {".a"}
    # What :not(…) names is what the element must NOT have: the theme's sidebars are laid out by
    # ".md-sidebar--secondary:not([hidden])", on pages where no element has a "hidden" attribute.
    assert selector_needs(".md-sidebar--secondary:not([hidden])~.md-content") == {
        ".md-sidebar--secondary",
        ".md-content",
    }
    assert selector_needs('a[title="(a)"]:is(.b)') == {"a", "[title=(a)"}


def test_a_page_keeps_the_rules_that_can_apply_to_its_elements_in_order_and_leaves_print_to_the_stylesheet():
    critical = Stylesheets([("a.css", SHEET)]).critical(PAGE)
    assert critical == (
        ":root{--md-accent:#526cfe}.md-header{height:3rem}.md-header .md-logo:hover{opacity:.7}"
        "[data-md-color-primary=indigo]{--md-primary:#4051b5}"
        "@media screen and (min-width:76.25em){.md-header{height:4rem}}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
    )
    assert page_tokens(PAGE) >= {"body", ".md-header", "[data-md-color-primary=indigo", "a", ".md-logo"}


class StartTags(HTMLParser):
    """Every start tag's tokens, as the standard library's HTML reader sees the tag."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.tokens: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tokens.add(tag)
        for name, value in attrs:
            self.tokens |= {"[" + name, f"[{name}={value or ''}"}
            if name == "class":
                self.tokens |= {"." + word for word in (value or "").split()}
            elif name == "id" and value:
                self.tokens.add("#" + value)

    handle_startendtag = handle_starttag


TAG_NAMES = st.sampled_from(["a", "li", "nav", "div", "span", "input"])
ATTRIBUTE_VALUES = st.text(alphabet="ab >-_'", max_size=6)
ATTRIBUTES = st.lists(
    st.tuples(st.sampled_from(["class", "id", "href", "data-md-state", "hidden"]), ATTRIBUTE_VALUES), max_size=3
)


@st.composite
def pages(draw):
    """Pages of start tags, end tags and text, with quoted ">" and repeated tags."""
    parts = []
    for name, attributes, text in draw(
        st.lists(st.tuples(TAG_NAMES, ATTRIBUTES, st.text(alphabet="xy -", max_size=4)), max_size=12)
    ):
        quoted = "".join(
            f' {key}="{value}"' if '"' not in value else f" {key}='{value}'"
            for key, value in attributes
            if "'" not in value
        )
        parts.append(f"<{name}{quoted}>{text}</{name}>")
    return "".join(parts * draw(st.integers(1, 3)))


@given(pages())
@settings(max_examples=300, deadline=None)
def test_a_page_s_tokens_are_those_of_each_of_its_start_tags(html):
    reader = StartTags()
    reader.feed(html)
    reader.close()
    assert page_tokens(html) == reader.tokens


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_no_page_waits_for_a_stylesheet_before_its_text_paints(shipped_site):
    themed = [p for p in shipped_site.rglob("*.html") if 'class="md-main"' in p.read_text(encoding="utf-8")]
    assert len(themed) > 100
    problems = {}
    for page in themed:
        html = page.read_text(encoding="utf-8")
        head, body = html.split("</head>", 1)
        styles = re.findall(r"<style>(.*?)</style>", head, re.DOTALL)
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', head).group(1)
        style_src = dict(part.strip().split(" ", 1) for part in policy.split(";"))["style-src"].split()
        found = []
        if re.search(r'<link[^>]*rel="stylesheet"', head):
            found.append("a stylesheet in the head")
        if len(styles) != 1 or style_src != ["'self'", sha256(styles[0])]:
            found.append(f"{len(styles)} inline styles, policy style-src {style_src}")
        linked = [m.start() for m in re.finditer(r'<link rel="stylesheet"', body)]
        if not linked or min(linked) < body.find("</main>"):
            found.append("no stylesheet after the content" if not linked else "a stylesheet before the content's end")
        if found:
            problems[page.relative_to(shipped_site).as_posix()] = found
    assert problems == {}
