"""Citizen search end to end in headless Chromium: the query table, code lookup, filters, scope.

The site here is the search fixture (tests/search_fixtures.py) indexed by the real Pagefind
binary, with the real search page Markdown and script; a static server serves it to Debian's
Chromium driven by Playwright.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest

from generator.search import index_content
from generator.search.codes import normalize_code, shard_key
from generator.search.page import search_page_markdown
from generator.vtext import fold, normalize_tone_placement
from tests.browser import serve_directory
from tests.search_fixtures import make_search_content
from tests.search_support import CHROMIUM, fresh_page

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (scripts/test-deps.sh installs it)"),
]


def _page_html(md_text: str) -> str:
    body = md_text.split("---", 2)[2]
    html = markdown.markdown(body, extensions=["md_in_html"])
    return ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title></head><body>'
            f'{html}<script src="../lookup/config.js"></script><script src="../assets/search.js"></script>'
            "</body></html>")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The fixture content indexed into a bare site with the search page."""
    out = tmp_path_factory.mktemp("search-site")
    content = make_search_content()
    index_content(content, out, tmp_path_factory.mktemp("search-work"))
    (out / "assets").mkdir()
    shutil.copy(ROOT / "overrides" / "assets" / "search.js", out / "assets" / "search.js")
    page = out / "tim-kiem" / "index.html"
    page.parent.mkdir()
    page.write_text(_page_html(search_page_markdown(content)), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def served(site, chromium):
    """(base URL of the served site, the session's browser from tests/conftest.py)."""
    with serve_directory(site) as base:
        yield base, chromium


def open_search(served):
    """A fresh page on the search page, its script ready."""
    base, browser = served
    pg = fresh_page(browser)
    pg.goto(f"{base}/tim-kiem/")
    pg.wait_for_selector("#ck-search[data-ready='1']")
    return pg


@pytest.fixture(scope="module")
def page(served):
    """The search page, shared by the tests of this module."""
    return open_search(served)


def search(page, query: str, *, widen: bool = False, **filters: str) -> list[str]:
    """Run a text search in the page; the letter ids shown, in order."""
    page.set_checked("#ck-widen", widen)
    for name in ("agency", "year", "reason", "level"):
        page.select_option(f"#ck-search-form select[name={name}]", filters.get(name, ""))
    page.fill("#ck-q", query)
    page.click("#ck-search-form button[type=submit]")
    page.wait_for_function("q => document.getElementById('ck-search-result').dataset.done === q", arg=query)
    return page.eval_on_selector_all("#ck-search-result li.ck-result", "els => els.map(e => e.dataset.id)")


def lookup(page, code: str) -> tuple[list[str], str]:
    """Run a code lookup; (letter ids found, status text)."""
    page.fill("#ck-code", code)
    page.click("#ck-lookup-form button[type=submit]")
    page.wait_for_function("c => document.getElementById('ck-lookup-result').dataset.done === c", arg=code)
    ids = page.eval_on_selector_all("#ck-lookup-result li.ck-result", "els => els.map(e => e.dataset.id)")
    return ids, page.inner_text("#ck-lookup-result")


QUERIES = [
    # (query, first letter id expected)
    ("dak nong", "l-dak-nong"),
    ("dắk nông", "l-dak-nong"),
    ("Đắk Nông", "l-dak-nong"),
    ("DAK MIL", "l-dak-mil"),
    ("duc minh", "l-duc"),
    ("duc", "l-duc"),
    ("Đức", "l-duc"),
    ("hòa bình", "l-hoa"),
    ("hoà bình", "l-hoa"),
    ("hoa binh", "l-hoa"),
    ("hóa thượng", "l-hoa2"),
    ("hoa thuong", "l-hoa2"),
    ("thuy loi", "l-thuy"),
    ("thủy lợi", "l-thuy"),
    ("thuỷ lợi", "l-thuy"),
    ("xin loi", "l-xinloi"),
    ("xin lỗi", "l-xinloi"),
    ("khai sinh", "l-hoa"),
    ("giay phep xay dung", "l-dak-mil"),
    ("văn bản xin lỗi giấy phép xây dựng", "l-dak-mil"),
    ("000.00.21.H17-250420-0012", "l-dak-nong"),
    ("000.00.21.h17-250420-0012", "l-dak-nong"),
    ("H56.14-190823-0001", "l-old"),  # an old letter: the main bundle still finds it by code
]


@pytest.mark.parametrize(("query", "first"), QUERIES)
def test_query_table(page, query, first):
    ids = search(page, query)
    assert ids[:1] == [first], (query, ids)


def test_exact_accents_rank_first(page):
    assert search(page, "xã hòa")[:2] == ["l-hoa", "l-hoa2"]
    assert search(page, "xã hóa")[:2] == ["l-hoa2", "l-hoa"]


def test_default_scope_is_recent_years_and_widen_reaches_all(page):
    assert search(page, "giấy phép lái xe") == []
    assert "tất cả các năm" in page.inner_text("#ck-search-result")
    assert search(page, "giay phep lai xe", widen=True) == ["l-old"]
    assert "l-old" not in search(page, "giấy phép", widen=False)


def test_code_query_after_widening_shows_letter_once(page):
    assert search(page, "H56.14-190823-0001", widen=True) == ["l-old"]


def test_part_of_a_code_is_found_in_all_years(page):
    assert search(page, "250420-0012", widen=True)[:1] == ["l-dak-nong"]
    assert search(page, "190823-0001", widen=True)[:1] == ["l-old"]


def test_part_of_a_code_is_found_without_widening(page):
    """A citizen types only the end of the code: digits send the query to the all-years bundle."""
    assert search(page, "250420-0012")[:1] == ["l-dak-nong"]
    assert search(page, "190823-0001")[:1] == ["l-old"]


def test_main_bundle_search_finds_every_letter_by_code_first(page):
    content = make_search_content()
    codes = {letter.dossier.code: letter.id for letter in content.letters}
    got = page.evaluate(
        """async (codes) => { const pf = await import('/pagefind/pagefind.js'); const out = {};
           for (const code of codes) { const r = await pf.search(code);
             out[code] = r.results.length ? (await r.results[0].data()).url.split('/').at(-2) : null; }
           return out; }""", list(codes))
    assert got == codes


def test_default_scope_loads_only_the_recent_bundle(served):
    fresh = open_search(served)
    urls = []
    fresh.on("request", lambda r: urls.append(r.url))
    assert search(fresh, "khai sinh") == ["l-hoa"]
    assert {u.split("/")[3] for u in urls if "/pagefind" in u} == {"pagefind-recent"}
    fresh.context.close()


def test_filter_by_agency_and_level(page):
    everything = search(page, "cấp")
    assert {"l-dak-mil", "l-thuy", "l-xinloi"} <= set(everything)
    assert search(page, "cấp", agency="UBND huyện Đắk Mil") == ["l-dak-mil"]
    assert set(search(page, "đăng ký", level="Cấp xã")) == {"l-hoa", "l-hoa2"}
    assert search(page, "giấy phép", year="2019") == ["l-old"]  # an old year widens by itself


@pytest.mark.parametrize("typed", ["000.00.21.H17-250420-0012", " 000.00.21.h17-250420-0012. ",
                                   "(000.00.21.H17-250420-0012)", "000.00.21.H17 - 250420 - 0012"])
def test_code_lookup_found(page, typed):
    ids, text = lookup(page, typed)
    assert ids == ["l-dak-nong"]
    assert "000.00.21.H17-250420-0012" in text


def test_code_lookup_not_found_says_whom_to_contact(page):
    ids, text = lookup(page, "H56.99-260101-9999")
    assert ids == []
    assert "H56.99-260101-9999" in text
    assert "Trung tâm Hành chính công tỉnh" in text and "0261 1234 567" in text


def test_code_lookup_is_one_small_request(site, page):
    sizes = []
    page.on("response", lambda r: sizes.append((r.url, len(r.body()))) if "/lookup/" in r.url else None)
    lookup(page, "H56.22-260201-0007")
    assert len(sizes) == 1 and sizes[0][1] <= 10_000, sizes


CASES = ["Đắk Nông", "hoà", "HOÀ", "thuỷ", "Thuỷ lợi", "khoẻ", "quý", "quỳnh", "uỷ ban", "Ủy", "đứC", "ðak",
         "  xin   lỗi ", "hoàng", "toà án", "Xoè"]
CODES = ["000.00.21.H17-250420-0012", " h56.14-240823-0001. ", "«H56.14-240823-0001»", "mã:H56 . 14"]


def test_browser_text_functions_match_python(page):
    got = page.evaluate(
        """([cases, codes]) => { const L = window.congkhaiSearchLib;
           return {fold: cases.map(L.fold), tone: cases.map(L.toneNorm), code: codes.map(L.normalizeCode),
                   shard: codes.map(c => L.shardKey(c, 3))}; }""",
        [CASES, CODES],
    )
    assert got == {
        "fold": [fold(c) for c in CASES],
        "tone": [normalize_tone_placement(c) for c in CASES],
        "code": [normalize_code(c) for c in CODES],
        "shard": [shard_key(c, 3) for c in CODES],
    }


def test_stop_phrases_are_dropped_only_when_something_remains(page):
    got = page.evaluate(
        """() => { const L = window.congkhaiSearchLib, stop = window.congkhaiSearch.stop;
           return [L.stripStop("văn bản xin lỗi sở tài nguyên", stop), L.stripStop("xin loi", stop),
                   L.stripStop("ho so dat dai", stop)]; }""")
    assert got == ["sở tài nguyên", "xin loi", "dat dai"]
