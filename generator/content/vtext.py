"""Vietnamese text: NFC, legacy-encoding (TCVN3 / VNI) mojibake detection, accent folding for search."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --- normalisation --------------------------------------------------------------------------------


def nfc(s: str) -> str:
    """The NFC form of `s`."""
    return unicodedata.normalize("NFC", s)


def is_nfc(s: str) -> bool:
    """True when `s` is already NFC."""
    return unicodedata.is_normalized("NFC", s)


_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
_SPACES = re.compile(r"\s+")


def fold(s: str) -> str:
    """Search key: lower case, no diacritics, đ → d, single spaces ("Đắk  Nông" → "dak nong")."""
    decomposed = unicodedata.normalize("NFD", s.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("ð", "d")  # ð (eth) is a frequent mistyping of đ
    return _SPACES.sub(" ", bare).strip()


def _split_tone(ch: str) -> tuple[str, str]:
    """(character without tone mark, tone mark or "") of one NFC character."""
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in _TONES)
    return nfc("".join(c for c in d if c not in _TONES)), tone


_WORD = re.compile(r"[^\W\d_]+")
_MOVABLE_RHYMES = {"oa", "oe", "uy"}


def _canonical_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if len(word) < 2:
        return word
    (b1, t1), (b2, t2) = _split_tone(word[-2]), _split_tone(word[-1])
    if t1 or not t2 or (b1 + b2).lower() not in _MOVABLE_RHYMES:
        return word
    if len(word) > 2 and word[-3].lower() == "q":  # "quý": u belongs to the initial "qu"
        return word
    return word[:-2] + nfc(b1 + t2) + b2


def normalize_tone_placement(s: str) -> str:
    """One tone placement for open oa/oe/uy rhymes: "hoà" → "hòa", "thuỷ" → "thủy", "khoẻ" → "khỏe"."""
    return _WORD.sub(_canonical_word, nfc(s))


# --- Vietnamese syllables -------------------------------------------------------------------------

_NUCLEI = (  # vowel clusters, longest first
    "iêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu", "ai", "ao",
    "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi",
    "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
)
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    rf"({'|'.join(_NUCLEI)})"
    r"(ch|ng|nh|[cmnpt])?$"
)


_OPEN_ONLY = frozenset(  # no final consonant after these
    [
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
        "ưa", "ưi", "ưu", "iêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu",
    ]
)
_CLOSED_ONLY = frozenset(["ă", "â", "iê", "uyê", "uô", "ươ", "yê"])


def is_syllable(word: str) -> bool:
    """True when `word` is shaped like one Vietnamese syllable (at most one tone mark)."""
    d = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in d) > 1:
        return False
    m = _SYLLABLE.match(nfc("".join(c for c in d if c not in _TONES)))
    if not m:
        return False
    nucleus, final = m.group(2), m.group(3)
    return not ((final and nucleus in _OPEN_ONLY) or (not final and nucleus in _CLOSED_ONLY))


_SHAPES = {"a": {"", "\u0302", "\u0306"}, "e": {"", "\u0302"}, "o": {"", "\u0302", "\u031b"}, "u": {"", "\u031b"}}


def is_vietnamese_letter(ch: str) -> bool:
    """True for a letter of the Vietnamese alphabet (any case, any tone) or an unaccented Latin letter."""
    if ch in "đĐ" or ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
        return True
    d = unicodedata.normalize("NFD", ch)
    base, marks = d[0].lower(), d[1:]
    if base not in "aeiouy" or not marks:
        return False
    tones = [m for m in marks if m in _TONES]
    shape = "".join(m for m in marks if m not in _TONES)
    return len(tones) <= 1 and shape in _SHAPES.get(base, {""})


# --- legacy encodings -----------------------------------------------------------------------------
# TCVN3 (ABC, .VnTime fonts) stores precomposed letters in 8-bit codes; read as Latin-1 / cp1252 they
# become "§éc lËp". Upper-case fonts (.VnTimeH) reuse the lower-case codes.
_TCVN3_SRC = (
    "µ¸¶·¹" "¨»¾¼½Æ" "©ÇÊÈÉË" "®" "ÌÐÎÏÑ" "ªÒÕÓÔÖ" "×ÝØÜÞ" "ßãáâä" "«åèæçé" "¬êíëìî" "ïóñòô" "\xadõøö÷ù"
    "úýûüþ" "¡¢§£¤¥¦"
)
_TCVN3_DST = (
    "àáảãạ" "ăằắẳẵặ" "âầấẩẫậ" "đ" "èéẻẽẹ" "êềếểễệ" "ìíỉĩị" "òóỏõọ" "ôồốổỗộ" "ơờớởỡợ" "ùúủũụ" "ưừứửữự"
    "ỳýỷỹỵ" "ĂÂĐÊÔƠƯ"
)
_TCVN3 = str.maketrans(_TCVN3_SRC, _TCVN3_DST)

# VNI Windows stores a base letter followed by a mark byte: "COÄNG HOØA" = "CỘNG HÒA".
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": _CIRC, "á": _CIRC + "\u0301", "à": _CIRC + "\u0300", "å": _CIRC + "\u0309", "ã": _CIRC + "\u0303",
    "ä": _CIRC + "\u0323",
    "ê": _BREVE, "é": _BREVE + "\u0301", "è": _BREVE + "\u0300", "ú": _BREVE + "\u0309", "ü": _BREVE + "\u0303",
    "ë": _BREVE + "\u0323",
}
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị"}
_VNI_LETTERS.update({k.upper(): v.upper() for k, v in list(_VNI_LETTERS.items())})
_VOWELS = set("aeiouyăâêôơư")


def _decode_vni(word: str) -> str:
    """Read `word` as VNI Windows shown in cp1252."""
    out: list[str] = []
    for ch in word:
        prev = unicodedata.normalize("NFD", out[-1])[0].lower() if out else ""
        prev_base = nfc(out[-1]).lower() if out else ""
        if ch in _VNI_MARKS and prev and (prev in _VOWELS or prev_base in _VOWELS):
            out[-1] = nfc(out[-1] + _VNI_MARKS[ch])
        elif ch in _VNI_LETTERS:
            out.append(_VNI_LETTERS[ch])
        else:
            out.append(ch)
    return nfc("".join(out))


_DECODERS = {"TCVN3": lambda w: w.translate(_TCVN3), "VNI": _decode_vni}
_TOKEN = re.compile(r"[^\s\d!-/:-@\[-`{-~“”‘’–—…]+")  # letters, incl. the 8-bit symbols TCVN3 uses


def _repairs(text: str) -> dict[str, int]:
    """Per encoding, how many words are not Vietnamese as written but are once decoded."""
    counts = dict.fromkeys(_DECODERS, 0)
    for token in _TOKEN.findall(text):
        for name, weight in _token_votes(token):
            counts[name] += weight
    return counts


@lru_cache(maxsize=1 << 16)
def _token_votes(token: str) -> tuple[tuple[str, int], ...]:
    """(encoding, weight) for each legacy encoding that turns `token` into a Vietnamese syllable."""
    if all(ord(c) < 0x80 or ord(c) > 0xFF for c in token) or is_syllable(token):
        return ()
    if not any("a" <= c <= "z" or "A" <= c <= "Z" for c in token):  # a lone symbol such as "÷"
        return ()
    weight = 1 if all(is_vietnamese_letter(c) for c in token) else 2  # "kh«ng": « is no letter
    votes = []
    for name, decode in _DECODERS.items():
        fixed = decode(token)
        if fixed != token and is_syllable(fixed):
            votes.append((name, weight))
    return tuple(votes)


def legacy_encoding(s: str) -> str | None:
    """"TCVN3" or "VNI" when `s` looks like mojibake of that legacy encoding, else None."""
    counts = _repairs(nfc(s))
    name, best = max(counts.items(), key=lambda kv: kv[1])
    return name if best >= 2 else None


def repair_hint(s: str) -> str | None:
    """`s` decoded from the legacy encoding it is written in (a hint for editors), else None."""
    name = legacy_encoding(s)
    if name is None:
        return None
    return _TOKEN.sub(lambda m: _DECODERS[name](m.group(0)), nfc(s))
