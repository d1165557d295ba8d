"""Shared browser-test helpers: a static HTTP server on localhost and Debian's Chromium via Playwright.

- `serve_directory(path)`: context manager serving a folder at http://127.0.0.1:<random port>; yields
  the base URL (no trailing slash). Quiet, threaded, correct types for .js/.wasm/.json/.xml/.png/.webp.
- `launch_chromium(playwright)`: headless Debian chromium (`/usr/bin/chromium`, never a downloaded
  browser) with the team's flags.
- `requires_chromium`: apply to browser tests (together with `@pytest.mark.browser`): skips, saying why,
  when /usr/bin/chromium or playwright is absent.
- `third_party_requests(page, base)`: start recording requests to any host but the local server.
The session fixtures built on these live in tests/conftest.py (`chromium`, `page`, `site_server`).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

_missing = [what for what, ok in (("/usr/bin/chromium", CHROMIUM.exists()),
                                  ("playwright", importlib.util.find_spec("playwright") is not None)) if not ok]
requires_chromium = pytest.mark.skipif(bool(_missing), reason=f"browser test needs {', '.join(_missing)} "
                                       "(scripts/test-deps.sh installs Debian's chromium)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files without request logging, with the content types the site uses."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json", ".xml": "application/xml",
                      ".png": "image/png", ".webp": "image/webp", ".svg": "image/svg+xml", ".css": "text/css"}

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1 (random port); yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright):
    """Headless Debian chromium through Playwright."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def third_party_requests(page, base: str) -> list[str]:
    """A list that fills with every network request (http, https, ws) the page makes to anything but `base`."""
    seen: list[str] = []

    def record(request) -> None:
        url = request.url
        if url.startswith(("http:", "https:", "ws:", "wss:")) and not url.startswith(base + "/"):
            seen.append(url)

    page.on("request", record)
    return seen
