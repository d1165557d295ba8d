"""Cache of PDF facts, one JSON file per SHA-256, under a folder per gate version.

Facts, not verdicts: the portal's policy is applied afterwards, so editing portal.yml re-judges every
PDF without parsing any. A corrupt, foreign or tampered entry (a value of the wrong type) is treated as a miss.
The facts decide the privacy verdicts and are reused for a PDF of the same bytes wherever it is (CI's fresh
checkout), so each file is signed like the memos' shards (`cachedata.write_signed`): one written without this
machine's or this runner's key is a miss.
"""

from __future__ import annotations

from pathlib import Path

from generator.cachedata import CacheInvalid, decode, read_signed, write_signed
from generator.checks.pdfgate.facts import GATE_VERSION, OcrPage, PdfFacts

DEFAULT_CACHE_DIR = Path(".cache") / "pdfgate"


def read_facts(path: Path | str, sha256: str) -> PdfFacts | None:
    """The facts cached in `path` when they are for `sha256` and this gate version; None otherwise."""
    data = read_signed(Path(path))
    if not isinstance(data, dict) or data.get("sha256") != sha256 or data.get("gate_version") != GATE_VERSION:
        return None
    try:
        facts = decode(data, PdfFacts)  # every field checked against its type: data, never code
    except CacheInvalid:
        return None
    if facts.sha256 != sha256 or facts.gate_version != GATE_VERSION:
        return None
    return facts  # type: ignore[return-value]


class FactsCache:
    """Read and write cached facts under `root/<gate version>/<sha[:2]>/<sha>.json`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root) / GATE_VERSION

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> PdfFacts | None:
        """Cached facts for `sha256`, or None."""
        return read_facts(self.path_of(sha256), sha256)

    def put(self, facts: PdfFacts) -> None:
        """Store facts atomically (a failure to write is ignored: the cache is an optimisation)."""
        write_signed(self.path_of(facts.sha256), facts.to_json())


def machine_read(facts: PdfFacts) -> tuple[OcrPage, ...]:
    """The OCR pages of `facts` with their texts; a light copy (warm check) reads them back from its facts file."""
    if not facts.ocr_source:
        return facts.ocr_pages
    stored = read_facts(facts.ocr_source, facts.sha256)
    return stored.ocr_pages if stored else ()
