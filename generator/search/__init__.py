"""Citizen search: Pagefind bundles of letter records, split by year, and a sharded code lookup."""

from __future__ import annotations

from generator.search.index import SearchStats, index_content, index_site

__all__ = ["SearchStats", "index_content", "index_site"]
