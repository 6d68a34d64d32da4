"""Every copy of a credential says what its page says: the share text and e-mail, the link
preview's description and image text, the structured data, the feeds, the cards of lists and
search results, and the calendar state the same cost, length, delivery and age as the page.

The expected facts are read from the page a learner reads (its fact list and its age line), never
from the records, so the test holds for any valid record an editor adds; it runs on the shipped
records plus the fixture records and the hostile-but-valid ones (quotes, ampersands, long titles,
template syntax, right-to-left text).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import feedparser
import pytest
import yaml
from icalendar import Calendar
from microcredential_catalogue.wording.facts import as_said
from support import PROJECT, html_document

WORDS = yaml.safe_load((PROJECT / "overrides" / "locales" / "catalogue.yml").read_text(encoding="utf-8"))
FACTS = ("cost", "hours", "delivery")


def word(key: str, lang: str) -> str:
    return WORDS[key][lang]


def text_of(element) -> str:
    return re.sub(r"[ \t\r\n]+", " ", "".join(element.itertext())).strip()  # keeps no-break spaces


@dataclass
class PageFacts:
    """What the credential's page states: each key fact (None: not known) and the age line."""

    url: str
    lang: str
    facts: dict[str, str | None]
    age: str
    old_year: str | None  # the year of the "to confirm" notice, when the page shows one

    def phrases(self) -> list[str]:
        """How a labelled copy must say each fact: "Coût : 392 $"; an unknown one as the page
        names it, "Pas encore connu : nombre d'heures"; and the age line."""
        colon = word("colon", self.lang)
        said = [
            f"{word(key, self.lang)}{colon} {self.after_colon(key, value)}"
            for key, value in self.facts.items()
            if value
        ]
        return [*said, self.age]

    def after_colon(self, key: str, value: str) -> str:
        """The page's value as a labelled copy says it: a word of the site's own takes no capital
        after a colon (« Comment se donne la formation : en ligne », "Cost: free (…)", « Coût : gratuit
        en 2021 pour… »)."""
        free = word("free", self.lang)
        if key == "delivery" or value == free or value.startswith(f"{free} "):
            return value[:1].lower() + value[1:]
        return value

    def card_facts(self) -> list[str | None]:
        """The facts a card says as the page does; a free cost from old information is said
        "Gratuit (info de 2022) : à confirmer" (free then is not free now), in place of the old mark."""
        said = dict(self.facts)
        free = word("free", self.lang)
        if self.old_year and (said["cost"] == free or (said["cost"] or "").startswith(f"{free} (")):
            said["cost"] = as_said(word("card_free_in", self.lang).format(year=self.old_year), self.lang)
        return list(said.values())

    def unknown(self) -> list[str]:
        """The words for the key facts the page does not know ("nombre d'heures")."""
        return [word(f"unknown_{key}", self.lang) for key, value in self.facts.items() if value is None]

    def wrongs(self, copy: str) -> list[str]:
        """What `copy` fails to state as the page does."""
        wrong = [f"lacks {phrase!r}" for phrase in self.phrases() if phrase not in copy]
        intro = f"{word('unknown_intro', self.lang)}{word('colon', self.lang)} "
        if self.unknown():
            sentence = copy.split(intro, 1)[1].split(" · ")[0] if intro in copy else ""
            wrong.extend(f"does not say {name!r} is not known" for name in self.unknown() if name not in sentence)
        named = copy.replace(intro, "")  # "Not known yet: cost" names what is not known
        if word("not_specified", self.lang) in named:
            wrong.append("says 'not specified' where the page names what is not known")
        return wrong


def parsed(path: Path):
    return html_document(path.read_text(encoding="utf-8"))


def read_page(document, lang: str) -> PageFacts:
    """What a credential page (parsed) states."""
    listed = document.find(".//dl[@class='mc-facts']")
    terms = {text_of(dt): text_of(dd) for dt, dd in zip(listed.findall("dt"), listed.findall("dd"), strict=True)}
    facts = {key: terms.get(word(key, lang)) for key in FACTS}
    footer = text_of(document.find(".//footer[@class='mc-provenance']").find("p"))
    notice = document.find(".//div[@class='admonition warning mc-age mc-age--old']")
    old_year = re.search(r"\d{4}", text_of(notice.find("p"))).group() if notice is not None else None
    url = document.find(".//link[@rel='canonical']").get("href")
    return PageFacts(url, lang, facts, footer.split(". ")[0], old_year)


def credential_pages(site: Path):
    for lang, root in (("fr", site), ("en", site / "en")):
        for path in sorted((root / "mc").glob("*/index.html")):
            if "mc-facts" in path.read_text(encoding="utf-8"):  # not an alias's redirect
                yield lang, path


def head_copies(document) -> dict[str, str]:
    """The page's own copies (parsed): meta descriptions, image text, share text, e-mail, JSON-LD."""
    copies = {}
    for meta in document.iter("meta"):
        name = meta.get("property") or meta.get("name")
        if name in {"description", "og:description", "og:image:alt", "twitter:image:alt"}:
            copies[name] = meta.get("content")
    copies["share text"] = text_of(document.find(".//pre[@id='mc-share-text']"))
    copies["share html"] = text_of(document.find(".//div[@id='mc-share-html']"))
    mailto = document.find(".//section[@class='mc-share']//a[@class='md-button']").get("href")
    copies["e-mail"] = parse_qs(urlparse(mailto).query)["body"][0]
    for script in document.iter("script"):
        if script.get("type") == "application/ld+json":
            data = json.loads(script.text)
            if data.get("@type") == "Course":
                copies["JSON-LD"] = data["description"]
    return copies


def feed_summaries(site: Path) -> dict[str, list[str]]:
    """Every feed entry's summary, by the page it links."""
    summaries: dict[str, list[str]] = {}
    for path in site.rglob("*.xml"):
        feed = feedparser.parse(path.read_bytes())
        if feed.version != "atom10":
            continue
        for entry in feed.entries:
            summaries.setdefault(entry.link, []).append(entry.summary)
    return summaries


def feed_categories(site: Path) -> dict[str, list[set[str]]]:
    """Every feed entry's categories, by the page it links."""
    categories: dict[str, list[set[str]]] = {}
    for path in site.rglob("*.xml"):
        feed = feedparser.parse(path.read_bytes())
        if feed.version == "atom10":
            for entry in feed.entries:
                categories.setdefault(entry.link, []).append({tag.term for tag in entry.get("tags", [])})
    return categories


def page_sectors(document) -> set[str]:
    """The sectors a credential page names in its fact list (each a link to its sector's page)."""
    listed = document.find(".//dl[@class='mc-facts']")
    return {text_of(link) for link in listed.iter("a") if "browse/sectors/" in link.get("href", "")}


def cards(site: Path) -> dict[tuple[str, str], list[str]]:
    """The short facts each search result card shows, by (language, id)."""
    found = {}
    for path in (site / "assets" / "catalogue-data").glob("cards-*.json"):
        lang = path.name.split("-")[1]
        for record in json.loads(path.read_text(encoding="utf-8"))["records"]:
            found[(lang, record["id"])] = record["facts"]
    return found


def calendar_descriptions(site: Path) -> dict[str, list[str]]:
    events: dict[str, list[str]] = {}
    for path in site.rglob("*.ics"):
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            events.setdefault(str(event.get("URL")), []).append(str(event.get("DESCRIPTION", "")))
    return events


@pytest.fixture(scope="module", params=["records", "hostile"])
def site(request, fixture_sites) -> Path:
    return fixture_sites[request.param].site


def test_every_copy_states_the_cost_length_delivery_and_age_of_the_page(site):
    feeds, events, checked, wrong = feed_summaries(site), calendar_descriptions(site), 0, []
    for lang, path in credential_pages(site):
        document = parsed(path)
        page = read_page(document, lang)
        copies = head_copies(document)
        copies |= {f"feed {n}": s for n, s in enumerate(feeds.get(page.url, ()))}
        copies |= {f"calendar {n}": d for n, d in enumerate(events.get(page.url, ()))}
        for name, copy in copies.items():
            wrong.extend(f"{page.url} {name}: {problem}" for problem in page.wrongs(copy))
        checked += 1
    assert checked >= 40, "every credential page in both languages"
    assert not wrong, "\n".join(wrong[:30])


def test_every_listed_credential_reaches_a_feed_with_its_facts(site):
    feeds = feed_summaries(site)
    missing = []
    for lang, path in credential_pages(site):
        page = read_page(parsed(path), lang)
        discontinued = word("discontinued_title", lang) in path.read_text(encoding="utf-8")
        if not discontinued and page.url not in feeds:
            missing.append(page.url)
    assert not missing, missing


def test_every_feed_entry_files_the_credential_under_the_sectors_its_page_names(site):
    categories, wrong = feed_categories(site), []
    for lang, path in credential_pages(site):
        document = parsed(path)
        url, sectors = read_page(document, lang).url, page_sectors(document)
        wrong.extend(
            f"{url}: {terms} where the page says {sectors}" for terms in categories.get(url, ()) if terms != sectors
        )
    assert not wrong, "\n".join(wrong[:10])


def test_every_card_shows_the_known_facts_of_the_page_and_its_old_mark(site):
    found, wrong = cards(site), []
    for lang, path in credential_pages(site):
        page = read_page(parsed(path), lang)
        card = found.get((lang, path.parent.name))
        if card is None:  # discontinued: out of search
            continue
        wrong.extend(f"{page.url}: card lacks {v!r}" for v in page.card_facts() if v and v not in card)
        if page.old_year and not any(page.old_year in fact for fact in card):
            wrong.append(f"{page.url}: card does not say the information is from {page.old_year}")
    assert not wrong, "\n".join(wrong[:30])
