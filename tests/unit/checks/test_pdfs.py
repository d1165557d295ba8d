"""generator/checks/pdfs.py: the unread-scans warning (the gate run over letters: tests/test_pdf_gate_letters.py,
real PDFs through the real gate, a few seconds)."""

from __future__ import annotations

import pytest

from generator.checks import pdfs
from generator.checks.pdfgate import ocr
from generator.checks.pdfgate.facts import PdfFacts


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
