"""Every Vietnamese text of the public site (page titles, labels, explanations, open-data dictionary).

Plain strings; `{name}` placeholders are filled with `str.format` by the renderer *before* escaping,
so a placeholder never carries markup. Multi-paragraph texts are tuples of paragraphs.
"""

from __future__ import annotations

from generator.strings.glossary import LABELS

# --- navigation and page titles -------------------------------------------------------------------
NAV_HOME = "Trang chủ"
NAV_AGENCIES = "Cơ quan"
NAV_LETTERS = "Văn bản theo năm"
NAV_DATA = "Dữ liệu mở"
NAV_ABOUT = "Giới thiệu"

TITLE_AGENCIES = "Các cơ quan và mức độ tuân thủ"
TITLE_LETTERS = "Văn bản xin lỗi theo năm"
TITLE_YEAR = "Văn bản xin lỗi năm {year}"
TITLE_AGENCY_YEAR = "{agency}: văn bản năm {year}"
TITLE_LETTER = "Văn bản {number} — {agency}"
TITLE_DATA = "Dữ liệu mở và từ điển dữ liệu"
TITLE_ABOUT = "Về dữ liệu này"
PAGE_N = "trang {page}/{pages}"

# --- letter page ----------------------------------------------------------------------------------
L_RECORD = "Thông tin văn bản"
L_NUMBER = "Số, ký hiệu"
L_HEADING = "Văn bản xin lỗi số {number}"
L_HEADING_AGENCY = "của {agency}"
L_ISSUED_ON = "Ngày ban hành"
L_AGENCY = "Cơ quan ban hành"
L_SIGNER = "Người ký"
L_RECIPIENT = "Kính gửi"
L_RECIPIENT_KIND = {"individual": "cá nhân", "organization": "tổ chức"}
L_DOSSIER_CODE = "Mã hồ sơ"
L_PROCEDURE = "Thủ tục hành chính"
L_PROCEDURE_CODE = "Mã thủ tục"
L_RECEIVED_ON = "Ngày tiếp nhận"
L_DUE_ON = "Ngày hẹn trả ban đầu"
L_NEW_DUE_ON = "Ngày hẹn trả mới"
L_RETURNED_ON = "Ngày trả kết quả"
L_NOT_RETURNED = "Chưa trả kết quả"
L_REASON = "Lý do chậm"
L_DAYS_LATE = "Số ngày làm việc trễ hạn"
L_DAYS_LATE_VALUE = "{days} ngày làm việc"
L_DAYS_LATE_OPEN = "{days} ngày làm việc (tính đến ngày hẹn trả mới, hồ sơ chưa trả kết quả)"
L_IN_TIME = LABELS["in_time"]
L_IN_TIME_YES = "Có: ban hành trước ngày hẹn trả ban đầu ít nhất {lead} ngày làm việc, đúng quy định"
L_IN_TIME_NO = ("Không: ban hành quá muộn; quy định yêu cầu ban hành trước ngày hẹn trả ban đầu "
                "ít nhất {lead} ngày làm việc")
L_DAYS_LATE_HINT = ("Ngày làm việc là thứ Hai đến thứ Sáu, trừ ngày lễ, Tết; đếm từ sau ngày hẹn trả ban đầu "
                    "đến ngày trả kết quả.")
L_HOW_COUNTED = "Cách tính"
L_SEARCH = "Tìm văn bản khác (theo mã hồ sơ, thủ tục, cơ quan)"
CRUMBS = "Vị trí trang"
L_NEW_DATE_MISSED = "Trễ cả ngày hẹn trả mới"
L_PUBLISHED_ON = "Ngày công khai"
L_SIGNATURE = "Chữ ký số"
SIG_NONE = "Không có chữ ký số (bản chụp có đóng dấu)"
SIG_VALID = "Hợp lệ, chứng thư được tin cậy"
SIG_UNTRUSTED = "Nguyên vẹn, nhưng chứng thư chưa được xác thực"
SIG_BROKEN = "Không nguyên vẹn: tệp đã bị sửa sau khi ký"
SIG_BY = "người ký: {signer}"
SIG_UNKNOWN = "Chưa kiểm tra"
L_DOCUMENT = "Văn bản gốc"
L_DOWNLOAD = "Tải văn bản (PDF, {size}{pages})"
L_PAGES = ", {pages} trang"
L_SHA256 = "Mã băm SHA-256"
L_PDF_INLINE = "Văn bản {number} (PDF)"
L_CORRECTIONS = "Lịch sử đính chính"
L_NO_CORRECTIONS = "Không có đính chính."
L_CONTACT = "Liên hệ của cơ quan"
L_TRACKED_BY = "Đơn vị theo dõi"
L_WITHDRAWN_BANNER = "Văn bản này đã bị thu hồi ngày {date}."
L_WITHDRAWN_REASON = "Lý do thu hồi:"
L_WITHDRAWN_NO_PDF = "Tệp văn bản không còn được công bố."
L_BACK_AGENCY = "Các văn bản khác của {agency}"
YES = "Có"
NO = "Không"

# --- figures (agency pages, index, home) ----------------------------------------------------------
F_THIS_YEAR = "Năm {year}"
F_THIS_YEAR_LETTERS = "Văn bản năm {year}"
F_ALL_LETTERS = "Tổng số văn bản"
F_ALL_TIME = "Toàn bộ thời gian"
F_LETTERS = "Số văn bản"
F_MEDIAN_LATE = LABELS["mean_days_late"]  # (the name kept: the site shows the mean, bình quân)
F_MAX_LATE = LABELS["max_days_late"]
F_SHARE_IN_TIME = LABELS["share_in_time"]
F_NEW_DATES_MISSED = LABELS["new_dates_missed"]
F_WITHDRAWN = LABELS["withdrawn"]
F_NONE = "—"
F_REASONS = "Lý do chậm"
F_REASON = "Lý do"
F_PER_MONTH = "Số văn bản theo tháng"
F_MONTH = "Tháng"
F_CHART_TITLE = "Biểu đồ số văn bản xin lỗi theo tháng, {first} đến {last}"
F_RANK = "Hạng"
F_AGENCY = "Cơ quan"
F_FIGURES = "Số liệu"
F_NOTE = ("Số ngày trễ tính bằng ngày làm việc, từ sau ngày hẹn trả ban đầu đến ngày trả kết quả, bình quân trên "
          "các văn bản. Văn bản xin lỗi gửi trước hạn: ban hành trước ngày hẹn trả ban đầu ít nhất {lead} ngày "
          "làm việc.")
F_NOTE_LINK = "Cách tính các số liệu"
F_RANKING_NOTE = ("Xếp hạng theo tỷ lệ văn bản xin lỗi gửi trước hạn (cao trước), rồi số ngày trễ (thấp trước), "
                  "trên toàn bộ văn bản đã công khai; văn bản đã thu hồi không được tính.")

# --- agency page ----------------------------------------------------------------------------------
A_LEVEL = "Cấp"
A_PARENT = "Cơ quan cấp trên"
A_CHILDREN = "Cơ quan trực thuộc"
A_TRACKED_BY = "Đơn vị theo dõi"
A_SUCCESSOR = "Cơ quan kế thừa"
A_VALID = "Thời gian hoạt động"
A_VALID_FROM_TO = "{start} đến {end}"
A_VALID_FROM = "từ {start}"
A_VALID_TO = "đến {end}"
A_HISTORICAL = "Cơ quan này đã ngừng hoạt động ngày {date}; các văn bản cũ vẫn giữ tên cơ quan tại thời điểm ban hành."
A_CONTACT = "Liên hệ"
A_LATEST = "Văn bản mới nhất"
A_ALL_BY_YEAR = "Tất cả văn bản theo năm"
A_NO_LETTERS = "Chưa có văn bản xin lỗi nào được công khai."
A_FEED = "Theo dõi văn bản mới (Atom)"
A_CSV = "Tải dữ liệu của cơ quan (CSV)"
A_CSV_YEARS = "Tải dữ liệu của cơ quan (CSV) theo năm:"
LEVELS = {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"}

# --- listings -------------------------------------------------------------------------------------
LIST_DATE = "Ngày ban hành"
LIST_NUMBER = "Số, ký hiệu"
LIST_AGENCY = "Cơ quan"
LIST_PROCEDURE = "Thủ tục"
LIST_DAYS_LATE = "Ngày trễ"
LIST_DAYS_LATE_TITLE = "Số ngày làm việc trễ hạn"
LIST_EMPTY = "Chưa có văn bản nào."
LIST_STATUS_WITHDRAWN = "đã thu hồi"
LIST_YEAR = "Năm"
LIST_PREV = "Trang trước"
LIST_NEXT = "Trang sau"
LIST_PAGES = "Phân trang"

# --- home -----------------------------------------------------------------------------------------
H_TOTALS = "Tổng quan"
H_LATEST = "Văn bản mới công khai"
H_ALL_AGENCIES = "Xem tất cả cơ quan"
H_ALL_LETTERS = "Xem văn bản theo năm"
H_UPDATED = "Số liệu tính đến ngày {date}."
H_DUTY_TITLE = "Vì sao có các văn bản này?"
# The legal paragraphs come from generator/data/legal-vn.yml (by date) and portal.yml `locality:`.
LEGAL_DUTY = "{when}Theo {decree}, {duty}{forms}."
LEGAL_UNTIL = "Đến hết ngày {day}: "
LEGAL_FROM = "Từ ngày {day}: "
LEGAL_FORMS = " (mẫu: {forms})"
LEGAL_WITH_FORM = "{decree}; {form}"
LEGAL_TRACKING = "Bản sao mỗi văn bản xin lỗi được gửi đơn vị theo dõi ({units}); mọi văn bản xin lỗi được công khai trên cổng thông tin của {area}."
L_LEGAL_BASIS = "Căn cứ (quy định áp dụng vào ngày ban hành)"
H_DUTY = (
    "Trang này công khai từng văn bản cùng các số liệu cho thấy mỗi cơ quan có thực hiện đúng nghĩa vụ "
    "xin lỗi hay không: số ngày làm việc trễ hạn, tỷ lệ văn bản ban hành trước hạn, số hồ sơ trễ cả ngày hẹn mới.",
)

# --- about ----------------------------------------------------------------------------------------
ABOUT_SOURCES_TITLE = "Nguồn dữ liệu"
ABOUT_SOURCES = (
    "Mỗi văn bản do cơ quan ban hành gửi về {owner} và được biên tập viên đăng kèm bản PDF công khai "
    "(thông tin cá nhân của người nộp hồ sơ đã được che).",
    "Số ngày trễ được tính theo ngày làm việc: từ thứ Hai đến thứ Sáu, trừ ngày lễ, Tết, ngày nghỉ bù, "
    "cộng các ngày làm bù, theo lịch nghỉ chính thức và điều chỉnh của địa phương.",
)
ABOUT_RHYTHM_TITLE = "Tần suất cập nhật"
ABOUT_RHYTHM = ("Trang được xây dựng lại mỗi khi có văn bản mới hoặc có đính chính; số liệu trên trang tính đến ngày {date}.",)
ABOUT_ERRORS_TITLE = "Báo lỗi dữ liệu"
ABOUT_ERRORS = (
    "Nếu phát hiện sai sót hoặc thông tin cá nhân chưa được che, xin liên hệ: {contact}.",
    "Văn bản đã công khai không bị xóa hay sửa âm thầm: mọi đính chính được ghi trong lịch sử của văn bản, "
    "văn bản thu hồi vẫn được liệt kê kèm lý do.",
)
ABOUT_DEFS_TITLE = "Cách tính các số liệu"
ABOUT_DEFS = (
    "Số ngày trễ: số ngày làm việc sau ngày hẹn trả ban đầu, đến ngày trả kết quả (hoặc ngày hẹn trả mới nếu chưa trả).",
    LABELS["in_time"] + ": văn bản ban hành trước ngày hẹn trả ban đầu ít nhất {lead} ngày làm việc.",
    "Trễ cả ngày hẹn mới: kết quả được trả sau ngày hẹn trả mới ghi trong văn bản.",
    "Văn bản tính vào kỳ (tháng, năm) của ngày ban hành. Văn bản đã thu hồi được liệt kê nhưng không tính vào số liệu.",
)

# --- open data ------------------------------------------------------------------------------------
D_INTRO = "Toàn bộ dữ liệu của trang được cung cấp dưới dạng dữ liệu mở theo giấy phép {licence}."
D_FILES = "Các tệp dữ liệu"
D_FILE = "Tệp"
D_FORMAT = "Định dạng"
D_ROWS = "Số dòng"
D_ALL = "Tất cả văn bản"
D_YEAR = "Văn bản năm {year}"
D_SCHEMA = "Lược đồ JSON (JSON Schema) của letters.json"
D_AGENCY_FILES = ("Mỗi cơ quan có một tệp CSV riêng (data/agencies/<mã cơ quan>.csv), liên kết trên trang của cơ quan. "
                  "Cơ quan có hơn {threshold} văn bản thì dữ liệu được chia theo năm ban hành, mỗi năm một tệp "
                  "(data/agencies/<mã cơ quan>/<năm>.csv). Mọi tệp có cùng các cột, mô tả trong từ điển dữ liệu bên dưới.")
D_FEEDS = "Nguồn tin Atom để theo dõi văn bản mới:"
D_FEEDS_TAIL = "(toàn trang); mỗi cơ quan có thêm một nguồn tin riêng, liên kết trên trang của cơ quan."
D_DICTIONARY = "Từ điển dữ liệu"
D_COLUMN = "Cột"
D_TYPE = "Kiểu"
D_DESCRIPTION = "Ý nghĩa"
D_NOTES = (
    "CSV mã hóa UTF-8, dòng đầu là tên cột; ngày theo dạng YYYY-MM-DD; ô trống khi không có giá trị.",
    "Văn bản đã thu hồi vẫn có một dòng, với trạng thái withdrawn và không có liên kết PDF.",
    "An toàn khi mở bằng bảng tính: trong mọi tệp CSV, ô chữ bắt đầu bằng =, +, -, @, ký tự Tab hoặc xuống dòng (CR) "
    "được thêm một dấu nháy đơn ' ở đầu (ví dụ '=HYPERLINK(...)) để bảng tính không chạy nó như công thức; "
    "ô số (kể cả số âm) giữ nguyên. Khi xử lý bằng chương trình, bỏ dấu ' đầu ô chữ đó để có giá trị gốc; "
    "tệp JSON luôn giữ giá trị gốc, không thêm dấu.",
)
TYPES = {"string": "chuỗi", "date": "ngày", "integer": "số nguyên", "boolean": "đúng/sai"}

# --- 404 page (passed to the theme through mkdocs `extra.not_found`) ---------------------------------
NOT_FOUND_TITLE = "Không tìm thấy trang"
NOT_FOUND_TEXT = ("Địa chỉ này không có trên trang (có thể bị gõ sai hoặc đã cũ). Văn bản đã công khai không bị xóa: "
                  "hãy tra cứu theo mã hồ sơ hoặc xem danh sách theo cơ quan, theo năm.")
NOT_FOUND_SEARCH = "Tra cứu văn bản"

# --- feeds ----------------------------------------------------------------------------------------
FEED_TITLE = "{portal}: văn bản xin lỗi mới"
FEED_AGENCY_TITLE = "{portal}: văn bản xin lỗi của {agency}"
FEED_ENTRY = "{number}: {procedure}"
FEED_SUMMARY = "{agency} xin lỗi vì chậm trả kết quả hồ sơ {code}; trễ {days} ngày làm việc; lý do: {reason}."
FEED_WITHDRAWN = "[Đã thu hồi] "

# --- footer ---------------------------------------------------------------------------------------
FOOTER_LICENCE = "Dữ liệu phát hành theo giấy phép {licence}."
FOOTER_CONTACT = "Liên hệ: {contact}"

# --- open-data columns (the data dictionary; keys are the column names of generator/site/opendata.py) ---
D_COLUMNS = {
    "id": "Mã định danh văn bản trên trang (duy nhất)",
    "page_url": "Địa chỉ trang của văn bản",
    "status": "Trạng thái: published (đang công khai) hoặc withdrawn (đã thu hồi)",
    "number": "Số, ký hiệu văn bản",
    "issued_on": "Ngày ban hành",
    "published_on": "Ngày công khai",
    "agency": "Mã cơ quan ban hành",
    "agency_name": "Tên cơ quan ban hành",
    "signer_name": "Người ký",
    "signer_title": "Chức vụ người ký",
    "recipient_kind": "Loại người nhận: individual (cá nhân) hoặc organization (tổ chức)",
    "recipient_name": "Người nhận (cá nhân được viết tắt)",
    "dossier_code": "Mã hồ sơ",
    "procedure": "Tên thủ tục hành chính",
    "procedure_code": "Mã thủ tục hành chính",
    "received_on": "Ngày tiếp nhận hồ sơ",
    "due_on": "Ngày hẹn trả ban đầu",
    "new_due_on": "Ngày hẹn trả mới",
    "returned_on": "Ngày trả kết quả (trống: chưa trả)",
    "reason": "Mã lý do chậm",
    "reason_label": "Lý do chậm",
    "reason_detail": "Chi tiết lý do chậm",
    "working_days_late": "Số ngày làm việc trễ hạn",
    "issued_in_time": LABELS["in_time"] + " (ban hành trước hạn đủ số ngày làm việc quy định)",
    "new_date_missed": "Trả kết quả sau cả ngày hẹn trả mới",
    "corrections": "Số lần đính chính",
    "withdrawn_on": "Ngày thu hồi",
    "withdrawn_reason": "Lý do thu hồi",
    "pdf_url": "Địa chỉ tệp PDF (trống khi văn bản đã thu hồi)",
    "pdf_sha256": "Mã băm SHA-256 của tệp PDF",
    "pdf_bytes": "Dung lượng tệp PDF (byte)",
}
