"""The link builder of the "Share a link" page in a real Chromium, with the keyboard: the filters
ticked give a link, an <iframe> code and a QR code for exactly that list; the QR code decodes
(zbar) to the link, and the code, pasted into a page of another origin, shows that list."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse

import pytest
from in_browser import ARTIFACTS, all_titles, axe_violations
from microcredential_catalogue.wording.facts import as_said
from PIL import Image
from playwright.sync_api import expect
from pyzbar.pyzbar import decode
from support import serve, shipped_catalogue, shipped_credential_count, shipped_provider_with

CHOSEN = {"pathway": {"postsecondary"}, "sector": {"health", "education-law-social-government"}}
UPDATED = {"fr": "Lien, code et code QR mis à jour", "en": "Link, code and QR code updated"}
COPIED = {"fr": "Lien copié", "en": "Link copied"}
# A provider with a page of its own: one that has a listed credential.
PROVIDER = shipped_provider_with("has a listed credential", lambda provider, credentials: bool(credentials))


class _Tags(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.tags = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _filters_of(url: str) -> dict[str, set[str]]:
    return {key: set(value.split(",")) for key, value in parse_qsl(urlparse(url).query)}


def _tick_with_keyboard(page):
    summary = page.locator(".mc-builder__filters > summary")
    summary.focus()
    page.keyboard.press("Enter")  # opens the filters
    for param, keys in CHOSEN.items():
        for key in sorted(keys):
            page.locator(f"#mc-b-{param}-{key}").focus()
            page.keyboard.press("Space")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_builder_gives_a_link_code_and_qr_code_of_the_same_list(clipboard_page, site_server, tmp_path, prefix):
    page = clipboard_page
    lang = "en" if prefix else "fr"
    page.goto(site_server + prefix + "links/")
    _tick_with_keyboard(page)
    status = page.locator("[data-builder-status]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    expect(status).to_have_text(UPDATED[lang])

    link = page.locator("#mc-builder-link").input_value()
    assert link.split("?")[0] == f"{site_server}{prefix}catalogue/"
    assert _filters_of(link) == CHOSEN

    tags = _Tags(page.locator("#mc-builder-snippet").input_value()).tags
    (frame,) = [attrs for tag, attrs in tags if tag == "iframe"]
    (script,) = [attrs for tag, attrs in tags if tag == "script"]
    assert frame["src"].split("?")[0] == f"{site_server}{prefix}embed/" and _filters_of(frame["src"]) == CHOSEN
    assert frame["title"] and script["src"] == f"{site_server}assets/javascripts/embed-host.js"

    qr = page.locator("[data-builder-qr]")
    assert link in qr.get_attribute("alt")
    (decoded,) = decode(Image.open(io.BytesIO(qr.screenshot())))
    assert decoded.data.decode("utf-8") == link
    # The download link gives that very drawing as an SVG file.
    with page.expect_download() as download:
        page.locator("[data-builder-qr-download]").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved.startswith("<svg") and saved == unquote(qr.get_attribute("src").split(",", 1)[1])

    page.locator("[data-builder-copy='link']").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text(COPIED[lang])
    assert page.evaluate("navigator.clipboard.readText()") == link

    assert axe_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#mc-builder").screenshot(path=str(ARTIFACTS / f"link-builder-{lang}.png"))

    # The code, pasted into a network's page on another origin, shows exactly that list.
    snippet = page.locator("#mc-builder-snippet").input_value()
    (tmp_path / "index.html").write_text(
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>Network</title></head>"
        f"<body><main><h1>Network</h1>{snippet}</main></body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as host_url:
        page.goto(host_url.replace("127.0.0.1", "localhost"))
        inner = page.frame_locator("iframe")
        inner.locator("#mc-embed[data-ready='true']").wait_for()
        page.wait_for_function("() => document.querySelector('iframe').getBoundingClientRect().height !== 600")
        assert inner.locator("[data-results] > li").count() >= 1
        assert _filters_of(inner.locator("[data-full]").get_attribute("href")) == CHOSEN


WORDS_CHOSEN = {"fr": "Liste choisie\u00a0: mots «\u00a0soins\u00a0»", "en": 'List chosen: words "nursing"'}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_words_go_into_the_link_the_code_and_the_qr_code(clipboard_page, site_server, prefix):
    """A network sharing nursing courses: the words narrow the list in the link and the embed."""
    page = clipboard_page
    lang = "en" if prefix else "fr"
    words = "nursing" if prefix else "soins"
    page.goto(site_server + prefix + "links/")
    field = page.get_by_label("Search words (optional)" if prefix else "Mots recherchés (facultatif)")
    field.focus()
    page.keyboard.type(words)
    page.keyboard.press("Tab")  # leaving the field: the change is announced once
    expect(page.locator("[data-builder-status]")).to_have_text(UPDATED[lang])
    expect(page.locator("[data-builder-chosen]")).to_have_text(WORDS_CHOSEN[lang])

    link = page.locator("#mc-builder-link").input_value()
    assert dict(parse_qsl(urlparse(link).query)) == {"q": words}
    embed = page.locator("[data-builder-preview]").get_attribute("href")
    assert urlparse(embed).path.endswith(f"/{prefix}embed/") and dict(parse_qsl(urlparse(embed).query)) == {"q": words}
    (decoded,) = decode(Image.open(io.BytesIO(page.locator("[data-builder-qr]").screenshot())))
    assert decoded.data.decode("utf-8") == link

    # The embedded list of that link finds what the catalogue finds for the words, and not everything.
    page.goto(embed)
    page.locator("#mc-embed[data-ready='true']").wait_for()
    embedded = page.locator("[data-results] .mc-card__title").all_inner_texts()
    page.goto(link)
    page.locator("#mc-search[data-ready='true']").wait_for()
    assert embedded and embedded == page.locator("[data-results] .mc-card__title").all_inner_texts()
    assert len(embedded) < shipped_credential_count()

    # Arriving with words in the address (a shared builder link) fills the field.
    page.goto(site_server + prefix + "links/?q=" + words + "#mc-builder")
    expect(field).to_have_value(words)
    assert axe_violations(page) == []


EMBED_THIS_LIST = {"fr": "Intégrer cette liste à votre site", "en": "Embed this list on your site"}


def _group_pages(page, site_server: str, prefix: str) -> list[str]:
    """Every group page the Browse page lists (every facet's groups) and the free credentials' page."""
    page.goto(f"{site_server}{prefix}browse/")
    links = page.locator("article a[href]").evaluate_all("links => links.map((a) => a.href)")
    below = {
        link: urlparse(link).path.split("/browse/")[-1].strip("/").split("/") for link in links if "/browse/" in link
    }
    return sorted(link for link, parts in below.items() if len(parts) == 2 or parts == ["free"])


def _ticked(page) -> dict[str, set[str]]:
    boxes = page.locator("#mc-builder input[type='checkbox']:checked")
    found: dict[str, set[str]] = {}
    for name, value in boxes.evaluate_all("boxes => boxes.map((box) => [box.name, box.value])"):
        found.setdefault(name, set()).add(value)
    return found


def _family(group: str) -> str:
    return urlparse(group).path.split("/browse/")[1].split("/")[0]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_group_page_embeds_its_own_list_through_a_prefilled_builder(clipboard_page, site_server, prefix):
    """Each group page's "Embed this list" link opens the builder with that group's filter ticked,
    and the embeddable list it gives shows exactly the group page's credentials. The builder is
    followed from the first group of each family (the prefilling is one rule per filter); for
    every other group the link's own filter opens the embed, so every group's list is compared."""
    page = clipboard_page
    lang = "en" if prefix else "fr"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    groups = _group_pages(page, site_server, prefix)
    families = {_family(group) for group in groups}
    assert families == {"free", "sectors", "pathways", "cost", "delivery", "hours", "regions", "campus", "providers"}
    through_builder = {_family(group): group for group in reversed(groups)}
    for group in groups:
        page.goto(group)
        titles = sorted(" ".join(t.split()) for t in page.locator("article .mc-card__title").all_text_contents())
        link = page.get_by_role("link", name=EMBED_THIS_LIST[lang], exact=True)
        builder = link.get_attribute("href")
        direct = f"{site_server}{prefix}embed/?" + urlparse(builder).query
        if through_builder[_family(group)] == group:
            link.click()
            page.locator("#mc-builder-link").wait_for()
            assert urlparse(page.url).path == urlparse(f"{site_server}{prefix}links/").path, group
            chosen = _ticked(page)
            assert len(chosen) == 1 and len(next(iter(chosen.values()))) == 1, (group, chosen)
            assert _filters_of(page.locator("#mc-builder-link").input_value()) == chosen
            (frame,) = [
                attrs for tag, attrs in _Tags(page.locator("#mc-builder-snippet").input_value()).tags if tag == "iframe"
            ]
            assert _filters_of(frame["src"]) == chosen == _filters_of(builder)
            assert urlparse(frame["src"]).path == urlparse(direct).path  # what the other groups open
            embed = frame["src"]
        else:
            chosen = _filters_of(builder)
            assert len(chosen) == 1 and len(next(iter(chosen.values()))) == 1, (group, chosen)
            embed = direct
        page.goto(embed)
        embedded = sorted(all_titles(page, "#mc-embed"))
        assert embedded == titles, group
    assert {urlparse(url).netloc for url in requests if urlparse(url).scheme.startswith("http")} == {
        urlparse(site_server).netloc
    }


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_provider_page_leads_to_the_builder_with_that_provider_ticked(clipboard_page, site_server, prefix, width):
    page = clipboard_page
    lang = "en" if prefix else "fr"
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_server}{prefix}browse/providers/{PROVIDER}/")
    link = page.get_by_role("link", name=EMBED_THIS_LIST[lang], exact=True)
    assert axe_violations(page) == []
    link.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"group-embed-link-{lang}-{width}.png"))
    link.focus()
    page.keyboard.press("Enter")
    page.locator("#mc-builder-link").wait_for()
    assert _ticked(page) == {"provider": {PROVIDER}}
    # The filters stay folded, so the link and the code show at once; the list chosen is said in words.
    name = as_said(shipped_catalogue().providers[PROVIDER].name[lang], lang)
    chosen = {
        "fr": f"Liste choisie\u00a0: établissement ({name})",
        "en": f"List chosen: provider ({name})",
    }
    expect(page.locator("[data-builder-chosen]")).to_have_text(chosen[lang])
    link_value = page.locator("#mc-builder-link").input_value()
    assert link_value == f"{site_server}{prefix}catalogue/?provider={PROVIDER}"
    # The jump to the builder scrolls the page: the header's title fades in; axe reads it once still.
    page.evaluate("() => Promise.all(document.getAnimations().map((animation) => animation.finished))")
    assert axe_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / f"builder-prefilled-{lang}-{width}.png"))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_list_chosen_says_each_filter_once_for_its_not_known_option(clipboard_page, site_server, prefix):
    """« région des activités en personne (Région des activités en personne inconnue) »: a "not known"
    option's label already names its filter, so the list chosen says that label alone, once."""
    page = clipboard_page
    page.goto(f"{site_server}{prefix}links/")
    filters = page.locator("#mc-builder fieldset[data-filter]:has(input[value=not-specified])").evaluate_all(
        "sets => sets.map(set => [set.dataset.filter, set.querySelector('legend').dataset.afterColon,"
        " set.querySelector('input[value=not-specified]').labels[0].firstChild.textContent.trim()])"
    )
    assert filters, "no filter has a not-known option: the rule below would prove nothing"
    page.goto(f"{site_server}{prefix}links/?" + "&".join(f"{param}=not-specified" for param, _, _ in filters))
    chosen = page.locator("[data-builder-chosen]")
    expect(chosen).not_to_be_empty()
    said = chosen.inner_text().lower()
    assert [name for _, name, _ in filters if said.count(name.lower()) > 1] == [], said
    assert [label for _, _, label in filters if label.lower() not in said] == [], said
