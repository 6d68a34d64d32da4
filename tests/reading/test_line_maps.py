"""A message about a record points at the line of its field, as the validator read it.

The lines are kept with each record when the data is validated: a later message (a stale
record's warning in `catalogue check`) uses them, and does not read the file a second time.
"""

from __future__ import annotations

from datetime import date

from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.cli import stale_warning
from microcredential_catalogue.model.stale import stale_records
from support import RECORDS, data_folder


def test_a_record_knows_the_line_of_each_of_its_fields(tmp_path):
    catalogue = load_catalogue(data_folder(tmp_path), today=date(2026, 11, 28))
    record = catalogue.credential("full-record")
    lines = (RECORDS / "valid" / "full-record.yml").read_text(encoding="utf-8").splitlines()
    for field in ("verified", "aliases", "stacks_into"):
        assert lines[record.line_of(field) - 1].startswith(f"{field}:")
    assert lines[record.line_of("stacks_into", 0, "credential") - 1].strip() == "- credential: free-starter"


def test_a_stale_warning_names_the_line_the_validator_read_without_reading_the_file_again(tmp_path):
    root = data_folder(tmp_path)
    catalogue = load_catalogue(root, today=date(2026, 11, 28))
    (stale,) = [r for r in stale_records(catalogue, date(2030, 1, 1)) if r.credential.id == "full-record"]
    (root / "data" / "credentials" / "full-record.yml").unlink()  # gone since the check: no second read
    warning = stale_warning(stale, catalogue.taxonomies.stale_after_months)
    assert warning.startswith("data/credentials/full-record.yml:18: verified: warning: last checked 2026-11-20")
