"""addresses.py is the one place that builds a URL or a page path: templates ask it."""

import re

import pytest
from microcredential_catalogue import addresses

from tests.support import PROJECT

# The catalogue's templates, and the theme's overrides (404 page, header, footer), which ask the
# same module through the hook (hooks/mkdocs_catalogue.py, on_env).
OVERRIDES = PROJECT / "overrides"
TEMPLATES = sorted(
    [*(OVERRIDES / "catalogue").rglob("*.html"), *OVERRIDES.glob("*.html"), *(OVERRIDES / "partials").glob("*.html")]
)
# A path put together in a template: a link() with a concatenation, a literal browse/ folder,
# the English prefix written out ('en/', 'en/about/'), a folder joined to something with ~
# ('about/' ~ x, x ~ '/about/', (site_url or "/") ~ x), written after a value ({{ home }}browse/),
# a file's folder written out ('assets/javascripts/x.js': script('x.js') asks addresses.py), or
# a page named by its path (link('catalogue'): link(addresses.CATALOGUE)).
BUILT_PATH = re.compile(
    r"link\([^)]*~|link\( *['\"]|['\"](browse|en|assets)/|~ *\(* *['\"][\w./-]*/|['\"][\w./-]*/['\"] *\)* *~|\}\} *[\w.-]+/"
)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_no_template_builds_a_path_itself(template):
    for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
        assert not BUILT_PATH.search(line), f"{template.name}:{number}: ask addresses.py: {line.strip()}"


@pytest.mark.parametrize(
    "line",
    [
        """{% set home = (config.site_url or "/") ~ ("en/" if config.theme.language == "en" else "") %}""",
        """<a href="{{ (config.site_url or '/') ~ 'en/' }}">English version</a>""",
        """<a href="{{ home }}browse/">browse the catalogue</a>""",
        """{% set href = (config.site_url or "/") ~ ("" if alt.lang == "fr" else alt.lang ~ "/") %}""",
        """{% set about = ("" if lang == "fr" else lang ~ "/") ~ "about/" %}""",
        """<a href="{{ 'en/about/' | url }}">About</a>""",
        """<link rel="modulepreload" href="{{ asset('assets/javascripts/' ~ module) }}">""",
        """<script type="module" src="{{ asset('assets/javascripts/embed.js') }}"></script>""",
        """<a href="{{ link('catalogue') }}" target="_blank" rel="noopener">""",
        """<a href="{{ link('browse/' ~ facet ~ '/' ~ group.key) }}">""",
    ],
)
def test_the_scan_sees_a_path_built_in_a_template(line):
    assert BUILT_PATH.search(line)


@pytest.mark.parametrize(
    "line",
    [
        """<a href="{{ absolute_address(addresses.HOME, "en") }}">English version</a>""",
        """<a href="{{ addresses.url(addresses.ABOUT, lang) | url }}">About</a>""",
        """<h1>{{ t("facet_" ~ facet) }}</h1>""",
        """<a href="{{ link(addresses.group_page(facet, group.key)) }}">""",
        """<script type="module" src="{{ script('embed.js') }}"></script>""",
    ],
)
def test_the_scan_lets_a_template_ask_addresses(line):
    assert not BUILT_PATH.search(line)


@pytest.mark.parametrize(
    ("page", "lang", "url"),
    [
        (addresses.HOME, "fr", ""),
        (addresses.HOME, "en", "en/"),
        (addresses.group_page("sectors", "health"), "fr", "browse/sectors/health/"),
        (addresses.facet_page("regions"), "en", "en/browse/regions/"),
        (addresses.FREE, "en", "en/browse/free/"),
        (addresses.ABOUT, "fr", "about/"),
    ],
)
def test_every_page_has_one_permanent_url_that_leads_back_to_it(page, lang, url):
    assert addresses.url(page, lang) == url
    assert addresses.page_of_url(url) == (page, lang)
    assert addresses.absolute(page, lang, "https://example.org/") == "https://example.org/" + url
