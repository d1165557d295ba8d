#!/usr/bin/env python3
"""Page-weight benchmark: what a citizen's browser downloads for a letter page (and the home page).

Builds a site (from --content, or from the test fixture content when none is given) or uses --site,
serves it on 127.0.0.1, opens pages in headless Debian chromium and prints, per page: requests, raw
bytes, bytes gzip-compressed (each response compressed with gzip -6, as a static host would serve it),
excluding the letter's PDF; and every request to a third party. Targets (issue 4): letter page
<= 150 KB gzip, no third-party request. Exit 1 when a target is missed.

usage: .venv/bin/python scripts/bench_site.py [--content DIR --today YYYY-MM-DD | --site DIR]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT_KB = 150


def build(args: argparse.Namespace, tmp: Path) -> Path:
    """Build the site to measure; returns its folder."""
    from generator.build import build_site

    if args.site:
        return Path(args.site)
    if args.content:
        root, today = Path(args.content), date.fromisoformat(args.today) if args.today else date.today()
    else:
        from tests.conftest import SITE_TODAY, write_site_content

        root, today = write_site_content(tmp), SITE_TODAY
    started = time.perf_counter()
    result = build_site(root, tmp / "site", today, build_dir=tmp / "build", cache_dir=tmp / "cache")
    seconds = time.perf_counter() - started
    print(f"build: {len(result.rendered.pages)} pages, {len(result.check.content.letters)} letters in {seconds:.1f} s")
    return tmp / "site"


def measure(page, base: str, url: str) -> dict:
    """Load one page; sizes of every response except PDFs, and third-party requests."""
    responses, third = [], []
    page.on("request", lambda r: third.append(r.url) if r.url.startswith(("http:", "https:"))
            and not r.url.startswith(base + "/") else None)
    page.on("response", lambda r: responses.append(r))
    page.goto(f"{base}/{url}")
    page.wait_for_load_state("networkidle")
    raw = packed = count = 0
    for response in responses:
        if response.url.endswith(".pdf") or not response.url.startswith(base):
            continue
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        count += 1
        raw += len(body)
        packed += len(gzip.compress(body, compresslevel=6, mtime=0))
    return {"url": url or "/", "requests": count, "raw_kb": raw / 1024, "gzip_kb": packed / 1024, "third": third}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--content")
    parser.add_argument("--today")
    parser.add_argument("--site")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from tests.browser import launch_chromium, serve_directory

    with tempfile.TemporaryDirectory() as tmp_name:
        site = build(args, Path(tmp_name))
        letter = sorted(p.parent for p in (site / "letters").glob("*/*/*/index.html"))[0]
        pages = [str(letter.relative_to(site)) + "/", "", "agencies/"]
        agency = sorted(p.parent for p in (site / "agencies").glob("*/index.html"))
        if agency:
            pages.append(str(agency[0].relative_to(site)) + "/")
        failed = False
        with serve_directory(site) as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for url in pages:
                context = browser.new_context()
                figures = measure(context.new_page(), base, url)
                context.close()
                print(f"{figures['url']:60} {figures['requests']:3d} requests  {figures['raw_kb']:8.1f} KB raw  "
                      f"{figures['gzip_kb']:7.1f} KB gzip  third-party: {len(figures['third'])}")
                for url3 in figures["third"]:
                    print(f"    third-party request: {url3}")
                failed |= bool(figures["third"]) or (url == pages[0] and figures["gzip_kb"] > LIMIT_KB)
            browser.close()
        print(f"letter page target: <= {LIMIT_KB} KB gzip without the PDF, no third-party request: "
              f"{'MISSED' if failed else 'met'}")
        return int(failed)


if __name__ == "__main__":
    raise SystemExit(main())
