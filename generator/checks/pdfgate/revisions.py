"""Earlier incremental revisions of a PDF: the text and strings a later revision hides.

An incremental update appends objects and a new xref after the previous %%EOF, so each earlier
revision is a prefix of the file that ends at one of its %%EOF markers. A redaction done as an
update (a page's content replaced, the document info rewritten) leaves the original in that prefix:
any viewer that opens the earlier revision shows it. Each earlier revision is opened on its own
(pdfium for the page text, pypdf for the object graph); lines holding words the final revision
does not have, and strings it no longer holds, are kept for the judge.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

import pypdfium2
from pypdf import PdfReader

from generator.checks.pdfgate import walk

T = TypeVar("T")
MAX_REVISIONS = 32  # earlier revisions opened; past it the facts say `revisions_truncated`
MAX_HIDDEN_CHARS = 200_000  # hidden text kept per revision (its privacy scan and the sample)
_EOF = re.compile(rb"%%EOF[ \t\f\x00]*(?:\r\n|\r|\n)?")
_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    """The words of a text (NFC, case-folded) with a letter or digit in them."""
    return set(_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


def revision_ends(data: bytes) -> list[int]:
    """The end offset of every revision (after each %%EOF marker), the final one last."""
    ends = [m.end() for m in _EOF.finditer(data)]
    return ends or [len(data)]


def page_text(doc: pypdfium2.PdfDocument, index: int) -> str:
    """The text layer of one page ('' when it cannot be read)."""
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_bounded()
        finally:
            textpage.close()
    finally:
        page.close()


def with_pdfium(data: bytes, use: Callable[[pypdfium2.PdfDocument], T]) -> T | None:
    """`use(document)` on the PDF in `data` opened by pdfium; None when it cannot be opened or read."""
    try:
        doc = pypdfium2.PdfDocument(data)
    except MemoryError:
        raise
    except Exception:
        return None
    try:
        return use(doc)
    except MemoryError:
        raise
    except Exception:
        return None
    finally:
        doc.close()


def _revision_text(prefix: bytes, max_pages: int) -> str | None:
    return with_pdfium(prefix, lambda doc: "\n".join(page_text(doc, i) for i in range(min(len(doc), max_pages))))


def hidden_lines(text: str, final_words: set[str]) -> str:
    """The lines of an earlier revision's text holding a word the final revision lacks."""
    kept: list[str] = []
    size = 0
    for line in unicodedata.normalize("NFC", text.replace("\x00", "")).splitlines():
        if words(line) - final_words:
            kept.append(line.strip())
            size += len(line)
            if size > MAX_HIDDEN_CHARS:
                break
    return "\n".join(kept)[:MAX_HIDDEN_CHARS]


def _revision_strings(prefix: bytes) -> set[tuple[str, str, str]]:
    try:
        reader = PdfReader(io.BytesIO(prefix), strict=False)
        if reader.is_encrypted:
            return set()
        return walk.walk(reader).strings
    except MemoryError:
        raise
    except Exception:
        return set()


def earlier_revisions(data: bytes, final_words: set[str], final_strings: set[tuple[str, str, str]],
                      max_pages: int) -> dict:
    """Facts about the revisions before the last: count, hidden text, strings no longer in the final one."""
    ends = revision_ends(data)
    earlier = ends[:-1]
    facts: dict = {"revisions": len(ends), "revisions_truncated": len(earlier) > MAX_REVISIONS,
                   "hidden_text": [], "revision_strings": []}
    final_texts = {(place, text) for place, _key, text in final_strings}
    for number, end in enumerate(earlier[-MAX_REVISIONS:], start=len(earlier[:-MAX_REVISIONS]) + 1):
        prefix = data[:end]
        text = _revision_text(prefix, max_pages)
        if text:
            hidden = hidden_lines(text, final_words)
            if hidden:
                facts["hidden_text"].append([number, hidden])
        for place, key, value in sorted(_revision_strings(prefix)):
            if (place, value) not in final_texts:
                facts["revision_strings"].append([number, place, key, value])
    return facts
