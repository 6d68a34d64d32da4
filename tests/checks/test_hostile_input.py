"""Input that used to hang, crash or slip through (issue 7), made at test time when a fixture
file cannot hold it: links, pipes, folders, huge or deeply nested files, odd file names, hostile
providers and vocabularies, an empty catalogue. Each ends in the exact line an editor reads."""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from microcredential_catalogue.building.catalogue_build import CatalogueBuild
from microcredential_catalogue.model.ids import RESERVED, id_problem
from support import (
    GENERATED,
    PROJECT,
    RECORDS,
    TODAY,
    cli_project,
    data_folder,
    docs_folder,
    problems_of,
    run_catalogue,
)

VALID = RECORDS / "valid" / "free-starter.yml"
RESERVED_LIST = (
    "404, about, assets, browse, campus, catalogue, catalogue-data, contributing, cost, delivery, editors, embed, en, "
    "favicon, feed, feeds, fields, fr, hours, index, learn, links, mc, not-specified, page-scripts, pathways, practitioners, "
    "providers, questions, referral-sheet, regions, robots, search, sectors, share, site, sitemap, stylesheets, what-is"
)


def credentials_of(root: Path) -> Path:
    return root / "data" / "credentials"


def check(project: Path):
    """`catalogue check` in a subprocess: a hang or a crash fails the test, not the run."""
    result = run_catalogue(project, "check")
    assert "Traceback" not in result.stderr
    return result


# -- files that are not plain text files -----------------------------------------------------


def test_a_link_to_a_file_outside_the_project_is_refused_without_reading_it(tmp_path):
    secret = tmp_path / "outside.yml"
    secret.write_text("title: SECRET-CONTENT\n", encoding="utf-8")
    root = data_folder(tmp_path / "project")
    (credentials_of(root) / "linked.yml").symlink_to(secret)
    problems = problems_of(root)
    assert problems == ["data/credentials/linked.yml:1: is a symbolic link: put the file itself here, not a link to it"]


def test_a_linked_credentials_folder_is_refused_without_reading_it(tmp_path):
    root = data_folder(tmp_path / "project")
    elsewhere = tmp_path / "elsewhere"
    credentials_of(root).rename(elsewhere)
    credentials_of(root).symlink_to(elsewhere)
    assert problems_of(root) == ["data/credentials:1: is a symbolic link: put the folder itself here, not a link to it"]


def test_a_symlink_loop_is_refused(tmp_path):
    root = data_folder(tmp_path)
    folder = credentials_of(root)
    (folder / "loop-a.yml").symlink_to(folder / "loop-b.yml")
    (folder / "loop-b.yml").symlink_to(folder / "loop-a.yml")
    assert problems_of(root) == [
        "data/credentials/loop-a.yml:1: is a symbolic link: put the file itself here, not a link to it",
        "data/credentials/loop-b.yml:1: is a symbolic link: put the file itself here, not a link to it",
    ]


def test_a_pipe_named_like_a_record_does_not_hang_check(tmp_path):
    project = cli_project(tmp_path, None)
    os.mkfifo(project / "data" / "credentials" / "waiting.yml")
    result = check(project)  # `run` times out after 60 s: a hang fails here
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "data/credentials/waiting.yml:1: is not a plain file (a pipe, socket or device): put a plain text file here"
    )


def test_a_folder_named_like_a_record_is_refused(tmp_path):
    root = data_folder(tmp_path)
    (credentials_of(root) / "folder.yml").mkdir()
    assert problems_of(root) == ["data/credentials/folder.yml:1: is a folder: a data file must be a plain text file"]


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path):
    root = data_folder(tmp_path)
    huge = credentials_of(root) / "huge.yml"
    huge.write_text(VALID.read_text(encoding="utf-8") + "# padding\n" * 30_000, encoding="utf-8")
    assert problems_of(root) == [
        "data/credentials/huge.yml:1: is larger than 256 KB: a data file holds a few KB of text; "
        "check that it is the right file"
    ]


def test_nesting_a_hundred_thousand_levels_deep_neither_crashes_nor_recurses(tmp_path):
    project = cli_project(tmp_path, None)
    deep = project / "data" / "credentials" / "deep.yml"
    deep.write_text("keywords: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = check(project)  # a segfault or RecursionError would show here
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "data/credentials/deep.yml:1: nests values more than 10 levels deep: no field goes deeper than 4; "
        "check the indentation"
    )


def test_a_file_name_with_a_line_break_is_quoted_in_the_message(tmp_path):
    root = data_folder(tmp_path)
    shutil.copy(VALID, credentials_of(root) / "new\nline.yml")
    assert problems_of(root) == [
        "'data/credentials/new\\nline.yml':1: the file name 'new\\nline' is not a valid id: use 3 to 80 "
        "lowercase letters, digits and single hyphens, such as new-line.yml"
    ]


# -- hostile text in providers and vocabularies ----------------------------------------------


def _edit_yaml(path: Path, change) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def providers_file(root: Path, mohawk_name: str = "Mohawk College", extra_key: str = "") -> None:
    """The providers the valid fixtures use, written here so that line numbers stay put."""
    text = "".join(
        f"{key}:\n  name: {{fr: {name}, en: {name}}}\n  type: college\n  url: https://example.org/{key}\n"
        for key, name in (
            ("durham-college", "Durham College"),
            ("mohawk-college", mohawk_name),
            ("st-lawrence-college", "St. Lawrence College"),
            *([(extra_key, "Another College")] if extra_key else []),
        )
    )
    (root / "data" / "providers.yml").write_text(text, encoding="utf-8")


def test_markup_in_a_provider_name_is_refused(tmp_path):
    root = data_folder(tmp_path)
    providers_file(root, mohawk_name="'<img src=x onerror=alert(1)>'")
    assert problems_of(root) == [
        "data/providers.yml:6: mohawk-college.name.en: must be plain text without HTML tags "
        "(got '<img src=x onerror=alert(1)>')",
        "data/providers.yml:6: mohawk-college.name.fr: must be plain text without HTML tags "
        "(got '<img src=x onerror=alert(1)>')",
    ]


def test_a_provider_key_that_would_overwrite_a_page_is_refused(tmp_path):
    root = data_folder(tmp_path)
    providers_file(root, extra_key="index")
    assert problems_of(root) == [
        "data/providers.yml:13: index: 'index' is a word the site uses for its own pages: choose another; "
        f"the reserved words are: {RESERVED_LIST}"
    ]


def test_a_vocabulary_key_that_would_overwrite_a_page_is_refused(tmp_path):
    root = data_folder(tmp_path)
    _edit_yaml(
        root / "data" / "taxonomies.yml",
        lambda raw: raw["sectors"].update({"not-specified": copy.deepcopy(raw["sectors"]["health"])}),
    )
    problems = problems_of(root)
    assert (
        len(problems) == 1
        and problems[0].startswith("data/taxonomies.yml:")
        and problems[0].endswith(
            ": sectors.not-specified: 'not-specified' is a word the site uses for its own pages: choose another; "
            f"the reserved words are: {RESERVED_LIST}"
        )
    )


def test_a_bidi_override_in_a_vocabulary_label_is_refused(tmp_path):
    root = data_folder(tmp_path)
    _edit_yaml(
        root / "data" / "taxonomies.yml", lambda raw: raw["sectors"]["health"]["label"].update(en="Health\u202e")
    )
    problems = problems_of(root)
    assert len(problems) == 1 and problems[0].endswith(
        ": sectors.health.label.en: must not contain a bidirectional control character (got U+202E at character 7): "
        "these make a text read differently from what it says; delete it"
    )


def test_a_broken_taxonomies_file_does_not_hide_the_records_mistakes(tmp_path):
    root = data_folder(tmp_path, RECORDS / "invalid" / "unknown-sector.yml")
    _edit_yaml(root / "data" / "taxonomies.yml", lambda raw: raw.update(colour="blue"))
    problems = problems_of(root)
    assert [line.split(":")[0] for line in problems] == ["data/credentials/unknown-sector.yml", "data/taxonomies.yml"]
    assert "'helth' is not a sector" in problems[0]


# -- an empty catalogue ----------------------------------------------------------------------


@pytest.mark.parametrize("records", [[], [RECORDS / "valid" / "closed-course.yml"]], ids=["none", "discontinued"])
def test_an_empty_catalogue_builds_an_empty_site(tmp_path, records):
    root = tmp_path / "project"
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.rmtree(root / "data" / "credentials")
    (root / "data" / "credentials").mkdir()
    for record in records:
        shutil.copy(record, root / "data" / "credentials" / record.name)
    docs = docs_folder(root / "docs")
    build = CatalogueBuild.load(root, docs, root / "overrides" / "catalogue", today=TODAY)
    build.write()
    assert (docs / "catalogue.fr.md").is_file() and (docs / "index.en.md").is_file()
    facets = json.loads((docs / "assets" / "catalogue-data" / "facets-fr.json").read_text(encoding="utf-8"))
    assert facets["records"] == []


# -- bin/catalogue new -----------------------------------------------------------------------


def test_new_ends_quietly_when_the_prompt_gets_no_answer(tmp_path):
    project = cli_project(tmp_path, None)
    result = run_catalogue(project, "new", stdin="")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == "No id given: nothing was written."
    assert list((project / "data" / "credentials").iterdir()) == []


def test_new_works_beside_a_folder_named_like_a_record_and_a_binary_file(tmp_path):
    project = cli_project(tmp_path, "cli-stale")
    (project / "data" / "credentials" / "folder.yml").mkdir()
    shutil.copy(RECORDS / "invalid" / "binary-file.yml", project / "data" / "credentials" / "binary-file.yml")
    refused = run_catalogue(project, "new", "folder")
    assert refused.returncode == 1
    assert refused.stderr == "'folder' is already the id of data/credentials/folder.yml: choose another id\n"
    made = run_catalogue(project, "new", "fresh-record")
    assert made.returncode == 0, made.stderr
    assert (project / "data" / "credentials" / "fresh-record.yml").is_file()


def test_new_and_the_validator_share_one_id_rule(tmp_path):
    project = cli_project(tmp_path, None)
    for candidate in ("index", "trailing-newline\n", "Bad Name"):
        result = run_catalogue(project, "new", candidate)
        assert result.returncode == 1
        assert result.stderr == str(id_problem(candidate)) + "\n"
    root = data_folder(tmp_path / "validator", RECORDS / "invalid" / "index.yml")
    assert problems_of(root) == [f"data/credentials/index.yml:1: the file name {id_problem('index')}"]


def test_check_reports_every_hostile_file_in_one_run_with_one_line_per_problem(tmp_path):
    project = cli_project(tmp_path, None)
    fixtures = sorted((RECORDS / "invalid").iterdir())
    for fixture in [*fixtures, *(RECORDS / "valid").iterdir()]:
        shutil.copy(fixture, project / "data" / "credentials" / fixture.name)
    result = check(project)
    assert result.returncode == 1
    *lines, summary = result.stderr.splitlines()
    assert summary == f"{len(lines)} problems in the data: nothing was built. Fix the lines above and try again."
    named = {line.split(":")[0] for line in lines}
    assert named == {f"data/credentials/{fixture.name}" for fixture in fixtures}


def test_every_generated_page_name_is_reserved():
    """A new generated page (listed in .gitignore) must join the reserved words, or a key could take it."""
    names = set()
    for generated in GENERATED:
        parts = generated.removeprefix("docs/").split("/")
        names.update(part.split(".")[0] for part in parts)
    assert names <= RESERVED, names - RESERVED


# -- nothing in data/credentials/ left unread without a word -----------------------------------


def test_a_hidden_record_is_named_not_silently_skipped(tmp_path):
    root = data_folder(tmp_path)
    shutil.copy(VALID, credentials_of(root) / ".brouillon.yml")
    (credentials_of(root) / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # the system's: left alone
    (credentials_of(root) / ".gitkeep").write_text("", encoding="utf-8")
    assert problems_of(root) == [
        "data/credentials/.brouillon.yml:1: is a hidden file (its name starts with a dot), so it is not read as a "
        "record: rename it brouillon.yml, or move it out of data/credentials/"
    ]


def test_records_in_a_folder_inside_credentials_are_named_not_silently_skipped(tmp_path):
    root = data_folder(tmp_path)
    nested = credentials_of(root) / "archive"
    nested.mkdir()
    shutil.copy(VALID, nested / "old-one.yml")
    shutil.copy(VALID, nested / "old-two.yml")
    (credentials_of(root) / "notes").mkdir()
    assert problems_of(root) == [
        "data/credentials/archive:1: is a folder (it holds 2 .yml files): records are read from data/credentials/ "
        "itself, not from folders inside it; move each record up into data/credentials/, and anything else out of data/",
        "data/credentials/notes:1: is a folder: records are read from data/credentials/ itself, not from folders "
        "inside it; move each record up into data/credentials/, and anything else out of data/",
    ]


def test_a_hidden_or_nested_file_is_said_in_french_too(tmp_path):
    from microcredential_catalogue.checks.validate import load_catalogue
    from microcredential_catalogue.reading.problems import DataInvalid

    root = data_folder(tmp_path)
    shutil.copy(VALID, credentials_of(root) / ".cache.yml")
    with pytest.raises(DataInvalid) as caught:
        load_catalogue(root, today=TODAY)
    assert [problem.in_language("fr") for problem in caught.value.problems] == [
        "data/credentials/.cache.yml:1: est un fichier caché (son nom commence par un point)\u00a0: il n'est pas lu "
        "comme une fiche\u202f; renommez-le cache.yml, ou sortez-le de data/credentials/"
    ]
