"""Every rule of the data contract, each with a fixture file and the exact line an editor reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from microcredential_catalogue.checks.validate import load_catalogue
from support import PROJECT, RECORDS, TODAY, data_folder, problems_of, shipped_provider_ids

SHIPPED_PROVIDERS = shipped_provider_ids()  # the messages list the shipped providers
# An unknown provider's message says how to add one (issue 19).
HOW_TO_ADD = "; for a new provider, add it first: catalogue new-provider <its-id> (CONTRIBUTING.md, Adding a provider)"


# Each invalid fixture and what the editor reads; {file} is data/credentials/<fixture name>.
EXPECTED = [
    (
        "Bad_Name.yml",
        [
            "{file}:1: the file name 'Bad_Name' is not a valid id: use 3 to 80 lowercase letters, digits and single hyphens, such as bad-name.yml"
        ],
    ),
    (
        "alias-is-other-id.yml",
        [
            "{file}:8: aliases: 'free-starter' is already the id of data/credentials/free-starter.yml: an address can lead to one record only"
        ],
    ),
    (
        "award-type-unknown.yml",
        [
            "{file}:9: award.type: 'trophy' is not an award type in data/taxonomies.yml; use one of: certificate, digital-badge, transcript-notation"
        ],
    ),
    (
        "cost-not-a-number.yml",
        [
            "{file}:9: cost.amount: must be a number of dollars from 0 to 100000 (got 'gratuit'): write 0, which means free"
        ],
    ),
    (
        "delivery-unknown.yml",
        [
            "{file}:8: delivery: 'remote' is not a delivery mode in data/taxonomies.yml; use one of: hybrid, in-person, online"
        ],
    ),
    ("duplicated-key.yml", ["{file}:8: sectors: duplicated key (first written on line 4): keep only one"]),
    ("empty-file.yml", ["{file}:1: the file is empty: write the fields of the record"]),
    ("hours-not-whole.yml", ["{file}:8: hours: must be a whole number of hours from 1 to 2000 (got 3.5)"]),
    ("hours-zero.yml", ["{file}:8: hours: must be a whole number of hours from 1 to 2000 (got 0)"]),
    (
        "html-in-description.yml",
        ["{file}:10: description.en: must be Markdown without HTML tags (got '<script>alert(1)</script>')"],
    ),
    ("html-in-summary.yml", ["{file}:3: summary.fr: must be plain text without HTML tags (got 'Résumé <b>gras</b>')"]),
    ("intake-not-a-date.yml", ["{file}:8: intake[1]: is not a real date (got '2027-13-01'): write it YYYY-MM-DD"]),
    ("language-unknown.yml", ["{file}:8: languages[2]: must be fr (French) or en (English) (got 'de')"]),
    ("negative-cost.yml", ["{file}:8: cost.amount: must be a number of dollars from 0 to 100000 (got -5)"]),
    (
        "official-title-language-unknown.yml",
        ["{file}:3: official_title.language: must be fr (French) or en (English) (got 'english')"],
    ),
    (
        "official-title-without-text.yml",
        [
            "{file}:2: official_title.text: is missing; it must be the name as the provider writes it (not empty), "
            "at most 150 characters"
        ],
    ),
    ("not-yaml.yml", ["{file}:9: is not valid YAML: did not find expected ',' or ']'"]),
    ("only-comments.yml", ["{file}:1: the file is empty: write the fields of the record"]),
    (
        "python-tag.yml",
        [
            "{file}:8: keywords: the YAML tag '!!python/object/apply:os.system' is not allowed: write a plain value, without '!'"
        ],
    ),
    (
        "repeated-pathway.yml",
        ["{file}:5: pathways[2]: repeats 'employment', already item 1 of the list: keep one"],
    ),
    (
        "several-mistakes.yml",
        [
            "{file}:1: title.en: is missing; it must be the English text (not empty), at most 150 characters",
            "{file}:2: provider: 'nobody' is not in data/providers.yml; use one of: " + SHIPPED_PROVIDERS + HOW_TO_ADD,
            "{file}:4: sectors: must be a list of 1 to 3 different sector keys from data/taxonomies.yml, such as [health] (got [])",
            "{file}:9: cost.amount: must be a number of dollars from 0 to 100000 (got 'gratuit'): write 0, which means free",
            "{file}:10: hours: must be a whole number of hours from 1 to 2000 (got 'many'): write it in digits, such as 40",
        ],
    ),
    (
        "source-missing.yml",
        [
            "{file}:1: source: is missing; it must be a web address starting with https://, or a text in both languages {fr: …, en: …} naming the document"
        ],
    ),
    (
        "stack-item-half.yml",
        [
            "{file}:9: stacks_into[1]: must be either credential: <id of another record>, or title: {fr: …, en: …} with url: https://… (got {'title': {'fr': 'Diplôme', 'en': 'Diploma'}})"
        ],
    ),
    ("stacks-into-itself.yml", ["{file}:9: stacks_into[1].credential: a credential cannot stack into itself"]),
    (
        "stacks-into-nothing.yml",
        [
            "{file}:9: stacks_into[1].credential: 'no-such-record' is not the id of any file in data/credentials/: write the id of an existing record"
        ],
    ),
    (
        "source-date-after-verified.yml",
        [
            "{file}:7: source_date: is later than verified (got 2025-06, verified 2025-05-30): a source cannot be "
            "newer than your check of it; write the date the source bears, and in verified the day you read it"
        ],
    ),
    ("status-unknown.yml", ["{file}:8: status: must be active, paused or discontinued (got 'closed')"]),
    (
        "summary-missing.yml",
        [
            "{file}:1: summary: is missing; it must be a text in both languages, {fr: …, en: …}, at most 400 characters each"
        ],
    ),
    (
        "title-english-empty.yml",
        ["{file}:3: title.en: must be the English text (not empty), at most 150 characters (got '')"],
    ),
    (
        "title-too-long.yml",
        [
            "{file}:1: title.en: must be the English text (not empty), at most 150 characters (got 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…)"
        ],
    ),
    (
        "title-without-english.yml",
        ["{file}:1: title.en: is missing; it must be the English text (not empty), at most 150 characters"],
    ),
    (
        "too-many-sectors.yml",
        [
            "{file}:4: sectors: must be a list of 1 to 3 different sector keys from data/taxonomies.yml, such as [health] (got ['health', 'sales-service', 'manufacturing-utilities', 'nat…)"
        ],
    ),
    ("unknown-field.yml", ["{file}:8: titel: unknown field (did you mean 'title'?)"]),
    (
        "unknown-provider.yml",
        ["{file}:2: provider: 'mohawk' is not in data/providers.yml; use one of: " + SHIPPED_PROVIDERS + HOW_TO_ADD],
    ),
    (
        "unknown-sector.yml",
        [
            "{file}:4: sectors[2]: 'helth' is not a sector in data/taxonomies.yml; use one of: art-culture-recreation-sport, business-finance-administration, education-law-social-government, health, legislative-senior-management, manufacturing-utilities, natural-applied-sciences, natural-resources-agriculture, sales-service, trades-transport-equipment"
        ],
    ),
    (
        "url-not-web.yml",
        [
            "{file}:8: url: must be a web address starting with https:// (or http://), or {fr: https://…, en: https://…} (got 'www.example.org')"
        ],
    ),
    (
        "verified-in-future.yml",
        ["{file}:7: verified: is in the future (got '2999-01-01'): write a date no later than today"],
    ),
    ("verified-not-a-date.yml", ["{file}:7: verified: is not a real date (got '2022-02-30'): write it YYYY-MM-DD"]),
    (
        "verified-wrong-form.yml",
        [
            "{file}:7: verified: must be a date written YYYY-MM-DD, YYYY-MM or YYYY, such as 2026-11-20 (got 'last spring')"
        ],
    ),
    ("wrong-extension.yaml", ["{file}:1: a credential file must end in .yml: rename it wrong-extension.yml"]),
    # Hostile or careless input (issue 7): each class of input, and the line an editor reads.
    (
        "bad-keys-hide-nothing.yml",
        [
            "{file}:1: a key must be plain text",
            "{file}:3: title.en: must be plain text without HTML tags (got '<b>x</b>')",
            "{file}:6: sectors[1]: 'helth' is not a sector in data/taxonomies.yml; use one of: art-culture-recreation-sport, business-finance-administration, education-law-social-government, health, legislative-senior-management, manufacturing-utilities, natural-applied-sciences, natural-resources-agriculture, sales-service, trades-transport-equipment",
            "{file}:9: verified: is not a real date (got '2022-13'): write it YYYY-MM-DD",
            "{file}:10: hours: is read as a base-60 number by some YAML tools (got '1:30'): write one plain number, or put it in quotes (\"1:30\") if it is text",
            "{file}:11: a key must be plain text",
            "{file}:12: intake[1]: must be on one line (got a line break at character 11): join the lines",
        ],
    ),
    (
        "Bad Name With Mistake.yml",
        [
            "{file}:1: the file name 'Bad Name With Mistake' is not a valid id: use 3 to 80 lowercase letters, digits and single hyphens, such as bad-name-with-mistake.yml",
            "{file}:8: hours: must be a whole number of hours from 1 to 2000 (got 'many'): write it in digits, such as 40",
        ],
    ),
    (
        "alias-ending-in-newline.yml",
        [
            "{file}:8: aliases[1]: must be on one line (got a line break at character 7): join the lines",
        ],
    ),
    (
        "alias-reserved.yml",
        [
            "{file}:8: aliases[1]: 'catalogue' is a word the site uses for its own pages: choose another; the reserved words are: 404, about, assets, browse, campus, catalogue, catalogue-data, contributing, cost, delivery, editors, embed, en, favicon, feed, feeds, fields, fr, hours, index, learn, links, mc, not-specified, page-scripts, pathways, practitioners, providers, questions, referral-sheet, regions, robots, search, sectors, share, site, sitemap, stylesheets, what-is",
        ],
    ),
    (
        "anchors-billion-laughs.yml",
        [
            "{file}:9: keywords[1]: YAML anchors and aliases (&name, *name) are not allowed: write the value out",
            "{file}:10: keywords[2]: YAML anchors and aliases (&name, *name) are not allowed: write the value out",
            "{file}:11: keywords[3]: YAML anchors and aliases (&name, *name) are not allowed: write the value out",
            "{file}:12: keywords[4]: YAML anchors and aliases (&name, *name) are not allowed: write the value out",
            "{file}:13: keywords[5]: must be a list of texts in both languages, each {fr: …, en: …}, at most 60 characters each (got [None, None, None, None, None, None, None, None, None])",
            "{file}:13: keywords[5][1]: YAML anchors and aliases (&name, *name) are not allowed: write the value out",
        ],
    ),
    (
        "bidi-override-in-title.yml",
        [
            "{file}:1: title.en: must not contain a bidirectional control character (got U+202E at character 7): these make a text read differently from what it says; delete it",
        ],
    ),
    (
        "binary-file.yml",
        [
            "{file}:2: is not UTF-8 text: the character at line 2, column 118 (byte 0x80) "
            "is written in another encoding, often an accent saved as Windows-1252 or Latin-1: save the file as UTF-8 (in your editor: Save as, then Encoding: UTF-8)",
        ],
    ),
    (
        "c1-control-in-title.yml",
        [
            "{file}:1: title.en: must not contain a control character (got U+009B at character 6): delete it",
        ],
    ),
    (
        "cost-infinite.yml",
        [
            "{file}:8: cost.amount: is not a number a page can show (got '.inf'): write a number, such as 250",
        ],
    ),
    (
        "cost-nan.yml",
        [
            "{file}:8: cost.amount: is not a number a page can show (got '.nan'): write a number, such as 250",
        ],
    ),
    (
        "date-ending-in-newline.yml",
        [
            "{file}:7: verified: must be on one line (got a line break at character 11): join the lines",
        ],
    ),
    (
        "del-in-title.yml",
        [
            "{file}:1: title.en: must not contain a control character (got U+007F (delete) at character 6): delete it",
        ],
    ),
    (
        "description-too-long.yml",
        [
            "{file}:8: description.en: is longer than 5000 characters (got 5001)",
        ],
    ),
    (
        "good-id3.yml.bak",
        [
            "{file}:1: a credential file must end in .yml: rename it good-id3.yml",
        ],
    ),
    (
        "hours-base-60.yml",
        [
            "{file}:8: hours: is read as a base-60 number by some YAML tools (got '1:30'): write one plain number, or put it in quotes (\"1:30\") if it is text",
        ],
    ),
    (
        "hours-huge-integer.yml",
        [
            "{file}:8: hours: is too large a number (got '99999999999999999999999999999…'): write at most 15 digits",
        ],
    ),
    (
        "hours-octal-looking.yml",
        [
            "{file}:8: hours: is read as different numbers by different YAML tools (got '040'): write it with digits only, without a leading zero or _, or put it in quotes (\"040\") if it is text",
        ],
    ),
    (
        "html-in-keyword.yml",
        [
            "{file}:9: keywords[1].en: must be plain text without HTML tags (got '<img src=x onerror=alert(1)>')",
        ],
    ),
    (
        "index.yml",
        [
            "{file}:1: the file name 'index' is a word the site uses for its own pages: choose another; the reserved words are: 404, about, assets, browse, campus, catalogue, catalogue-data, contributing, cost, delivery, editors, embed, en, favicon, feed, feeds, fields, fr, hours, index, learn, links, mc, not-specified, page-scripts, pathways, practitioners, providers, questions, referral-sheet, regions, robots, search, sectors, share, site, sitemap, stylesheets, what-is",
        ],
    ),
    (
        "key-with-line-break.yml",
        [
            "{file}:8: 'notes\\n': this key must be on one line (got a line break at character 6): join the lines",
            "{file}:8: 'notes\\n': unknown field (the fields allowed here are: added, aliases, assessment, audiences, award, checked_against, cost, delivery, description, funding, hours, intake, keywords, languages, official_title, outcomes, pathways, prerequisites, provider, regions, sectors, source, source_date, stacks_into, status, summary, title, url, verified)",
        ],
    ),
    (
        "key-with-zero-width.yml",
        [
            "{file}:8: 'ti\\u200btle': unknown field (did you mean 'title'?)",
        ],
    ),
    (
        "keyword-too-long.yml",
        [
            "{file}:9: keywords[1].en: must be the English text (not empty), at most 60 characters (got 'wordwordwordwordwordwordwordwordwordwordwordwordwordwordwo…)",
        ],
    ),
    (
        "language-no-as-false.yml",
        [
            "{file}:8: languages[1]: is read as true or false by some YAML tools (got 'no'): write true or false, or put it in quotes (\"no\") if it is text",
        ],
    ),
    (
        "line-break-in-title.yml",
        [
            "{file}:1: title.en: must be on one line (got a line break at character 6): join the lines",
        ],
    ),
    (
        "nested-too-deep.yml",
        [
            "{file}:8: nests values more than 10 levels deep: no field goes deeper than 4; check the indentation",
        ],
    ),
    (
        "not-utf-8.yml",
        [
            "{file}:3: is not UTF-8 text: the character at line 3, column 16 (byte 0xE9) "
            "is written in another encoding, often an accent saved as Windows-1252 or Latin-1: save the file as UTF-8 (in your editor: Save as, then Encoding: UTF-8)",
        ],
    ),
    (
        "nul-in-summary.yml",
        [
            "{file}:3: summary.en: must not contain a control character (got U+0000 (NUL) at character 4): delete it",
        ],
    ),
    (
        "tab-in-title.yml",
        [
            "{file}:1: title.en: must not contain a control character (got U+0009 (tab) at character 3): delete it",
        ],
    ),
    (
        "two-documents.yml",
        [
            "{file}:8: holds more than one YAML document (---): keep one record per file",
        ],
    ),
    (
        "zero-width-only-title.yml",
        [
            "{file}:1: title.en: contains only invisible characters (spaces, zero-width characters): write the text",
        ],
    ),
]


@pytest.mark.parametrize("fixture, lines", EXPECTED, ids=[name for name, _ in EXPECTED])
def test_each_mistake_gets_its_exact_message(tmp_path, fixture, lines):
    root = data_folder(tmp_path, RECORDS / "invalid" / fixture)
    file = f"data/credentials/{fixture}"
    assert problems_of(root) == [line.replace("{file}", file) for line in lines]


def test_every_invalid_fixture_is_checked():
    assert sorted(p.name for p in (RECORDS / "invalid").iterdir()) == sorted(name for name, _ in EXPECTED)


def test_all_mistakes_of_all_files_come_in_one_run(tmp_path):
    cases = ["cost-not-a-number.yml", "unknown-field.yml", "stacks-into-nothing.yml", "several-mistakes.yml"]
    root = data_folder(tmp_path, *(RECORDS / "invalid" / name for name in cases))
    assert len(problems_of(root)) == 1 + 1 + 1 + 5


def test_a_yaml_tag_that_builds_objects_never_runs(tmp_path):
    witness = Path("/tmp/catalogue-test-pwned")
    witness.unlink(missing_ok=True)
    problems_of(data_folder(tmp_path, RECORDS / "invalid" / "python-tag.yml"))
    assert not witness.exists()


def test_one_alias_cannot_belong_to_two_records(tmp_path):
    root = data_folder(tmp_path)
    second = root / "data" / "credentials" / "second-record.yml"
    record = yaml.safe_load((RECORDS / "valid" / "free-starter.yml").read_text(encoding="utf-8"))
    record["aliases"] = ["old-health-care"]  # already an alias of full-record
    second.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    assert problems_of(root) == [
        "data/credentials/second-record.yml:1: aliases: 'old-health-care' is already an alias of "
        "data/credentials/full-record.yml: an address can lead to one record only"
    ]


def test_provider_mistakes_are_reported_with_their_line(tmp_path):
    root = data_folder(tmp_path)
    providers = root / "data" / "providers.yml"
    providers.write_text(
        "mohawk-college:\n  name: {fr: Collège Mohawk}\n  type: school\n  url: https://www.mohawkcollege.ca\n",
        encoding="utf-8",
    )
    # The records are still checked against the broken file's keys: every problem comes in one run.
    in_providers = [line for line in problems_of(root) if line.startswith("data/providers.yml")]
    assert in_providers[:2] == [
        "data/providers.yml:2: mohawk-college.name.en: is missing; it must be the English name (not empty), at most 150 characters",
        "data/providers.yml:3: mohawk-college.type: 'school' is not a provider type in data/taxonomies.yml; use one "
        "of: college, community-agency, employer, indigenous-institute, mooc, professional-association, "
        "training-provider, university",
    ]


def test_a_missing_vocabulary_is_reported(tmp_path):
    root = data_folder(tmp_path)
    taxonomies = root / "data" / "taxonomies.yml"
    raw = yaml.safe_load(taxonomies.read_text(encoding="utf-8"))
    del raw["pathways"]
    taxonomies.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert problems_of(root) == [
        "data/taxonomies.yml:1: pathways: is missing; it must map each key (lowercase letters, digits, hyphens) to its label"
    ]


def test_valid_records_become_model_objects(tmp_path):
    catalogue = load_catalogue(data_folder(tmp_path), today=TODAY)
    assert [c.id for c in catalogue.credentials] == ["closed-course", "free-starter", "full-record"]
    full = catalogue.credential("full-record")
    assert full.cost_amount == 1000 and full.hours == 45 and full.aliases == ("old-health-care",)
    assert full.added.iso() == "2026-10-01" and full.verified.iso() == "2026-11-20"
    assert catalogue.credential("free-starter").added.iso() == "2022-05"  # defaults to verified
    assert catalogue.leads_here == {"free-starter": ("full-record",)}
    assert [c.id for c in catalogue.listed] == ["free-starter", "full-record"]  # discontinued leaves lists


def test_the_shipped_data_is_valid():
    catalogue = load_catalogue(PROJECT)
    assert len(catalogue.credentials) == len(list((PROJECT / "data" / "credentials").glob("*.yml")))
