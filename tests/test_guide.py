"""The editor guide covers every problem code (generated from the catalog) and the editor's tasks."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.guide import BEGIN, END, update_guide
from generator.strings import PROBLEM_TYPES

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"


def test_every_problem_code_is_in_the_guide_with_what_to_do():
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index(BEGIN):text.index(END)]
    entry = r"^- \*\*`([a-z0-9-]+)`\*\* \((lỗi|cảnh báo)\): .+\n  \*Cách xử lý:\* .+$"
    listed = re.findall(entry, section, re.MULTILINE)
    assert sorted(code for code, _ in listed) == sorted(PROBLEM_TYPES)
    assert all((level == "lỗi") == (PROBLEM_TYPES[code].severity == "error") for code, level in listed)


def test_guide_is_up_to_date():
    text = GUIDE.read_text(encoding="utf-8")
    assert text == update_guide(text), "run: .venv/bin/python scripts/make_reference.py"


def test_guide_covers_the_editor_tasks():
    text = GUIDE.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    for topic in ("Thêm một văn bản", "giao diện web", "Đính chính", "Gỡ một văn bản", "lịch sử", "Đọc một thông báo"):
        assert any(topic in h for h in headings), topic
    for command in ("generator new", "make check", "make lock", "git filter-repo", "corrections:", "withdrawn:"):
        assert command in text, command


def test_guide_links_resolve():
    text = GUIDE.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        assert (GUIDE.parent / target).is_file(), target
