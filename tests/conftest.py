"""The fixture sites, shared by every test module: each is built once per test run, when a test
first asks for it, with the real `mkdocs build --strict`; under pytest-xdist the first worker to
ask builds it and the others wait for it and read the same folder (a lock file beside it). A test
that needs a changed copy of a project still builds its own.

A site a browser opens is built for the loopback address it is then served at (pages' absolute
links, such as hreflang alternates, stay on it, as on a real host) by a small server process
(tests/site_server.py) that lives as long as the test run; tests that read the built files use
that same build.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import old_runs
import pytest
from support import (
    FIXTURES,
    PROJECT,
    SUBPATH_URL,
    blank_knowledge_pages,
    copy_project,
    hostile_project,
    mkdocs_build,
)

SERVED = "served on the loopback"
TESTS = Path(__file__).parent

# The tests mirror the package's stages. A contributor runs the part they touched by marker:
# `make test-data` the data rules (no build), `make test-fast` everything but the browser.
DATA_STAGES = {"reading", "model", "wording", "checks"}


# Tests of the data stages that build a site or generate hundreds of documents run with the rest.
SLOW_DATA_MODULES = {"test_properties.py"}
SITE_FIXTURES = {"fixture_sites", "shipped_build", "shipped_site", "hostile_site", "records_build"}


def pytest_sessionstart(session):
    """In the run's first process (not each xdist worker): the old runs' folders go in the background."""
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None or hasattr(session.config, "workerinput") or session.config.option.basetemp:
        return
    root = factory.getbasetemp().parent  # made now, so this run counts among the three kept
    old_runs.remove_in_background(root, int(session.config.getini("tmp_path_retention_count")))


def pytest_collection_modifyitems(items):
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder == "browser":
            item.add_marker(pytest.mark.browser)
        elif folder in DATA_STAGES and item.path.name not in SLOW_DATA_MODULES and not _builds_a_site(item):
            item.add_marker(pytest.mark.data)


def _builds_a_site(item) -> bool:
    return any(name in SITE_FIXTURES or name.startswith("site_with") for name in item.fixturenames)


def _shipped(root: Path) -> Path:
    return copy_project(root / "project")


def _hostile(root: Path) -> Path:
    """The shipped data plus the hostile-but-valid corpus of tests/fixtures/hostile/."""
    return hostile_project(root / "project")


def _records(root: Path) -> Path:
    """The shipped data, the fixture records (every field, an alias, a discontinued record) and a
    record full of quotes and ampersands."""
    data = root / "data"
    shutil.copytree(PROJECT / "data", data)
    for record in [*(FIXTURES / "records" / "valid").iterdir(), FIXTURES / "sharing" / "hostile-quotes.yml"]:
        shutil.copy(record, data / "credentials" / record.name)
    return copy_project(root / "project", data=data)


def _search(root: Path) -> Path:
    """Seven records with accented titles, every kind of cost, delivery and intake, one paused and
    one discontinued (tests/fixtures/search-data/)."""
    project = copy_project(root / "project", data=FIXTURES / "search-data")
    blank_knowledge_pages(project)
    return project


# Each fixture site: how its project is made, and the address it is built for.
SITES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "shipped": (_shipped, SERVED),
    "hostile": (_hostile, SERVED),
    "records": (_records, SUBPATH_URL),  # under a sub-path, as a network's host may serve it
    "search": (_search, SERVED),
}


@dataclass(frozen=True)
class Built:
    project: Path  # the copy it was built from, with the pages the build generated under docs/
    site: Path
    url: str  # the address it was built for; a served site is there
    result: subprocess.CompletedProcess  # what the build printed


class FixtureSites:
    """The fixture sites by name, each built on first use, once for the whole run: `shared` is a
    folder every worker of the run sees; served ones stay up until the run ends."""

    def __init__(self, shared: Path, run_pid: int):
        self.shared = shared
        self.run_pid = run_pid
        self.builds: dict[str, Built] = {}
        self.servers: list[subprocess.Popen] = []  # kept: they outlive this worker, not the run

    def __getitem__(self, name: str) -> Built:
        if name not in self.builds:
            self.builds[name] = self._built(name)
        built = self.builds[name]
        assert built.result.returncode == 0, built.result.stdout[-4000:] + built.result.stderr[-4000:]
        return built

    def _built(self, name: str) -> Built:
        root = self.shared / name
        record = root / "built.json"
        with open(self.shared / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one worker builds; the others wait, then read
            if not record.exists():
                shutil.rmtree(root, ignore_errors=True)  # what a worker that died mid-build left
                root.mkdir()
                record.write_text(json.dumps(self._build(name, root)), encoding="utf-8")
        said = json.loads(record.read_text(encoding="utf-8"))
        result = subprocess.CompletedProcess(said["args"], said["returncode"], said["stdout"], said["stderr"])
        return Built(Path(said["project"]), Path(said["site"]), said["url"], result)

    def _build(self, name: str, root: Path) -> dict:
        make_project, address = SITES[name]
        project, site = make_project(root), root / "site"
        if address == SERVED:
            address = self._serve(site)
        # Built as a user builds: most credential pages written after MkDocs' own, from their shell
        # (tests/pages/test_filled_pages.py builds two of them again with every page compared).
        result = mkdocs_build(project, site, site_url=address, compare_filled_pages=False)
        return {
            "project": str(project),
            "site": str(site),
            "url": address,
            "args": result.args,
            "returncode": result.returncode,
            "stdout": result.stdout,
            "stderr": result.stderr,
        }

    def _serve(self, site: Path) -> str:
        """Start the server of `site` (not built yet: it answers 404 until then); its address."""
        server = subprocess.Popen(
            [sys.executable, str(TESTS / "site_server.py"), str(site), str(self.run_pid)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.servers.append(server)
        return server.stdout.readline().strip()


@pytest.fixture(scope="session")
def fixture_sites(tmp_path_factory):
    """Under xdist, each worker's temporary folder is inside the run's, and the run is its parent."""
    worker = bool(os.environ.get("PYTEST_XDIST_WORKER"))
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if worker else base) / "fixture-sites"
    shared.mkdir(exist_ok=True)
    return FixtureSites(shared, os.getppid() if worker else os.getpid())


@pytest.fixture(scope="session")
def shipped_build(fixture_sites) -> Built:
    """The shipped data, built strictly."""
    return fixture_sites["shipped"]


@pytest.fixture(scope="session")
def shipped_site(shipped_build) -> Path:
    return shipped_build.site


@pytest.fixture(scope="session")
def hostile_site(fixture_sites) -> Path:
    """The shipped data plus the hostile-but-valid corpus of tests/fixtures/hostile/, built strictly."""
    return fixture_sites["hostile"].site


@pytest.fixture(scope="session")
def records_build(fixture_sites) -> Built:
    """The shipped data plus the fixture records, built for a sub-path (SUBPATH_URL)."""
    return fixture_sites["records"]


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
