"""Regenerate the problem-code section of docs/huong-dan-bien-tap.md from the code's catalog."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.content.guide import update_guide  # noqa: E402

GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"

if __name__ == "__main__":
    GUIDE.write_text(update_guide(GUIDE.read_text(encoding="utf-8")), encoding="utf-8")
