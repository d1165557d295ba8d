"""What the gate found in one PDF: facts only, never verdicts (policy is applied by `judge`)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, fields, replace

# Bump whenever inspection changes what it finds: cached facts of another version are ignored.
GATE_VERSION = "4"  # 3: 12a's strings, XMP, per-page text, revisions, markup; scanned pages read by OCR (ocr.py)
#                    4: no thumbnail (page 1 is rendered, not encoded: the build makes the page images)
MAX_TEXT_CHARS = 1_000_000  # text layer kept (and cached) per PDF; a longer one is refused, never cut
RENDER_BOX = (240, 340)  # page 1 is rendered to fit this box (pixels): caps the bitmap's size
EOF_WINDOW = 1024  # %%EOF must be within the last KB
PDF_WHITESPACE = b" \t\r\n\f\x00"


def structure(head: bytes, tail: bytes) -> dict:
    """Header at offset 0, %%EOF in the last 1 KB (`tail`), nothing but whitespace after it."""
    tail = tail[-EOF_WINDOW:]
    at = tail.rfind(b"%%EOF")
    return {
        "header_ok": head.startswith(b"%PDF-"),
        "eof_ok": at >= 0,
        "trailing_garbage": at >= 0 and bool(tail[at + 5:].strip(PDF_WHITESPACE)),
    }


def trust_key(trust_roots: tuple[bytes, ...]) -> str:
    """Fingerprint of a set of trust roots ('' when there is none)."""
    if not trust_roots:
        return ""
    digest = hashlib.sha256()
    for root in sorted(trust_roots):
        digest.update(hashlib.sha256(root).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Signature:
    """One embedded signature, validated offline."""

    signer: str
    intact: bool
    trusted: bool
    coverage: str  # "entire-file" | "entire-revision" | "contiguous-block" | "unclear" | "error"
    modification: str  # "none" | "lta-updates" | "form-filling" | "annotations" | "other" | "unknown"
    error: str = ""

    @property
    def coverage_ok(self) -> bool:
        """Whole file, or the signed revision followed by form filling at most."""
        if self.coverage == "entire-file":
            return True
        return self.coverage == "entire-revision" and self.modification in ("none", "lta-updates", "form-filling")


@dataclass(frozen=True)
class OcrPage:
    """One scanned page as Tesseract read it (generator/checks/pdfgate/ocr.py): the text is machine-read."""

    page: int  # 1-based
    text: str = ""
    confidence: float = 0.0  # mean word confidence, 0–100
    words: int = 0
    rotation: int = 0  # degrees the page was turned to read upright
    skew: float = 0.0  # degrees the rendering was straightened by
    dpi: int = 0
    seconds: float = 0.0
    failed: bool = False


@dataclass(frozen=True)
class PdfFacts:
    """Facts about one PDF; JSON-serialisable through `to_json`/`from_json`."""

    sha256: str
    size: int
    header_ok: bool = False
    eof_ok: bool = False
    trailing_garbage: bool = False
    inspected: bool = False  # False: too large to parse (only header/EOF/size known)
    opened: bool = False
    open_error: str = ""
    encrypted: bool = False
    repaired: bool = False  # pypdf could not parse it: the object graph was read from pdfium's re-saved copy
    pages: int = 0
    active_content: tuple[tuple[str, str], ...] = ()  # (kind, detail), kind in ACTIVE_KINDS
    text: str = ""
    text_truncated: bool = False  # more text than MAX_TEXT_CHARS (or pages than the gate reads): refused
    has_text: bool = False
    textless_pages: tuple[int, ...] = ()  # pages (1-based) that show something but hold no text
    strings: tuple[tuple[str, str, str], ...] = ()  # (place, key, text): info, XMP, annotations, fields...
    strings_truncated: bool = False
    revisions: int = 1  # incremental revisions (the final one included)
    revisions_truncated: bool = False  # more earlier revisions than the gate opens
    hidden_text: tuple[tuple[int, str], ...] = ()  # (revision, lines the final revision no longer shows)
    revision_strings: tuple[tuple[int, str, str, str], ...] = ()  # (revision, place, key, text) gone since
    signatures: tuple[Signature, ...] = ()
    trust_key: str = ""  # fingerprint of the trust roots the signatures were checked against
    render_size: tuple[int, int] = (0, 0)  # pixels page 1 was rendered at (within RENDER_BOX)
    render_ok: bool = False
    render_error: str = ""
    timed_out: bool = False
    crashed: bool = False
    crash_detail: str = ""
    limit_seconds: float = 0.0  # the bounds this inspection ran under (a timeout is final only for them)
    limit_mb: int = 0
    seconds: float = 0.0
    gate_version: str = GATE_VERSION
    scan_pages: tuple[int, ...] = ()  # 1-based pages without a text layer (a scan)
    ocr_engine: str = ""  # the engine key they were read with (ocr.engine_key); "" = not read
    ocr_pages: tuple[OcrPage, ...] = ()
    ocr_truncated: bool = False  # more scanned pages than ocr.MAX_OCR_PAGES
    ocr_error: str = ""
    ocr_source: str = ""  # a light copy (OCR texts left out): the cached facts file holding them

    @property
    def signature_status(self) -> str:
        """'none', 'broken', 'modified', 'untrusted' or 'valid' (worst signature wins)."""
        if not self.signatures:
            return "none"
        if not all(s.intact for s in self.signatures):
            return "broken"
        if not all(s.coverage_ok for s in self.signatures):
            return "modified"
        return "valid" if all(s.trusted for s in self.signatures) else "untrusted"

    def to_json(self) -> dict:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> PdfFacts:
        """Inverse of `to_json`; unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["active_content"] = tuple(tuple(x) for x in values.get("active_content", ()))
        values["signatures"] = tuple(s if isinstance(s, Signature) else Signature(**s)
                                     for s in values.get("signatures", ()))
        values["render_size"] = tuple(values.get("render_size", (0, 0)))
        for name in ("textless_pages", "strings", "hidden_text", "revision_strings"):
            values[name] = tuple(tuple(x) if isinstance(x, list) else x for x in values.get(name, ()))
        values["scan_pages"] = tuple(values.get("scan_pages", ()))
        values["ocr_pages"] = tuple(p if isinstance(p, OcrPage) else OcrPage(**p) for p in values.get("ocr_pages", ()))
        return cls(**values)

    @property
    def unread_scan(self) -> bool:
        """True when pages without a text layer were not read by OCR (not installed, or it failed)."""
        return bool(self.scan_pages) and not self.ocr_engine

    @property
    def ocr_failed(self) -> bool:
        """True when reading a scanned page failed (e.g. out of time on a busy machine): not worth caching."""
        return any(page.failed for page in self.ocr_pages)

    def with_changes(self, **changes: object) -> PdfFacts:
        """A copy with some fields changed."""
        return replace(self, **changes)
