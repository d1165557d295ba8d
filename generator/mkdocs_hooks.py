"""MkDocs hook: generated pages skip the Markdown conversion (their body is one block of escaped HTML).

Every page the generator writes (`render.common.write_page`) is front matter plus one raw HTML block
that Python-Markdown would pass through unchanged, but only after running its HTML block parser over
it, which costs ~40 ms for a 100 KB report page (95 % of a build of 1,000 letters). Here such a page's
Markdown is replaced by a tiny placeholder; the body is read again from the docs file when the page is
written (`on_post_page`) and put in the placeholder's place. So the output is what Markdown would give,
and no page body is held in memory between reading and writing (100,000 letter pages stay light).
Pages with real Markdown (the search page, hand-written pages) go through Markdown as usual.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils.meta import get_data

PLACEHOLDER = "<!-- congkhai:body -->"
PLACEHOLDER_H1 = "<!-- congkhai:body <h1> -->"  # Material adds the title as <h1> unless "<h1" is in the content
_FIRST_TAG = re.compile(r"<(div|section|table|nav|main|article)[\s>]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def is_raw_block(markdown: str) -> bool:
    """True when `markdown` is one raw HTML block Markdown passes through verbatim (a block-level start tag,
    no blank line, no Markdown around it)."""
    body = markdown.strip()
    return bool(_FIRST_TAG.match(body)) and _BLANK_LINE.search(body) is None and body.endswith(">")


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Replace a generated page's raw HTML body by a placeholder (the body stays on disk until written)."""
    if is_raw_block(markdown):
        page.congkhai_raw = PLACEHOLDER_H1 if "<h1" in markdown else PLACEHOLDER
        return page.congkhai_raw
    return markdown


def on_post_page(output: str, page, config) -> str:
    """Put the page's body (read again from its docs file) where the placeholder was rendered."""
    placeholder = getattr(page, "congkhai_raw", None)
    if placeholder is None:
        return output
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    body, _ = get_data(text)
    head, found, tail = output.partition(placeholder)
    if not found:
        raise RuntimeError(f"congkhai: body placeholder missing in {page.file.src_uri}")
    return head + body.strip() + tail
