"""Letter page: the text OCR read from a scanned letter, shown under the document (Vietnamese)."""

HEADING = "Văn bản do máy đọc"
NOTE = ("Bản PDF là bản quét (ảnh), không có lớp chữ. Nội dung dưới đây do máy đọc tự động từ ảnh quét "
        "nên có thể sai chữ; văn bản chính thức là bản PDF ở trên.")
PAGE = "Trang {page}"
NOTHING_READ = "Máy không đọc được chữ nào trên trang này."
READ_FAILED = ("Máy chưa đọc được trang này (lần đọc bị lỗi hoặc quá thời gian); trang sẽ được đọc lại ở lần "
               "cập nhật sau. Xin xem nội dung trong bản PDF ở trên.")
