"""Every benchmark the README and bench/RESULTS.md name starts: each module of bench/ imports in a
fresh Python run from the project's root, as `python3 -m bench.…` runs it (the tests' own helpers
are then `tests.…`, not on the path pytest gives the tests)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from support import PROJECT

BENCHMARKS = sorted(path.stem for path in (PROJECT / "bench").glob("*.py") if path.stem != "__init__")


@pytest.mark.parametrize("module", BENCHMARKS)
def test_each_benchmark_imports_as_python_m_runs_it(module):
    result = subprocess.run(
        [sys.executable, "-c", f"import bench.{module}"], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
