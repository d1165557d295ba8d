"""generator/checks/pdfs.py: the PDF gate run over letters (real PDFs, real gate) and the unread-scans warning."""

from __future__ import annotations

import pytest

from generator.checks import pdfs
from generator.checks.pdfgate import ocr
from generator.checks.pdfgate.facts import PdfFacts
from tests.helpers import pdf_bytes
from tests.unit.kit import world


def letter_pdf(number: str, code: str, *extra: str) -> bytes:
    return pdf_bytes("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", f"Số: {number}", f"Mã hồ sơ: {code}", *extra)


def test_gate_letters_judges_each_present_pdf_and_reuses_its_memo(tmp_path):
    w = world(tmp_path)
    good = w.letter("a")
    phone = w.letter("b", number="16/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0013"})
    gone = w.letter("c", number="17/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0014"})
    (w.root / good.pdf_source).write_bytes(letter_pdf(good.number, good.dossier.code))
    (w.root / phone.pdf_source).write_bytes(letter_pdf(phone.number, phone.dossier.code, "Liên hệ 0912 345 678"))
    (w.root / gone.pdf_source).unlink()
    cache = tmp_path / "cache"
    steps = []
    facts, problems = pdfs.gate_letters(w.root, [good, phone, gone], w.portal, w.agencies, cache,
                                        lambda done, total: steps.append((done, total)))
    assert sorted(facts) == [good.pdf_source, phone.pdf_source]
    assert all(isinstance(f, PdfFacts) and f.has_text for f in facts.values())
    assert {p.file for p in problems} == {phone.pdf_source}
    assert any("phone" in p.code for p in problems)
    assert steps[-1] == (2, 2)
    steps.clear()
    again = pdfs.gate_letters(w.root, [good, phone, gone], w.portal, w.agencies, cache,
                              lambda done, total: steps.append((done, total)))
    assert (sorted(again[0]), again[1]) == (sorted(facts), problems)
    assert steps[0] == (2, 2)  # both taken from the memo before any is read


def _facts(rel_scan: bool):
    return PdfFacts(sha256="0" * 64, size=1, scan_pages=(1,) if rel_scan else ())


@pytest.fixture
def no_tesseract(monkeypatch):
    """OCR unavailable: the gate's own setting names a command that does not exist."""
    monkeypatch.setenv(ocr.TESSERACT_ENV, "/nonexistent/tesseract")
    ocr.engine.cache_clear()
    yield
    ocr.engine.cache_clear()


@pytest.mark.parametrize(("scans", "expected"), [((), []), (("b.pdf",), ["b.pdf"]),
                                                 (("c.pdf", "b.pdf"), ["b.pdf"])])
def test_unread_scans_is_one_warning_per_run(no_tesseract, scans, expected):
    facts = {name: _facts(name in scans) for name in ("a.pdf", "b.pdf", "c.pdf")}
    problems = pdfs.unread_scans(facts)
    assert [(p.code, p.file, p.severity) for p in problems] == [("ocr-unavailable", f, "warning") for f in expected]
    if scans:
        assert str(len(scans)) in problems[0].message


def test_unread_scans_read_by_ocr_are_not_unread(no_tesseract):
    facts = {"a.pdf": PdfFacts(sha256="0" * 64, size=1, scan_pages=(1,), ocr_engine="tesseract 5")}
    assert pdfs.unread_scans(facts) == []
