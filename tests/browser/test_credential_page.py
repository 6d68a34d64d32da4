"""A credential page as a reader meets it, in both languages, in a real Chromium."""

import pytest
from in_browser import axe_violations, screenshot
from microcredential_catalogue.wording.facts import as_said
from support import shipped_credential, shipped_example, shipped_wording

# A price the source gives only in words (a note, no total), and a length it leaves out.
CREDENTIAL = shipped_example(
    "gives its cost as a note without a total and leaves out its length",
    lambda c: c.cost_amount is None and c.cost_note is not None and c.hours is None,
)
RECORD = shipped_credential(CREDENTIAL)
WORDING = shipped_wording()


def test_french_page_shows_the_record_and_switches_to_english(page, site_server):
    page.goto(site_server + CREDENTIAL)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == as_said(RECORD.title["fr"], "fr")
    facts = page.locator(".mc-facts").inner_text()
    assert WORDING.cost(RECORD, "fr") in facts  # the note as written (French spacing), not a total
    assert "Non précisé" not in facts  # unknown facts are named in one sentence instead
    assert WORDING.text("unknown_hours", "fr") in page.locator(".mc-unknown").inner_text()  # « nombre d'heures »
    screenshot(page, "credential-fr")

    page.locator(".md-header .mc-lang a[hreflang='en']").click()
    page.wait_for_url("**/en/" + CREDENTIAL)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == RECORD.title["en"]
    assert WORDING.cost(RECORD, "en") in page.locator(".mc-facts").inner_text()
    screenshot(page, "credential-en")
    assert page.requests.foreign() == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_credential_page_has_no_accessibility_violation(page, site_server, prefix):
    page.goto(site_server + prefix + CREDENTIAL)
    assert axe_violations(page) == []
    assert page.requests.foreign() == []
    page.wait_for_load_state("networkidle")
    assert page.requests.failed == []
