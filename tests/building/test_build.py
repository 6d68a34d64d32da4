"""Real `mkdocs build --strict` runs: the pages the data implies, in both languages, and no more."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from microcredential_catalogue.wording.typography import french_html
from support import (
    FIXTURES,
    PROJECT,
    built_pages,
    copy_project,
    mkdocs_build,
    shipped_credential_count,
    shipped_example,
)

RECORDS = FIXTURES / "records"
LANGUAGE_ROOTS = ("", "en/")  # French at the root, English under /en/
EDITORIAL_PAGES = {
    "index.html",
    "catalogue/index.html",
    "embed/index.html",  # the catalogue's list for an <iframe> on a network's site
    "learn/what-is/index.html",
    "learn/questions/index.html",
    "practitioners/index.html",
    "practitioners/referral-sheet/index.html",
    "about/index.html",
    "links/index.html",
    "contributing/index.html",
    "editors/index.html",
    "editors/fields/index.html",
    "404.html",
}


def implied_pages(data: Path) -> set[str]:
    """The pages a reader should find, worked out from the YAML files alone."""
    taxonomies = yaml.safe_load((data / "taxonomies.yml").read_text(encoding="utf-8"))
    providers = yaml.safe_load((data / "providers.yml").read_text(encoding="utf-8"))
    records = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data / "credentials").glob("*.yml")}
    pages = set(EDITORIAL_PAGES) | {"browse/index.html", "browse/free/index.html"}
    for record_id, record in records.items():
        pages.add(f"mc/{record_id}/index.html")
        pages.update(f"mc/{alias}/index.html" for alias in record.get("aliases", []))
    groups = {
        "sectors": list(taxonomies["sectors"]),
        "pathways": list(taxonomies["pathways"]),
        "delivery": [*taxonomies["delivery"], "not-specified"],
        "regions": [*taxonomies["regions"], "not-specified"],
        "campus": [*taxonomies["regions"], "not-specified"],  # the provider's region
        "cost": [band["key"] for band in taxonomies["cost_bands"]] + ["not-specified"],
        "hours": [band["key"] for band in taxonomies["hours_bands"]] + ["not-specified"],
        "providers": list(providers),
    }
    for facet, keys in groups.items():
        pages.add(f"browse/{facet}/index.html")
        pages.update(f"browse/{facet}/{key}/index.html" for key in keys)
    return {root + page for root in LANGUAGE_ROOTS for page in pages}


def test_shipped_data_builds_exactly_the_pages_it_implies(shipped_site):
    assert built_pages(shipped_site) == implied_pages(PROJECT / "data")


def test_every_shipped_record_has_a_french_and_an_english_page(shipped_site):
    for path in (PROJECT / "data" / "credentials").glob("*.yml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        french = (shipped_site / "mc" / path.stem / "index.html").read_text(encoding="utf-8")
        english = (shipped_site / "en" / "mc" / path.stem / "index.html").read_text(encoding="utf-8")
        assert '<html lang="fr"' in french and f"<h1>{french_html(escape(record['title']['fr']))}</h1>" in french
        assert '<html lang="en"' in english and f"<h1>{escape(record['title']['en'])}</h1>" in english


def escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace('"', "&#34;")
    )


@pytest.fixture(scope="module")
def site(records_build) -> Path:
    """The shipped data (knowledge pages link to its records) plus the fixture records."""
    return records_build.site


def test_fixture_records_render_every_field_in_each_language(site, records_build):
    assert built_pages(site) == implied_pages(records_build.project / "data")
    french = (site / "mc/full-record/index.html").read_text(encoding="utf-8")
    english = (site / "en/mc/full-record/index.html").read_text(encoding="utf-8")
    assert "1\u00a0000\u00a0$" in french and "$1,000" in english
    assert "45 heures d'apprentissage" in french.replace("&#39;", "'") and "45 learning hours" in english
    assert "11 janvier 2027" in french and "January 11, 2027" in english
    # The age of the facts is said plainly: a record without source_date says its source bears no
    # date, never "Information dated" the day of the editor's check.
    assert "Source non datée ; fiche comparée avec elle le 20 novembre 2026" in french.replace("\u202f", " ")
    assert "Its source bears no date; record compared with it on November 20, 2026" in english
    assert "Information dated" not in english and "Information datant" not in french
    assert "<strong>description</strong>" in french
    assert "Expire après 24 mois" in french and "Expires after 24 months" in english
    assert 'href="../free-starter/"' in french  # stacks_into another record
    assert 'href="https://example.org/fr/soins"' in french and 'href="https://example.org/en/care"' in english
    # The official page is the page's one main button.
    assert french.count('md-button--primary"') == 1  # in a class: the inline critical styles name it too
    assert 'md-button--primary" href="https://example.org/fr/soins" rel="external">Voir la page officielle' in french
    starter = (site / "en/mc/free-starter/index.html").read_text(encoding="utf-8")
    assert "Leads here from" in starter and 'href="../full-record/"' in starter
    assert (
        "Its source bears no date; record compared with it in May 2022" in starter
        and "You can start at any time" in starter
    )
    # Unknown facts are named together in one sentence, with the provider to ask.
    assert "Not known yet:</strong> number of hours, how it is taught" in starter and "ask the provider" in starter
    assert "Not specified" not in starter
    assert "No page of its own is known" in starter  # no url: the provider's site, said so


def test_discontinued_keeps_its_page_with_a_notice_but_leaves_lists(site):
    page = (site / "en/mc/closed-course/index.html").read_text(encoding="utf-8")
    assert "Discontinued credential" in page
    trades = (site / "en/browse/sectors/trades-transport-equipment/index.html").read_text(encoding="utf-8")
    assert "closed-course" not in trades
    # Old links keep working, but search engines are not asked to send new readers there.
    assert '<meta name="robots" content="noindex">' in page
    assert '<meta name="robots"' not in (site / "en/mc/full-record/index.html").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/mc/full-record/</loc>" in sitemap and "closed-course" not in sitemap


def test_an_alias_redirects_to_the_record_in_the_same_language(site):
    for root in LANGUAGE_ROOTS:
        page = (site / root / "mc/old-health-care/index.html").read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=../full-record/">' in page


def test_a_bad_record_stops_the_build_with_the_editor_message_and_no_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy(RECORDS / "invalid" / "several-mistakes.yml", project / "data" / "credentials")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "data/credentials/several-mistakes.yml:9: cost.amount: must be a number of dollars from 0 to 100000 (got 'gratuit')"
        in output
    )
    assert "data/credentials/several-mistakes.yml:10: hours: must be a whole number" in output
    assert "5 problems in the data: nothing was built." in output
    assert "Traceback" not in output
    assert not list((tmp_path / "site").rglob("*.html"))
    assert not (project / "docs" / "mc").exists()  # no page was written either


def test_data_is_loaded_and_validated_once_per_build(shipped_build):
    result = shipped_build.result
    assert result.returncode == 0
    assert result.stderr.count(f"catalogue: {shipped_credential_count()} credentials") == 1


def test_the_core_imports_no_mkdocs():
    code = (
        "import importlib, pkgutil, sys, microcredential_catalogue as core\n"
        "for m in pkgutil.iter_modules(core.__path__):\n"
        "    if m.name != '__main__': importlib.import_module(core.__name__ + '.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('mkdocs', 'material', 'mkdocs_static_i18n')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT / "hooks", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    start = html.index('<article class="mc-credential"')
    return " ".join(html[start : html.index("</article>", start)].split())


def test_prerendered_pages_are_what_markdown_would_have_made(shipped_build, tmp_path):
    """The hook skips Markdown for generated HTML; MkDocs alone on the same files gives the same page."""
    project = tmp_path / "project"  # the shipped build's project, with the pages it generated
    shutil.copytree(shipped_build.project, project, symlinks=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("hooks:\n  - hooks/mkdocs_catalogue.py\n", ""), encoding="utf-8")
    (project / "hooks" / "mkdocs_catalogue.py").unlink()  # a build without the hook must not run it
    assert mkdocs_build(project, tmp_path / "markdown", site_url=shipped_build.url).returncode == 0
    first = shipped_example("is listed", lambda c: True)
    other = shipped_example("is listed and is not the first", lambda c: f"mc/{c.id}/" != first)
    for page in (first + "index.html", "en/" + other + "index.html"):
        assert article(shipped_build.site / page) == article(tmp_path / "markdown" / page)
