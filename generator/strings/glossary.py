"""Every figure's name and definition, once (Vietnamese): the glossary page and every label that links to it.

Keys are the figure keys of the data (report JSON/CSV, `stats.Figures`, `ontime.OnTime`). A page shows a
figure under `LABELS[key]` and links it to `giai-thich-so-lieu/#<key>`. `{lead}` and `{grace}` are the
portal's settings (apology_lead_working_days, missing_letter_grace_working_days).
"""

from __future__ import annotations

PAGE_SRC = "giai-thich-so-lieu.md"
PAGE_URL = "giai-thich-so-lieu/"
TITLE = "Giải thích số liệu"
INTRO = ("Mỗi số liệu trên cổng (trang chủ, trang cơ quan, báo cáo định kỳ, văn bản báo cáo) được tính theo "
         "đúng một định nghĩa dưới đây. Ngày làm việc: thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ, Tết, nghỉ bù, "
         "cộng các ngày làm bù.")
SOURCE = ("Cách tính tỷ lệ giải quyết đúng hạn theo nhóm chỉ số \"Tiến độ, kết quả giải quyết\" của Bộ chỉ số "
          "chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định số "
          "766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ): hồ sơ đúng hạn là hồ sơ có kết quả tại bộ phận "
          "một cửa trước hoặc đúng ngày hẹn trả; văn bản xin lỗi không làm hồ sơ trễ hạn trở thành đúng hạn.")
H_FIGURE = "Số liệu"
H_DEFINITION = "Cách tính"

# key: (label, definition)
FIGURES: dict[str, tuple[str, str]] = {
    "letters": ("Số văn bản xin lỗi",
                "Văn bản xin lỗi có ngày ban hành trong kỳ; văn bản đã thu hồi không được tính."),
    "in_time": ("Văn bản xin lỗi gửi trước hạn",
                "Văn bản ban hành trước ngày hẹn trả ban đầu ít nhất {lead} ngày làm việc."),
    "share_in_time": ("Tỷ lệ văn bản xin lỗi gửi trước hạn",
                      "Văn bản xin lỗi gửi trước hạn ÷ số văn bản xin lỗi."),
    "mean_days_late": ("Số ngày trễ bình quân",
                       "Số ngày làm việc từ sau ngày hẹn trả ban đầu đến ngày trả kết quả (chưa trả: đến ngày hẹn "
                       "trả mới), bình quân trên các văn bản xin lỗi, làm tròn một chữ số thập phân."),
    "max_days_late": ("Số ngày trễ nhiều nhất", "Số ngày trễ (như trên) lớn nhất trong các văn bản xin lỗi."),
    "median_days_late": ("Số ngày trễ ở giữa",
                         "Số ngày trễ của văn bản đứng giữa khi xếp các văn bản từ ít đến nhiều ngày trễ "
                         "(chỉ có trong tệp dữ liệu CSV, JSON)."),
    "mean_publication_days": ("Số ngày từ ban hành đến công khai (bình quân)",
                              "Số ngày làm việc từ sau ngày ban hành đến ngày đăng công khai, bình quân."),
    "median_publication_days": ("Số ngày từ ban hành đến công khai (ở giữa)",
                                "Như trên, giá trị ở giữa (chỉ có trong tệp dữ liệu CSV, JSON)."),
    "new_dates_missed": ("Trễ cả ngày hẹn mới", "Văn bản xin lỗi mà kết quả được trả sau cả ngày hẹn trả mới."),
    "withdrawn": ("Văn bản đã thu hồi", "Văn bản vẫn được liệt kê nhưng không tính vào số liệu nào."),
    "overdue": ("Hồ sơ quá hạn (hẹn trả trong kỳ)",
                "Hồ sơ trong dữ liệu phần mềm một cửa có ngày hẹn trả trong kỳ và kết quả trả sau ngày hẹn "
                "(hoặc chưa trả khi đã qua ngày hẹn)."),
    "covered": ("Hồ sơ quá hạn đã có văn bản xin lỗi",
                "Hồ sơ quá hạn (hẹn trả trong kỳ) có văn bản xin lỗi (chưa thu hồi) ban hành đến ngày lập báo cáo."),
    "coverage": ("Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi",
                 "Hồ sơ quá hạn đã có văn bản xin lỗi ÷ hồ sơ quá hạn (hẹn trả trong kỳ)."),
    "missing": ("Hồ sơ quá hạn thiếu văn bản xin lỗi",
                "Hồ sơ quá hạn chưa có văn bản xin lỗi khi đã qua {grace} ngày làm việc kể từ ngày hẹn trả "
                "(tính đến ngày lập báo cáo, dù kết quả đã trả hay chưa)."),
    "pending": ("Chưa nhận được bản sao",
                "Hồ sơ quá hạn chưa có văn bản xin lỗi, chưa qua {grace} ngày làm việc kể từ ngày hẹn trả: đơn vị "
                "theo dõi chưa nhận được bản sao. Pháp luật không cho thời gian ân hạn (văn bản xin lỗi phải có "
                "trước ngày hẹn trả), nên mặc định là 0 ngày và số này bằng 0."),
    "days_overdue": ("Số ngày quá hạn",
                     "Số ngày làm việc từ sau ngày hẹn trả đến ngày trả kết quả; chưa trả: đến ngày lập báo cáo."),
    "received": ("Hồ sơ tiếp nhận", "Hồ sơ có ngày tiếp nhận trong kỳ."),
    "resolved": ("Hồ sơ đã giải quyết", "Hồ sơ có ngày trả kết quả (kết quả có tại bộ phận một cửa) trong kỳ."),
    "resolved_early": ("Giải quyết trước hạn", "Hồ sơ đã giải quyết, trả kết quả trước ngày hẹn trả."),
    "resolved_on_due": ("Giải quyết đúng hạn", "Hồ sơ đã giải quyết, trả kết quả đúng ngày hẹn trả."),
    "resolved_late": ("Giải quyết quá hạn", "Hồ sơ đã giải quyết, trả kết quả sau ngày hẹn trả."),
    "in_progress": ("Đang giải quyết",
                    "Hồ sơ tiếp nhận đến cuối kỳ (hoặc đến ngày lập báo cáo) mà chưa trả kết quả."),
    "in_progress_late": ("Đang giải quyết, đã quá hạn", "Hồ sơ đang giải quyết mà ngày hẹn trả đã qua."),
    "on_time_rate": ("Tỷ lệ giải quyết đúng hạn",
                     "(Giải quyết trước hạn + giải quyết đúng hạn) ÷ hồ sơ đã giải quyết trong kỳ."),
    "late": ("Hồ sơ trễ hạn (giải quyết trong kỳ hoặc đang giải quyết)",
             "Giải quyết quá hạn + đang giải quyết, đã quá hạn."),
    "late_with_letter": ("Hồ sơ trễ hạn có văn bản xin lỗi",
                         "Hồ sơ trễ hạn có văn bản xin lỗi (chưa thu hồi) ban hành đến ngày lập báo cáo."),
    "late_coverage": ("Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi", "Hồ sơ trễ hạn có văn bản xin lỗi ÷ hồ sơ trễ hạn."),
}
LABELS = {key: label for key, (label, _) in FIGURES.items()}


def definition(key: str, lead: int, grace: int) -> str:
    """A figure's definition with the portal's settings filled in."""
    return FIGURES[key][1].format(lead=lead, grace=grace)
