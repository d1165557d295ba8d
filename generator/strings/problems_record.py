"""Problem codes of the public record (content/published.lock): silent edits, losses, bad lock.

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
"""

from __future__ import annotations

from generator.strings import ProblemType, declare

ERRORS = [
    ("record-lock-malformed", "A line of content/published.lock is not a valid manifest entry.",
     "Tệp khóa hồ sơ công khai bị hỏng ở dòng này: {detail}.",
     "Không sửa tay tệp published.lock: khôi phục nó từ nhánh chính (git checkout) rồi chạy "
     "'python -m generator lock'."),
    ("record-pdf-changed", "A published letter's PDF changed without a new `corrections` entry.",
     "Bản PDF của văn bản đã công khai '{letter_id}' bị thay đổi mà không có đính chính mới.",
     "Nếu cần thay bản PDF, thêm một mục 'corrections' (ngày, nội dung đính chính) vào tệp YAML; "
     "nếu không, khôi phục bản PDF cũ."),
    ("record-metadata-changed", "A published letter's metadata changed without a new `corrections` entry.",
     "Thông tin của văn bản đã công khai '{letter_id}' bị thay đổi ({fields}) mà không có đính chính mới.",
     "Thêm một mục 'corrections' (ngày, nội dung đính chính) ghi rõ đã sửa gì, hoặc hoàn tác thay đổi."),
    ("record-letter-missing", "A locked (published) letter disappeared instead of being withdrawn.",
     "Văn bản đã công khai '{letter_id}' ({source}) bị xóa khỏi kho.",
     "Không xóa văn bản đã công khai: khôi phục tệp YAML và ghi mục 'withdrawn' (ngày, lý do) để gỡ; "
     "khi đó có thể xóa bản PDF."),
    ("record-corrections-rewritten", "Earlier `corrections` entries of a published letter were edited or removed.",
     "Các đính chính đã công khai của văn bản '{letter_id}' bị sửa hoặc xóa (trước có {locked}, nay có {now}).",
     "Giữ nguyên các mục đính chính cũ; chỉ thêm mục mới ở cuối danh sách."),
    ("record-withdrawal-removed", "A withdrawn letter is no longer marked `withdrawn`.",
     "Văn bản '{letter_id}' đã được công bố là gỡ bỏ nhưng mục 'withdrawn' bị xóa.",
     "Khôi phục mục 'withdrawn'; muốn đăng lại, hãy thêm một văn bản mới với mã mới."),
    ("record-entry-removed", "An entry of the base branch's lock is missing from the proposed lock.",
     "Văn bản '{letter_id}' có trong tệp khóa của nhánh chính nhưng bị xóa khỏi tệp khóa mới.",
     "Không xóa dòng trong published.lock: lấy lại tệp từ nhánh chính rồi chạy 'python -m generator lock'."),
]

WARNINGS = [
    ("record-not-locked", "A letter is not yet in content/published.lock.",
     "Văn bản '{letter_id}' chưa được ghi vào tệp khóa hồ sơ công khai.",
     "Chạy 'python -m generator lock' (hoặc 'make lock') rồi commit tệp content/published.lock; "
     "nếu không có máy tính dòng lệnh, nhờ người duyệt chạy giúp trước khi hợp nhất."),
]

TYPES: dict[str, ProblemType] = {**declare("error", ERRORS), **declare("warning", WARNINGS)}
