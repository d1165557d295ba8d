"""Benchmark citizen search on a synthetic corpus: index build time, peak memory, cold-query bytes.

    .venv/bin/python scripts/bench_search.py                 # 10,000 letters
    .venv/bin/python scripts/bench_search.py --letters 100000
    .venv/bin/python scripts/bench_search.py --letters 10000 --letters 100000

Letters are made directly as model objects (no PDFs: only the index is measured), spread evenly
over 2019-2026, so the default scope (the latest two years, bundles /pagefind-2026/ and
/pagefind-2025/ merged into one Pagefind instance) holds a quarter of them; "all years" searches
the older years' bundles too (a second instance); /pagefind-codes-<year>/ hold the letters by code
only (all years merged). Each query
runs in a fresh Chromium context (cold cache) against a local static server; bytes are counted
as served (Pagefind's index files are already gzipped) and, for JS/JSON, also as gzip would send
them. Hit rates (issue 13): the query table of tests/search_queries.py (procedure and agency +
procedure without accents, code variants in both boxes, the number) for `--sample` letters spread
over the corpus, with found-first and found-in-10 per kind. Targets (issue 5): code lookup <= 10 KB;
cold name query in the default scope <= 300 KB at 10,000 letters, <= 500 KB at 100,000; index peak
memory <= 4 GB at 100,000.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import random
import resource
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.content.model import (  # noqa: E402
    Agency,
    Content,
    DelayReason,
    Dossier,
    Letter,
    Person,
    Portal,
    Reason,
    Recipient,
)
from generator.site.search.codes import shard_key  # noqa: E402

PLACES = ["Gia Nghĩa", "Đắk Mil", "Đắk Song", "Đắk R'Lấp", "Đắk Glong", "Cư Jút", "Krông Nô", "Tuy Đức",
          "Nam Đà", "Quảng Sơn", "Đức Xuyên", "Ea Pô", "Nâm Nung", "Thuận An", "Hòa Bình", "Quảng Trực"]
DEPARTMENTS = ["Sở Tài nguyên và Môi trường", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Giao thông vận tải",
               "Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn",
               "Sở Y tế", "Sở Công Thương", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch"]
ACTIONS = ["Cấp", "Cấp đổi", "Cấp lại", "Gia hạn", "Điều chỉnh", "Đăng ký", "Thẩm định", "Xác nhận"]
OBJECTS = ["giấy chứng nhận quyền sử dụng đất", "giấy phép xây dựng", "giấy phép kinh doanh", "giấy phép lái xe",
           "biến động quyền sử dụng đất", "hộ kinh doanh", "giấy chứng nhận đăng ký doanh nghiệp",
           "chứng chỉ hành nghề", "phiếu lý lịch tư pháp", "giấy phép khai thác nước mặt", "trợ cấp xã hội",
           "hồ sơ thủy lợi", "giấy phép vận tải", "giấy chứng nhận an toàn thực phẩm", "thẻ bảo hiểm y tế"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Công"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh", "Lan",
         "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Tuấn",
         "Việt", "Yến", "Đạt", "Định"]
TITLES = ["Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Trưởng phòng"]
DETAILS = ["Chờ ý kiến phối hợp của Chi cục Thuế.", "Cần xác minh nguồn gốc đất.", "Số lượng hồ sơ tăng đột biến.",
           "Phần mềm một cửa gặp sự cố.", "Chờ kết quả đo đạc địa chính.", "Cán bộ thụ lý nghỉ ốm.", ""]
RARE_SIGNER = "Y Ngông Niê Kdăm"
YEARS = list(range(2019, 2027))


def make_corpus(n: int, seed: int = 5) -> Content:
    """A synthetic, valid-looking content of `n` letters (model objects only)."""
    rnd = random.Random(seed)
    agencies = [Agency("tthcc", "Trung tâm Hành chính công tỉnh Đắk Nông", "province", contact="0261 1234 567")]
    agencies += [Agency(f"so-{i}", f"{d} tỉnh Đắk Nông", "province", tracked_by="tthcc")
                 for i, d in enumerate(DEPARTMENTS)]
    agencies += [Agency(f"ubnd-h-{i}", f"UBND huyện {p}", "district", tracked_by="tthcc") for i, p in enumerate(PLACES)]
    agencies += [Agency(f"ubnd-x-{i}", f"UBND xã {p}", "commune", tracked_by="tthcc") for i, p in enumerate(PLACES)]
    reasons = [Reason("inter-agency", "Chậm phối hợp liên thông giữa các cơ quan"),
               Reason("verification", "Cần xác minh, thẩm tra thêm"), Reason("workload", "Khối lượng hồ sơ lớn"),
               Reason("system", "Sự cố phần mềm, hạ tầng"), Reason("other", "Lý do khác")]
    letters = []
    for i in range(n):
        year = YEARS[i % len(YEARS)]
        day = date(year, 1, 1) + timedelta(days=rnd.randrange(360))
        agency = agencies[1 + rnd.randrange(len(agencies) - 1)]
        received = day - timedelta(days=rnd.randrange(15, 60))
        code = f"000.00.{rnd.randrange(10, 99)}.H56-{received:%y%m%d}-{i:05d}"
        signer = RARE_SIGNER if i == n - 1 else f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        dossier = Dossier(code=code, procedure=f"{rnd.choice(ACTIONS)} {rnd.choice(OBJECTS)}",
                          received_on=received, due_on=day + timedelta(days=2), new_due_on=day + timedelta(days=9),
                          procedure_code=f"1.00{rnd.randrange(1000, 9999)}")
        reason = rnd.choice(reasons)
        lid = f"{year}-{i:06d}"
        letters.append(Letter(
            id=lid, source=f"letters/{year}/{agency.code}/{lid}.yml", number=f"{i % 997 + 1}/XL-{agency.code.upper()}",
            issued_on=day, agency=agency.code, signer=Person(signer, rnd.choice(TITLES)),
            recipient=Recipient("individual", "Ông N.V.A."), dossier=dossier,
            reason=DelayReason(reason.code, rnd.choice(DETAILS)), published_on=day + timedelta(days=1)))
    letters.sort(key=lambda x: (x.issued_on, x.id))
    portal = Portal(name="Công khai văn bản xin lỗi", owner="Trung tâm Hành chính công tỉnh Đắk Nông",
                    site_url="https://xinloi.example.gov.vn/", contact="0261 1234 567, tthcc@example.gov.vn")
    return Content(root=Path("synthetic"), portal=portal, agencies={a.code: a for a in agencies},
                   levels=("province", "district", "commune"), reasons={r.code: r for r in reasons}, letters=letters)


def _gz(url: str, body: bytes) -> int:
    return len(gzip.compress(body)) if url.endswith((".js", ".json", ".html")) else len(body)


@contextlib.contextmanager
def search_page(base: str, timeout_ms: int):
    """The search page, script ready, in a fresh Chromium (cold cache); closed afterwards."""
    from playwright.sync_api import sync_playwright

    from tests.search_support import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.set_default_timeout(timeout_ms)
        page.goto(f"{base}/tim-kiem/")
        page.wait_for_selector("#ck-search[data-ready='1']")
        try:
            yield page
        finally:
            browser.close()


def measure(base: str, action, arg: str, widen: bool = False) -> dict:
    """Bytes fetched by one cold action on the search page (page, script and config excluded)."""
    with search_page(base, 120_000) as page:
        got: list[tuple[str, int, int]] = []
        def record(response) -> None:
            try:
                body = response.body()
            except Exception:  # the browser closed before a late response finished
                return
            got.append((response.url, len(body), _gz(response.url, body)))

        page.on("response", record)
        start = time.perf_counter()
        action(page, arg, widen)
        seconds = time.perf_counter() - start
    return {"requests": len(got), "bytes": sum(g[1] for g in got), "gzip": sum(g[2] for g in got),
            "seconds": seconds, "files": got}


def do_search(page, q: str, widen: bool) -> None:
    page.select_option("#ck-search-form select[name=year]", "all" if widen else "")
    page.fill("#ck-q", q)
    page.click("#ck-search-form button[type=submit]")
    page.wait_for_function("q => document.getElementById('ck-search-result').dataset.done === q", arg=q)


def do_api_search(page, code: str, widen: bool) -> None:
    from tests.search_support import first_by_code

    found = (first_by_code(page, [code])[code] or [None, None])[1]
    assert found == code, (found, code)


def do_lookup(page, code: str, widen: bool) -> None:
    page.fill("#ck-code", code)
    page.click("#ck-lookup-form button[type=submit]")
    page.wait_for_function("c => document.getElementById('ck-lookup-result').dataset.done === c", arg=code)


def _dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def print_hit_rates(base: str, content: Content, sample: int) -> None:
    """Hit rates of the generated query kinds (tests/search_queries.py) for `sample` letters spread
    over the corpus, typed into the search page one after the other (a warm page)."""
    from tests.search_queries import hit_rates, query_table, rate_table, run_queries

    step = max(1, len(content.letters) // sample)
    letters = content.letters[::step][:sample]
    queries = query_table(content, letters)
    start = time.perf_counter()
    with search_page(base, 600_000) as page:
        answers = run_queries(page, queries)
    print(f"hit rates: {len(letters)} letters, {len(queries)} queries in {time.perf_counter() - start:.0f} s")
    print(rate_table(hit_rates(content, queries, answers)))


def bench(n: int, out: Path, verbose: bool, sample: int = 100) -> None:
    """Build and measure one corpus size; prints figures."""
    from tests.search_support import serve

    t0 = time.perf_counter()
    content = make_corpus(n)
    made = time.perf_counter() - t0
    site, work = out / f"site-{n}", out / f"work-{n}"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    from tests.search_support import make_search_site

    stats = make_search_site(content, site, work)
    py_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\n== {n:,} letters (corpus made in {made:.1f} s; years {YEARS[0]}-{YEARS[-1]}, "
          f"default scope {', '.join(stats.recent_years)}) ==")
    print(f"index build: {stats.seconds:.1f} s; Pagefind peak RSS {stats.peak_rss_kb / 1024:.0f} MiB; "
          f"Python peak RSS {py_peak / 1024:.0f} MiB")
    print(f"  records written in {stats.records_seconds:.1f} s, Pagefind ran {stats.pagefind_seconds:.1f} s")
    for name, pages in stats.bundles.items():
        meta = next((site / name).glob("pagefind.*.pf_meta"))
        print(f"  bundle /{name}/: {pages:,} records, {_dir_bytes(site / name) / 1e6:.1f} MB on disk, "
              f"meta {meta.stat().st_size / 1024:.1f} KB")
    print(f"lookup: {stats.lookup_shards:,} shards, prefix {stats.lookup_prefix} hex, "
          f"largest {stats.lookup_max_bytes / 1024:.1f} KB")
    words = site / "older-words"
    if words.is_dir():
        print(f"older-words: {sum(1 for _ in words.glob('*.json')):,} shards, {_dir_bytes(words) / 1024:.0f} KB, "
              f"largest {stats.older_words_max_bytes / 1024:.1f} KB")
    recent = [x for x in content.letters if str(x.year) in stats.recent_years]
    old = [x for x in content.letters if str(x.year) not in stats.recent_years]
    common = "đất"
    code_recent = recent[len(recent) // 2].dossier.code
    code_old = old[len(old) // 3].dossier.code if old else code_recent
    cases = [
        ("code lookup box (old letter)", do_lookup, code_old.lower(), False, 10 * 1024),
        ("code lookup box, not found", do_lookup, "H56.99-990101-9999", False, 10 * 1024),
        ("code in the text box (old letter: answered by the lookup)", do_search, code_old, False, 10 * 1024),
        ("code bundles (merged) search(code) through the Pagefind API", do_api_search, code_recent, False, None),
        (f"common word «{common}», default scope", do_search, common, False, None),
        ("rare name «y ngong nie kdam», default scope", do_search, "y ngong nie kdam", False,
         (300 if n <= 10_000 else 500) * 1024),
        ("rare name, all years", do_search, "y ngong nie kdam", True, None),
        (f"common word «{common}», all years", do_search, common, True, None),
    ]
    with serve(site) as base:
        page_assets = measure(base, lambda page, a, w: None, "", False)  # nothing: the baseline is 0
        assert page_assets["requests"] == 0
        for label, action, arg, widen, target in cases:
            m = measure(base, action, arg, widen)
            verdict = ""
            if target is not None:
                # judged on bytes transferred by a compressing server (GitHub Pages, nginx `gzip on`; see
                # docs/deploy.md): Pagefind's index files are gzipped already, JS/JSON/HTML gzip on the wire
                verdict = " OK" if m["gzip"] <= target else f" MISSED (target {target // 1024} KB transferred)"
            print(f"  {label}: {m['requests']} requests, {m['bytes'] / 1024:.1f} KB as served "
                  f"({m['gzip'] / 1024:.1f} KB with gzip for JS/JSON), {m['seconds']:.2f} s{verdict}")
            if verbose:
                for url, size, gz in m["files"]:
                    print(f"      {size:>9,} {gz:>9,}  {url.split('/', 3)[-1]}")
        print_hit_rates(base, content, sample)
    page_js = sum((site / p).stat().st_size for p in ("assets/search.js", "lookup/config.js"))
    print(f"  (loaded with the page, not counted above: search.js + config.js = {page_js / 1024:.1f} KB)")
    shutil.rmtree(work, ignore_errors=True)
    assert shard_key(code_old, stats.lookup_prefix)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, action="append", help="corpus size (repeatable; default 10000)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "search")
    parser.add_argument("--verbose", action="store_true", help="list every file fetched")
    parser.add_argument("--sample", type=int, default=100, help="letters whose query table is run (hit rates)")
    args = parser.parse_args(argv)
    for n in args.letters or [10_000]:
        bench(n, args.out, args.verbose, args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
