"""`python -m generator report`: formats, hand-computed figures, schema, exit codes."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from generator.commands.cli import main
from generator.site.reports.tables import SCHEMA_PATH
from tests.report_fixture import CODES, TODAY, make_report_content


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return make_report_content(tmp_path_factory.mktemp("report-cli"))


def run(capsys, root, *args):
    code = main(["report", "--content", str(root), "--today", TODAY.isoformat(), "--no-pdf", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_follows_its_schema_and_has_the_hand_figures(capsys, root):
    code, out, _ = run(capsys, root, "--period", "2025-Q2", "--format", "json")
    assert code == 0
    data = json.loads(out)
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))).validate(data)
    assert data["period"] == {"code": "2025-Q2", "kind": "quarter", "start": "2025-04-01", "end": "2025-06-30",
                              "label": "Quý II/2025", "scheme": "calendar"}
    assert (data["unit"], data["as_of"], data["partial"]) == (None, "2025-07-31", False)
    t = data["totals"]
    assert (t["overdue"], t["covered"], t["coverage"], t["missing"], t["letters"], t["in_time"],
            t["median_days_late"], t["max_days_late"], t["median_publication_days"]) == (5, 3, 0.6, 2, 3, 2, 5, 6, 1)
    assert data["previous"]["period"] == "2025-Q1"
    assert data["change"] == {"overdue": 3, "letters": 2, "coverage": 0.1, "missing": 1, "in_time": 1}
    assert [m["dossier_code"] for m in data["missing"]] == [CODES["G"], CODES["H"]]
    assert [w["code"] for w in data["warnings"]] == ["register-dates-disagree", "register-returned-but-promised"]
    cu_jut = next(a for a in data["agencies"] if a["agency"] == "ubnd-cu-jut")
    assert (cu_jut["historical"], cu_jut["successor"], cu_jut["successor_name"]) == (True, "ubnd-xa-cu-jut",
                                                                                      "UBND xã Cư Jút")


@pytest.mark.parametrize("period", ["2025-W04", "2025-04", "2025-Q3", "2025-H1", "2025"])
def test_every_period_kind_validates(capsys, root, period):
    code, out, _ = run(capsys, root, "--period", period, "--unit", "tthcc", "--format", "json")
    assert code == 0
    data = json.loads(out)
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))).validate(data)
    assert data["unit"] == {"code": "tthcc", "name": "Trung tâm Hành chính công tỉnh"}


def test_csv_equals_json(capsys, root):
    _, out_json, _ = run(capsys, root, "--period", "2025", "--unit", "ubnd-cu-jut", "--format", "json")
    _, out_csv, _ = run(capsys, root, "--period", "2025", "--unit", "ubnd-cu-jut", "--format", "csv")
    data = json.loads(out_json)
    rows = list(csv.DictReader(io.StringIO(out_csv)))
    assert [r["agency"] for r in rows] == [a["agency"] for a in data["agencies"]] + [""]
    for row, expected in zip(rows, [*data["agencies"], data["totals"]]):
        for key in ("overdue", "covered", "coverage", "missing", "pending", "letters", "in_time",
                    "median_days_late", "max_days_late", "median_publication_days"):
            assert row[key] == ("" if expected[key] is None else str(expected[key])), key
        assert {k[len("reason:"):]: int(v) for k, v in row.items() if k.startswith("reason:")} == expected["reasons"]


def test_markdown_has_the_tables(capsys, root):
    code, out, _ = run(capsys, root, "--period", "2025-Q2")
    assert code == 0
    assert out.startswith("# Báo cáo quý — Quý II/2025 — Toàn tỉnh\n")
    total = next(line for line in out.splitlines() if line.startswith("| Tổng cộng | 5 |"))
    assert total.split(" | ")[1:4] == ["5", "3", "60%"]


def test_usage_errors_exit_2(capsys, root):
    assert run(capsys, root, "--period", "2025-Q5")[0] == 2
    code, _, err = run(capsys, root, "--period", "2025", "--unit", "khong-co")
    assert code == 2 and "khong-co" in err


def test_content_errors_exit_1_with_the_problem_report(capsys, tmp_path):
    root = make_report_content(tmp_path)
    with (root / "register" / "2025.csv").open("a", encoding="utf-8") as f:
        f.write("000.00.21.H17-250110-0099,so-xyz,Thủ tục,2025-01-10,2025-02-05,\n")
    code, out, err = run(capsys, root, "--period", "2025")
    assert code == 1 and out == ""
    assert "register/2025.csv:11: register-agency-unknown" in err
