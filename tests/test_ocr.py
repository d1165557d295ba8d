"""Scanned letters read by OCR (generator/checks/pdfgate/ocr.py, scan_checks.py): real Tesseract on real scans.

The scans are drawn from letters' own fields by scripts/scankit.py (paper, red seal, skew, a turned
page) and go through the real gate (bounded workers, facts cache, memo). Personal data is planted in
the scanned image only, never in the YAML, so only the machine-read text can find it.
"""

from __future__ import annotations

import random
import re
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.checks.orchestrator import check_content
from generator.checks.pdfgate import ocr
from generator.checks.pdfgate.cache import machine_read
from generator.checks.pdfgate.facts import OcrPage, PdfFacts
from generator.checks.pdfgate.scan_checks import as_numbers, unmasked_addressees
from tests.helpers import AGENCIES, make_content

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import scankit  # noqa: E402

TODAY = date(2018, 6, 1)
needs_ocr = pytest.mark.skipif(ocr.engine() is None, reason="tesseract-ocr + tesseract-ocr-vie not installed "
                                                             "(scripts/test-deps.sh installs them)")
AGENCY_NAMES = {a["code"]: a["name"] for a in AGENCIES["agencies"]}


def fields_of(yml: Path) -> dict:
    """The letter's YAML as scankit draws it (its id and agency name added)."""
    data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    return {**data, "id": yml.stem, "agency_name": AGENCY_NAMES[data["agency"]]}


def citizen_id(rng: random.Random) -> str:
    """A 12-digit CCCD: province code 001–096, century/sex digit, year, six digits."""
    return f"0{rng.randint(1, 96):02d}{rng.randint(0, 3)}{rng.randint(0, 99):02d}{rng.randint(0, 999_999):06d}"


def mobile(rng: random.Random) -> str:
    return rng.choice(["091", "098", "035", "086", "070"]) + f"{rng.randint(0, 9_999_999):07d}"


def grouped(number: str, size: int) -> str:
    return " ".join(number[i:i + size] for i in range(0, len(number), size))


def scan_letters(root: Path, plant: dict[str, dict] | None = None, **scan: object) -> list[Path]:
    """Replace every letter's PDF by a scan of its own fields (changed by `plant[id]` in the image only)."""
    ymls = sorted((root / "letters").rglob("*.yml"))
    for yml in ymls:
        data = yaml.safe_load(yml.read_text(encoding="utf-8"))
        data["privacy_reviewed"] = True
        yml.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        fields = fields_of(yml)
        for key, value in (plant or {}).get(yml.stem, {}).items():
            target = fields
            *path, last = key.split(".")
            for part in path:
                child = dict(target[part])
                target[part] = child
                target = child
            target[last] = value
        yml.with_suffix(".pdf").write_bytes(scankit.scan_pdf(fields, seed=len(yml.stem), **scan))
    return ymls


def check(root: Path, cache: Path | None = None):
    return check_content(root, TODAY, cache_dir=cache)


def rel(yml: Path, root: Path) -> str:
    return yml.relative_to(root).with_suffix(".pdf").as_posix()


@needs_ocr
def test_personal_data_planted_in_scans_is_an_error_despite_privacy_reviewed(tmp_path):
    root = make_content(tmp_path, 3)
    rng = random.Random(16)
    ymls = sorted((root / "letters").rglob("*.yml"))
    ids = [citizen_id(rng) for _ in ymls]
    phones = [mobile(rng) for _ in ymls]
    plant = {
        ymls[0].stem: {"reason.detail": f"Chờ bản sao căn cước của người nộp, số CCCD {ids[0]}, "
                                        f"điện thoại {grouped(phones[0], 4)}."},
        ymls[1].stem: {"reason.detail": f"Người nộp hồ sơ (CCCD số {grouped(ids[1], 3)}) chưa bổ sung giấy tờ.",
                       "recipient.name": "Ông Nguyễn Văn An"},
        ymls[2].stem: {"reason.detail": f"Liên hệ người nộp qua số {phones[2]} không được."},
    }
    scan_letters(root, plant)
    result = check(root)
    found = sorted((p.code, p.file) for p in result.problems if p.severity == "error")
    expected = sorted([
        ("privacy-scan-citizen-id", rel(ymls[0], root)), ("privacy-scan-phone", rel(ymls[0], root)),
        ("privacy-scan-citizen-id", rel(ymls[1], root)), ("privacy-scan-person-name", rel(ymls[1], root)),
        ("privacy-scan-phone", rel(ymls[2], root)),
    ])
    assert found == expected, [(p.code, p.file, p.message) for p in result.problems]
    messages = " ".join(p.message for p in result.problems)
    assert "Trang 1" in messages
    for secret in [*ids, *phones, "Nguyễn Văn An"]:  # masked: the log never repeats the value
        assert secret not in re.sub(r"\s", "", messages) and secret not in messages


@needs_ocr
def test_clean_scans_pass_and_their_text_is_machine_read(tmp_path):
    root = make_content(tmp_path, 2)
    ymls = scan_letters(root, dpi=200, skew=1.2, noise=0.003, stamp_over_text=True)
    result = check(root, tmp_path / "cache")
    assert [(p.code, p.file) for p in result.problems] == []
    for yml in ymls:
        facts = result.pdf_facts[rel(yml, root)]
        data = yaml.safe_load(yml.read_text(encoding="utf-8"))
        (page,) = facts.ocr_pages
        assert (facts.has_text, facts.scan_pages, page.page, facts.ocr_engine) == (False, (1,), 1, ocr.engine_key())
        assert page.confidence >= 80 and abs(page.skew + 1.2) <= 0.3
        assert data["number"] in page.text and "PHIẾU XIN LỖI" in page.text
    # a second check: memo entries hold no OCR text; it is read back from the facts cache
    again = check(root, tmp_path / "cache")
    light = again.pdf_facts[rel(ymls[0], root)]
    assert light.ocr_pages[0].text == "" and light.ocr_source
    assert machine_read(light) == result.pdf_facts[rel(ymls[0], root)].ocr_pages


@needs_ocr
def test_turned_page_is_read_upright_and_identifiers_come_from_the_ocr_text(tmp_path):
    root = make_content(tmp_path, 1)
    (yml,) = scan_letters(root, turn=180)
    result = check(root)
    assert result.problems == []
    (page,) = result.pdf_facts[rel(yml, root)].ocr_pages
    assert page.rotation == 180 and "000.00.21.H17-180420-0001" in page.text
    data = yaml.safe_load(yml.read_text(encoding="utf-8"))  # the YAML names another dossier and number
    data["number"], data["dossier"]["code"] = "99/XL-STNMT", "000.00.21.H17-180420-0999"
    yml.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert [(p.code, p.severity) for p in check(root).problems] == [("ocr-identifiers-absent", "warning")]


@needs_ocr
def test_a_page_the_machine_cannot_read_asks_for_review(tmp_path):
    from PIL import Image

    root = make_content(tmp_path, 1)
    (yml,) = scan_letters(root)
    rng = random.Random(3)
    photo = Image.frombytes("L", (620, 877), rng.randbytes(620 * 877)).convert("RGB")  # no letters at all
    yml.with_suffix(".pdf").write_bytes(scankit.image_only_pdf([photo], 75))
    assert [(p.code, p.severity) for p in check(root).problems] == [
        ("ocr-identifiers-absent", "warning"), ("ocr-low-confidence", "warning")]


def test_without_tesseract_check_warns_once_and_scans_need_a_review(tmp_path, monkeypatch):
    root = make_content(tmp_path, 2)
    rng = random.Random(7)
    ymls = scan_letters(root, {"2018-05-0001": {"reason.detail": f"Số CCCD {citizen_id(rng)}."}}, dpi=100)
    monkeypatch.setenv(ocr.TESSERACT_ENV, str(tmp_path / "no-such-tesseract"))
    ocr.engine.cache_clear()
    try:
        result = check(root, tmp_path / "cache")
        assert [(p.code, p.severity, p.file) for p in result.problems] == [
            ("ocr-unavailable", "warning", rel(ymls[0], root))]
        assert "2 bản quét" in result.problems[0].message
        assert all(f.unread_scan and not f.ocr_pages for f in result.pdf_facts.values())
        data = yaml.safe_load(ymls[1].read_text(encoding="utf-8"))
        data["privacy_reviewed"] = False
        ymls[1].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert sorted((p.code, p.severity) for p in check(root, tmp_path / "cache").problems) == [
            ("ocr-unavailable", "warning"), ("pdf-no-text-layer", "error")]
    finally:
        monkeypatch.delenv(ocr.TESSERACT_ENV)
        ocr.engine.cache_clear()
    if ocr.engine() is not None:  # installed now: the cached facts were read by no engine, so OCR runs
        codes = {p.code for p in check(root, tmp_path / "cache").problems}
        assert "privacy-scan-citizen-id" in codes and "ocr-unavailable" not in codes


def test_engine_key_names_the_version_and_the_models():
    found = ocr.engine()
    if found is None:
        assert ocr.engine_key() == ""
        return
    assert re.fullmatch(r"tesseract \S+; vie [0-9a-f]{16}; osd ([0-9a-f]{16}|-)", found.key)
    assert Path(found.tessdata, "vie.traineddata").is_file()


def test_facts_of_another_engine_are_read_again():
    from generator.checks.pdfgate.run import _fresh
    from generator.content.model import Policy

    facts = PdfFacts(sha256="a" * 64, size=10, header_ok=True, inspected=True, opened=True, pages=1,
                     scan_pages=(1,), ocr_engine="tesseract 5.3.0; vie 0000000000000000; osd -",
                     ocr_pages=(OcrPage(1, "x"),))
    assert _fresh(facts, Policy(), "", facts.ocr_engine)
    assert not _fresh(facts, Policy(), "", "tesseract 5.4.0; vie 0000000000000000; osd -")
    assert not _fresh(facts.with_changes(ocr_engine="", ocr_pages=()), Policy(), "", facts.ocr_engine)
    assert _fresh(facts.with_changes(scan_pages=(), ocr_engine=""), Policy(), "", facts.ocr_engine)
    assert PdfFacts.from_json(facts.to_json()) == facts


def test_ocr_misreadings_undone_only_inside_numbers_and_addressees_found():
    assert as_numbers("CCCD 0340950O1234, Ông Lê Ol") == "CCCD 034095001234, Ông Lê Ol"
    assert as_numbers("số l23 45 67 89") == "số 123 45 67 89"
    assert as_numbers("CCCD 034 095\n001 234\nNgày 5") == "CCCD 034 095 001 234\nNgày 5"
    assert unmasked_addressees("PHIẾU\nKính gửi: Ông Nguyễn Văn An.\nNgày") == ["Ông Nguyễn Văn An"]
    assert unmasked_addressees("Kính gửi: Bà L.T.L.\nKính gửi: Chị Đ.T\nKính gửi: Công ty ABC") == []


@pytest.mark.parametrize("read", ["Ông P.T.8.", "Bà N.T.L-", "Ông N…", "Anh 8.5.", "Chị …"])
def test_an_unreadable_addressee_names_nobody(read):
    """OCR misreads masked initials ("P.T.B." read "P.T.8.", on make_corpus scans): no word of two letters, no name."""
    assert unmasked_addressees(f"Kính gửi: {read}\nNgày") == []
    assert unmasked_addressees(f"Kính gửi: {read.split()[0]} Lê Văn Tám\nNgày") == [f"{read.split()[0]} Lê Văn Tám"]


def test_tsv_parsing_keeps_lines_and_weights_confidence():
    tsv = "\n".join(["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                     "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tKính", "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t60\tgửi:",
                     "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t80\tÔng", "5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t-1\t ",
                     "5\t1\t2\t1\t1\t2\t0\t0\t1\t1\t100\tA."])
    text, confidence, words = ocr.parse_tsv(tsv)
    assert text == "Kính gửi:\nÔng\n\nA." and words == 4
    assert confidence == round((90 * 4 + 60 * 4 + 80 * 3 + 100 * 2) / 13, 1)


@needs_ocr
def test_the_demo_scans_are_read(tmp_path):
    root = ROOT / "content"
    scans = []
    for yml in sorted((root / "letters").rglob("*.yml")):
        if "privacy_reviewed: true" in yml.read_text(encoding="utf-8"):
            scans.append(yml)
    assert len(scans) >= 3
    from generator.checks.pdfgate import inspect_pdfs
    from generator.content.model import Policy

    facts = inspect_pdfs([yml.with_suffix(".pdf") for yml in scans], Policy(), None)
    scans = [yml for yml in scans if facts[yml.with_suffix(".pdf")].scan_pages]  # reviewed text PDFs are not scans
    assert len(scans) >= 3
    for yml in scans:
        data = yaml.safe_load(yml.read_text(encoding="utf-8"))
        found = facts[yml.with_suffix(".pdf")]
        assert found.ocr_pages and all(p.confidence >= 70 for p in found.ocr_pages), yml
        text = re.sub(r"\s", "", as_numbers(" ".join(p.text for p in found.ocr_pages)))
        assert data["dossier"]["code"] in text or data["number"] in text, yml
    assert {p.rotation for yml in scans for p in facts[yml.with_suffix(".pdf")].ocr_pages} >= {0, 180}


@needs_ocr
def test_machine_read_text_is_on_the_letter_page_and_in_the_search_record(tmp_path):
    from generator.site.docs import render_docs
    from generator.site.search.index import machine_read_texts
    from generator.site.search.records import letter_view, record_html

    root = make_content(tmp_path, 1)
    (yml,) = scan_letters(root)
    result = check(root, tmp_path / "cache")
    assert result.valid
    (letter,) = result.content.letters
    render_docs(result.content, result.pdf_facts, TODAY, tmp_path / "docs")
    page = (tmp_path / "docs" / letter.url / "index.md").read_text(encoding="utf-8")
    section = page[page.index('class="ck-machine-read"'):]
    assert "Văn bản do máy đọc" in section and 'data-source="ocr"' in page
    assert "000.00.21.H17-180420-0001" in section and "PHIẾU XIN LỖI" in section
    texts = machine_read_texts(result.pdf_facts)
    assert list(texts) == [rel(yml, root)]
    record = record_html(letter, letter_view(letter, result.content), page_texts=texts[letter.pdf_source])
    assert "Chi cục Thuế" in record and "tiếp nhận" in record  # words only the scan's text holds
    assert "tiếp nhận" not in record_html(letter, letter_view(letter, result.content))


# What OCR made of the synthetic corpus's scans (scripts/make_corpus.py), each once a false error: the signer
# read with wrong marks, masked initials misread, the page's letter id misread into a "phone".
SIGNER_READS = [("Võ Quang Bình", "Võ Quang Binh"), ("Bùi Hữu Tuấn", "Bùi Hữu Tuần"),
                ("Phạm Hữu Thảo", "Phạm Hừu Thảo"), ("Phan Văn Bình", "Phan Văn Binh")]


@pytest.mark.parametrize(("signer", "read"), SIGNER_READS)
def test_the_signer_read_with_wrong_marks_is_still_the_signer(signer, read):
    from generator.checks.pdfgate.scan_checks import scan_problems

    text = (f"Kính gửi: Ông P.T.8.\nXin lỗi Ông P.T.B.\nmẫu 202E-035-0007527\nKT. CHỦ TỊCH\n=.\n\n{read}\n"
            "Liên hệ bà Nguyễn Thị Hoa, 0912345678.")
    facts = PdfFacts(sha256="a" * 64, size=10, header_ok=True, inspected=True, opened=True, pages=1,
                     scan_pages=(1,), ocr_engine="tesseract", ocr_pages=(OcrPage(1, text, 90.0, 60),))
    found = sorted(p.code for p in scan_problems(facts, "x.pdf", identifiers=[signer], dossier_code=None,
                                                  number=None, allowed=frozenset()))
    assert found == ["privacy-scan-person-name", "privacy-scan-phone"]  # the citizen's name and phone, only
    found = sorted(p.code for p in scan_problems(facts, "x.pdf", identifiers=["Lê Văn Tám"], dossier_code=None,
                                                  number=None, allowed=frozenset()))
    assert found == ["privacy-scan-person-name"] * 2 + ["privacy-scan-phone"]  # another signer: this one is named


def test_a_page_whose_reading_failed_says_so_not_that_nothing_was_read():
    from generator.checks.pdfgate.facts import OcrPage, PdfFacts
    from generator.site.machine_read import machine_read_view
    from generator.strings import machine_read as M

    pages = (OcrPage(1, "Phiếu xin lỗi"), OcrPage(2, ""), OcrPage(3, "", failed=True))
    view = machine_read_view(PdfFacts(sha256="a" * 64, size=1, ocr_pages=pages))
    assert [text for _, text in view.pages] == ["Phiếu xin lỗi", M.NOTHING_READ, M.READ_FAILED]
