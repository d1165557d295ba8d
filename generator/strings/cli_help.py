"""Vietnamese help of the CLI (`python -m generator [COMMAND] --help`): what an editor reads first.

One block per command; the option texts keep argparse's `%(default)s`-free style (defaults written out).
"""

from __future__ import annotations

PROGRAM = "congkhai: kiểm tra văn bản xin lỗi và xây dựng trang công khai."

# options shared by the commands that read a content root (generator/commands/__init__.py)
OPT_CONTENT = "thư mục nội dung (mặc định: ./content)"
OPT_TODAY = "ngày tính số liệu, dạng YYYY-MM-DD (mặc định: hôm nay, giờ Việt Nam)"
OPT_CACHE_DIR = "thư mục bộ nhớ đệm của văn bản đã đọc và bản PDF đã kiểm tra (mặc định: .cache)"
OPT_FORMAT = "dạng báo cáo (mặc định: text)"

CHECK_SUMMARY = "kiểm tra nội dung"
CHECK_HELP = """Kiểm tra mọi văn bản (thông tin, cách xếp tệp, ngày tháng, dữ liệu cá nhân, chính bản PDF)
và các danh mục (cơ quan, lý do).

Mã thoát 0 khi không có lỗi (có thể có cảnh báo), 1 khi có lỗi, 2 khi gọi lệnh sai.
ví dụ: python -m generator check --content content --format github --today 2018-06-01
"""
CHECK_NO_PDF = "bỏ qua kiểm tra bản PDF (chỉ kiểm tra thông tin)"

BUILD_SUMMARY = "xây dựng trang công khai"
BUILD_HELP = """Kiểm tra nội dung (như `check`), rồi xây dựng trang vào --site-dir.

Được cả hoặc không: khi có lỗi, trang cũ giữ nguyên và mã thoát là 1.
ví dụ: python -m generator build --content content --site-dir site --today 2026-01-15
"""
OPT_SITE_DIR = "nơi ghi trang (mặc định: ./site)"
OPT_BUILD_DIR = "nơi ghi các trang sinh ra trước khi dựng (mặc định: ./build, không commit)"

SERVE_SUMMARY = "xem trước trang trên máy"
SERVE_HELP = """Xây dựng trang (như `build`) vào --site-dir và mở tại http://127.0.0.1:PORT/.

Dừng bằng Ctrl+C. Muốn xây dựng lại thì chạy lại lệnh.
ví dụ: python -m generator serve --content content --port 8000
"""
OPT_PREVIEW_DIR = "thư mục xem trước (mặc định: ./build/preview)"
OPT_PREVIEW_BUILD_DIR = "nơi ghi các trang sinh ra (mặc định: ./build)"
OPT_PORT = "cổng trên 127.0.0.1 (mặc định: 8000)"

LOCK_SUMMARY = "cập nhật sổ công khai (content/published.lock)"
LOCK_HELP = """Ghi mọi văn bản đã công bố vào <content>/published.lock: mã SHA-256 của bản PDF và của thông tin
đã chuẩn hóa, số lần đính chính và việc đã gỡ hay chưa. Chạy lệnh sau khi thêm, đính chính hoặc
gỡ văn bản, rồi commit tệp khóa cùng các văn bản đó.

Lệnh TỪ CHỐI (mã thoát 1, in danh sách lỗi) khi nội dung có lỗi, nhất là khi một văn bản đã khóa
bị sửa mà không có mục `corrections` mới, hoặc biến mất thay vì được gỡ (`withdrawn`): một lần
sửa lặng lẽ không bao giờ được băm lại.

Với --against FILE, lệnh không ghi gì mà so tệp khóa với FILE (tệp khóa của nhánh gốc, trong một
pull request): một mục bị xóa, hoặc bị sửa mà không có đính chính mới, là lỗi.

ví dụ:
  python -m generator lock                       # ghi lại content/published.lock
  python -m generator lock --content content     # sau khi thêm / đính chính / gỡ văn bản
  git show origin/main:content/published.lock > /tmp/base.lock
  python -m generator lock --against /tmp/base.lock --format github
"""
LOCK_AGAINST = "so <content>/published.lock với FILE (tệp khóa của nhánh gốc); không ghi gì"
