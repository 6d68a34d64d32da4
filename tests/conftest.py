from pathlib import Path

import pytest
from support import copy_project, hostile_project, mkdocs_build


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped data built once with the real `mkdocs build --strict`."""
    root = tmp_path_factory.mktemp("shipped")
    project = copy_project(root / "project")
    site = root / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The shipped data plus the hostile-but-valid corpus of tests/fixtures/hostile/, built strictly."""
    root = tmp_path_factory.mktemp("hostile")
    project = hostile_project(root / "project")
    site = root / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
