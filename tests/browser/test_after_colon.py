"""No capital after a colon in the French the catalogue's script writes, unless a name follows
(the site's rule: « Coût : gratuit », « Région : Nord »; wording/after_colon.py on the build's
side). The script cannot tell a name from a common word, so it never puts an option's label right
after « : »; this reads everything it wrote for every option of the search fixture's filters:
the ticked filters' buttons, the words that name a filter, the dead end's buttons, the status and
the printed line.

Built from tests/fixtures/search-data/."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from in_browser import wait_ready
from microcredential_catalogue.model.facets import FACETS
from microcredential_catalogue.wording.after_colon import NAMED_FACETS

# What follows « : » when a word starts right there (a quoted label starts with « instead).
AFTER_COLON = re.compile(r":\s*(?P<rest>\w.*)")
NAMED_PARAMS = {facet.param for facet in FACETS.all if facet.name in NAMED_FACETS}
# What the script writes: status, ticked filters, named filters, dead end, printed line.
WRITTEN = "#mc-status, [data-chips], [data-offers], [data-dead-end], [data-print-query]"
UNFOUND_WORD = "zzxqj"  # found nowhere: the dead end shows, with a button per filter


def capitals_after_colon(texts: list[str], names: set[str]) -> list[str]:
    """The texts where a colon is followed by a capitalized word that is not a name."""
    wrong = []
    for text in texts:
        for found in AFTER_COLON.finditer(text):
            rest = found["rest"]
            # A capital that could be lower case: one followed by a small letter (not « AFB »).
            lowerable = rest[0].isupper() and rest[1:2].islower()
            if lowerable and not any(rest.startswith(name) for name in names):
                wrong.append(text)
    return wrong


@pytest.fixture
def french_catalogue(browser, search_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(search_server + "catalogue/")
    wait_ready(page)
    yield page
    context.close()


def every_option(page) -> dict[str, list[str]]:
    return dict(
        page.locator("fieldset[data-filter]").evaluate_all(
            "sets => sets.map(set => [set.dataset.filter,"
            " Array.from(set.querySelectorAll('input[type=checkbox]'), box => box.value)])"
        )
    )


def names_of(page) -> set[str]:
    """The labels that are names: providers, regions (their « not known » option aside)."""
    return set(
        page.locator("fieldset[data-filter] input[type=checkbox]").evaluate_all(
            "(boxes, named) => boxes.filter(box => named.includes(box.name) && box.value !== 'not-specified')"
            ".map(box => box.labels[0].firstChild.textContent.trim())",
            sorted(NAMED_PARAMS),
        )
    )


# Text nodes joined by the line they show on: the nearest block around them, a button whole (its
# words heard but not seen, if absolutely placed, are read with its label); a button's own name
# (aria-label) too, as a screen reader says it.
LINES = """roots => {
  const lines = new Map();
  const inline = (element) => ["inline", "inline-block", "contents"].includes(getComputedStyle(element).display)
    || getComputedStyle(element).position === "absolute";
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let line = node.parentElement.closest("button") || node.parentElement;
      while (line !== root && line.tagName !== "BUTTON" && inline(line)) line = line.parentElement;
      lines.set(line, (lines.get(line) || "") + node.textContent);
    }
  }
  for (const root of roots) {
    for (const button of root.querySelectorAll("button[aria-label]")) lines.set(button, button.getAttribute("aria-label"));
  }
  return Array.from(lines.values(), (text) => text.replace(/\\s+/g, " ").trim()).filter(Boolean);
}"""


def written_texts(page) -> list[str]:
    """Every line of text the script wrote, the words heard but not seen included."""
    return page.locator(WRITTEN).evaluate_all(LINES)


def open_and_read(page, query: str) -> list[str]:
    page.goto(page.url.split("?")[0] + query)
    wait_ready(page)
    page.wait_for_function("() => !document.querySelector('[data-results]').hasAttribute('data-pending')")
    # The printed line comes with the address bar, written at a pause after the answer.
    page.wait_for_function("() => document.querySelector('[data-print-query]').textContent")
    return written_texts(page)


def test_every_ticked_option_is_written_without_a_capital_after_a_colon(french_catalogue):
    page = french_catalogue
    options = every_option(page)
    names = names_of(page)
    ticked = "&".join(f"{param}={','.join(keys)}" for param, keys in options.items())
    texts = open_and_read(page, f"?q={UNFOUND_WORD}&{ticked}")
    chips = page.locator("[data-chips] button")
    assert chips.count() == sum(len(keys) for keys in options.values())  # one per option: each was read
    assert page.locator("[data-dead-end] [data-filter-buttons] button").count() == chips.count()
    assert "«" in page.locator("[data-print-query]").text_content()  # the printed line names them too
    assert capitals_after_colon(texts, names) == []


def test_every_option_named_by_words_is_written_without_a_capital_after_a_colon(french_catalogue):
    page = french_catalogue
    names = names_of(page)
    phrases = page.evaluate(
        "async () => Object.keys((await (await fetch(document.querySelector('[data-index]').dataset.index)).json()).filterWords)"
    )
    assert phrases
    wrong = []
    for phrase in phrases:
        texts = open_and_read(page, "?q=" + quote(phrase))
        assert page.locator("[data-offers] button").count() >= 1, phrase
        wrong += capitals_after_colon(texts, names)
    assert wrong == []


def test_the_check_finds_a_capital_after_a_colon_and_lets_a_name_through():
    assert capitals_after_colon(["Retirer le filtre\u00a0: Gratuit"], set()) == ["Retirer le filtre\u00a0: Gratuit"]
    assert capitals_after_colon(["Région\u00a0: Nord"], {"Nord"}) == []
    assert capitals_after_colon(["Voie\u00a0: AFB", "Filtres\u00a0: «\u00a0Gratuit\u00a0»"], set()) == []
