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
WIDEN_LABEL = "Tìm trong tất cả các năm (chậm hơn)"
RECENT_NOTE = "Mặc định chỉ tìm trong các năm {years}."

FILTER_AGENCY = "Cơ quan"
FILTER_YEAR = "Năm"
FILTER_REASON = "Lý do chậm"
FILTER_LEVEL = "Cấp"
FILTER_ANY = "Tất cả"

NOSCRIPT = (
    "Trình duyệt của bạn đang tắt JavaScript nên không tìm kiếm được. "
    "Bạn vẫn có thể xem mọi văn bản theo danh sách cơ quan và theo năm."
)
BROWSE_LINK = "Xem danh sách văn bản"

# Messages the script shows; {placeholders} are filled in the browser.
MESSAGES = {
    "searching": "Đang tìm…",
    "empty": "Không tìm thấy văn bản nào phù hợp với «{q}».",
    "empty_recent": "Không tìm thấy trong các năm gần đây. Hãy chọn «Tìm trong tất cả các năm».",
    "count": "Tìm thấy {n} văn bản.",
    "more": "Xem thêm",
    "error": "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.",
    "lookup_empty_input": "Vui lòng nhập mã hồ sơ.",
    "lookup_found": "Mã hồ sơ {code}: {n} văn bản xin lỗi.",
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
