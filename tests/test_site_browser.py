"""The site in headless Chromium: editor text is escaped (no script runs, text shows literally),
no serious or critical axe-core violation, no request to any third party."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.build import build_checked
from generator.checks.orchestrator import CheckResult
from generator.content.model import (
    Agency,
    Content,
    Correction,
    DelayReason,
    Dossier,
    Letter,
    Person,
    Portal,
    Reason,
    Recipient,
    Withdrawal,
)
from tests.browser import requires_chromium, serve_directory, third_party_requests

pytestmark = [pytest.mark.browser, requires_chromium]

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
TODAY = date(2025, 6, 2)

PAYLOADS = [
    "<script>window.pwned = 1</script>",
    '"><img src=x onerror="window.pwned=1">',
    "' onmouseover='window.pwned=1' x='",
    "**đậm** _nghiêng_ [bấm](javascript:window.pwned=1) <b>b</b> &amp; &lt;",
    "{{ config.site_name }} {{ 7*7 }} {% if true %}jinja{% endif %} {# c #}",
    "</title></dd></dl><svg onload=window.pwned=1>",
]


def payload(i: int) -> str:
    """One payload per field, rotating, each also carrying a marker to find it."""
    return f"P{i}: {PAYLOADS[i % len(PAYLOADS)]}"


def hostile_content(root: Path) -> Content:
    """A content model whose every editor-written value holds an injection payload (built in code)."""
    n = iter(range(100))
    agency = Agency("ag", payload(next(n)), "province", contact=payload(next(n)))
    dossier = Dossier(payload(next(n)), payload(next(n)), date(2025, 5, 2), date(2025, 5, 9), date(2025, 5, 20),
                      procedure_code=payload(next(n)), returned_on=date(2025, 5, 21))
    letter = Letter(
        id="xss-1", source="letters/2025/ag/xss-1.yml", number=payload(next(n)), issued_on=date(2025, 5, 6),
        agency="ag", signer=Person(payload(next(n)), payload(next(n))),
        recipient=Recipient("individual", payload(next(n))), dossier=dossier,
        reason=DelayReason("other", payload(next(n)) + "\n\n<p>after a blank line</p>\n\n    indented"),
        published_on=date(2025, 5, 7), corrections=(Correction(date(2025, 5, 8), payload(next(n))),),
    )
    withdrawn = Letter(
        id="xss-2", source="letters/2025/ag/xss-2.yml", number=payload(next(n)), issued_on=date(2025, 5, 7),
        agency="ag", signer=Person("A", ""), recipient=Recipient("organization", payload(next(n))), dossier=dossier,
        reason=DelayReason("other", ""), published_on=date(2025, 5, 7),
        withdrawn=Withdrawal(date(2025, 5, 10), payload(next(n))),
    )
    portal = Portal(name=payload(next(n)), owner=payload(next(n)), site_url="https://xinloi.example.gov.vn/",
                    contact=payload(next(n)))
    return Content(root, portal, {"ag": agency}, ("province",), {"other": Reason("other", payload(next(n)))},
                   [letter, withdrawn])


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    content = hostile_content(tmp / "content")
    build_checked(CheckResult(content, [], {}), tmp / "site", TODAY, build_dir=tmp / "build")  # no check: raw payloads
    with serve_directory(tmp / "site") as base:
        yield content, base


HOSTILE_PAGES = ["letters/2025/ag/xss-1/", "letters/2025/ag/xss-2/", "agencies/ag/", "agencies/", "",
                 "letters/2025/ag/", "letters/2025/", "about/", "data/"]


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_no_payload_runs_and_no_markup_is_injected(hostile_site, page, url):
    _, base = hostile_site
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base}/{url}")
    page.wait_for_load_state("load")
    page.hover("article")
    injected = page.evaluate("""() => ({
        pwned: window.pwned || 0,
        onHandlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(
            a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 80)),
        inlineScripts: [...document.querySelectorAll(
            'article script, article svg[onload], article img[src="x"]')].length,
        jsLinks: [...document.querySelectorAll('a[href^="javascript"]')].length,
        bold: [...document.querySelectorAll('article strong, article em, article b')].map(e => e.textContent)
            .filter(t => t.includes('đậm') || t === 'b' || t.includes('nghiêng')),
    })""")
    assert injected == {"pwned": 0, "onHandlers": [], "inlineScripts": 0, "jsLinks": 0, "bold": []}
    assert dialogs == []


def test_letter_fields_show_literally(hostile_site, page):
    content, base = hostile_site
    letter = content.letters[0]
    page.goto(f"{base}/{letter.url}")
    text = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-field]')]
        .map(e => [e.dataset.field, e.textContent]))""")
    assert text["number"] == letter.number
    assert text["signer"] == f"{letter.signer.name}, {letter.signer.title}"
    assert text["dossier_code"] == letter.dossier.code
    assert letter.dossier.procedure in text["procedure"] and letter.dossier.procedure_code in text["procedure"]
    assert letter.corrections[0].note in text["correction"]
    detail = page.inner_text(".ck-reason-detail")
    assert detail.splitlines()[0] == letter.reason.detail.splitlines()[0]
    assert "<p>after a blank line</p>" in detail
    assert letter.number in page.title() and content.portal.name in page.title()
    assert "49" not in page.inner_text("article")  # {{ 7*7 }} was not evaluated


def test_withdrawn_reason_and_agency_names_show_literally(hostile_site, page):
    content, base = hostile_site
    page.goto(f"{base}/letters/2025/ag/xss-2/")
    assert page.inner_text(".ck-withdrawn-reason") == content.letters[1].withdrawn.reason
    page.goto(f"{base}/agencies/ag/")
    assert page.inner_text("article h1") == content.agencies["ag"].name


AXE_PAGES = ["", "agencies/so-tnmt/", "letters/2018/so-tnmt/2018-05-0010/", "letters/2018/so-tnmt/2018-05-0011/",
             "agencies/"]


@pytest.mark.parametrize("url", AXE_PAGES)
def test_no_serious_or_critical_accessibility_violation(site_server, page, url):
    if not AXE.is_file():
        pytest.skip("axe-core missing: run `npm ci --prefix tests/js` (scripts/test-deps.sh does)")
    page.goto(f"{site_server}/{url}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                           ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_letter_page_requests_nothing_from_a_third_party(site_server, page):
    seen = third_party_requests(page, site_server)
    page.goto(f"{site_server}/letters/2018/so-tnmt/2018-05-0010/")
    page.wait_for_load_state("networkidle")
    page.goto(f"{site_server}/")
    page.wait_for_load_state("networkidle")
    assert seen == []
