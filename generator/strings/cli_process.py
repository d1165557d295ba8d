"""Vietnamese strings of the build lock and the review of sensitive changes."""

from __future__ import annotations

BUILD_BUSY = ("Một lần dựng trang khác (tiến trình {holder}) đang ghi vào {folder}: hãy chờ nó xong rồi chạy lại. "
              "Trang đang công khai không bị thay đổi.")
REVIEW_NONE = "Không có thay đổi nào cần người thứ hai duyệt."
REVIEW_BASE_MISSING = "Không đọc được nhánh gốc '{base}' để so sánh: {detail}"

REVIEWED_WHAT = {  # a path or folder whose change needs a reviewer -> what it is
    "overrides/": "giao diện trang",
    "mkdocs.yml": "cấu hình trang",
    ".github/workflows/": "quy trình kiểm tra, xuất bản",
    ".github/CODEOWNERS": "danh sách người duyệt",
    "{content}/trust/": "chứng thư gốc tin cậy cho chữ ký số",
}
CHANGE_KINDS = {"A": "thêm mới", "M": "sửa", "D": "xóa", "R": "đổi tên", "C": "sao chép", "T": "đổi kiểu"}  # git status
SAME_SITE = "(cùng trang)"  # pdf_base_url empty: the PDFs are served with the site
