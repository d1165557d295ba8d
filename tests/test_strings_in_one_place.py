"""Every Vietnamese string an editor or citizen reads lives in generator/strings/ (DEVELOPERS.md).

An AST walk over the generator's code outside generator/strings/: a string constant (f-string parts
included; docstrings and other bare string statements excluded) holding a Vietnamese letter fails,
unless its module is in `ALLOWED` with the reason its Vietnamese is data the code matches, not text
anyone reads.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

from generator.content import schema
from generator.strings.fields import TEXTS

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"

ALLOWED = {  # module (path from the repository root) -> why its Vietnamese literals stay in the code
    "generator/content/vtext.py": "folding tables: each Vietnamese letter mapped to its bare letter (code)",
    "generator/site/search/records.py": "đ/Đ, the letters Pagefind cannot fold itself (code)",
    "generator/checks/privacy_names.py": "linguistic data the privacy scanner matches (surnames, personal titles, "
                                         "address and place words in its regexes); never shown",
    "generator/checks/privacy.py": "regexes of Vietnamese dates, personal titles and initials, letter numbers "
                                   "(Đ in character classes); never shown",
    "generator/checks/pdfgate/scan_checks.py": "regex of a letter's 'Kính gửi' line read in a scan's OCR text",
    "generator/content/newletter.py": "regexes of the labels of a letter's form (Mẫu số 04: 'Số:', 'Kính gửi:', "
                                      "'hẹn trả kết quả', signers' titles) read in a PDF's text",
    "generator/content/model.py": "the letter-number regex (Đ in a character class)",
}

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, grave, acute, hook, tilde, dot below
VIETNAMESE = frozenset(
    letter
    for base in "aăâeêioôơuưy"
    for tone in _TONES
    for letter in {unicodedata.normalize("NFC", base + tone), unicodedata.normalize("NFC", base.upper() + tone)}
    if not letter.isascii()
) | {"đ", "Đ"}


def _has_vietnamese(text: str) -> bool:
    return not VIETNAMESE.isdisjoint(unicodedata.normalize("NFC", text))


def _bare_strings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are statements of their own (docstrings, attribute docstrings)."""
    return {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def vietnamese_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each string constant of `path` that holds a Vietnamese letter and is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bare = _bare_strings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare
            and _has_vietnamese(node.value)]


def _modules() -> list[Path]:
    return sorted(p for p in GENERATOR.rglob("*.py") if (GENERATOR / "strings") not in p.parents)


def test_the_scan_finds_vietnamese_and_skips_docstrings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Mô-đun."""\nX = "chữ"\nY = f"{X} ngày"\nZ = "plain"\n"""Thuộc tính."""\n\n\n'
                      'def f():\n    """Hàm."""\n    return "Toa\u0300n"\n', encoding="utf-8")
    assert vietnamese_literals(sample) == [(2, "chữ"), (3, " ngày"), (10, "Toa\u0300n")]


def test_no_vietnamese_literal_outside_strings():
    found = [f"{path.relative_to(ROOT).as_posix()}:{line}: {text[:60]!r}"
             for path in _modules() if path.relative_to(ROOT).as_posix() not in ALLOWED
             for line, text in vietnamese_literals(path)]
    assert not found, "Vietnamese text belongs in generator/strings/ (or ALLOWED, with a reason):\n" + "\n".join(found)


def test_every_allowed_module_still_needs_its_entry():
    for module, reason in ALLOWED.items():
        assert reason
        assert vietnamese_literals(ROOT / module), f"{module} holds no Vietnamese literal: drop it from ALLOWED"


def _paths(fields: tuple[schema.Field, ...], prefix: str = "") -> dict[str, schema.Field]:
    out = {}
    for f in fields:
        path = f"{prefix}{f.name}"
        out[path] = f
        out.update(_paths(f.children, f"{path}."))
        if f.item is not None:
            out[f"{path}[]"] = f.item
            out.update(_paths(f.item.children, f"{path}[]."))
    return out


def test_every_field_is_described_and_every_description_belongs_to_a_field():
    groups = {"letter": schema.LETTER, "portal": schema.PORTAL, "register": schema.REGISTER,
              "period": schema._PERIOD, "agency": schema.AGENCY, "level": schema.LEVEL,
              "agencies": schema.AGENCIES, "reasons": schema.REASONS}
    assert set(TEXTS) == set(groups)
    for group, fields in groups.items():
        paths = _paths(fields)
        assert set(TEXTS[group]) <= set(paths), f"{group}: descriptions of no field"
        for path, field in paths.items():
            if path.endswith("[]") and field.kind != "map":
                continue  # a plain list item: the list's description says what it holds
            assert field.description, f"{group}: {path} has no description in generator/strings/fields.py"
