"""A credential page as a reader meets it, in both languages, in a real Chromium."""

import pytest
from in_browser import axe_violations, screenshot

CREDENTIAL = "mc/st-lawrence-cybersecurity/"


def test_french_page_shows_the_record_and_switches_to_english(page, site_server):
    page.goto(site_server + CREDENTIAL)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Cybersécurité"
    facts = page.locator(".mc-facts").inner_text()
    assert "98\u00a0$ par module" in facts  # the seed gives a price per module, not a total
    assert "Non précisé" not in facts  # unknown facts are named in one sentence instead
    assert "durée" in page.locator(".mc-unknown").inner_text()  # hours are unknown in the seed
    screenshot(page, "credential-fr")

    page.locator(".md-header .mc-lang a[hreflang='en']").click()
    page.wait_for_url("**/en/" + CREDENTIAL)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Cybersecurity"
    assert "$98 per module" in page.locator(".mc-facts").inner_text()
    screenshot(page, "credential-en")
    assert page.requests.foreign() == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_credential_page_has_no_accessibility_violation(page, site_server, prefix):
    page.goto(site_server + prefix + CREDENTIAL)
    assert axe_violations(page) == []
    assert page.requests.foreign() == []
    page.wait_for_load_state("networkidle")
    assert page.requests.failed == []
