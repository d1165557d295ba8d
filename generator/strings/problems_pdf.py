"""Problem codes of the PDF gate: structure, limits, active content, text layer, signatures.

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
`{name}` is the PDF's file name (filled by `problems.make`).
"""

from __future__ import annotations

from generator.strings.catalog import ProblemType, declare

ERRORS = [
    # --- structure and limits -------------------------------------------------------------------
    ("pdf-no-header", "The file does not start with %PDF-.",
     "Tệp {name} không bắt đầu bằng '%PDF-': không phải tệp PDF.", "Xuất lại văn bản ra PDF."),
    ("pdf-no-eof", "No %%EOF in the last 1 KB: the file is truncated (an incomplete upload).",
     "Tệp {name} bị cắt cụt (không có dấu kết thúc %%EOF).", "Tải lên lại bản PDF đầy đủ."),
    ("pdf-trailing-data", "Data other than whitespace after the last %%EOF (e.g. a PDF/HTML polyglot).",
     "Tệp {name} có dữ liệu lạ sau dấu kết thúc %%EOF.", "Xuất lại văn bản ra PDF từ bản gốc."),
    ("pdf-too-large", "The file exceeds max_pdf_bytes.",
     "Tệp {name} quá lớn ({size} byte, tối đa {limit} byte).", "Giảm độ phân giải khi quét hoặc nén lại PDF."),
    ("pdf-too-many-pages", "The page count exceeds max_pdf_pages.",
     "Tệp {name} có {pages} trang, tối đa {limit} trang.", "Chỉ đăng văn bản xin lỗi, không kèm hồ sơ."),
    ("pdf-no-pages", "The PDF has no page.",
     "Tệp {name} không có trang nào.", "Xuất lại văn bản ra PDF."),
    ("pdf-unreadable", "The PDF cannot be parsed.",
     "Không đọc được tệp {name}: {detail}.", "Xuất lại văn bản ra PDF (hoặc in ra PDF) rồi tải lên lại."),
    ("pdf-encrypted", "The PDF is encrypted (even with an empty password).",
     "Tệp {name} được mã hóa hoặc đặt mật khẩu.", "Gỡ mật khẩu/mã hóa rồi xuất lại PDF."),
    ("pdf-render-failed", "Page 1 does not render.",
     "Không hiển thị được trang 1 của tệp {name}: {detail}.", "Xuất lại văn bản ra PDF."),
    ("pdf-timeout", "Opening the PDF took longer than pdf_timeout_seconds.",
     "Xử lý tệp {name} quá {limit} giây.", "Xuất lại văn bản ra PDF đơn giản hơn (ví dụ in ra PDF)."),
    ("pdf-worker-crashed", "The worker process died (memory bound exceeded or a crash).",
     "Xử lý tệp {name} vượt giới hạn bộ nhớ ({limit} MB) hoặc bị lỗi: {detail}.",
     "Xuất lại văn bản ra PDF đơn giản hơn (ví dụ in ra PDF)."),
    # --- active content -------------------------------------------------------------------------
    ("pdf-javascript", "The PDF carries JavaScript.",
     "Tệp {name} chứa mã JavaScript ({detail}).", "Xuất lại PDF không kèm mã lệnh (in ra PDF)."),
    ("pdf-action", "The PDF carries a forbidden action (SubmitForm, ImportData, GoToE, media, a non-web URI...).",
     "Tệp {name} chứa hành động bị cấm: {detail}.", "Xuất lại PDF không kèm hành động, biểu mẫu hay liên kết lạ."),
    ("pdf-embedded-file", "The PDF carries embedded files or file-attachment annotations.",
     "Tệp {name} có tệp đính kèm bên trong ({detail}).", "Gỡ tệp đính kèm rồi xuất lại PDF."),
    ("pdf-rich-media", "The PDF carries RichMedia, 3D or Screen content.",
     "Tệp {name} chứa nội dung đa phương tiện/3D ({detail}).", "Xuất lại PDF chỉ gồm văn bản và hình ảnh."),
    ("pdf-xfa", "The PDF carries an XFA form.",
     "Tệp {name} chứa biểu mẫu XFA.", "In biểu mẫu ra PDF thường rồi tải lên."),
    ("pdf-launch", "The PDF carries a Launch action (opens or runs a file on the reader's computer).",
     "Tệp {name} chứa lệnh mở/chạy tệp trên máy người đọc (Launch).",
     "Xuất lại PDF không kèm hành động (in ra PDF)."),
    ("pdf-remote-goto", "The PDF carries a remote go-to (GoToR): a link that opens another file.",
     "Tệp {name} chứa liên kết mở một tệp khác (GoToR).", "Xuất lại PDF không kèm liên kết tới tệp khác (in ra PDF)."),
    ("pdf-file-link", "A link, remote go-to, launch or file specification targets a file: URL.",
     "Tệp {name} chứa liên kết tới tệp trên máy (file:) trong {detail}.",
     "Chỉ dùng liên kết https; xuất lại PDF không kèm liên kết tới tệp."),
    ("pdf-unc-path", "A link, remote go-to, launch or file specification targets a network share (UNC).",
     "Tệp {name} chứa liên kết tới thư mục mạng (\\\\máy\\thư mục) trong {detail}: mở ra có thể lộ tài khoản.",
     "Chỉ dùng liên kết https; xuất lại PDF không kèm liên kết tới thư mục mạng."),
    ("pdf-polyglot", "The file holds HTML, SVG or script markup (a PDF that is also a web page).",
     "Tệp {name} chứa mã trang web ({detail}): tệp vừa là PDF vừa là trang web.",
     "Xuất lại văn bản ra PDF từ bản gốc (in ra PDF), không ghép thêm nội dung."),
    # --- hidden content -------------------------------------------------------------------------
    ("pdf-text-too-long", "The text layer (or the strings of the file) exceeds the bound the gate scans.",
     "Tệp {name} có quá nhiều chữ (hơn {limit} ký tự): không kiểm tra hết được thông tin cá nhân.",
     "Chỉ đăng văn bản xin lỗi, không kèm hồ sơ hay phụ lục dài."),
    ("pdf-too-many-revisions", "More incremental revisions than the gate opens.",
     "Tệp {name} có {revisions} lần lưu nối tiếp (tối đa {limit}): không kiểm tra hết được các bản cũ.",
     "In ra PDF (hoặc 'Lưu thành' bản mới) để chỉ còn một bản."),
    ("privacy-pdf-revision-hidden-text", "An earlier incremental revision holds text the final one no longer shows.",
     "Tệp {name} còn giữ chữ đã bị xóa/che trong bản lưu trước ({lines} dòng, bản {revisions} trên {total}): "
     "ai cũng mở lại được bản đó.",
     "In ra PDF (hoặc 'Lưu thành' bản mới, không lưu nối tiếp) rồi tải lên lại."),
    # --- text layer -----------------------------------------------------------------------------
    ("pdf-no-text-layer", "No text layer (a scan) and the letter lacks privacy_reviewed: true (a warning in check-pdf).",
     "Tệp {name} không có lớp chữ (bản quét): không kiểm tra được thông tin cá nhân.",
     "Kiểm tra bản quét đã che thông tin cá nhân, rồi ghi 'privacy_reviewed: true' trong tệp YAML."),
    ("privacy-pdf-citizen-id", "A citizen ID number appears in the PDF's text layer.",
     "Lớp chữ của tệp {name} có số định danh cá nhân (CCCD/CMND): '{value}'.",
     "Che số định danh trong bản công khai rồi xuất lại PDF."),
    ("privacy-pdf-phone", "A personal phone number appears in the PDF's text layer.",
     "Lớp chữ của tệp {name} có số điện thoại cá nhân: '{value}'.",
     "Che số điện thoại (trừ số của cơ quan) rồi xuất lại PDF."),
    ("privacy-pdf-email", "A personal e-mail address appears in the PDF's text layer.",
     "Lớp chữ của tệp {name} có địa chỉ e-mail cá nhân: '{value}'.",
     "Che địa chỉ e-mail (trừ e-mail của cơ quan) rồi xuất lại PDF."),
    ("privacy-pdf-metadata", "Personal data in the document information or XMP metadata.",
     "Thông tin tài liệu (metadata) của tệp {name} có {what}: '{value}' ({where}).",
     "Xóa thông tin tác giả, tiêu đề, từ khóa (File > Properties) rồi xuất lại PDF."),
    ("privacy-pdf-annotation", "Personal data in an annotation (comment text, author, subject).",
     "Ghi chú (annotation) trong tệp {name} có {what}: '{value}' ({where}).",
     "Xóa các ghi chú, nhận xét rồi xuất lại PDF (in ra PDF)."),
    ("privacy-pdf-form-field", "Personal data in a form field (name, value or options).",
     "Trường biểu mẫu trong tệp {name} có {what}: '{value}' ({where}).",
     "Xóa dữ liệu biểu mẫu hoặc in biểu mẫu ra PDF thường rồi tải lên."),
    ("privacy-pdf-outline", "Personal data in an outline (bookmark) title.",
     "Mục lục (bookmark) của tệp {name} có {what}: '{value}' ({where}).",
     "Sửa hoặc xóa mục lục (bookmark) rồi xuất lại PDF."),
    ("privacy-pdf-attachment-name", "Personal data in an embedded file's name or description.",
     "Tên/mô tả tệp đính kèm trong tệp {name} có {what}: '{value}' ({where}).",
     "Gỡ tệp đính kèm rồi xuất lại PDF."),
    ("privacy-pdf-object", "Personal data in another string of the PDF's objects.",
     "Dữ liệu ẩn trong tệp {name} có {what}: '{value}' ({where}).",
     "In ra PDF (chỉ giữ nội dung trang) rồi tải lên lại."),
    ("privacy-pdf-revision", "Personal data in text an earlier incremental revision holds and the final one hides.",
     "Bản lưu trước ({where}) của tệp {name} còn {what}: '{value}'.",
     "In ra PDF (hoặc 'Lưu thành' bản mới, không lưu nối tiếp) rồi tải lên lại."),
    # --- signatures -----------------------------------------------------------------------------
    ("signature-broken", "A digital signature is not intact (the signed bytes changed).",
     "Chữ ký số của {signer} trong tệp {name} không còn nguyên vẹn.",
     "Dùng đúng bản PDF đã ký, không sửa sau khi ký."),
    ("signature-modified", "The document was changed after signing beyond form filling.",
     "Tệp {name} đã bị sửa sau khi {signer} ký ({detail}).", "Dùng đúng bản PDF đã ký, không sửa sau khi ký."),
]

REVIEW = [  # errors; a warning in check-pdf (like pdf-no-text-layer)
    ("pdf-pages-without-text", "Pages without a text layer in a PDF that has text elsewhere (scanned pages); "
     "an error without privacy_reviewed: true, a warning in check-pdf.",
     "Trang {pages} của tệp {name} không có lớp chữ (trang quét): không kiểm tra được thông tin cá nhân.",
     "Kiểm tra các trang quét đã che thông tin cá nhân, rồi ghi 'privacy_reviewed: true' trong tệp YAML."),
]

WARNINGS = [
    ("pdf-repaired", "pypdf cannot parse the file; pdfium rebuilt its cross-reference table and the gate read that copy.",
     "Tệp {name} bị hỏng cấu trúc (bảng tham chiếu): đã đọc được bằng cách sửa tạm, một số trình đọc có thể không mở được.",
     "Xuất lại văn bản ra PDF (hoặc in ra PDF) để có tệp lành."),
    ("pdf-identifiers-absent", "Neither the dossier code nor the letter number appears in the text layer.",
     "Lớp chữ của tệp {name} không có mã hồ sơ '{code}' hay số văn bản '{number}'.",
     "Kiểm tra đã đăng đúng văn bản của hồ sơ này."),
    ("signature-untrusted", "Signed and intact, but the chain does not reach a root in content/trust/.",
     "Chữ ký số của {signer} trong tệp {name} chưa được xác thực với chứng thư gốc tin cậy.",
     "Thêm chứng thư gốc của nhà cung cấp chữ ký số vào content/trust/ (tệp .pem)."),
    ("signature-unverified", "Signed and intact; no trust roots configured (content/trust/*.pem).",
     "Chữ ký số của {signer} trong tệp {name} nguyên vẹn nhưng chưa được xác thực (chưa có chứng thư gốc).",
     "Thêm chứng thư gốc tin cậy vào content/trust/ (tệp .pem)."),
]

TYPES: dict[str, ProblemType] = {**declare("error", ERRORS + REVIEW),
                                 **declare("warning", WARNINGS)}

# How each kind of personal data the scanner finds is named in messages (a kind not listed shows as is).
PRIVACY_KIND_LABELS = {
    "citizen-id": "số định danh cá nhân (CCCD/CMND)",
    "phone": "số điện thoại cá nhân",
    "email": "địa chỉ e-mail cá nhân",
    "person-name": "họ tên đầy đủ của cá nhân",
    "birth-date": "ngày sinh",
    "address": "địa chỉ cá nhân",
}
IN_REVISION = "{where}, bản {revision}/{revisions}"  # where a finding is: a PDF object of an earlier revision
