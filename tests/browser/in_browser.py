"""What the browser tests share besides fixtures (tests/browser/conftest.py holds those): the
Chromium to launch, and how a test reads a page: axe-core, screenshots, the catalogue's results,
and the logs of what a page asked for or was refused."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import urlparse

from support import PROJECT

# Chromium's headless shell (Debian's chromium-headless-shell, the same version as its chromium):
# the same Blink and V8, built for headless use only, as Playwright itself runs headless tests. The
# whole suite passes in both; the full browser in headless mode spent three times the CPU on the
# same pages (bench/RESULTS.md, issue 17). CATALOGUE_CHROMIUM=/usr/bin/chromium runs the tests
# in the full browser instead.
CHROMIUM = os.environ.get("CATALOGUE_CHROMIUM") or "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT / "test-artifacts"


# The search fixture's credentials that listings show (the discontinued one is left out).
LISTED = {
    "cuisine-saine",
    "gestion-hospitaliere",
    "sante-mentale",
    "securite-au-travail",
    "soins-hopital",
    "technicien-electricite",
}


class SecurityLog:
    """What a page did that its Content-Security-Policy refused, and any dialog or script error."""

    # Runs before the page's own scripts, through the DevTools protocol (so the policy allows it).
    LISTENER = (
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sample));"
    )

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.add_init_script(self.LISTENER)
        page.on("console", lambda message: self.console.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations || []")

    def policy_messages(self) -> list[str]:
        return [text for text in self.console if "Content Security Policy" in text]


class RequestLog:
    """Every request a page makes, so a test can assert none left the site's own host."""

    def __init__(self, base_url: str):
        self.host = urlparse(base_url).netloc
        self.urls: list[str] = []
        self.failed: list[str] = []  # responses of status 400 or more: wasted requests on a slow link

    def __call__(self, request):
        self.urls.append(request.url)

    def response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def foreign(self) -> list[str]:
        return [u for u in self.urls if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != self.host]


@contextlib.contextmanager
def logged_tab(browser, base_url: str):
    """A desktop tab in a context of its own, its requests logged in `tab.requests`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = RequestLog(base_url)
    tab.on("request", tab.requests)
    tab.on("response", tab.requests.response)
    try:
        yield tab
    finally:
        context.close()


# Nothing moving: every transition and animation of the page at its end (the theme's tabs fade
# out when the page scrolls; a contrast read halfway through the fade is a frame, not the page).
STILL = "() => document.getAnimations().every((animation) => animation.playState !== 'running')"
# Two frames drawn: what a scroll or a click just set in motion (the tabs hide on the scroll
# event's frame, their fade starts on the next) has begun.
TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def axe_violations(page, **options) -> list[dict]:
    """Run axe-core (from npm, served from disk) on the page, once it is still: WCAG 2.0/2.1 A
    and AA rules."""
    page.evaluate(TWO_FRAMES)
    page.wait_for_function(STILL)
    # Evaluated through the DevTools protocol: a <script> tag added to the page would be an
    # inline script, which the site's Content-Security-Policy rightly refuses to run.
    page.evaluate(f"() => {{ {AXE.read_text(encoding='utf-8')}\n}}")
    # Only the violations are gathered and sent back: axe's own advice for speed (`resultTypes`
    # keeps one node of each passing rule); the passes of a page are thousands of nodes.
    run_options = {
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"],
    }
    run_options.update(options)
    violations = page.evaluate("options => axe.run(document, options).then(r => r.violations)", run_options)
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations]


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# The catalogue page, once its script has loaded the search data.
def first_response_cut_short(page, pattern: str, body: str) -> list[str]:
    """Every request for files of `pattern` (the list, filled as they come), the first one answered
    with `body`, the start of a JSON file, as a slow link may end it; the others go through."""
    asked: list[str] = []

    def cut_first(route):
        asked.append(route.request.url)
        if len(asked) == 1:
            route.fulfill(status=200, content_type="application/json", body=body)
        else:
            route.continue_()

    page.route(pattern, cut_first)
    return asked


def wait_for_held(page, held: list, count: int) -> None:
    """Until `count` requests are in `held` (a route handler that keeps them back), at most 30 s."""
    for _ in range(600):
        if len(held) >= count:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{len(held)} requests held, not {count}")


def wait_ready(page) -> None:
    page.wait_for_selector("#mc-search[data-ready='true']")


def counts_shown(page) -> None:
    """The filters' counts come with the facet table, asked for once the first answer is shown."""
    page.wait_for_function("() => Array.from(document.querySelectorAll('[data-count]')).every(c => c.textContent)")


def result_ids(page) -> set[str]:
    hrefs = page.locator("[data-results] .mc-card__title a").evaluate_all("links => links.map(a => a.href)")
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


def status(page) -> str:
    return page.locator("#mc-status").inner_text()


def all_titles(page, root: str) -> list[str]:
    """Every result's title in a list (catalogue page or embed) once it is on screen, "Show more"
    pressed until none is left."""
    page.locator(f"{root}[data-ready='true']").wait_for()
    cards = page.locator(f"{root} [data-results] > li")
    more = page.locator(f"{root} [data-more]")
    while more.is_visible():
        shown = cards.count()
        more.click()
        cards.nth(shown).wait_for(state="attached")  # one more card (no string evaluated: the page's CSP forbids it)
    # Spaces compared as spaces: the build's cards carry French no-break spaces, the data files' do not.
    return [" ".join(title.split()) for title in cards.locator(".mc-card__title").all_text_contents()]


SETTLED_TOP = """async (node) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    let top = node.getBoundingClientRect().top;
    for (let still = 0, frames = 0; still < 3 && frames < 60; frames++) {
        await frame();
        const now = node.getBoundingClientRect().top;
        still = Math.abs(now - top) < 1 ? still + 1 : 0;
        top = now;
    }
    return top;
}"""


def settled_top(locator) -> float:
    """Where `locator` is from the top of the window once the cards around it are drawn (cards
    out of view are drawn a few frames after they come into it)."""
    return locator.evaluate(SETTLED_TOP)
