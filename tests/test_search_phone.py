"""Search and letters on a phone (360 px wide), in the real built site (tests/conftest.py `site_build`).

Both search boxes are in the first screen of the home page and of the search page; a search
started from the home page opens the search page with the query in the URL and scrolls the first
result into view; letter pages show each page as an image (lazy after the first, with alt text,
each <= 150 KB) with the page's text under it, and the page without its images is <= 150 KB
transferred (gzip, as a compressing server sends it); tap targets are >= 44 px; 0 axe violations
on every page kind, with results, closest matches and a code not found on screen.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator.site.page_images import MAX_IMAGE_BYTES
from tests.browser import requires_chromium

pytestmark = [pytest.mark.browser, requires_chromium]

PHONE = {"viewport": {"width": 360, "height": 640}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
PAGE_BUDGET = 150_000


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def _in_first_screen(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect();"
                                           " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }")


def _first_result_in_view(page, where: str) -> bool:
    return _in_first_screen(page, f"{where} li.ck-result")


@pytest.mark.parametrize(("url", "boxes"), [("", ["#ck-home-code", "#ck-home-q"]),
                                            ("tim-kiem/", ["#ck-code", "#ck-q"])])
def test_both_search_boxes_are_in_the_first_screen(site_server, phone, url, boxes):
    phone.goto(f"{site_server}/{url}")
    assert [_in_first_screen(phone, box) for box in boxes] == [True, True]


def test_home_page_code_box_opens_the_search_page_and_shows_the_letter_in_view(site_build, site_server, phone):
    letter = next(x for x in site_build.content.letters if x.withdrawn is None)
    phone.goto(f"{site_server}/")
    phone.fill("#ck-home-code", "Mã hồ sơ: " + letter.dossier.code.replace("-", "–"))
    phone.click("#ck-home-lookup-form button[type=submit]")
    phone.wait_for_selector("#ck-lookup-result[data-done]")
    assert "/tim-kiem/?code=" in phone.url
    ids = phone.eval_on_selector_all("#ck-lookup-result li.ck-result", "els => els.map(e => e.dataset.id)")
    assert ids[:1] == [letter.id]


def test_text_search_scrolls_the_first_result_into_view(site_build, site_server, phone):
    letter = site_build.content.letters[0]
    phone.goto(f"{site_server}/tim-kiem/")
    phone.wait_for_selector("#ck-search[data-ready='1']")
    query = letter.dossier.procedure.split()[0] + " " + letter.dossier.procedure.split()[1]
    phone.fill("#ck-q", query)
    phone.click("#ck-search-form button[type=submit]")
    phone.wait_for_function("q => document.getElementById('ck-search-result').dataset.done === q", arg=query)
    assert _first_result_in_view(phone, "#ck-search-result")


def _published_letter(site_build):
    return next(x for x in site_build.content.letters if x.withdrawn is None)


def test_letter_page_shows_each_page_as_an_image_with_its_text(site_build, site_server, phone):
    letter = _published_letter(site_build)
    phone.goto(f"{site_server}/{letter.url}")
    images = phone.eval_on_selector_all(".ck-page-image img", "els => els.map(e => ({src: e.getAttribute('src'),"
                                        " alt: e.alt, loading: e.loading, w: e.naturalWidth}))")
    pdf = site_build.site / letter.url / f"{letter.id}.pdf"
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(pdf.read_bytes()))
    assert len(images) == pages
    assert all(img["alt"] and letter.number in img["alt"] for img in images)
    assert [img["loading"] for img in images] == ["eager"] + ["lazy"] * (pages - 1)
    assert images[0]["w"] > 0  # the browser decoded it (PNG for a text page, WebP for a scan)
    for img in images:
        assert (site_build.site / letter.url / img["src"]).stat().st_size <= MAX_IMAGE_BYTES
    text = phone.inner_text(".ck-page-text-body")
    assert letter.dossier.code in text.replace(" ", "") or letter.number in text
    width = phone.eval_on_selector(".ck-page-image img", "e => e.getBoundingClientRect().width")
    assert 300 <= width <= 360  # as wide as the phone's screen
    links = phone.eval_on_selector_all(".ck-contact a", "els => els.map(e => e.getAttribute('href'))")
    contact = site_build.content.agencies[letter.agency].contact
    assert any(h.startswith("tel:") for h in links) == any(c.isdigit() for c in contact)
    assert any(h.startswith("mailto:") for h in links) == ("@" in contact)


def test_letter_page_without_its_images_is_within_budget(site_build, site_server, phone):
    letter = _published_letter(site_build)
    sizes = []
    phone.on("requestfinished", lambda r: sizes.append((r.url, r.resource_type, r.response().body())))
    phone.goto(f"{site_server}/{letter.url}")
    phone.wait_for_load_state("networkidle")
    own = [(u, body) for u, kind, body in sizes if kind != "image" and u.startswith(site_server)]
    transferred = sum(len(gzip.compress(body)) for _, body in own)
    assert transferred <= PAGE_BUDGET, [(u, len(b)) for u, b in own]


@pytest.mark.parametrize("url", ["", "tim-kiem/"])
def test_tap_targets_are_at_least_44_px(site_server, phone, url):
    phone.goto(f"{site_server}/{url}")
    small = phone.eval_on_selector_all(
        ".ck-search input, .ck-search button, .ck-search select",
        "els => els.filter(e => e.offsetParent).map(e => [e.id || e.name || e.textContent.trim(),"
        " e.getBoundingClientRect().height]).filter(x => x[1] < 44)")
    assert small == []


AXE_STATES = ["", "tim-kiem/", "tim-kiem/?q=dang+ky", "tim-kiem/?q=dang+ky+zzqx+bien", "tim-kiem/?code=H17-000000-0001",
              "tim-kiem/?q=zzqx", "thu-tuc/", "agencies/", "letters/"]


@pytest.mark.parametrize("url", AXE_STATES)
def test_no_axe_violation_on_any_page_kind(site_build, site_server, phone, url):
    if not AXE.is_file():
        pytest.skip("axe-core missing: run `npm ci --prefix tests/js` (scripts/test-deps.sh does)")
    phone.goto(f"{site_server}/{url}")
    if url.startswith("tim-kiem/"):
        phone.wait_for_selector("#ck-search[data-ready='1']")
        if "?" in url:
            phone.wait_for_selector("[data-done]")
    phone.add_script_tag(path=str(AXE))
    found = phone.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                           ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))")
    assert found == []


def test_no_axe_violation_on_letter_and_procedure_pages(site_build, site_server, phone):
    if not AXE.is_file():
        pytest.skip("axe-core missing: run `npm ci --prefix tests/js` (scripts/test-deps.sh does)")
    letter = _published_letter(site_build)
    procedure = next(p for p in (site_build.site / "thu-tuc").iterdir() if p.is_dir())
    for url in (letter.url, f"thu-tuc/{procedure.name}/", f"letters/{letter.year}/{letter.agency}/"):
        phone.goto(f"{site_server}/{url}")
        phone.add_script_tag(path=str(AXE))
        found = phone.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                               ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))")
        assert found == [], url
