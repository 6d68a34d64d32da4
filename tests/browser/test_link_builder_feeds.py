"""The link builder names the feed a newsletter's "RSS" block should follow: for two filters with
feeds of their own, the feed of exactly that list (sharing/combined.py); for three filters, or
filters with words, the nearest published feed (the one with the fewest credentials that holds
every result), saying plainly, in the page's language, that it may list more than the link."""

from __future__ import annotations

from itertools import combinations

import feedparser
import pytest
import yaml
from microcredential_catalogue.model.facets import registry_of
from microcredential_catalogue.sharing.atom import FEED_LENGTH
from playwright.sync_api import expect
from support import PROJECT, rarest_word, shipped_catalogue, title_words

WORDS = yaml.safe_load((PROJECT / "overrides" / "locales" / "catalogue.yml").read_text(encoding="utf-8"))
PREFIXES = {"fr": "", "en": "en/"}


def _members() -> dict[tuple[str, str], set[str]]:
    """(URL parameter, value) -> ids of the listed shipped credentials, for each value with a feed of its own."""
    catalogue = shipped_catalogue()
    found: dict[tuple[str, str], set[str]] = {}
    for facet in registry_of(catalogue).filters:
        if facet.feeds and facet.group_pages:
            for credential in catalogue.listed:
                for key in facet.keys_of(credential, catalogue):
                    found.setdefault((facet.param, key), set()).add(credential.id)
    found[("cost", "free")] = {c.id for c in catalogue.listed if c.is_free}
    return found


MEMBERS = _members()


def _common(filters) -> set[str]:
    return set.intersection(*(MEMBERS[value] for value in filters))


def _chosen(size: int):
    """Values of `size` different parameters whose lists share the most credentials (then alphabetically)."""
    found = [
        tuple(sorted(filters))
        for filters in combinations(sorted(MEMBERS), size)
        if len({param for param, _ in filters}) == size and _common(filters)
    ]
    if not found:
        pytest.skip(f"no {size} filter values of different parameters share a credential in the shipped data")
    return max(found, key=lambda filters: (len(_common(filters)), [-ord(ch) for ch in str(filters)]))


def _address(site_server: str, lang: str, filters) -> str:
    return f"{site_server}{PREFIXES[lang]}share/lists/" + "/".join(f"{p}/{v}" for p, v in sorted(filters)) + "/feed.xml"


def _query(filters, words: str = "") -> str:
    parts = [f"{param}={value}" for param, value in filters] + ([f"q={words}"] if words else [])
    return "?" + "&".join(parts)


def _listed(page, href: str) -> set[str]:
    feed = feedparser.parse(page.request.get(href).body())
    assert not feed.bozo and feed.version == "atom10", href
    return {entry.link.rstrip("/").rsplit("/", 1)[-1] for entry in feed.entries}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_two_filters_give_the_feed_of_exactly_that_list(clipboard_page, site_server, lang):
    page, chosen = clipboard_page, _chosen(2)
    # In the address, the parameters in the reverse of the feed's order: the feed's address does not depend on it.
    page.goto(site_server + PREFIXES[lang] + "links/" + _query(reversed(chosen)))
    feed = page.locator("[data-builder-feed-link]")
    expect(feed).to_be_visible()
    expect(feed).to_have_text(WORDS["builder_feed"][lang])
    expect(page.locator("[data-builder-no-feed]")).to_be_hidden()
    assert feed.get_attribute("href") == _address(site_server, lang, chosen)
    common = _common(chosen)
    listed = _listed(page, feed.get_attribute("href"))
    assert listed == common if len(common) <= FEED_LENGTH else listed < common


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_three_filters_or_words_give_the_nearest_feed_with_a_note(clipboard_page, site_server, lang):
    page, chosen = clipboard_page, _chosen(3)
    results = _common(chosen)
    # The nearest: of the published feeds holding every result, the one with the fewest credentials.
    fewest = min(len(_common(pair)) for pair in combinations(chosen, 2))
    nearest = {_address(site_server, lang, pair) for pair in combinations(chosen, 2) if len(_common(pair)) == fewest}
    page.goto(site_server + PREFIXES[lang] + "links/" + _query(chosen))
    feed, note = page.locator("[data-builder-feed-link]"), page.locator("[data-builder-no-feed]")
    expect(feed).to_be_visible()
    expect(note).to_be_visible()
    expect(note).to_have_text(WORDS["builder_no_feed"][lang])
    assert feed.get_attribute("href") in nearest
    assert feed.inner_text().startswith(WORDS["builder_feed_nearest"][lang].split("{filters}")[0])
    listed = _listed(page, feed.get_attribute("href"))
    if fewest <= FEED_LENGTH:
        assert results <= listed, "the nearest feed leaves out a credential the link lists"

    # One filter and search words: that filter's own feed (its group's), with the same note.
    single = chosen[0]
    credential = min((c for c in shipped_catalogue().listed if c.id in MEMBERS[single]), key=lambda c: c.id)
    page.goto(site_server + PREFIXES[lang] + "links/" + _query([single], rarest_word(title_words(credential, lang))))
    expect(feed).to_have_attribute("href", _group_feed(site_server, lang, single))
    expect(note).to_be_visible()
    if len(MEMBERS[single]) <= FEED_LENGTH:
        assert credential.id in _listed(page, feed.get_attribute("href"))


def _group_feed(site_server: str, lang: str, value) -> str:
    """The feed of one filter value's list: its group page's, or the free list's."""
    if value == ("cost", "free"):
        return f"{site_server}{PREFIXES[lang]}browse/free/feed.xml"
    facet = next(f for f in registry_of(shipped_catalogue()).filters if f.param == value[0])
    return f"{site_server}{PREFIXES[lang]}browse/{facet.name}/{value[1]}/feed.xml"
