"""OCR benchmark: quality on synthetic scans of known letter text, and the speed of checking scans.

Usage: python scripts/bench_ocr.py [--letters K] [--corpus N] [--out DIR] [--skip-speed]

Quality: K letters of a synthetic corpus (scripts/make_corpus.py), each with a citizen ID and a
phone planted in its reason, are scanned (scripts/scankit.py) under four conditions: clean at 300 and
200 dpi (JPEG 75), and "office" at 300 and 200 dpi (a skew of 0.5–2°, 0.3 % salt-and-pepper noise, a
red stamp over the dossier code, JPEG 40). The real gate reads them (bounded workers, all cores) and
the script prints per condition: character error rate (edit distance / truth length, whitespace
ignored; the truth is every dark text run, red print left out), the share of planted citizen IDs the
privacy scan finds, the share of dossier codes found, mean confidence, seconds per page.
Speed: N letters of a corpus, every PDF replaced by a 150 dpi scan; `check` cold (OCR), warm (memo),
and the same corpus with text-layer PDFs warm (today's warm check), each a fresh process.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import make_corpus  # noqa: E402
import scankit  # noqa: E402

CONDITIONS = {
    "clean 300 dpi": {"dpi": 300, "quality": 75},
    "clean 200 dpi": {"dpi": 200, "quality": 75},
    "office 300 dpi": {"dpi": 300, "quality": 40, "noise": 0.003, "stamp_over_text": True},
    "office 200 dpi": {"dpi": 200, "quality": 40, "noise": 0.003, "stamp_over_text": True},
}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions of one character each)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def citizen_id(rng: random.Random) -> str:
    return f"0{rng.randint(1, 96):02d}{rng.randint(0, 3)}{rng.randint(0, 99):02d}{rng.randint(0, 999_999):06d}"


def corpus_letters(n: int, seed: int = 16) -> list[dict]:
    """The first `n` letters' fields of a synthetic corpus (its PDFs are not written)."""
    _agencies, letters, _rows = make_corpus.plan(max(n, 20), seed, make_corpus.date(2026, 11, 20))
    return letters[:n]


def quality(k: int, out: Path) -> list[tuple]:
    """Rows (condition, pages, CER, ID hit rate, code hit rate, mean confidence, seconds per page)."""
    from generator.checks import privacy
    from generator.checks.pdfgate import inspect_pdfs
    from generator.checks.pdfgate.scan_checks import as_numbers
    from generator.content.model import Policy

    rng = random.Random(2026)
    cases = []
    for fields in corpus_letters(k):
        cid, phone = citizen_id(rng), "09" + f"{rng.randint(0, 99_999_999):08d}"
        written = cid if rng.random() < 0.5 else " ".join(cid[i:i + 3] for i in range(0, 12, 3))
        detail = f"Chờ bản sao căn cước của người nộp, số CCCD {written}, điện thoại {phone}."
        cases.append(({**fields, "reason": {**fields["reason"], "detail": detail}}, cid))
    rows = []
    for name, options in CONDITIONS.items():
        folder = out / re.sub(r"\W+", "-", name)
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for i, (fields, _cid) in enumerate(cases):
            skew = 0.0 if name.startswith("clean") else rng.choice([-1, 1]) * rng.uniform(0.5, 2.0)
            path = folder / f"{i:03d}.pdf"
            path.write_bytes(scankit.scan_pdf(fields, skew=skew, seed=i, **options))
            paths.append(path)
        started = time.perf_counter()
        facts = inspect_pdfs(paths, Policy(pdf_timeout_seconds=120), None)
        seconds = time.perf_counter() - started
        errors = chars = ids = codes = 0
        confidence = []
        for path, (fields, cid) in zip(paths, cases, strict=True):
            pages = facts[path].ocr_pages
            text = "\n".join(p.text for p in pages)
            truth = squeeze(scankit.truth(fields))
            errors += edit_distance(truth, squeeze(text))
            chars += len(truth)
            found = {re.sub(r"\D", "", f.text) for f in privacy.scan_text(as_numbers(text)) if f.kind == "citizen-id"}
            ids += cid in found
            codes += fields["dossier"]["code"] in squeeze(as_numbers(text))
            confidence += [p.confidence for p in pages]
        rows.append((name, len(paths), errors / chars, ids / len(cases), codes / len(cases),
                     sum(confidence) / max(1, len(confidence)), seconds / len(paths)))
    return rows


def check_seconds(root: Path, cache: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(root), "--format", "json",
                    "--today", "2026-11-20", "--cache-dir", str(cache)], cwd=ROOT, env={**os.environ, **(env or {})},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def speed(n: int, out: Path) -> dict:
    """Check seconds: scanned corpus cold and warm, the same corpus with text layers warm."""
    text_root, scan_root = out / "text" / "content", out / "scans" / "content"
    for folder in (text_root.parent, scan_root.parent):
        shutil.rmtree(folder, ignore_errors=True)
    make_corpus.make_corpus(n, text_root)
    make_corpus.make_corpus(n, scan_root)
    for fields in corpus_letters(n, seed=1):  # the same letters (make_corpus's default seed), all scanned
        path = make_corpus.lk.letter_path(scan_root, fields)
        path.write_text(make_corpus.lk.letter_yaml({**fields, "privacy_reviewed": True}), encoding="utf-8")
        path.with_suffix(".pdf").write_bytes(scankit.scan_pdf(fields, dpi=150, quality=50, seed=len(path.stem)))
    figures = {}
    for name, root in (("text", text_root), ("scans", scan_root)):
        cache = root.parent / "cache"
        figures[f"{name} cold"] = check_seconds(root, cache)
        figures[f"{name} warm"] = min(check_seconds(root, cache) for _ in range(3))
    figures["pages per second cold"] = n / figures["scans cold"]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=10)
    parser.add_argument("--corpus", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench-ocr")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args(argv)
    from generator.checks.pdfgate.ocr import engine
    from generator.checks.pdfgate.pool import default_workers

    if engine() is None:
        print("tesseract-ocr + tesseract-ocr-vie not installed (scripts/site-deps.sh)", file=sys.stderr)
        return 2
    print(f"engine: {engine().key}; workers: {default_workers()}; load average: {os.getloadavg()[0]:.1f}")
    print("| scans | pages | CER | citizen IDs found | dossier codes found | mean confidence | s/page |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, pages, cer, ids, codes, conf, per in quality(args.letters, args.out / "quality"):
        print(f"| {name} | {pages} | {cer:.2%} | {ids:.0%} | {codes:.0%} | {conf:.1f} | {per:.2f} |", flush=True)
    if not args.skip_speed:
        figures = speed(args.corpus, args.out / "speed")
        print(f"\ncheck of {args.corpus} letters (s): " + ", ".join(f"{k} {v:.2f}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
