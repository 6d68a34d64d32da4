"""Earlier test runs' temporary folders, removed beside this run instead of after its last test.

pytest keeps the temporary folders of the last three runs (`tmp_path_retention_count`) and removes
older ones when a run ends, one at a time, while the run waits: a run of this suite leaves about
56,000 files (its fixture sites and project copies), and removing them took 8 to 10 s of the
run's wall time, of which 3 s of CPU, the rest waiting on the disk. Here the folders pytest would
remove are renamed at once and removed by a separate `rm` at low priority while the tests run;
pytest then finds none to remove. A folder still locked by a run in progress is left alone, as
pytest leaves it.
"""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

RUN_PREFIX = "pytest-"  # pytest's numbered folders: pytest-of-<user>/pytest-<n>
REMOVING_PREFIX = "removing-"  # not pytest's own "garbage-", which it would remove itself, waiting


def stale_runs(root: Path, keep: int) -> list[Path]:
    """The folders pytest's own clean-up would remove at the end of this run."""
    numbered = {}
    for path in root.glob(RUN_PREFIX + "*"):
        number = path.name[len(RUN_PREFIX) :]
        if number.isdigit() and path.is_dir() and not path.is_symlink():
            numbered[int(number)] = path
    if not numbered:
        return []
    newest = max(numbered)
    return [path for number, path in sorted(numbered.items()) if number <= newest - keep]


def remove_in_background(root: Path, keep: int) -> list[Path]:
    """Rename the stale runs' folders (and any left half-removed) and start their removal; what
    was handed to `rm`."""
    handed = [path for path in root.glob(REMOVING_PREFIX + "*") if path.is_dir()]
    for path in stale_runs(root, keep):
        if (path / ".lock").exists():  # a run still using it, or one that died: pytest's to judge
            continue
        target = root / f"{REMOVING_PREFIX}{uuid.uuid4().hex}"
        try:
            path.rename(target)
        except OSError:
            continue  # another run got there first
        handed.append(target)
    if handed:
        subprocess.Popen(
            ["nice", "-n", "19", "rm", "-rf", "--", *map(str, handed)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not the run's child to wait for, nor killed with it
        )
    return handed
