"""Problem codes of the PDF gate: structure, limits, active content, text layer, signatures.

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
`{name}` is the PDF's file name (filled by `problems.make`).
"""

from __future__ import annotations

from generator.strings import ProblemType, declare

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
    ("pdf-action", "The PDF carries a forbidden action (Launch, SubmitForm, ImportData, GoToE, media...).",
     "Tệp {name} chứa hành động bị cấm: {detail}.", "Xuất lại PDF không kèm hành động, biểu mẫu hay liên kết lạ."),
    ("pdf-embedded-file", "The PDF carries embedded files or file-attachment annotations.",
     "Tệp {name} có tệp đính kèm bên trong ({detail}).", "Gỡ tệp đính kèm rồi xuất lại PDF."),
    ("pdf-rich-media", "The PDF carries RichMedia, 3D or Screen content.",
     "Tệp {name} chứa nội dung đa phương tiện/3D ({detail}).", "Xuất lại PDF chỉ gồm văn bản và hình ảnh."),
    ("pdf-xfa", "The PDF carries an XFA form.",
     "Tệp {name} chứa biểu mẫu XFA.", "In biểu mẫu ra PDF thường rồi tải lên."),
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
    # --- signatures -----------------------------------------------------------------------------
    ("signature-broken", "A digital signature is not intact (the signed bytes changed).",
     "Chữ ký số của {signer} trong tệp {name} không còn nguyên vẹn.",
     "Dùng đúng bản PDF đã ký, không sửa sau khi ký."),
    ("signature-modified", "The document was changed after signing beyond form filling.",
     "Tệp {name} đã bị sửa sau khi {signer} ký ({detail}).", "Dùng đúng bản PDF đã ký, không sửa sau khi ký."),
]

WARNINGS = [
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

TYPES: dict[str, ProblemType] = {**declare("error", ERRORS), **declare("warning", WARNINGS)}
