"""Build real (and hostile) PDFs in code: a tiny writer with classic xref or object streams."""

from __future__ import annotations

import io
import zlib

TEXT = b"BT /F1 12 Tf 72 720 Td (Van ban xin loi so 15/XL-STNMT, ma ho so 000.00.21.H17-180420-0012) Tj ET"


def base_objects(content: bytes = TEXT, catalog_extra: bytes = b"", page_extra: bytes = b"",
                 media_box: bytes = b"[0 0 595 842]") -> dict[int, bytes]:
    """Catalog 1, Pages 2, Page 3, content 4, font 5: a one-page letter with a text layer."""
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box
           + b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R " + page_extra + b">>",
        4: stream(content),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }


def stream(data: bytes, extra: bytes = b"", *, compress: bool = False) -> bytes:
    """A stream object's body."""
    if compress:
        data = zlib.compress(data, 9)
        extra = b"/Filter /FlateDecode " + extra
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def build(objects: dict[int, bytes], *, in_objstm: frozenset[int] = frozenset(), root: int = 1,
          trailer_extra: bytes = b"", header: bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") -> bytes:
    """Serialise objects; those in `in_objstm` go into one object stream (with an xref stream)."""
    out = io.BytesIO()
    out.write(header)
    offsets: dict[int, int] = {}
    plain = {n: body for n, body in objects.items() if n not in in_objstm}
    for number, body in sorted(plain.items()):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    if not in_objstm:
        size = max(objects) + 1
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        for number in range(1, size):
            out.write(b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n")
        out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (size, root, trailer_extra))
        out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
        return out.getvalue()
    members = sorted(in_objstm)
    body, index = b"", b""
    for number in members:
        index += b"%d %d " % (number, len(body))
        body += objects[number] + b"\n"
    objstm = max(objects) + 1
    offsets[objstm] = out.tell()
    data = index + body
    out.write(b"%d 0 obj\n" % objstm + stream(data, b"/Type /ObjStm /N %d /First %d " % (len(members), len(index)),
                                             compress=True) + b"\nendobj\n")
    xref_num = objstm + 1
    offsets[xref_num] = out.tell()
    rows = b""
    for number in range(xref_num + 1):
        if number in in_objstm:
            rows += bytes([2]) + objstm.to_bytes(4, "big") + members.index(number).to_bytes(2, "big")
        elif number in offsets:
            rows += bytes([1]) + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big")
        else:
            rows += bytes([0]) + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")
    out.write(b"%d 0 obj\n" % xref_num + stream(
        rows, b"/Type /XRef /W [1 4 2] /Size %d /Root %d 0 R %s" % (xref_num + 1, root, trailer_extra))
        + b"\nendobj\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % offsets[xref_num])
    return out.getvalue()


def letter_pdf(**kwargs: bytes) -> bytes:
    """A clean one-page letter."""
    return build(base_objects(**kwargs))


def with_open_action(action: bytes, *, in_objstm: bool = False) -> bytes:
    """A letter whose /OpenAction is object 6 holding `action`."""
    objects = base_objects(catalog_extra=b"/OpenAction 6 0 R ")
    objects[6] = action
    return build(objects, in_objstm=frozenset({6}) if in_objstm else frozenset())


def with_annotation(annotation: bytes) -> bytes:
    """A letter whose page has one annotation (object 6)."""
    objects = base_objects(page_extra=b"/Annots [6 0 R] ")
    objects[6] = annotation
    return build(objects)


def attachment_pdf() -> bytes:
    """A letter with a file in the /EmbeddedFiles name tree."""
    objects = base_objects(catalog_extra=b"/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >> ")
    objects[6] = b"<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>"
    objects[7] = stream(b"MZ\x90\x00", b"/Type /EmbeddedFile ")
    return build(objects)


def nested_arrays_pdf(depth: int = 100_000) -> bytes:
    """A page whose /Annots is an array nested `depth` levels deep."""
    return build(base_objects(page_extra=b"/Annots " + b"[" * depth + b"]" * depth + b" "))


def looping_page_tree_pdf() -> bytes:
    """A page tree whose /Pages node lists itself as a kid."""
    objects = base_objects()
    objects[2] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    return build(objects)


def objstm_bomb_pdf(megabytes: int = 200) -> bytes:
    """An object stream that inflates to `megabytes` MB of spaces (only the parser's limits stop it)."""
    objects = base_objects(catalog_extra=b"/OpenAction 6 0 R ")
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    compressed = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    return _objstm_with_data(objects, compressed)


def _objstm_with_data(objects: dict[int, bytes], compressed: bytes) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    for number, body in sorted(objects.items()):
        if number == 6:
            continue
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    offsets[7] = out.tell()
    out.write(b"7 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(compressed)
              + compressed + b"\nendstream\nendobj\n")
    offsets[8] = out.tell()
    rows = b""
    for number in range(9):
        if number == 6:
            rows += bytes([2]) + (7).to_bytes(4, "big") + (0).to_bytes(2, "big")
        elif number in offsets:
            rows += bytes([1]) + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big")
        else:
            rows += bytes([0]) + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")
    out.write(b"8 0 obj\n" + stream(rows, b"/Type /XRef /W [1 4 2] /Size 9 /Root 1 0 R ") + b"\nendobj\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % offsets[8])
    return out.getvalue()


def encrypted_pdf() -> bytes:
    """A letter encrypted with an empty user password (opens without asking)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(letter_pdf())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
