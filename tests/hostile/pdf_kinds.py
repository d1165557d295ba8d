"""Hostile PDFs of issue 12 (PDF side), built in code: each kind with the problems it must get.

`KINDS[kind] = Kind(build, codes, planted)`: `build()` gives the PDF's bytes; `codes` every problem
code (errors and warnings) the gate gives when the PDF is judged for a letter (`privacy_reviewed`
false, the letter's identifiers); `planted` the personal values hidden in it, which must never
appear unmasked in any message or output. Built with fpdf2, pypdf or the raw writer of
tests/pdfs/hostile.py (for what the libraries refuse to write).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from tests.helpers import FONT
from tests.pdfs import hostile as H

NUMBER = "15/XL-STNMT"
CODE = "000.00.21.H17-180420-0012"
CCCD = "001234567890"  # a citizen ID (province code 001)
PHONE = "0912345678"
EMAIL = "an.nguyen.van@gmail.com"
HEADER_LINES = ("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", f"Số: {NUMBER}", f"Mã hồ sơ: {CODE}")


@dataclass(frozen=True)
class Kind:
    build: Callable[[], bytes]
    codes: tuple[str, ...]
    planted: tuple[str, ...] = ()


# --- builders -----------------------------------------------------------------------------------

def fpdf_letter(*lines: str, author: str = "", title: str = "", pages: tuple[str, ...] = ("text",),
                outline: str = "") -> bytes:
    """A real letter written by fpdf2: `pages` is a list of "text" / "image" (a scanned page)."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2018, 1, 1))
    if author:
        pdf.set_author(author)
    if title:
        pdf.set_title(title)
    pdf.add_font("DejaVu", fname=str(FONT))
    for kind in pages:
        pdf.add_page()
        if kind == "image":
            image = Image.new("RGB", (200, 280), "white")
            image.paste((200, 0, 0), (120, 200, 180, 260))  # a red seal
            pdf.image(image, x=10, y=10, w=190)
            continue
        pdf.set_font("DejaVu", size=12)
        if outline:
            pdf.start_section(outline)
        for line in (*HEADER_LINES, *lines):
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def pypdf_edit(data: bytes, edit: Callable) -> bytes:
    """`data` rewritten by pypdf after `edit(writer)`."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    edit(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def with_info(**info: str) -> bytes:
    return pypdf_edit(fpdf_letter(), lambda w: w.add_metadata({f"/{k}": v for k, v in info.items()}))


def xmp(body: str) -> bytes:
    """A letter whose only metadata is an XMP packet holding `body` (no document info dictionary)."""
    packet = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
              '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' + body +
              '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>').encode()
    objects = H.base_objects(catalog_extra=b"/Metadata 6 0 R ")
    objects[6] = H.stream(packet, b"/Type /Metadata /Subtype /XML ", compress=True)
    return H.build(objects)


def annotation(body: bytes) -> bytes:
    return H.with_annotation(b"<< /Type /Annot " + body + b" /Rect [300 700 320 720] >>")


def pdf_string(text: str) -> bytes:
    """A PDF text string (UTF-16BE with BOM) as a hex string."""
    return b"<" + ("\ufeff" + text).encode("utf-16-be").hex().encode() + b">"


def form_field(value: str, *, appearance: bool = False) -> bytes:
    """An AcroForm text field holding `value` (with an appearance stream showing it, or none)."""
    objects = H.base_objects(catalog_extra=b"/AcroForm << /Fields [6 0 R] >> ", page_extra=b"/Annots [6 0 R] ")
    ap = b" /AP << /N 7 0 R >>" if appearance else b""
    objects[6] = (b"<< /FT /Tx /T (so_giay_to) /V " + pdf_string(value) + b" /Type /Annot /Subtype /Widget"
                  b" /Rect [72 600 400 620] /P 3 0 R" + ap + b" >>")
    objects[7] = H.stream(b"BT /F1 12 Tf 2 5 Td (" + value.encode("latin-1") + b") Tj ET",
                          b"/Type /XObject /Subtype /Form /BBox [0 0 328 20] /Resources << /Font << /F1 5 0 R >> >> ")
    return H.build(objects)


def outline(title: str) -> bytes:
    return pypdf_edit(fpdf_letter(), lambda w: w.add_outline_item(title=title, page_number=0))


def attachment(name: str) -> bytes:
    return pypdf_edit(fpdf_letter(), lambda w: w.add_attachment(name, b"ho so"))


def to_unicode_text(content: bytes) -> bytes:
    """A page whose font maps digits to FULL-WIDTH digits and '|' to a zero-width space (ToUnicode)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"1 beginbfrange <30> <39> <FF10> endbfrange\n1 beginbfchar <7C> <200B> endbfchar\n"
            b"endcmap CMapName currentdict /CIDInit defineresource pop end end")
    objects = H.base_objects(content=LETTER_TEXT + b"\nBT /F1 12 Tf 72 700 Td (" + content + b") Tj ET")
    objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    objects[6] = H.stream(cmap)
    return H.build(objects)


def long_text(chars: int, tail: str) -> bytes:
    """One page holding `chars` characters of text in 1-pt lines, `tail` on the last line."""
    line = b"Van ban xin loi " * 60  # 960 characters a line
    rows = [b"BT /F1 1 Tf 5 835 Td 1 TL", b"(%s) Tj (%s) '" % (NUMBER.encode(), CODE.encode())]
    for _ in range(chars // len(line)):
        rows.append(b"(" + line + b") '")
    rows.append(b"(" + tail.encode() + b") ' ET")
    rows[0] = b"BT /F1 1 Tf 5 %d Td 1 TL" % (len(rows) + 5)
    return H.build(H.base_objects(content=b"\n".join(rows), media_box=b"[0 0 1000 %d]" % (len(rows) + 10)))


def incremental(data: bytes, objects: dict[int, bytes], size: int, trailer_extra: bytes = b"") -> bytes:
    """`data` with an incremental update replacing `objects` (a new xref section, /Prev to the old one)."""
    prev = int(data[data.rindex(b"startxref") + 9:].split()[0])
    out = io.BytesIO()
    out.write(data)
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 1\n0000000000 65535 f \n")
    for number in sorted(offsets):
        out.write(b"%d 1\n%010d 00000 n \n" % (number, offsets[number]))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Prev %d %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, prev, trailer_extra,
                                                                                           xref))
    return out.getvalue()


LETTER_TEXT = b"BT /F1 12 Tf 72 720 Td (So %s, ma ho so %s) Tj ET" % (NUMBER.encode(), CODE.encode())


def revision_hiding(secret: bytes) -> bytes:
    """Revision 1 shows `secret` under the letter; revision 2 replaces the page content without it."""
    first = H.build(H.base_objects(content=LETTER_TEXT + b"\nBT /F1 12 Tf 72 700 Td (" + secret + b") Tj ET"))
    return incremental(first, {4: H.stream(LETTER_TEXT)}, 6)


def revision_adding(extra: bytes) -> bytes:
    """A benign update: revision 2 adds a line (a stamp) and hides nothing."""
    first = H.build(H.base_objects(content=LETTER_TEXT))
    return incremental(first, {4: H.stream(LETTER_TEXT + b"\nBT /F1 12 Tf 72 700 Td (" + extra + b") Tj ET")}, 6)


def revision_info(secret: str) -> bytes:
    """Revision 1's document info names the applicant; revision 2 points to a clean info dictionary."""
    objects = H.base_objects(content=LETTER_TEXT)
    objects[6] = b"<< /Author " + pdf_string(secret) + b" >>"
    first = H.build(objects, trailer_extra=b"/Info 6 0 R ")
    return incremental(first, {7: b"<< /Author (So Tai nguyen va Moi truong) >>"}, 8, b"/Info 7 0 R ")


def before_xref(payload: bytes, objects: dict[int, bytes] | None = None) -> bytes:
    """A letter with `payload` between its last object and its xref table (startxref moved to match)."""
    data = H.build(objects or H.base_objects(content=LETTER_TEXT))
    at = data.rindex(b"xref\n0 ")
    fixed = data[:at] + payload + data[at:]
    head, _, _ = fixed.rpartition(b"startxref\n")
    return head + b"startxref\n%d\n%%%%EOF\n" % (at + len(payload))


def after_header(payload: bytes) -> bytes:
    return H.build(H.base_objects(content=LETTER_TEXT), header=b"%PDF-1.7\n%" + payload + b"\n")


def extra_object(body: bytes) -> bytes:
    """A letter with one more object (6, referenced from nothing) holding `body`."""
    return H.build({**H.base_objects(content=LETTER_TEXT), 6: body})


def damaged_with_javascript() -> bytes:
    """Every object in an object stream whose filter is the abbreviation /Fl (pypdf refuses it, pdfium reads it)."""
    objects = H.base_objects(content=LETTER_TEXT, catalog_extra=b"/OpenAction 6 0 R ")
    objects[6] = b"<< /S /JavaScript /JS (app.alert(1)) >>"
    data = H.build(objects, in_objstm=frozenset({1, 2, 3, 5, 6}))
    return data.replace(b"/Filter /FlateDecode", b"/Filter /Fl         ", 1)


def action(body: bytes) -> bytes:
    return H.with_open_action(body)


def link(uri: bytes) -> bytes:
    return annotation(b"/Subtype /Link /A << /S /URI /URI (" + uri + b") >>")


# --- the kinds ----------------------------------------------------------------------------------
PII = ("privacy-pdf-citizen-id", "privacy-pdf-phone", "privacy-pdf-email")

KINDS: dict[str, Kind] = {
    # control: a clean letter of each writer gets nothing
    "clean-fpdf": Kind(lambda: fpdf_letter("Chờ ý kiến phối hợp của Chi cục Thuế."), ()),
    "clean-raw": Kind(lambda: H.build(H.base_objects(content=LETTER_TEXT)), ()),
    "agency-contact-in-note": Kind(lambda: annotation(b"/Subtype /Text /Contents (Lien he 0261 3 544 210) "
                                                      b"/T (stnmt@example.gov.vn)"), ()),
    # document information and XMP
    "info-author-phone": Kind(lambda: fpdf_letter(author=f"Nguyễn Văn An {PHONE}"), ("privacy-pdf-metadata",),
                              (PHONE,)),
    "info-custom-key-cccd": Kind(lambda: with_info(SoDinhDanh=f"CCCD {CCCD}"), ("privacy-pdf-metadata",), (CCCD,)),
    "info-title-email": Kind(lambda: fpdf_letter(title=f"Gửi {EMAIL}"), ("privacy-pdf-metadata",), (EMAIL,)),
    "xmp-only-email": Kind(lambda: xmp(f'<rdf:Description rdf:about=""><dc:creator><rdf:Seq><rdf:li>{EMAIL}'
                                       '</rdf:li></rdf:Seq></dc:creator></rdf:Description>'),
                           ("privacy-pdf-metadata",), (EMAIL,)),
    "xmp-attribute-phone": Kind(lambda: xmp(f'<rdf:Description rdf:about="" pdf:Author="{PHONE}"/>'),
                                ("privacy-pdf-metadata",), (PHONE,)),
    "xmp-entity-cccd": Kind(lambda: xmp('<rdf:Description rdf:about=""><pdf:Keywords>CCCD &#48;&#48;1234567890'
                                        '</pdf:Keywords></rdf:Description>'), ("privacy-pdf-metadata",), (CCCD,)),
    # annotations
    "sticky-note-cccd": Kind(lambda: annotation(b"/Subtype /Text /Contents (So CCCD " + CCCD.encode() + b")"),
                             ("privacy-pdf-annotation",), (CCCD,)),
    "annotation-author-phone": Kind(lambda: annotation(b"/Subtype /Text /Contents (ok) /T (An 0912 345 678)"),
                                    ("privacy-pdf-annotation",), (PHONE,)),
    "annotation-rich-text-email": Kind(lambda: annotation(
        b"/Subtype /Text /Contents (ok) /RC (<?xml version=\"1.0\"?><body xmlns=\"http://www.w3.org/1999/xhtml\">"
        b"<p>" + EMAIL.encode() + b"</p></body>)"), ("privacy-pdf-annotation",), (EMAIL,)),
    "annotation-subject-utf16-phone": Kind(lambda: annotation(b"/Subtype /Square /Subj " + pdf_string(f"ĐT {PHONE}")),
                                           ("privacy-pdf-annotation",), (PHONE,)),
    "free-text-appearance-phone": Kind(lambda: H.build({
        **H.base_objects(content=LETTER_TEXT, page_extra=b"/Annots [6 0 R] "),
        6: b"<< /Type /Annot /Subtype /FreeText /Rect [72 600 400 630] /Contents (ghi chu) /AP << /N 7 0 R >> >>",
        7: H.stream(b"BT /F1 12 Tf 2 5 Td (Goi " + PHONE.encode() + b") Tj ET",
                    b"/Type /XObject /Subtype /Form /BBox [0 0 328 30] /Resources << /Font << /F1 5 0 R >> >> ")}),
        ("privacy-pdf-phone",), (PHONE,)),
    # forms, outlines, attachments, other strings
    "form-field-value": Kind(lambda: form_field(PHONE), ("privacy-pdf-form-field",), (PHONE,)),
    "form-field-shown": Kind(lambda: form_field(f"CCCD {CCCD}", appearance=True),
                             ("privacy-pdf-citizen-id", "privacy-pdf-form-field"), (CCCD,)),
    "outline-title-cccd": Kind(lambda: outline(f"Ông An - CCCD {CCCD}"), ("privacy-pdf-outline",), (CCCD,)),
    "attachment-name-phone": Kind(lambda: attachment(f"ho-so-{PHONE}.txt"),
                                  ("pdf-embedded-file", "privacy-pdf-attachment-name"), (PHONE,)),
    "page-piece-info-cccd": Kind(lambda: H.build(H.base_objects(
        content=LETTER_TEXT, page_extra=b"/PieceInfo << /App << /Private (CCCD " + CCCD.encode() + b") >> >> ")),
        ("privacy-pdf-object",), (CCCD,)),
    # the text layer: normalisation, length, pages without text
    "text-full-width-cccd": Kind(lambda: to_unicode_text(b"So CCCD " + CCCD.encode()), ("privacy-pdf-citizen-id",),
                                 (CCCD,)),
    "text-zero-width-phone": Kind(lambda: to_unicode_text(b"Lien he 091|234|5678"), ("privacy-pdf-phone",),
                                  (PHONE,)),
    "text-bracketed-phone": Kind(lambda: fpdf_letter("Điện thoại: (091) 2345678"), ("privacy-pdf-phone",), (PHONE,)),
    "text-dotted-phone": Kind(lambda: fpdf_letter("Điện thoại: 091.234.5678"), ("privacy-pdf-phone",), (PHONE,)),
    "text-paired-phone": Kind(lambda: fpdf_letter("Điện thoại: 091 234 56 78"), ("privacy-pdf-phone",), (PHONE,)),
    "text-250k-cccd-at-end": Kind(lambda: long_text(250_000, f"CCCD {CCCD}"), ("privacy-pdf-citizen-id",), (CCCD,)),
    "text-past-the-bound": Kind(lambda: long_text(1_050_000, "het"), ("pdf-text-too-long",)),
    "image-page-among-text": Kind(lambda: fpdf_letter(pages=("text", "image", "text")), ("pdf-pages-without-text",)),
    "image-pages-at-end": Kind(lambda: fpdf_letter(pages=("text", "image", "image")), ("pdf-pages-without-text",)),
    # incremental revisions
    "revision-hides-cccd": Kind(lambda: revision_hiding(b"CCCD " + CCCD.encode()),
                                ("privacy-pdf-revision", "privacy-pdf-revision-hidden-text"), (CCCD,)),
    "revision-hides-words": Kind(lambda: revision_hiding(b"Ong Nguyen Van An, thon 3"),
                                 ("privacy-pdf-revision-hidden-text",)),
    "revision-rewrites-info": Kind(lambda: revision_info(f"Nguyễn Văn An {PHONE}"), ("privacy-pdf-metadata",),
                                   (PHONE,)),
    "revision-adds-stamp": Kind(lambda: revision_adding(b"Da ky so"), ()),
    # actions: remote go-to, launch, file: and UNC targets
    "gotor": Kind(lambda: action(b"<< /S /GoToR /F (ho-so.pdf) /D [0 /Fit] >>"), ("pdf-remote-goto",)),
    "gotor-unc": Kind(lambda: action(b"<< /S /GoToR /F (\\\\\\\\10.0.0.5\\\\share\\\\a.pdf) /D [0 /Fit] >>"),
                      ("pdf-remote-goto", "pdf-unc-path")),
    "gotor-filespec-file-url": Kind(lambda: action(b"<< /S /GoToR /F << /Type /Filespec /FS /URL "
                                                   b"/F (file:///C:/ho-so.pdf) >> /D [0 /Fit] >>"),
                                    ("pdf-file-link", "pdf-remote-goto")),
    "launch-win": Kind(lambda: action(b"<< /S /Launch /Win << /F (cmd.exe) /P (/c calc) >> >>"), ("pdf-launch",)),
    "launch-unc": Kind(lambda: action(b"<< /S /Launch /F << /Type /Filespec /UF (//srv/share/x.exe) >> >>"),
                       ("pdf-launch", "pdf-unc-path")),
    "uri-unc-backslashes": Kind(lambda: link(b"\\\\\\\\attacker.example\\\\x"), ("pdf-unc-path",)),
    "uri-unc-slashes": Kind(lambda: link(b"//attacker.example/share"), ("pdf-unc-path",)),
    "uri-file": Kind(lambda: link(b"file:///etc/passwd"), ("pdf-file-link",)),
    "uri-file-upper-spaced": Kind(lambda: link(b"  FILE://server/c$/x"), ("pdf-file-link",)),
    "uri-smb": Kind(lambda: link(b"smb://attacker.example/share"), ("pdf-unc-path",)),
    "uri-relative": Kind(lambda: link(b"../../../etc/passwd"), ("pdf-action",)),
    "uri-base-file": Kind(lambda: H.build(H.base_objects(content=LETTER_TEXT, catalog_extra=b"/URI << /Base "
                                                         b"(file:///C:/) >> ")), ("pdf-file-link",)),
    "submit-form-unc": Kind(lambda: annotation(b"/Subtype /Widget /A << /S /SubmitForm /F (\\\\\\\\srv\\\\in) >>"),
                            ("pdf-action", "pdf-unc-path")),
    "embedded-filespec-unc": Kind(lambda: H.build({
        **H.base_objects(content=LETTER_TEXT, catalog_extra=b"/Names << /EmbeddedFiles << /Names [(a) 6 0 R] >> >> "),
        6: b"<< /Type /Filespec /F (\\\\\\\\srv\\\\share\\\\a.txt) /EF << /F 7 0 R >> >>",
        7: H.stream(b"x", b"/Type /EmbeddedFile ")}), ("pdf-embedded-file", "pdf-unc-path")),
    # a file pypdf cannot parse is read through pdfium's repaired copy: its JavaScript is still found
    "damaged-xref-javascript": Kind(damaged_with_javascript, ("pdf-javascript", "pdf-repaired")),
    # polyglots
    "html-before-startxref": Kind(lambda: before_xref(b"<html><body><script>alert(document.domain)</script>\n"),
                                  ("pdf-polyglot",)),
    "doctype-after-header": Kind(lambda: after_header(b"<!DOCTYPE html><html><script>alert(1)</script>"),
                                 ("pdf-polyglot",)),
    "svg-in-stream": Kind(lambda: extra_object(H.stream(b"<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                                        b"onload=\"alert(1)\"/>")), ("pdf-polyglot",)),
    "script-after-eof": Kind(lambda: H.build(H.base_objects(content=LETTER_TEXT)) + b"<script>alert(1)</script>\n",
                             ("pdf-polyglot", "pdf-trailing-data")),
    "php-between-objects": Kind(lambda: before_xref(b"<?php system($_GET['c']); ?>\n"), ("pdf-polyglot",)),
    "iframe-in-string": Kind(lambda: H.build(H.base_objects(content=LETTER_TEXT), trailer_extra=b"/Info << /Title "
                                             b"(<iframe src=https://attacker.example>) >> "), ("pdf-polyglot",)),
}
