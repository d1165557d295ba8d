"""Vietnamese strings of the compliance reports (pages, CLI output, agency section)."""

from __future__ import annotations

from generator.strings.glossary import LABELS

# --- periods ----------------------------------------------------------------------------------------
ROMAN = ("I", "II", "III", "IV")
PERIOD_WEEK = "Tuần {week}/{year} ({start}–{end})"
PERIOD_MONTH = "Tháng {month}/{year}"
PERIOD_QUARTER = "Quý {roman}/{year}"
PERIOD_HALF_1 = "6 tháng đầu năm {year}"
PERIOD_HALF_2 = "6 tháng cuối năm {year}"
PERIOD_NINE = "9 tháng năm {year}"
PERIOD_YEAR = "Năm {year}"
KIND_LABELS = {"week": "Tuần", "month": "Tháng", "quarter": "Quý", "half": "6 tháng", "nine": "9 tháng",
               "year": "Năm"}
KIND_TITLES = {"week": "Báo cáo tuần", "month": "Báo cáo tháng", "quarter": "Báo cáo quý",
               "half": "Báo cáo 6 tháng", "nine": "Báo cáo 9 tháng", "year": "Báo cáo năm"}
SCHEME_NOTES = {
    "calendar": "Kỳ theo lịch (tháng, quý, năm dương lịch).",
    "statistical": "Kỳ chốt số liệu theo Điều 12 Nghị định số 09/2019/NĐ-CP: từ ngày 15 của tháng trước kỳ "
                   "báo cáo đến ngày 14 của tháng cuối kỳ.",
}
SCHEME_WEEK = "Tuần từ thứ Hai đến Chủ nhật (Nghị định số 09/2019/NĐ-CP không quy định thời gian chốt số liệu tuần)."

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
    "không tính được tỷ lệ hồ sơ quá hạn có văn bản xin lỗi và danh sách hồ sơ thiếu văn bản xin lỗi."
)
REPORT_RULES = (
    "Văn bản xin lỗi được tính vào kỳ có ngày ban hành; hồ sơ quá hạn được tính vào kỳ có ngày hẹn trả. "
    "Cách tính từng số liệu: trang Giải thích số liệu."
)
REPORT_REASSIGNED = ("{count} hồ sơ quá hạn có hạn trả sau ngày cơ quan giải quyết kết thúc hoạt động được tính cho "
                     "cơ quan kế nhiệm: {moves}.")
REPORT_MOVE = "{count} hồ sơ của {old} → {new}"
PRINT_BUTTON = "In báo cáo"
SIGNATURE_BLOCK = ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ")
SIGNATURE_HINT = "(Ký, ghi rõ họ tên)"

H_SUMMARY = "Tổng hợp"
H_CHANGE = "So với kỳ trước và cùng kỳ năm trước"
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
PERCENT_POINTS = " điểm phần trăm"
SUCCESSOR = "kế nhiệm: {name}"
TOTAL = "Tổng cộng"
NOT_APPLICABLE = "—"

# Column headings of the agency table, by figure key (same keys as the JSON and the CSV).
COLUMNS = {"agency_name": "Cơ quan", **LABELS}  # every figure's name comes from the glossary
REASONS_AGENCY = "Cơ quan"
MISSING_COLUMNS = ("Mã hồ sơ", "Cơ quan", "Thủ tục", "Ngày hẹn trả", LABELS["days_overdue"], "Đã trả kết quả")
WARNING_COLUMNS = ("Loại", "Mã hồ sơ", "Cơ quan", "Chi tiết")
CHANGE_COLUMNS = ("Chỉ tiêu", "Kỳ này", "Kỳ trước", "Thay đổi", "Cùng kỳ năm trước", "Thay đổi so với cùng kỳ")
CHANGE_ROWS = {key: LABELS[key] for key in ("overdue", "letters", "coverage", "missing", "in_time")}
YES = "Có"
NO = "Chưa"

CHART_LETTERS = "Văn bản xin lỗi và hồ sơ quá hạn theo cơ quan"
CHART_COVERAGE = "Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi theo cơ quan (%)"
CHART_REASONS = "Số văn bản xin lỗi theo lý do chậm trễ"
LEGEND_REASONS = "Số văn bản"
CHART_GROUP = "Nhóm"
CHART_TABLE = "Số liệu của biểu đồ"
GLOSSARY_LINK = "Giải thích số liệu"
DOCX_LINK = "Tải văn bản báo cáo (Word)"
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
AGENCY_COVERAGE_HTML = (LABELS["coverage"] + ": {coverage} ({covered}/{overdue} hồ sơ quá hạn có văn bản xin lỗi), "
                        "tính đến ngày {as_of}.")
AGENCY_NO_OVERDUE = "Phần mềm một cửa không ghi nhận hồ sơ quá hạn nào của cơ quan này (tính đến ngày {as_of})."
AGENCY_MISSING_COUNT_HTML = (LABELS["missing"] + " (chưa có văn bản sau {grace} ngày làm việc kể từ ngày hẹn trả): "
                             "{count}.")
AGENCY_MISSING_COLUMNS = ("Mã hồ sơ", "Thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", LABELS["days_overdue"],
                          "Đã trả kết quả")
AGENCY_REPORTS = "Xem các báo cáo định kỳ"
AGENCY_ONTIME = (LABELS["on_time_rate"] + ": {rate} ({on_time}/{resolved} hồ sơ đã giải quyết); "
                 + LABELS["late_coverage"] + ": {coverage} ({with_letter}/{late}), tính đến ngày {as_of}.")

# --- CLI --------------------------------------------------------------------------------------------
CLI_BAD_PERIOD = ("Kỳ báo cáo không hợp lệ: '{value}' (dùng 2018-W19, 2018-05, 2018-Q2, 2018-H1, 2018-9T hoặc 2018; "
                  "thêm -TK để lấy kỳ chốt số liệu theo Nghị định 09/2019/NĐ-CP, ví dụ 2018-05-TK).")
CLI_SCHEME_USED = "Kỳ báo cáo {period}: từ {start} đến {end}. {note}"
CLI_UNKNOWN_UNIT = "Không có cơ quan/đơn vị '{value}' trong agencies.yml."

# --- consistency warning details --------------------------------------------------------------------
DATE_FIELDS = {"received_on": "ngày tiếp nhận", "due_on": "ngày hẹn trả", "returned_on": "ngày trả kết quả"}
DISAGREE_PART = "{field}: phần mềm {register}, văn bản {letter}"
DISAGREE_DETAIL = "không khớp với văn bản số {letter} ({parts})"

# --- on-time figures (register export of every dossier) ---------------------------------------------
H_ONTIME = "Tiến độ giải quyết hồ sơ"
H_ONTIME_AGENCIES = "Theo cơ quan (xếp theo tỷ lệ giải quyết đúng hạn)"
H_ONTIME_SECTORS = "Theo lĩnh vực"
H_ONTIME_PROCEDURES = "Theo thủ tục hành chính"
H_ONTIME_CHANNELS = "Theo hình thức tiếp nhận"
ONTIME_RANK = "Hạng"
ONTIME_GROUP = {"agency": "Cơ quan", "sector": "Lĩnh vực", "procedure": "Thủ tục", "channel": "Hình thức"}
CHANNELS = {"online": "Trực tuyến", "in-person": "Trực tiếp", "": "Không ghi"}
NO_SECTOR = "(không ghi lĩnh vực)"
ONTIME_UNAVAILABLE = ("Dữ liệu phần mềm một cửa (register/*.csv) chỉ có hồ sơ quá hạn, nên báo cáo không tính được: "
                      "{figures}. Để có các số liệu này, xuất mọi hồ sơ tiếp nhận và đặt reports.register_export: all "
                      "trong portal.yml.")

# --- the report as a document (Decree 30/2020/NĐ-CP layout) -------------------------------------------
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")  # the national motto of a document
DOC_DATE = "ngày {day} tháng {month} năm {year}"
DOC_NUMBER = "Số:        /{prefix}"
DOC_KIND = "BÁO CÁO"
DOC_ABSTRACT = "Tình hình xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn {period} ({scope})"
DOC_ARCHIVE = "- Lưu: VT."
DOC_RECIPIENTS = "Nơi nhận:"
DOC_SIGNATURE_HINT = "(Ký, ghi rõ họ tên, đóng dấu)"
DOC_PERIOD = "I. KỲ BÁO CÁO"
DOC_HEADLINE = "II. SỐ LIỆU CHÍNH"
DOC_AGENCIES = "III. SỐ LIỆU THEO CƠ QUAN"
DOC_ONTIME = "IV. TIẾN ĐỘ GIẢI QUYẾT HỒ SƠ"
DOC_REASONS = "V. LÝ DO CHẬM TRỄ"
DOC_CHARTS = "Biểu đồ"
DOC_DEFINITIONS = "Cách tính các số liệu: xem trang Giải thích số liệu của cổng ({url})."
