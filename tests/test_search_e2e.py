"""Citizen search end to end in headless Chromium: the query table, code lookup, filters, scope.

The site here is the search fixture (tests/search_fixtures.py) indexed by the real Pagefind
binary, with the real search page Markdown and script; a static server serves it to Debian's
Chromium driven by Playwright.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.vtext import fold, normalize_tone_placement
from generator.site.search.codes import find_code, normalize_code, shard_key
from generator.site.search.records import title_key
from tests.browser import serve_directory
from tests.search_fixtures import make_letter, make_search_content
from tests.search_support import CHROMIUM, first_by_code, fresh_page, make_search_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (scripts/test-deps.sh installs it)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The fixture content indexed into a bare site with the search page."""
    out = tmp_path_factory.mktemp("search-site")
    make_search_site(make_search_content(), out, tmp_path_factory.mktemp("search-work"))
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
    """Run a text search in the page (`widen`: the year choice "all years"); the letter ids shown, in order."""
    filters.setdefault("year", "all" if widen else "")
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


def test_default_scope_is_recent_years_and_widens_by_itself_when_it_finds_little(page):
    assert search(page, "giấy phép lái xe") == ["l-old"]  # 2019: found in the older years, and said so
    assert "đã tìm thêm trong các năm trước" in page.inner_text("#ck-search-result")
    assert search(page, "giay phep lai xe", widen=True) == ["l-old"]
    assert "l-old" not in search(page, "cấp", year="2026")
    assert "l-old" in search(page, "cấp", widen=True)  # "all years" does what it says


def test_code_query_after_widening_shows_letter_once(page):
    assert search(page, "H56.14-190823-0001", widen=True) == ["l-old"]


def test_part_of_a_code_is_found_in_all_years(page):
    assert search(page, "250420-0012", widen=True)[:1] == ["l-dak-nong"]
    assert search(page, "190823-0001", widen=True)[:1] == ["l-old"]


def test_part_of_a_code_is_found_without_widening(page):
    """A citizen types only the end of the code: digits send the query to the all-years bundle."""
    assert search(page, "250420-0012")[:1] == ["l-dak-nong"]
    assert search(page, "190823-0001")[:1] == ["l-old"]


def test_the_code_bundles_merged_find_every_letter_by_code_first(page):
    content = make_search_content()
    codes = {letter.dossier.code: letter.id for letter in content.letters}
    got = {code: first[0] for code, first in first_by_code(page, list(codes)).items()}
    assert got == codes


def test_a_chosen_year_loads_only_its_own_bundle(served):
    fresh = open_search(served)
    urls = []
    fresh.on("request", lambda r: urls.append(r.url))
    assert search(fresh, "khai sinh", year="2026") == ["l-hoa"]
    assert {u.split("/")[3] for u in urls if "/pagefind" in u} == {"pagefind-2026"}
    fresh.context.close()


def _bundles_loaded(served, query: str) -> tuple[list[str], set[str]]:
    """(letter ids found by `query` in the default scope, folders of search files it fetched)."""
    fresh = open_search(served)
    urls = []
    fresh.on("request", lambda r: urls.append(r.url))
    ids = search(fresh, query)
    fresh.context.close()
    return ids, {u.split("/")[3] for u in urls if "/pagefind" in u or "/older-words/" in u}


def test_few_recent_results_widen_to_the_older_years(served):
    """Fewer than a page of results in the recent years, and every word is in some older record: the
    older years are searched too."""
    ids, folders = _bundles_loaded(served, "giấy phép")
    assert ids[0] == "l-dak-mil" and "l-old" in ids
    assert folders == {"pagefind-2026", "pagefind-2025", "older-words", "pagefind-2019"}


def test_a_query_no_older_letter_can_match_does_not_load_the_older_years(served):
    """The older years' word list says no older record has "khai" or "sinh": the recent results stand,
    and the older bundle (a second Pagefind module, its metadata and chunks) is not fetched."""
    ids, folders = _bundles_loaded(served, "khai sinh")
    assert ids == ["l-hoa"]
    assert folders == {"pagefind-2026", "pagefind-2025", "older-words"}


def test_filter_by_agency_and_level(page):
    everything = search(page, "cấp")
    assert {"l-dak-mil", "l-thuy", "l-xinloi"} <= set(everything)
    assert search(page, "cấp", agency="UBND huyện Đắk Mil") == ["l-dak-mil"]
    assert set(search(page, "đăng ký", level="Cấp xã")) == {"l-hoa", "l-hoa2"}
    assert search(page, "giấy phép", year="2019") == ["l-old"]  # an old year widens by itself


def test_filters_alone_browse(page):
    assert search(page, "", agency="UBND huyện Đắk Mil") == ["l-dak-mil"]
    assert set(search(page, "", level="Cấp xã")) == {"l-duc", "l-hoa", "l-hoa2"}
    assert search(page, "", year="2019") == ["l-old"]


def test_one_extra_word_gives_closest_matches_not_nothing(page):
    ids = search(page, "đăng ký khai sinh cho con")
    assert ids[:1] == ["l-hoa"]
    text = page.inner_text("#ck-search-result")
    assert "gần nhất" in text and "mã hồ sơ" in text.lower()


def test_nothing_found_says_what_to_try(page):
    assert search(page, "zzqx") == []
    links = page.eval_on_selector_all("#ck-search-result .ck-advice-links a", "els => els.map(e => e.href)")
    assert links[0].endswith("#ck-code")
    assert [link.rsplit("/", 2)[-2] for link in links[1:]] == ["agencies", "letters", "thu-tuc"]


def test_query_and_filters_live_in_the_url_and_back_restores_them(served):
    base, _ = served
    fresh = open_search(served)
    search(fresh, "khai sinh")
    assert "q=khai+sinh" in fresh.url
    search(fresh, "đăng ký")
    assert "q=%C4%91%C4%83ng+k%C3%BD" in fresh.url
    fresh.go_back()
    fresh.wait_for_function("() => document.getElementById('ck-search-result').dataset.done === 'khai sinh'")
    assert fresh.input_value("#ck-q") == "khai sinh"
    ids = fresh.eval_on_selector_all("#ck-search-result li.ck-result", "els => els.map(e => e.dataset.id)")
    assert ids == ["l-hoa"]
    linked = fresh_page(served[1])
    linked.goto(f"{base}/tim-kiem/?code=H56.22-260201-0007")
    linked.wait_for_function("() => document.getElementById('ck-lookup-result').dataset.done")
    ids = linked.eval_on_selector_all("#ck-lookup-result li.ck-result", "els => els.map(e => e.dataset.id)")
    assert ids == ["l-duc"]
    fresh.context.close()
    linked.context.close()


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


def test_code_not_found_names_the_agency_of_its_prefix_and_links_each_contact_once(page):
    for box in ("code", "text"):
        if box == "code":
            ids, text = lookup(page, "Mã hồ sơ: 000.00.30.H17–250801–9999")
            where = "#ck-lookup-result"
        else:
            ids, text = search(page, "000.00.30.H17-250801-9999"), page.inner_text("#ck-search-result")
            where = "#ck-search-result"
        assert ids == []
        assert "Chi cục Thủy lợi" in text or "Chi cục Thuỷ lợi" in text  # the agency of prefix 000.00.30.H17
        assert "Trung tâm Hành chính công tỉnh" in text  # its tracking unit
        hrefs = page.eval_on_selector_all(f"{where} .ck-contacts a", "els => els.map(e => e.getAttribute('href'))")
        assert "tel:02611234567" in hrefs and "mailto:tthcc@example.gov.vn" in hrefs
        assert len(hrefs) == len(set(hrefs))


def test_code_lookup_is_one_small_request(site, page):
    sizes = []
    page.on("response", lambda r: sizes.append((r.url, len(r.body()))) if "/lookup/" in r.url else None)
    lookup(page, "H56.22-260201-0007")
    assert len(sizes) == 1 and sizes[0][1] <= 10_000, sizes


CASES = ["Đắk Nông", "hoà", "HOÀ", "thuỷ", "Thuỷ lợi", "khoẻ", "quý", "quỳnh", "uỷ ban", "Ủy", "đứC", "ðak",
         "  xin   lỗi ", "hoàng", "toà án", "Xoè"]
CODES = ["000.00.21.H17-250420-0012", " h56.14-240823-0001. ", "«H56.14-240823-0001»", "mã:H56 . 14",
         "Mã hồ sơ: 000.00.29.H17 – 250908 — 0054", "Số hồ sơ: h17‐250908-0054.", "250908－0054", "đăng ký"]


def test_browser_text_functions_match_python(page):
    got = page.evaluate(
        """([cases, codes]) => { const L = window.congkhaiSearchLib;
           return {fold: cases.map(L.fold), tone: cases.map(L.toneNorm), code: codes.map(L.normalizeCode),
                   shard: codes.map(c => L.shardKey(c, 3)), find: codes.map(L.findCode),
                   key: cases.map(L.titleKey)}; }""",
        [CASES, CODES],
    )
    assert got == {
        "fold": [fold(c) for c in CASES],
        "tone": [normalize_tone_placement(c) for c in CASES],
        "code": [normalize_code(c) for c in CODES],
        "shard": [shard_key(c, 3) for c in CODES],
        "find": [find_code(c) for c in CODES],
        "key": [title_key(c) for c in CASES],
    }


def test_stop_phrases_are_dropped_only_when_something_remains(page):
    got = page.evaluate(
        """() => { const L = window.congkhaiSearchLib, stop = window.congkhaiSearch.stop;
           return [L.stripStop("văn bản xin lỗi sở tài nguyên", stop), L.stripStop("xin loi", stop),
                   L.stripStop("ho so dat dai", stop)]; }""")
    assert got == ["sở tài nguyên", "xin loi", "dat dai"]


ADDED = ("l-added", "ubnd-hoa-binh", "2026-05-04", "H56.31-260420-0099", "Đăng ký thành lập hộ kinh doanh",
         "other", "Cán bộ tập huấn.", "Trịnh Ngọc Ánh")


@pytest.fixture(scope="module")
def added_site(tmp_path_factory) -> tuple[Path, object]:
    """The fixture indexed, then one 2026 letter added and indexed again over the first site (incremental)."""
    content = make_search_content()
    work = tmp_path_factory.mktemp("added-work")
    first_dir = tmp_path_factory.mktemp("first-site")
    first = make_search_site(content, first_dir, work)
    content.letters = sorted([*content.letters, make_letter(ADDED)], key=lambda x: (x.issued_on, x.id))
    out = tmp_path_factory.mktemp("added-site")
    return out, make_search_site(content, out, work, previous=(first_dir, first.fingerprints))


def test_after_a_letter_is_added_only_its_year_is_indexed_and_every_letter_is_found(added_site, chromium):
    """The incremental index of a 2026 letter: Pagefind ran on 2026's two bundles only, the other years'
    were linked; the citizen finds the new letter and the old ones by code, by name, by procedure
    without accents, in the default scope and in all years."""
    site, stats = added_site
    assert sorted(stats.indexed) == ["pagefind-2026", "pagefind-codes-2026"]
    assert set(stats.reused) == {"pagefind-2025", "pagefind-2019", "pagefind-codes-2025", "pagefind-codes-2019",
                                 "older-words"}
    with serve_directory(site) as base:
        page = open_search((base, chromium))
        assert lookup(page, "H56.31-260420-0099")[0] == ["l-added"]
        assert lookup(page, "H56.14-190823-0001")[0] == ["l-old"]
        assert search(page, "dang ky thanh lap ho kinh doanh")[:1] == ["l-added"]
        assert search(page, "trinh ngoc anh")[:1] == ["l-added"]  # the signer's name
        assert search(page, "260420-0099")[:1] == ["l-added"]  # a part of its code: the code bundles
        assert search(page, "giay phep xay dung")[:1] == ["l-dak-mil"]
        assert search(page, "thuy loi")[:1] == ["l-thuy"]
        assert search(page, "doi giay phep lai xe", widen=True)[:1] == ["l-old"]
        assert search(page, "190823-0001")[:1] == ["l-old"]
        page.context.close()
