"""Problem codes of the 2025 reform and the 2026 rules: the official calendar, agencies through
the reform (levels with validity, several successors, official identifiers), personal data in
free text (names, birth dates, addresses) and sensitive procedures.

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
"""

from __future__ import annotations

from generator.strings.catalog import ProblemType, declare

ERRORS = [
    ("agency-code-needs-namespace", "A plain agency code that exists only inside namespaces (merged archives).",
     "Mã cơ quan '{code}' chỉ có trong các vùng mã: {candidates}.",
     "Ghi mã đầy đủ <vùng mã>.<mã>, ví dụ '{example}' (với văn bản: cả thư mục letters/<năm>/{example}/)."),
    ("agency-level-ended", "The agency's level no longer existed on the letter's date (e.g. district level after 30/6/2025).",
     "Cấp '{level}' của cơ quan '{agency}' chỉ còn đến {level_to}; văn bản ngày {day} không thể do cấp này ban hành{successors}.",
     "Kiểm tra ngày ban hành, hoặc ghi văn bản cho cơ quan kế nhiệm."),
    ("privacy-person-name", "A free-text field or the PDF text holds an individual's full name.",
     "Trường '{field}' có họ tên đầy đủ của một cá nhân.",
     "Viết tắt tên (ví dụ 'Ông N.V.A.') hoặc bỏ tên khỏi văn bản công khai."),
    ("privacy-birth-date", "A free-text field or the PDF text holds a birth date.",
     "Trường '{field}' có ngày/năm sinh.", "Xóa ngày sinh khỏi văn bản công khai."),
    ("privacy-address", "A free-text field or the PDF text holds a personal address.",
     "Trường '{field}' có địa chỉ cá nhân.", "Xóa địa chỉ khỏi văn bản công khai (chỉ giữ xã/phường nếu cần)."),
    ("privacy-pdf-person-name", "An individual's full name appears in the PDF's text layer.",
     "Văn bản PDF có họ tên đầy đủ của cá nhân ({value}).",
     "Che tên trong bản công khai (viết tắt, ví dụ 'Ông N.V.A.'); tên người ký của cơ quan được phép."),
    ("privacy-pdf-birth-date", "A birth date appears in the PDF's text layer.",
     "Văn bản PDF có ngày/năm sinh ({value}).", "Che ngày sinh trong bản công khai."),
    ("privacy-pdf-address", "A personal address appears in the PDF's text layer.",
     "Văn bản PDF có địa chỉ cá nhân ({value}).", "Che địa chỉ trong bản công khai."),
    ("privacy-household-business", "A household business or sole trader (a person) is published unmasked.",
     "Người nhận '{value}' là hộ kinh doanh/cá nhân kinh doanh: đây là cá nhân, phải viết tắt tên.",
     "Ghi recipient.kind: individual và viết tắt tên, ví dụ 'Hộ kinh doanh N.V.A.'."),
]

WARNINGS = [
    ("registry-code-in-namespaces", "One plain agency code is used by agencies of several namespaces.",
     "Mã '{code}' dùng cho {count} cơ quan ở các vùng mã khác nhau: {codes}.",
     "Đúng khi gộp kho lưu trữ của nhiều tỉnh: văn bản, sổ theo dõi và tham chiếu phải ghi mã đầy đủ, "
     "ví dụ '{example}'."),
    ("calendar-year-not-covered", "Letters fall in a year the shipped official calendar does not cover.",
     "Năm {year} chưa có trong lịch nghỉ lễ chính thức đi kèm (có các năm {covered}); số ngày làm việc dùng lịch mặc định.",
     "Cập nhật generator/data/calendar-vn.yml theo thông báo nghỉ lễ của năm, hoặc khai báo trong calendar: của portal.yml."),
    ("dossier-code-other-agency", "The dossier code's agency prefix does not belong to the letter's agency.",
     "Mã hồ sơ '{value}' không mang tiền tố của cơ quan '{agency}' ({prefixes}).",
     "Kiểm tra mã hồ sơ hoặc cơ quan ban hành; khai báo dossier_prefixes của cơ quan trong agencies.yml."),
    ("privacy-sensitive-procedure", "The letter's procedure is on the portal's list of sensitive procedures.",
     "Thủ tục '{procedure}' thuộc danh mục nhạy cảm: văn bản phải được rà soát thông tin cá nhân.",
     "Rà soát bản PDF và ghi privacy_reviewed: true."),
]

SUCCESSOR_CLAUSE = "; cơ quan kế nhiệm: {names}"

TYPES: dict[str, ProblemType] = {**declare("error", ERRORS), **declare("warning", WARNINGS)}
