"""Serve a folder on the loopback for as long as a given process lives: `python site_server.py
FOLDER PID`. It prints its address first, so a fixture site can be built for the address it is
then served at, once for the whole test run: every pytest-xdist worker reads the same server, and
the server ends by itself when the run (PID) has ended, whichever worker started it."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # Every xdist worker's Chromium opens its connections here at once; the default backlog of 5
    # drops connections on a busy machine, and a dropped one waits seconds to be tried again.
    request_queue_size = 128


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(folder: str, pid: int) -> None:
    handler = functools.partial(QuietHandler, directory=folder)
    server = Server(("127.0.0.1", 0), handler)
    print(f"http://127.0.0.1:{server.server_port}/", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    while alive(pid):
        time.sleep(1)
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
