"""Browser helpers for the search tests and scripts/bench_search.py, on top of tests/browser.py."""

from __future__ import annotations

from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.browser import serve_directory as serve

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "fresh_page", "serve"]


def fresh_page(browser):
    """A page in a new context: a cold cache, nothing shared with other pages."""
    page = browser.new_context().new_page()
    page.set_default_timeout(20_000)
    return page
