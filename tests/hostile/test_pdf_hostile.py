"""Hostile PDFs and identifier fields (issue 12, PDF side): the right code on the right file, no traceback,
no planted personal value unmasked in any message or published output.

The kinds are in tests/hostile/pdf_kinds.py. Three levels: the gate alone on every kind (one run, two
workers); `check` on a content root holding one letter per kind (every letter gets its own problems);
real builds (refused with the planted values nowhere in the site, the build folder or the report; and
accepted for a reviewed scan page).
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from generator.build import BuildFailed, build_site
from generator.checks.orchestrator import check_content
from generator.checks.pdfgate import inspect_pdfs, judge, ocr
from generator.checks.privacy import contacts_in
from generator.content.model import Policy
from generator.problems_report import render
from generator.strings import PROBLEM_TYPES
from tests.helpers import AGENCIES, PORTAL, make_content, write_letter
from tests.hostile.pdf_kinds import CCCD, CODE, EMAIL, KINDS, NUMBER, PHONE, fpdf_letter

TODAY = date(2018, 6, 1)
ALLOWED = contacts_in(PORTAL["contact"]) | frozenset().union(*(contacts_in(a.get("contact", ""))
                                                               for a in AGENCIES["agencies"]))


def forms(value: str) -> set[str]:
    """A planted value as it may leak: as written, NFKC-folded, and without its separators."""
    folded = unicodedata.normalize("NFKC", value)
    return {value, folded, "".join(ch for ch in folded if ch.isalnum() or ch in "@.")}


def leaks(text: str, planted: tuple[str, ...]) -> list[str]:
    """The planted values found in `text` (in any of their forms)."""
    squeezed = unicodedata.normalize("NFKC", text)
    return sorted(v for v in planted if any(f in squeezed for f in forms(v)))


def severity(code: str) -> str:
    return PROBLEM_TYPES[code].severity


@pytest.fixture(scope="module")
def gated(tmp_path_factory):
    """Every kind inspected in one run, judged for a letter (privacy not reviewed)."""
    folder = tmp_path_factory.mktemp("hostile-pdfs")
    paths = {}
    for kind, spec in KINDS.items():
        paths[kind] = folder / f"{kind}.pdf"
        paths[kind].write_bytes(spec.build())
    facts = inspect_pdfs(list(paths.values()), Policy(), None, workers=2)
    out = {}
    for kind, path in paths.items():
        problems = judge(facts[path], f"{kind}.pdf", Policy(), privacy_reviewed=False, identifiers=[CODE, NUMBER],
                         dossier_code=CODE, number=NUMBER, allowed_contacts=ALLOWED)
        out[kind] = (facts[path], problems)
    return out


# Kinds whose image pages hold a picture and no word: where Tesseract is installed the gate reads them
# (issue 16) and asks for a person's review as well (`ocr-low-confidence`, a warning).
WORDLESS_IMAGE_PAGES = {"image-page-among-text", "image-pages-at-end"}
OCR_READS = ocr.engine() is not None


def gate_codes(kind: str) -> list[str]:
    """The codes the gate alone gives `kind` on this machine."""
    extra = {"ocr-low-confidence"} if OCR_READS and kind in WORDLESS_IMAGE_PAGES else set()
    return sorted(set(KINDS[kind].codes) | extra)


@pytest.mark.parametrize("kind", list(KINDS))
def test_gate_gives_each_kind_its_codes(gated, kind):
    facts, problems = gated[kind]
    assert not facts.crashed and not facts.timed_out, facts.crash_detail  # no traceback, no bound reached
    assert sorted({(p.code, p.file) for p in problems}) == [(code, f"{kind}.pdf") for code in gate_codes(kind)]
    assert [p.message for p in problems if leaks(p.message, KINDS[kind].planted)] == []


def test_every_kind_named_in_the_issue_is_covered():
    codes = {code for spec in KINDS.values() for code in spec.codes}
    wanted = {"privacy-pdf-metadata", "privacy-pdf-annotation", "privacy-pdf-form-field", "privacy-pdf-outline",
              "privacy-pdf-attachment-name", "privacy-pdf-revision-hidden-text", "pdf-text-too-long",
              "pdf-pages-without-text", "pdf-remote-goto", "pdf-launch", "pdf-file-link", "pdf-unc-path",
              "pdf-polyglot"}
    assert wanted - codes == set()
    assert len(KINDS) >= 30


def test_a_reviewed_scan_page_passes_and_the_review_is_named_per_page(gated):
    facts, _ = gated["image-page-among-text"]
    assert facts.textless_pages == (2,)
    problems = judge(facts, "x.pdf", Policy(), privacy_reviewed=True, identifiers=[CODE, NUMBER], dossier_code=CODE,
                     number=NUMBER)
    read = [("ocr-low-confidence", "warning")] if OCR_READS else []  # the picture holds no word to read
    assert [(p.code, p.severity) for p in problems] == read
    alone = judge(facts, "x.pdf", Policy(), privacy_reviewed=None, dossier_code=CODE, number=NUMBER)
    assert sorted((p.code, p.severity) for p in alone) == sorted([("pdf-pages-without-text", "warning"), *read])


# --- check: one letter per kind in one content root ---------------------------------------------

def _line(path: Path, dotted: str) -> int:
    """The line of a (possibly nested) key in a YAML file written by tests/helpers.py."""
    *parents, last = dotted.split(".")
    lines = path.read_text(encoding="utf-8").splitlines()
    at = 0
    for parent in parents:
        at = next(i for i in range(at, len(lines)) if lines[i].strip().startswith(f"{parent}:"))
    return next(i for i in range(at, len(lines)) if lines[i].strip().startswith(f"{last}:")) + 1


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """A content root with two clean letters and one letter per kind; `check` run once on it."""
    tmp = tmp_path_factory.mktemp("hostile-content")
    root = make_content(tmp, 2)
    for index, (kind, spec) in enumerate(KINDS.items(), start=100):
        write_letter(root, kind, pdf=spec.build(), number=f"{index}/XL-STNMT",
                     **{"dossier.code": f"000.00.21.H17-180420-{index:04d}"})
    return root, check_content(root, TODAY, cache_dir=tmp / "cache")


@pytest.mark.parametrize("kind", list(KINDS))
def test_check_reports_each_kind_on_its_own_pdf(checked, kind):
    _, result = checked
    pdf = f"letters/2018/so-tnmt/{kind}.pdf"
    errors = sorted({(p.code, p.file, p.line) for p in result.problems if p.file == pdf and p.severity == "error"})
    assert errors == sorted((code, pdf, None) for code in set(KINDS[kind].codes) if severity(code) == "error")
    assert [p.message for p in result.problems if leaks(p.message, KINDS[kind].planted)] == []


def test_clean_letters_beside_hostile_ones_get_nothing(checked):
    _, result = checked
    assert [p for p in result.problems if "/2018-05-000" in p.file] == []


# --- identifier fields and field text -------------------------------------------------------------
# (letter id, overrides, expected (code, field) on the YAML, codes on the PDF, planted values)
FIELD_CASES = [
    ("number-is-phone", {"number": PHONE},
     [("number-pattern", "number"), ("privacy-phone", "number")], ["privacy-pdf-phone"], (PHONE,)),
    ("dossier-code-is-cccd", {"dossier.code": CCCD},
     [("dossier-code-pattern", "dossier.code"), ("privacy-citizen-id", "dossier.code")],
     ["privacy-pdf-citizen-id"], (CCCD,)),
    ("procedure-code-is-email", {"dossier.procedure_code": EMAIL},
     [("procedure-code-pattern", "dossier.procedure_code"), ("privacy-email", "dossier.procedure_code")], [],
     (EMAIL,)),
    ("number-repeated-in-reason", {"number": PHONE, "reason.detail": f"Liên hệ {PHONE} để bổ sung."},
     [("number-pattern", "number"), ("privacy-phone", "number"), ("privacy-phone", "reason.detail")],
     ["privacy-pdf-phone"], (PHONE,)),
    ("reason-full-width-cccd", {"reason.detail": "CCCD ００１２３４５６７８９０ của ông An."},
     [("privacy-citizen-id", "reason.detail")], [], (CCCD,)),
    ("reason-zero-width-phone", {"reason.detail": "Gọi 091\u200b234\u200b5678."},  # the hidden character too (item 4)
     [("privacy-phone", "reason.detail"), ("text-forbidden-char", "reason.detail")], [], (PHONE,)),
    ("reason-bracketed-phone", {"reason.detail": "Gọi (091) 2345678 trước."},
     [("privacy-phone", "reason.detail")], [], (PHONE,)),
    ("procedure-code-provincial", {"dossier.procedure_code": "3.000181.000.00.00.H22"}, [], [], ()),
]


@pytest.mark.parametrize("case", FIELD_CASES, ids=[c[0] for c in FIELD_CASES])
def test_identifier_fields_and_field_text(tmp_path, case):
    letter_id, overrides, on_yaml, on_pdf, planted = case
    root = make_content(tmp_path, 1)
    yml = write_letter(root, letter_id, **{"number": "99/XL-STNMT", "dossier.code": "000.00.21.H17-180420-0099",
                                           **overrides})
    result = check_content(root, TODAY, cache_dir=tmp_path / "cache")
    rel = yml.relative_to(root).as_posix()
    pdf = rel[:-4] + ".pdf"
    got = sorted({(p.code, p.file, p.line) for p in result.problems
                  if p.file in (rel, pdf) and p.code != "pdf-identifiers-absent"})
    want = sorted([(code, rel, _line(yml, name)) for code, name in on_yaml] + [(code, pdf, None) for code in on_pdf])
    assert got == want
    assert [p.message for p in result.problems if leaks(p.message, planted)] == []


# --- real builds ---------------------------------------------------------------------------------
BUILD_KINDS = ["info-author-phone", "xmp-only-email", "sticky-note-cccd", "form-field-value", "outline-title-cccd",
               "revision-hides-cccd", "text-full-width-cccd", "text-250k-cccd-at-end", "gotor-unc",
               "html-before-startxref"]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _leaks_in_tree(folder: Path, planted: tuple[str, ...]) -> list[tuple[str, str]]:
    found = []
    for name, data in _tree(folder).items():
        if name.endswith(".pdf"):
            continue  # the letter PDFs themselves are checked by the gate, byte for byte
        text = data.decode("utf-8", "replace")
        found += [(name, value) for value in leaks(text, planted)]
    return found


def test_build_refuses_hostile_pdfs_and_fields_and_publishes_nothing_planted(tmp_path):
    root = make_content(tmp_path, 2)
    site, build_dir = tmp_path / "site", tmp_path / "build"
    build_site(root, site, TODAY, build_dir=build_dir, cache_dir=tmp_path / "cache")
    before = _tree(site)
    planted: tuple[str, ...] = ()
    for index, kind in enumerate(BUILD_KINDS, start=100):
        write_letter(root, kind, pdf=KINDS[kind].build(), number=f"{index}/XL-STNMT",
                     **{"dossier.code": f"000.00.21.H17-180420-{index:04d}"})
        planted += KINDS[kind].planted
    write_letter(root, "number-is-phone", number=PHONE, **{"dossier.code": "000.00.21.H17-180420-0200"})
    write_letter(root, "reason-full-width", **{"dossier.code": "000.00.21.H17-180420-0201", "number": "201/XL-STNMT",
                                               "reason.detail": "CCCD ００１２３４５６７８９０."})
    planted += (PHONE, CCCD)
    with pytest.raises(BuildFailed) as failed:
        build_site(root, site, TODAY, build_dir=build_dir, cache_dir=tmp_path / "cache")
    problems = failed.value.check.problems
    refused = {p.file.rsplit("/", 1)[-1].rsplit(".", 1)[0] for p in problems if p.severity == "error"}
    assert refused == {*BUILD_KINDS, "number-is-phone", "reason-full-width"}  # each letter, none hidden by another
    assert _tree(site) == before  # the previous site is intact
    assert _leaks_in_tree(site, planted) == []
    assert not build_dir.exists() or _leaks_in_tree(build_dir, planted) == []
    for fmt in ("text", "json", "github"):
        report = render(problems, fmt, str(root), len(BUILD_KINDS) + 4)
        assert leaks(report, planted) == []
        if fmt == "json":
            assert {p["code"] for p in json.loads(report)["problems"]} >= {"privacy-pdf-metadata", "pdf-unc-path"}


def test_build_publishes_a_reviewed_scan_page_and_an_agency_contact(tmp_path):
    root = make_content(tmp_path, 1)
    write_letter(root, "scan-page", pdf=fpdf_letter("Lý do: chờ phối hợp.", pages=("text", "image")),
                 privacy_reviewed=True, number="50/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0050"})
    write_letter(root, "contact-note", pdf=KINDS["agency-contact-in-note"].build(), number="51/XL-STNMT",
                 **{"dossier.code": "000.00.21.H17-180420-0051"})
    site = tmp_path / "site"
    result = build_site(root, site, TODAY, build_dir=tmp_path / "build", cache_dir=tmp_path / "cache")
    assert result.check.valid
    for letter_id in ("scan-page", "contact-note"):
        assert (site / "letters" / "2018" / "so-tnmt" / letter_id / "index.html").is_file()
    assert _leaks_in_tree(site, (PHONE, CCCD, EMAIL)) == []
