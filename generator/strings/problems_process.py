"""Problem codes of the process around the content: caches, reviews of sensitive changes.

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
"""

from __future__ import annotations

from generator.strings.catalog import ProblemType, declare

ERRORS = [
    ("cache-tracked", "A cache folder or a pickle is committed to the repository.",
     "Thư mục bộ nhớ đệm '{path}' đang được lưu trong git: kết quả của máy khác không được dùng lại.",
     "Xóa nó khỏi git ('git rm -r --cached {path}'), giữ '.cache/' trong .gitignore rồi commit."),
    ("cache-in-content", "A cache-like folder or file lies inside the content root.",
     "Có thư mục hoặc tệp bộ nhớ đệm '{path}' trong thư mục nội dung.",
     "Xóa '{path}' khỏi thư mục nội dung: bộ nhớ đệm nằm ở '.cache/' bên ngoài (tùy chọn --cache-dir)."),
]

WARNINGS = [
    ("cache-unwritable", "The cache folder cannot be written: the check is complete but the next run is cold.",
     "Không ghi được bộ nhớ đệm '{path}' ({reason}): kết quả kiểm tra vẫn đầy đủ, nhưng lần sau sẽ chạy lại từ đầu.",
     "Cho phép ghi vào '{path}' (quyền, dung lượng đĩa) hoặc chọn thư mục khác bằng tùy chọn --cache-dir."),
    ("review-setting-changed", "A privacy or publishing setting changed in this pull request.",
     "Thay đổi cần người thứ hai duyệt: thiết lập '{field}' đổi từ {old} thành {new}.",
     "Người duyệt (CODEOWNERS) xem kỹ thay đổi này trước khi hợp nhất."),
    ("review-pdf-host-changed", "The host PDFs are served from (`pdf_base_url`) changed.",
     "Thay đổi cần người thứ hai duyệt: máy chủ phục vụ bản PDF đổi từ '{old}' thành '{new}'.",
     "Người duyệt xác nhận máy chủ mới thuộc cơ quan và phục vụ đúng các bản PDF công khai."),
    ("review-file-changed", "A file that shapes the site or its publishing changed (theme, mkdocs.yml, workflows).",
     "Thay đổi cần người thứ hai duyệt: tệp '{path}' ({what}) bị {change}.",
     "Người duyệt (CODEOWNERS) xem kỹ thay đổi này trước khi hợp nhất."),
]

TYPES: dict[str, ProblemType] = {**declare("error", ERRORS), **declare("warning", WARNINGS)}
