"""What a generated page is, without MkDocs: one line of JSON front matter and one raw HTML block.

The `markdown` shortcut renders such a page without Python-Markdown (markdown.py); the incremental build
takes only such pages from the previous site (reuse.py: a Markdown page's anchors are checked by MkDocs).
"""

from __future__ import annotations

import re

_FIRST_TAG = re.compile(r"<(div|section|table|nav|main|article)[\s>]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def is_raw_block(markdown: str) -> bool:
    """True when `markdown` is one raw HTML block Markdown passes through verbatim (a block-level start tag,
    no blank line, no Markdown around it)."""
    body = markdown.strip()
    return bool(_FIRST_TAG.match(body)) and _BLANK_LINE.search(body) is None and body.endswith(">")


def json_front_body(text: str) -> str | None:
    """The body after a page's one-line JSON front matter (`site.common.write_page`); None for any other shape."""
    if text.startswith("---\n{"):
        end = text.find("\n", 4)
        if end > 0 and text.startswith("---\n", end + 1):
            return text[end + 5:]
    return None


def is_generated_raw_page(text: str) -> bool:
    """True for a docs file of JSON front matter and one raw HTML body."""
    body = json_front_body(text)
    return body is not None and is_raw_block(body)
