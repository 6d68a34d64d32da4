"""The generated editors' pages: the records to check again, and the field documentation."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date

import pytest
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.model.field_docs import MissingFieldWords, field_docs
from microcredential_catalogue.model.stale import add_months
from support import PROJECT

SCHEMA = json.loads((PROJECT / "data" / "schema" / "credential.schema.json").read_text(encoding="utf-8"))


def schema_fields() -> list[str]:
    fields = []
    for name, spec in SCHEMA["properties"].items():
        fields.append(name)
        fields.extend(f"{name}.{inner}" for inner in spec.get("properties", {}))
    return fields


@pytest.mark.parametrize("root", ["", "en/"])
def test_editors_page_lists_every_shipped_record_as_due_for_a_check(shipped_site, root):
    # Every shipped record whose information is older than the limit, and no other.
    html = (shipped_site / root / "editors" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="mc-stale">') : html.index("</table>")]
    listed = set(re.findall(r'href="\.\./mc/([a-z0-9-]+)/"', table))
    catalogue = load_catalogue(PROJECT, date.today())
    limit = catalogue.taxonomies.stale_after_months
    due = {c.id for c in catalogue.credentials if date.today() > add_months(c.information_date.earliest(), limit)}
    assert due and listed == due
    assert 'href="fields/"' in html


@pytest.mark.parametrize(("root", "required"), [("", "Obligatoire"), ("en/", "Required")])
def test_fields_page_documents_every_field_of_the_schema(shipped_site, root, required):
    html = (shipped_site / root / "editors" / "fields" / "index.html").read_text(encoding="utf-8")
    documented = re.findall(r'<h2 id="([a-z_-]+)"><code>([a-z_.]+)</code>', html)
    assert [path for _, path in documented] == schema_fields()
    assert html.count(f"<dt>{required}</dt>") == len(schema_fields())


@pytest.mark.parametrize("root", ["", "en/"])
def test_contributing_page_links_the_field_documentation(shipped_site, root):
    html = (shipped_site / root / "contributing" / "index.html").read_text(encoding="utf-8")
    assert 'href="../editors/fields/"' in html


def test_a_schema_field_without_words_stops_the_build(tmp_path):
    shutil.copytree(PROJECT / "data" / "schema", tmp_path / "data" / "schema")
    words = (PROJECT / "overrides" / "locales" / "fields.yml").read_text(encoding="utf-8")
    without_hours = re.sub(r"^hours:\n(  .*\n)+", "", words, flags=re.M)
    assert without_hours != words
    (tmp_path / "overrides" / "locales").mkdir(parents=True)
    (tmp_path / "overrides" / "locales" / "fields.yml").write_text(without_hours, encoding="utf-8")
    with pytest.raises(MissingFieldWords) as raised:
        field_docs(tmp_path)
    assert str(raised.value) == (
        "overrides/locales/fields.yml: the field 'hours' needs its meaning {fr, en} and rule_fr: add them"
    )
