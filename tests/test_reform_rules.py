"""The 2025–2026 rules on real content: shipped calendar data, agencies through the reform, the law by date."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.checks.orchestrator import check_content
from generator.figures import legal, officialcal
from tests.helpers import AGENCIES, PORTAL, make_content, write_letter

TODAY = date(2026, 12, 1)
CODES = ("calendar-year-not-covered", "agency-level-ended", "agency-not-valid", "dossier-code-other-agency")


def found(root: Path, codes: tuple[str, ...] = CODES) -> list[tuple[str, str, int | None]]:
    result = check_content(root, TODAY, run_pdf_gate=False)
    return [(p.code, p.file, p.line) for p in result.problems if p.code in codes]


def letter_2026(root: Path, letter_id: str = "2026-03-0001", **overrides: object) -> Path:
    """A valid letter of 2026 (dates moved; the dossier code's yymmdd follows received_on)."""
    fields = {"issued_on": "2026-03-10", "published_on": "2026-03-11", "dossier.received_on": "2026-02-24",
              "dossier.due_on": "2026-03-11", "dossier.new_due_on": "2026-03-20", "dossier.returned_on": "2026-03-19",
              "dossier.code": "000.00.21.H17-260224-0001", "number": "1/XL-STNMT"}
    return write_letter(root, letter_id, **{**fields, **overrides})


def write_register(root: Path, rows: list[str]) -> None:
    """register/r.csv with the contract's header and these rows."""
    (root / "register").mkdir()
    header = "dossier_code,agency,procedure,received_on,due_on,returned_on"
    (root / "register" / "r.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


# --- the shipped official calendar ---------------------------------------------------------------

def test_shipped_calendar_covers_2024_to_2026_each_day_with_a_known_source() -> None:
    cal = officialcal.official()
    assert {2024, 2025, 2026} <= cal.years
    assert all(day.source in cal.sources for day in cal.days.values())
    # The 2026 New Year swap (VPCP 12729/VPCP-KGVX) is the package's known gap.
    assert (cal.status(date(2026, 1, 2)), cal.status(date(2026, 1, 10))) == (False, True)
    assert cal.days[date(2026, 1, 2)].source == "vpcp-12729-2025"


@pytest.mark.parametrize(("data", "message"), [
    ({"2026": {"days_off": [{"date": date(2026, 1, 3), "name": "x", "source": "s"}]}}, "already a weekend"),
    ({"2026": {"working_days": [{"date": date(2026, 1, 5), "name": "x", "source": "s"}]}}, "already a weekday"),
    ({"2026": {"days_off": [{"date": date(2026, 1, 5), "name": "x", "source": "nope"}]}}, "unknown source"),
    ({"2026": {"days_off": [{"date": date(2025, 1, 6), "name": "x", "source": "s"}]}}, "bad or repeated"),
])
def test_malformed_calendar_data_is_refused(data: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        officialcal.parse({"version": "t", "sources": {"s": {"title": "t"}}, "years": data})


def test_year_after_the_shipped_calendar_warns_once(tmp_path: Path) -> None:
    root = make_content(tmp_path, letters=0)
    letter_2026(root)
    write_letter(root, "2027-01-0001", issued_on="2027-01-12", published_on="2027-01-12", number="2/XL-STNMT",
                 **{"dossier.received_on": "2026-12-20", "dossier.due_on": "2027-01-13",
                    "dossier.new_due_on": "2027-01-20", "dossier.returned_on": None,
                    "dossier.code": "000.00.21.H17-261220-0002"})
    write_letter(root, "2027-01-0002", issued_on="2027-01-12", published_on="2027-01-12", number="3/XL-STNMT",
                 **{"dossier.received_on": "2026-12-20", "dossier.due_on": "2027-01-13",
                    "dossier.new_due_on": "2027-01-20", "dossier.returned_on": None,
                    "dossier.code": "000.00.21.H17-261220-0003"})
    today = date(2027, 1, 15)
    result = check_content(root, today, run_pdf_gate=False)
    assert [(p.code, p.file) for p in result.problems if p.code == "calendar-year-not-covered"] == [
        ("calendar-year-not-covered", "letters/2027/so-tnmt/2027-01-0001.yml")]


# --- agencies through the reform ------------------------------------------------------------------

def reform_agencies() -> dict:
    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"][2].pop("successor")
    agencies["agencies"][2]["successors"] = ["ubnd-xa-cu-jut", "ubnd-xa-nam-da"]
    agencies["agencies"][2].pop("valid_to")  # the district's own window left open: the level's still ends
    agencies["agencies"].append({"code": "ubnd-xa-nam-da", "name": "UBND xã Nam Đà", "level": "commune",
                                 "valid_from": "2025-07-01", "admin_code": "24645",
                                 "dossier_prefixes": ["H17.45"]})
    return agencies


def test_district_level_ends_30_june_2025_and_names_the_successors(tmp_path: Path) -> None:
    root = make_content(tmp_path, letters=0, agencies=reform_agencies())
    path = letter_2026(root, agency="ubnd-cu-jut")
    line = 1 + [x.split(":")[0] for x in path.read_text(encoding="utf-8").splitlines()].index("issued_on")
    assert found(root) == [("agency-level-ended", "letters/2026/ubnd-cu-jut/2026-03-0001.yml", line)]
    message = next(p.message for p in check_content(root, TODAY, run_pdf_gate=False).problems
                   if p.code == "agency-level-ended")
    assert "UBND xã Cư Jút (ubnd-xa-cu-jut), UBND xã Nam Đà (ubnd-xa-nam-da)" in message


def test_level_validity_is_content(tmp_path: Path) -> None:
    agencies = reform_agencies()
    agencies["level_validity"] = [{"level": "district", "valid_to": "2026-12-31"}]
    root = make_content(tmp_path, letters=0, agencies=agencies)
    letter_2026(root, agency="ubnd-cu-jut")
    assert found(root) == []


def test_ended_agency_message_names_its_successor(tmp_path: Path) -> None:
    root = make_content(tmp_path, letters=0)
    letter_2026(root, agency="ubnd-xa-ea-po")
    problems = [p for p in check_content(root, TODAY, run_pdf_gate=False).problems if p.code == "agency-not-valid"]
    assert [(p.code, p.file) for p in problems] == [("agency-not-valid", "letters/2026/ubnd-xa-ea-po/2026-03-0001.yml")]
    assert "cơ quan kế nhiệm" not in problems[0].message  # ubnd-xa-ea-po declares none
    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"][4]["successor"] = "ubnd-xa-cu-jut"
    (root / "agencies.yml").write_text(yaml.safe_dump(agencies, allow_unicode=True), encoding="utf-8")
    problems = [p for p in check_content(root, TODAY, run_pdf_gate=False).problems if p.code == "agency-not-valid"]
    assert "cơ quan kế nhiệm: UBND xã Cư Jút (ubnd-xa-cu-jut)" in problems[0].message


def test_dossier_code_of_another_agency_warns(tmp_path: Path) -> None:
    root = make_content(tmp_path, letters=0, agencies=reform_agencies())
    letter_2026(root, "2026-03-0001", agency="ubnd-xa-nam-da", **{"dossier.code": "H17.45-260224-0001"})
    other = letter_2026(root, "2026-03-0002", agency="ubnd-xa-nam-da", number="2/XL-STNMT",
                        **{"dossier.code": "H17.46-260224-0002"})
    line = 1 + other.read_text(encoding="utf-8").splitlines().index("  code: H17.46-260224-0002")
    assert found(root) == [("dossier-code-other-agency", "letters/2026/ubnd-xa-nam-da/2026-03-0002.yml", line)]


def test_unknown_successor_and_dated_references_are_registry_errors(tmp_path: Path) -> None:
    agencies = reform_agencies()
    agencies["agencies"][2]["successors"].append("ubnd-xa-khong-co")
    agencies["agencies"][1]["tracked_by_periods"] = [{"value": "tthcc-moi", "from": "2025-07-01"}]
    root = make_content(tmp_path, letters=0, agencies=agencies)
    problems = check_content(root, TODAY, run_pdf_gate=False).problems
    assert sorted((p.code, p.field) for p in problems if p.code == "registry-unknown-ref") == [
        ("registry-unknown-ref", "agencies.1.tracked_by_periods"), ("registry-unknown-ref", "agencies.2.successors")]


def test_dated_parent_and_tracking_unit() -> None:
    from generator.content.model import Agency

    agency = Agency("so-xd", "Sở Xây dựng", "province", parent="ubnd-tinh", tracked_by="tthcc",
                    tracked_by_periods=({"value": "tthcc-ld", "from": date(2025, 7, 1)},),
                    parent_periods=({"value": "ubnd-tinh-cu", "until": date(2025, 6, 30)},))
    assert (agency.tracked_by_on(date(2025, 6, 30)), agency.tracked_by_on(date(2025, 7, 1))) == ("tthcc", "tthcc-ld")
    assert (agency.parent_on(date(2025, 6, 30)), agency.parent_on(date(2025, 7, 1))) == ("ubnd-tinh-cu", "ubnd-tinh")


# --- the law by date ------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "decree", "form"), [
    (date(2025, 6, 30), "nd-61-2018", "tt-01-2018-m04"),
    (date(2025, 7, 1), "nd-118-2025", None),  # Decree 118 in force, its circular not yet issued
    (date(2025, 9, 15), "nd-118-2025", "tt-03-2025-m04"),
    (date(2026, 1, 8), "nd-118-2025", "tt-03-2025-m04"),
])
def test_rules_in_force_by_date(day: date, decree: str, form: str | None) -> None:
    rules = legal.rules()
    assert rules.decree_on(day).code == decree
    assert (rules.form_on(day).code if rules.form_on(day) else None) == form


def test_basis_of_a_letter_cites_the_form_of_its_date() -> None:
    assert "Phiếu xin lỗi và hẹn lại ngày trả kết quả" in legal.letter_basis(date(2024, 5, 2))
    assert "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" in legal.letter_basis(date(2026, 1, 8))


def test_duty_text_cites_both_regimes_and_the_locality() -> None:
    from generator.content.model import Locality

    city = Locality(kind="thành phố", name="Huế", notices=("Theo Công văn 1/UBND của UBND thành phố Huế.",),
                    tracking_units="Trung tâm Phục vụ hành chính công thành phố")
    paragraphs = legal.duty_paragraphs(city, date(2024, 3, 1), date(2026, 2, 1))
    assert ["61/2018" in p for p in paragraphs[:2]] == [True, False]
    assert "118/2025" in paragraphs[1]
    assert paragraphs[2] == "Theo Công văn 1/UBND của UBND thành phố Huế."
    assert "thành phố Huế" in paragraphs[3] and city.scope_label == "Toàn thành phố"
    only_new = legal.duty_paragraphs(city, date(2025, 8, 1), date(2026, 2, 1))
    assert not any("61/2018" in p for p in only_new)


def test_lead_rule_in_calendar_days(tmp_path: Path) -> None:
    from generator.figures.stats import all_facts

    # Issued Fri 13 Mar 2026, due Mon 16 Mar: 3 calendar days, 1 working day before.
    for kind, lead, expected in (("working", 2, False), ("calendar", 2, True), ("calendar", 4, False)):
        portal = copy.deepcopy(PORTAL)
        portal["policy"] |= {"apology_lead_day_kind": kind, "apology_lead_working_days": lead}
        (tmp_path / f"{kind}{lead}").mkdir()
        root = make_content(tmp_path / f"{kind}{lead}", letters=0, portal=portal)
        letter_2026(root, issued_on="2026-03-13", published_on="2026-03-13",
                    **{"dossier.due_on": "2026-03-16"})
        result = check_content(root, TODAY, run_pdf_gate=False)
        assert result.valid, result.problems
        assert [f.in_time for f in all_facts(result.content).values()] == [expected]


# --- compliance as the law says ---------------------------------------------------------------------

def test_grace_is_zero_by_default_and_labelled_when_used(tmp_path: Path) -> None:
    from generator.content.model import Policy
    from generator.figures.compliance import Compliance
    from generator.figures.periods import parse
    from generator.strings import reports as R

    assert Policy().missing_letter_grace_working_days == 0
    assert R.COLUMNS["pending"] == "Chưa nhận được bản sao"
    root = make_content(tmp_path, letters=0)
    letter_2026(root)
    # Two overdue dossiers without a letter: due Fri 13 Mar and Mon 16 Mar 2026; as of Tue 17 Mar.
    write_register(root, ["000.00.21.H17-260224-0001,so-tnmt,Thủ tục,2026-02-24,2026-03-11,2026-03-19",
                          "000.00.21.H17-260301-0002,so-tnmt,Thủ tục,2026-03-01,2026-03-13,",
                          "000.00.21.H17-260301-0003,so-tnmt,Thủ tục,2026-03-01,2026-03-16,"])
    as_of = date(2026, 3, 20)
    content = check_content(root, as_of, run_pdf_gate=False).content
    totals = Compliance(content, date(2026, 3, 17)).report(parse("2026-03")).totals
    assert (totals.overdue, totals.covered, totals.missing, totals.pending) == (3, 1, 2, 0)
    portal = copy.deepcopy(PORTAL)
    portal["policy"]["missing_letter_grace_working_days"] = 2
    (root / "portal.yml").write_text(yaml.safe_dump(portal, allow_unicode=True), encoding="utf-8")
    content = check_content(root, as_of, run_pdf_gate=False).content
    totals = Compliance(content, date(2026, 3, 17)).report(parse("2026-03")).totals
    assert (totals.missing, totals.pending) == (0, 2)  # 2 and 1 working days since due: within the grace


def test_returned_on_is_defined_as_ready_at_the_one_stop_desk() -> None:
    from generator.content import schema

    letter = {f.name: f for f in schema.LETTER}["dossier"]
    returned = {f.name: f for f in letter.children}["returned_on"]
    register = {f.name: f for f in schema.REGISTER}["returned_on"]
    reference = (Path(__file__).resolve().parents[1] / "docs" / "reference.md").read_text(encoding="utf-8")
    for text in (returned.description, register.description):
        assert "Bộ phận một cửa" in text or "Bộ phận Một cửa" in text
        assert text.split(";")[0] in reference


def test_register_rows_of_an_ended_agency_count_for_its_successors(tmp_path: Path) -> None:
    from generator.figures.compliance import Compliance
    from generator.figures.periods import parse

    root = make_content(tmp_path, letters=0, agencies=reform_agencies())
    agencies = reform_agencies()
    agencies["agencies"][2]["valid_to"] = "2025-06-30"
    (root / "agencies.yml").write_text(yaml.safe_dump(agencies, allow_unicode=True), encoding="utf-8")
    # The second row's letter comes from the second successor; the third row has none: the first successor.
    letter_2026(root, "2025-07-0001", agency="ubnd-xa-nam-da", issued_on="2025-07-02", published_on="2025-07-03",
                **{"dossier.code": "000.00.31.H17-250610-0002", "dossier.received_on": "2025-06-10",
                   "dossier.due_on": "2025-07-03", "dossier.new_due_on": "2025-07-10",
                   "dossier.returned_on": "2025-07-09"})
    write_register(root, ["000.00.31.H17-250610-0001,ubnd-cu-jut,Thủ tục,2025-06-10,2025-06-27,2025-07-02",
                          "000.00.31.H17-250610-0002,ubnd-cu-jut,Thủ tục,2025-06-10,2025-07-03,2025-07-09",
                          "000.00.31.H17-250612-0003,ubnd-cu-jut,Thủ tục,2025-06-12,2025-07-04,"])
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [p.code for p in result.problems if p.severity == "error"] == []
    comp = Compliance(result.content, TODAY)
    assert comp.reassigned == {"000.00.31.H17-250610-0002": "ubnd-xa-nam-da",
                               "000.00.31.H17-250612-0003": "ubnd-xa-cu-jut"}
    report = comp.report(parse("2025-Q3"))
    overdue = {row.agency: row.overdue for row in report.rows}
    assert (overdue.get("ubnd-cu-jut", 0), overdue["ubnd-xa-cu-jut"], overdue["ubnd-xa-nam-da"]) == (0, 1, 1)
    assert sorted((row.dossier_code, new) for row, new in report.reassigned) == sorted(comp.reassigned.items())
    assert comp.report(parse("2025-Q2")).reassigned == []
    from generator.site.reports.tables import report_moves

    assert report_moves(report) == ("1 hồ sơ của UBND huyện Cư Jút → UBND xã Cư Jút; "
                                    "1 hồ sơ của UBND huyện Cư Jút → UBND xã Nam Đà")


def test_demo_letter_over_the_2026_new_year_swap_is_10_working_days_late() -> None:
    from generator.figures.stats import all_facts

    demo = Path(__file__).resolve().parents[1] / "content"
    result = check_content(demo, TODAY, run_pdf_gate=False)
    facts = {f.letter.source: f for f in all_facts(result.content).values()}
    letter = facts["letters/2026/so-xd/2026-01-0001.yml"]
    assert (letter.letter.dossier.due_on, letter.letter.dossier.returned_on) == (date(2026, 1, 9), date(2026, 1, 22))
    assert letter.days_late == 10  # Sat 10 Jan worked (VPCP 12729/VPCP-KGVX); 12–16, 19–22 Jan
