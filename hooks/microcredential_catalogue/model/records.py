"""Build model objects from raw data that has already passed the schema and the checks."""

from __future__ import annotations

import copy
from collections import defaultdict
from datetime import date

from ..reading.line_map import LineMap
from .catalogue import (
    Award,
    Band,
    Bilingual,
    Credential,
    OfficialTitle,
    PartialDate,
    Provider,
    StackTarget,
    Taxonomies,
    Term,
)
from .facets import FACETS, Facets

AWARD_TYPES = "award_types"  # the keys of a record's award.type: a vocabulary, not a facet
PROVIDER_TYPES = "provider_types"  # the keys of data/providers.yml's types


def credential_vocabularies(facets: Facets = FACETS) -> tuple[str, ...]:
    """The vocabularies whose keys a credential record uses: the facets' (facets.py), and award types."""
    return (*facets.vocabularies, AWARD_TYPES)


def vocabularies(facets: Facets = FACETS) -> tuple[str, ...]:
    """Every vocabulary of data/taxonomies.yml: a record's, then the providers'."""
    return (*credential_vocabularies(facets), PROVIDER_TYPES)


UNDATED = "undated"  # source_date of a source that bears no date: the site says so plainly


def partial_date(written: str | int) -> PartialDate:
    return PartialDate.parse(written)


def taxonomies(raw: dict, facets: Facets = FACETS) -> Taxonomies:
    """The vocabularies, bands and "not specified" wordings the facets (and records) draw from."""
    return Taxonomies(
        vocabularies={name: _vocabulary(raw[name]) for name in vocabularies(facets)},
        bands={name: tuple(_band(b) for b in raw[name]) for name in facets.band_lists},
        unknown={name: Bilingual.of(raw[name]["label"]) for name in facets.unknown_wordings},
        stale_after_months=raw["settings"]["stale_after_months"],
    )


def _vocabulary(raw: dict) -> dict[str, Term]:
    return {
        key: Term(
            key=key,
            label=Bilingual.of(entry["label"]),
            description=Bilingual.of(entry.get("description")),
            code=entry.get("code"),
            short=Bilingual.of(entry.get("short")),
            year=entry.get("year"),
        )
        for key, entry in raw.items()
    }


def _band(raw: dict) -> Band:
    return Band(key=raw["key"], label=Bilingual.of(raw["label"]), min=raw["min"], max=raw.get("max"))


def provider(provider_id: str, raw: dict) -> Provider:
    return Provider(
        id=provider_id,
        name=Bilingual.of(raw["name"]),
        type=raw["type"],
        url=raw["url"],
        region=raw.get("region"),
    )


def credential(credential_id: str, source_file: str, raw: dict, lines: LineMap | None = None) -> Credential:
    source = raw["source"]
    cost = raw.get("cost", {})
    intake = raw.get("intake", [])
    return Credential(
        id=credential_id,
        source_file=source_file,
        title=Bilingual.of(raw["title"]),
        provider=raw["provider"],
        summary=Bilingual.of(raw["summary"]),
        sectors=tuple(raw["sectors"]),
        pathways=tuple(raw["pathways"]),
        source_url=source if isinstance(source, str) else None,
        source_text=Bilingual.of(source) if isinstance(source, dict) else None,
        **_dates(raw),
        url=_url(raw.get("url")),
        delivery=raw.get("delivery"),
        languages=tuple(raw.get("languages", ())),
        status=raw.get("status", "active"),
        aliases=tuple(raw.get("aliases", ())),
        description=Bilingual.of(raw.get("description")),
        cost_amount=cost.get("amount"),
        cost_note=Bilingual.of(cost.get("note")),
        funding=tuple(raw.get("funding", ())),
        hours=int(raw["hours"]) if raw.get("hours") is not None else None,  # 40.0 is 40 hours
        regions=tuple(raw.get("regions", ())),
        intake_continuous=intake == "continuous",
        intake_dates=tuple(sorted(date.fromisoformat(d) for d in intake)) if isinstance(intake, list) else (),
        prerequisites=Bilingual.of(raw.get("prerequisites")),
        assessment=Bilingual.of(raw.get("assessment")),
        outcomes=tuple(Bilingual.of(o) for o in raw.get("outcomes", ())),
        award=_award(raw.get("award")),
        stacks_into=tuple(_stack_target(t) for t in raw.get("stacks_into", ())),
        audiences=tuple(raw.get("audiences", ())),
        keywords=tuple(Bilingual.of(k) for k in raw.get("keywords", ())),
        official_title=OfficialTitle(**raw["official_title"]) if "official_title" in raw else None,
        checked_against=raw.get("checked_against", "notes"),
        lines=lines or LineMap(),
        as_written=copy.deepcopy(raw),
    )


def _dates(raw: dict) -> dict[str, PartialDate | None]:
    """When the record was checked, added (by default: when first checked), and its source's date."""
    verified = partial_date(raw["verified"])
    return {
        "verified": verified,
        "added": partial_date(raw["added"]) if "added" in raw else verified,
        "source_date": partial_date(raw["source_date"]) if raw.get("source_date", UNDATED) != UNDATED else None,
    }


def _url(raw: str | dict | None) -> Bilingual | None:
    if raw is None:
        return None
    return Bilingual(fr=raw, en=raw) if isinstance(raw, str) else Bilingual.of(raw)


def _award(raw: dict | None) -> Award | None:
    if raw is None:
        return None
    return Award(
        type=raw["type"],
        expires_after_months=raw.get("expires_after_months"),
        standard=Bilingual.of(raw.get("standard")),
    )


def _stack_target(raw: dict) -> StackTarget:
    if "credential" in raw:
        return StackTarget(credential=raw["credential"])
    return StackTarget(title=Bilingual.of(raw["title"]), url=raw["url"])


def reverse_stacks(credentials: list[Credential]) -> dict[str, tuple[str, ...]]:
    """For each credential, the ids of the records that stack into it ("leads here from")."""
    leads_here: dict[str, list[str]] = defaultdict(list)
    for source in credentials:
        for target in source.stacks_into:
            if target.credential:
                leads_here[target.credential].append(source.id)
    return {target: tuple(sorted(ids)) for target, ids in leads_here.items()}
