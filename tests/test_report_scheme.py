"""The portal's period scheme (portal.yml reports.period_scheme): report pages and `report --period` follow it."""

from __future__ import annotations

import json

from generator.checks.orchestrator import check_content
from generator.commands.cli import main
from generator.figures.compliance import Compliance
from generator.site.reports.pages import report_periods
from tests.report_fixture import TODAY, make_report_content


def statistical_content(tmp_path):
    root = make_report_content(tmp_path)
    portal = root / "portal.yml"
    portal.write_text(portal.read_text(encoding="utf-8") + "reports:\n  period_scheme: statistical\n", encoding="utf-8")
    return root


def test_report_pages_use_the_statistical_cut_off(tmp_path):
    root = statistical_content(tmp_path)
    result = check_content(root, TODAY, cache_dir=tmp_path / "cache", run_pdf_gate=False)
    assert result.valid
    comp = Compliance(result.content, TODAY)
    plan = report_periods(comp, None)
    days = comp.data_days(None)
    for kind, periods in plan.items():
        if kind == "week":
            assert all(p.scheme == "calendar" for p in periods)
            continue
        assert periods and all(p.code.endswith("-TK") and p.start.day == 15 and p.end.day == 14 for p in periods)
        assert all(any(p.contains(d) for p in periods) for d in days if kind != "nine" or d.month < 9)
    # the first data day, 23/01/2025 (letter W), lies in 15/01-14/02: the report month February
    assert [p.code for p in plan["month"]][:2] == ["2025-02-TK", "2025-03-TK"]


def test_report_period_follows_the_portal_and_says_so(tmp_path, capsys):
    root = statistical_content(tmp_path)
    args = ["report", "--content", str(root), "--today", TODAY.isoformat(), "--no-pdf", "--format", "json"]
    assert main([*args, "--period", "2025-05"]) == 0
    out = capsys.readouterr()
    period = json.loads(out.out)["period"]
    assert (period["code"], period["start"], period["end"], period["scheme"]) == (
        "2025-05-TK", "2025-04-15", "2025-05-14", "statistical")
    assert "09/2019/NĐ-CP" in out.err and "15/04/2025" in out.err
    assert main([*args, "--period", "2025-05", "--scheme", "calendar"]) == 0
    period = json.loads(capsys.readouterr().out)["period"]
    assert (period["code"], period["start"], period["end"]) == ("2025-05", "2025-05-01", "2025-05-31")
