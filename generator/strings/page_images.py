"""Vietnamese text of a letter's page images and their text (letter pages)."""

from __future__ import annotations

PAGES_HEADING = "Đọc văn bản"
PAGE_ALT = "Trang {page}/{pages} của văn bản số {number}{text_note}"
PAGE_ALT_TEXT_NOTE = " (nội dung chữ ở ngay dưới ảnh)"
PAGE_CAPTION = "Trang {page}/{pages}"
PAGE_TEXT = "Nội dung chữ của trang {page}"
PAGE_NO_TEXT = "Trang này là bản quét, chưa có nội dung chữ: xem ảnh hoặc tải tệp PDF."
