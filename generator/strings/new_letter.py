"""The YAML template `python -m generator new` writes: its header, placeholders and each field's hint.

A letter field without a hint here gets its description (`generator/strings/fields.py`).
"""

from __future__ import annotations

MARKER = "CẦN ĐIỀN"
HEADER = ("# Văn bản xin lỗi, tạo bởi 'python -m generator new' từ {source}.",
          "# Điền mọi dòng ghi '{marker}', rồi chạy: python -m generator check")
TO_FILL = "{key}:  # {marker}: {hint}"
OPTIONAL = "# {key}:  # tùy chọn: {hint}"
REASON_CHOICES = "{hint}: {reasons}"
SCAN_PRIVACY = ("privacy_reviewed: false  # {marker}: bản quét, không có lớp chữ. Xem kỹ bản PDF đã che "
                "thông tin cá nhân (họ tên đầy đủ, địa chỉ, số CCCD, điện thoại, e-mail) rồi đổi thành true")

HINTS = {  # dotted letter field -> what the editor writes there
    "number": 'số và ký hiệu, ví dụ "15/XL-STNMT"',
    "issued_on": "ngày ban hành YYYY-MM-DD",
    "agency": "mã cơ quan",
    "signer.name": "họ tên người ký",
    "signer.title": 'chức vụ người ký, ví dụ "Phó Giám đốc"',
    "recipient.kind": "individual (cá nhân) hoặc organization (tổ chức)",
    "recipient.name": 'cá nhân viết tắt, ví dụ "Ông N.V.A."',
    "dossier.code": "mã hồ sơ trên giấy tiếp nhận",
    "dossier.procedure": "tên thủ tục hành chính",
    "dossier.procedure_code": 'mã thủ tục, ví dụ "1.004227"',
    "dossier.received_on": "ngày tiếp nhận YYYY-MM-DD",
    "dossier.due_on": "ngày hẹn trả ban đầu YYYY-MM-DD",
    "dossier.new_due_on": "ngày hẹn trả mới YYYY-MM-DD",
    "dossier.returned_on": "ngày thực trả kết quả YYYY-MM-DD",
    "reason.category": "mã nhóm lý do trong reasons.yml",
    "reason.detail": "diễn giải lý do",
    "published_on": "ngày đăng công khai YYYY-MM-DD",
}
