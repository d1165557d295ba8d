"""Model-level fixtures for search tests: a few letters chosen for accent, tone and code cases."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from generator.content.model import Agency, Content, DelayReason, Dossier, Letter, Person, Portal, Reason, Recipient

AGENCIES = [
    Agency("tthcc", "Trung tâm Hành chính công tỉnh", "province", contact="0261 1234 567"),
    Agency("so-tnmt", "Sở Tài nguyên và Môi trường tỉnh Đắk Nông", "province", tracked_by="tthcc"),
    Agency("ubnd-dak-mil", "UBND huyện Đắk Mil", "district", tracked_by="tthcc"),
    Agency("ubnd-duc-minh", "UBND xã Đức Minh", "commune", tracked_by="tthcc"),
    Agency("ubnd-hoa-binh", "UBND xã Hòa Bình", "commune", tracked_by="tthcc"),
    Agency("ubnd-hoa-thuong", "UBND xã Hóa Thượng", "commune", tracked_by="tthcc"),
    Agency("cc-thuy-loi", "Chi cục Thuỷ lợi", "province", tracked_by="tthcc"),
    Agency("ubnd-cu-jut", "UBND huyện Cư Jút", "district", tracked_by="tthcc"),
]
REASONS = [Reason("inter-agency", "Chậm phối hợp liên thông giữa các cơ quan"),
           Reason("workload", "Khối lượng hồ sơ lớn"), Reason("other", "Lý do khác")]

# id, agency, issued_on, code, procedure, reason, detail, signer
LETTERS = [
    ("l-dak-nong", "so-tnmt", "2025-05-09", "000.00.21.H17-250420-0012", "Đăng ký biến động quyền sử dụng đất",
     "inter-agency", "Chờ ý kiến phối hợp của Chi cục Thuế.", "Nguyễn Văn Bình"),
    ("l-dak-mil", "ubnd-dak-mil", "2026-02-03", "H56.14-260105-0003", "Cấp giấy phép xây dựng",
     "workload", "Số lượng hồ sơ tăng đột biến.", "Phạm Minh Tuấn"),
    ("l-duc", "ubnd-duc-minh", "2026-03-10", "H56.22-260201-0007", "Chứng thực bản sao từ bản chính",
     "workload", "", "Trần Văn Đức"),
    ("l-hoa", "ubnd-hoa-binh", "2026-01-15", "H56.31-251210-0002", "Đăng ký khai sinh",
     "other", "Cán bộ nghỉ ốm.", "Vũ Thị Lan"),
    ("l-hoa2", "ubnd-hoa-thuong", "2025-11-20", "H56.32-251101-0004", "Đăng ký kết hôn",
     "other", "Cán bộ đi công tác.", "Hoàng Văn Nam"),
    ("l-thuy", "cc-thuy-loi", "2025-09-02", "000.00.30.H17-250801-0021", "Cấp phép khai thác nước mặt",
     "inter-agency", "Chờ thẩm định hồ sơ.", "Đinh Công Sơn"),
    ("l-xinloi", "tthcc", "2026-04-01", "000.00.21.H17-260310-0044", "Cấp giấy chứng nhận quyền sử dụng đất",
     "other", "Đã gọi điện xin lỗi công dân và hẹn lại ngày trả.", "Nguyễn Văn Bình"),
    ("l-old", "ubnd-cu-jut", "2019-08-30", "H56.14-190823-0001", "Cấp đổi giấy phép lái xe",
     "workload", "Máy in phôi hỏng.", "Lê Văn Dục"),
]


def make_letter(row: tuple) -> Letter:
    """A model letter from one row of LETTERS."""
    lid, agency, issued, code, procedure, reason, detail, signer = row
    day = date.fromisoformat(issued)
    dossier = Dossier(code=code, procedure=procedure, received_on=day - timedelta(days=20),
                      due_on=day + timedelta(days=3), new_due_on=day + timedelta(days=10))
    return Letter(id=lid, source=f"letters/{day.year}/{agency}/{lid}.yml", number=f"{lid[-3:]}/XL",
                  issued_on=day, agency=agency, signer=Person(signer, "Phó Giám đốc"),
                  recipient=Recipient("individual", "Ông N.V.A."), dossier=dossier,
                  reason=DelayReason(reason, detail), published_on=day + timedelta(days=1))


def make_search_content(root: Path = Path("content")) -> Content:
    """The search fixture as a validated-like `Content`."""
    portal = Portal(name="Công khai văn bản xin lỗi", owner="Trung tâm Hành chính công tỉnh",
                    site_url="https://xinloi.example.gov.vn/", contact="0261 1234 567, tthcc@example.gov.vn")
    letters = sorted((make_letter(r) for r in LETTERS), key=lambda x: (x.issued_on, x.id))
    return Content(root=root, portal=portal, agencies={a.code: a for a in AGENCIES},
                   levels=("province", "district", "commune"), reasons={r.code: r for r in REASONS},
                   letters=letters)
