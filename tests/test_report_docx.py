"""`report --format docx`: a Word document in the layout of Decree 30/2020/NĐ-CP, opened with python-docx."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from generator.commands.cli import main
from generator.site.reports.headline import change_text
from generator.site.reports.letterhead import date_words
from generator.strings import reports as R
from generator.strings.glossary import LABELS
from tests.report_fixture import TODAY, make_report_content

DEMO = Path(__file__).resolve().parent.parent / "content"


def run(capsys, root, today, *args):
    assert main(["report", "--content", str(root), "--today", today, "--no-pdf", *args]) == 0
    return capsys.readouterr()


def texts(container) -> list[str]:
    return [p.text for p in container.paragraphs]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("docx") / "content"
    shutil.copytree(DEMO, root)
    return root


@pytest.mark.parametrize("period", ["2025-10", "2025-10-TK", "2026-Q1"])
def test_the_document_has_every_part_of_the_layout(capsys, demo, tmp_path, period):
    out = tmp_path / "bao-cao.docx"
    err = run(capsys, demo, "2026-11-20", "--period", period, "--format", "docx", "-o", str(out)).err
    assert "Nghị định số 09/2019/NĐ-CP" in err if period.endswith("-TK") else "Kỳ theo lịch" in err
    data = json.loads(run(capsys, demo, "2026-11-20", "--period", period, "--format", "json").out)
    document = docx.Document(str(out))
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin, section.top_margin)
    assert [round(x.mm) for x in sizes] == [210, 297, 30, 15, 20]  # A4; Decree 30/2020 margins (stored in twips)
    left, right = document.tables[0].rows[0].cells
    settings = __import__("yaml").safe_load((demo / "portal.yml").read_text(encoding="utf-8"))["reports"]
    assert texts(left) == [settings["issuer_parent"].upper(), settings["issuer"].upper(),
                           f"Số:        /{settings['number_prefix']}"]
    assert texts(right) == [*R.MOTTO, f"{settings['place']}, {date_words(__import__('datetime').date(2026, 11, 20))}"]
    body = texts(document)
    assert R.DOC_KIND in body
    assert any(data["period"]["label"].lower() in line for line in body)
    headline = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert headline[0] == list(R.CHANGE_COLUMNS)
    md = run(capsys, demo, "2026-11-20", "--period", period).out  # the same table in the Markdown report
    lines = md.split(f"## {R.H_CHANGE}")[1].split("##")[0].strip().splitlines()[2:]
    assert headline[1:] == [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    assert [row[0] for row in headline[1:]] == [LABELS[h["key"]] for h in data["headline"]]
    assert [row[3] for row in headline[1:]][:6] == [change_text(h["key"], h["change_previous"])
                                                    for h in data["headline"]][:6]
    assert {h["key"] for h in data["headline"]} >= {"on_time_rate", "late_coverage", "received"}
    assert len(document.inline_shapes) >= 1  # the charts, as images
    recipients, signature = document.tables[-1].rows[0].cells
    assert texts(recipients) == [R.DOC_RECIPIENTS, *(f"- {r};" for r in settings["recipients"]), R.DOC_ARCHIVE]
    assert [t for t in texts(signature) if t][:2] == [settings["signer_authority"], settings["signer_title"]]
    assert texts(signature)[-1] == settings["signer_name"]


def test_an_overdue_only_export_says_which_figures_it_cannot_give(capsys, tmp_path):
    root = make_report_content(tmp_path)
    out = tmp_path / "q2.docx"
    run(capsys, root, TODAY.isoformat(), "--period", "2025-Q2", "--format", "docx", "-o", str(out))
    body = "\n".join(texts(docx.Document(str(out))))
    assert LABELS["on_time_rate"] in body and "reports.register_export: all" in body
    data = json.loads(run(capsys, root, TODAY.isoformat(), "--period", "2025-Q2", "--format", "json").out)
    assert data["ontime"] == {"available": False, "unavailable": ["received", "resolved", "resolved_early",
                                                                  "resolved_on_due", "in_progress", "on_time_rate",
                                                                  "late_coverage"]}
    md = run(capsys, root, TODAY.isoformat(), "--period", "2025-Q2").out
    assert LABELS["on_time_rate"] in md.split(f"## {R.H_ONTIME}")[1].split("##")[0]
