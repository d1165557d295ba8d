"""Shared fixtures (documented for reuse by other test modules).

- `site_build` (session): a small site built ONCE by the real pipeline (`generator.build.build_site`:
  check → render → mkdocs --strict → swap) from content written by `tests/helpers.py`: several
  agencies and levels, a historical agency, a withdrawn letter, a correction, a broken new date.
  Attributes: `.root` (content), `.site` (built site dir), `.today`, `.result` (BuildResult),
  `.content` (the model), `.page(url)` -> HTML text of a site page ('' for home, 'agencies/x/').
- `site_server` (session): base URL (no trailing slash) of a localhost HTTP server over `site_build.site`.
- `chromium` (session): a headless Debian chromium (skips when absent); `page`: a fresh page per test.
Helpers in tests/browser.py: `serve_directory`, `launch_chromium`, `requires_chromium`, `third_party_requests`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.browser import launch_chromium, requires_chromium, serve_directory
from tests.helpers import DROP, make_content, write_letter

SITE_TODAY = date(2018, 6, 1)


def pdf_gate_ready() -> bool:
    """True once the PDF gate's entry point exists (the site tests then build with it)."""
    try:
        return hasattr(importlib.import_module("generator.checks.pdfgate"), "inspect_pdfs")
    except ImportError:
        return False


def write_site_content(tmp: Path) -> Path:
    """The session site's content root (deterministic)."""
    root = make_content(tmp, 3)  # so-tnmt 2018-05-0001..0003, issued 2018-05-09
    write_letter(root, "2018-04-0001", number="7/XL-STNMT", issued_on="2018-04-10", published_on="2018-04-11",
                 **{"dossier.code": "000.00.21.H17-180402-0007", "dossier.received_on": "2018-04-02",
                    "dossier.due_on": "2018-04-13", "dossier.new_due_on": "2018-04-20",
                    "dossier.returned_on": "2018-04-24", "reason.category": "workload"})
    write_letter(root, "2018-05-0010", number="20/XL-STNMT", corrections=[
        {"date": "2018-05-12", "note": "Sửa ngày hẹn trả mới."}], **{"dossier.code": "000.00.21.H17-180420-0020"})
    write_letter(root, "2018-05-0011", number="21/XL-STNMT",
                 withdrawn={"date": "2018-05-20", "reason": "Đăng nhầm hồ sơ."},
                 **{"dossier.code": "000.00.21.H17-180420-0021"})
    for i, (issued, due, reason) in enumerate([("2018-03-01", "2018-03-05", "system"),
                                               ("2018-05-02", "2018-05-02", "verification")], start=1):
        write_letter(root, f"cj-{i}", number=f"{i}/XL-UBND", agency="ubnd-cu-jut", issued_on=issued,
                     published_on=issued, **{"dossier.code": f"000.00.22.H17-180226-000{i}",
                                             "dossier.received_on": "2018-02-26", "dossier.due_on": due,
                                             "dossier.new_due_on": "2018-05-25", "dossier.returned_on": DROP,
                                             "reason.category": reason, "signer.title": "Phó Chủ tịch"})
    write_letter(root, "ep-1", number="3/XL-UBND", agency="ubnd-xa-ea-po",
                 **{"dossier.code": "000.00.23.H17-180420-0003", "dossier.procedure_code": DROP})
    return root


@dataclass
class SiteBuild:
    root: Path
    site: Path
    today: date
    result: object

    @property
    def content(self):
        return self.result.check.content

    def page(self, url: str) -> str:
        """HTML of the page at directory URL `url`."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """The session's small site, built once by the real pipeline."""
    from generator.build import build_site

    tmp = tmp_path_factory.mktemp("site_build")
    root = write_site_content(tmp)
    site = tmp / "site"
    result = build_site(root, site, SITE_TODAY, build_dir=tmp / "build", cache_dir=tmp / "cache",
                        run_pdf_gate=pdf_gate_ready())
    return SiteBuild(root, site, SITE_TODAY, result)


@pytest.fixture(scope="session")
def site_server(site_build):
    """Base URL of a localhost server over the session site."""
    with serve_directory(site_build.site) as base:
        yield base


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian chromium for the session (skips when absent)."""
    if requires_chromium.args[0]:
        pytest.skip(requires_chromium.kwargs["reason"])
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser page (own context: no cache or storage shared between tests)."""
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()
