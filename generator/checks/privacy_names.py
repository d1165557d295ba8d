"""Personal data in free text beyond numbers: individuals' full names, birth dates, addresses.

Called from `generator.checks.privacy.scan_text` on text whose identifiers are already blanked (same
length, same offsets; the letter's signer is one of them: officials who sign are not citizens'
personal data). What counts:
- a full name: a Vietnamese surname followed by one to four capitalised syllables, after a
  personal title (ông, bà, anh, chị, em, cháu, cô, chú), after "hộ kinh doanh" / "hộ gia đình" /
  "cá nhân kinh doanh" / "chủ hộ", or, without a title, three to five syllables that are not the
  name of a street, school, place or organisation and not after an official's title;
- a birth date: "sinh ngày", "ngày sinh", "sinh năm", "năm sinh" followed by a date or year;
- an address: "trú tại", "thường trú", "tạm trú", "cư trú", "số nhà N", and "thôn / ấp / tổ dân
  phố / khu phố / buôn / bon" + a name or number when a person is mentioned in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.content.vtext import fold

# The most common Vietnamese surnames (most of the population carries one of them); "Văn", "La",
# "Quan", "Ông", "Y", "Phó" are left out: they begin too many common words and titles.
SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Đinh", "Lâm", "Phùng", "Mai", "Tô", "Hà", "Tạ",
    "Cao", "Lưu", "Quách", "Thái", "Châu", "Chu", "Lương", "Kiều", "Lục", "Triệu", "Tăng", "Từ", "Giang",
    "Hứa", "Khúc", "Kim", "Lại", "Mạc", "Nông", "Tôn", "Thân", "Thạch", "Tống", "Ninh", "Nghiêm", "Diệp",
    "Đàm", "Đồng", "Bế", "Hầu", "Hàn", "Khổng", "Lò", "Lã", "Mã", "Mẫn", "Phí", "Sầm", "Thiều", "Ung",
    "Viên",
)
_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_SYLLABLE = rf"[{_UPPER}][{_LOWER}]+"
_SURNAME = "(?:" + "|".join(sorted(set(SURNAMES), key=len, reverse=True)) + ")"
_GAP = r"[ \t]+"  # syllables of one name stay on one line
_FULL_NAME = rf"{_SURNAME}(?:{_GAP}{_SYLLABLE}){{1,4}}(?![{_LOWER}{_UPPER}])"
_FULL_NAME_RE = re.compile(_FULL_NAME)

_PERSON_TITLES = r"(?:ông|bà|anh|chị|em|cháu|cô|chú|cụ)"
_PERSON_PREFIXES = r"(?:hộ kinh doanh|hộ gia đình|cá nhân kinh doanh|chủ hộ|hkd|người nộp hồ sơ|công dân)"
_BARE = re.compile(rf"(?P<name>{_SURNAME}(?:{_GAP}{_SYLLABLE}){{2,4}})(?![{_LOWER}{_UPPER}])")
_SURNAME_SET = frozenset(SURNAMES)
# Speed: the patterns are tried only where a surname or keyword starts (found by str.find, `_starts`);
# a title before it is looked for in the few characters just before.
_TITLE_BEFORE = re.compile(rf"(?<![{_LOWER}{_UPPER}])(?i:{_PERSON_TITLES}|{_PERSON_PREFIXES})[:\s]+$")
_RESIDENCE_WORDS = ("trú tại", "thường trú", "tạm trú", "nơi cư trú", "cư trú tại", "chỗ ở hiện nay",
                    "địa chỉ thường trú")
_LOCALITY_WORDS = ("thôn", "ấp", "tổ dân phố", "khu phố", "buôn", "bon", "xóm", "bản")
# Words before a bare name that make it a place, an organisation or an official, not a citizen.
_NOT_A_CITIZEN = re.compile(
    r"(?i:đường|phố|ngõ|hẻm|trường|thpt|thcs|tiểu học|mầm non|công ty|tnhh|cổ phần|doanh nghiệp|hợp tác xã|"
    r"phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh|cầu|chợ|bệnh viện|trung tâm|khu|cụm|"
    r"giám đốc|chủ tịch|trưởng|phó|chánh|thủ trưởng|chuyên viên|cán bộ|công chức|người ký|ký|kt\.|tm\.|tl\.|"
    r"q\.|nơi nhận|lãnh đạo|đồng chí|bí thư)"
    r"[ \t.:,–-]*(?:[^\s]+[ \t]+){0,5}$"
)
_BIRTH = re.compile(r"(?i:sinh ngày|ngày sinh|sinh năm|năm sinh)[:\s]*(?:[\d#][\d#/.\-\s]{2,}[\d#]|[\d#]{4})")
_RESIDENCE = re.compile(
    r"(?i:trú tại|thường trú(?: tại)?|tạm trú(?: tại)?|nơi cư trú|cư trú tại|chỗ ở hiện nay|địa chỉ thường trú)"
    rf"[:\s]+(?=[\d#{_UPPER}]|(?i:thôn|ấp|tổ|khu|số|xóm|buôn|bon|bản|đường|phố)\b)\S+")
_HOUSE = re.compile(r"(?i:số nhà)\s*[\d#]+")
# Lower case: "Buôn Đôn", "Bản Đôn" as a capitalised name are districts or communes, not a household's
# village; a capitalised word is taken only before a number ("Thôn 3").
_LOCALITY = re.compile(
    rf"(?<![{_LOWER}{_UPPER}])(?:(?:thôn|ấp|tổ dân phố|khu phố|buôn|bon|xóm|bản)[ \t]+(?:[\d#]+|[{_UPPER}][{_LOWER}]*)"
    rf"|(?:Thôn|Ấp|Tổ dân phố|Khu phố|Xóm)[ \t]+[\d#]+)")
_PERSON_HINT = re.compile(rf"(?<![{_LOWER}{_UPPER}])(?i:{_PERSON_TITLES}|{_PERSON_PREFIXES}|gia đình|hộ)\s")


def _bare_name_is_citizen(text: str, start: int, end: int) -> bool:
    """False when the words just before a bare name make it a place, an organisation or an official,
    or when it stands alone on its line under an upper-case line (a signature block: "PHÓ GIÁM ĐỐC")."""
    line_start = text.rfind("\n", 0, start) + 1
    if _NOT_A_CITIZEN.search(text[max(line_start, start - 60) : start]):
        return False
    line_end = text.find("\n", end)
    alone = not text[line_start:start].strip() and not text[end : None if line_end < 0 else line_end].strip()
    if not alone or not line_start:
        return True
    above_end = line_start - 1
    while above_end > 0 and not text[text.rfind("\n", 0, above_end) + 1 : above_end].strip():
        above_end = text.rfind("\n", 0, above_end)  # skip blank lines
    above = text[text.rfind("\n", 0, max(above_end, 0)) + 1 : max(above_end, 0)]
    return not (above.strip() and above.isupper())


def _titled(text: str, start: int) -> bool:
    """True when a personal title or prefix ("ông", "hộ kinh doanh") ends just before `start`."""
    return _TITLE_BEFORE.search(text, max(0, start - 24), start) is not None


def _starts(text: str, words: Iterable[str]) -> list[int]:
    """Sorted offsets where one of `words` starts a word of `text` (plain str.find: fast)."""
    out = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            if at == 0 or not text[at - 1].isalpha():
                out.append(at)
            at = text.find(word, at + 1)
    return sorted(out)


def names(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every individual's full name: after a title with one syllable or more, bare with two or more."""
    after = 0
    for start in _starts(text, _SURNAME_SET):
        if start < after:
            continue
        titled = _titled(text, start)
        match = _FULL_NAME_RE.match(text, start) if titled else _BARE.match(text, start)
        if match is None or not (titled or _bare_name_is_citizen(text, *match.span())):
            continue
        after = match.end()
        yield match.span()


def _matches(pattern: re.Pattern[str], text: str, lowered: str, words: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """Matches of `pattern` tried only where one of its (lower-case) first words starts."""
    after = 0
    for start in _starts(lowered, words):
        if start >= after:
            match = pattern.match(text, start)
            if match:
                after = match.end()
                yield match


def birth_dates(text: str, lowered: str | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of every birth date with its keyword."""
    for match in _matches(_BIRTH, text, lowered or text.lower(), ("sinh", "ngày sinh", "năm sinh")):
        yield match.span()


def _sentence_of(text: str, start: int) -> str:
    """The sentence (between '.', ';' or a line break) around `start`."""
    left = max(text.rfind(stop, 0, start) for stop in ".;\n") + 1
    ends = [i for i in (text.find(stop, start) for stop in ".;\n") if i >= 0]
    return text[left : min(ends) if ends else len(text)]


def addresses(text: str, lowered: str | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of every personal address."""
    lowered = lowered or text.lower()
    for pattern, words in ((_RESIDENCE, _RESIDENCE_WORDS), (_HOUSE, ("số nhà",))):
        for match in _matches(pattern, text, lowered, words):
            yield match.span()
    for match in _matches(_LOCALITY, text, lowered, _LOCALITY_WORDS):
        sentence = _sentence_of(text, match.start())
        if _PERSON_HINT.search(sentence) or any(True for _ in names(sentence)):
            yield match.span()


def scan(text: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of every name, birth date and address; kind is person-name|birth-date|address."""
    lowered = text.lower()  # (same offsets: Vietnamese letters keep their length in lower case)
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for kind, spans in (("person-name", names(text)), ("birth-date", birth_dates(text, lowered)),
                        ("address", addresses(text, lowered))):
        seen: set[tuple[int, int]] = set()
        for span in spans:
            if span not in seen:
                seen.add(span)
                yield kind, span[0], span[1]


_BUSINESS = re.compile(r"^(?i:hộ kinh doanh|hkd|cá nhân kinh doanh|hộ gia đình)\b")


def is_household_business(name: str) -> bool:
    """True for a recipient that is a household business or sole trader (a person, not an organisation)."""
    return _BUSINESS.match(name.strip()) is not None


def masked_business_name(name: str) -> bool:
    """True for 'Hộ kinh doanh N.V.A.': the person's part of a household business's name is masked."""
    match = _BUSINESS.match(name.strip())
    rest = name.strip()[match.end():].strip() if match else name
    return re.fullmatch(rf"(?:[{_UPPER}]\.\s?){{1,6}}", rest) is not None


def sensitive(procedure: str, listed: tuple[str, ...]) -> bool:
    """True when the procedure's name contains one of the listed (accent-folded) phrases."""
    folded = fold(procedure)
    return any(fold(item) in folded for item in listed if item.strip())
