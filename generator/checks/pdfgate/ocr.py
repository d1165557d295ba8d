"""Reading scanned pages (no text layer) with Tesseract, INSIDE the gate's bounded worker.

Why the `tesseract` command (TSV on stdout) rather than a Python binding: it is the Debian package
itself (tesseract-ocr, tesseract-ocr-vie), so no compiled binding (tesserocr builds against the C++
headers) and no wrapper (pytesseract only runs this same command through temporary files, which the
worker may not write: RLIMIT_FSIZE 0). The image goes in on stdin as PGM, the words come back on
stdout; the command inherits the worker's memory cap, gets its own time bound and dies with the
worker (PR_SET_PDEATHSIG), and runs on one thread (the pool already uses every core).

Per page: render with pdfium (300 dpi, at most MAX_PIXELS), keep the red channel (a red seal over
text turns white, black and blue ink stay dark), straighten a slight skew (projection profile,
Pillow only), read; when the reading is poor, ask Tesseract's orientation detection (OSD) and read
the page turned. The published PDF is never modified: only its rendering is.

`engine()` identifies the engine and models (version line, SHA-256 of the traineddata files): facts
record the key they were read with, and cached facts of another key are read again.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import io
import itertools
import os
import re
import shutil
import signal
import subprocess
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANG = "vie"
TESSERACT_ENV = "CONGKHAI_TESSERACT"  # the command to run (a name on PATH or a path); default "tesseract"
DPI = 300
MAX_PIXELS = 10_000_000  # A4 at 300 dpi is 8.7 million: larger pages are read at a lower resolution
MAX_OCR_PAGES = 30  # pages read per PDF (the portal's max_pdf_pages is 30 by default)
RUN_SECONDS = 60.0  # time bound of one Tesseract run (a page takes 1–3 s on an idle core)
SECONDS_PER_PAGE = 3 * RUN_SECONDS + 10  # a page takes up to three runs (read, orientation, read turned)
MAX_SECONDS = 600.0  # the most a worker may ask for, whatever the page count
POOR_CONFIDENCE = 70.0  # below this mean word confidence, orientation detection is tried
SKEW_RANGE = 4.0  # degrees searched each way for the skew of the text lines
_VERSION = re.compile(r"tesseract\s+v?(\S+)", re.IGNORECASE)
_LANGS_DIR = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Engine:
    """The Tesseract found on this machine: how to run it and what identifies its results."""

    command: str
    tessdata: str
    key: str  # "tesseract 5.3.0; vie <sha256[:16]>; osd <sha256[:16]>"
    osd: bool


def _run(args: list[str], data: bytes | None = None, timeout: float = 10.0) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "OMP_THREAD_LIMIT": "1", "LC_ALL": "C.UTF-8"}
    return subprocess.run(args, input=data, capture_output=True, timeout=timeout, env=env, check=False,
                          preexec_fn=_die_with_parent)


def _die_with_parent() -> None:
    """In the child before exec: killed when the worker dies (the parent kills a worker on timeout)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _file_hash(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()[:16]
    except OSError:
        return ""


@cache
def engine() -> Engine | None:
    """The Tesseract command with the Vietnamese model, or None when it is not installed."""
    command = shutil.which(os.environ.get(TESSERACT_ENV, "tesseract") or "")
    if not command:
        return None
    try:
        version = _run([command, "--version"])
        langs = _run([command, "--list-langs"])
    except (OSError, subprocess.SubprocessError):
        return None
    found = _VERSION.search((version.stdout + version.stderr).decode("utf-8", "replace"))
    listing = (langs.stdout + langs.stderr).decode("utf-8", "replace").splitlines()
    folder = _LANGS_DIR.search(listing[0]) if listing else None
    names = {line.strip() for line in listing[1:]}
    if version.returncode or langs.returncode or not found or not folder or LANG not in names:
        return None
    tessdata = Path(folder.group(1))
    model = _file_hash(tessdata / f"{LANG}.traineddata")
    if not model:
        return None
    osd = _file_hash(tessdata / "osd.traineddata") if "osd" in names else ""
    key = f"tesseract {found.group(1)}; {LANG} {model}; osd {osd or '-'}"
    return Engine(command, str(tessdata), key, bool(osd))


def engine_key() -> str:
    """The key of the engine OCR would run with now ('' when OCR is unavailable)."""
    found = engine()
    return found.key if found else ""


# --- reading -------------------------------------------------------------------------------------

def pages_without_text(doc) -> list[int]:
    """0-based indexes of the pages whose text layer holds no letter or digit."""
    empty = []
    for index in range(len(doc)):
        page = doc[index]
        try:
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            textpage.close()
        except Exception:  # an unreadable text layer is an absent one
            text = ""
        finally:
            page.close()
        if not any(ch.isalnum() for ch in text):
            empty.append(index)
    return empty


def read_scans(doc, facts: dict, extend: Callable[[float], None] | None = None) -> None:
    """Record the pages without a text layer in `facts` and read them when Tesseract is installed."""
    try:
        wanted = pages_without_text(doc)
    except MemoryError:
        raise
    except Exception as exc:
        facts["ocr_error"] = f"{type(exc).__name__}: {exc}"[:300]
        return
    facts["scan_pages"] = [i + 1 for i in wanted]
    found = engine()
    if not wanted or found is None:
        return
    todo = wanted[:MAX_OCR_PAGES]
    if extend is not None:
        extend(min(MAX_SECONDS, SECONDS_PER_PAGE * len(todo)))
    pages = []
    for index in todo:
        try:
            pages.append(read_page(doc, index, found))
        except MemoryError:
            raise
        except Exception as exc:
            facts["ocr_error"] = f"page {index + 1}: {type(exc).__name__}: {exc}"[:300]
            pages.append({"page": index + 1, "text": "", "confidence": 0.0, "words": 0, "failed": True})
    facts.update(ocr_engine=found.key, ocr_pages=pages, ocr_truncated=len(wanted) > len(todo))


def render_page(doc, index: int):
    """Page `index` as a greyscale Pillow image (the red channel), at DPI within MAX_PIXELS."""
    page = doc[index]
    try:
        width, height = page.get_size()
        if not (width > 0 and height > 0):
            raise ValueError(f"page size {width}x{height}")
        scale = min(DPI / 72, (MAX_PIXELS / (width * height)) ** 0.5)
        image = page.render(scale=scale, fill_color=(255, 255, 255, 255)).to_pil()
    finally:
        page.close()
    from PIL import ImageFilter

    gray = image.convert("RGB").getchannel("R").filter(ImageFilter.MedianFilter(3))  # scanner speckle out
    return gray, round(scale * 72)


def read_page(doc, index: int, found: Engine) -> dict:
    """One page read: text, mean word confidence, words, the rotation and skew corrected, seconds."""
    started = time.monotonic()
    gray, dpi = render_page(doc, index)
    angle = skew_angle(gray)
    if abs(angle) >= 0.2:
        gray = gray.rotate(angle, resample=_bicubic(), expand=True, fillcolor=255)
    best = (*read_image(gray, found, dpi), 0)
    if best[1] < POOR_CONFIDENCE and found.osd:
        turn = orientation(gray, found)
        if turn:
            turned = (*read_image(gray.rotate(-turn, expand=True), found, dpi), turn)
            if turned[1] > best[1]:
                best = turned
    text, confidence, words, rotation = best
    return {"page": index + 1, "text": text, "confidence": confidence, "words": words, "rotation": rotation,
            "skew": round(angle, 2), "dpi": dpi, "seconds": round(time.monotonic() - started, 3)}


def _bicubic():
    from PIL import Image

    return Image.Resampling.BICUBIC


def _pgm(gray) -> bytes:
    out = io.BytesIO()
    gray.save(out, "PPM")  # an "L" image is written as binary PGM: no compression to pay for
    return out.getvalue()


def read_image(gray, found: Engine, dpi: int) -> tuple[str, float, int]:
    """(text, mean word confidence 0–100, words) of a greyscale image, from Tesseract's TSV."""
    args = [found.command, "stdin", "stdout", "--tessdata-dir", found.tessdata, "-l", LANG, "--psm", "3",
            "--dpi", str(dpi), "tsv"]
    done = _run(args, _pgm(gray), timeout=RUN_SECONDS)
    if done.returncode:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[:200] or f"exit {done.returncode}")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> tuple[str, float, int]:
    """Text (a line per text line, a blank line between blocks), mean confidence weighted by length, words."""
    lines: list[str] = []
    current: list[str] = []
    last_line = last_block = None
    weight = total = 0.0
    words = 0
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        text = unicodedata.normalize("NFC", cells[11].strip())
        if not text:
            continue
        block, line = cells[2], tuple(cells[2:5])
        if line != last_line and current:
            lines.append(" ".join(current))
            current = []
        if block != last_block and lines:
            lines.append("")
        last_line, last_block = line, block
        current.append(text)
        try:
            conf = float(cells[10])
        except ValueError:
            conf = -1.0
        if conf >= 0:
            weight += len(text)
            total += conf * len(text)
        words += 1
    if current:
        lines.append(" ".join(current))
    return "\n".join(lines), round(total / weight, 1) if weight else 0.0, words


def orientation(gray, found: Engine) -> int:
    """Degrees (90, 180, 270) the page must turn clockwise to read upright, per OSD; 0 when unsure."""
    args = [found.command, "stdin", "stdout", "--tessdata-dir", found.tessdata, "--psm", "0", "-l", "osd"]
    half = gray.reduce(2) if min(gray.size) > 2000 else gray  # OSD needs letters, not 300 dpi: twice as fast
    try:
        done = _run(args, _pgm(half), timeout=RUN_SECONDS)
    except subprocess.TimeoutExpired:
        return 0
    found_turn = re.search(r"Rotate:\s*(\d+)", done.stdout.decode("utf-8", "replace"))
    turn = int(found_turn.group(1)) % 360 if found_turn else 0
    return turn if turn in (90, 180, 270) else 0


def skew_angle(gray) -> float:
    """The angle (degrees, counter-clockwise) that makes text lines horizontal: the sharpest row profile."""
    from PIL import Image

    width, height = gray.size
    factor = max(1, width // 700)
    small = gray.resize((max(1, width // factor), max(1, height // factor)), Image.Resampling.BOX)
    ink = small.point(lambda v: 255 if v < 140 else 0)

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
        rows = list(turned.resize((1, turned.size[1]), Image.Resampling.BOX).getdata())
        return sum((b - a) ** 2 for a, b in itertools.pairwise(rows))

    best = max((a / 2 for a in range(int(-SKEW_RANGE * 2), int(SKEW_RANGE * 2) + 1)), key=sharpness)
    fine = max((best + step / 8 for step in range(-3, 4)), key=sharpness)
    return fine if sharpness(fine) > sharpness(0.0) else 0.0
