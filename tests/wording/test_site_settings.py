"""data/site.yml: who runs the site, checked like every data file, shown in the page's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.reading.problems import DataInvalid
from support import PROJECT

GOOD = """\
organisation:
  name: {fr: "Réseau d'essai", en: "Test network"}
  url: https://network.example.org
contact:
  email: hello@network.example.org
privacy: {fr: "Rien n'est recueilli.", en: "Nothing is collected."}
"""


def project_with_site(root: Path, site_text: str | None) -> Path:
    data = root / "data"
    shutil.copytree(PROJECT / "data", data)
    if site_text is None:
        (data / "site.yml").unlink()
    else:
        (data / "site.yml").write_text(site_text, encoding="utf-8")
    return root


def test_the_settings_become_the_site_owner(tmp_path):
    catalogue = load_catalogue(project_with_site(tmp_path, GOOD))
    assert catalogue.site.organisation.en == "Test network"
    assert catalogue.site.contact_email == "hello@network.example.org"
    assert catalogue.site.privacy.fr == "Rien n'est recueilli."


def test_a_project_without_settings_still_builds_its_catalogue(tmp_path):
    assert load_catalogue(project_with_site(tmp_path, None)).site is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD.replace("hello@network.example.org", "not an address"),
            "data/site.yml:5: contact.email: must be an e-mail address, such as catalogue@example.org "
            "(got 'not an address')",
        ),
        (
            GOOD.replace('"Test network"', '"<b>Test</b>"'),
            "data/site.yml:2: organisation.name.en: must be plain text without HTML tags (got '<b>Test</b>')",
        ),
        (
            GOOD.replace("  email: hello@network.example.org\n", "  {}\n").replace("contact:\n  {}", "contact: {}"),
            "data/site.yml:4: contact: must be a group with email: … or url: https://… (or both) (got {})",
        ),
    ],
)
def test_a_mistake_in_the_settings_is_one_clear_line(tmp_path, text, expected):
    with pytest.raises(DataInvalid) as caught:
        load_catalogue(project_with_site(tmp_path, text))
    assert [str(p) for p in caught.value.problems] == [expected]


def test_every_page_has_the_owner_and_privacy_note_in_its_own_language(shipped_site):
    french = (shipped_site / "browse/index.html").read_text(encoding="utf-8")
    english = (shipped_site / "en/browse/index.html").read_text(encoding="utf-8")
    assert "Responsable du catalogue" in french and "Confidentialité" in french and "Catalogue run by" not in french
    assert "Catalogue run by" in english and "Privacy" in english
    for page in (french, english):
        assert "Made with" not in page and "mailto:catalogue@example.org" in page
    about = (shipped_site / "en/about/index.html").read_text(encoding="utf-8")
    assert "Who runs this site" in about and "sets no cookies" in about
