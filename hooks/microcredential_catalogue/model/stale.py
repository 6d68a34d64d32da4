"""Records whose information is too old: the editors' list of what to re-check.

The age of a record's information is the date its source bears (`source_date`), or, for a
record without one, the day an editor checked it (`verified`).

Staleness depends on the day it is asked, so `today` is always passed in: the same data gives
the same list in a test whatever the clock says.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .catalogue import Catalogue, Credential, PartialDate


@dataclass(frozen=True)
class StaleRecord:
    credential: Credential
    months: int  # whole months since the information's date

    @property
    def date(self) -> PartialDate:
        return self.credential.information_date

    @property
    def field(self) -> str:
        """The record field that holds that date, where an editor's tools should jump."""
        return "source_date" if self.credential.source_date else "verified"


def stale_records(catalogue: Catalogue, today: date) -> list[StaleRecord]:
    """Records whose information dates from more than `stale_after_months` before `today`, oldest first.

    A date written as a year or a month counts from its first day ("2022" is 1 January 2022):
    the editor did not say when in 2022, so the record comes back for checking sooner rather
    than later, and the full date of a new check ends the warning.
    """
    limit = catalogue.taxonomies.stale_after_months
    found = [
        StaleRecord(c, months_between(c.information_date.earliest(), today))
        for c in catalogue.listed  # a discontinued credential has nothing left to re-check
        if today > add_months(c.information_date.earliest(), limit)
    ]
    return sorted(found, key=lambda r: (r.date.earliest(), r.credential.id))


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day (31 January + 1 month = 28 or 29 February)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later`: 2025-01-15 to 2026-01-14 is 11, to 2026-01-15 is 12."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later < add_months(earlier, months) else months
