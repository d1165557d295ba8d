"""Regenerate the golden site (`make golden`): tests/golden/content and tests/golden/expected.

Run it after a change that is meant to change the generated pages or data, then read `git diff
tests/golden/expected` as the review of that change. tests/golden/site.py says what is written.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.golden.site import CONTENT, EXPECTED, render, write_content  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="congkhai-golden-") as scratch:
        root = write_content(Path(scratch))
        shutil.rmtree(CONTENT, ignore_errors=True)
        shutil.copytree(root, CONTENT)
    files = render(CONTENT, EXPECTED)
    print(f"{CONTENT.relative_to(ROOT)}: {sum(1 for p in CONTENT.rglob('*') if p.is_file())} tệp; "
          f"{EXPECTED.relative_to(ROOT)}: {len(files)} tệp")
    return 0


if __name__ == "__main__":
    sys.exit(main())
