"""Every command and YAML example of the editor guide (docs/huong-dan-bien-tap.md) works verbatim on a
copy of the demo content: `new` on a PDF, the letter template, `make check`, `make lock`, a correction
and a withdrawal. Only the history-rewriting commands of section 6 (git filter-repo, BFG: they need a
remote) are left out."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"
sys.path.insert(0, str(ROOT / "scripts"))

import letterkit as lk  # noqa: E402

pytestmark = pytest.mark.slow


def blocks(kind: str) -> list[str]:
    """The guide's fenced blocks of one language, dedented."""
    text = GUIDE.read_text(encoding="utf-8")
    found = re.findall(rf"^( *)```{kind}\n(.*?)^\1```", text, flags=re.S | re.M)
    return ["\n".join(line[len(indent):] for line in body.splitlines()) for indent, body in found]


def commands() -> list[str]:
    """Shell commands of the guide that run on a content copy (comments stripped)."""
    out = []
    for block in blocks("sh"):
        for line in block.splitlines():
            command = line.split("  #", 1)[0].strip()
            if command.startswith(("make ", ".venv/bin/python -m generator ")):
                out.append(command)
    return out


def example_path() -> str:
    """The example letter's path named in section 1 ("Ví dụ: `content/letters/...yml`")."""
    match = re.search(r"Ví dụ: `(content/letters/[^`]+\.yml)`", GUIDE.read_text(encoding="utf-8"))
    assert match
    return match.group(1)


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    """A checkout-like folder: the demo content copied, code and virtualenv linked, make stamps kept."""
    work = tmp_path / "repo"
    work.mkdir()
    shutil.copytree(ROOT / "content", work / "content")
    for name in ("generator", ".venv", "scripts", "mkdocs.yml", "overrides"):
        if (ROOT / name).exists():
            (work / name).symlink_to(ROOT / name)
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, work / name)  # copy2 keeps mtimes: make does not reinstall
    return work


def run(command: str, work: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(work / "home")}
    return subprocess.run(command, shell=True, cwd=work, env=env, capture_output=True, text=True, timeout=600)


def template() -> dict:
    """The letter template of section 3."""
    letters = [yaml.safe_load(b) for b in blocks("yaml") if b.lstrip().startswith("number:")]
    assert len(letters) == 1
    return letters[0]


def test_guide_names_commands_and_examples() -> None:
    assert {c.split()[0] for c in commands()} == {"make", ".venv/bin/python"}
    assert "make check" in commands() and "make lock" in commands()
    assert any(" new " in c for c in commands())


def test_every_guide_command_works_on_the_demo(work: Path) -> None:
    letter = template()
    d = letter["dossier"]
    fields = {**letter, "id": Path(example_path()).stem, "agency_name": "Sở Nông nghiệp và Môi trường",
              "parent_name": "UBND tỉnh Lâm Đồng", "place": "Gia Nghĩa",
              "dossier": {**d, "code": str(d["code"])}, "form_title": lk.TITLE_2025}
    pdf = lk.letter_pdf(fields)
    (work / "home" / "Downloads").mkdir(parents=True)
    (work / "home" / "Downloads" / "phieu-xin-loi.pdf").write_bytes(pdf)
    before = {p.relative_to(work) for p in (work / "content" / "letters").rglob("*")}
    for command in [c for c in commands() if " new " in c]:
        result = run(command, work)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        created = {p.relative_to(work) for p in (work / "content" / "letters").rglob("*")} - before
        assert any(p.suffix == ".yml" for p in created), created
        for path in created:  # what the editor then completes: here, the guide's own template
            if (work / path).is_file():
                (work / path).unlink()
    target = work / example_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(next(b for b in blocks("yaml") if b.lstrip().startswith("number:")) + "\n", encoding="utf-8")
    target.with_suffix(".pdf").write_bytes(pdf)
    for command in ("make check", "make lock"):
        assert command in commands()
        result = run(command, work)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    # Section 4: a correction with the change it records; section 5: a withdrawal.
    correction, withdrawal = (b for b in blocks("yaml") if b.lstrip().startswith(("corrections:", "withdrawn:")))
    text = target.read_text(encoding="utf-8").replace(f"new_due_on: {d['new_due_on']}", "new_due_on: 2026-03-27")
    target.write_text(text + correction + "\n", encoding="utf-8")
    for command in ("make check", "make lock"):
        result = run(command, work)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    target.write_text(target.read_text(encoding="utf-8") + withdrawal + "\n", encoding="utf-8")
    result = run("make check", work)
    assert result.returncode == 0, (result.stdout, result.stderr)
