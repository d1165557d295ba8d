"""The PDF gate: bounded, isolated, cached inspection of each letter's PDF, then policy checks.

    facts = inspect_pdfs(paths, policy, cache_dir, progress, trust_roots=load_trust_roots(root / "trust"))
    problems = judge(facts[path], rel_file, policy, privacy_reviewed=..., identifiers=..., ...)

`inspect_pdfs` finds facts (cached per SHA-256 and gate version); `judge` applies the portal's policy,
so editing portal.yml re-judges every PDF without parsing any.
"""

from __future__ import annotations

from generator.checks.pdfgate.facts import GATE_VERSION, PdfFacts, Signature
from generator.checks.pdfgate.judge import judge
from generator.checks.pdfgate.run import inspect_pdfs, load_trust_roots

__all__ = ["GATE_VERSION", "PdfFacts", "Signature", "inspect_pdfs", "judge", "load_trust_roots"]
