"""Benchmark of the PDF gate: PDFs per second, cold (empty cache) and warm (every file cached).

    .venv/bin/python scripts/bench_pdf.py [--letters N | --letters-dir DIR] [--corpus DIR] [--workers N]

Letters: PDFs under --letters-dir (e.g. made by scripts/make_corpus.py), else N ordinary 1-3 page
letters generated here with fpdf2. Corpus: the outside corpus (default ../shared/corpus/pdf or
$CONGKHAI_CORPUS). Targets on a 2-core machine: cold >= 60 letters/s, warm >= 1,000 letters/s.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.checks.pdfgate import inspect_pdfs, judge  # noqa: E402
from generator.content.model import Policy  # noqa: E402
from generator.parallel import cores  # noqa: E402

FONT = ROOT / "scripts" / "fonts" / "DejaVuSans.ttf"
BODY = ("Sở Tài nguyên và Môi trường xin lỗi ông N.V.A. vì đã chậm trả kết quả giải quyết hồ sơ "
        "Đăng ký biến động quyền sử dụng đất do chờ ý kiến phối hợp của Chi cục Thuế. ")


def make_letters(folder: Path, count: int) -> list[Path]:
    """`count` distinct ordinary letters of 1 to 3 pages (text layer, Vietnamese, embedded font)."""
    from fpdf import FPDF

    paths = []
    for i in range(count):
        pdf = FPDF()
        pdf.add_font("DejaVu", "", str(FONT))
        pdf.set_font("DejaVu", size=12)
        for page in range(1 + i % 3):
            pdf.add_page()
            pdf.multi_cell(0, 7, f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                                 f"Số: {i}/XL-STNMT\nMã hồ sơ: 000.00.21.H17-180420-{i:04d}\n" + BODY * (8 + page))
        path = folder / f"letter-{i:04d}.pdf"
        pdf.output(str(path))
        paths.append(path)
    return paths


def measure(label: str, paths: list[Path], workers: int | None) -> None:
    """Print cold and warm rates over `paths`."""
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        facts = inspect_pdfs(paths, Policy(), Path(cache), workers=workers)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        facts = inspect_pdfs(paths, Policy(), Path(cache), workers=workers)
        warm = time.perf_counter() - started
        started = time.perf_counter()
        for path, found in facts.items():
            judge(found, path.name, Policy(), privacy_reviewed=True)
        judged = time.perf_counter() - started
    errors = sum(any(p.severity == "error" for p in judge(f, "x", Policy(), privacy_reviewed=True))
                 for f in facts.values())
    slowest = max(f.seconds for f in facts.values())
    print(f"{label}: {len(paths)} PDFs, {sum(f.size for f in facts.values()) / 1e6:.1f} MB, {errors} with errors")
    print(f"  cold: {cold:6.2f} s  {len(paths) / cold:8.1f} PDFs/s   (slowest file {slowest:.2f} s in its worker)")
    print(f"  warm: {warm:6.2f} s  {len(paths) / warm:8.1f} PDFs/s   (hash + cached facts)")
    print(f"  judge: {judged:5.2f} s  {len(paths) / judged:8.1f} PDFs/s   (policy + privacy scan of the text)")
    print(f"  warm + judge:    {len(paths) / (warm + judged):8.1f} PDFs/s")


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=300, help="letters to generate (default 300)")
    parser.add_argument("--letters-dir", type=Path, help="use the PDFs under this folder instead")
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CONGKHAI_CORPUS")
                                                            or ROOT.parent / "shared" / "corpus" / "pdf"))
    parser.add_argument("--workers", type=int, help=f"worker processes (default: all cores = {cores()})")
    args = parser.parse_args()
    print(f"workers: {args.workers or cores()}, cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as folder:
        if args.letters_dir:
            letters = sorted(args.letters_dir.rglob("*.pdf"))
        else:
            letters = make_letters(Path(folder), args.letters)
        measure("letters", letters, args.workers)
    if args.corpus.is_dir():
        measure("outside corpus", sorted(args.corpus.rglob("*.pdf")), args.workers)
    else:
        print(f"outside corpus not found at {args.corpus}: skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
