"""Numbers and dates within the ranges a page, a calendar and a band can hold.

The schemas bound each number; what they cannot say is checked here, before anything is built:
money with at most two decimals (a page shows cents, never a rounded amount), start dates in a
window a calendar can hold, and bands (cost, hours) that never overlap and leave no value out,
so a record is never listed under "not specified" for a cost it states.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from ..model.facets import BandFacet
from ..reading.problems import Said

FIRST_INTAKE_YEAR = 2000  # micro-credentials are recent: an earlier start date is a typing slip
INTAKE_YEARS_AHEAD = 10  # providers announce start dates a few terms ahead; a test fixture lasts a decade
FIRST_YEAR = 1990  # the earliest year a record's verified, added or source_date may name


def written(number: float | int) -> Decimal | None:
    """The number as an editor wrote it (the reader keeps at most 15 digits: repr round-trips)."""
    try:
        return Decimal(repr(number)) if isinstance(number, (int, float)) and not isinstance(number, bool) else None
    except InvalidOperation:
        return None


def shown_number(number: Decimal) -> str:
    """12.50 as 12.5, 100.00 as 100: a number as short as it is exact."""
    text = format(number.normalize(), "f")
    return text


def cents_problem(amount) -> Said | None:
    """An amount of money with more than two decimals: a page would show it rounded."""
    value = written(amount)
    if value is None or value == value.quantize(Decimal("0.01")):
        return None
    return Said(
        en=f"must have at most two decimals, the cents (got {shown_number(value)}): "
        f"write the amount the provider states, such as {value.quantize(Decimal('0.01'))}",
        fr=f"doit avoir au plus deux décimales, les cents (reçu {shown_number(value)}) : "
        f"écrivez le montant qu'annonce l'établissement, par exemple {value.quantize(Decimal('0.01'))}",
    )


def intake_problem(start: date, today: date) -> Said | None:
    """A start date outside the window a calendar and a reader can make sense of."""
    last = date(today.year + INTAKE_YEARS_AHEAD, 12, 31)
    if start.year < FIRST_INTAKE_YEAR:
        return Said(
            en=f"is before {FIRST_INTAKE_YEAR} (got {start.isoformat()}): check the year of this start date",
            fr=f"est avant {FIRST_INTAKE_YEAR} (reçu {start.isoformat()}) : vérifiez l'année de cette date de début",
        )
    if start > last:
        return Said(
            en=f"is more than {INTAKE_YEARS_AHEAD} years ahead (got {start.isoformat()}): check the year; "
            f"a start date is at most {last.isoformat()}",
            fr=f"est à plus de {INTAKE_YEARS_AHEAD} ans (reçu {start.isoformat()}) : vérifiez l'année ; "
            f"une date de début est au plus le {last.isoformat()}",
        )
    return None


def early_year_problem(year: int, written_as: str) -> Said | None:
    if year >= FIRST_YEAR:
        return None
    return Said(
        en=f"is before {FIRST_YEAR} (got {written_as!r}): check the year",
        fr=f"est avant {FIRST_YEAR} (reçu {written_as!r}) : vérifiez l'année",
    )


@dataclass(frozen=True)
class BandProblem:
    position: int  # the band's place in its list, from 0
    field: str  # "min", "max" or "" (the whole band)
    message: Said


def band_problems(facet: BandFacet, bands: list) -> list[BandProblem]:
    """Bands in order, from the facet's lowest value to its highest, each starting one step
    after the one before ends: no value in two bands, none in no band."""
    step, lowest, highest = Decimal(facet.step), Decimal(facet.lowest), Decimal(facet.highest)
    found: list[BandProblem] = []
    expected = lowest  # where the next band must start
    for position, band in enumerate(bands):
        low, high = written(band.get("min")), written(band.get("max"))
        if low is None or (band.get("max") is not None and high is None):
            return found  # the schema reports a band that is not a pair of numbers
        found.extend(_precision(position, low, high, step))
        if expected is None:
            found.append(BandProblem(position, "", _AFTER_OPEN))
            return found
        found.extend(_joins(position, low, expected, step, lowest))
        if high is not None and high < low:
            found.append(BandProblem(position, "max", _below_min(high, low)))
            return found
        expected = None if high is None else high + step
    if bands and expected is not None and expected <= highest:
        found.append(BandProblem(len(bands) - 1, "max", _last_closed(expected - step, highest)))
    return found


def _precision(position: int, low: Decimal, high: Decimal | None, step: Decimal) -> list[BandProblem]:
    problems = []
    for name, value in (("min", low), ("max", high)):
        if value is not None and value % step:
            whole = step == 1
            problems.append(
                BandProblem(
                    position,
                    name,
                    Said(
                        en=f"must be {'a whole number' if whole else f'a multiple of {step}'} "
                        f"(got {shown_number(value)}), as the values of records are",
                        fr=f"doit être {'un nombre entier' if whole else f'un multiple de {step}'} "
                        f"(reçu {shown_number(value)}), comme les valeurs des fiches",
                    ),
                )
            )
    return problems


def _joins(position: int, low: Decimal, expected: Decimal, step: Decimal, lowest: Decimal) -> list[BandProblem]:
    """The band starts right where the one before ends (the first: at or below the lowest value)."""
    if low == expected or (position == 0 and low <= lowest):
        return []
    if low > expected:
        gap = f"{shown_number(expected)} – {shown_number(low - step)}"
        message = Said(
            en=f"leaves out the values {gap}, which would be listed as not specified: "
            f"start this band at {shown_number(expected)}",
            fr=f"laisse de côté les valeurs {gap}, qui seraient classées « non précisé » : "
            f"commencez cette tranche à {shown_number(expected)}",
        )
    else:
        message = Said(
            en=f"overlaps the band before it, which ends at {shown_number(expected - step)}: "
            f"start this band at {shown_number(expected)}",
            fr=f"chevauche la tranche précédente, qui finit à {shown_number(expected - step)} : "
            f"commencez cette tranche à {shown_number(expected)}",
        )
    return [BandProblem(position, "min", message)]


def _below_min(high: Decimal, low: Decimal) -> Said:
    return Said(
        en=f"is below min (got max {shown_number(high)}, min {shown_number(low)}): "
        "a band holds the values from min to max, both included",
        fr=f"est plus petit que min (reçu max {shown_number(high)}, min {shown_number(low)}) : "
        "une tranche va de min à max, tous deux compris",
    )


def _last_closed(end: Decimal, highest: Decimal) -> Said:
    return Said(
        en=f"ends the last band at {shown_number(end)}, so a record above it (up to {shown_number(highest)}) "
        "would be listed as not specified: leave out max in the last band",
        fr=f"termine la dernière tranche à {shown_number(end)} : une fiche au-delà (jusqu'à {shown_number(highest)}) "
        "serait classée « non précisé »; enlevez max de la dernière tranche",
    )


_AFTER_OPEN = Said(
    en="comes after a band without max, which already holds every value above its min: "
    "give that band a max, or remove this one",
    fr="vient après une tranche sans max, qui contient déjà toutes les valeurs au-delà de son min : "
    "donnez un max à cette tranche-là, ou supprimez celle-ci",
)
