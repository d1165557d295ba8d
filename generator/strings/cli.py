"""Vietnamese strings the CLI prints for editors."""

from __future__ import annotations

WARNING_TAG = " [cảnh báo]"  # after the code of a warning in text output
SUMMARY = "Đã kiểm tra {letters} văn bản: {errors} lỗi, {warnings} cảnh báo."
SUMMARY_OK = "Đã kiểm tra {letters} văn bản: không có lỗi."
CONTENT_MISSING = "Không tìm thấy thư mục nội dung: {path}"
BAD_DATE = "Ngày không hợp lệ (cần dạng YYYY-MM-DD): {value}"
FILE_MISSING = "Không tìm thấy tệp: {paths}"
USAGE_ERROR = "Lỗi: {message}"
BUILD_FAILED = "Không xây dựng được trang: {reason}. Trang cũ vẫn giữ nguyên."
BUILD_CONTENT_ERRORS = "nội dung có lỗi (danh sách ở trên)"
BUILD_PAGES_MISSING = ("trang không có trong bản dựng mới: {pages}; hãy dựng lại toàn bộ (build --full)")  # {reason}
BUILD_MKDOCS_ERROR = "MkDocs báo lỗi ({detail})"  # {reason} of BUILD_FAILED; the detail is MkDocs' own (English)
BUILD_MKDOCS_ABORTED = "MkDocs dừng giữa chừng ({detail})"
BUILD_DONE = "Đã xây dựng {pages} trang ({letters} văn bản, {agencies} cơ quan) vào {site}"
BUILD_UNCHANGED = "Nội dung, mã nguồn và ngày tính số liệu không đổi: giữ nguyên trang đã dựng ({pages} trang) ở {site}"
BUILD_REUSED = "Dùng lại {reused} trang của lần dựng trước (không đổi); dựng lại {rendered} trang"
BUILD_SECONDS = "Thời gian: {stages}; tổng {total} s"  # wall seconds per stage of the build (stopwatch.py)
BUILD_STAGES = {  # the build's stages, as BUILD_SECONDS names them (keys: generator/build.py)
    "previous": "đọc lần dựng trước", "check": "kiểm tra", "keys": "khóa đầu vào", "render": "trang",
    "reports": "báo cáo", "plan": "trang dùng lại", "mkdocs": "MkDocs", "search": "tìm kiếm",
    "swap": "thay trang", "manifest": "ghi sổ dựng",
}
BUILD_MKDOCS_PUBLIC = ("Lưu ý: {package} đang cài là bản {installed}, khác bản đã kiểm ({pinned}); trang được dựng "
                       "theo cách chậm (chỉ dùng API công khai của MkDocs), kết quả vẫn đúng.")
BUILD_MKDOCS_MISSING = "chưa cài"  # {installed} when the package is not installed
SERVING = "Đang mở trang {site} tại http://127.0.0.1:{port}/ (số liệu tính đến ngày {today}). Dừng: Ctrl+C."
