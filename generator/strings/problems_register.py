"""Problem codes for register/*.csv (overdue dossiers exported from the one-stop software).

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
The consistency warnings (`register-letter-not-in-register`, `register-dates-disagree`,
`register-returned-but-promised`) compare letters with the register; they appear on reports.
"""

from __future__ import annotations

from generator.strings.catalog import ProblemType, declare

ERRORS = [
    ("register-encoding", "A register CSV is not valid UTF-8.",
     "Tệp CSV không phải mã UTF-8 ({detail}).", "Xuất lại tệp từ phần mềm một cửa với mã hóa UTF-8."),
    ("register-syntax", "A register CSV does not parse (e.g. an unclosed quote).",
     "Lỗi cú pháp CSV: {detail}.", "Kiểm tra dấu ngoặc kép và dấu phẩy ở dòng được chỉ ra."),
    ("register-empty", "A register CSV has no header row.",
     "Tệp CSV trống, thiếu dòng tiêu đề.", "Dòng đầu tiên phải là: {columns}."),
    ("register-column-missing", "A required column is missing from the header row.",
     "Thiếu cột bắt buộc '{column}' trong dòng tiêu đề.", "Dòng tiêu đề phải có các cột: {columns}."),
    ("register-column-duplicate", "A column appears twice in the header row.",
     "Cột '{column}' bị lặp lại trong dòng tiêu đề.", "Xóa cột trùng."),
    ("register-row-width", "A row has a different number of fields than the header.",
     "Dòng có {found} trường, dòng tiêu đề có {expected} cột.", "Kiểm tra dấu phẩy thừa/thiếu; đặt trong ngoặc kép giá trị có dấu phẩy."),
    ("register-field-empty", "A required value is empty.",
     "Cột '{field}' không được để trống.", "Điền giá trị cho cột."),
    ("register-date-invalid", "A date is not a valid ISO date YYYY-MM-DD.",
     "Cột '{field}' phải là ngày dạng YYYY-MM-DD (ví dụ 2018-05-04), nhận được '{value}'.",
     "Xuất ngày theo dạng năm-tháng-ngày."),
    ("register-dossier-code-pattern", "The dossier code does not match the portal's pattern.",
     "Mã hồ sơ '{value}' không đúng mẫu (ví dụ 000.00.21.H17-180420-0012).", "Kiểm tra mã hồ sơ trong phần mềm một cửa."),
    ("register-agency-unknown", "The row names an agency not in agencies.yml.",
     "Cơ quan '{agency}' không có trong danh mục agencies.yml.", "Dùng mã cơ quan trong agencies.yml."),
    ("register-agency-not-valid", "The agency did not exist when the dossier was received.",
     "Cơ quan '{agency}' không hoạt động vào ngày tiếp nhận {day} (hiệu lực {window}).",
     "Kiểm tra ngày tiếp nhận hoặc dùng cơ quan kế nhiệm."),
    ("register-dates-order", "received_on is after due_on.",
     "Ngày tiếp nhận ({received_on}) sau ngày hẹn trả ({due_on}).", "Kiểm tra hai ngày này."),
    ("register-returned-not-after-due", "returned_on is not after due_on: the dossier was not overdue.",
     "Ngày trả kết quả ({returned_on}) không sau ngày hẹn trả ({due_on}): hồ sơ không quá hạn.",
     "Chỉ xuất các hồ sơ quá hạn, hoặc đặt reports.register_export: all trong portal.yml nếu tệp có mọi hồ sơ."),
    ("register-channel-invalid", "The channel column holds an unknown value.",
     "Cột 'channel' có giá trị '{value}' không hợp lệ.",
     "Ghi một trong các giá trị: {choices} (trực tuyến, trực tiếp), hoặc để trống."),
    ("register-date-in-future", "received_on or returned_on is after the build date.",
     "Cột '{field}' ({value}) sau ngày hôm nay ({today}).", "Sửa ngày; ngày này không thể ở tương lai."),
    ("register-duplicate", "The same dossier code appears in two register rows.",
     "Mã hồ sơ '{value}' đã có ở {other}.", "Mỗi hồ sơ chỉ xuất một dòng."),
    ("register-text-not-nfc", "Text is not Unicode NFC (decomposed tone marks).",
     "Cột '{field}' dùng dấu tổ hợp (không phải Unicode dựng sẵn NFC).",
     "Xuất lại tệp bằng Unicode dựng sẵn hoặc chuyển mã sang NFC."),
    ("register-text-legacy-encoding", "Text looks like TCVN3/VNI mojibake.",
     "Cột '{field}' có vẻ dùng bảng mã cũ ({encoding}): '{sample}'.",
     "Chuyển mã sang Unicode (ví dụ bằng Unikey) rồi xuất lại."),
]

WARNINGS = [
    ("register-column-unknown", "The header has a column the generator does not read.",
     "Cột '{column}' không được sử dụng.", "Có thể bỏ cột này khi xuất dữ liệu."),
    ("register-not-overdue-yet", "due_on is not before the build date, and the dossier is not returned.",
     "Hồ sơ chưa quá hạn: ngày hẹn trả {due_on} chưa qua (hôm nay {today}).",
     "Chỉ xuất các hồ sơ đã quá hạn, hoặc đặt reports.register_export: all trong portal.yml nếu tệp có mọi hồ sơ."),
    ("register-letter-not-in-register", "A letter's dossier is not in the register.",
     "Hồ sơ '{value}' có văn bản xin lỗi nhưng không có trong dữ liệu phần mềm một cửa.",
     "Kiểm tra mã hồ sơ, hoặc cập nhật hồ sơ quá hạn trong phần mềm."),
    ("register-dates-disagree", "A register row's dates disagree with its letter.",
     "Hồ sơ '{value}': {detail}.", "Đối chiếu ngày trong văn bản với phần mềm một cửa."),
    ("register-returned-but-promised", "The register says returned, the letter still promises a new date.",
     "Hồ sơ '{value}' đã trả kết quả ngày {returned_on} theo phần mềm, nhưng văn bản vẫn hẹn ngày {new_due_on}.",
     "Bổ sung returned_on vào văn bản (ghi đính chính nếu đã công khai)."),
]

TYPES: dict[str, ProblemType] = {**declare("error", ERRORS), **declare("warning", WARNINGS)}
