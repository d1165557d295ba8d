"""Vietnamese help of the CLI (`python -m generator [COMMAND] --help`): what an editor reads first.

One block per command; the option texts keep argparse's `%(default)s`-free style (defaults written out).
"""

from __future__ import annotations

PROGRAM = "congkhai: kiểm tra văn bản xin lỗi và xây dựng trang công khai."
EPILOG = """ví dụ:
  python -m generator check --content content
  python -m generator check --format github --today 2018-06-01
  python -m generator build --site-dir site
"""

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
OPT_REPORT = ("in báo cáo kiểm tra (cả cảnh báo) như lệnh check, cả khi dựng xong: một bước xuất bản vừa kiểm tra "
              "vừa dựng, không kiểm tra hai lần")
OPT_FULL = ("dựng lại toàn bộ trang, không dùng lại phần nào của lần dựng trước (mặc định: chỉ dựng lại "
            "những trang có dữ liệu, mẫu hoặc mã nguồn thay đổi)")

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

OPT_PUBLISH = "chế độ công bố: văn bản hoặc đính chính chưa có trong published.lock (hoặc không có tệp khóa) là lỗi"
OPT_BASE_LOCK = "tệp khóa của lần công bố trước: không mục nào trong đó được mất hay bị sửa lặng lẽ"

CHECK_PDF_SUMMARY = "chỉ kiểm tra tệp PDF (cổng kiểm tra PDF)"
CHECK_PDF_HELP = """Chạy cổng kiểm tra PDF (cấu trúc, giới hạn, nội dung chủ động, lớp chữ, dữ liệu cá nhân, chữ ký số)
trên các tệp PDF.

Giới hạn, địa chỉ liên hệ được phép và chứng thư tin cậy lấy từ thư mục nội dung khi có portal.yml,
nếu không thì dùng mặc định. Mã thoát 0 khi không có lỗi (có thể có cảnh báo), 1 khi có lỗi,
2 khi gọi lệnh sai.
ví dụ: python -m generator check-pdf van-ban.pdf --format json
"""
OPT_PDF_FILES = "các tệp PDF cần kiểm tra"
OPT_PDF_CONTENT = "thư mục nội dung lấy giới hạn và chứng thư tin cậy (mặc định: ./content)"
OPT_PDF_CACHE_DIR = "thư mục bộ nhớ đệm như lệnh check (kết quả PDF trong <thư mục>/pdfgate)"
OPT_NO_CACHE = "kiểm tra lại mọi tệp, không dùng bộ nhớ đệm"
OPT_TIMEOUT = "số giây tối đa cho mỗi tệp PDF (mặc định: theo portal.yml, nếu không là 20)"
OPT_MEMORY_MB = "bộ nhớ tối đa cho mỗi tiến trình kiểm tra, tính bằng MB (mặc định: theo portal.yml, nếu không là 1024)"

NEW_SUMMARY = "thêm một văn bản từ bản PDF (tệp YAML điền sẵn)"
NEW_HELP = """Thêm một văn bản xin lỗi từ bản PDF của nó.

1. Cổng kiểm tra PDF xem tệp trước: tệp có nội dung chủ động, cấu trúc hỏng hoặc dữ liệu cá nhân
   trong lớp chữ bị từ chối và không có gì được chép vào.
2. Bản PDF được chép vào <nội dung>/letters/<năm>/<cơ quan>/<mã>.pdf và thông tin được ghi bên
   cạnh thành <mã>.yml, điền sẵn từ lớp chữ của PDF khi đọc được ("Số: …", "…, ngày dd tháng mm
   năm yyyy", mã hồ sơ và các ngày, thủ tục, lý do). Mỗi trường còn phải điền để trống, kèm chú
   thích "# CẦN ĐIỀN" (bản quét không có lớp chữ: các tùy chọn điền được gì thì điền, khi đó
   bắt buộc có --issued-on).
3. Văn bản mới được kiểm tra và những gì còn thiếu được in ra.

Mã văn bản mặc định là <yyyy>-<mm>-<nnnn>, số tiếp theo còn trống của tháng ban hành.
Mã thoát 0 khi đã tạo văn bản (điền các chỗ trống, rồi chạy `check` và `lock`), 1 khi bản PDF
bị từ chối, 2 khi gọi lệnh sai.

ví dụ:
  python -m generator new ~/Downloads/phieu-xin-loi.pdf --agency so-tnmt
  python -m generator new ban-quet.pdf --agency ubnd-xa-nam-da --issued-on 2026-03-11
  python -m generator new 15-XL-SNNMT.pdf --agency so-nnmt --id 2026-03-0007 --content content
"""
OPT_NEW_PDF = "bản PDF công khai của văn bản (bản đã che thông tin cá nhân)"
OPT_NEW_AGENCY = "mã cơ quan ban hành trong agencies.yml"
OPT_NEW_ID = "mã văn bản, chỉ gồm [a-z0-9-] (mặc định: số tiếp theo còn trống)"
OPT_NEW_ISSUED_ON = "ngày ban hành YYYY-MM-DD (mặc định: đọc từ bản PDF)"

REPORT_SUMMARY = "báo cáo tình hình xin lỗi của một kỳ"
REPORT_HELP = """Báo cáo một kỳ: hồ sơ quá hạn (register/*.csv), văn bản xin lỗi, tỷ lệ hồ sơ quá hạn có văn bản,
hồ sơ thiếu văn bản, văn bản gửi trước hạn, số ngày trễ, thời gian công khai, lý do, cảnh báo
không khớp; mỗi cơ quan một dòng và dòng tổng.

Văn bản tính vào kỳ của ngày ban hành (issued_on), dòng sổ theo dõi tính vào kỳ của ngày hẹn trả
(due_on). Kỳ theo cách chia của cổng (portal.yml reports.period_scheme: calendar, mặc định, theo
lịch; hoặc statistical, kỳ thống kê theo Nghị định 09/2019/NĐ-CP: tháng từ ngày 15 tháng trước đến
ngày 14); mã kỳ có đuôi -TK luôn là kỳ thống kê (2025-05-TK = 15/04/2025 đến 14/05/2025), --scheme
thay cách chia. Khoảng ngày đã dùng được in ra stderr. Không có --unit: toàn cổng; có --unit MÃ:
đơn vị đó cùng mọi cơ quan nó theo dõi hoặc trực thuộc nó. Dạng JSON theo
generator/site/reports/report.schema.json; dạng docx là văn bản hành chính (Nghị định 30/2020/NĐ-CP).
Mã thoát 0 khi thành công, 1 khi nội dung có lỗi (danh sách lỗi in ra stderr), 2 khi gọi lệnh sai
(kỳ sai, đơn vị không có).

ví dụ:
  python -m generator report --period 2025-Q2
  python -m generator report --period 2025-05-TK --format md
  python -m generator report --period 2025-9T --scheme statistical
  python -m generator report --period 2025-Q3 --format docx -o bao-cao-quy-3.docx
  python -m generator report --period 2025-W19 --unit tthcc --format json --today 2025-06-01
"""
OPT_PERIOD = "kỳ báo cáo: 2018-W19 | 2018-05 | 2018-Q2 | 2018-H1 | 2018-9T | 2018; đuôi -TK: kỳ thống kê"
OPT_SCHEME = "cách chia kỳ (mặc định: portal.yml reports.period_scheme)"
OPT_UNIT = "đơn vị theo dõi (mã cơ quan); mặc định: toàn cổng"
OPT_REPORT_FORMAT = "dạng báo cáo (mặc định: md)"
OPT_OUTPUT = "ghi báo cáo vào tệp này (mặc định: in ra màn hình)"
OPT_NO_PDF = "bỏ qua kiểm tra bản PDF khi kiểm tra nội dung"

REVIEW_SUMMARY = "nêu các thay đổi cần người thứ hai duyệt"
REVIEW_HELP = """Liệt kê những gì nhánh này thay đổi so với --base mà người duyệt thứ hai phải xem: thiết lập
về dữ liệu cá nhân và công bố trong <nội dung>/portal.yml (mọi giá trị `policy`, site_url,
pdf_base_url và máy chủ của nó, data_licence, lịch), giao diện (overrides/), mkdocs.yml, các
workflow, CODEOWNERS và chứng thư tin cậy. Mỗi thay đổi là một cảnh báo nêu rõ cái gì đổi; mã
thoát 0 (cảnh báo đề nghị duyệt, không chặn), 2 khi không đọc được --base.

ví dụ:
  python -m generator review-changes --base origin/main
  python -m generator review-changes --base "origin/${GITHUB_BASE_REF}" --format github
"""
OPT_BASE = "nhánh hoặc commit gốc để so sánh (ví dụ: origin/main)"
OPT_REVIEW_CONTENT = "thư mục nội dung, tính từ gốc kho (mặc định: content)"
OPT_REPO = "thư mục kho git (mặc định: thư mục hiện tại)"

# argparse's own words (generator/commands/parsing.py): headings, the -h line, the usage prefix, errors
USAGE_PREFIX = "cách dùng: "
POSITIONALS_TITLE = "tham số"
OPTIONS_TITLE = "tùy chọn"
OPT_HELP = "in hướng dẫn này rồi thoát"
ERROR = "{prog}: lỗi: {message}\n"
# argparse's English message templates (as in its source, Python 3.11 to 3.14) -> the Vietnamese message;
# a message not listed is shown as argparse writes it, after the Vietnamese "lỗi:" prefix
ARGPARSE_ERRORS = {
    "argument %(argument_name)s: %(message)s": "tham số {argument_name}: {message}",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: {0}",
    "unrecognized arguments: %s": "không hiểu tham số: {0}",
    "invalid choice: %(value)r (choose from %(choices)s)": "giá trị không hợp lệ: {value} (chọn một trong: {choices})",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh {parser_name} (các lệnh: {choices})",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ ({type}): {value}",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần {0} giá trị",
    "expected %s arguments": "cần {0} giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn không rõ: {option} có thể là {matches}",
    "not allowed with argument %s": "không dùng được cùng với {0}",
    "one of the arguments %s is required": "cần một trong các tham số: {0}",
    "ignored explicit argument %r": "giá trị thừa: {0}",
}
