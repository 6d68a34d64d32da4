"""Properties of the reader, with generated input (Hypothesis, derandomized so CI repeats itself).

Whatever an editor or an attacker writes, the outcome is one of two: a valid catalogue whose
pages show the text escaped, or one line per problem naming the file (and the field), exit
status 1, and no traceback; always within a few seconds and 1 GB of memory.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from forked_command import run_command
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from microcredential_catalogue.building.catalogue_build import CatalogueBuild
from microcredential_catalogue.reading.problems import DataInvalid
from support import PROJECT, RECORDS, TODAY, docs_folder

MEMORY_LIMIT = 1 << 30  # bytes of address space the check may take beyond what its process starts with
TIME_LIMIT = 20  # seconds: a file is read in milliseconds; the margin is for a busy 2-core machine
SETTINGS = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
RECORD = "generated-record"
# The provider the fixture record with every field names: its page shows the provider's name.
FULL_PROVIDER = yaml.safe_load((RECORDS / "valid" / "full-record.yml").read_text(encoding="utf-8"))["provider"]
# Generated records name any shipped provider (the project copy keeps data/providers.yml).
SHIPPED_PROVIDERS = sorted(yaml.safe_load((PROJECT / "data" / "providers.yml").read_text(encoding="utf-8")))
PROBLEM_LINE = re.compile(r"'?data/credentials/generated-record\.yml'?:[0-9]+: .+")
SUMMARY_LINE = re.compile(r"[0-9]+ problems? in the data: nothing was built\. Fix the lines above and try again\.")

# Texts an attacker or a careless editor writes, mixed into Hypothesis's own text.
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ config }}",
    "{% raw %}",
    "\u202egnp.exe",
    "\u200b\u200b",
    "\x7f",
    "\x00",
    "\x1b[31m",
    "a\nb",
    "no",
    "1:30",
    ".nan",
    "&lt;b&gt;",
    '"hands-on"',
    "l'atelier « pratique »",
    "x" * 400,
]
texts = st.one_of(
    st.sampled_from(HOSTILE), st.text(max_size=200), st.text(alphabet="<>&\"'{}%:#\n\t\x00\u202e a", max_size=40)
)
# The English fields that credential.html shows as plain text, as (path in the record, getter).
TEXT_FIELDS = [("title", "en"), ("summary", "en"), ("cost", "note", "en"), ("outcomes", 0, "en")]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The shipped data and templates, with the valid fixture records."""
    root = tmp_path_factory.mktemp("properties")
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.rmtree(root / "data" / "credentials")
    shutil.copytree(RECORDS / "valid", root / "data" / "credentials")
    return root


def _limits() -> None:
    in_use = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (in_use + MEMORY_LIMIT, in_use + MEMORY_LIMIT))


def check_in_limits(project: Path) -> subprocess.CompletedProcess:
    """`catalogue check` with a memory cap and a time limit: exceeding either fails the test.
    It runs in a copy of this process (tests/forked_command.py), one per example."""
    return run_command(
        ["--today", TODAY.isoformat(), "check"], cwd=project, env=dict(os.environ), timeout=TIME_LIMIT, in_copy=_limits
    )


def assert_refused_line_by_line(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    *problems, summary = result.stderr.splitlines()
    assert problems and SUMMARY_LINE.fullmatch(summary), result.stderr
    assert all(PROBLEM_LINE.fullmatch(line) for line in problems), result.stderr


# -- generated YAML documents ------------------------------------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts)
keys = st.one_of(st.sampled_from(["title", "summary", "fr", "en", "hours", "cost", "amount", "<<", "? x"]), texts)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)
# Raw text from YAML's own punctuation: anchors, aliases, tags, flow and block markers.
yaml_alphabet = st.text(alphabet="&*!|>-:?[]{},#'\"%@`\n\t \\ab01.~", max_size=300)


@SETTINGS
@given(document=documents, style=st.sampled_from([None, True, False]))
def test_any_yaml_document_is_refused_line_by_line_within_limits(project, document, style):
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=style)
    (project / "data" / "credentials" / f"{RECORD}.yml").write_text(text, encoding="utf-8")
    assert_refused_line_by_line(check_in_limits(project))


@SETTINGS
@given(text=yaml_alphabet)
def test_any_text_of_yaml_punctuation_is_refused_line_by_line_within_limits(project, text):
    (project / "data" / "credentials" / f"{RECORD}.yml").write_text(text, encoding="utf-8")
    assert_refused_line_by_line(check_in_limits(project))


# -- generated text in every field -----------------------------------------------------------


def _record_with(path: tuple, text: str) -> dict:
    record = yaml.safe_load((RECORDS / "valid" / "full-record.yml").read_text(encoding="utf-8"))
    record["aliases"] = []
    record["stacks_into"] = [{"credential": "free-starter"}]
    target = record
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = text
    return record


def _credential_body(project: Path, docs: Path, path: tuple, text: str) -> str | list[str]:
    """The English page body of a generated record with `text` at `path`, or its problems."""
    record_file = project / "data" / "credentials" / f"{RECORD}.yml"
    record_file.write_text(yaml.safe_dump(_record_with(path, text), allow_unicode=True), encoding="utf-8")
    try:
        build = CatalogueBuild.load(project, docs, project / "overrides" / "catalogue", today=TODAY)
    except DataInvalid as invalid:
        return [str(problem) for problem in invalid.problems]
    build.write()
    return (docs / "mc" / f"{RECORD}.en.md").read_text(encoding="utf-8").split("---\n", 2)[2]


class _Structure(HTMLParser):
    """The tags of a page and their attribute names: what a text must never change."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))


@pytest.fixture(scope="module")
def plain_tags(project, tmp_path_factory) -> Callable[[tuple], list[tuple]]:
    """The tags of the page whose field at a path says "Plain words": built once a field, not once
    an example (the same build each time)."""
    docs = docs_folder(tmp_path_factory.mktemp("plain") / "docs")
    found: dict[tuple, list[tuple]] = {}

    def tags(path: tuple) -> list[tuple]:
        if path not in found:
            found[path] = _Structure(_credential_body(project, docs, path, "Plain words")).tags
        return found[path]

    return tags


@SETTINGS
@given(path=st.sampled_from(TEXT_FIELDS), text=texts)
def test_text_in_a_field_is_shown_escaped_or_refused_with_its_field(project, plain_tags, tmp_path, path, text):
    body = _credential_body(project, docs_folder(tmp_path / "docs"), path, text)
    if isinstance(body, list):
        field = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path).replace(".[", "[")
        assert body and all(line.startswith(f"data/credentials/{RECORD}.yml:") for line in body), body
        assert any(f": {field}: " in line for line in body), body
        event("refused")
        return
    event("shown")
    assert str(escape(text.strip())) in body
    assert _Structure(body).tags == plain_tags(path)


@SETTINGS
@given(text=texts)
def test_text_in_a_provider_name_is_shown_escaped_or_refused(project, tmp_path, text):
    providers = project / "data" / "providers.yml"
    shipped = providers.read_text(encoding="utf-8")
    raw = yaml.safe_load(shipped)
    raw[FULL_PROVIDER]["name"]["en"] = text
    providers.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    (project / "data" / "credentials" / f"{RECORD}.yml").unlink(missing_ok=True)
    try:
        build = CatalogueBuild.load(
            project, docs_folder(tmp_path / "docs"), project / "overrides" / "catalogue", today=TODAY
        )
    except DataInvalid as invalid:
        lines = [str(problem) for problem in invalid.problems]
        assert lines and all(line.startswith("data/providers.yml:") for line in lines), lines
        assert any(f": {FULL_PROVIDER}.name.en: " in line for line in lines), lines
        event("refused")
        return
    finally:
        providers.write_text(shipped, encoding="utf-8")
    event("shown")
    build.write()
    page = (tmp_path / "docs" / "mc" / "full-record.en.md").read_text(encoding="utf-8")
    assert str(escape(text.strip())) in page.split("---\n", 2)[2]


def test_a_billion_laughs_is_refused_within_limits(project):
    """Nine levels of nine aliases: 387 million values if expanded, 1 KB as written."""
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    (project / "data" / "credentials" / f"{RECORD}.yml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    result = check_in_limits(project)
    assert_refused_line_by_line(result)
    assert result.stderr.count("YAML anchors and aliases (&name, *name) are not allowed") == 9


# -- generated records the schema admits, built ------------------------------------------------

# Any character a text may hold once typed in an editor (no control, format, private or unassigned
# code point), and the hostile texts above: most records are valid, some are refused.
letters = st.characters(exclude_categories=("Cc", "Cs", "Cf", "Co", "Cn", "Zl", "Zp"))


def words(limit: int):
    """Any text, and one time in ten a hostile one."""
    typed = st.text(letters, min_size=1, max_size=limit)
    return st.one_of(*[typed] * 9, st.sampled_from(HOSTILE)).filter(str.strip)


def bilingual(limit: int):
    return st.fixed_dictionaries({"fr": words(limit), "en": words(limit)})


MARKDOWN_BITS = ["**", "*", "_", "`", "[", "]", "(", ")", "- ", "1. ", "> ", "\n", "\n\n", "#", "|", "&amp;", "  \n"]
markdown_texts = st.lists(st.one_of(words(60), st.sampled_from(MARKDOWN_BITS)), min_size=1, max_size=60).map("".join)
partial_dates = st.dates(min_value=date(1990, 1, 1), max_value=TODAY).flatmap(
    lambda day: st.sampled_from([day.isoformat(), day.isoformat()[:7], day.year])
)
intakes = st.one_of(
    st.just("continuous"),
    st.lists(st.dates(date(2000, 1, 1), date(TODAY.year + 10, 12, 31)), min_size=1, max_size=4, unique=True).map(
        lambda days: [day.isoformat() for day in days]
    ),
)
amounts = st.decimals(min_value=0, max_value=100000, places=2).map(lambda d: float(d) if d % 1 else int(d))
taxonomy = yaml.safe_load((PROJECT / "data" / "taxonomies.yml").read_text(encoding="utf-8"))


def keys_of(vocabulary: str, least: int, most: int):
    return st.lists(st.sampled_from(sorted(taxonomy[vocabulary])), min_size=least, max_size=most, unique=True)


records = st.fixed_dictionaries(
    {
        "title": bilingual(150),
        "provider": st.sampled_from(SHIPPED_PROVIDERS),
        "summary": bilingual(400),
        "sectors": keys_of("sectors", 1, 3),
        "pathways": keys_of("pathways", 1, 5),
        "source": st.one_of(st.just("https://example.org/source"), bilingual(300)),
        "verified": partial_dates,
    },
    optional={
        "source_date": partial_dates,
        "description": st.fixed_dictionaries({"fr": markdown_texts, "en": markdown_texts}),
        "cost": st.fixed_dictionaries({}, optional={"amount": amounts, "note": bilingual(300)}),
        "hours": st.integers(1, 2000),
        "delivery": st.sampled_from(sorted(taxonomy["delivery"])),
        "regions": keys_of("regions", 0, 3),
        "funding": keys_of("funding", 0, 2),
        "audiences": keys_of("audiences", 0, 2),
        "languages": st.lists(st.sampled_from(["fr", "en"]), min_size=1, max_size=2, unique=True),
        "intake": intakes,
        "outcomes": st.lists(bilingual(300), min_size=1, max_size=3),
        "keywords": st.lists(bilingual(60), max_size=3),
        "award": st.fixed_dictionaries(
            {"type": st.sampled_from(sorted(taxonomy["award_types"]))},
            optional={"expires_after_months": st.integers(1, 240)},
        ),
        "status": st.sampled_from(["active", "paused", "discontinued"]),
    },
)


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    """One docs folder for every generated record: an unchanged file is not written again."""
    return docs_folder(tmp_path_factory.mktemp("generated-docs") / "docs")


@settings(SETTINGS, max_examples=25)
@given(record=records)
def test_any_record_the_schema_admits_is_built_or_refused_line_by_line(project, docs, record):
    """Text, numbers and dates from the whole range the schema admits: the build of every page
    and shared file (previews, calendar, exports, search) ends without a traceback, or the
    check refuses the record, one line per problem, each naming its field."""
    path = project / "data" / "credentials" / f"{RECORD}.yml"
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        build = CatalogueBuild.load(project, docs, project / "overrides" / "catalogue", today=TODAY)
    except DataInvalid as invalid:
        lines = [str(problem) for problem in invalid.problems]
        assert lines and all(PROBLEM_LINE.fullmatch(line) for line in lines), lines
        event("refused")
        return
    finally:
        path.unlink()
    event("built")
    build.write()
    page = (docs / "mc" / f"{RECORD}.en.md").read_text(encoding="utf-8")
    assert str(escape(record["title"]["en"].strip())) in page
