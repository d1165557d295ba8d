"""`check-pdf`: the gate alone, same report and exit codes as `check`."""

from __future__ import annotations

import json

from generator.checks.pdfgate import ocr
from generator.commands.cli import main
from tests.pdfs import hostile as H


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["check-pdf", *argv])
    return code, capsys.readouterr().out


def test_clean_pdf_exits_zero_also_from_the_cache(tmp_path, capsys):
    path = tmp_path / "letter.pdf"
    path.write_bytes(H.letter_pdf())
    args = (str(path), "--format", "json", "--content", str(tmp_path / "none"), "--cache-dir", str(tmp_path / "c"))
    for _ in range(2):
        code, out = _run(capsys, *args)
        assert (code, json.loads(out)["problems"]) == (0, [])
    assert list((tmp_path / "c").rglob("*.json"))


def test_hostile_pdf_exits_one_with_codes(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(H.with_open_action(b"<< /S /Launch /F (calc.exe) >>") + b"<html></html>")
    good = tmp_path / "good.pdf"
    good.write_bytes(H.letter_pdf())
    code, out = _run(capsys, str(bad), str(good), "--format", "json", "--no-cache",
                     "--content", str(tmp_path / "none"))
    payload = json.loads(out)
    assert code == 1
    assert payload["letters"] == 2
    assert sorted((p["code"], p["file"]) for p in payload["problems"]) == [
        ("pdf-launch", str(bad)), ("pdf-polyglot", str(bad)), ("pdf-trailing-data", str(bad))]


def test_github_format_annotates_the_file(tmp_path, capsys):
    bad = tmp_path / "enc.pdf"
    bad.write_bytes(H.encrypted_pdf())
    code, out = _run(capsys, str(bad), "--format", "github", "--no-cache", "--content", str(tmp_path / "none"))
    assert code == 1
    assert out.startswith(f"::error file={bad},title=pdf-encrypted::")


def test_missing_file_is_a_usage_error(tmp_path, capsys):
    code, _ = _run(capsys, str(tmp_path / "nothing.pdf"))
    assert code == 2


def test_scan_is_a_warning_alone(tmp_path, capsys):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(H.letter_pdf(content=b"0 0 1 rg 10 10 100 100 re f"))
    code, out = _run(capsys, str(scan), "--format", "json", "--no-cache", "--content", str(tmp_path / "none"))
    assert code == 0
    expected = [("pdf-no-text-layer", "warning")]
    if ocr.engine() is not None:  # OCR reads no word on a page holding only a rectangle: a person must look
        expected.insert(0, ("ocr-low-confidence", "warning"))
    assert [(p["code"], p["severity"]) for p in json.loads(out)["problems"]] == expected
