"""A child process (`mkdocs build`) that never outlives the command that started it.

Started in its own session, so Ctrl-C reaches the command alone, which then stops the child
quietly instead of both printing their own tracebacks; asked by the kernel (Linux's
PR_SET_PDEATHSIG) to end when its parent dies, even of SIGKILL, so no build runs on orphaned.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys

_PR_SET_PDEATHSIG = 1


def run_child(command: list[str], **options) -> int:
    """Run `command` to its end and return its status; if this process is interrupted or
    terminated meanwhile, stop the child first, then let the interruption go on."""
    parent = os.getpid()
    process = subprocess.Popen(command, start_new_session=True, preexec_fn=lambda: die_with(parent), **options)
    previous = _terminate_on_signals()
    try:
        return process.wait()
    finally:
        _restore(previous)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def die_with(parent: int) -> None:
    """In a child, before it runs: end with SIGTERM when the parent ends (Linux only)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the command was, so its `finally` blocks clean up."""


def _raise_terminated(signum, frame):
    raise Terminated(signum)


def _terminate_on_signals() -> dict:
    previous = {}
    for signum in (signal.SIGTERM, signal.SIGHUP):
        try:
            previous[signum] = signal.signal(signum, _raise_terminated)
        except ValueError:  # not the main thread: the caller keeps its own handling
            pass
    return previous


def _restore(previous: dict) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)
