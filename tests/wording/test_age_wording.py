"""The age of a credential's information reads as good French and English whatever the source's
date: « datant d'octobre 2026 » and "an October 2026 source", « datant de mai 2026 » and
"a May 2026 source"; never « de octobre » nor "a April"."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from microcredential_catalogue.model.catalogue import PartialDate
from support import shipped_catalogue, shipped_wording

# A preposition or article left whole before a word that starts with a vowel.
UNELIDED = {"fr": re.compile(r"\bde [aeiouyàâéèêëîïôû]", re.I), "en": re.compile(r"\ba [aeiou]", re.I)}
MONTHS = {"fr": ("avril", "mai", "août", "octobre"), "en": ("April", "May", "August", "October")}


def age_of(written: str, lang: str) -> str:
    credential = replace(shipped_catalogue().listed[0], source_date=PartialDate.parse(written))
    return shipped_wording().age(credential, lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("written", ["2026", *(f"2026-{month:02}" for month in range(1, 13)), "2026-10-04"])
def test_the_age_line_elides_and_takes_the_right_article(written, lang):
    said = age_of(written, lang)
    assert not UNELIDED[lang].search(said), said


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_month_is_said_by_its_name_with_the_right_word_before_it(lang):
    said = [age_of(f"2026-{month:02}", lang) for month in (4, 5, 8, 10)]
    before = {"fr": ("d'", "de ", "d'", "d'"), "en": ("an ", "a ", "an ", "an ")}[lang]
    for line, month, word in zip(said, MONTHS[lang], before, strict=True):
        assert f"{word}{month} 2026" in line, line
