"""Count name / birth-date / address findings over a content root (false positives on clean content).

Usage: python scripts/privacy_fp.py CONTENT_DIR
Every free-text field and every PDF's text layer is scanned as the check scans it (identifiers and the
signer taken out), and once more without taking the signer out (what the signature-block rule catches).
On content that holds no personal data (the demo, a synthetic corpus) every finding is a false positive.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader

from generator.checks import privacy
from generator.checks.letters import free_texts, letter_identifiers
from generator.content.load import load_all

KINDS = ("person-name", "birth-date", "address")


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    loaded = load_all(root)
    fields = pdfs = 0
    found: Counter[str] = Counter()
    without_signer: Counter[str] = Counter()
    samples: list[str] = []
    for letter in loaded.letters:
        ids = letter_identifiers(letter)
        texts = [(name, text) for name, text in free_texts(letter) if name != "recipient.name"]
        fields += len(texts)
        pdf = root / letter.pdf_source
        if pdf.exists():
            layer = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
            if layer.strip():
                pdfs += 1
                texts.append(("pdf", layer))
        for name, text in texts:
            for f in privacy.scan_text(text, frozenset(), ids):
                if f.kind in KINDS:
                    found[f"{(name == 'pdf' and 'pdf') or 'field'}:{f.kind}"] += 1
                    samples.append(f"{letter.id} {name}: {f.kind} {f.text!r}")
            for f in privacy.scan_text(text, frozenset(), [i for i in ids if i != letter.signer.name]):
                if f.kind in KINDS:
                    without_signer[f.kind] += 1
    print(f"letters={len(loaded.letters)} text_fields={fields} pdf_text_layers={pdfs}")
    print(f"findings={sum(found.values())} {dict(found)}")
    print(f"findings_if_signer_not_taken_out={sum(without_signer.values())} {dict(without_signer)}")
    for line in samples[:20]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
