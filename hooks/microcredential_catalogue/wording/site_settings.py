"""Who runs the site (data/site.yml): the organisation, its contact and its privacy note.

A network adopting the project edits this one file; every page's footer and the About page
read it. The file is optional so that test data sets need not carry one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.catalogue import LANGUAGES, Bilingual, PartialDate
from .formatting import partial_date


@dataclass(frozen=True)
class SiteSettings:
    organisation: Bilingual
    organisation_url: str | None = None
    contact_email: str | None = None
    contact_url: str | None = None
    privacy: Bilingual | None = None
    repository: str | None = None  # where data/ lives, such as https://github.com/owner/catalogue
    repository_branch: str = "main"

    def file_url(self, path: str) -> str | None:
        """The address of a project file in the repository, for "Suggest a correction"; None without one."""
        if not self.repository:
            return None
        return f"{self.repository.rstrip('/')}/blob/{self.repository_branch}/{path}"

    name: Bilingual | None = None  # the site's own name; None: the locale file's site_name

    def for_templates(self, catalogue=None) -> dict:
        """Plain values for the theme's templates (MkDocs keeps them in config.extra), with the
        day records were last checked, as the About page says how fresh the catalogue is."""
        checked = (
            max((c.verified for c in catalogue.credentials), key=PartialDate.earliest, default=None)
            if catalogue
            else None
        )
        return {
            "last_checked": {lang: partial_date(checked, lang) for lang in LANGUAGES} if checked else None,
            "organisation": {"fr": self.organisation.fr, "en": self.organisation.en},
            "organisation_url": self.organisation_url,
            "contact_email": self.contact_email,
            "contact_url": self.contact_url,
            "privacy": {"fr": self.privacy.fr, "en": self.privacy.en} if self.privacy else None,
        }


def site_settings(raw: dict) -> SiteSettings:
    """From a file that passed data/schema/site.schema.json."""
    organisation = raw["organisation"]
    contact = raw["contact"]
    return SiteSettings(
        organisation=Bilingual.of(organisation["name"]),
        organisation_url=organisation.get("url"),
        contact_email=contact.get("email"),
        contact_url=contact.get("url"),
        privacy=Bilingual.of(raw.get("privacy")),
        repository=raw.get("repository", {}).get("url"),
        repository_branch=raw.get("repository", {}).get("branch", "main"),
        name=Bilingual.of(raw.get("name")),
    )


def with_site_name(strings: dict, settings: SiteSettings | None) -> dict:
    """The site's words with its name from data/site.yml, where the file names it: the one
    place a network adopting the project changes it."""
    if settings is None or settings.name is None:
        return strings
    return {**strings, "site_name": {lang: settings.name[lang] for lang in LANGUAGES}}
