"""judge(): facts + policy + letter metadata -> problems (pure; no PDF parsed here)."""

from __future__ import annotations

from dataclasses import replace

from generator.checks.pdfgate import PdfFacts, judge
from generator.checks.pdfgate.facts import Signature
from generator.content.model import Policy

CODE = "000.00.21.H17-180420-0012"
NUMBER = "15/XL-STNMT"
OK = PdfFacts(sha256="0" * 64, size=1000, header_ok=True, eof_ok=True, inspected=True, opened=True, pages=1,
              render_ok=True, has_text=True, text=f"Số: {NUMBER}\nMã hồ sơ: {CODE}\nXin lỗi ông N.V.A.")


def codes(facts: PdfFacts, policy: Policy = Policy(), **kwargs) -> list[tuple[str, str]]:  # noqa: B008
    args = {"privacy_reviewed": False, "identifiers": [CODE, NUMBER], "dossier_code": CODE, "number": NUMBER,
            "allowed_contacts": frozenset(), **kwargs}
    return [(p.code, p.severity) for p in judge(facts, "letters/2018/so-tnmt/a.pdf", policy, **args)]


def test_clean_letter_has_no_problem():
    assert codes(OK) == []


def test_limits_come_from_the_policy():
    facts = replace(OK, pages=31, size=25_000_000)
    assert codes(facts) == [("pdf-too-large", "error"), ("pdf-too-many-pages", "error")]
    assert codes(facts, replace(Policy(), max_pdf_pages=40, max_pdf_bytes=30_000_000)) == []


def test_no_text_layer_needs_privacy_review():
    scan = replace(OK, has_text=False, text="")
    assert codes(scan) == [("pdf-no-text-layer", "error")]
    assert codes(scan, privacy_reviewed=True) == []
    assert codes(scan, privacy_reviewed=None) == [("pdf-no-text-layer", "warning")]


def test_identifiers_absent_is_a_warning():
    other = replace(OK, text="Văn bản của một hồ sơ khác")
    assert codes(other) == [("pdf-identifiers-absent", "warning")]
    spaced = replace(OK, text="Mã hồ sơ: 000.00.21.H17- 180420-0012")  # text extraction may split a code
    assert codes(spaced) == []


def test_personal_data_in_the_text_layer():
    leaky = replace(OK, text=OK.text + "\nĐiện thoại: 0912 345 678. CCCD 012345678901. E-mail: nva@gmail.com")
    assert sorted(codes(leaky)) == [("privacy-pdf-citizen-id", "error"), ("privacy-pdf-email", "error"),
                            ("privacy-pdf-phone", "error")]


def test_agency_contacts_and_identifiers_are_allowed():
    text = OK.text + "\nLiên hệ: 0261 3 544 210, stnmt@example.gov.vn"
    assert codes(replace(OK, text=text), allowed_contacts=frozenset({"02613544210", "stnmt@example.gov.vn"})) == []


def test_the_report_does_not_repeat_the_personal_data():
    leaky = replace(OK, text=OK.text + "\nĐiện thoại: 0912345678")
    (problem,) = judge(leaky, "a.pdf", Policy(), privacy_reviewed=True, identifiers=[CODE], dossier_code=CODE)
    assert "0912345678" not in problem.message


def test_timeouts_and_crashes_report_the_bound():
    assert codes(replace(OK, timed_out=True, inspected=False, limit_seconds=20)) == [("pdf-timeout", "error")]
    assert codes(replace(OK, crashed=True, inspected=False, limit_mb=1024)) == [("pdf-worker-crashed", "error")]


def test_active_content_one_problem_per_kind():
    facts = replace(OK, active_content=(("action", "Launch"), ("action", "SubmitForm"), ("javascript", "/JS")))
    assert codes(facts) == [("pdf-action", "error"), ("pdf-javascript", "error")]


def test_signatures():
    sig = Signature("Nguyễn Văn Bình", intact=True, trusted=False, coverage="entire-file", modification="none")
    assert codes(replace(OK, signatures=(sig,))) == [("signature-unverified", "warning")]
    assert codes(replace(OK, signatures=(sig,), trust_key="k")) == [("signature-untrusted", "warning")]
    assert codes(replace(OK, signatures=(replace(sig, trusted=True),))) == []
    form = replace(sig, trusted=True, coverage="entire-revision", modification="form-filling")
    assert codes(replace(OK, signatures=(form,))) == []
    changed = replace(form, modification="other")
    assert codes(replace(OK, signatures=(changed,))) == [("signature-modified", "error")]
    assert codes(replace(OK, signatures=(replace(sig, intact=False),))) == [("signature-broken", "error")]


def test_facts_round_trip_through_json():
    import json

    facts = replace(OK, render_size=(240, 340), active_content=(("xfa", "/XFA"),),
                    signatures=(Signature("A", True, True, "entire-file", "none"),))
    assert PdfFacts.from_json(json.loads(json.dumps(facts.to_json()))) == facts
