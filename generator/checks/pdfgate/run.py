"""The parent side of the gate: hash each PDF, reuse cached facts, inspect the rest in workers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from generator.checks.pdfgate.cache import FactsCache
from generator.checks.pdfgate.facts import EOF_WINDOW, PdfFacts, structure, trust_key
from generator.checks.pdfgate.ocr import engine_key
from generator.checks.pdfgate.pool import run_tasks
from generator.content.model import Policy

Progress = Callable[[int, int], None]


def load_trust_roots(trust_dir: Path | None) -> tuple[bytes, ...]:
    """The bytes of every `*.pem` in `trust_dir` (content/trust), sorted by name; () when absent."""
    if trust_dir is None or not trust_dir.is_dir():
        return ()
    return tuple(p.read_bytes() for p in sorted(trust_dir.glob("*.pem")) if p.is_file())


def _digest(path: Path) -> tuple[str, int]:
    with open(path, "rb") as handle:
        sha = hashlib.file_digest(handle, "sha256").hexdigest()
        return sha, handle.tell()


def _outline(path: Path, sha: str, size: int, **extra: object) -> PdfFacts:
    """Facts read without parsing: header, %%EOF, trailing data (for files not inspected by a worker)."""
    with open(path, "rb") as handle:
        head = handle.read(8)
        handle.seek(max(0, size - EOF_WINDOW))
        tail = handle.read(EOF_WINDOW)
    facts = structure(head, tail)
    return PdfFacts(sha256=sha, size=size, **facts, **extra)  # type: ignore[arg-type]


def _fresh(facts: PdfFacts, policy: Policy, key: str, ocr_key: str) -> bool:
    """True when cached facts still answer for the current bounds, trust roots and OCR engine."""
    if not facts.inspected and not facts.timed_out and not facts.crashed:
        return facts.size > policy.max_pdf_bytes
    if facts.timed_out:
        return policy.pdf_timeout_seconds <= facts.limit_seconds
    if facts.crashed:
        return policy.pdf_memory_mb <= facts.limit_mb
    if facts.scan_pages and facts.ocr_engine != ocr_key:
        return False  # scanned pages read by another engine or model (or not read: Tesseract is new)
    return not facts.signatures or facts.trust_key == key


def inspect_pdfs(
    paths: list[Path],
    policy: Policy,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    *,
    trust_roots: tuple[bytes, ...] = (),
    workers: int | None = None,
) -> dict[Path, PdfFacts]:
    """Facts for every PDF in `paths` (cached when unchanged; others inspected in bounded workers)."""
    cache = FactsCache(cache_dir) if cache_dir is not None else None
    key = trust_key(trust_roots)
    ocr_key = engine_key()
    results: dict[Path, PdfFacts] = {}
    todo: dict[str, list[Path]] = {}
    sizes: dict[str, int] = {}
    total = len(paths)

    def done(path: Path, facts: PdfFacts) -> None:
        results[path] = facts
        if progress:
            progress(len(results), total)

    for path in paths:
        try:
            sha, size = _digest(path)
        except OSError as exc:
            done(path, PdfFacts(sha256="", size=0, inspected=True, open_error=f"{type(exc).__name__}: {exc}"))
            continue
        cached = cache.get(sha) if cache else None
        if cached is not None and _fresh(cached, policy, key, ocr_key):
            done(path, cached)
        elif size > policy.max_pdf_bytes:
            done(path, _outline(path, sha, size))
        else:
            todo.setdefault(sha, []).append(path)
            sizes[sha] = size

    limits = {"limit_seconds": float(policy.pdf_timeout_seconds), "limit_mb": int(policy.pdf_memory_mb)}

    def on_result(sha: object, found: dict) -> None:
        first = todo[str(sha)][0]
        if found.get("timed_out") or found.get("crashed"):
            facts = _outline(first, str(sha), sizes[str(sha)], inspected=False, **limits,
                             **{k: found[k] for k in ("timed_out", "crashed", "crash_detail") if k in found})
        else:
            facts = PdfFacts.from_json({**found, **limits})
        if cache is not None and not facts.ocr_failed:  # a failed OCR read is tried again next time
            cache.put(facts)
        for path in todo[str(sha)]:
            done(path, facts)

    run_tasks(((sha, str(group[0])) for sha, group in todo.items()), timeout=float(policy.pdf_timeout_seconds),
              memory_mb=int(policy.pdf_memory_mb), trust_roots=trust_roots, workers=workers, on_result=on_result)
    return {path: results[path] for path in paths}
