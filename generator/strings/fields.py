"""What each content field means, in the editors' words (docs/reference.md and `new`'s template read these).

`TEXTS[group][path]` describes the field at dotted `path` of a schema group in `generator/content/schema.py`
(`x[]` is an item of list `x`, `x[].y` a field of that item). A shared group (period, agency, level) is
described once, where it is declared. Also here: the Vietnamese names of value kinds and portal.yml's
Vietnamese defaults (locality kinds, sensitive procedures).
"""

from __future__ import annotations

KIND_LABELS = {  # Vietnamese names of kinds, used in field-type messages and the reference
    "text": "chữ",
    "date": "ngày dạng YYYY-MM-DD",
    "bool": "true hoặc false",
    "int": "số nguyên",
    "number": "số",
    "map": "một bảng khóa: giá trị",
    "list": "một danh sách",
}

LOCALITY_KINDS = ("tỉnh", "thành phố")  # portal.yml locality.kind; the first is the default
SCOPE_LABEL = "Toàn {kind}"  # the whole portal in reports: "Toàn tỉnh" / "Toàn thành phố"

# portal.yml policy.sensitive_procedures when absent: accent-folded phrases of procedure names
# (civil status, criminal records, social assistance) whose letters need an editor's privacy review.
SENSITIVE_PROCEDURES = ("hộ tịch", "khai sinh", "khai tử", "kết hôn", "nhận cha", "con nuôi", "lý lịch tư pháp",
                        "bảo trợ xã hội", "trợ cấp", "người có công")

TEXTS: dict[str, dict[str, str]] = {
    "letter": {  # letters/<năm>/<mã-cơ-quan>/<mã-văn-bản>.yml
        "number": "Số và ký hiệu văn bản, e.g. \"15/XL-STNMT\".",
        "issued_on": "Ngày ban hành.",
        "agency": (
            "Mã cơ quan ban hành (agencies.yml); equals the agency folder. Cơ quan có vùng mã (`namespace`): mã đầy"
            " đủ, e.g. dak-nong.so-xd."
        ),
        "signer": "Người ký.",
        "signer.name": "Họ tên người ký.",
        "signer.title": "Chức vụ người ký, e.g. \"Phó Giám đốc\".",
        "recipient": "Người nhận (Kính gửi).",
        "recipient.kind": "Cá nhân hay tổ chức.",
        "recipient.name": "Tên; cá nhân viết tắt, e.g. \"Ông N.V.A.\".",
        "dossier": "Hồ sơ bị trễ hạn.",
        "dossier.code": "Mã hồ sơ trên giấy tiếp nhận; its yymmdd part is the receipt date.",
        "dossier.procedure": "Tên thủ tục hành chính.",
        "dossier.procedure_code": "Mã thủ tục (optional), e.g. \"1.004227\".",
        "dossier.received_on": "Ngày tiếp nhận hồ sơ.",
        "dossier.due_on": "Ngày hẹn trả kết quả ban đầu.",
        "dossier.new_due_on": "Ngày hẹn trả mới trong văn bản.",
        "dossier.returned_on": (
            "Ngày kết quả giải quyết đã có tại Bộ phận một cửa, sẵn sàng trả (optional); not the day the citizen "
            "collects it: official statistics count on time by this date."
        ),
        "reason": "Lý do trễ hạn.",
        "reason.category": "Mã nhóm lý do (reasons.yml).",
        "reason.detail": "Diễn giải lý do.",
        "published_on": "Ngày đăng công khai trên cổng.",
        "privacy_reviewed": "Biên tập viên xác nhận bản PDF đã che thông tin cá nhân (bắt buộc với bản quét).",
        "corrections": "Các lần đính chính, theo thứ tự.",
        "corrections[]": "Một lần đính chính.",
        "corrections[].date": "Ngày đính chính.",
        "corrections[].note": "Nội dung đính chính.",
        "corrections[].fields": (
            "Các trường được sửa, e.g. [dossier.new_due_on] (pdf: bản PDF); chỉ các trường này được thay đổi (bắt "
            "buộc với đính chính mới)."
        ),
        "withdrawn": "Văn bản đã gỡ bỏ (vẫn được liệt kê, kèm lý do).",
        "withdrawn.date": "Ngày gỡ.",
        "withdrawn.reason": "Lý do gỡ.",
    },
    "portal": {  # portal.yml
        "name": "Tên cổng công khai.",
        "owner": "Đơn vị quản lý cổng.",
        "site_url": "Địa chỉ trang (wins over mkdocs.yml; a sub-path works).",
        "contact": "Thông tin liên hệ hiển thị cho người dân.",
        "data_licence": "Giấy phép dữ liệu mở, e.g. CC-BY-4.0.",
        "pdf_base_url": "Empty: PDFs served with the site; else their base URL.",
        "policy": "Chính sách kiểm tra.",
        "policy.dossier_code_pattern": "Biểu thức chính quy cho mã hồ sơ.",
        "policy.number_pattern": (
            "Biểu thức chính quy cho số, ký hiệu văn bản (sai mẫu: cảnh báo, và được quét thông tin cá nhân như văn"
            " bản thường)."
        ),
        "policy.procedure_code_pattern": (
            "Biểu thức chính quy cho mã thủ tục (sai mẫu: cảnh báo, và được quét thông tin cá nhân)."
        ),
        "policy.apology_lead_working_days": "Số ngày làm việc tối thiểu trước hạn để được coi là xin lỗi kịp thời.",
        "policy.apology_lead_day_kind": (
            "Cách đếm số ngày trước hạn ('chậm nhất 01 ngày trước ngày hết hạn'): working (ngày làm việc, mặc định)"
            " hoặc calendar (ngày theo lịch)."
        ),
        "policy.mask_individual_names": "Tên cá nhân phải viết tắt.",
        "policy.max_pdf_bytes": "Dung lượng PDF tối đa (byte).",
        "policy.max_pdf_pages": "Số trang PDF tối đa.",
        "policy.pdf_timeout_seconds": "Thời gian tối đa để mở một PDF (giây).",
        "policy.pdf_memory_mb": "Bộ nhớ tối đa để mở một PDF (MB).",
        "policy.missing_letter_grace_working_days": (
            "Số ngày làm việc sau hạn trước khi hồ sơ quá hạn chưa có văn bản bị coi là thiếu (mặc định 0: văn bản "
            "xin lỗi phải có trước hạn; nếu đặt lớn hơn 0, hồ sơ trong khoảng này ghi là chưa nhận được bản sao)."
        ),
        "policy.public_contacts": "Số điện thoại / e-mail được phép xuất hiện.",
        "policy.sensitive_procedures": (
            "Cụm từ trong tên thủ tục nhạy cảm (không phân biệt dấu): văn bản của các thủ tục này cần "
            "privacy_reviewed: true. Absent: hộ tịch, khai sinh, khai tử, kết hôn, nhận cha, con nuôi, lý lịch tư "
            "pháp, bảo trợ xã hội, trợ cấp, người có công."
        ),
        "locality": "Tỉnh/thành phố của cổng: mọi chữ riêng của địa phương trên trang lấy từ đây.",
        "locality.kind": "tỉnh hoặc thành phố ('Toàn tỉnh' / 'Toàn thành phố' trong báo cáo).",
        "locality.name": "Tên tỉnh/thành phố, e.g. \"Lâm Đồng\".",
        "locality.notices": "Văn bản của địa phương về văn bản xin lỗi, mỗi mục một đoạn trên trang chủ.",
        "locality.tracking_units": (
            "Các đơn vị theo dõi nhận bản sao, e.g. \"Trung tâm Phục vụ hành chính công tỉnh; Bộ phận Một cửa cấp "
            "xã\"."
        ),
        "calendar": "Điều chỉnh lịch làm việc của địa phương.",
        "calendar.days_off": "Ngày nghỉ thêm.",
        "calendar.working_days": "Ngày làm bù thêm.",
        "reports": "Báo cáo định kỳ: kỳ báo cáo, dữ liệu phần mềm một cửa, phần đầu và cuối văn bản Word.",
        "reports.period_scheme": (
            "Kỳ báo cáo: calendar (theo lịch) hoặc statistical (chốt số liệu từ ngày 15 tháng trước đến ngày 14, "
            "Nghị định 09/2019/NĐ-CP)."
        ),
        "reports.register_export": (
            "register/*.csv chứa: overdue (chỉ hồ sơ quá hạn) hoặc all (mọi hồ sơ tiếp nhận: tính được tỷ lệ đúng "
            "hạn)."
        ),
        "reports.issuer_parent": "Cơ quan chủ quản ở đầu văn bản, e.g. \"UBND TỈNH ĐẮK NÔNG\".",
        "reports.issuer": "Đơn vị ban hành báo cáo (trống: owner).",
        "reports.number_prefix": "Ký hiệu văn bản sau số, e.g. \"BC-TTPVHCC\".",
        "reports.place": "Địa danh ghi trước ngày tháng, e.g. \"Gia Nghĩa\".",
        "reports.recipients": "Nơi nhận.",
        "reports.signer_authority": "Thẩm quyền ký, e.g. \"KT. GIÁM ĐỐC\".",
        "reports.signer_title": "Chức vụ người ký, e.g. \"PHÓ GIÁM ĐỐC\".",
        "reports.signer_name": "Họ tên người ký.",
    },
    "register": {  # the columns of register/*.csv
        "dossier_code": "Mã hồ sơ (khớp với dossier.code của văn bản).",
        "agency": "Mã cơ quan giải quyết (agencies.yml; cơ quan có vùng mã: mã đầy đủ, e.g. dak-nong.so-xd).",
        "procedure": "Tên thủ tục hành chính.",
        "received_on": "Ngày tiếp nhận.",
        "due_on": "Ngày hẹn trả kết quả.",
        "returned_on": (
            "Ngày kết quả đã có tại Bộ phận một cửa, sẵn sàng trả (not the day the citizen collects it: official "
            "statistics count on time by this date; trống: chưa giải quyết xong)."
        ),
        "sector": "Lĩnh vực của thủ tục (báo cáo theo lĩnh vực).",
        "procedure_code": "Mã thủ tục hành chính, e.g. 1.004227 (đọc như chữ).",
        "channel": "Hình thức tiếp nhận: online (trực tuyến) hoặc in-person (trực tiếp).",
    },
    "period": {  # a period of `parent_periods` / `tracked_by_periods`
        "value": "Mã cơ quan.",
        "from": "Từ ngày (optional).",
        "until": "Đến hết ngày (optional).",
    },
    "agency": {  # an agency of agencies.yml
        "code": "Mã cơ quan [a-z0-9-]+, dùng trong đường dẫn.",
        "name": "Tên cơ quan.",
        "namespace": (
            "Vùng mã [a-z0-9-]+ (optional): tỉnh cũ của một kho lưu trữ đã sáp nhập, e.g. dak-nong. Mã đầy đủ của "
            "cơ quan là `<namespace>.<code>` (dak-nong.so-xd): thư (`agency`, thư mục letters/<năm>/dak-nong.so-"
            "xd/), sổ theo dõi, parent, tracked_by, successor và đường dẫn trang dùng mã đầy đủ."
        ),
        "level": "Cấp (một giá trị trong levels).",
        "parent": "Cơ quan cấp trên (optional).",
        "tracked_by": "Đơn vị theo dõi, nhận bản sao và báo cáo (inherited from parent).",
        "contact": "Liên hệ của cơ quan, hiển thị cho người dân.",
        "valid_from": "Ngày bắt đầu hoạt động (optional).",
        "valid_to": "Ngày kết thúc hoạt động (optional).",
        "successor": "Cơ quan kế nhiệm (optional; one successor).",
        "successors": (
            "Các cơ quan kế nhiệm khi cơ quan được chia cho nhiều nơi (optional; with `successor`, all of them "
            "count)."
        ),
        "parent_periods": "Cơ quan cấp trên theo thời gian (optional; wins over `parent` on the dates it covers).",
        "parent_periods[]": "Một giai đoạn.",
        "tracked_by_periods": (
            "Đơn vị theo dõi theo thời gian (optional; wins over `tracked_by` on the dates it covers)."
        ),
        "tracked_by_periods[]": "Một giai đoạn.",
        "admin_code": "Mã đơn vị hành chính chính thức (optional), e.g. mã xã 5 chữ số theo QĐ 19/2025/QĐ-TTg.",
        "dossier_prefixes": (
            "Tiền tố mã hồ sơ của cơ quan (optional), e.g. \"000.00.28.H17\"; a letter whose dossier code starts with"
            " none of them gets a warning."
        ),
    },
    "level": {  # an entry of agencies.yml `level_validity`
        "level": "Tên cấp (một giá trị trong levels).",
        "valid_from": "Ngày cấp này bắt đầu tồn tại (optional).",
        "valid_to": "Ngày cuối cùng cấp này tồn tại (optional), e.g. cấp huyện: 2025-06-30.",
    },
    "agencies": {  # agencies.yml
        "agencies": "Danh mục cơ quan.",
        "agencies[]": "Một cơ quan.",
        "levels": "Các cấp hành chính, từ cao xuống thấp.",
        "level_validity": (
            "Thời gian tồn tại của từng cấp (optional). Absent: the default, district level until 2025-06-30 (two-"
            "tier local government from 1/7/2025)."
        ),
        "level_validity[]": "Một cấp.",
    },
    "reasons": {  # reasons.yml
        "reasons": "Các nhóm lý do trễ hạn.",
        "reasons[]": "Một nhóm lý do.",
        "reasons[].code": "Mã nhóm lý do [a-z0-9-]+.",
        "reasons[].label": "Tên nhóm lý do.",
    },}
