"""Money, numbers and dates written the way a French- or English-Canadian reader expects."""

from __future__ import annotations

from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal

from ..model.catalogue import PartialDate

LOCALES = {"fr": "fr_CA", "en": "en_CA"}


@cache  # Babel parses its locale data on every call; a catalogue has few distinct amounts
def money(amount: float, lang: str) -> str:
    """« 1 000 $ » and "$1,000"; cents only when there are some."""
    locale = LOCALES[lang]
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    if float(amount).is_integer():
        pattern = pattern.replace(".00", "")
    return format_currency(amount, "CAD", format=pattern, locale=locale, currency_digits=False)


@cache
def number(value: float, lang: str) -> str:
    return format_decimal(value, locale=LOCALES[lang])


@cache  # every copy of a record (page, card, feed, calendar, image) writes its dates again
def day(value: date, lang: str) -> str:
    """ "1er février 2027" (French writes the first of the month as an ordinal), "February 1, 2027"."""
    written = format_date(value, "long", locale=LOCALES[lang])
    if lang == "fr" and value.day == 1:
        return "1er" + written[1:]
    return written


@cache
def partial_date(value: PartialDate, lang: str) -> str:
    """As precise as it was written: "2022", "mai 2022", "3 mai 2022"."""
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return format_skeleton("yMMMM", value.earliest(), locale=LOCALES[lang])
    return day(value.earliest(), lang)
