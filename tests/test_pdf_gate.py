"""The PDF gate on hostile PDFs built in code: each gets its error, none hangs, none escapes its bounds."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from generator.checks.pdfgate import PdfFacts, inspect_pdfs, judge
from generator.checks.pdfgate import run as gate_run
from generator.checks.pdfgate.facts import RENDER_BOX
from generator.checks.privacy import contacts_in
from generator.content.model import Policy
from tests.pdfs import hostile as H

AGENCY_CONTACTS = contacts_in("tthcc@example.gov.vn")  # the mailto link's address is the agency's
LINK = b"<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (%s) >> >>"
CASES: dict[str, tuple[bytes, list[str]]] = {
    "letter": (H.letter_pdf(), []),
    "goto-open-action": (H.with_open_action(b"<< /S /GoTo /D [3 0 R /Fit] >>"), []),
    "https-link": (H.with_annotation(LINK % b"https://xinloi.example.gov.vn/"), []),
    "mailto-link": (H.with_annotation(LINK % b"mailto:tthcc@example.gov.vn"), []),
    "js-open-action": (H.with_open_action(b"<< /S /JavaScript /JS (app.alert(1)) >>"), ["pdf-javascript"]),
    "js-in-object-stream": (H.with_open_action(b"<< /S /JavaScript /JS (app.alert(1)) >>", in_objstm=True),
                            ["pdf-javascript"]),
    "js-escaped-name": (H.with_open_action(b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"), ["pdf-javascript"]),
    "js-name-tree": (H.build({**H.base_objects(catalog_extra=b"/Names << /JavaScript 6 0 R >> "),
                              6: b"<< /Names [(x) << /S /JavaScript /JS (1) >>] >>"}), ["pdf-javascript"]),
    "js-page-aa": (H.build(H.base_objects(page_extra=b"/AA << /O << /S /JavaScript /JS (1) >> >> ")),
                   ["pdf-javascript"]),
    "launch": (H.with_open_action(b"<< /S /Launch /F (calc.exe) >>"), ["pdf-launch"]),
    "submit-form": (H.with_annotation(b"<< /Subtype /Widget /Rect [0 0 9 9] /A << /S /SubmitForm /F (http://x) >> >>"),
                    ["pdf-action"]),
    "javascript-uri": (H.with_annotation(LINK % b"javascript:alert(1)"), ["pdf-action"]),
    "file-uri": (H.with_annotation(LINK % b"file:///etc/passwd"), ["pdf-file-link"]),
    "attachment": (H.attachment_pdf(), ["pdf-embedded-file"]),
    "attachment-annotation": (H.with_annotation(b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] /FS (a) >>"),
                              ["pdf-embedded-file"]),
    "rich-media": (H.with_annotation(b"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>"), ["pdf-rich-media"]),
    "3d": (H.with_annotation(b"<< /Type /Annot /Subtype /3D /Rect [0 0 9 9] >>"), ["pdf-rich-media"]),
    "xfa": (H.build({**H.base_objects(catalog_extra=b"/AcroForm << /Fields [] /XFA 6 0 R >> "),
                     6: H.stream(b"<xdp:xdp/>")}), ["pdf-xfa"]),
    "encrypted-empty-password": (H.encrypted_pdf(), ["pdf-encrypted"]),
    "polyglot": (H.letter_pdf() + b"<html><script>alert(1)</script></html>\n", ["pdf-polyglot", "pdf-trailing-data"]),
    "truncated": (H.letter_pdf()[:400], ["pdf-no-eof", "pdf-unreadable"]),
    "no-header": (b"GIF89a" + H.letter_pdf(), ["pdf-no-header"]),
    "objstm-bomb": (H.objstm_bomb_pdf(200), ["pdf-unreadable"]),
    "nested-arrays": (H.nested_arrays_pdf(), ["pdf-unreadable"]),
    "looping-page-tree": (H.looping_page_tree_pdf(), ["pdf-unreadable"]),
    "no-pages": (H.build({**H.base_objects(), 2: b"<< /Type /Pages /Kids [] /Count 0 >>"}), ["pdf-no-pages"]),
}


@pytest.fixture(scope="module")
def gated(tmp_path_factory) -> dict[str, tuple[PdfFacts, float]]:
    """All cases inspected in one run (2 workers), with the run's wall time."""
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, (data, _) in CASES.items():
        paths[name] = folder / f"{name}.pdf"
        paths[name].write_bytes(data)
    started = time.monotonic()
    facts = inspect_pdfs(list(paths.values()), Policy(), None, workers=2)
    elapsed = time.monotonic() - started
    return {name: (facts[path], elapsed) for name, path in paths.items()}


def _errors(facts: PdfFacts, name: str) -> list[str]:
    problems = judge(facts, f"{name}.pdf", Policy(), privacy_reviewed=True, allowed_contacts=AGENCY_CONTACTS)
    return sorted(p.code for p in problems if p.severity == "error")


@pytest.mark.parametrize("name", list(CASES))
def test_each_hostile_pdf_gets_its_error(gated, name):
    facts, _ = gated[name]
    assert _errors(facts, name) == sorted(CASES[name][1])


def test_no_case_reaches_its_bounds(gated):
    assert not any(f.timed_out or f.crashed for f, _ in gated.values())
    assert all(f.seconds < Policy().pdf_timeout_seconds for f, _ in gated.values())


def test_site_facts_of_a_clean_letter(gated):
    facts, _ = gated["letter"]
    assert len(facts.sha256) == 64 and facts.pages == 1 and facts.signature_status == "none"
    assert facts.render_ok and facts.render_size == RENDER_BOX
    assert "000.00.21.H17-180420-0012" in facts.text and facts.has_text


def test_render_of_a_needle_page_is_capped(tmp_path):
    path = tmp_path / "needle.pdf"
    path.write_bytes(H.letter_pdf(media_box=b"[0 0 3 14400]"))
    facts = inspect_pdfs([path], Policy(), None)[path]
    width, height = facts.render_size
    assert facts.render_ok and width <= RENDER_BOX[0] and height <= RENDER_BOX[1]


def test_the_gate_renders_page_one_but_keeps_no_image(tmp_path):
    """Page 1 is rendered to check that it renders; no image is encoded or cached (the build makes the
    page images, once per PDF: generator/site/page_images.py)."""
    from generator.checks.pdfgate.cache import FactsCache

    path = tmp_path / "letter.pdf"
    path.write_bytes(H.letter_pdf())
    facts = inspect_pdfs([path], Policy(), tmp_path / "cache")[path]
    cached = FactsCache(tmp_path / "cache").path_of(facts.sha256).read_text(encoding="utf-8")
    assert facts.render_ok and facts.has_text
    assert "UklGR" not in cached and "iVBORw0KGgo" not in cached  # no base64 WebP ("RIFF") or PNG


def test_timeout_is_an_error_not_a_hang(tmp_path):
    path = tmp_path / "slow.pdf"
    path.write_bytes(H.objstm_bomb_pdf(60))
    policy = replace(Policy(), pdf_timeout_seconds=0.05)
    started = time.monotonic()
    facts = inspect_pdfs([path], policy, None)[path]
    assert time.monotonic() - started < 10
    assert [p.code for p in judge(facts, "slow.pdf", policy, privacy_reviewed=True)] == ["pdf-timeout"]


def test_memory_bound_is_an_error_and_the_next_file_still_passes(tmp_path):
    bomb, good = tmp_path / "bomb.pdf", tmp_path / "good.pdf"
    bomb.write_bytes(H.objstm_bomb_pdf(70))
    good.write_bytes(H.letter_pdf())
    policy = replace(Policy(), pdf_memory_mb=160)
    facts = inspect_pdfs([bomb, good], policy, None, workers=1)
    assert [p.code for p in judge(facts[bomb], "bomb.pdf", policy, privacy_reviewed=True)] in (
        ["pdf-worker-crashed"], ["pdf-unreadable"])
    assert judge(facts[good], "good.pdf", policy, privacy_reviewed=True) == []


def test_too_large_file_is_not_parsed(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(H.letter_pdf())
    policy = replace(Policy(), max_pdf_bytes=100)
    facts = inspect_pdfs([path], policy, None)[path]
    assert not facts.inspected
    assert [p.code for p in judge(facts, "big.pdf", policy, privacy_reviewed=True)] == ["pdf-too-large"]


def test_cache_reuses_facts_without_parsing(tmp_path, monkeypatch):
    path = tmp_path / "a.pdf"
    path.write_bytes(H.letter_pdf())
    first = inspect_pdfs([path], Policy(), tmp_path / "cache")[path]

    def refuse(*_args, **_kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(gate_run, "run_tasks", lambda tasks, **kw: [refuse() for _ in tasks])
    second = inspect_pdfs([path], Policy(), tmp_path / "cache")[path]
    assert second == first
    stricter = replace(Policy(), max_pdf_pages=0)  # policy applies to cached facts: re-judged at once
    assert [p.code for p in judge(second, "a.pdf", stricter, privacy_reviewed=True)] == ["pdf-too-many-pages"]


def test_worker_cannot_write_files_or_open_sockets(tmp_path):
    import subprocess
    import sys

    code = (
        "import socket, sys\n"
        "from generator.checks.pdfgate.worker import confine\n"
        "confine(1024)\n"
        "try:\n    open(sys.argv[1], 'wb', buffering=0).write(b'x'); print('wrote')\n"
        "except OSError: print('no-write')\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9)); print('net')\nexcept OSError: print('no-net')\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.txt")], capture_output=True, text=True,
                         cwd=root, check=True)
    assert out.stdout.split() == ["no-write", "no-net"]
