"""generator/checks/pdfs.py `gate_letters`: the PDF gate over a content root's letters, real PDFs, its memo."""

from __future__ import annotations

from generator.checks import pdfs
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


