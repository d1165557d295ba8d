"""Find active content by walking a PDF's object graph (not by searching bytes).

The walk starts at the trailer and follows every reference with an explicit stack and a visited
set, so loops and deep nesting cost nothing; pypdf resolves objects inside object streams and
decodes `#xx` escapes in names. Stream data is never decoded (only object streams, by pypdf).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MAX_NODES = 2_000_000

# Action types (/S) that run something, send data or play media.
FORBIDDEN_ACTIONS = frozenset({
    "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/Rendition", "/Movie", "/Sound", "/RichMediaExecute",
})
RICH_MEDIA_SUBTYPES = frozenset({"/RichMedia", "/3D", "/Screen", "/Movie", "/Sound"})
SAFE_URI_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.\-]*):")


class GraphTooLarge(ValueError):
    """The object graph has more nodes than the bound."""


@dataclass
class WalkResult:
    """(kind, detail) findings, and whether a signature dictionary was seen."""

    findings: set[tuple[str, str]] = field(default_factory=set)
    signed: bool = False
    nodes: int = 0


def _name(value: object) -> str | None:
    """The value as a name/string, resolving one indirect reference."""
    if isinstance(value, IndirectObject):
        try:
            value = value.get_object()
        except Exception:
            return None
    return str(value) if isinstance(value, str) else None


def _uri_scheme(value: object) -> str | None:
    if isinstance(value, IndirectObject):
        value = value.get_object()
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        return None
    match = _SCHEME.match(value)
    return match.group(1).lower() if match else None


def inspect_dict(obj: DictionaryObject, out: WalkResult) -> None:
    """Record the active content one dictionary carries."""
    keys = obj.keys()
    action = _name(dict.get(obj, "/S"))
    subtype = _name(dict.get(obj, "/Subtype"))
    kind = _name(dict.get(obj, "/Type"))
    if "/JS" in keys:
        out.findings.add(("javascript", "/JS"))
    if action == "/JavaScript":
        out.findings.add(("javascript", "/S /JavaScript"))
    if "/JavaScript" in keys:
        out.findings.add(("javascript", "/Names /JavaScript"))
    if action in FORBIDDEN_ACTIONS:
        out.findings.add(("action", action[1:]))
    if action == "/URI":
        scheme = _uri_scheme(dict.get(obj, "/URI"))
        if scheme is not None and scheme not in SAFE_URI_SCHEMES:
            out.findings.add(("action", f"URI {scheme}:"))
    if "/EmbeddedFiles" in keys:
        out.findings.add(("embedded-file", "/EmbeddedFiles"))
    if kind == "/EmbeddedFile":
        out.findings.add(("embedded-file", "/Type /EmbeddedFile"))
    if "/EF" in keys:
        out.findings.add(("embedded-file", "/EF"))
    if subtype == "/FileAttachment":
        out.findings.add(("embedded-file", "/FileAttachment"))
    if subtype in RICH_MEDIA_SUBTYPES:
        out.findings.add(("rich-media", subtype[1:]))
    if "/XFA" in keys:
        out.findings.add(("xfa", "/XFA"))
    if kind == "/Sig" or ("/ByteRange" in keys and "/Contents" in keys):
        out.signed = True


def walk(reader: PdfReader, max_nodes: int = MAX_NODES) -> WalkResult:
    """Walk every object reachable from the trailer and record active content."""
    out = WalkResult()
    visited: set[tuple[int, int]] = set()
    stack: list[object] = [reader.trailer]
    while stack:
        node = stack.pop()
        out.nodes += 1
        if out.nodes > max_nodes:
            raise GraphTooLarge(f"more than {max_nodes} objects")
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in visited:
                continue
            visited.add(key)
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            inspect_dict(node, out)
            stack.extend(dict.values(node))
        elif isinstance(node, ArrayObject):
            stack.extend(list.__iter__(node))
    return out
