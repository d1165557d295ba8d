"""Problem codes of scanned pages read by OCR (generator/checks/pdfgate/ocr.py, scan_checks.py).

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
`{name}` is the PDF's file name (filled by `problems.make`), `{page}` the scanned page (from 1).
"""

from __future__ import annotations

from generator.strings.catalog import ProblemType, declare

ERRORS = [
    ("privacy-scan-citizen-id", "OCR of a scanned page reads a citizen ID number.",
     "Trang {page} của bản quét {name} (máy đọc) có số định danh cá nhân (CCCD/CMND): '{value}'.",
     "Che số định danh trên bản giấy hoặc trên ảnh quét rồi quét/xuất lại PDF; "
     "'privacy_reviewed: true' không bỏ qua được lỗi này."),
    ("privacy-scan-phone", "OCR of a scanned page reads a personal phone number.",
     "Trang {page} của bản quét {name} (máy đọc) có số điện thoại cá nhân: '{value}'.",
     "Che số điện thoại (trừ số của cơ quan) rồi quét/xuất lại PDF; "
     "'privacy_reviewed: true' không bỏ qua được lỗi này."),
    ("privacy-scan-email", "OCR of a scanned page reads a personal e-mail address.",
     "Trang {page} của bản quét {name} (máy đọc) có địa chỉ e-mail cá nhân: '{value}'.",
     "Che địa chỉ e-mail (trừ e-mail của cơ quan) rồi quét/xuất lại PDF; "
     "'privacy_reviewed: true' không bỏ qua được lỗi này."),
    ("privacy-scan-person-name", "OCR of a scanned page reads an individual's full name (e.g. the recipient, unmasked).",
     "Trang {page} của bản quét {name} (máy đọc) có họ tên đầy đủ của cá nhân: '{value}'.",
     "Che họ tên (chỉ để chữ cái đầu, ví dụ 'Ông N.V.A.') rồi quét/xuất lại PDF; "
     "'privacy_reviewed: true' không bỏ qua được lỗi này."),
    ("privacy-scan-birth-date", "OCR of a scanned page reads a person's date of birth.",
     "Trang {page} của bản quét {name} (máy đọc) có ngày sinh của cá nhân: '{value}'.",
     "Che ngày sinh rồi quét/xuất lại PDF; 'privacy_reviewed: true' không bỏ qua được lỗi này."),
    ("privacy-scan-address", "OCR of a scanned page reads a person's address.",
     "Trang {page} của bản quét {name} (máy đọc) có địa chỉ của cá nhân: '{value}'.",
     "Che địa chỉ (số nhà, đường, thôn/tổ) rồi quét/xuất lại PDF; 'privacy_reviewed: true' không bỏ qua được lỗi này."),
    ("privacy-scan-personal", "OCR of a scanned page reads other personal data (a kind the privacy scan added).",
     "Trang {page} của bản quét {name} (máy đọc) có thông tin cá nhân ({kind}): '{value}'.",
     "Che thông tin cá nhân này rồi quét/xuất lại PDF; 'privacy_reviewed: true' không bỏ qua được lỗi này."),
]

WARNINGS = [
    ("ocr-low-confidence", "OCR read a scanned page with low confidence: a person must review it.",
     "Máy chỉ đọc được trang {page} của bản quét {name} với độ tin cậy {confidence}% ({words} từ): "
     "có thể còn thông tin cá nhân mà máy không nhận ra.",
     "Xem lại trang này bằng mắt (đã che thông tin cá nhân chưa); nếu được, quét lại rõ hơn (300 dpi, thẳng trang)."),
    ("ocr-identifiers-absent", "Neither the dossier code nor the letter number is in the OCR text of the scan.",
     "Văn bản máy đọc từ bản quét {name} không có mã hồ sơ '{code}' hay số văn bản '{number}'.",
     "Kiểm tra đã đăng đúng văn bản của hồ sơ này (máy có thể đọc sai: so với bản quét)."),
    ("ocr-unavailable", "Tesseract (with the Vietnamese model) is not installed: scans are not read.",
     "Máy kiểm tra chưa cài Tesseract (gói tesseract-ocr, tesseract-ocr-vie): {count} bản quét không được đọc, "
     "thông tin cá nhân trong ảnh quét chưa được máy kiểm tra (ví dụ {name}).",
     "Cài gói tesseract-ocr và tesseract-ocr-vie (make site hoặc scripts/site-deps.sh với quyền root); "
     "đến khi đó biên tập viên phải tự xem từng bản quét (privacy_reviewed: true)."),
]

TYPES: dict[str, ProblemType] = {**declare("error", ERRORS), **declare("warning", WARNINGS)}
