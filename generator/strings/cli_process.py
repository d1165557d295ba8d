"""Vietnamese strings of the build lock and the review of sensitive changes."""

from __future__ import annotations

BUILD_BUSY = ("Một lần dựng trang khác (tiến trình {holder}) đang ghi vào {folder}: hãy chờ nó xong rồi chạy lại. "
              "Trang đang công khai không bị thay đổi.")
REVIEW_NONE = "Không có thay đổi nào cần người thứ hai duyệt."
REVIEW_BASE_MISSING = "Không đọc được nhánh gốc '{base}' để so sánh: {detail}"
