"""The editors' command run in a copy of the test process (`os.fork`) rather than a new Python.

The copy calls the very `main()` the installed `catalogue` script calls, with the same arguments,
working folder, environment, standard input and output, and returns what `subprocess.run` would.
It skips what a new Python pays on each call (about 0.45 s of its 0.55 s: starting and importing),
and the suite runs the command some hundred times. tests/test_package.py and a few end-to-end tests
still run the installed script itself, so the script and its start are tested too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from microcredential_catalogue.cli import main

# What Python does with text on standard streams under a UTF-8 locale (its UTF-8 mode).
_STREAM_ERRORS = {0: "surrogateescape", 1: "surrogateescape", 2: "backslashreplace"}


def run_command(
    argv: list[str],
    cwd: Path,
    env: dict[str, str],
    stdin: str | None = None,
    timeout: float = 60,
    in_copy: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess:
    """`catalogue *argv` run in `cwd` with `env`; `in_copy` runs in the copy first (limits)."""
    pipes = [os.pipe() for _ in range(3)]  # standard input, output, error
    pid = os.fork()
    if pid == 0:
        _run_in_copy(argv, cwd, env, pipes, in_copy)  # never returns
    (in_read, in_write), (out_read, out_write), (err_read, err_write) = pipes
    for end in (in_read, out_write, err_write):
        os.close(end)
    said: dict[int, bytes] = {}
    readers = [threading.Thread(target=_read_all, args=(fd, said)) for fd in (out_read, err_read)]
    writer = threading.Thread(target=_write_all, args=(in_write, (stdin or "").encode("utf-8")))
    for thread in (*readers, writer):
        thread.start()
    for thread in readers:
        thread.join(timeout)
    if any(thread.is_alive() for thread in readers):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise subprocess.TimeoutExpired(["catalogue", *argv], timeout)
    writer.join()
    _, status = os.waitpid(pid, 0)
    out, err = (said[fd].decode("utf-8", "replace") for fd in (out_read, err_read))
    return subprocess.CompletedProcess(["catalogue", *argv], os.waitstatus_to_exitcode(status), out, err)


def _run_in_copy(argv, cwd, env, pipes, in_copy) -> None:
    status = 70
    try:
        for target, (read_end, write_end) in zip((0, 1, 2), pipes, strict=True):
            os.dup2(read_end if target == 0 else write_end, target)
        for end in {fd for pipe in pipes for fd in pipe}:
            os.close(end)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        sys.stdin, sys.stdout, sys.stderr = (
            open(fd, "r" if fd == 0 else "w", encoding="utf-8", errors=_STREAM_ERRORS[fd], closefd=False)
            for fd in (0, 1, 2)
        )
        sys.argv = ["catalogue", *argv]
        if in_copy:
            in_copy()
        status = main(argv)
    except SystemExit as leaving:  # argparse's own refusals
        status = leaving.code if isinstance(leaving.code, int) else 1
    except BaseException:
        traceback.print_exc()
        status = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(status)


def _read_all(fd: int, said: dict[int, bytes]) -> None:
    with open(fd, "rb") as stream:
        said[fd] = stream.read()


def _write_all(fd: int, data: bytes) -> None:
    with open(fd, "wb") as stream:
        try:
            stream.write(data)
        except BrokenPipeError:  # the command did not read it all, as with a real process
            pass
