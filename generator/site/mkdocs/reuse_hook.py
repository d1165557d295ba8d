"""MkDocs hook file of the incremental build: the hooks live in `reuse.py`, imported (not loaded by path) so
that the plan `build` sets there is the one these hooks read."""

from generator.site.mkdocs.reuse import on_env, on_files, on_nav, on_post_build

__all__ = ["on_env", "on_files", "on_nav", "on_post_build"]
