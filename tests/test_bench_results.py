"""`make bench` adds its figures to bench/RESULTS.md as a dated section, newest first."""

import subprocess
from datetime import UTC, datetime

from bench.results import add_section, measured_commit, with_section

RESULTS = """# Benchmark results

Command: python3 -m bench.run

## An earlier run

| build | seconds |
| --- | ---: |
| ours | 12.0 |
"""


def test_a_run_goes_above_the_earlier_ones_and_below_the_commands():
    text = with_section(RESULTS, "Today's run", "### 1,000 records\n\n| ours | 10.6 |\n")
    intro, rest = text.split("## Today's run\n\n", 1)
    assert intro == "# Benchmark results\n\nCommand: python3 -m bench.run\n\n"
    assert rest.index("| ours | 10.6 |") < rest.index("## An earlier run")
    assert text.endswith(RESULTS.split("\n\n", 2)[2])  # the earlier run kept as it was


def test_the_first_run_of_a_new_file_is_added_at_its_end():
    text = with_section("# Benchmark results\n", "First run", "figures")
    assert text == "# Benchmark results\n\n## First run\n\nfigures\n\n"


def test_the_section_names_its_date_and_the_commit_it_measured(tmp_path):
    def git(*arguments):
        subprocess.run(["git", *arguments], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "RESULTS.md").write_text(RESULTS, encoding="utf-8")
    git("add", "RESULTS.md")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "results")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=tmp_path, capture_output=True, text=True)
    assert measured_commit(tmp_path) == commit.stdout.strip()

    (tmp_path / "RESULTS.md").write_text(RESULTS + "changed\n", encoding="utf-8")  # an uncommitted change
    when = datetime(2026, 12, 4, 23, 15, tzinfo=UTC)
    add_section("### 1,000 records", tmp_path, "python3 -m bench.run --sizes 1000", tmp_path / "RESULTS.md", when)
    written = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    at = f"at {commit.stdout.strip()} with uncommitted changes"
    heading = f"## 2026-12-04 23:15 UTC, {at}: `python3 -m bench.run --sizes 1000`\n"
    assert heading in written
    assert written.index(heading) < written.index("## An earlier run")
