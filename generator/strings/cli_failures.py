"""Vietnamese messages of the CLI when the machine, not the content, stops a command (exit code 1)."""

from __future__ import annotations

import errno

UNCHANGED = "Không có gì được ghi dở: trang đã công khai trước đó (nếu có) vẫn giữ nguyên."
OS_ERRORS = {
    errno.ENOSPC: "Ổ đĩa đã đầy, không ghi được {path}. Giải phóng dung lượng rồi chạy lại.",
    errno.EDQUOT: "Đã hết hạn mức dung lượng đĩa, không ghi được {path}. Giải phóng dung lượng rồi chạy lại.",
    errno.EACCES: "Không có quyền ghi/đọc {path}. Cấp quyền cho thư mục (hoặc chọn thư mục khác) rồi chạy lại.",
    errno.EPERM: "Không được phép ghi/đọc {path}. Cấp quyền cho thư mục (hoặc chọn thư mục khác) rồi chạy lại.",
    errno.EROFS: "Thư mục chỉ cho đọc, không ghi được {path}. Chọn thư mục ghi được (ví dụ --cache-dir, --site-dir).",
    errno.ENOTDIR: "{path} không phải là thư mục (một tệp trùng tên nằm trên đường dẫn). Xóa tệp đó hoặc chọn "
                   "đường dẫn khác.",
    errno.EEXIST: "{path} đã có và không phải là thư mục. Xóa nó hoặc chọn đường dẫn khác.",
    errno.EIO: "Lỗi đọc/ghi đĩa ở {path}. Kiểm tra ổ đĩa rồi chạy lại.",
    errno.EMFILE: "Mở quá nhiều tệp cùng lúc ({path}). Tăng giới hạn (ulimit -n) rồi chạy lại.",
}
OS_OTHER = "Lỗi hệ thống tệp ở {path}: {reason}. Kiểm tra thư mục rồi chạy lại."
NO_PATH = "một tệp của bản dựng"
WORKER = "Một tiến trình con của bản dựng bị lỗi ({detail}). Chạy lại; nếu lặp lại, báo cho người quản trị."
SEARCH = "Không tạo được chỉ mục tìm kiếm (Pagefind): {detail}."
