"""The gate over the outside corpus (703 real PDFs with independent verdicts in expected.tsv).

Every `reject` file gets an error; at least 99% of `accept` files get no `pdf-` error (privacy and
signature findings, and the text-layer review, do not count there); no file reaches its bound.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from generator.checks.pdfgate import inspect_pdfs, judge, ocr
from generator.content.model import Policy

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"
CORPUS = Path(os.environ.get("CONGKHAI_CORPUS") or DEFAULT_CORPUS)
# Scanned pages need an editor's review: not a verdict on the file.
NOT_STRUCTURE = {"pdf-no-text-layer", "pdf-pages-without-text"}
pytestmark = pytest.mark.skipif(not (CORPUS / "expected.tsv").is_file(),
                                reason=f"outside PDF corpus not found at {CORPUS} (set CONGKHAI_CORPUS)")


@pytest.fixture(scope="module")
def verdicts():
    """(file, expected, why, problems, facts) for every corpus file, from one run on all cores."""
    with open(CORPUS / "expected.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    paths = [CORPUS / row["file"] for row in rows]
    os.environ[ocr.TESSERACT_ENV] = ""  # the structure gate only: OCR of text-less pages is tests/test_ocr.py's
    ocr.engine.cache_clear()
    try:
        facts = inspect_pdfs(paths, Policy(), None)
    finally:
        del os.environ[ocr.TESSERACT_ENV]
        ocr.engine.cache_clear()
    return [(row["file"], row["expected"], row["why"],
             judge(facts[path], row["file"], Policy(), privacy_reviewed=None), facts[path])
            for row, path in zip(rows, paths, strict=True)]


def test_every_reject_gets_an_error(verdicts):
    missed = [(name, why) for name, expected, why, problems, _ in verdicts
              if expected == "reject" and not any(p.severity == "error" for p in problems)]
    assert missed == []


def test_accepts_pass_the_gate(verdicts):
    accepts = [v for v in verdicts if v[1] == "accept"]
    misses = [(name, [f"{p.code}: {p.message}" for p in problems])
              for name, _, _, problems, _ in accepts
              if any(p.severity == "error" and p.code.startswith("pdf-") and p.code not in NOT_STRUCTURE
                     for p in problems)]
    for name, reasons in misses:
        print(f"accept file rejected: {name}: {reasons}")
    assert len(misses) <= 0.01 * len(accepts), misses


def test_no_file_reaches_its_bound(verdicts):
    bound = Policy().pdf_timeout_seconds
    assert [name for name, *_, facts in verdicts if facts.timed_out or facts.crashed or facts.seconds >= bound] == []
