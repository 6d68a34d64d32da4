"""A real headless Chromium (Debian's) driven by Playwright, on the built site served locally."""

from __future__ import annotations

import pytest
from in_browser import CHROMIUM, CHROMIUM_ARGS, logged_tab
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def site_server(fixture_sites) -> str:
    """The shipped data, built for and served at its own address on the loopback."""
    return fixture_sites["shipped"].url


@pytest.fixture(scope="session")
def hostile_server(fixture_sites) -> str:
    """The hostile corpus (tests/fixtures/hostile/), built for and served at its own address."""
    return fixture_sites["hostile"].url


@pytest.fixture(scope="session")
def search_server(fixture_sites) -> str:
    """tests/fixtures/search-data/, built for and served at its own address."""
    return fixture_sites["search"].url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def clipboard_page(browser, site_server):
    """A tab that may read and write the clipboard of the shipped site's origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser, site_server):
    with logged_tab(browser, site_server) as tab:
        yield tab
