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
import pypdfium2.raw as pdfium_c
from PIL import Image  # noqa: F401  (pypdfium2's to_pil, used by OCR, needs Pillow loaded before fork)
from pypdf import PdfReader
from pypdf.errors import LimitReachedError

from generator.checks.pdfgate import ocr, walk
from generator.checks.pdfgate.facts import EOF_WINDOW, MAX_TEXT_CHARS, RENDER_BOX, structure
from generator.checks.pdfgate.polyglot import markup_found
from generator.checks.pdfgate.revisions import earlier_revisions, page_text, with_pdfium, words

MAX_TEXT_PAGES = 1000  # pages whose text is read; a PDF with more is refused (its text is not all known)


def _error(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__


def inspect_file(path: str, trust_roots: tuple[bytes, ...] = (), extend=None) -> dict:
    """Every fact about the PDF at `path` (keys of `PdfFacts`); `extend(seconds)` asks for time to OCR."""
    started = time.monotonic()
    data = Path(path).read_bytes()
    facts: dict = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "inspected": True,
                   **structure(data[:8], data[-EOF_WINDOW:])}
    found_signature, strings = _pypdf_stage(data, facts)
    facts["active_content"] = sorted({*map(tuple, facts["active_content"]),
                                      *(("polyglot", m) for m in markup_found(data))})
    if facts["opened"] and not facts["encrypted"]:
        final_words = _pdfium_stage(data, facts, extend)
        facts.update(earlier_revisions(data, final_words, strings, MAX_TEXT_PAGES))
        if found_signature:
            from generator.checks.pdfgate.signatures import check_signatures

            facts["signatures"], facts["trust_key"] = check_signatures(data, trust_roots)
    facts["seconds"] = round(time.monotonic() - started, 4)
    return facts


def _pypdf_stage(data: bytes, facts: dict) -> tuple[bool, set[tuple[str, str, str]]]:
    """Open with pypdf, count pages, walk the object graph: (a signature was seen, the strings found).

    A file pypdf cannot parse but pdfium can (a damaged xref, an abbreviated filter name) is walked in
    pdfium's re-saved copy (`repaired`): the same objects, a rebuilt cross-reference table.
    """
    facts.update(opened=False, encrypted=False, pages=0, active_content=[])
    try:
        reader, repaired = _open(data)
        if reader.is_encrypted:
            facts.update(opened=True, encrypted=True)
            return False, set()
        result = walk.walk(reader)
        facts["pages"] = len(reader.pages)
    except MemoryError:
        raise
    except Exception as exc:  # (pypdf raises many kinds on damaged files)
        facts["open_error"] = _error(exc)
        return False, set()
    facts["opened"] = True
    facts["repaired"] = repaired
    facts["active_content"] = sorted(result.findings)
    facts["strings"] = sorted(result.strings)
    facts["strings_truncated"] = result.strings_truncated
    return result.signed, result.strings


def _open(data: bytes) -> tuple[PdfReader, bool]:
    """A pypdf reader of the file, or of pdfium's re-saved copy when pypdf cannot parse it (re-raises then)."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _ = reader.trailer["/Root"], len(reader.pages)
        return reader, False
    except MemoryError:
        raise
    except Exception as exc:
        if _bomb(exc):
            raise  # a parser bomb stays unreadable: pdfium would only drop what it cannot parse
        copy = _pdfium_copy(data)
        if copy is None:
            raise
        return PdfReader(io.BytesIO(copy), strict=False), True


def _bomb(exc: BaseException | None) -> bool:
    """True when the error (or one that caused it) is a nesting or size bound, not a damaged structure."""
    while exc is not None:
        if isinstance(exc, (RecursionError, LimitReachedError, walk.GraphTooLarge)):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _pdfium_copy(data: bytes) -> bytes | None:
    """The document as pdfium re-saves it (None when pdfium cannot open it, it has no page or is encrypted)."""

    def save(doc: pypdfium2.PdfDocument) -> bytes | None:
        if len(doc) == 0 or pdfium_c.FPDF_GetSecurityHandlerRevision(doc.raw) != -1:
            return None  # no page, or encrypted: the copy would hide what the file is
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    return with_pdfium(data, save)


def _pdfium_stage(data: bytes, facts: dict, extend=None) -> set[str]:
    """Check that page 1 renders (bounded pixels) and read the text layer; the words it holds."""
    facts.update(render_ok=False, text="", has_text=False)
    try:
        doc = pypdfium2.PdfDocument(data)
    except MemoryError:
        raise
    except Exception as exc:
        facts["render_error"] = _error(exc)
        return set()
    try:
        if len(doc) == 0:
            facts["render_error"] = "no page"
        else:
            _render_check(doc, facts)
        words = _text(doc, facts)
        ocr.read_scans(doc, facts, extend)  # pages without a text layer (ocr.py)
        return words
    finally:
        doc.close()


def _render_check(doc: pypdfium2.PdfDocument, facts: dict) -> None:
    """Render page 1 into a bitmap that fits RENDER_BOX and drop it: the page renders (nothing is encoded;
    the letter page's images are made at build, once per PDF: generator/site/page_images.py)."""
    try:
        page = doc[0]
        width, height = page.get_size()
        if not (width > 0 and height > 0):
            raise ValueError(f"page size {width}x{height}")
        scale = min(RENDER_BOX[0] / width, RENDER_BOX[1] / height)  # fits the box: pixels are capped
        bitmap = page.render(scale=scale)
        facts.update(render_ok=True, render_size=[bitmap.width, bitmap.height])
        bitmap.close()
        page.close()
    except MemoryError:
        raise
    except Exception as exc:
        facts["render_error"] = _error(exc)


def _page_objects(doc: pypdfium2.PdfDocument, index: int) -> int:
    page = doc[index]
    try:
        return pdfium_c.FPDFPage_CountObjects(page.raw)
    finally:
        page.close()


def _flattened(doc: pypdfium2.PdfDocument, index: int) -> bool:
    """Annotations' appearances (form values, free text, stamps) merged into the page: True when any."""
    page = doc[index]
    try:
        if pdfium_c.FPDFPage_GetAnnotCount(page.raw) <= 0:
            return False
        return pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS
    finally:
        page.close()


def _text(doc: pypdfium2.PdfDocument, facts: dict) -> set[str]:
    """Every page's text, annotations' appearances included; pages that show something but no text."""
    parts: list[str] = []
    seen: set[str] = set()
    textless: list[int] = []
    total = 0
    truncated = len(doc) > MAX_TEXT_PAGES
    try:
        for index in range(min(len(doc), MAX_TEXT_PAGES)):
            chunk = page_text(doc, index)
            seen |= words(chunk)
            if _flattened(doc, index):
                chunk = page_text(doc, index)
                seen |= words(chunk)
            if not any(ch.isalnum() for ch in chunk) and _page_objects(doc, index) > 0:
                textless.append(index + 1)
            parts.append(chunk)
            total += len(chunk)
            if total > MAX_TEXT_CHARS:
                truncated = True
                break
    except MemoryError:
        raise
    except Exception:  # (a text layer that cannot be read is treated as absent)
        pass
    text = unicodedata.normalize("NFC", "\n".join(parts).replace("\x00", ""))
    facts["text_truncated"] = truncated or len(text) > MAX_TEXT_CHARS
    facts["text"] = text[:MAX_TEXT_CHARS]
    facts["has_text"] = any(ch.isalnum() for ch in text)
    facts["textless_pages"] = textless if facts["has_text"] else []
    return seen
