"""Inspection of one PDF, run INSIDE a bounded worker: path -> facts (a plain dict).

Pure apart from reading the file. Each stage (structure, pypdf parse + object-graph walk, pdfium
render + text, pyHanko signatures) records what it found or the error it hit; a MemoryError is
re-raised so that the worker reports a crash. Importing this module loads every PDF library, so the
worker pool preloads it once in its fork server.
"""

from __future__ import annotations

import hashlib
import io
import time
import unicodedata
from pathlib import Path

import pypdfium2
from PIL import Image  # noqa: F401  (pypdfium2's to_pil needs Pillow loaded before fork)
from pypdf import PdfReader

from generator.pdfgate import ocr, walk
from generator.pdfgate.facts import EOF_WINDOW, MAX_TEXT_CHARS, THUMB_BOX, structure

MAX_TEXT_PAGES = 60


def _error(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__


def inspect_file(path: str, trust_roots: tuple[bytes, ...] = (), extend=None) -> dict:
    """Every fact about the PDF at `path` (keys of `PdfFacts`); `extend(seconds)` asks for time to OCR."""
    started = time.monotonic()
    data = Path(path).read_bytes()
    facts: dict = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "inspected": True,
                   **structure(data[:8], data[-EOF_WINDOW:])}
    found_signature = _pypdf_stage(data, facts)
    if facts["opened"] and not facts["encrypted"]:
        _pdfium_stage(data, facts, extend)
        if found_signature:
            from generator.pdfgate.signatures import check_signatures

            facts["signatures"], facts["trust_key"] = check_signatures(data, trust_roots)
    facts["seconds"] = round(time.monotonic() - started, 4)
    return facts


def _pypdf_stage(data: bytes, facts: dict) -> bool:
    """Open with pypdf, count pages, walk the object graph; True when a signature was seen."""
    facts.update(opened=False, encrypted=False, pages=0, active_content=[])
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            facts.update(opened=True, encrypted=True)
            return False
        result = walk.walk(reader)
        facts["pages"] = len(reader.pages)
    except MemoryError:
        raise
    except Exception as exc:  # (pypdf raises many kinds on damaged files)
        facts["open_error"] = _error(exc)
        return False
    facts["opened"] = True
    facts["active_content"] = sorted(result.findings)
    return result.signed


def _pdfium_stage(data: bytes, facts: dict, extend=None) -> None:
    """Render a thumbnail of page 1 (bounded pixels), read the text layer, OCR the pages without one."""
    facts.update(render_ok=False, thumbnail=None, text="", has_text=False)
    try:
        doc = pypdfium2.PdfDocument(data)
    except MemoryError:
        raise
    except Exception as exc:
        facts["render_error"] = _error(exc)
        return
    try:
        if len(doc) == 0:
            facts["render_error"] = "no page"
        else:
            _thumbnail(doc, facts)
        _text(doc, facts)
        ocr.read_scans(doc, facts, extend)
    finally:
        doc.close()


def _thumbnail(doc: pypdfium2.PdfDocument, facts: dict) -> None:
    try:
        page = doc[0]
        width, height = page.get_size()
        if not (width > 0 and height > 0):
            raise ValueError(f"page size {width}x{height}")
        scale = min(THUMB_BOX[0] / width, THUMB_BOX[1] / height)  # fits the box: pixels are capped
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.convert("RGB").save(out, "WEBP", quality=60, method=0)
        facts.update(render_ok=True, thumbnail=out.getvalue(), thumbnail_size=list(image.size))
        page.close()
    except MemoryError:
        raise
    except Exception as exc:
        facts["render_error"] = _error(exc)


def _text(doc: pypdfium2.PdfDocument, facts: dict) -> None:
    parts: list[str] = []
    total = 0
    try:
        for index in range(min(len(doc), MAX_TEXT_PAGES)):
            page = doc[index]
            textpage = page.get_textpage()
            chunk = textpage.get_text_bounded()
            textpage.close()
            page.close()
            parts.append(chunk)
            total += len(chunk)
            if total > MAX_TEXT_CHARS:
                break
    except MemoryError:
        raise
    except Exception:  # (a text layer that cannot be read is treated as absent)
        pass
    text = unicodedata.normalize("NFC", "\n".join(parts).replace("\x00", ""))
    facts["text_truncated"] = len(text) > MAX_TEXT_CHARS
    facts["text"] = text[:MAX_TEXT_CHARS]
    facts["has_text"] = any(ch.isalnum() for ch in text)
