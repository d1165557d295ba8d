"""Browser helpers for the search tests and scripts/bench_search.py, on top of tests/browser.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown

from generator.site.search import index_content
from generator.site.search.page import search_page_markdown
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.browser import serve_directory as serve

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "first_by_code", "fresh_page", "make_search_site", "serve"]

ROOT = Path(__file__).resolve().parents[1]


def fresh_page(browser, **context):
    """A page in a new context: a cold cache, nothing shared with other pages."""
    page = browser.new_context(**context).new_page()
    page.set_default_timeout(20_000)
    return page


def page_html(md_text: str) -> str:
    """The search page's Markdown as a bare HTML page with the real script and style."""
    body = md_text.split("---", 2)[2]
    html = markdown.markdown(body, extensions=["md_in_html"])
    return ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="stylesheet" href="../assets/search.css"></head><body>'
            f'{html}<script src="../lookup/config.js"></script><script src="../assets/search.js"></script>'
            "</body></html>")


def make_search_site(content, out: Path, work: Path, previous=None):
    """Index `content` into a bare site at `out` with the real search page; returns SearchStats
    (`previous`: (previous site, its SearchStats.fingerprints), as for `index_content`)."""
    stats = index_content(content, out, work, previous=previous)
    (out / "assets").mkdir(exist_ok=True)
    for name in ("search.js", "search.css"):
        shutil.copy(ROOT / "overrides" / "assets" / name, out / "assets" / name)
    page = out / "tim-kiem" / "index.html"
    page.parent.mkdir(exist_ok=True)
    page.write_text(page_html(search_page_markdown(content)), encoding="utf-8")
    return stats


def first_by_code(page, codes: list[str]) -> dict[str, list[str] | None]:
    """Each code searched with the Pagefind API over the code bundles of every year merged (as the page
    merges them, `lookup/config.js` `bundles.codes`): code -> [letter id, code shown] of the first result."""
    return page.evaluate(
        """async (codes) => { const groups = window.congkhaiSearch.bundles.codes;
           const lib = await import('/' + groups[0] + 'pagefind.js');
           const pf = lib.createInstance({ basePath: '/' + groups[0], noWorker: true }); await pf.init();
           for (const g of groups.slice(1)) await pf.mergeIndex('/' + g);
           const out = {};
           for (const code of codes) { const r = await pf.search(code);
             const d = r.results.length ? await r.results[0].data() : null;
             out[code] = d ? [d.url.split('/').at(-2), d.meta.code] : null; }
           return out; }""", codes)
