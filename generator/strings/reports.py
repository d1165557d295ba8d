"""Vietnamese strings of the compliance reports (pages, CLI output, agency section)."""

from __future__ import annotations

# --- periods ----------------------------------------------------------------------------------------
ROMAN = ("I", "II", "III", "IV")
PERIOD_WEEK = "Tuần {week}/{year} ({start}–{end})"
PERIOD_MONTH = "Tháng {month}/{year}"
PERIOD_QUARTER = "Quý {roman}/{year}"
PERIOD_HALF_1 = "6 tháng đầu năm {year}"
PERIOD_HALF_2 = "6 tháng cuối năm {year}"
PERIOD_YEAR = "Năm {year}"
KIND_LABELS = {"week": "Tuần", "month": "Tháng", "quarter": "Quý", "half": "6 tháng", "year": "Năm"}
KIND_TITLES = {"week": "Báo cáo tuần", "month": "Báo cáo tháng", "quarter": "Báo cáo quý",
               "half": "Báo cáo 6 tháng", "year": "Báo cáo năm"}

# --- report pages -----------------------------------------------------------------------------------
NAV_TITLE = "Báo cáo"
INDEX_TITLE = "Báo cáo tình hình xin lỗi hồ sơ quá hạn"
INDEX_INTRO = (
    "Báo cáo định kỳ về việc các cơ quan gửi văn bản xin lỗi cho hồ sơ giải quyết quá hạn, "
    "theo tuần, tháng, quý, 6 tháng và năm; cho toàn địa bàn và cho từng đơn vị theo dõi. "
    "Số liệu tính đến ngày {as_of}."
)
INDEX_NO_DATA = "Chưa có dữ liệu để lập báo cáo."
INDEX_LATEST = "Kỳ báo cáo gần nhất"
INDEX_YEARS = "Báo cáo theo năm"
INDEX_YEAR = "Năm"
INDEX_YEAR_PERIODS = "Các kỳ trong năm"
INDEX_YEAR_LINK = "Tuần, tháng, quý, 6 tháng năm {year}"
YEAR_INDEX_TITLE = "Các kỳ báo cáo năm {year}"
YEAR_INDEX_INTRO = (
    "Báo cáo 6 tháng, quý, tháng và tuần của năm {year}; cho toàn địa bàn và cho từng đơn vị theo dõi. "
    "Số liệu tính đến ngày {as_of}."
)
INDEX_PERIOD = "Kỳ báo cáo"
VIEW = "Xem"
WHOLE_PORTAL = "Toàn tỉnh"  # default only: the site uses portal.yml `locality` (Locality.scope_label)
REPORT_TITLE = "{kind} — {period}"
REPORT_SCOPE = "Phạm vi: {unit}."
REPORT_SCOPE_UNIT = "Phạm vi: các cơ quan do {unit} theo dõi."
REPORT_PERIOD = "Kỳ báo cáo: {period}, từ {start} đến {end}."
REPORT_AS_OF = "Số liệu tính đến ngày {as_of}."
REPORT_PARTIAL = "Kỳ báo cáo chưa kết thúc: số liệu chưa đầy đủ."
REPORT_CSV = "Tải bảng số liệu (CSV)"
REPORT_PREVIOUS = "Kỳ trước"
REPORT_NEXT = "Kỳ sau"
REPORT_NO_REGISTER = (
    "Chưa có dữ liệu hồ sơ quá hạn từ phần mềm một cửa (register/*.csv): "
    "không tính được tỷ lệ xin lỗi và danh sách hồ sơ thiếu văn bản."
)
REPORT_RULES = (
    "Văn bản xin lỗi được tính vào kỳ có ngày ban hành; hồ sơ quá hạn được tính vào kỳ có ngày hẹn trả. "
    "Tỷ lệ xin lỗi = số hồ sơ quá hạn đã có văn bản ÷ số hồ sơ quá hạn. "
    "Hồ sơ thiếu văn bản: quá hạn hơn {grace} ngày làm việc mà chưa có văn bản xin lỗi "
    "(văn bản xin lỗi phải có trước ngày hẹn trả; hồ sơ quá hạn trong số ngày này ghi là chưa nhận được bản sao). "
    "Văn bản đúng hạn: ban hành trước ngày hẹn trả ít nhất {lead} ngày làm việc."
)
REPORT_REASSIGNED = ("{count} hồ sơ quá hạn có hạn trả sau ngày cơ quan giải quyết kết thúc hoạt động được tính cho "
                     "cơ quan kế nhiệm: {moves}.")
REPORT_MOVE = "{count} hồ sơ của {old} → {new}"
PRINT_BUTTON = "In báo cáo"
SIGNATURE_BLOCK = ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ")
SIGNATURE_HINT = "(Ký, ghi rõ họ tên)"

H_SUMMARY = "Tổng hợp"
H_CHANGE = "So với kỳ trước"
H_AGENCIES = "Số liệu theo cơ quan"
H_REASONS = "Lý do chậm trễ"
H_MISSING = "Hồ sơ quá hạn chưa có văn bản xin lỗi"
H_WARNINGS = "Chưa khớp với phần mềm một cửa"
H_CHARTS = "Biểu đồ"

# A long list on a report page shows its first rows only; the full list is a CSV beside the page.
LIST_NOUNS = {"missing": "hồ sơ", "warnings": "trường hợp"}
LIST_SHOWN = "Hiển thị {shown} / {total} {noun}"
LIST_ALL = "{total} {noun}"
LIST_CSV_FULL = "tải danh sách đầy đủ (CSV)"
LIST_CSV = "tải danh sách (CSV)"
LIST_PRINT_NOTE = "Danh sách đầy đủ: tệp {name}, tải tại trang báo cáo này trên cổng thông tin."

NO_MISSING = "Không có hồ sơ nào quá hạn mà thiếu văn bản xin lỗi."
NO_WARNINGS = "Dữ liệu văn bản khớp với phần mềm một cửa."
NO_AGENCIES = "Không có cơ quan nào trong phạm vi này."
HISTORICAL = "(ngừng hoạt động sau ngày {day})"
PERCENT_POINTS = " điểm %"
SUCCESSOR = "kế nhiệm: {name}"
TOTAL = "Tổng cộng"
NOT_APPLICABLE = "—"

# Column headings of the agency table, by figure key (same keys as the JSON and the CSV).
COLUMNS = {
    "agency_name": "Cơ quan",
    "overdue": "Hồ sơ quá hạn",
    "covered": "Đã có văn bản",
    "coverage": "Tỷ lệ xin lỗi",
    "missing": "Thiếu văn bản",
    "pending": "Chưa nhận được bản sao",
    "letters": "Văn bản xin lỗi",
    "in_time": "Văn bản đúng hạn",
    "median_days_late": "Trễ trung vị (ngày LV)",
    "max_days_late": "Trễ tối đa (ngày LV)",
    "median_publication_days": "Công khai sau (ngày LV, trung vị)",
}
REASONS_AGENCY = "Cơ quan"
MISSING_COLUMNS = ("Mã hồ sơ", "Cơ quan", "Thủ tục", "Ngày hẹn trả", "Quá hạn (ngày LV)", "Đã trả kết quả")
WARNING_COLUMNS = ("Loại", "Mã hồ sơ", "Cơ quan", "Chi tiết")
CHANGE_COLUMNS = ("Chỉ tiêu", "Kỳ này", "Kỳ trước", "Thay đổi")
CHANGE_ROWS = {
    "overdue": "Hồ sơ quá hạn",
    "letters": "Văn bản xin lỗi",
    "coverage": "Tỷ lệ xin lỗi",
    "missing": "Thiếu văn bản",
    "in_time": "Văn bản đúng hạn",
}
YES = "Có"
NO = "Chưa"

CHART_LETTERS = "Văn bản xin lỗi và hồ sơ quá hạn theo cơ quan"
CHART_COVERAGE = "Tỷ lệ xin lỗi theo cơ quan (%)"
CHART_REASONS = "Văn bản theo lý do chậm trễ"
LEGEND_OVERDUE = "Hồ sơ quá hạn"
LEGEND_LETTERS = "Văn bản xin lỗi"

# --- consistency warnings (kinds shown in the report's table) -----------------------------------------
WARNING_KINDS = {
    "register-letter-not-in-register": "Văn bản không có trong phần mềm",
    "register-dates-disagree": "Ngày không khớp",
    "register-returned-but-promised": "Đã trả nhưng văn bản còn hẹn",
}

# --- agency page section ----------------------------------------------------------------------------
AGENCY_H = "Tình hình xin lỗi hồ sơ quá hạn"
AGENCY_COVERAGE_HTML = "Tỷ lệ xin lỗi: {coverage} ({covered}/{overdue} hồ sơ quá hạn có văn bản xin lỗi), tính đến ngày {as_of}."
AGENCY_NO_OVERDUE = "Phần mềm một cửa không ghi nhận hồ sơ quá hạn nào của cơ quan này (tính đến ngày {as_of})."
AGENCY_MISSING_COUNT_HTML = "Hồ sơ quá hạn hơn {grace} ngày làm việc mà chưa có văn bản xin lỗi: {count}."
AGENCY_MISSING_COLUMNS = ("Mã hồ sơ", "Thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Quá hạn (ngày LV)", "Đã trả kết quả")
AGENCY_REPORTS = "Xem các báo cáo định kỳ"

# --- CLI --------------------------------------------------------------------------------------------
CLI_BAD_PERIOD = "Kỳ báo cáo không hợp lệ: '{value}' (dùng 2018-W19, 2018-05, 2018-Q2, 2018-H1 hoặc 2018)."
CLI_UNKNOWN_UNIT = "Không có cơ quan/đơn vị '{value}' trong agencies.yml."

# --- consistency warning details --------------------------------------------------------------------
DATE_FIELDS = {"received_on": "ngày tiếp nhận", "due_on": "ngày hẹn trả", "returned_on": "ngày trả kết quả"}
DISAGREE_PART = "{field}: phần mềm {register}, văn bản {letter}"
DISAGREE_DETAIL = "không khớp với văn bản số {letter} ({parts})"
