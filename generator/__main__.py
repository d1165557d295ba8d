"""Entry point for `python -m generator`."""

from __future__ import annotations

import sys

from generator.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
