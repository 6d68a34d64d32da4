"""Every built page is well-formed HTML that runs only our scripts, and writes every text escaped once.

Checked on the shipped site and on a site built from hostile-but-valid records
(tests/fixtures/hostile/): quotes, ampersands, template syntax, links with every bad scheme,
images, right-to-left and long unicode text, attempts to end a <script> block.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import html5lib
import pytest
import yaml
from support import HOSTILE, mkdocs_build, small_project

EXECUTABLE_TYPES = {None, "", "text/javascript", "module"}
SITE_NAMES = {"fr": "Catalogue des microcertifications", "en": "Micro-credential catalogue"}


def parse(page: Path):
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    tree = parser.parse(page.read_bytes())
    return tree, parser.errors


def text(element) -> str:
    return "".join(element.itertext())


def spaced(value: str) -> str:
    """French pages make some spaces unbreakable (typography.py): compare the words, not the spaces."""
    return value.replace("\u00a0", " ").replace("\u202f", " ")


def policy_of(tree) -> dict[str, str]:
    first = tree.find("head")[0]
    assert first.tag == "meta" and first.get("http-equiv") == "Content-Security-Policy"
    return dict(part.strip().split(" ", 1) for part in first.get("content").split(";"))


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def page_problems(page: Path) -> list[str]:
    """What is wrong with one built page, as readable lines (an empty list: nothing)."""
    tree, errors = parse(page)
    problems = [f"HTML parse error: {error}" for error in errors]
    policy = policy_of(tree)
    for element in tree.iter():
        handlers = [name for name in element.attrib if name.lower().startswith("on")]
        problems += [f"inline event handler {name}= on <{element.tag}>" for name in handlers]
        for name in ("href", "src", "action", "formaction"):
            if "".join(element.get(name, "").split()).lower().startswith(("javascript:", "vbscript:", "data:text")):
                problems.append(f"<{element.tag} {name}={element.get(name)!r}>")
        if element.tag == "script" and element.get("src") is None and element.get("type") in EXECUTABLE_TYPES:
            if sha256(element.text or "") not in policy["script-src"].split():
                problems.append(f"inline script not allowed by the policy: {(element.text or '')[:60]!r}")
        if element.tag == "style" and sha256(element.text or "") not in policy["style-src"].split():
            problems.append(f"inline style not allowed by the policy: {(element.text or '')[:60]!r}")
    return problems


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_shipped_page_parses_cleanly_and_runs_only_hashed_inline_scripts(shipped_site):
    problems = {page.relative_to(shipped_site).as_posix(): page_problems(page) for page in pages_of(shipped_site)}
    assert {page: found for page, found in problems.items() if found} == {}
    assert len(problems) > 100


def test_every_hostile_page_parses_cleanly_and_runs_only_hashed_inline_scripts(hostile_site):
    problems = {page.relative_to(hostile_site).as_posix(): page_problems(page) for page in pages_of(hostile_site)}
    assert {page: found for page, found in problems.items() if found} == {}


def test_the_policy_allows_only_this_host(shipped_site):
    tree, _ = parse(shipped_site / "en" / "catalogue" / "index.html")
    policy = policy_of(tree)
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["img-src"] == "'self' data:"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    assert [source for source in policy["script-src"].split() if not source.startswith("'sha256-")] == ["'self'"]
    # Inline styles: the page's one <style> (its critical styles) by its hash, never 'unsafe-inline'.
    (style,) = tree.iter("style")
    assert policy["style-src"].split() == ["'self'", sha256(style.text)]


def hostile_records() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (HOSTILE / "credentials").glob("*.yml")}


@pytest.mark.parametrize("record_id", sorted(hostile_records()))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_record_s_title_and_summary_show_exactly_as_written_everywhere_the_theme_writes_them(
    hostile_site, record_id, lang
):
    record = hostile_records()[record_id]
    title, summary = record["title"][lang], record["summary"][lang]
    tree, _ = parse(hostile_site / ("en/" if lang == "en" else "") / "mc" / record_id / "index.html")
    assert spaced(tree.find("head/title").text) == spaced(f"{title} - {SITE_NAMES[lang]}")
    (description,) = [m for m in tree.iter("meta") if m.get("name") == "description"]
    # The summary, exactly, then the key facts as every copy states them (wording/facts.py).
    assert spaced(description.get("content")).startswith(spaced(summary) + " — ")
    (topic,) = [div for div in tree.iter("div") if div.get("data-md-component") == "header-topic"]
    assert spaced(text(topic).strip()) == spaced(title)
    assert [spaced(text(h1)) for h1 in tree.iter("h1")] == [spaced(title)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_provider_s_name_shows_exactly_as_written_in_its_group_page_heading(hostile_site, lang):
    providers = yaml.safe_load((HOSTILE / "providers.yml").read_text(encoding="utf-8"))
    name = providers["hostile-provider"]["name"][lang]
    tree, _ = parse(hostile_site / ("en/" if lang == "en" else "") / "browse/providers/hostile-provider/index.html")
    (h1,) = tree.iter("h1")
    assert spaced(text(h1)).endswith(spaced(name)) and tree.find("head/title").text.startswith(text(h1) + " - ")
    (topic,) = [div for div in tree.iter("div") if div.get("data-md-component") == "header-topic"]
    assert text(topic).strip() == text(h1)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_hand_written_page_s_hostile_front_matter_is_written_as_text(hostile_site, lang):
    source = HOSTILE / "docs" / f"hostile-page.{lang}.md"
    front = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
    tree, _ = parse(hostile_site / ("en/" if lang == "en" else "") / "hostile-page" / "index.html")
    assert tree.find("head/title").text == f"{front['title']} - {SITE_NAMES[lang]}"
    (description,) = [m for m in tree.iter("meta") if m.get("name") == "description"]
    assert description.get("content") == front["description"]
    (topic,) = [div for div in tree.iter("div") if div.get("data-md-component") == "header-topic"]
    assert text(topic).strip() == front["title"]
    assert [text(h1) for h1 in tree.iter("h1")] == [front["title"]]
    assert not list(tree.iter("img"))
    assert not [s for s in tree.iter("script") if "alert" in (s.text or "")]


def test_description_links_keep_only_web_and_mail_addresses(hostile_site):
    """Check refuses every other link (tests/checks/test_markdown_refused.py); what it lets
    through keeps its address, quotes and ampersands encoded, and opens no attribute."""
    tree, _ = parse(hostile_site / "mc" / "bad-links" / "index.html")
    (description,) = [div for div in tree.iter("div") if div.get("class") == "mc-description"]
    links = [a.get("href") for a in description.iter("a")]
    assert links == [
        "https://example.org/a?q=%22x%22&b='y'",
        "https://example.org/a_(b)",
        "https://example.org/t",
        "https://example.org/e",
        "https://example.org/?next=javascript:alert('requ%C3%AAte')",
        "mailto:info@example.org?subject=%22Bonjour%22",
        "https://example.org/reference",
        "https://example.org/formation?a=1&b=2",
        "mailto:info@example.org",
    ]
    assert all(set(a.attrib) <= {"href", "title", "rel"} for a in description.iter("a"))
    assert not list(description.iter("img"))
    assert "{: onclick=\"alert('attr')\" }" in text(description)
    assert "javascript:alert('texte')" in text(description)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_site_settings_show_exactly_as_written_in_the_footer_and_about_page(hostile_site, lang):
    settings = yaml.safe_load((HOSTILE / "site.yml").read_text(encoding="utf-8"))
    name, privacy = settings["organisation"]["name"][lang], settings["privacy"][lang]
    tree, _ = parse(hostile_site / ("en/" if lang == "en" else "") / "about" / "index.html")
    organisation_links = [a for a in tree.iter("a") if a.get("href") == settings["organisation"]["url"]]
    assert [spaced(text(a)) for a in organisation_links] == [spaced(name)] * 2  # footer, and the About page
    (footer,) = [div for div in tree.iter("div") if "mc-footer" in (div.get("class") or "")]
    assert spaced(privacy) in spaced(text(footer))


def test_an_inline_script_the_theme_did_not_write_stops_the_build(tmp_path):
    """Hashing whatever the final page holds would allow a script a missed hole let in: it is refused."""
    project = small_project(tmp_path / "project")
    page = project / "docs" / "about.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert('added')</script>\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "about.en.md: an inline script the theme did not write: <script>alert('added')</script> "
        "(scripts go in files under docs/assets/javascripts/)"
    ) in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
