"""Regenerate docs/reference.md (fields and problem codes) from the code."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.content.reference import reference_markdown  # noqa: E402

if __name__ == "__main__":
    (ROOT / "docs" / "reference.md").write_text(reference_markdown(), encoding="utf-8")
    import runpy  # the editor guide's list of codes too (scripts/make_guide.py)

    runpy.run_path(str(ROOT / "scripts" / "make_guide.py"), run_name="__main__")
