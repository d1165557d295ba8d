"""Problem codes of the public record (content/published.lock): silent edits, losses, bad lock.

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
"""

from __future__ import annotations

from generator.strings.catalog import ProblemType, declare

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
    ("record-lock-tampered", "published.lock's seal does not match its lines (a line edited or re-hashed by hand).",
     "Tệp khóa hồ sơ công khai đã bị sửa tay: dấu niêm phong ở dòng cuối không khớp với các dòng phía trên.",
     "Không sửa tay published.lock: khôi phục nó từ nhánh chính (git checkout) rồi chạy "
     "'python -m generator lock'."),
    ("record-lock-removed", "content/published.lock existed (in git history or in the last published site) and is gone.",
     "Tệp khóa hồ sơ công khai published.lock đã có trước đây nhưng nay bị xóa.",
     "Khôi phục tệp: 'git checkout origin/main -- content/published.lock', rồi chạy 'python -m generator lock'."),
    ("record-lock-missing", "Publish mode: letters exist but there is no content/published.lock.",
     "Chưa có tệp khóa hồ sơ công khai published.lock mà đã có {letters} văn bản để công bố.",
     "Chạy 'python -m generator lock' (hoặc 'make lock') rồi commit tệp content/published.lock."),
    ("record-unlocked", "Publish mode: a letter is not in content/published.lock.",
     "Văn bản '{letter_id}' chưa được ghi vào tệp khóa hồ sơ công khai nên không được công bố.",
     "Chạy 'python -m generator lock' (hoặc 'make lock') rồi commit tệp content/published.lock."),
    ("record-correction-not-locked", "Publish mode: a new correction of a published letter is not in the lock yet.",
     "Đính chính mới của văn bản '{letter_id}' chưa được ghi vào tệp khóa hồ sơ công khai.",
     "Chạy 'python -m generator lock' rồi commit tệp content/published.lock cùng đính chính."),
    ("record-correction-fields-missing", "A new correction does not name the fields it changes.",
     "Đính chính thứ {number} của văn bản '{letter_id}' chưa ghi các trường được sửa ('fields').",
     "Thêm 'fields: [tên trường]' vào mục đính chính, ví dụ 'fields: [dossier.new_due_on]' "
     "(ghi 'pdf' nếu thay bản PDF)."),
    ("record-correction-field-unknown", "A correction names a field that does not exist.",
     "Đính chính thứ {number} của văn bản '{letter_id}' ghi trường không có: '{field_name}'.",
     "Dùng tên trường như trong tệp YAML, có dấu chấm, ví dụ 'dossier.new_due_on', 'number' hoặc 'pdf'."),
    ("record-correction-undeclared", "A correction changes a field it does not name.",
     "Văn bản đã công khai '{letter_id}': trường '{field_name}' bị thay đổi nhưng không đính chính nào ghi "
     "trường này trong 'fields'.",
     "Thêm '{field_name}' vào 'fields' của đính chính mới (nếu sửa có chủ ý), hoặc khôi phục giá trị cũ."),
    ("record-correction-history-forged", "A proposed lock records an old value that is not the base lock's value.",
     "Tệp khóa mới ghi giá trị cũ của trường '{field_name}' (văn bản '{letter_id}') khác với hồ sơ đã công bố.",
     "Không sửa tay published.lock: lấy lại tệp từ nhánh chính rồi chạy 'python -m generator lock'."),
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

LOCK_DETAILS = {  # the {detail} of record-lock-malformed: what is wrong with the line
    "no-header": "thiếu dòng đầu của tệp khóa",
    "duplicate": "mã văn bản '{letter_id}' bị lặp",
    "not-object": "không phải một đối tượng JSON",
    "keys": "thiếu hoặc thừa khóa",
    "key-type": "khóa '{key}' sai kiểu",
    "unreadable": "không đọc được tệp (UTF-8)",
}
