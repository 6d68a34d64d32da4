"""Every credential page says where to suggest a correction: the record's file in the repository
(data/site.yml: repository) and the contact address."""

from __future__ import annotations

import html

import yaml
from microcredential_catalogue.wording.site_settings import site_settings
from support import PROJECT

SITE = yaml.safe_load((PROJECT / "data" / "site.yml").read_text(encoding="utf-8"))


def test_the_file_address_follows_site_yml():
    settings = site_settings({**SITE, "repository": {"url": "https://github.com/net/cat/", "branch": "live"}})
    assert settings.file_url("data/credentials/x.yml") == "https://github.com/net/cat/blob/live/data/credentials/x.yml"
    assert (
        site_settings({**SITE, "repository": {"url": "https://github.com/net/cat"}})
        .file_url("a.yml")
        .endswith("/blob/main/a.yml")
    )
    assert site_settings({key: value for key, value in SITE.items() if key != "repository"}).file_url("a.yml") is None


def test_every_credential_page_links_its_file_and_the_contact_in_both_languages(shipped_site):
    settings = site_settings(SITE)
    pages = sorted((shipped_site / "mc").glob("*/index.html"))
    assert pages
    for page in pages:
        credential_id = page.parent.name
        file_url = settings.file_url(f"data/credentials/{credential_id}.yml")
        for lang, built in (("fr", page), ("en", shipped_site / "en" / "mc" / credential_id / "index.html")):
            text = html.unescape(built.read_text(encoding="utf-8"))
            assert f'<a href="{file_url}" rel="external">' in text, (lang, credential_id)
            assert f'href="mailto:{settings.contact_email}?subject={credential_id}"' in text, (lang, credential_id)
    english = html.unescape((shipped_site / "en" / "mc" / pages[0].parent.name / "index.html").read_text())
    assert "Something wrong or out of date?</strong> <a" in english and "Suggest a correction" in english
    french = html.unescape(pages[0].read_text(encoding="utf-8"))
    assert "Proposez une correction dans le fichier de cette fiche" in french
