"""The PDF gate's warm-check memo: reused only while file and judge inputs are unchanged, same result as cold."""

from __future__ import annotations

import os
from datetime import date

import yaml

from generator.checks.orchestrator import check_content
from generator.checks.pdfgate.cache import FactsCache
from generator.checks.pdfgate.memo import GateMemo
from tests.helpers import make_content, pdf_bytes, write_letter

TODAY = date(2018, 6, 30)


def _codes(result) -> list[tuple[str, str, str]]:
    return [(p.file, p.code, p.message) for p in result.problems]


def _content_with_findings(tmp_path):
    root = make_content(tmp_path, 3)
    write_letter(root, "2018-05-0004", number="18/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0004"},
                 pdf=pdf_bytes("Số: 18/XL-STNMT", "Mã hồ sơ: 000.00.21.H17-180420-0004",
                               "CCCD 001203004005 điện thoại 0912345678"))
    return root


def test_warm_check_equals_cold_and_reads_no_pdf(tmp_path, monkeypatch):
    root = _content_with_findings(tmp_path)
    cache = tmp_path / "cache"
    cold = check_content(root, TODAY, cache_dir=cache)
    assert {"privacy-pdf-citizen-id", "privacy-pdf-phone"} <= {p.code for p in cold.problems}

    from generator.checks import pdfgate

    def no_inspection(paths, *args, **kwargs):
        assert list(paths) == [], "a warm check must not read any PDF"
        return {}

    monkeypatch.setattr(pdfgate, "inspect_pdfs", no_inspection)
    warm = check_content(root, TODAY, cache_dir=cache)
    assert _codes(warm) == _codes(cold)
    assert {k: (f.sha256, f.pages, f.signature_status) for k, f in warm.pdf_facts.items()} == \
           {k: (f.sha256, f.pages, f.signature_status) for k, f in cold.pdf_facts.items()}


def test_light_facts_leave_the_text_layer_in_the_facts_cache(tmp_path):
    root = make_content(tmp_path, 1)
    cache = tmp_path / "cache"
    cold = check_content(root, TODAY, cache_dir=cache)
    warm = check_content(root, TODAY, cache_dir=cache)
    (rel, full), = cold.pdf_facts.items()
    light = warm.pdf_facts[rel]
    assert light.text == "" and full.text  # the memo keeps no text layer
    assert FactsCache(cache / "pdfgate").get(full.sha256).text == full.text


def test_facts_not_signed_here_are_a_miss(tmp_path):
    """The facts (text layer included: what the privacy judge reads) are reused for a PDF of the same bytes, so a
    facts file is read only with its signature: cleared of its text as a poisoned cache would be, unsigned, it is
    not used, and the next check inspects the PDF again and finds the same verdicts."""
    import json

    root = make_content(tmp_path, 1)
    cache = tmp_path / "cache"
    cold = check_content(root, TODAY, cache_dir=cache)
    (rel, full), = cold.pdf_facts.items()
    facts = FactsCache(cache / "pdfgate")
    data = json.loads(facts.path_of(full.sha256).read_bytes().partition(b"\n")[2])
    data["text"] = ""
    facts.path_of(full.sha256).write_text(json.dumps(data), encoding="utf-8")
    assert facts.get(full.sha256) is None
    for shard in GateMemo(cache / "pdfgate").file.glob("*.json"):
        shard.unlink()  # the verdicts gone: the gate reads the facts cache, or the PDF
    again = check_content(root, TODAY, cache_dir=cache)
    assert _codes(again) == _codes(cold) and again.pdf_facts[rel].text == full.text
    assert facts.get(full.sha256).text == full.text  # written again, signed


def test_changed_pdf_is_inspected_again(tmp_path):
    root = make_content(tmp_path, 1)
    cache = tmp_path / "cache"
    assert check_content(root, TODAY, cache_dir=cache).valid
    pdf = next(root.glob("letters/*/*/*.pdf"))
    data = bytearray(pdf.read_bytes())
    data[data.rindex(b"%%EOF") :] = b"%%EOX"  # same size: a truncated-looking file
    pdf.write_bytes(bytes(data))
    stat = os.stat(pdf)
    os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # coarse clocks: make sure mtime moves
    assert "pdf-no-eof" in {p.code for p in check_content(root, TODAY, cache_dir=cache).problems}


def test_publishing_a_pdf_by_hard_link_keeps_the_memo(tmp_path, monkeypatch):
    """The site hard-links PDFs (and later unlinks them): that moves ctime, not what the memo keys on."""
    root = make_content(tmp_path, 1)
    cache = tmp_path / "cache"
    assert check_content(root, TODAY, cache_dir=cache).valid
    pdf = next(root.glob("letters/*/*/*.pdf"))
    os.link(pdf, tmp_path / "published.pdf")
    os.unlink(tmp_path / "published.pdf")
    from generator.checks import pdfgate

    monkeypatch.setattr(pdfgate, "inspect_pdfs", lambda paths, *a, **k: {} if not list(paths) else 1 / 0)
    assert check_content(root, TODAY, cache_dir=cache).valid


def test_policy_and_letter_changes_rejudge(tmp_path):
    root = _content_with_findings(tmp_path)
    cache = tmp_path / "cache"
    assert "privacy-pdf-phone" in {p.code for p in check_content(root, TODAY, cache_dir=cache).problems}
    portal = yaml.safe_load((root / "portal.yml").read_text(encoding="utf-8"))
    portal.setdefault("policy", {})["public_contacts"] = ["0912 345 678"]  # the policy now allows this number
    (root / "portal.yml").write_text(yaml.safe_dump(portal, allow_unicode=True), encoding="utf-8")
    assert "privacy-pdf-phone" not in {p.code for p in check_content(root, TODAY, cache_dir=cache).problems}
    # a letter's number and code no longer in its PDF: re-judged, and warned
    letter = root / "letters/2018/so-tnmt/2018-05-0001.yml"
    text = letter.read_text(encoding="utf-8").replace("15/XL-STNMT", "99/XL-STNMT")
    letter.write_text(text.replace("180420-0001", "180420-0999"), encoding="utf-8")
    problems = check_content(root, TODAY, cache_dir=cache).problems
    assert [p.file for p in problems if p.code == "pdf-identifiers-absent"] == ["letters/2018/so-tnmt/2018-05-0001.pdf"]


def test_damaged_memo_is_rebuilt(tmp_path):
    root = make_content(tmp_path, 1)
    cache = tmp_path / "cache"
    cold = check_content(root, TODAY, cache_dir=cache)
    shards = sorted(GateMemo(cache / "pdfgate").file.glob("*.json"))
    assert shards
    for memo in shards:
        memo.write_bytes(b"not a pickle")
    assert _codes(check_content(root, TODAY, cache_dir=cache)) == _codes(cold)
    assert all(memo.read_bytes() != b"not a pickle" for memo in shards)


def test_cache_fingerprint_covers_every_module_the_check_runs():
    """The caches' code fingerprint reads CHECK_MODULES only: the check must not run any other module."""
    import subprocess
    import sys
    from pathlib import Path

    from generator.cachekeys import CHECK_MODULES, PACKAGE

    script = ("import sys; from datetime import date; from pathlib import Path;"
              "from generator.checks.orchestrator import check_content;"
              "check_content(Path('content'), date(2026, 11, 26));"
              "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('generator')))")
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True).stdout
    used = {Path(f).resolve().relative_to(PACKAGE).as_posix() for f in out.split()}
    assert "checks/orchestrator.py" in used and "checks/pdfgate/judge.py" in used
    assert sorted(f for f in used if not f.startswith(CHECK_MODULES)) == []
