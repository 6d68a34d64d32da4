"""A folder served as over a slow phone link: each response waits one round trip, and every body
shares one link's bandwidth, so files that load together arrive together, slowly.

Chromium's own throttling (the DevTools protocol's Network.emulateNetworkConditions) now and then
never fires a page's "load" event (microsoft/playwright#22676); here the server is the slow link,
and the browser loads the page as it would any other."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

# Lighthouse's "slow 4G", as the layout-shift tests used it through the DevTools protocol.
ROUND_TRIP_S = 0.150
BYTES_PER_S = 1.6e6 / 8
CHUNK = 4096


class Link:
    """One link's bandwidth, shared by every connection: a chunk leaves when the link is free."""

    def __init__(self, bytes_per_s: float):
        self.bytes_per_s = bytes_per_s
        self.free_at = time.monotonic()
        self.lock = threading.Lock()

    def carry(self, size: int) -> None:
        with self.lock:
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + size / self.bytes_per_s
            arrives = self.free_at
        time.sleep(max(0.0, arrives - time.monotonic()))


class _SlowHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, link: Link, **kwargs):
        self.link = link
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def send_head(self):
        time.sleep(ROUND_TRIP_S)
        return super().send_head()

    def copyfile(self, source, outputfile):
        while chunk := source.read(CHUNK):
            self.link.carry(len(chunk))
            outputfile.write(chunk)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a tab closed while a file was on its way


@contextlib.contextmanager
def served_slowly(folder: Path) -> Iterator[str]:
    """`folder` over a slow link on the loopback; yields its base URL."""
    handler = functools.partial(_SlowHandler, directory=str(folder), link=Link(BYTES_PER_S))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
