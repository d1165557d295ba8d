"""Problem codes for what any field may hold: hidden characters, length, plausible dates; the per-file cap.

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
"""

from __future__ import annotations

from generator.strings.catalog import ProblemType, declare

ERRORS = [
    ("text-forbidden-char", "A field holds a control, bidi, zero-width or other invisible character.",
     "Có ký tự ẩn không được phép {char} trong {where}: {excerpt}.",
     "Xóa ký tự này (thường lẫn vào khi sao chép từ Word, trang web hoặc PDF): gõ lại đoạn chữ quanh "
     "vị trí ⟨U+…⟩ được chỉ ra rồi lưu tệp."),
    ("field-too-long", "A text value is longer than its field allows.",
     "Trường '{field}' dài {length} ký tự, tối đa {limit}.", "Rút gọn nội dung của trường."),
    ("field-above-maximum", "A number is above the largest allowed value.",
     "Trường '{field}' phải từ {maximum} trở xuống, nhận được {value}.", "Sửa giá trị."),
    ("date-out-of-range", "A date is outside the plausible range (a mistyped year).",
     "Ngày {value} của trường '{field}' nằm ngoài khoảng hợp lý ({earliest} – {latest}).",
     "Kiểm tra lại năm (có thể gõ nhầm); ngày phải nằm trong khoảng đã nêu."),
    ("problems-capped", "A file has more problems than the report lists (the first ones are shown).",
     "Tệp còn {count} lỗi/cảnh báo khác không được liệt kê (mỗi tệp chỉ hiện {limit} mục đầu tiên).",
     "Sửa các lỗi đã liệt kê rồi chạy kiểm tra lại để xem các lỗi còn lại."),
]

TYPES: dict[str, ProblemType] = declare("error", ERRORS)

FORBIDDEN_WHERE = {"field": "trường '{field}'", "file": "tệp (ngoài các giá trị: chú thích hoặc khoảng trắng)"}

URL_REASONS = {  # why a portal URL is refused (generator/content/settings.py)
    "char": "có ký tự không được phép {char}",
    "port": "cổng (số sau dấu hai chấm) không hợp lệ",
    "scheme": "chỉ dùng https:// hoặc http://",
    "userinfo": "không được có tên đăng nhập hay mật khẩu (dấu @)",
    "query": "không được có phần ? hoặc #",
    "host": "tên miền không hợp lệ",
    "percent": "dấu % phải đi kèm hai chữ số hex",
}
