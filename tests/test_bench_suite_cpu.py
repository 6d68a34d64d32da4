"""bench/suite_cpu.py, which says where a test run's CPU goes: it counts the processes `time`
misses (those a child starts and leaves running, as Chromium's are) and names Chromium's."""

from __future__ import annotations

import subprocess
import sys

from bench.suite_cpu import kind_of

# A child that starts a busy grandchild and ends without waiting for it: the grandchild's CPU
# never reaches `time`, as Chromium's renderers never reach pytest's.
LEFT_RUNNING = "import subprocess, sys; subprocess.Popen([sys.executable, '-c', 'sum(range(40_000_000))'])"


def test_the_cpu_of_a_process_left_running_by_a_child_is_counted():
    command = [
        sys.executable,
        "-m",
        "bench.suite_cpu",
        "--",
        "sh",
        "-c",
        f'"{sys.executable}" -c "{LEFT_RUNNING}"; sleep 3',
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    python = next(line for line in result.stdout.splitlines() if "Python" in line)
    assert float(python.split()[0]) >= 0.3, result.stdout  # the grandchild's loop, about a second


def test_chromium_processes_are_named_by_their_role():
    assert kind_of("/usr/lib/chromium/chromium --type=renderer --lang=en") == "Chromium renderers"
    assert kind_of("/usr/lib/chromium/chromium --headless --no-sandbox") == "Chromium browser process"
    assert kind_of("java -Xss16m -jar vnu.jar") == "Java (Nu checker)"
