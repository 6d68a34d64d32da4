"""One hostile corpus, walked through every kind of file the build reads from the project: a
credential, providers.yml, taxonomies.yml, site.yml, synonyms.yml, a JSON Schema and the site's
words (overrides/locales/catalogue.yml). Each goes through the one safe reader, so each class
of hostile file gets the same message, naming that file, whatever its kind; and nothing of an
outside file a link points at is ever printed."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from microcredential_catalogue import cli
from microcredential_catalogue.pages.render import load_strings
from microcredential_catalogue.reading.problems import DataInvalid
from support import PROJECT, RECORDS, TODAY, data_folder

SECRET = "SECRET-CONTENT-OF-AN-OUTSIDE-FILE"


@dataclass(frozen=True)
class Kind:
    path: str  # relative to the project
    text: str  # a valid file whose hostile string sits at `line`, field `field`, as "VALUE"
    line: int
    field: str
    yaml: bool = True


def _providers() -> str:
    return (PROJECT / "data" / "providers.yml").read_text(encoding="utf-8")


KINDS = {
    "credential": Kind(
        "data/credentials/hostile.yml",
        (RECORDS / "valid" / "free-starter.yml")
        .read_text(encoding="utf-8")
        .replace("title: {fr: Démarrage gratuit, en: Free starter}", 'title: {fr: Titre, en: "VALUE"}'),
        1,
        "title.en",
    ),
    "providers": Kind(
        "data/providers.yml",
        _providers()
        + 'hostile-college:\n  name: {fr: Nom, en: "VALUE"}\n  type: college\n  url: https://example.org\n',
        len(_providers().splitlines()) + 2,
        "hostile-college.name.en",
    ),
    "taxonomies": Kind(
        "data/taxonomies.yml",
        'sectors:\n  hostile:\n    label: {fr: Nom, en: "VALUE"}\n'
        + (PROJECT / "data" / "taxonomies.yml").read_text(encoding="utf-8").replace("sectors:\n", "", 1),
        3,
        "sectors.hostile.label.en",
    ),
    "site": Kind(
        "data/site.yml",
        'organisation:\n  name: {fr: Nom, en: "VALUE"}\ncontact:\n  email: catalogue@example.org\n',
        2,
        "organisation.name.en",
    ),
    "synonyms": Kind("data/synonyms.yml", 'fr:\n  - [soudage, "VALUE"]\n', 2, "fr[1][2]"),
    "schema": Kind("data/schema/credential.schema.json", "", 1, "", yaml=False),
    "site's words": Kind("overrides/locales/catalogue.yml", "", 1, "", yaml=False),
}


def project(tmp_path: Path) -> Path:
    root = data_folder(tmp_path / "project")
    shutil.copy(PROJECT / "data" / "site.yml", root / "data" / "site.yml")
    shutil.copy(PROJECT / "data" / "synonyms.yml", root / "data" / "synonyms.yml")
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    return root


def report(root: Path, kind: Kind, capsys) -> list[str]:
    """What an editor reads: `catalogue check`'s lines, or the build's for the site's words."""
    if kind.path.startswith("overrides/"):
        with pytest.raises(DataInvalid) as caught:
            load_strings(root / "overrides" / "catalogue")
        return [str(problem) for problem in caught.value.problems]
    assert cli.main(["--today", TODAY.isoformat(), "check"], project_root=root) == 1
    output = capsys.readouterr()
    assert "Traceback" not in output.err
    return output.err.splitlines()[:-1]  # the last line counts the problems


# -- the file system: what the file is, before any of it is read ---------------------------

SYMLINK = "is a symbolic link: put the file itself here, not a link to it"
FILE_SYSTEM = {
    "link to an outside file": SYMLINK,
    "link to /dev/zero": SYMLINK,
    "link to a folder": SYMLINK,
    "pipe": "is not a plain file (a pipe, socket or device): put a plain text file here",
    "folder": "is a folder: a data file must be a plain text file",
    "10 MB file": "is larger than 256 KB: a data file holds a few KB of text; check that it is the right file",
    "Latin-1": "is not UTF-8 text: the character at line 1, column 4 (byte 0xE9) is written in another encoding, "
    "often an accent saved as Windows-1252 or Latin-1: save the file as UTF-8 (in your editor: Save as, then "
    "Encoding: UTF-8)",
    "UTF-16": "is UTF-16 text, not UTF-8: save the file as UTF-8",
}


def make(path: Path, case: str, tmp_path: Path) -> None:
    path.unlink()
    if case == "link to an outside file":
        outside = tmp_path / "outside.yml"
        outside.write_text(f"title: {SECRET}\n", encoding="utf-8")
        path.symlink_to(outside)
    elif case == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif case == "link to a folder":
        path.symlink_to(tmp_path)
    elif case == "pipe":
        os.mkfifo(path)
    elif case == "folder":
        path.mkdir()
    elif case == "10 MB file":
        path.write_bytes(b"# x\n" * (10 * 1024 * 1024 // 4))
    elif case == "Latin-1":
        path.write_bytes("a: été\n".encode("latin-1"))
    elif case == "UTF-16":
        path.write_bytes("a: b\n".encode("utf-16"))


@pytest.mark.parametrize("case", FILE_SYSTEM, ids=FILE_SYSTEM.keys())
@pytest.mark.parametrize("kind", KINDS.values(), ids=KINDS.keys())
def test_every_kind_of_file_refuses_every_hostile_file_alike(tmp_path, capsys, kind, case):
    root = project(tmp_path)
    path = root / kind.path
    if not path.exists():
        path.write_text("placeholder\n", encoding="utf-8")
    make(path, case, tmp_path)
    lines = report(root, kind, capsys)
    assert f"{kind.path}:{1}: {FILE_SYSTEM[case]}" in lines, lines
    assert not any(SECRET in line for line in lines)


# -- the text: the one text policy on every string, whatever the file ----------------------

TEXT = {
    "markup": ("<b>gras</b>", "must be plain text without HTML tags (got '<b>gras</b>')"),
    "bidi override": (
        "abc\\u202edef",
        "must not contain a bidirectional control character (got U+202E at character 4): "
        "these make a text read differently from what it says; delete it",
    ),
    "NUL": ("a\\0b", "must not contain a control character (got U+0000 (NUL) at character 2): delete it"),
    "escape": ("a\\eb", "must not contain a control character (got U+001B (escape) at character 2): delete it"),
    "zero-width only": (
        "\\u200b\\u200b",
        "contains only invisible characters (spaces, zero-width characters): write the text",
    ),
}


@pytest.mark.parametrize("case", TEXT, ids=TEXT.keys())
@pytest.mark.parametrize("kind", [k for k in KINDS.values() if k.yaml], ids=[n for n, k in KINDS.items() if k.yaml])
def test_every_string_of_every_kind_of_file_follows_the_text_policy(tmp_path, capsys, kind, case):
    root = project(tmp_path)
    value, message = TEXT[case]
    (root / kind.path).write_text(kind.text.replace("VALUE", value), encoding="utf-8")
    assert report(root, kind, capsys) == [f"{kind.path}:{kind.line}: {kind.field}: {message}"]


@pytest.mark.parametrize("kind", [k for k in KINDS.values() if k.yaml], ids=[n for n, k in KINDS.items() if k.yaml])
def test_a_raw_control_character_is_named_by_line_column_and_field(tmp_path, capsys, kind):
    root = project(tmp_path)
    text = kind.text.replace('"VALUE"', "ab\x7fc")
    (root / kind.path).write_text(text, encoding="utf-8")
    column = text.splitlines()[kind.line - 1].index("\x7f") + 1
    assert report(root, kind, capsys) == [
        f"{kind.path}:{kind.line}: {kind.field}: must not contain a control character "
        f"(got U+007F (delete) at line {kind.line}, column {column}): delete it"
    ]


def test_the_valid_files_of_every_kind_pass(tmp_path, capsys):
    root = project(tmp_path)
    for kind in KINDS.values():
        if kind.yaml:
            (root / kind.path).write_text(kind.text.replace("VALUE", "Plain words"), encoding="utf-8")
    assert cli.main(["--today", TODAY.isoformat(), "check"], project_root=root) == 0, capsys.readouterr().err
    assert load_strings(root / "overrides" / "catalogue")["site_name"]["fr"]


def test_a_broken_schema_is_one_line_naming_it(tmp_path, capsys):
    root = project(tmp_path)
    (root / "data" / "schema" / "credential.schema.json").write_text('{"type": "object",\n  "properties": }\n')
    assert report(root, KINDS["schema"], capsys) == [
        "data/schema/credential.schema.json:1: is not valid JSON (line 2, column 17: Expecting value): "
        "restore it from the project's repository"
    ]


def test_a_schema_edited_back_and_forth_is_judged_as_it_now_is(tmp_path, capsys):
    """Each schema text is checked against JSON Schema's own once per process (reading/schema.py):
    a check run again after an edit, as `mkdocs serve` does, judges the text as it now is."""
    root = project(tmp_path)
    schema = root / "data" / "schema" / "credential.schema.json"
    good = schema.read_text(encoding="utf-8")
    check = ["--today", TODAY.isoformat(), "check"]
    assert cli.main(check, project_root=root) == 0, capsys.readouterr().err
    schema.write_text(good.replace('"type": "object"', '"type": 12', 1), encoding="utf-8")
    assert cli.main(check, project_root=root) == 1
    (line,) = [line for line in capsys.readouterr().err.splitlines() if "schema" in line]
    assert line.startswith("data/schema/credential.schema.json:1: is not a valid JSON Schema (")
    schema.write_text(good, encoding="utf-8")
    assert cli.main(check, project_root=root) == 0, capsys.readouterr().err


# -- what the site generator reads and writes beside data/ ---------------------------------


def test_a_linked_template_is_refused_before_its_target_is_read(tmp_path):
    from jinja2 import Environment
    from microcredential_catalogue.pages.render import PlainFileLoader

    overrides = tmp_path / "project" / "overrides"
    shutil.copytree(PROJECT / "overrides", overrides)
    secret = tmp_path / "outside.html"
    secret.write_text(SECRET, encoding="utf-8")
    (overrides / "catalogue" / "credential.html").unlink()
    (overrides / "catalogue" / "credential.html").symlink_to(secret)
    loader = PlainFileLoader(overrides / "catalogue")
    with pytest.raises(DataInvalid) as caught:
        loader.get_source(Environment(), "credential.html")
    assert [str(p) for p in caught.value.problems] == [
        "overrides/catalogue/credential.html:1: is a symbolic link: put the file itself here, not a link to it"
    ]


def test_a_linked_script_is_never_joined_into_a_page(tmp_path):
    from microcredential_catalogue.pages.script_bundle import BundleError, bundle

    scripts = tmp_path / "javascripts"
    shutil.copytree(PROJECT / "docs" / "assets" / "javascripts", scripts)
    secret = tmp_path / "outside.js"
    secret.write_text(f"// {SECRET}\n", encoding="utf-8")
    (scripts / "search" / "text.js").unlink()
    (scripts / "search" / "text.js").symlink_to(secret)
    with pytest.raises(BundleError) as caught:
        bundle(scripts, "catalogue.js")
    assert "text.js is a symbolic link" in str(caught.value) and SECRET not in str(caught.value)


def test_a_generated_page_is_never_written_through_a_link_or_into_a_pipe(tmp_path):
    from microcredential_catalogue.pages.files import write_pages

    docs = tmp_path / "docs"
    (docs / "mc").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (docs / "mc" / "x.fr.md").symlink_to(victim)
    os.mkfifo(docs / "mc" / "y.fr.md")
    (docs / "browse").symlink_to(elsewhere)
    write_pages([], docs, {"mc/x.fr.md": "page", "mc/y.fr.md": "page", "browse/z.fr.md": "page"})
    assert victim.read_text(encoding="utf-8") == "keep me" and list(elsewhere.iterdir()) == []
    for name in ("mc/x.fr.md", "mc/y.fr.md", "browse/z.fr.md"):
        path = docs / name
        assert not path.is_symlink() and path.is_file() and path.read_text(encoding="utf-8") == "page"
    assert not (docs / "browse").is_symlink()


@pytest.mark.parametrize("case", ["link", "pipe", "linked folder"])
def test_mkdocs_is_stopped_before_it_reads_a_link_or_a_pipe_under_docs(tmp_path, case):
    from mkdocs.exceptions import Abort
    from mkdocs.structure.files import File, Files

    from hooks import mkdocs_catalogue

    root = tmp_path / "project"
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "passwd.txt").write_text(SECRET, encoding="utf-8")
    (docs / "fine.md").write_text("# Fine\n", encoding="utf-8")
    if case == "link":
        (docs / "passwd.txt").symlink_to(tmp_path / "outside" / "passwd.txt")
        name, message = "docs/passwd.txt", "is a symbolic link: put the file itself here, not a link to it"
    elif case == "pipe":
        os.mkfifo(docs / "waiting.txt")
        name, message = "docs/waiting.txt", "is not a plain file (a pipe, socket or device): put a plain file here"
    else:
        (docs / "more").symlink_to(tmp_path / "outside")
        name = "docs/more/passwd.txt"
        message = "is a symbolic link (its folder more is a link): put the file itself here, not a link to it"
    listed = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if not p.is_dir() or p.is_symlink()]
    listed = ["more/passwd.txt" if entry == "more" else entry for entry in listed]
    files = Files([File(entry, str(docs), str(tmp_path / "site"), True) for entry in listed])

    class Config:
        config_file_path = str(root / "mkdocs.yml")

    with pytest.raises(Abort) as caught:
        mkdocs_catalogue.on_files(files, Config())
    assert str(caught.value) == f"{name}: {message}"
