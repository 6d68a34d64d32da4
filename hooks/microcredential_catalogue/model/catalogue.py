"""The catalogue's records as typed, frozen objects: what the rest of the code works with."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from ..reading.line_map import LineMap

LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Bilingual:
    fr: str
    en: str

    def __getitem__(self, lang: str) -> str:
        if lang == "fr":
            return self.fr
        if lang == "en":
            return self.en
        raise KeyError(f"no text in language {lang!r}: a bilingual text has 'fr' and 'en'")

    @classmethod
    def of(cls, raw: dict | None) -> Bilingual | None:
        return cls(fr=raw["fr"], en=raw["en"]) if raw else None


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day, shown as written ("verified in 2022")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, written: str | int) -> PartialDate:
        parts = [int(p) for p in str(written).split("-")]
        partial = cls(*parts)
        partial.earliest()  # raises ValueError for an impossible date such as 2022-02-30
        return partial

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        return "-".join([f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p is not None])


@dataclass(frozen=True)
class Term:
    """One value of a controlled vocabulary."""

    key: str
    label: Bilingual  # the official name (a sector's NOC title)
    description: Bilingual | None = None
    code: str | None = None
    short: Bilingual | None = None  # an everyday name, for cards and filters
    year: int | None = None  # the year of the list a funding eligibility comes from

    @property
    def everyday(self) -> Bilingual:
        return self.short or self.label


@dataclass(frozen=True)
class Band:
    """A range of a number (cost, hours) with a label; min and max are both included."""

    key: str
    label: Bilingual
    min: float
    max: float | None = None

    def holds(self, value: float) -> bool:
        return value >= self.min and (self.max is None or value <= self.max)


@dataclass(frozen=True)
class Provider:
    id: str
    name: Bilingual
    type: str
    url: str
    region: str | None = None


@dataclass(frozen=True)
class Award:
    type: str
    expires_after_months: int | None = None
    standard: Bilingual | None = None


@dataclass(frozen=True)
class StackTarget:
    """A larger credential this one counts towards: another record, or a program outside."""

    credential: str | None = None
    title: Bilingual | None = None
    url: str | None = None


@dataclass(frozen=True)
class OfficialTitle:
    """The program's name as the provider writes it, in the one language the provider uses."""

    language: str
    text: str


@dataclass(frozen=True)
class Credential:
    id: str
    source_file: str
    title: Bilingual
    provider: str
    summary: Bilingual
    sectors: tuple[str, ...]
    pathways: tuple[str, ...]
    source_url: str | None
    source_text: Bilingual | None
    verified: PartialDate  # when an editor last compared the record with its source (or typed it from notes)
    added: PartialDate
    source_date: PartialDate | None = None  # the date the source bears for its information
    url: Bilingual | None = None
    delivery: str | None = None
    languages: tuple[str, ...] = ()
    status: str = "active"
    aliases: tuple[str, ...] = ()
    description: Bilingual | None = None
    cost_amount: float | None = None
    cost_note: Bilingual | None = None
    funding: tuple[str, ...] = ()
    hours: int | None = None
    regions: tuple[str, ...] = ()
    intake_continuous: bool = False
    intake_dates: tuple[date, ...] = ()
    prerequisites: Bilingual | None = None
    assessment: Bilingual | None = None
    outcomes: tuple[Bilingual, ...] = ()
    award: Award | None = None
    stacks_into: tuple[StackTarget, ...] = ()
    audiences: tuple[str, ...] = ()
    keywords: tuple[Bilingual, ...] = ()
    official_title: OfficialTitle | None = None
    checked_against: str = "notes"  # "source": compared with the source itself; "notes": typed from research notes
    # Where each field is written in source_file, kept from validation: not part of the facts.
    lines: LineMap = field(default_factory=LineMap, compare=False, repr=False)
    # The record's fields as its file holds them (a copy, read once): the spreadsheet export
    # writes them back column by column, without reading the file again.
    as_written: dict = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, *path: str | int) -> int:
        """The line of a field in the record's file: line_of("verified"), line_of("aliases", 0)."""
        return self.lines.line_of(path)

    def official_title_for(self, lang: str) -> OfficialTitle | None:
        """The provider's own name, shown where the page's title differs from it (a translation)."""
        official = self.official_title
        if official is None or (official.language == lang and official.text == self.title[lang]):
            return None
        return official

    @property
    def is_listed(self) -> bool:
        """Discontinued credentials keep their pages but leave listings and search."""
        return self.status != "discontinued"

    @property
    def information_date(self) -> PartialDate:
        """How old the facts are: the source's own date, or failing that the day they were checked."""
        return self.source_date or self.verified

    @property
    def is_free(self) -> bool:
        return self.cost_amount == 0


@dataclass(frozen=True)
class Taxonomies:
    """data/taxonomies.yml, read under the names the facet registry (facets.py) declares."""

    vocabularies: dict[str, dict[str, Term]]
    bands: dict[str, tuple[Band, ...]]  # a band facet's list: "cost_bands" -> its bands
    unknown: dict[str, Bilingual]  # a facet's "not specified" wording: "cost_unknown" -> label
    stale_after_months: int

    def terms(self, vocabulary: str) -> dict[str, Term]:
        return self.vocabularies[vocabulary]

    def label(self, vocabulary: str, key: str, lang: str) -> str:
        return self.vocabularies[vocabulary][key].label[lang]

    def short_label(self, vocabulary: str, key: str, lang: str) -> str:
        return self.vocabularies[vocabulary][key].everyday[lang]


@dataclass(frozen=True)
class Catalogue:
    """Everything the site is built from, valid and cross-checked."""

    credentials: tuple[Credential, ...]
    providers: dict[str, Provider]
    taxonomies: Taxonomies
    leads_here: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> ids that stack into it
    site: object | None = None  # SiteSettings from data/site.yml (who runs the site), when present
    facets: object | None = None  # the facet registry (facets.Facets); None: the shipped one
    project_root: Path | None = None  # the project whose data/ it was read from

    def credential(self, credential_id: str) -> Credential:
        return self._by_id[credential_id]

    def provider_line(self, credential: Credential, lang: str) -> str:
        """The provider as a card names it, with its campus region when known: "Collège Boréal · Nord de l'Ontario"."""
        provider = self.providers[credential.provider]
        if not provider.region:
            return provider.name[lang]
        return f"{provider.name[lang]} · {self.taxonomies.label('regions', provider.region, lang)}"

    @cached_property
    def _by_id(self) -> dict[str, Credential]:
        return {c.id: c for c in self.credentials}

    @cached_property
    def listed(self) -> tuple[Credential, ...]:
        return tuple(c for c in self.credentials if c.is_listed)
