"""Offline validation of embedded signatures with pyHanko (runs inside the worker; never fetches)."""

from __future__ import annotations

import io

from pyhanko.keys.pemder import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from generator.checks.pdfgate.facts import Signature, trust_key

COVERAGE = {"ENTIRE_FILE": "entire-file", "ENTIRE_REVISION": "entire-revision",
            "CONTIGUOUS_BLOCK_FROM_START": "contiguous-block", "UNCLEAR": "unclear"}
MODIFICATION = {"NONE": "none", "LTA_UPDATES": "lta-updates", "FORM_FILLING": "form-filling",
                "ANNOTATIONS": "annotations", "OTHER": "other"}
MAX_SIGNATURES = 20


def _roots(trust_roots: tuple[bytes, ...]) -> list:
    certs: list = []
    for data in trust_roots:
        certs.extend(load_certs_from_pemder_data(data))
    return certs


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def check_signatures(data: bytes, trust_roots: tuple[bytes, ...]) -> tuple[list[dict], str]:
    """Validate every embedded signature; returns (signature dicts, trust key)."""
    key = trust_key(trust_roots)
    try:
        roots = _roots(trust_roots)
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)[:MAX_SIGNATURES]
    except MemoryError:
        raise
    except Exception as exc:
        return [Signature("?", False, False, "error", "unknown", _error(exc)).__dict__], key
    found: list[dict] = []
    for sig in embedded:
        found.append(_one(sig, roots).__dict__)
    return found, key


def _signer(sig) -> str:
    try:
        subject = sig.signer_cert.subject
        return str(subject.native.get("common_name") or subject.human_friendly)[:200]
    except Exception:
        return "?"


def _one(sig, roots: list) -> Signature:
    signer = _signer(sig)
    try:
        context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
        status = validate_pdf_signature(sig, context)
    except MemoryError:
        raise
    except Exception as exc:  # (malformed signature: it cannot be intact)
        return Signature(signer, False, False, "error", "unknown", _error(exc))
    coverage = COVERAGE.get(getattr(status.coverage, "name", ""), "unclear")
    level = status.modification_level
    modification = MODIFICATION.get(level.name, "other") if level is not None else "unknown"
    intact = bool(status.intact and status.valid)  # signed bytes unchanged and the signature verifies
    return Signature(signer, intact, bool(status.trusted), coverage, modification)
