"""The editors' re-check list holds the records a learner can still find, never a discontinued one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from microcredential_catalogue.stale import stale_records
from microcredential_catalogue.validate import load_catalogue
from support import PROJECT

VALID = Path(__file__).parent / "fixtures" / "records" / "valid"


def test_a_discontinued_record_is_not_listed_for_a_new_check(tmp_path):
    data = tmp_path / "data"
    (data / "credentials").mkdir(parents=True)
    for name in ("taxonomies.yml", "providers.yml"):
        shutil.copy(PROJECT / "data" / name, data / name)
    shutil.copytree(PROJECT / "data" / "schema", data / "schema")
    for record in VALID.iterdir():
        shutil.copy(record, data / "credentials" / record.name)
    catalogue = load_catalogue(tmp_path, today=date(2026, 11, 28))
    assert catalogue.credential("closed-course").status == "discontinued"  # information from 2021
    listed = {r.credential.id for r in stale_records(catalogue, date(2030, 1, 1))}
    assert listed == {"free-starter", "full-record"}
