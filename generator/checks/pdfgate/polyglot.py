"""Markup that makes a PDF another file too: HTML, SVG or script a browser or a server may run.

A file that opens as a PDF and also as a web page (a polyglot) is published with the site: served
from the portal's origin or sniffed as HTML, its script runs there. Letters never hold such markup:
the whole file is searched (an uncompressed stream or a comment is where polyglots put it; a
compressed stream cannot produce these tags with a boundary after them by chance in practice).
"""

from __future__ import annotations

import re

_MARKUP = re.compile(rb"<\s*(html|script|!doctype\s+html|svg|iframe|\?php)[\s>/]", re.IGNORECASE)


def markup_found(data: bytes) -> list[str]:
    """The kinds of markup in `data` ("<html", "<script"...), sorted, each once."""
    return sorted({"<" + re.sub(rb"\s+", b" ", m.group(1)).decode("ascii").lower() for m in _MARKUP.finditer(data)})
