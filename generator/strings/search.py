"""Vietnamese text of citizen search: the search page, the code lookup, filters, results."""

from __future__ import annotations

LEVELS = {
    "province": "Cấp tỉnh",
    "district": "Cấp huyện",
    "commune": "Cấp xã",
}

NAV_SEARCH = "Tìm kiếm"
PAGE_TITLE = "Tìm kiếm văn bản xin lỗi"
PAGE_INTRO = (
    "Tra cứu văn bản xin lỗi theo mã hồ sơ in trên giấy tiếp nhận, hoặc tìm theo tên thủ tục, "
    "cơ quan, người ký. Có thể gõ không dấu, ví dụ «dat dai» hay «dak nong»."
)

LOOKUP_HEADING = "Tra cứu theo mã hồ sơ"
LOOKUP_LABEL = "Mã hồ sơ"
LOOKUP_PLACEHOLDER = "Ví dụ: H56.14-240823-0001"
LOOKUP_BUTTON = "Tra cứu"

SEARCH_HEADING = "Tìm theo nội dung"
SEARCH_LABEL = "Từ khóa"
SEARCH_PLACEHOLDER = "Tên thủ tục, cơ quan, người ký…"
SEARCH_BUTTON = "Tìm"
LOOKUP_HINT = "Dán nguyên mã, có hay không có phần đầu (ví dụ «H17-250908-0054» hoặc «250908-0054»)."
YEAR_RECENT = "Các năm gần đây ({years})"
YEAR_ALL = "Tất cả các năm"
FILTERS_LEGEND = "Lọc hoặc xem theo cơ quan, năm, lý do, cấp (không cần gõ từ khóa)"
RECENT_NOTE = "Mặc định chỉ tìm trong các năm {years}."

FILTER_AGENCY = "Cơ quan"
FILTER_YEAR = "Năm"
FILTER_REASON = "Lý do chậm"
FILTER_LEVEL = "Cấp"
FILTER_ANY = "Tất cả"

NOSCRIPT = (
    "Trình duyệt của bạn đang tắt JavaScript nên ô tìm kiếm không chạy. "
    "Bạn vẫn tìm được văn bản của mình theo các danh sách dưới đây (mỗi dòng ghi thủ tục, mã hồ sơ "
    "và tên viết tắt người nhận; dùng chức năng «Tìm trong trang» của trình duyệt):"
)
BROWSE_LINK = "Xem danh sách văn bản"
BROWSE_AGENCIES = "Danh sách văn bản theo cơ quan"
BROWSE_YEARS = "Danh sách văn bản theo năm"
BROWSE_PROCEDURES = "Danh mục thủ tục hành chính từ A đến Z"
HOME_HEADING = "Tìm văn bản xin lỗi của bạn"

# Messages the script shows; {placeholders} are filled in the browser.
MESSAGES = {
    "searching": "Đang tìm…",
    "empty": "Không tìm thấy văn bản nào phù hợp với «{q}».",
    "widened": "Các năm gần đây ({years}) chỉ có {n} kết quả: đã tìm thêm trong các năm trước.",
    "closest": "Không có văn bản nào chứa đủ mọi từ của «{q}». Các văn bản gần nhất (chứa nhiều từ nhất):",
    "dropped": "Đã bỏ qua các từ có trong mọi văn bản: {words}.",
    "advice": "Nên thử: gõ ít từ hơn (ví dụ chỉ tên thủ tục), tra theo mã hồ sơ, hoặc xem danh sách:",
    "advice_code": "Tra theo mã hồ sơ",
    "advice_agencies": "Danh sách theo cơ quan",
    "advice_years": "Danh sách theo năm",
    "advice_procedures": "Danh mục thủ tục từ A đến Z",
    "count": "Tìm thấy {n} văn bản.",
    "more": "Xem thêm",
    "error": "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.",
    "lookup_empty_input": "Vui lòng nhập mã hồ sơ.",
    "lookup_found": "Mã hồ sơ {code}: {n} văn bản xin lỗi.",
    "lookup_several": "Có {n} văn bản xin lỗi ứng với «{code}». Hãy chọn văn bản có đúng mã hồ sơ của bạn:",
    "lookup_agency": "Theo mã hồ sơ, hồ sơ này thuộc {agency}.",
    "lookup_not_found": (
        "Chưa có văn bản xin lỗi nào được công khai cho mã hồ sơ {code}. "
        "Hãy kiểm tra lại mã trên giấy tiếp nhận hồ sơ. Nếu hồ sơ của bạn đã quá hạn mà chưa nhận "
        "được văn bản xin lỗi, hãy liên hệ bộ phận theo dõi của cơ quan nơi bạn nộp hồ sơ:"
    ),
    "withdrawn": "Đã thu hồi",
    "code": "Mã hồ sơ",
    "issued": "Ngày ban hành",
}

TITLE = "Văn bản số {number}"

# Words every letter would match: taken out of a query (when something else remains), never indexed.
STOP_PHRASES = ["văn bản xin lỗi", "phiếu xin lỗi", "xin lỗi", "văn bản", "phiếu", "mã hồ sơ", "hồ sơ"]

# The A–Z procedure index (thu-tuc/)
PROC_TITLE = "Danh mục thủ tục hành chính từ A đến Z"
PROC_INTRO = ("Mỗi thủ tục dẫn tới danh sách văn bản xin lỗi của thủ tục đó, có mã hồ sơ và tên viết tắt "
              "người nhận: dùng «Tìm trong trang» của trình duyệt để tìm mã hồ sơ của bạn.")
PROC_AZ = "Chữ cái đầu"
PROC_BACK = "← Danh mục thủ tục A–Z"
PROC_COUNT = "{n} văn bản xin lỗi."
PROC_LETTER = "Văn bản số {number}"
PROC_CODE = "mã hồ sơ"
PROC_RECIPIENT = "người nhận"
PROC_WITHDRAWN = "Đã thu hồi"
PROC_PAGES = "Các trang"
