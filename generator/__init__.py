"""congkhai: static transparency-site generator for apology letters (văn bản xin lỗi)."""

from __future__ import annotations

__version__ = "0.1.0"
