"""Find active content by walking a PDF's object graph (not by searching bytes).

The walk starts at the trailer and follows every reference with an explicit stack and a visited
set, so loops and deep nesting cost nothing; pypdf resolves objects inside object streams and
decodes `#xx` escapes in names. Stream data is never decoded (only object streams, by pypdf).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    StreamObject,
    TextStringObject,
)

MAX_NODES = 2_000_000
MAX_STRING_CHARS = 4_000_000  # text kept from strings and XMP (ink data can be 1.3 MB); past it: `strings_truncated`
MAX_XMP_BYTES = 4_000_000  # a metadata stream larger than this (encoded) is not decoded: its text is unknown

# Action types (/S) that run something, send data or play media (Launch and GoToR have their own codes).
FORBIDDEN_ACTIONS = frozenset({
    "/SubmitForm", "/ImportData", "/GoToE", "/Rendition", "/Movie", "/Sound", "/RichMediaExecute",
})
OWN_CODE_ACTIONS = {"/Launch": "launch", "/GoToR": "remote-goto"}
TARGET_ACTIONS = frozenset({"/URI", "/GoToR", "/Launch", "/GoToE", "/ImportData", "/SubmitForm"})
TARGET_KEYS = ("/URI", "/F", "/UF", "/DOS", "/Unix", "/Mac", "/Win", "/Base")
RICH_MEDIA_SUBTYPES = frozenset({"/RichMedia", "/3D", "/Screen", "/Movie", "/Sound"})
SAFE_URI_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.\-]*):")
_UNC = re.compile(r"\s*(?:\\\\|//|\\\?\?\\UNC)")  # \\server\share, //server/share, \\??\UNC
ANNOTATION_SUBTYPES = frozenset({
    "/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine", "/Highlight",
    "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup", "/FileAttachment", "/Sound",
    "/Movie", "/Widget", "/Screen", "/PrinterMark", "/TrapNet", "/Watermark", "/3D", "/Redact", "/Projection",
    "/RichMedia",
})
# Where a string lives (the label `judge` names): set by the key leading to a subtree, or by a dict's shape.
KEY_PLACES = {"/Info": "info", "/EmbeddedFiles": "attachment", "/AcroForm": "form", "/Outlines": "outline",
              "/Annots": "annotation", "/Metadata": "xmp"}
SIGNATURE_BINARY_KEYS = frozenset({"/Contents", "/Cert"})  # a signature's bytes, not text
_XML_TAG = re.compile(r"<[^>]*>")
_XML_VALUE = re.compile(r"=\s*(?:\"([^\"]*)\"|'([^']*)')")


class GraphTooLarge(ValueError):
    """The object graph has more nodes than the bound."""


@dataclass
class WalkResult:
    """(kind, detail) findings, whether a signature dictionary was seen, and the text of strings.

    `strings` holds (place, key, text): every text string of the object graph (document info,
    annotations, form fields, outlines, file names...) and the text of XMP metadata, for the privacy
    scan; `place` is one of KEY_PLACES' values or "other".
    """

    findings: set[tuple[str, str]] = field(default_factory=set)
    signed: bool = False
    nodes: int = 0
    strings: set[tuple[str, str, str]] = field(default_factory=set)
    string_chars: int = 0
    strings_truncated: bool = False

    def add_string(self, place: str, key: str, text: str) -> None:
        """Keep one string (within MAX_STRING_CHARS in all)."""
        text = text.replace("\x00", "").strip()
        if not text or (place, key, text) in self.strings:
            return
        if self.string_chars + len(text) > MAX_STRING_CHARS:
            self.strings_truncated = True
            return
        self.string_chars += len(text)
        self.strings.add((place, key, text))


def _name(value: object) -> str | None:
    """The value as a name/string, resolving one indirect reference."""
    if isinstance(value, IndirectObject):
        try:
            value = value.get_object()
        except Exception:
            return None
    return str(value) if isinstance(value, str) else None


def _text(value: object) -> str | None:
    """A string object's text (a byte string read as Latin-1), None for anything else."""
    if isinstance(value, ByteStringObject):
        return bytes(value).decode("latin-1")
    if isinstance(value, TextStringObject):
        return str(value)
    return None


def _uri_scheme(value: object) -> str | None:
    if isinstance(value, IndirectObject):
        value = value.get_object()
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        return None
    match = _SCHEME.match(value)
    return match.group(1).lower() if match else None


def _targets(value: object, depth: int = 0) -> list[str]:
    """The file names / URIs a target value holds: a string, or a file specification or /Win dictionary."""
    if isinstance(value, IndirectObject):
        try:
            value = value.get_object()
        except Exception:
            return []
    text = _text(value)
    if text is not None:
        return [text]
    if isinstance(value, DictionaryObject) and depth < 2:
        return [t for key in TARGET_KEYS for t in _targets(dict.get(value, key), depth + 1)]
    return []


def _check_targets(obj: DictionaryObject, action: str | None, out: WalkResult) -> None:
    """file: and UNC targets of links, remote go-tos, launches, file specifications and URI bases."""
    label = (action or "/Filespec")[1:]
    for key in TARGET_KEYS:
        for target in _targets(dict.get(obj, key)):
            scheme = _uri_scheme(target)
            if _UNC.match(target) or scheme in ("smb", "cifs"):
                out.findings.add(("unc-path", label))
            elif scheme == "file":
                out.findings.add(("file-link", label))


def _place(obj: DictionaryObject, inherited: str) -> str:
    """Where the strings of `obj` live, from its shape (else where it was reached from)."""
    keys = obj.keys()
    subtype = _name(dict.get(obj, "/Subtype"))
    kind = _name(dict.get(obj, "/Type"))
    if "/FT" in keys or ("/T" in keys and ("/Kids" in keys or "/V" in keys) and subtype is None):
        return "form"
    if kind == "/Annot" or subtype in ANNOTATION_SUBTYPES:
        return "annotation"
    if kind in ("/Filespec", "/EmbeddedFile") or "/EF" in keys:
        return "attachment"
    if kind == "/Outlines" or ("/Title" in keys and ("/Parent" in keys or "/Next" in keys or "/Prev" in keys)):
        return "outline"
    if kind in ("/Catalog", "/Pages", "/Page", "/Font", "/XObject", "/Sig"):
        return "other"
    return inherited


def _xmp_text(stream: StreamObject) -> str | None:
    """The text of an XMP packet: element text and attribute values, entities decoded (no XML parser)."""
    try:
        if int(dict.get(stream, "/Length", 0) or 0) > MAX_XMP_BYTES:
            return None
        xml = stream.get_data().decode("utf-8", "replace")
    except MemoryError:
        raise
    except Exception:
        return None
    values = [a or b for tag in _XML_TAG.findall(xml) for a, b in _XML_VALUE.findall(tag)]
    return html.unescape("\n".join([*_XML_TAG.split(xml), *values]))


def inspect_dict(obj: DictionaryObject, out: WalkResult, place: str = "other") -> None:
    """Record the active content one dictionary carries, and its strings."""
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
    if action in OWN_CODE_ACTIONS:
        out.findings.add((OWN_CODE_ACTIONS[action], action[1:]))
    if action == "/URI":
        uri = dict.get(obj, "/URI")
        scheme = _uri_scheme(uri)
        if scheme not in SAFE_URI_SCHEMES and scheme not in ("file", "smb", "cifs"):
            targets = _targets(uri)
            if scheme is not None:
                out.findings.add(("action", f"URI {scheme}:"))
            elif targets and targets[0].strip() and not _UNC.match(targets[0]):
                out.findings.add(("action", "URI (relative)"))
    if action in TARGET_ACTIONS or kind == "/Filespec" or "/EF" in keys or "/Base" in keys:
        _check_targets(obj, action, out)
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
    signature = kind == "/Sig" or ("/ByteRange" in keys and "/Contents" in keys)
    if signature:
        out.signed = True
    if isinstance(obj, StreamObject) and (kind == "/Metadata" or subtype == "/XML"):
        text = _xmp_text(obj)
        if text is not None:
            out.add_string("xmp", "/Metadata", text)
    for key, value in dict.items(obj):
        text = _text(value)
        if text is not None and not (signature and key in SIGNATURE_BINARY_KEYS):
            out.add_string(place, str(key), text)


def walk(reader: PdfReader, max_nodes: int = MAX_NODES) -> WalkResult:
    """Walk every object reachable from the trailer; record active content and every text string."""
    out = WalkResult()
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[object, str, str]] = [(reader.trailer, "other", "")]
    while stack:
        node, place, key = stack.pop()
        out.nodes += 1
        if out.nodes > max_nodes:
            raise GraphTooLarge(f"more than {max_nodes} objects")
        if isinstance(node, IndirectObject):
            ident = (node.idnum, node.generation)
            if ident in visited:
                continue
            visited.add(ident)
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            place = _place(node, place)
            inspect_dict(node, out, place)
            trailer = node is reader.trailer
            for child_key, child in dict.items(node):
                if (trailer and child_key == "/ID") or _text(child) is not None:
                    continue  # strings were kept by inspect_dict (and a signature's bytes skipped)
                stack.append((child, KEY_PLACES.get(child_key, place), str(child_key)))
        elif isinstance(node, ArrayObject):
            for child in list.__iter__(node):
                text = _text(child)
                if text is not None:
                    out.add_string(place, key, text)
                else:
                    stack.append((child, place, key))
        else:
            text = _text(node)  # a string reached through a reference (/Title 7 0 R)
            if text is not None:
                out.add_string(place, key, text)
    return out
