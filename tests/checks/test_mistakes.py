"""The mistakes editors make, each a fixture (tests/fixtures/mistakes/), and the exact lines they
read in English and in French (tests/fixtures/mistakes.expected.yml)."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
import yaml
from microcredential_catalogue.reading.problems import DataInvalid
from microcredential_catalogue.wording.editor_language import editor_language
from support import CATALOGUE, FIXTURES, cli_project, data_folder, run_catalogue, shipped_provider_ids

MISTAKES = FIXTURES / "mistakes"
EXPECTED = yaml.safe_load((FIXTURES / "mistakes.expected.yml").read_text(encoding="utf-8"))
SHIPPED_PROVIDERS = shipped_provider_ids()  # {providers} in an expected line: the shipped ones, as listed
WHERE = re.compile(r"\{file\}:\d+: ")  # every line names the file and the line
BREAKABLE_BEFORE_PUNCTUATION = re.compile(r" [:;?!]")


def messages(tmp_path, fixture: str, lang: str) -> list[str]:
    from microcredential_catalogue.checks.validate import load_catalogue
    from support import TODAY

    root = data_folder(tmp_path, MISTAKES / fixture)
    with pytest.raises(DataInvalid) as caught:
        load_catalogue(root, today=TODAY)
    name = f"data/credentials/{fixture}"
    return [problem.in_language(lang).replace(name, "{file}") for problem in caught.value.problems]


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_each_mistake_is_explained_in_both_languages(tmp_path, fixture):
    expected = EXPECTED[fixture]
    for lang in ("en", "fr"):
        wanted = [line[lang].replace("{providers}", SHIPPED_PROVIDERS) for line in expected]
        assert messages(tmp_path / lang, fixture, lang) == wanted


def test_the_corpus_holds_forty_mistakes_each_with_its_messages():
    assert sorted(p.name for p in MISTAKES.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 40


def test_every_message_names_its_place_and_is_really_translated():
    for fixture, lines in EXPECTED.items():
        for line in lines:
            assert WHERE.match(line["en"]) and WHERE.match(line["fr"]), fixture
            assert line["en"] != line["fr"], fixture
            # French keeps its punctuation on the line: a no-break space before : ; ? !
            assert not BREAKABLE_BEFORE_PUNCTUATION.search(line["fr"].split(": ", 1)[1]), fixture


def test_check_speaks_french_when_asked_or_when_the_environment_is_french(tmp_path):
    project = cli_project(tmp_path, None)
    (project / "data" / "credentials" / "quoted-hours.yml").write_text(
        (MISTAKES / "hours-in-quotes.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    english = run_catalogue(project, "check")
    french = run_catalogue(project, "check", "--lang", "fr")
    assert english.returncode == french.returncode == 1
    assert "write 40 without quotes" in english.stderr and "nothing was built" in english.stderr
    assert "écrivez 40 sans guillemets" in french.stderr
    assert "1 problème dans les données\u00a0: rien n'a été construit." in french.stderr
    environment = dict(os.environ, LANGUAGE="", LC_ALL="", LC_MESSAGES="", LANG="fr_CA.UTF-8")
    default = subprocess.run([CATALOGUE, "check"], cwd=project, env=environment, capture_output=True, text=True)
    assert default.stderr == french.stderr


@pytest.mark.parametrize(
    "environ, lang",
    [
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANGUAGE": "fr:en", "LANG": "en_CA.UTF-8"}, "fr"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "fr_CA.UTF-8"}, "en"),
        ({"LANGUAGE": "", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_default_language_is_the_environments(environ, lang):
    assert editor_language(environ) == lang
