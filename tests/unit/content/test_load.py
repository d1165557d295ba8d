"""generator/content/load.py: where letters may be (discover_letters) and the text checks of every value."""

from __future__ import annotations

import os
import unicodedata

import pytest

from generator.content.load import discover_letters, load_letter, text_problems
from generator.content.yamlsrc import parse_yaml
from generator.strings.problems_content import LAYOUT_REASONS
from tests.unit.kit import world

AGENCY = "letters/2018/so-tnmt"
LAYOUT = [  # (files to create, letter YAMLs found, (path, reason) of each layout problem)
    ([f"{AGENCY}/a.yml", f"{AGENCY}/a.pdf"], [f"{AGENCY}/a.yml"], []),
    ([f"{AGENCY}/a.yml"], [f"{AGENCY}/a.yml"], []),  # a missing PDF is check_pdf_present's
    ([f"{AGENCY}/.gitkeep"], [], []),
    ([f"{AGENCY}/b.pdf"], [], [(f"{AGENCY}/b.pdf", "orphan-pdf")]),
    ([f"{AGENCY}/a.yaml", f"{AGENCY}/a.pdf"], [], [(f"{AGENCY}/a.yaml", "yaml-ext")]),
    ([f"{AGENCY}/a.YML"], [], [(f"{AGENCY}/a.YML", "ext-case")]),
    ([f"{AGENCY}/a.yml", f"{AGENCY}/a.PDF"], [f"{AGENCY}/a.yml"], [(f"{AGENCY}/a.PDF", "ext-case")]),
    ([f"{AGENCY}/notes.txt"], [], [(f"{AGENCY}/notes.txt", "other")]),
    (["letters/a.yml"], [], [("letters/a.yml", "depth")]),
    (["letters/2018/a.yml"], [], [("letters/2018/a.yml", "depth")]),
    ([f"{AGENCY}/old/a.yml"], [], [(f"{AGENCY}/old", "extra-dir")]),
    (["letters/18/so-tnmt/a.yml"], [], [("letters/18", "year-dir")]),
    (["letters/nam-2018/so-tnmt/a.yml", "letters/nam-2018/so-tnmt/b.yml"], [], [("letters/nam-2018", "year-dir")]),
]


@pytest.mark.parametrize(("files", "letters", "problems"), LAYOUT)
def test_discover_letters(tmp_path, files, letters, problems):
    for rel in files:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found, layout = discover_letters(tmp_path)
    assert found == letters
    assert [(p.code, p.file) for p in layout] == [("layout-unexpected-file", rel) for rel, _ in problems]
    for p, (_, reason) in zip(layout, problems, strict=True):
        assert LAYOUT_REASONS[reason] in p.message


def test_a_symlinked_letter_is_refused(tmp_path):
    folder = tmp_path / AGENCY
    folder.mkdir(parents=True)
    (tmp_path / "real.yml").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "real.yml", folder / "a.yml")
    found, layout = discover_letters(tmp_path)
    assert found == [] and [p.file for p in layout] == [f"{AGENCY}/a.yml"]
    assert LAYOUT_REASONS["symlink"] in layout[0].message


def test_no_letters_folder(tmp_path):
    assert discover_letters(tmp_path) == ([], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("a: Sở Tài nguyên\n", []),
    (f"a: {unicodedata.normalize('NFD', 'Sở Tài nguyên')}\n", [("text-not-nfc", "a", 1)]),
    ("a: ok\nb:\n  c: §éc lËp - Tù do - H¹nh phóc\n", [("text-legacy-encoding", "b.c", 3)]),
    ("a: COÄNG HOØA XAÕ HOÄI\n", [("text-legacy-encoding", "a", 1)]),
])
def test_text_problems(text, expected):
    node, _ = parse_yaml(text, "x.yml")
    assert [(p.code, p.field, p.line) for p in text_problems(node, "x.yml")] == expected


def test_load_letter_takes_its_id_from_the_file_name(tmp_path):
    w = world(tmp_path)
    letter = w.letter("2018-05-0042")
    assert (letter.id, letter.source) == ("2018-05-0042", f"{AGENCY}/2018-05-0042.yml")
    assert letter.line_of("dossier.code") is not None


def test_load_letter_without_a_required_field_is_none_with_its_problem(tmp_path):
    w = world(tmp_path)
    path = w.root / AGENCY / "x.yml"
    w.letter("x")
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.startswith("number:")) + "\n", encoding="utf-8")
    letter, problems = load_letter(w.root, f"{AGENCY}/x.yml")
    assert letter is None and [(p.code, p.field) for p in problems] == [("field-missing", "number")]
