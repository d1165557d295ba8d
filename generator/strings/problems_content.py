"""Problem codes for content files: YAML, schema, layout, registries, dates, privacy, text.

Each row: (code, English summary for developers, Vietnamese message template, Vietnamese fix).
Templates use str.format fields; keep messages short and say what to fix.
"""

from __future__ import annotations

from generator.strings.catalog import ProblemType, declare

ERRORS = [
    # --- files and YAML -------------------------------------------------------------------------
    ("config-missing", "A required settings file (portal.yml, agencies.yml, reasons.yml) is missing.",
     "Thiếu tệp cấu hình bắt buộc {name}.", "Tạo tệp {name} trong thư mục nội dung theo mẫu."),
    ("yaml-syntax", "The YAML file does not parse.",
     "Lỗi cú pháp YAML: {detail}.",
     "Sửa cú pháp tại dòng được chỉ ra (thụt lề, dấu hai chấm, ngoặc kép)."),
    ("yaml-empty", "The file holds no value at all (empty, or only comments).",
     "Tệp trống: không có trường nào.", "Điền nội dung theo mẫu, hoặc xóa tệp nếu tạo nhầm."),
    ("yaml-duplicate-key", "A key appears twice in the same mapping.",
     "Khóa '{key}' bị lặp lại (đã có ở dòng {first_line}).", "Xóa một trong hai khóa trùng."),
    ("yaml-alias", "YAML anchors, aliases and tags are not allowed in content files.",
     "Không dùng neo/bí danh (&, *) hay thẻ (!) YAML trong tệp nội dung.", "Viết đầy đủ giá trị."),
    ("yaml-too-large", "The YAML file exceeds the size bound.",
     "Tệp YAML quá lớn ({size} byte, tối đa {limit} byte).",
     "Kiểm tra lại tệp; một văn bản chỉ cần vài chục dòng."),
    ("yaml-not-mapping", "The top level of the file is not a mapping.",
     "Nội dung tệp phải là một bảng khóa: giá trị.", "Viết mỗi trường trên một dòng dạng 'khóa: giá trị'."),
    ("yaml-encoding", "The file is not valid UTF-8.",
     "Tệp không phải mã UTF-8.", "Lưu lại tệp với mã hóa UTF-8."),
    ("field-missing", "A required field is absent.",
     "Thiếu trường bắt buộc '{field}'.", "Bổ sung trường '{field}'."),
    ("field-unknown", "An unknown key (likely a typo).",
     "Trường '{field}' không có trong mẫu{hint}.",
     "Sửa tên trường (hoặc thụt lề) hoặc xóa nó; xem danh sách trường trong hướng dẫn."),
    ("field-type", "A value has the wrong type.",
     "Trường '{field}' phải là {expected}.", "Sửa giá trị cho đúng kiểu."),
    ("field-range", "A number is below the smallest allowed value.",
     "Trường '{field}' phải từ {minimum} trở lên, nhận được {value}.", "Sửa giá trị."),
    ("field-empty", "A required text value is empty.",
     "Trường '{field}' không được để trống.",
     "Điền giá trị cho trường; giá trị bắt đầu bằng '#' phải đặt trong ngoặc kép (không thì là chú thích)."),
    ("field-choice", "A value is not one of the allowed choices.",
     "Trường '{field}' có giá trị '{value}' không hợp lệ; chọn một trong: {choices}.", "Dùng một giá trị được liệt kê."),
    ("date-invalid", "A date is not a valid ISO date YYYY-MM-DD.",
     "Trường '{field}' phải là ngày dạng YYYY-MM-DD (ví dụ 2018-05-09), nhận được '{value}'.",
     "Viết ngày theo dạng năm-tháng-ngày."),
    # --- layout ---------------------------------------------------------------------------------
    ("layout-unexpected-file", "A file under letters/ that is not a letter's .yml or its .pdf.",
     "Tệp không đúng quy ước trong thư mục letters/: {reason}.",
     "Mỗi văn bản gồm <mã>.yml và <mã>.pdf trong letters/<năm>/<mã-cơ-quan>/."),
    ("layout-bad-id", "The letter id (file name) is not [a-z0-9-]+.",
     "Mã văn bản '{letter_id}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang.", "Đổi tên tệp."),
    ("layout-wrong-year", "The year folder differs from the year of issued_on.",
     "Văn bản ban hành năm {year} nhưng nằm trong thư mục năm {folder}.", "Chuyển tệp sang letters/{year}/."),
    ("layout-wrong-agency", "The agency folder differs from the letter's agency.",
     "Văn bản của cơ quan '{agency}' nhưng nằm trong thư mục '{folder}'.", "Chuyển tệp sang thư mục '{agency}'."),
    ("letter-id-duplicate", "Two letters share an id.",
     "Mã văn bản '{letter_id}' đã dùng cho {other}.", "Đặt mã khác, duy nhất trong toàn bộ kho."),
    ("pdf-missing", "The PDF beside the YAML is missing.",
     "Không tìm thấy tệp PDF {name} cạnh tệp YAML.", "Thêm bản PDF công khai của văn bản, cùng tên với tệp YAML."),
    ("pdf-not-regular", "The PDF is a symlink or not a regular file.",
     "Tệp PDF {name} phải là tệp thường, không phải liên kết.", "Thay liên kết bằng chính tệp PDF."),
    # --- registries -----------------------------------------------------------------------------
    ("agency-unknown", "The letter names an agency not in agencies.yml.",
     "Cơ quan '{agency}' không có trong danh mục agencies.yml.", "Sửa mã cơ quan hoặc bổ sung vào danh mục."),
    ("agency-not-valid", "The agency did not exist on the date of issue.",
     "Cơ quan '{agency}' không còn/ chưa hoạt động vào ngày {day} (hiệu lực {window}){successors}.",
     "Kiểm tra ngày ban hành hoặc dùng cơ quan kế nhiệm."),
    ("reason-unknown", "The reason category is not in reasons.yml.",
     "Nhóm lý do '{category}' không có trong reasons.yml.", "Dùng một mã lý do trong reasons.yml."),
    ("registry-duplicate-code", "Two registry entries share a code.",
     "Mã '{code}' bị trùng trong danh mục.", "Mỗi mã chỉ khai báo một lần."),
    ("registry-bad-code", "A registry code is not [a-z0-9-]+.",
     "Mã '{code}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang.", "Sửa mã."),
    ("registry-unknown-ref", "parent, tracked_by or successor names no known agency.",
     "Trường '{field}' trỏ tới cơ quan '{code}' không có trong danh mục.", "Sửa mã hoặc bổ sung cơ quan."),
    ("registry-unknown-level", "An agency's level is not listed in levels.",
     "Cấp '{level}' không có trong danh sách levels.", "Dùng một cấp trong levels hoặc bổ sung nó."),
    ("registry-cycle", "Parents form a cycle.",
     "Quan hệ cơ quan cấp trên tạo thành vòng lặp: {cycle}.", "Sửa trường parent."),
    ("registry-bad-window", "valid_from is after valid_to.",
     "Ngày bắt đầu hiệu lực sau ngày kết thúc.", "Sửa valid_from / valid_to."),
    ("portal-bad-pattern", "An identifier pattern in portal.yml (policy.*_pattern) is not a usable RE2 expression.",
     "Biểu thức '{field}' trong portal.yml không dùng được: {detail}. Mẫu mặc định được dùng thay.",
     "Sửa biểu thức chính quy theo cú pháp RE2: không dùng tham chiếu ngược (\\1) hay nhìn trước/nhìn sau "
     "((?=…), (?!…), (?<=…)); ví dụ ^\\d+/[A-Z]+$."),
    ("portal-bad-url", "site_url or pdf_base_url in portal.yml is not a plain absolute http(s) URL.",
     "Trường '{field}' phải là địa chỉ đầy đủ bắt đầu bằng https:// ({reason}; nhận được '{value}').",
     "Viết đầy đủ, ví dụ https://xinloi.example.gov.vn/: không tên đăng nhập, dấu ngoặc kép, dấu < >, "
     "khoảng trắng, ? hay #."),
    # --- dates ----------------------------------------------------------------------------------
    ("dates-received-after-due", "received_on is after due_on.",
     "Ngày tiếp nhận ({received_on}) sau ngày hẹn trả ({due_on}).", "Kiểm tra hai ngày này."),
    ("dates-new-due-not-after-due", "new_due_on is not after due_on.",
     "Ngày hẹn trả mới ({new_due_on}) phải sau ngày hẹn trả ban đầu ({due_on}).", "Sửa ngày hẹn trả mới."),
    ("dates-issued-before-received", "issued_on is before received_on.",
     "Ngày ban hành ({issued_on}) trước ngày tiếp nhận hồ sơ ({received_on}).", "Kiểm tra ngày ban hành."),
    ("dates-published-before-issued", "published_on is before issued_on.",
     "Ngày công khai ({published_on}) trước ngày ban hành ({issued_on}).", "Kiểm tra ngày công khai."),
    ("dates-returned-not-after-due", "returned_on is not after due_on: there was no delay.",
     "Ngày trả kết quả ({returned_on}) không sau ngày hẹn trả ({due_on}): hồ sơ không bị quá hạn.",
     "Kiểm tra ngày trả kết quả; hồ sơ đúng hạn không cần văn bản xin lỗi."),
    ("dates-in-future", "A date that must have happened is after the build date.",
     "Ngày ở trường '{field}' ({value}) sau ngày hôm nay ({today}).", "Sửa ngày; ngày này không thể ở tương lai."),
    ("dates-correction-order", "Corrections are not in date order, or predate publication.",
     "Các lần đính chính phải theo thứ tự thời gian và không trước ngày công khai.", "Sắp xếp lại hoặc sửa ngày."),
    # --- identifiers ----------------------------------------------------------------------------
    ("dossier-code-pattern", "The dossier code does not match the portal's pattern.",
     "Mã hồ sơ '{value}' không đúng mẫu (ví dụ 000.00.21.H17-180420-0012).", "Chép đúng mã trên giấy tiếp nhận."),
    ("number-duplicate", "Two letters of the same agency and year share a number.",
     "Số văn bản '{number}' đã dùng cho {other} cùng cơ quan, cùng năm.", "Kiểm tra số và ký hiệu văn bản."),
    ("pdf-duplicate", "Two letters share the same PDF (SHA-256).",
     "Tệp PDF giống hệt tệp của {other}.", "Mỗi văn bản phải có bản PDF của chính nó."),
    # --- privacy --------------------------------------------------------------------------------
    ("privacy-name-not-masked", "An individual's name is not masked.",
     "Tên người nhận '{value}' phải viết tắt (ví dụ 'Ông N.V.A.').", "Chỉ ghi danh xưng và chữ cái đầu."),
    ("privacy-citizen-id", "A citizen ID number (CCCD/CMND) appears in the text.",
     "Có số định danh cá nhân (CCCD/CMND) trong trường '{field}'.", "Xóa số định danh khỏi nội dung công khai."),
    ("privacy-phone", "A personal phone number appears in the text.",
     "Có số điện thoại cá nhân trong trường '{field}'.", "Xóa số điện thoại, trừ số liên hệ của cơ quan."),
    ("privacy-email", "A personal e-mail address appears in the text.",
     "Có địa chỉ e-mail cá nhân trong trường '{field}'.", "Xóa địa chỉ e-mail, trừ e-mail của cơ quan."),
    # --- Vietnamese text ------------------------------------------------------------------------
    ("text-not-nfc", "Text is not Unicode NFC (decomposed tone marks).",
     "Trường '{field}' dùng dấu tổ hợp (không phải Unicode dựng sẵn NFC).",
     "Gõ lại bằng bộ gõ Unicode dựng sẵn hoặc chuyển mã sang NFC."),
    ("text-legacy-encoding", "Text looks like TCVN3/VNI mojibake.",
     "Trường '{field}' có vẻ gõ bằng bảng mã cũ ({encoding}): '{sample}'.",
     "Chuyển mã sang Unicode (ví dụ bằng Unikey) rồi nhập lại."),
]

WARNINGS = [
    ("dossier-code-repeated", "The same dossier code appears in two letters (a new date may be set only once).",
     "Mã hồ sơ '{value}' cũng có trong {other}: chỉ được hẹn lại một lần.", "Kiểm tra lại hồ sơ."),
    ("returned-after-new-due", "The result was returned after the new promised date.",
     "Trả kết quả ({returned_on}) sau cả ngày hẹn mới ({new_due_on}).",
     "Ghi nhận; số liệu này hiện trên trang cơ quan."),
    ("dossier-date-mismatch", "The date inside the dossier code differs from received_on.",
     "Ngày trong mã hồ sơ ({code_date}) khác ngày tiếp nhận ({received_on}).", "Kiểm tra mã hồ sơ và ngày tiếp nhận."),
    ("number-pattern", "The letter number does not match policy.number_pattern (it is then scanned as free text).",
     "Số văn bản '{value}' không đúng mẫu (ví dụ 15/XL-STNMT).",
     "Chép đúng số và ký hiệu trên văn bản, hoặc sửa policy.number_pattern trong portal.yml."),
    ("procedure-code-pattern", "The procedure code does not match policy.procedure_code_pattern (then scanned as free text).",
     "Mã thủ tục '{value}' không đúng mẫu (ví dụ 1.004227).",
     "Chép đúng mã thủ tục trên Cổng dịch vụ công, hoặc sửa policy.procedure_code_pattern trong portal.yml."),
]

TYPES: dict[str, ProblemType] = {**declare("error", ERRORS), **declare("warning", WARNINGS)}

# The {reason} of `layout-unexpected-file`.
LAYOUT_REASONS = {
    "depth": "tệp phải nằm trong letters/<năm>/<mã-cơ-quan>/",
    "year-dir": "thư mục năm phải gồm 4 chữ số (ví dụ letters/2025/)",
    "extra-dir": "thư mục thừa; các tệp phải nằm ngay trong letters/<năm>/<mã-cơ-quan>/",
    "symlink": "tệp YAML không được là liên kết",
    "orphan-pdf": "tệp PDF không có tệp YAML cùng tên",
    "yaml-ext": "dùng đuôi .yml, không dùng .yaml",
    "ext-case": "đuôi tệp phải viết thường (.yml, .pdf)",
    "other": "chỉ chấp nhận tệp .yml và .pdf",
}

# The {hint} of `field-unknown`: the field most likely meant ({name} is its dotted path).
FIELD_HINTS = {
    "typo": " (gõ nhầm? có phải '{name}'?)",
    "indent": " (thụt lề sai? trường này thuộc '{name}', phải lùi vào thẳng hàng với các trường của nó)",
    "unknown": " (gõ nhầm?)",
}

# The {detail} of `yaml-syntax`: what most likely went wrong, in the editor's words (PyYAML's own
# English text is kept only as a last resort). Keys are chosen by generator/content/yamlsrc.py.
YAML_SYNTAX_DETAILS = {
    "tab": "có ký tự Tab ở đầu dòng; chỉ thụt lề bằng dấu cách",
    "unclosed-quote": "thiếu dấu ngoặc đóng (\" hoặc ') ở cuối giá trị",
    "colon-in-value": "giá trị có dấu hai chấm ': ' hoặc dòng bị thụt lề sai; "
                      "đặt giá trị trong ngoặc kép hoặc sửa thụt lề cho thẳng hàng với các trường cùng cấp",
    "missing-colon": "thiếu dấu hai chấm ':' sau tên trường, hoặc dòng bị thụt lề sai",
    "odd-space": "có ký tự lạ trong dòng (dấu cách không ngắt hoặc dấu hai chấm toàn khổ '：'); "
                 "gõ lại dấu cách và dấu ':' thông thường",
    "indent": "thụt lề không đều; các trường cùng cấp phải thẳng hàng, mỗi cấp lùi vào 2 dấu cách",
    "list-dash": "danh sách bị trộn với trường; mỗi mục của danh sách bắt đầu bằng '- ' và thẳng hàng nhau",
    "escape": "dấu '\\' trong chuỗi ngoặc kép; dùng ngoặc đơn '...' cho giá trị có dấu '\\'",
    "flow": "thiếu dấu đóng ']' hoặc '}'",
    "bad-start": "giá trị bắt đầu bằng ký tự đặc biệt (@, `, *, &, !, %, |, >); đặt giá trị trong ngoặc kép",
    "document": "dòng '---' chia tệp thành nhiều phần; mỗi tệp chỉ có một văn bản, hãy xóa dòng đó",
    "too-deep": "lồng nhau quá sâu",
    "key-not-text": "tên trường phải là chữ",
    "unreadable": "không đọc được tệp",
    "other": "không đọc được ({problem})",
}
