"""The facet registry: one declaration per way of sorting credentials (sector, cost, region…).

Validation (the vocabulary check), grouping (groups.py), the catalogue page's filters and the
search records (search/index.py) all read a facet from here: its record field, its URL
parameter, where its values and its "not specified" wording come from, whether it has group
pages. Adding a facet is one entry below plus its labels in data/taxonomies.yml (and its
`facet_<name>` titles in overrides/locales/catalogue.yml).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .catalogue import LANGUAGES, Band, Bilingual, Catalogue, Credential

NOT_SPECIFIED = "not-specified"


@lru_cache(maxsize=65536)  # each title is sorted into every list it is in: folded once
def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents and case, as a reader expects."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Value:
    """One value of a facet, as a group page and a filter option show it."""

    key: str
    label: Bilingual  # the everyday name, as on cards and in the filters
    description: Bilingual | None = None
    official: Bilingual | None = None  # the official title (a sector's NOC title) when it differs
    code: str | None = None


@dataclass(frozen=True)
class Facet:
    """A facet whose values are the keys of a vocabulary of data/taxonomies.yml."""

    name: str  # browse/<name>/, the `facet_<name>` words, the vocabulary of data/taxonomies.yml
    field: str  # the Credential attribute (a key, a list of keys, a number, or None)
    param: str | None = None  # the catalogue page's URL parameter: permanent, newsletters link to it
    group_pages: bool = True  # a page per value under browse/<name>/
    # Where "not specified" is worded, for a field a record may leave out: ("taxonomies", entry of
    # data/taxonomies.yml) or ("strings", key of overrides/locales/catalogue.yml). None: always known.
    unknown: tuple[str, str] | None = None
    noun: str | None = None  # how an editor calls one value, in validation messages
    filter_rank: int = 0  # the filter's place on the catalogue page
    note: str | None = None  # a template included under the facet's heading
    feeds: bool = False  # its group pages have a feed a network can follow

    @property
    def vocabulary(self) -> str | None:
        return self.name

    @property
    def ordered(self) -> bool:
        """Whether its values have a natural order a reader expects them in (numeric bands)."""
        return False

    def keys_of(self, credential: Credential, catalogue: Catalogue) -> tuple[str, ...]:
        """The values of this facet a credential has (NOT_SPECIFIED when it leaves it out)."""
        value = getattr(credential, self.field)
        if isinstance(value, str):
            return (value,)
        return tuple(value) if value else (NOT_SPECIFIED,)

    def values(self, catalogue: Catalogue, strings: dict) -> list[Value]:
        """Every value, in the order of data/taxonomies.yml."""
        return [
            Value(t.key, t.everyday, t.description, t.label if t.short else None, t.code)
            for t in catalogue.taxonomies.terms(self.name).values()
        ]

    def keys(self, catalogue: Catalogue) -> list[str]:
        """Every value's key, with NOT_SPECIFIED when the field may be left out."""
        keys = [value.key for value in self.values(catalogue, {})]
        return keys + [NOT_SPECIFIED] if self.unknown else keys

    def unknown_label(self, catalogue: Catalogue, strings: dict) -> Bilingual | None:
        if self.unknown is None:
            return None
        where, key = self.unknown
        if where == "taxonomies":
            return catalogue.taxonomies.unknown[key]
        return Bilingual(**strings[key])


@dataclass(frozen=True)
class BandFacet(Facet):
    """A facet whose values are numeric bands (cost in dollars, hours) of data/taxonomies.yml.

    Every value a record may hold, from `lowest` to `highest` in steps of `step` (the record
    schema's minimum, maximum and precision), falls in exactly one band: checks/ranges.py.
    """

    bands: str = ""  # the list of bands in data/taxonomies.yml
    lowest: str = "0"
    highest: str = "0"
    step: str = "1"

    @property
    def vocabulary(self) -> None:
        return None

    @property
    def ordered(self) -> bool:
        return True

    def keys_of(self, credential: Credential, catalogue: Catalogue) -> tuple[str, ...]:
        return (band_key(catalogue.taxonomies.bands[self.bands], getattr(credential, self.field)),)

    def values(self, catalogue: Catalogue, strings: dict) -> list[Value]:
        return [Value(b.key, b.label) for b in catalogue.taxonomies.bands[self.bands]]


@dataclass(frozen=True)
class ProviderFacet(Facet):
    """The providers of data/providers.yml, in alphabetical order of their English name."""

    @property
    def vocabulary(self) -> None:
        return None

    def values(self, catalogue: Catalogue, strings: dict) -> list[Value]:
        providers = sorted(catalogue.providers.values(), key=lambda p: sort_key(p.name.en))
        return [Value(p.id, p.name) for p in providers]


@dataclass(frozen=True)
class CampusRegionFacet(Facet):
    """The region of the provider's campus (data/providers.yml): "from a provider near me", which
    an online credential has too, unlike the regions where in-person parts take place."""

    @property
    def vocabulary(self) -> None:
        return None

    def keys_of(self, credential: Credential, catalogue: Catalogue) -> tuple[str, ...]:
        region = catalogue.providers[credential.provider].region
        return (region,) if region else (NOT_SPECIFIED,)

    def values(self, catalogue: Catalogue, strings: dict) -> list[Value]:
        return [Value(t.key, t.everyday) for t in catalogue.taxonomies.terms("regions").values()]


@dataclass(frozen=True)
class InPersonRegionFacet(Facet):
    """The regions where in-person parts take place. A credential given fully online has none: it
    belongs to no group, rather than to "region of in-person parts unknown", which would say it
    has in-person parts somewhere (its own page does not list that region as unknown either)."""

    def keys_of(self, credential: Credential, catalogue: Catalogue) -> tuple[str, ...]:
        if not credential.regions and credential.delivery == "online":
            return ()
        return super().keys_of(credential, catalogue)


@dataclass(frozen=True)
class LanguageFacet(Facet):
    """Languages of instruction: the two the record format allows, worded in the site's words."""

    @property
    def vocabulary(self) -> None:
        return None

    def values(self, catalogue: Catalogue, strings: dict) -> list[Value]:
        return [Value(code, Bilingual(**strings[f"language_{code}"])) for code in LANGUAGES]

    def keys(self, catalogue: Catalogue) -> list[str]:
        return [*LANGUAGES, NOT_SPECIFIED]


def band_key(bands: tuple[Band, ...], value: float | None) -> str:
    if value is None:
        return NOT_SPECIFIED
    return next((band.key for band in bands if band.holds(value)), NOT_SPECIFIED)


# In the order a reader meets the group pages. Required fields (sectors, pathways) are always
# known; funding is a yes-or-no question ("eligible for OSAP"), not a fact left out.
REGISTRY: tuple[Facet, ...] = (
    Facet("sectors", "sectors", "sector", noun="a sector", filter_rank=1, feeds=True),
    Facet("pathways", "pathways", "pathway", noun="a pathway", filter_rank=2, note="_pathways_note.html", feeds=True),
    BandFacet(
        "cost",
        "cost_amount",
        "cost",
        unknown=("taxonomies", "cost_unknown"),
        filter_rank=3,
        bands="cost_bands",
        lowest="0",
        highest="100000",  # dollars: credential.schema.json's cost.amount
        step="0.01",
    ),
    Facet(
        "delivery",
        "delivery",
        "delivery",
        unknown=("strings", "delivery_not_specified"),
        noun="a delivery mode",
        filter_rank=4,
    ),
    BandFacet(
        "hours",
        "hours",
        "hours",
        unknown=("taxonomies", "hours_unknown"),
        filter_rank=6,
        bands="hours_bands",
        lowest="1",
        highest="2000",  # credential.schema.json's hours
        step="1",
    ),
    CampusRegionFacet(
        "campus",
        "provider",
        "campus",
        unknown=("strings", "campus_not_specified"),
        filter_rank=5,
        note="_regions_note.html",
        feeds=True,
    ),
    InPersonRegionFacet(
        "regions",
        "regions",
        "region",
        unknown=("strings", "regions_not_specified"),
        noun="a region",
        filter_rank=5,
        note="_regions_note.html",
        feeds=True,
    ),
    ProviderFacet("providers", "provider", "provider", filter_rank=9),  # last: a long list, most readers skip it
    Facet("funding", "funding", "funding", group_pages=False, noun="a funding source", filter_rank=7),
    LanguageFacet(
        "languages",
        "languages",
        "language",
        group_pages=False,
        unknown=("strings", "languages_not_specified"),
        filter_rank=8,
    ),
    Facet("audiences", "audiences", group_pages=False, noun="an audience"),
)


class Facets:
    """A registry's views: the facets with group pages, the filters, the checked vocabularies."""

    def __init__(self, registry: tuple[Facet, ...] = REGISTRY):
        self.all = registry
        self.by_name = {facet.name: facet for facet in registry}

    def __getitem__(self, name: str) -> Facet:
        return self.by_name[name]

    @property
    def with_pages(self) -> tuple[Facet, ...]:
        return tuple(f for f in self.all if f.group_pages)

    @property
    def filters(self) -> tuple[Facet, ...]:
        return tuple(sorted((f for f in self.all if f.param), key=lambda f: f.filter_rank))

    @property
    def vocabularies(self) -> tuple[str, ...]:
        """The vocabularies of data/taxonomies.yml that facets draw from."""
        return tuple(f.vocabulary for f in self.all if f.vocabulary)

    @property
    def band_lists(self) -> tuple[str, ...]:
        """The lists of numeric bands of data/taxonomies.yml that facets draw from."""
        return tuple(f.bands for f in self.band_facets)

    @property
    def band_facets(self) -> tuple[BandFacet, ...]:
        return tuple(f for f in self.all if isinstance(f, BandFacet))

    @property
    def unknown_wordings(self) -> tuple[str, ...]:
        """The "not specified" wordings facets read from data/taxonomies.yml."""
        return tuple(f.unknown[1] for f in self.all if f.unknown and f.unknown[0] == "taxonomies")

    @property
    def checked_fields(self) -> tuple[Facet, ...]:
        """The record fields whose values must be keys of a vocabulary."""
        return tuple(f for f in self.all if f.vocabulary and f.noun)


FACETS = Facets()


def registry_of(catalogue: Catalogue) -> Facets:
    """The facets a catalogue was loaded with."""
    return catalogue.facets or FACETS
