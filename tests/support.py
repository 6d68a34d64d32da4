"""Shared helpers for tests: building a real site from a project tree, shipped or fixture."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

try:
    from forked_command import run_command  # tests/ on the path, as pytest runs the tests
except ModuleNotFoundError:  # imported as tests.support, by the benchmarks (python3 -m bench.run)
    from tests.forked_command import run_command
from lxml import etree, html
from microcredential_catalogue import addresses
from microcredential_catalogue.pages import csp

PROJECT = Path(__file__).resolve().parent.parent
# The editors' command, as `make install` puts it beside the virtual environment's Python.
CATALOGUE = str(Path(sys.executable).with_name("catalogue"))
# Pages and assets the build writes under docs/: the same list git ignores, read from .gitignore.
GENERATED = tuple(
    line.strip().strip("/")
    for line in (PROJECT / ".gitignore").read_text(encoding="utf-8").splitlines()
    if line.startswith("/docs/")
)


_LEFT_BEHIND = shutil.ignore_patterns("site", "node_modules", ".git", ".pytest_cache", "test-artifacts")


def _not_copied(folder: str, names: list[str]) -> set[str]:
    """What a copy leaves out: what builds and tests leave, and the generated pages and images of
    docs/ (hundreds of files, each copied and then deleted before). hooks/ keeps its compiled
    modules: they name their source's time and size, which the copy keeps, so a build of the copy
    does not compile the package again."""
    below = Path(folder).relative_to(PROJECT).as_posix()
    left = set(_LEFT_BEHIND(folder, names)) | {name for name in names if f"{below}/{name}" in GENERATED}
    if not below.startswith("hooks"):
        left |= {name for name in names if name == "__pycache__"}
    return left


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A copy of the project (without built or generated files), optionally with other data/."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "hooks", "overrides", "docs", "data"):
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_not_copied)
        else:
            shutil.copy2(source, target / name)
    if data is not None:
        shutil.rmtree(target / "data")
        shutil.copytree(data, target / "data")
        shutil.copytree(PROJECT / "data" / "schema", target / "data" / "schema", dirs_exist_ok=True)
    return target


def html_document(text: str):
    """A whole page parsed into an ElementTree-like tree, for tests that read what it states.

    lxml reads a page about thirty times faster than html5lib. Its parser is not the HTML
    standard's, but on our pages the two give the same tree: tests/pages/test_page_safety.py
    parses every page of the shipped and hostile sites the standard's way (html5lib) and fails
    on any parse error, and the validator tests run the Nu Html Checker. Two habits of lxml's
    are undone here: comments are not elements, and a newline right after <pre> is not text."""
    document = html.document_fromstring(text)
    etree.strip_elements(document, etree.Comment, with_tail=False)
    for element in document.iter("pre", "textarea", "listing"):
        if element.text and element.text.startswith("\n"):
            element.text = element.text[1:]
    return document


def small_project(target: Path, records: int = 2) -> Path:
    """A copy of the project with its first `records` credentials and its hand-written pages reduced
    to their titles (they link to records and lists that two records do not make): for a test of
    the build itself, where which pages it builds does not matter. Its build takes about half as
    long as the shipped project's (2.4 s of CPU against 4.4)."""
    project = copy_project(target)
    for path in sorted((project / "data" / "credentials").glob("*.yml"))[records:]:
        path.unlink()
    blank_knowledge_pages(project)
    return project


def mkdocs_build(
    project: Path, site_dir: Path, site_url: str | None = None, compare_filled_pages: bool = True
) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict`, as the README tells a user to; every credential page
    filled from its kind's shell is also rendered by the theme, and a difference stops the build
    (hooks/mkdocs_catalogue.py, _filled)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CATALOGUE_COMPARE_FILLED_PAGES="1" if compare_filled_pages else "")
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_with_a_line_added(
    project: Path, script: str, line: str, site_dir: Path
) -> tuple[subprocess.CompletedProcess, int]:
    """Build `project` with `line` added at the end of its script `script` (under
    assets/javascripts/): what the build printed, and the number of the added line."""
    path = project / "docs" / addresses.script(script)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    return mkdocs_build(project, site_dir), len(lines) + 1


def docs_folder(folder: Path) -> Path:
    """A docs folder for a build outside a copied project: it holds the project's scripts, which
    the build joins into the search pages' script (pages/scripts.py)."""
    scripts = folder / addresses.SCRIPTS
    if not scripts.is_dir():
        shutil.copytree(PROJECT / "docs" / addresses.SCRIPTS, scripts)
    return folder


def blank_knowledge_pages(project: Path) -> None:
    """The hand-written pages link to shipped records that fixture data lacks: keep only titles."""
    for path in (project / "docs").rglob("*.md"):
        path.write_text(f"# {path.stem}\n", encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Loopback:
    """A local HTTP server, bound first so a site can be built for its address, then serving it."""

    def __init__(self):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _QuietHandler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.serving = False

    def serve(self, folder: Path) -> str:
        self.server.RequestHandlerClass = functools.partial(_QuietHandler, directory=str(folder))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.serving = True
        return self.url

    def close(self) -> None:
        if self.serving:  # shutdown() waits for serve_forever(): it would hang on a server never started
            self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A folder over HTTP on the loopback; yields its base URL."""
    loopback = Loopback()
    try:
        yield loopback.serve(folder)
    finally:
        loopback.close()


SEARCH_PAGES = {"catalogue.js": addresses.CATALOGUE, "embed.js": addresses.EMBED_PAGE}


def served_page_script(site_dir: Path, entry: str, lang: str) -> str:
    """The joined script a search page carries inside it (pages/scripts.py): its longest inline script."""
    html = (site_dir / addresses.url(SEARCH_PAGES[entry], lang) / "index.html").read_text(encoding="utf-8")
    return max(csp.inline_scripts(html), key=len)


def built_pages(site_dir: Path) -> set[str]:
    """Every HTML page of a built site, as a path relative to the site root."""
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}


def shipped_provider_ids() -> str:
    """The shipped providers' ids as a validation message lists them ("use one of: …")."""
    import yaml

    providers = yaml.safe_load((PROJECT / "data" / "providers.yml").read_text(encoding="utf-8"))
    return ", ".join(sorted(providers))


def shipped_credential_count() -> int:
    return len(list((PROJECT / "data" / "credentials").glob("*.yml")))


# The day the fixtures are read on: whether a record is stale depends on it.
TODAY = date(2026, 11, 28)
# The day the shipped data is read on: the real one, as the build reads it. An editor's record
# checked today is valid today, so no test over the shipped data may use a fixed earlier day.
SHIPPED_DAY = max(TODAY, date.today())
FIXTURES = PROJECT / "tests" / "fixtures"


@functools.cache
def shipped_catalogue():
    """The shipped data as the build reads it today (read once per test process)."""
    from microcredential_catalogue.checks.validate import load_catalogue

    return load_catalogue(PROJECT, SHIPPED_DAY)


def shipped_example(description: str, wanted, catalogue=None) -> str:
    """The address ("mc/<id>/") of the first listed shipped credential, by id, for which
    `wanted(credential)` is true. Tests choose records by what they show, never by id, so an
    editor's valid change never turns them red; a data set with no such record says so.
    `catalogue`: another loaded catalogue than the shipped one (a test of this choice)."""
    catalogue = catalogue or shipped_catalogue()
    found = sorted((c for c in catalogue.listed if wanted(c)), key=lambda c: c.id)
    if not found:
        raise LookupError(f"the shipped data has no listed credential that {description}")
    return f"mc/{found[0].id}/"


def shipped_credential(address: str):
    """The shipped credential a page address ("mc/<id>/", "en/mc/<id>/") shows."""
    wanted = address.strip("/").rsplit("/", 1)[-1]
    (credential,) = (c for c in shipped_catalogue().credentials if c.id == wanted)
    return credential


def shipped_provider_with(description: str, wanted, catalogue=None) -> str:
    """The id of the first shipped provider, by id, for which `wanted(provider, credentials)` is
    true, `credentials` being its listed ones. As shipped_example: chosen by what it has, never by id."""
    catalogue = catalogue or shipped_catalogue()
    for key in sorted(catalogue.providers):
        if wanted(catalogue.providers[key], [c for c in catalogue.listed if c.provider == key]):
            return key
    raise LookupError(f"the shipped data has no provider that {description}")


def title_words(credential, lang: str) -> set[str]:
    """The words of five letters or more in a credential's title, lowercased: words to search for."""
    import re

    return {word.lower() for word in re.findall(r"[^\W\d_]{5,}", credential.title[lang])}


def rarest_word(words) -> str:
    """Of `words`, the one fewest listed shipped credentials say (title, summary or description, in
    either language), so a search for it lists few cards; then the first alphabetically."""

    def said_by(word: str) -> int:
        texts = (
            " ".join(text[lang] for text in (c.title, c.summary, c.description) if text for lang in ("fr", "en"))
            for c in shipped_catalogue().listed
        )
        return sum(word in text.lower() for text in texts)

    return min(sorted(words), key=said_by)


@functools.cache
def shipped_wording():
    """The site's words about a credential's facts (wording/facts.py), as the shipped build says them."""
    from microcredential_catalogue.pages.render import load_strings
    from microcredential_catalogue.wording.facts import FactWording
    from microcredential_catalogue.wording.site_settings import with_site_name

    catalogue = shipped_catalogue()
    strings = with_site_name(load_strings(PROJECT / "overrides" / "catalogue"), catalogue.site)
    return FactWording(strings, catalogue.taxonomies, SHIPPED_DAY)


RECORDS = FIXTURES / "records"
HOSTILE = FIXTURES / "hostile"
# A network's host may serve the catalogue under a sub-path (GitHub Pages: https://<owner>.github.io/<repo>/).
SUBPATH_URL = "https://reseau.example.ca/catalogue/"


def hostile_project(target: Path) -> Path:
    """The shipped project plus hostile-but-valid records, a provider, site settings and a hand-written page."""
    data = target.parent / f"{target.name}-data"
    shutil.copytree(PROJECT / "data", data)
    for record in (HOSTILE / "credentials").glob("*.yml"):
        shutil.copy(record, data / "credentials" / record.name)
    with (data / "providers.yml").open("a", encoding="utf-8") as providers:
        providers.write((HOSTILE / "providers.yml").read_text(encoding="utf-8"))
    shutil.copy(HOSTILE / "site.yml", data / "site.yml")
    project = copy_project(target, data=data)
    for page in (HOSTILE / "docs").glob("*.md"):
        shutil.copy(page, project / "docs" / page.name)
    return project


def data_folder(root: Path, *extra: Path) -> Path:
    """A project root whose data/ holds the shipped vocabularies and providers, the valid fixture
    records, and `extra` record files."""
    data = root / "data"
    (data / "credentials").mkdir(parents=True)
    for name in ("taxonomies.yml", "providers.yml"):
        shutil.copy(PROJECT / "data" / name, data / name)
    shutil.copytree(PROJECT / "data" / "schema", data / "schema")
    for record in [*(RECORDS / "valid").iterdir(), *extra]:
        shutil.copy(record, data / "credentials" / record.name)
    return root


def problems_of(root: Path) -> list[str]:
    """The problem lines the validator gives for the data under `root` (it must refuse it)."""
    import pytest
    from microcredential_catalogue.checks.validate import load_catalogue
    from microcredential_catalogue.reading.problems import DataInvalid

    with pytest.raises(DataInvalid) as caught:
        load_catalogue(root, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def cli_project(root: Path, credentials: str | None) -> Path:
    """A project folder with the shipped vocabularies and one fixture's credential files."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")  # how the command knows the project folder
    data = root / "data"
    shutil.copytree(PROJECT / "data" / "schema", data / "schema")
    for name in ("taxonomies.yml", "providers.yml"):
        shutil.copy2(PROJECT / "data" / name, data / name)
    if credentials:
        shutil.copytree(FIXTURES / credentials / "credentials", data / "credentials")
    else:
        (data / "credentials").mkdir()
    return root


def run_catalogue(
    project: Path, *args: str, stdin: str | None = None, today: date = TODAY
) -> subprocess.CompletedProcess:
    """The editors' command, run in `project` on the fixtures' day (the shipped data: on today),
    in a copy of this process (tests/forked_command.py)."""
    return run_command(
        ["--today", today.isoformat(), *args],
        cwd=project,
        env=dict(os.environ, LANGUAGE="", LC_ALL="", LC_MESSAGES="", LANG="C.UTF-8"),  # English unless --lang fr
        stdin=stdin,
        timeout=60,
    )


def data_with_new_records(target: Path) -> Path:
    """A copy of the shipped data/ plus a valid new record of each kind an editor adds
    (tests/fixtures/new-records/): free, French-language, new provider, undated source, cited."""
    new = FIXTURES / "new-records"
    shutil.copytree(PROJECT / "data", target)
    with (target / "providers.yml").open("a", encoding="utf-8") as providers:
        providers.write("\n" + (new / "providers.yml").read_text(encoding="utf-8"))
    for record in sorted((new / "credentials").glob("*.yml")):
        shutil.copy(record, target / "credentials" / record.name)
    return target
