"""The machine-read text of a scanned letter (PdfFacts.ocr_pages) as the letter page shows it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.checks.pdfgate.cache import machine_read
from generator.checks.pdfgate.facts import PdfFacts
from generator.strings import machine_read as M


@dataclass(frozen=True)
class MachineRead:
    """What the page shows under the document: a heading, a note that a machine read it, page texts."""

    heading: str
    note: str
    pages: tuple[tuple[str, str], ...]  # (page label, text; when empty: "read failed" or "nothing read")


def machine_read_view(facts: PdfFacts | None) -> MachineRead | None:
    """The view of `facts`' OCR pages; None when no page was read by OCR."""
    pages = machine_read(facts) if facts is not None else ()
    if not pages:
        return None
    return MachineRead(M.HEADING, M.NOTE, tuple(
        (M.PAGE.format(page=p.page), p.text.strip() or (M.READ_FAILED if p.failed else M.NOTHING_READ))
        for p in pages))
