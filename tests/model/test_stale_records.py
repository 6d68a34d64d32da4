"""The editors' re-check list holds the records a learner can still find, never a discontinued one."""

from __future__ import annotations

from datetime import date

from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.model.stale import stale_records
from support import data_folder


def test_a_discontinued_record_is_not_listed_for_a_new_check(tmp_path):
    catalogue = load_catalogue(data_folder(tmp_path), today=date(2026, 11, 28))
    assert catalogue.credential("closed-course").status == "discontinued"  # information from 2021
    listed = {r.credential.id for r in stale_records(catalogue, date(2030, 1, 1))}
    assert listed == {"free-starter", "full-record"}
