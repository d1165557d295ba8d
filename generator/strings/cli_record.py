"""Vietnamese strings the `lock` and `new` commands print for editors."""

from __future__ import annotations

LOCK_WRITTEN = "Đã ghi {path}: {total} văn bản ({added} mới, {updated} cập nhật). Hãy commit tệp này."
BASE_MISSING = "Không tìm thấy tệp khóa để so sánh: {path}"
NEW_PDF_MISSING = "Không tìm thấy tệp PDF: {path}"
NEW_PDF_REFUSED = "Không chép tệp {path} vào kho vì bản PDF không đạt kiểm tra an toàn:"
NEW_AGENCY_UNKNOWN = "Cơ quan '{agency}' không có trong agencies.yml. Các mã hiện có: {codes}"
NEW_NOT_CREATED = ("Không tạo được {path}: đã có tệp ở đó, hoặc có liên kết tượng trưng (symlink) trên đường dẫn. "
                   "Không tệp nào bị ghi đè; hãy kiểm tra thư mục rồi chạy lại.")
NEW_PDF_CHANGED = "Tệp {path} đã thay đổi trong lúc kiểm tra: không chép gì. Hãy chạy lại lệnh."
NEW_EXISTS = "Văn bản '{letter_id}' đã có: {path}"
NEW_BAD_ID = "Mã văn bản '{letter_id}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang."
NEW_NO_DATE = ("Không đọc được ngày ban hành từ bản PDF (bản quét?): hãy ghi --issued-on YYYY-MM-DD "
               "(ví dụ --issued-on 2025-03-14).")
NEW_CREATED = "Đã tạo {yml}\n        và {pdf}"
NEW_FOUND = "Đọc được từ lớp chữ của bản PDF: {fields}"
NEW_TODO = "Còn phải điền (thay các chỗ '{marker}' trong tệp YAML): {fields}"
NEW_NEXT = ("Sau khi điền xong: chạy 'python -m generator check' rồi 'python -m generator lock', "
            "và commit cả ba tệp (YAML, PDF, published.lock).")
NEW_PROBLEMS = "Kiểm tra văn bản mới:"
NEW_OK = "Văn bản mới hợp lệ."
