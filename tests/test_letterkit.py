"""scripts/letterkit.py and scripts/make_corpus.py: real PDFs, deterministic output, valid corpora."""

from __future__ import annotations

import hashlib
import io
import random
import re
import sys
from datetime import date
from pathlib import Path

import pypdf
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import letterkit as lk  # noqa: E402
import make_corpus  # noqa: E402

FIELDS = {
    "id": "2018-05-0001",
    "number": "15/XL-STNMT",
    "issued_on": date(2018, 5, 9),
    "agency": "so-tnmt",
    "agency_name": "Sở Tài nguyên và Môi trường",
    "parent_name": "UBND tỉnh Đắk Nông",
    "signer": {"name": "Nguyễn Văn Bình", "title": "Phó Giám đốc"},
    "recipient": {"kind": "individual", "name": "Ông N.V.A."},
    "dossier": {"code": "000.00.21.H17-180420-0012", "procedure": "Đăng ký biến động quyền sử dụng đất",
                "procedure_code": "1.004227", "received_on": date(2018, 4, 20), "due_on": date(2018, 5, 4),
                "new_due_on": date(2018, 5, 15), "returned_on": date(2018, 5, 14)},
    "reason": {"category": "inter-agency", "detail": "Chờ ý kiến phối hợp của Chi cục Thuế."},
    "published_on": date(2018, 5, 10),
}


def _text(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "".join(page.extract_text() or "" for page in reader.pages)


def test_importable_as_package() -> None:
    import scripts.letterkit

    assert scripts.letterkit.TITLE == lk.TITLE


@pytest.mark.parametrize("fast", [False, True])
def test_text_pdf_opens_with_identifiers(fast: bool) -> None:
    pdf = lk.letter_pdf(FIELDS, fast=fast)
    pages, text = _text(pdf)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert pages == 1
    for expected in ("000.00.21.H17-180420-0012", "15/XL-STNMT", lk.TITLE, lk.FICTITIOUS, "Ông N.V.A."):
        assert expected in text
    assert len(pdf) < 40_000


def test_scan_pdf_has_no_text_layer() -> None:
    pdf = lk.letter_pdf(FIELDS, scan=True)
    pages, text = _text(pdf)
    assert pages == 1 and text.strip() == ""
    assert b"/DCTDecode" in pdf and b"/Font" not in pdf
    assert len(pdf) < 200_000


@pytest.mark.parametrize("kind", [{}, {"fast": True}, {"scan": True}, {"scan": True, "fast": True}])
def test_deterministic(kind: dict) -> None:
    assert lk.letter_pdf(FIELDS, **kind) == lk.letter_pdf(dict(FIELDS), **kind)


def test_letters_differ() -> None:
    other = {**FIELDS, "id": "2018-05-0002", "number": "16/XL-STNMT"}
    for kind in ({"fast": True}, {"scan": True}):
        assert lk.letter_pdf(FIELDS, **kind) != lk.letter_pdf(other, **kind)


def test_letter_yaml_keeps_identifiers_as_text() -> None:
    data = yaml.safe_load(lk.letter_yaml({**FIELDS, "privacy_reviewed": True,
                                          "corrections": [{"date": date(2018, 5, 12), "note": "Sửa: ngày hẹn."}]}))
    assert data["number"] == "15/XL-STNMT"
    assert data["dossier"]["procedure_code"] == "1.004227"
    assert data["dossier"]["code"] == "000.00.21.H17-180420-0012"
    assert data["dossier"]["received_on"] == date(2018, 4, 20)
    assert data["corrections"][0]["note"] == "Sửa: ngày hẹn."
    assert data["privacy_reviewed"] is True
    assert not {"id", "agency_name", "parent_name"} & set(data)
    bare = yaml.safe_load(lk.letter_yaml({**FIELDS, "dossier": {**FIELDS["dossier"], "procedure_code": None,
                                                                "returned_on": None}}))
    assert "procedure_code" not in bare["dossier"] and "returned_on" not in bare["dossier"]


def test_pick_dates_obey_the_rules() -> None:
    cal = lk.WorkDays(2023, 2027)
    rng = random.Random(3)
    today = date(2026, 11, 20)
    for _ in range(300):
        near = cal.pick(rng, date(2024, 1, 1), today)
        d = lk.pick_dates(cal, near, today, delay=rng.randint(1, 25), lead=rng.randint(-6, 4),
                          period=rng.choice([3, 10, 20]), publish_after=rng.randint(0, 5),
                          return_shift=rng.choice([None, -2, 0, 3]))
        assert d.received_on <= d.due_on < d.new_due_on
        assert d.received_on <= d.issued_on <= d.published_on <= today
        assert d.returned_on is None or d.due_on < d.returned_on <= today
        assert all(cal.is_working(x) for x in (d.received_on, d.due_on, d.new_due_on, d.issued_on))
        code = lk.dossier_code(21, d.received_on, 12)
        assert re.match(lk.DOSSIER_CODE_PATTERN, code) and f"{d.received_on:%y%m%d}" in code


def test_make_corpus_small(tmp_path: Path) -> None:
    figures = make_corpus.make_corpus(30, tmp_path, seed=7, jobs=1)
    ymls = sorted((tmp_path / "letters").glob("*/*/*.yml"))
    pdfs = sorted((tmp_path / "letters").glob("*/*/*.pdf"))
    assert len(ymls) == 30 and len(pdfs) == 30
    assert [p.with_suffix(".pdf") for p in ymls] == pdfs
    assert len({hashlib.sha256(p.read_bytes()).hexdigest() for p in pdfs}) == 30
    for name in ("portal.yml", "agencies.yml", "reasons.yml", "register/overdue.csv"):
        assert (tmp_path / name).is_file()
    agencies = yaml.safe_load((tmp_path / "agencies.yml").read_text(encoding="utf-8"))["agencies"]
    assert len(agencies) >= 100
    numbers = set()
    for path in ymls:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.parent.name == data["agency"] and path.parent.parent.name == str(data["issued_on"].year)
        numbers.add((data["agency"], data["issued_on"].year, data["number"]))
    assert len(numbers) == 30
    assert figures["distinct_pdfs"] == 30
