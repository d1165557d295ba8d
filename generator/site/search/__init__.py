"""Citizen search: Pagefind bundles of letter records, split by year, and a sharded code lookup."""

from __future__ import annotations

from generator.site.search.index import Indexing, SearchStats, index_content, index_site, out_dir_of, start_site_index
from generator.site.search.page import PAGE_PATH, write_search_page

__all__ = ["PAGE_PATH", "Indexing", "SearchStats", "index_content", "index_site", "out_dir_of", "start_site_index",
           "write_search_page"]
