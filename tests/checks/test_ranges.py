"""Every number and date within a range a page, a calendar and a band can hold, checked before
anything is built (issue 18 item 3), each with its message in the editor's words (item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.model.facets import FACETS, band_key
from support import PROJECT, RECORDS, TODAY, data_folder, problems_of

BASE = (RECORDS / "valid" / "free-starter.yml").read_text(encoding="utf-8").replace("cost: {amount: 0}\n", "")
FILE = "data/credentials/ranged.yml"


def record_problems(tmp_path: Path, extra: str) -> list[str]:
    """The problems of free-starter without its cost, plus `extra` from line 9 on."""
    root = data_folder(tmp_path)
    (root / "data" / "credentials" / "ranged.yml").write_text(BASE + extra, encoding="utf-8")
    return problems_of(root)


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


# -- money -------------------------------------------------------------------------------


def test_an_amount_with_more_than_two_decimals_is_refused(tmp_path):
    assert record_problems(tmp_path, "cost: {amount: 99.995}\n") == [
        f"{FILE}:9: cost.amount: must have at most two decimals, the cents (got 99.995): "
        "write the amount the provider states, such as 100.00"
    ]


@pytest.mark.parametrize("amount", ["99.99", "0.5", "1234.5", "100000", "12.50"])
def test_amounts_to_the_cent_are_accepted_and_filed_in_their_band(tmp_path, amount):
    root = data_folder(tmp_path)
    (root / "data" / "credentials" / "ranged.yml").write_text(BASE + f"cost: {{amount: {amount}}}\n", encoding="utf-8")
    catalogue = load_catalogue(root, today=TODAY)
    cost = catalogue.credential("ranged").cost_amount
    assert band_key(catalogue.taxonomies.bands["cost_bands"], cost) != "not-specified"


def test_an_amount_above_the_schema_maximum_is_refused(tmp_path):
    assert record_problems(tmp_path, "cost: {amount: 1000000}\n") == [
        f"{FILE}:9: cost.amount: must be a number of dollars from 0 to 100000 (got 1000000)"
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_free_total_whose_note_says_free_again_is_refused_with_what_to_write(tmp_path, lang):
    notes = {"fr": "en 2025", "en": "in 2025"} | {lang: {"fr": "Gratuite en 2025", "en": "free in 2025"}[lang]}
    problems = record_problems(tmp_path, f"cost: {{amount: 0, note: {{fr: {notes['fr']!r}, en: {notes['en']!r}}}}}\n")
    shown, example = {"fr": ("Gratuit (Gratuite en 2025)", "en 2026"), "en": ("Free (free in 2025)", "in 2026")}[lang]
    assert problems == [
        f"{FILE}:9: cost.note.{lang}: starts with the word every copy already prints before it "
        f"(got {notes[lang]!r}, shown as “{shown}”): write only what the note adds, such as {example!r}"
    ]


def test_a_note_beside_a_total_ending_as_a_sentence_is_refused(tmp_path):
    note = "cost: {amount: 250, note: {fr: 'matériel compris.', en: 'materials included'}}\n"
    assert record_problems(tmp_path, note) == [
        f"{FILE}:9: cost.note.fr: ends with a full stop, but every copy prints the note in brackets after the "
        "price (got 'matériel compris.'): remove the full stop"
    ]


@pytest.mark.parametrize(
    "cost",
    [
        "{amount: 0, note: {fr: 'en 2025, avec un stage payé', en: 'in 2025, with a paid placement'}}",
        "{amount: 250, note: {fr: 'gratuit pour les membres', en: 'free for members'}}",  # not a free total
        "{note: {fr: 'Environ 400 $ par module.', en: 'About $400 a module.'}}",  # a note alone is a sentence
    ],
)
def test_cost_notes_that_add_to_the_price_are_accepted(tmp_path, cost):
    root = data_folder(tmp_path)
    (root / "data" / "credentials" / "ranged.yml").write_text(BASE + f"cost: {cost}\n", encoding="utf-8")
    note = yaml.safe_load(cost)["note"]
    said = load_catalogue(root, today=TODAY).credential("ranged").cost_note
    assert (said["fr"], said["en"]) == (note["fr"], note["en"])


# -- hours and months --------------------------------------------------------------------


def test_hours_written_with_a_decimal_point_are_whole_hours_in_the_model(tmp_path):
    root = data_folder(tmp_path)
    (root / "data" / "credentials" / "ranged.yml").write_text(BASE + "hours: 40.0\n", encoding="utf-8")
    hours = load_catalogue(root, today=TODAY).credential("ranged").hours
    assert hours == 40 and isinstance(hours, int)


def test_an_award_cannot_expire_after_centuries(tmp_path):
    assert record_problems(tmp_path, "award: {type: certificate, expires_after_months: 100000}\n") == [
        f"{FILE}:9: award.expires_after_months: must be a whole number of months from 1 to 240 (got 100000)"
    ]


def test_stale_after_months_is_bounded(tmp_path):
    root = data_folder(tmp_path)
    taxonomies = root / "data" / "taxonomies.yml"
    text = taxonomies.read_text(encoding="utf-8").replace("stale_after_months: 12", "stale_after_months: 100000")
    taxonomies.write_text(text, encoding="utf-8")
    assert problems_of(root) == [
        f"data/taxonomies.yml:{line_of(text, 'stale_after_months: 100000')}: settings.stale_after_months: "
        "must be a whole number of months from 1 to 120 (got 100000)"
    ]


# -- dates -------------------------------------------------------------------------------


def _with_intake(root: Path, dates: str) -> Path:
    (root / "data" / "credentials" / "ranged.yml").write_text(
        BASE.replace("intake: continuous", f"intake: {dates}"), encoding="utf-8"
    )
    return root


@pytest.mark.parametrize(
    "dates, message",
    [
        (
            "[2027-01-11, 9999-12-31]",
            "intake[2]: is more than 10 years ahead (got 9999-12-31): check the year; a start date is at most 2036-12-31",
        ),
        ("[1970-01-05]", "intake[1]: is before 2000 (got 1970-01-05): check the year of this start date"),
        (
            "[2027-01-11, 2027-05-03, 2027-01-11]",
            "intake[3]: repeats '2027-01-11', already item 1 of the list: keep one",
        ),
    ],
    ids=["far ahead", "long ago", "written twice"],
)
def test_start_dates_stay_in_a_window_and_are_each_written_once(tmp_path, dates, message):
    assert problems_of(_with_intake(data_folder(tmp_path), dates)) == [f"{FILE}:8: {message}"]


def test_a_record_checked_in_year_one_is_refused(tmp_path):
    root = data_folder(tmp_path)
    text = BASE.replace("verified: 2022-05", "verified: '0001-01-01'")
    (root / "data" / "credentials" / "ranged.yml").write_text(text, encoding="utf-8")
    assert problems_of(root) == [f"{FILE}:7: verified: is before 1990 (got '0001-01-01'): check the year"]


# -- bands -------------------------------------------------------------------------------


MIN_50 = "min: 50\n"  # the hours band; the cost band's "min: 500" comes first in the file


def bands_problems(tmp_path: Path, change) -> tuple[list[str], str]:
    root = data_folder(tmp_path)
    taxonomies = root / "data" / "taxonomies.yml"
    text = change(taxonomies.read_text(encoding="utf-8"))
    taxonomies.write_text(text, encoding="utf-8")
    return problems_of(root), text


def test_a_band_whose_max_is_below_its_min_is_refused(tmp_path):
    problems, text = bands_problems(tmp_path, lambda t: t.replace("min: 100\n    max: 499.99", "min: 100\n    max: 49"))
    line = line_of(text, "max: 49\n")
    assert problems == [
        f"data/taxonomies.yml:{line}: cost_bands[3].max: is below min (got max 49, min 100): "
        "a band holds the values from min to max, both included",
    ]


def test_a_removed_hours_band_leaves_a_gap_that_is_named(tmp_path):
    def remove_20_49(text: str) -> str:
        start = text.index('  - key: "20-49"')
        return text[:start] + text[text.index('  - key: "50-99"') :]

    problems, text = bands_problems(tmp_path, remove_20_49)
    assert problems == [
        f"data/taxonomies.yml:{line_of(text, MIN_50)}: hours_bands[2].min: leaves out the values 20 – 49, "
        "which would be listed as not specified: start this band at 20"
    ]


def test_overlapping_bands_are_refused(tmp_path):
    problems, text = bands_problems(tmp_path, lambda t: t.replace("min: 500\n", "min: 450\n"))
    assert problems == [
        f"data/taxonomies.yml:{line_of(text, 'min: 450')}: cost_bands[4].min: overlaps the band before it, "
        "which ends at 499.99: start this band at 500"
    ]


def test_a_closed_last_band_and_a_band_in_fractions_of_hours_are_refused(tmp_path):
    def change(text: str) -> str:
        text = text.replace("  - key: 100-plus\n    min: 100\n", "  - key: 100-plus\n    min: 100\n    max: 500\n")
        return text.replace("min: 20\n    max: 49\n", "min: 20\n    max: 49.5\n")

    problems, text = bands_problems(tmp_path, change)
    assert problems == [
        f"data/taxonomies.yml:{line_of(text, 'max: 49.5')}: hours_bands[2].max: must be a whole number (got 49.5), "
        "as the values of records are",
        f"data/taxonomies.yml:{line_of(text, MIN_50)}: hours_bands[3].min: overlaps the band before it, which "
        "ends at 49.5: start this band at 50.5",
        f"data/taxonomies.yml:{line_of(text, 'max: 500')}: hours_bands[4].max: ends the last band at 500, so a record "
        "above it (up to 2000) would be listed as not specified: leave out max in the last band",
    ]


def test_the_shipped_bands_file_every_value_once():
    """Every cost to the cent up to $2,000, and every whole hour the schema allows: one band each."""
    raw = yaml.safe_load((PROJECT / "data" / "taxonomies.yml").read_text(encoding="utf-8"))
    catalogue = load_catalogue(PROJECT)
    for facet in FACETS.band_facets:
        bands = catalogue.taxonomies.bands[facet.bands]
        step = 0.01 if facet.step == "0.01" else 1
        top = 2000 if step == 1 else 2000
        values = [round(n * step, 2) for n in range(int(float(facet.lowest) / step), int(top / step) + 1)]
        for value in values:
            assert sum(band.holds(value) for band in bands) == 1, (facet.name, value)
        assert len(raw[facet.bands]) == len(bands)


def test_the_band_limits_agree_with_the_record_schema():
    import json

    schema = json.loads((PROJECT / "data" / "schema" / "credential.schema.json").read_text(encoding="utf-8"))
    amount, hours = schema["properties"]["cost"]["properties"]["amount"], schema["properties"]["hours"]
    cost_facet, hours_facet = FACETS["cost"], FACETS["hours"]
    assert (float(cost_facet.lowest), float(cost_facet.highest)) == (amount["minimum"], amount["maximum"])
    assert (float(hours_facet.lowest), float(hours_facet.highest)) == (hours["minimum"], hours["maximum"])


# -- messages for the shapes of a whole file ----------------------------------------------


@pytest.mark.parametrize(
    "text, got",
    [
        ("- title\n- provider\n", "a list (got ['title', 'provider'])"),
        ("just words\n", "a single value (got 'just words')"),
    ],
)
def test_a_record_that_is_a_list_or_a_text_is_told_what_a_record_is(tmp_path, text, got):
    root = data_folder(tmp_path)
    (root / "data" / "credentials" / "shapeless.yml").write_text(text, encoding="utf-8")
    assert problems_of(root) == [
        f"data/credentials/shapeless.yml:1: must hold named fields, one per line, such as title: …, not {got}"
    ]


def test_a_bad_provider_key_is_named_on_its_own_line_without_a_regular_expression(tmp_path):
    root = data_folder(tmp_path)
    providers = root / "data" / "providers.yml"
    text = providers.read_text(encoding="utf-8") + (
        "Bad Key:\n  name: {fr: Nom, en: Name}\n  type: college\n  url: https://example.org\n"
    )
    providers.write_text(text, encoding="utf-8")
    assert problems_of(root) == [
        f"data/providers.yml:{line_of(text, 'Bad Key:')}: Bad Key: is not a valid key (got 'Bad Key'): use lowercase "
        "letters, digits and single hyphens, such as st-lawrence-college"
    ]


def test_an_empty_vocabulary_is_reported_once_not_on_every_record(tmp_path):
    root = data_folder(tmp_path, RECORDS / "valid" / "full-record.yml")
    taxonomies = root / "data" / "taxonomies.yml"
    raw = yaml.safe_load(taxonomies.read_text(encoding="utf-8"))
    raw["audiences"] = {}
    taxonomies.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = problems_of(root)
    assert len(problems) == 1 and problems[0].startswith("data/taxonomies.yml:") and ": audiences: " in problems[0]


def test_a_privacy_text_over_its_limit_is_told_the_limit(tmp_path):
    root = data_folder(tmp_path)
    (root / "data" / "site.yml").write_text(
        f"organisation:\n  name: {{fr: Nom, en: Name}}\ncontact:\n  email: a@example.org\n"
        f"privacy:\n  fr: Texte\n  en: {'x' * 601}\n",
        encoding="utf-8",
    )
    (problem,) = problems_of(root)
    assert problem.startswith(
        "data/site.yml:7: privacy.en: must be the English text (not empty), at most 600 characters (got 'xxx"
    )
