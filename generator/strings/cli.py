"""Vietnamese strings the CLI prints for editors."""

from __future__ import annotations

SUMMARY = "Đã kiểm tra {letters} văn bản: {errors} lỗi, {warnings} cảnh báo."
SUMMARY_OK = "Đã kiểm tra {letters} văn bản: không có lỗi."
CONTENT_MISSING = "Không tìm thấy thư mục nội dung: {path}"
BAD_DATE = "Ngày không hợp lệ (cần dạng YYYY-MM-DD): {value}"
FILE_MISSING = "Không tìm thấy tệp: {paths}"
