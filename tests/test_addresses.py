"""addresses.py is the one place that builds a URL or a page path: templates ask it."""

import re

import pytest
from microcredential_catalogue import addresses

from tests.support import PROJECT

# The catalogue's templates (the theme overrides must also render in a build without the hook,
# as test_build checks, so they cannot rely on a global the hook sets).
TEMPLATES = sorted((PROJECT / "overrides" / "catalogue").rglob("*.html"))
# A path put together in a template: a link() with a concatenation, a literal browse/ folder,
# or the English prefix written out.
BUILT_PATH = re.compile(r"link\([^)]*~|['\"]browse/|['\"]en/['\"]|~ *['\"]/")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_no_template_builds_a_path_itself(template):
    for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
        assert not BUILT_PATH.search(line), f"{template.name}:{number}: ask addresses.py: {line.strip()}"


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
