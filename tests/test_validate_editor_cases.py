"""Realistic editor mistakes: each gives exactly the right problem (code, file, line, field).

A letter is written as an editor would type it (RAW below, line numbers known), then broken one
way; the other letters of the content root must keep being checked.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from generator.checks.orchestrator import check_content
from tests.helpers import make_content

TODAY = date(2018, 6, 1)
REL = "letters/2018/so-tnmt/2018-05-0001.yml"
RAW = """\
number: "15/XL-STNMT"
issued_on: 2018-05-09
agency: so-tnmt
signer:
  name: Nguyễn Văn Bình
  title: Phó Giám đốc
recipient:
  kind: individual
  name: Ông N.V.A.
dossier:
  code: "000.00.21.H17-180420-0012"
  procedure: Đăng ký biến động quyền sử dụng đất
  procedure_code: "1.004227"
  received_on: 2018-04-20
  due_on: 2018-05-04
  new_due_on: 2018-05-15
  returned_on: 2018-05-14
reason:
  category: inter-agency
  detail: Chờ ý kiến phối hợp của Chi cục Thuế.
published_on: 2018-05-10
"""


def lines_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.fixture
def root(tmp_path):
    """Two valid letters; 2018-05-0001 is rewritten from RAW by each test."""
    content = make_content(tmp_path, letters=2)
    (content / REL).write_text(RAW, encoding="utf-8")
    return content


def problems(root, rel_filter=None, today=TODAY):
    result = check_content(root, today, run_pdf_gate=False)
    return [(p.code, p.file, p.line, p.field) for p in result.problems if rel_filter is None or p.file == rel_filter]


def write(root, text: str | bytes, rel: str = REL) -> None:
    path = root / rel
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_raw_letter_is_valid(root):
    assert problems(root) == []


# --- YAML syntax: one problem, on the line to fix, never a traceback ---------------------------

SYNTAX = [
    ("over-indented", RAW.replace("  title: Phó", "   title: Phó"), "title: Phó", "thụt lề"),
    ("tab", RAW.replace("  title: Phó", "\ttitle: Phó"), "title: Phó", "Tab"),
    ("missing colon", RAW.replace("agency: so-tnmt", "agency so-tnmt"), "agency so-tnmt", "dấu hai chấm"),
    ("nested missing colon", RAW.replace("  procedure_code: ", "  procedure_code "), "procedure_code", "dấu hai chấm"),
    ("unclosed quote", RAW.replace('number: "15/XL-STNMT"', 'number: "15/XL-STNMT'), "number:", "ngoặc"),
    ("colon in value", RAW.replace("  detail: Chờ", "  detail: Lưu ý: Chờ"), "Lưu ý", "ngoặc kép"),
    ("no-break space", RAW.replace("agency: so-tnmt", "agency:\u00a0so-tnmt"), "so-tnmt", "ký tự lạ"),
    ("full-width colon", RAW.replace("agency: so-tnmt", "agency： so-tnmt"), "so-tnmt", "ký tự lạ"),
    ("two documents", RAW.replace("reason:", "---\nreason:"), "---", "---"),
]


@pytest.mark.parametrize(("name", "text", "needle", "words"), SYNTAX, ids=[c[0] for c in SYNTAX])
def test_syntax_errors_point_at_the_line_in_vietnamese(root, name, text, needle, words):
    write(root, text)
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [(p.code, p.file, p.line) for p in result.problems] == [("yaml-syntax", REL, lines_of(text, needle))]
    assert words in result.problems[0].message


@pytest.mark.parametrize("text", ["", "# chỉ có chú thích\n# không có trường nào\n", "\n\n"])
def test_empty_file_is_one_problem(root, text):
    write(root, text)
    assert problems(root) == [("yaml-empty", REL, None, None)]


@pytest.mark.parametrize("text", ["- number: 1\n- agency: so-tnmt\n", "chỉ một dòng chữ\n"])
def test_top_level_must_be_a_mapping(root, text):
    write(root, text)
    assert problems(root) == [("yaml-not-mapping", REL, 1, None)]


def test_windows_line_endings_and_bom_are_fine(root):
    write(root, b"\xef\xbb\xbf" + RAW.replace("\n", "\r\n").encode("utf-8"))
    assert problems(root) == []


def test_latin1_file_is_an_encoding_problem_on_its_line(root):
    write(root, RAW.encode("cp1258", "replace"))
    assert problems(root) == [("yaml-encoding", REL, lines_of(RAW, "Nguyễn"), None)]


def test_huge_file(root):
    write(root, RAW + "# " + "x" * 300_000 + "\n")
    assert problems(root) == [("yaml-too-large", REL, None, None)]


def test_duplicate_keys_top_and_nested(root):
    text = RAW.replace("  title: Phó Giám đốc\n", "  title: Phó Giám đốc\n  name: Trần Văn C\n") + "agency: so-tnmt\n"
    write(root, text)
    assert problems(root) == [
        ("yaml-duplicate-key", REL, lines_of(text, "Trần Văn C"), "signer.name"),
        ("yaml-duplicate-key", REL, len(text.splitlines()), "agency"),
    ]


def test_alias_is_one_problem_without_a_missing_field(root):
    text = RAW.replace("  received_on: 2018-04-20", "  received_on: &r 2018-04-20").replace(
        "published_on: 2018-05-10", "published_on: *r")
    write(root, text)
    assert problems(root) == [("yaml-alias", REL, lines_of(text, "*r"), "published_on")]


def test_custom_tag_is_reported(root):
    text = RAW.replace("agency: so-tnmt", "agency: !cq so-tnmt")
    write(root, text)
    assert problems(root) == [("yaml-alias", REL, lines_of(text, "!cq"), "agency")]


# --- values -------------------------------------------------------------------------------------

VALUES = [
    ("month 13", "issued_on: 2018-05-09", "issued_on: 2018-13-01", "date-invalid", "issued_on"),
    ("dd/mm/yyyy", "issued_on: 2018-05-09", "issued_on: 09/05/2018", "date-invalid", "issued_on"),
    ("unpadded", "issued_on: 2018-05-09", "issued_on: 2018-5-9", "date-invalid", "issued_on"),
    ("date and time", "issued_on: 2018-05-09", "issued_on: 2018-05-09 10:00", "date-invalid", "issued_on"),
    ("yes", "published_on: 2018-05-10", "published_on: 2018-05-10\nprivacy_reviewed: yes", "field-type",
     "privacy_reviewed"),
    ("hash starts a comment", 'number: "15/XL-STNMT"', "number: #15/XL-STNMT", "field-empty", "number"),
    ("list for text", 'number: "15/XL-STNMT"', 'number: ["15/XL-STNMT"]', "field-type", "number"),
    ("Vietnamese choice", "  kind: individual", "  kind: cá nhân", "field-choice", "recipient.kind"),
    ("corrections as a map", "published_on: 2018-05-10",
     "published_on: 2018-05-10\ncorrections:\n  date: 2018-05-12\n  note: Sửa.", "field-type", "corrections"),
]


@pytest.mark.parametrize(("name", "old", "new", "code", "field"), VALUES, ids=[c[0] for c in VALUES])
def test_wrong_values(root, name, old, new, code, field):
    text = RAW.replace(old, new)
    write(root, text)
    line = lines_of(text, new.splitlines()[-1] if code != "field-type" or field != "corrections" else "corrections")
    assert problems(root) == [(code, REL, line, field)]


def test_identifiers_unquoted_stay_text(root):
    text = RAW.replace('number: "15/XL-STNMT"', "number: 15/XL-STNMT").replace(
        'procedure_code: "1.004227"', "procedure_code: 1.004220")
    write(root, text)
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert result.problems == []
    letter = next(x for x in result.content.letters if x.id == "2018-05-0001")
    assert (letter.number, letter.dossier.procedure_code) == ("15/XL-STNMT", "1.004220")


# --- unknown keys at every level: one problem, naming the field meant ----------------------------

TYPOS = [
    ("published_on:", "publised_on:", "publised_on", "published_on"),
    ("agency:", "Agency:", "Agency", "agency"),
    ("  new_due_on:", "  new_due:", "dossier.new_due", "dossier.new_due_on"),
    ("  detail:", "  details:", "reason.details", "reason.detail"),
    ("  title:", "  tittle:", "signer.tittle", "signer.title"),
]


@pytest.mark.parametrize(("old", "new", "field", "meant"), TYPOS, ids=[c[2] for c in TYPOS])
def test_typo_key_is_one_problem_with_a_suggestion(root, old, new, field, meant):
    text = RAW.replace(old, new)
    write(root, text)
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [(p.code, p.file, p.line, p.field) for p in result.problems] == [
        ("field-unknown", REL, lines_of(text, new), field)]
    assert f"'{meant}'" in result.problems[0].message


def test_typo_in_list_items_and_withdrawn(root):
    text = RAW + ("corrections:\n  - date: 2018-05-12\n    notes: Sửa ngày.\n"
                  "withdrawn:\n  date: 2018-05-20\n  reasn: Đăng nhầm.\n")
    write(root, text)
    assert problems(root) == [
        ("field-unknown", REL, lines_of(text, "notes:"), "corrections.0.notes"),
        ("field-unknown", REL, lines_of(text, "reasn:"), "withdrawn.reasn"),
    ]


def test_dedented_key_names_its_parent(root):
    text = RAW.replace("  name: Ông N.V.A.", "name: Ông N.V.A.")
    write(root, text)
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [(p.code, p.line, p.field) for p in result.problems] == [("field-unknown", 9, "name")]
    assert "'recipient'" in result.problems[0].message


def test_truly_unknown_key(root):
    write(root, RAW + "ghi_chu: thêm\n")
    assert problems(root) == [("field-unknown", REL, 22, "ghi_chu")]


# --- Vietnamese text ----------------------------------------------------------------------------

def test_nfd_text_from_macos(root):
    write(root, unicodedata.normalize("NFD", RAW))
    got = problems(root)
    assert {code for code, *_ in got} == {"text-not-nfc"}
    assert [(line, field) for _c, _f, line, field in got] == [
        (5, "signer.name"), (6, "signer.title"), (9, "recipient.name"), (12, "dossier.procedure"),
        (20, "reason.detail")]


def test_tcvn3_text(root):
    text = RAW.replace("Chờ ý kiến phối hợp của Chi cục Thuế.", "Chê ý kiÕn phèi hîp cña Chi côc ThuÕ.")
    write(root, text)
    assert problems(root) == [("text-legacy-encoding", REL, 20, "reason.detail")]


def test_one_bad_letter_hides_nothing_else(root):
    write(root, "number: '15/XL\n")
    from tests.helpers import write_letter

    write_letter(root, "2018-05-0009", number="99/XL", **{"dossier.code": "bad"})
    got = [(code, file) for code, file, _l, _f in problems(root)]
    assert got == [("yaml-syntax", REL), ("dossier-code-pattern", "letters/2018/so-tnmt/2018-05-0009.yml")]


# --- portal.yml ---------------------------------------------------------------------------------

def _portal_text(root) -> str:
    return (root / "portal.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("field", "value"), [("max_pdf_pages", "-3"), ("max_pdf_bytes", "0"),
                                              ("pdf_timeout_seconds", "0"),
                                              ("missing_letter_grace_working_days", "-1")])
def test_portal_policy_numbers_have_a_minimum(root, field, value):
    text = _portal_text(root).replace("policy:\n", f"policy:\n  {field}: {value}\n")
    (root / "portal.yml").write_text(text, encoding="utf-8")
    assert problems(root) == [("field-range", "portal.yml", lines_of(text, f"{field}:"), f"policy.{field}")]


def test_portal_typo_suggests_the_field(root):
    text = _portal_text(root).replace("site_url:", "siteurl:")
    (root / "portal.yml").write_text(text, encoding="utf-8")
    assert problems(root) == [("field-unknown", "portal.yml", lines_of(text, "siteurl"), "siteurl")]


# --- layout -------------------------------------------------------------------------------------

FOLDER = "letters/2018/so-tnmt"


def test_uppercase_pdf_extension_is_one_problem(root):
    (root / FOLDER / "2018-05-0001.pdf").rename(root / FOLDER / "2018-05-0001.PDF")
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [(p.code, p.file, p.line, p.field) for p in result.problems] == [
        ("layout-unexpected-file", f"{FOLDER}/2018-05-0001.PDF", None, None)]
    assert "viết thường" in result.problems[0].message


@pytest.mark.parametrize("name", ["2018-05-0001.yaml", "2018-05-0001.YML"])
def test_misnamed_yaml_is_one_problem_not_an_orphan_pdf_too(root, name):
    (root / REL).rename(root / FOLDER / name)
    assert problems(root) == [("layout-unexpected-file", f"{FOLDER}/{name}", None, None)]


def test_orphan_pdf(root):
    (root / FOLDER / "ban-sao.pdf").write_bytes((root / FOLDER / "2018-05-0001.pdf").read_bytes())
    assert problems(root) == [("layout-unexpected-file", f"{FOLDER}/ban-sao.pdf", None, None)]


def test_badly_named_year_folder_is_one_problem(root):
    (root / "letters" / "2018").rename(root / "letters" / "18")
    assert problems(root) == [("layout-unexpected-file", "letters/18", None, None)]


def test_letter_in_wrong_year_and_agency_folder(root):
    target = root / "letters" / "2019" / "tthcc"
    target.mkdir(parents=True)
    for ext in ("yml", "pdf"):
        (root / FOLDER / f"2018-05-0001.{ext}").rename(target / f"2018-05-0001.{ext}")
    rel = "letters/2019/tthcc/2018-05-0001.yml"
    assert problems(root) == [("layout-wrong-year", rel, 2, "issued_on"), ("layout-wrong-agency", rel, 3, "agency")]


def test_withdrawn_letter_may_lose_its_pdf(root):
    write(root, RAW + "withdrawn:\n  date: 2018-05-20\n  reason: Đăng nhầm hồ sơ.\n")
    (root / FOLDER / "2018-05-0001.pdf").unlink()
    result = check_content(root, TODAY)  # with the PDF gate
    assert result.problems == []


def test_deleted_pdf_of_a_live_letter(root):
    (root / FOLDER / "2018-05-0001.pdf").unlink()
    assert problems(root) == [("pdf-missing", REL, None, None)]


# --- registries ---------------------------------------------------------------------------------

def _agencies(root, old: str, new: str) -> str:
    text = (root / "agencies.yml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    (root / "agencies.yml").write_text(text, encoding="utf-8")
    return text


def test_agency_cycle_names_the_entry(root):
    text = _agencies(root, "- code: tthcc\n", "- code: tthcc\n  parent: so-tnmt\n")
    text = _agencies(root, "- code: so-tnmt\n", "- code: so-tnmt\n  parent: tthcc\n")
    got = problems(root)
    assert len(got) == 1 and got[0][0] == "registry-cycle" and got[0][1] == "agencies.yml"
    assert got[0][3] in ("agencies.0.parent", "agencies.1.parent")
    assert got[0][2] == lines_of(text, "parent: so-tnmt" if got[0][3] == "agencies.0.parent" else "parent: tthcc")


def test_agency_self_parent(root):
    text = _agencies(root, "- code: tthcc\n", "- code: tthcc\n  parent: tthcc\n")
    assert problems(root) == [("registry-cycle", "agencies.yml", lines_of(text, "parent: tthcc"), "agencies.0.parent")]


def test_broken_agency_entry_is_one_problem_not_one_per_letter(root):
    text = _agencies(root, "  name: Sở Tài nguyên và Môi trường\n", "  nme: Sở Tài nguyên và Môi trường\n")
    assert problems(root) == [("field-unknown", "agencies.yml", lines_of(text, "nme:"), "agencies.1.nme")]


def test_badly_written_agency_code_is_one_problem(root):
    text = _agencies(root, "- code: so-tnmt\n", "- code: So_TNMT\n")
    assert problems(root) == [("registry-bad-code", "agencies.yml", lines_of(text, "So_TNMT"), "agencies.1.code")]


def test_unparsable_agencies_does_not_flood_the_register(root):
    (root / "register").mkdir()
    (root / "register" / "x.csv").write_text(
        "dossier_code,agency,procedure,received_on,due_on,returned_on\n"
        "000.00.21.H17-180420-0077,so-tnmt,Thủ tục,2018-04-20,2018-05-04,\n", encoding="utf-8")
    (root / "agencies.yml").write_text("agencies:\n  - code: tthcc\n   name: x\n", encoding="utf-8")
    assert [(code, file) for code, file, _l, _f in problems(root)] == [("yaml-syntax", "agencies.yml")]


def test_agency_unknown_ref_has_its_path(root):
    text = _agencies(root, "  tracked_by: tthcc\n", "  tracked_by: tthc\n")
    assert problems(root) == [("registry-unknown-ref", "agencies.yml", lines_of(text, "tracked_by: tthc"),
                               "agencies.1.tracked_by")]


def test_agency_that_did_not_exist_yet(root):
    text = RAW.replace("agency: so-tnmt", "agency: ubnd-xa-cu-jut")  # valid from 2025-07-01
    folder = root / "letters" / "2018" / "ubnd-xa-cu-jut"
    folder.mkdir()
    (root / REL).unlink()
    (root / FOLDER / "2018-05-0001.pdf").rename(folder / "2018-05-0001.pdf")
    write(root, text, "letters/2018/ubnd-xa-cu-jut/2018-05-0001.yml")
    assert problems(root) == [("agency-not-valid", "letters/2018/ubnd-xa-cu-jut/2018-05-0001.yml", 2, "issued_on")]


def test_reason_not_in_reasons(root):
    write(root, RAW.replace("category: inter-agency", "category: cham-tre"))
    assert problems(root) == [("reason-unknown", REL, 19, "reason.category")]


@pytest.mark.parametrize("setting", ["dossier_code_pattern", "number_pattern", "procedure_code_pattern"])
@pytest.mark.parametrize("pattern", ["^(?:[A-Z]", r"^(\d+)-\1$", "^(?=H)H.*$", "^(?<!x)y$", "a{1001}"])
def test_every_identifier_pattern_is_judged_once_with_its_line(root, setting, pattern):
    """Bad syntax, back-references, look-around, a too-large program: RE2 cannot use them; one problem each,
    on the setting's line (the default pattern stands in, so the letters are still judged)."""
    text = _portal_text(root).replace("policy:\n", f"policy:\n  {setting}: '{pattern}'\n")
    (root / "portal.yml").write_text(text, encoding="utf-8")
    assert problems(root) == [("portal-bad-pattern", "portal.yml", lines_of(text, setting), f"policy.{setting}")]


def test_a_catastrophic_pattern_cannot_hang_the_check(tmp_path):
    """`^(a+)+$` over 'aaaa…!' takes exponential time in a backtracking engine; RE2 matches in linear time.
    Run in a child with a deadline, so a regression fails instead of hanging the suite."""
    import subprocess
    import sys
    from pathlib import Path

    content = make_content(tmp_path, letters=1)
    portal = (content / "portal.yml").read_text(encoding="utf-8")
    (content / "portal.yml").write_text(portal.replace("policy:\n", "policy:\n  dossier_code_pattern: '^(a+)+$'\n"),
                                        encoding="utf-8")
    letter = next((content / "letters").rglob("*.yml"))
    text = letter.read_text(encoding="utf-8")
    code = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("code:"))
    letter.write_text(text.replace(code, "a" * 60 + "!"), encoding="utf-8")
    script = ("import sys; from datetime import date; from pathlib import Path;"
              "from generator.checks.orchestrator import check_content;"
              "from generator.content.newletter import extract;"
              f"r = check_content(Path({str(content)!r}), date(2018, 6, 1), run_pdf_gate=False);"
              "extract('a' * 200000 + '!', '^(a+)+$');"
              "print(sorted({p.code for p in r.problems}))")
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60,
                         check=True).stdout
    assert "dossier-code-pattern" in out  # judged (the code does not match), in time


@pytest.mark.parametrize("url", ["xinloi.example.gov.vn", "www.tinh.gov.vn/xin-loi/", "https:/x.vn"])
def test_portal_site_url_must_be_absolute(root, url):
    text = _portal_text(root).replace("site_url: https://xinloi.example.gov.vn/", f"site_url: {url}")
    (root / "portal.yml").write_text(text, encoding="utf-8")
    assert problems(root) == [("portal-bad-url", "portal.yml", lines_of(text, "site_url"), "site_url")]


def test_missing_portal_yml(root):
    (root / "portal.yml").unlink()
    result = check_content(root, TODAY, run_pdf_gate=False)
    got = [(p.code, p.file, p.line, p.field) for p in result.problems]
    assert got == [("config-missing", "portal.yml", None, None)]
    assert result.content is None and not result.valid


def test_merge_key_is_an_alias_problem(root):
    text = RAW.replace("reason:\n", "reason:\n  <<: {detail: x}\n")
    write(root, text)
    assert problems(root) == [("yaml-alias", REL, lines_of(text, "<<"), "reason.<<")]


# --- privacy and the record's life -------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "code", "field"), [
    ("  name: Ông N.V.A.", "  name: Nguyễn Văn An", "privacy-name-not-masked", "recipient.name"),
    ("  name: Ông N.V.A.", "  name: Ông NVA", "privacy-name-not-masked", "recipient.name"),
    ("của Chi cục Thuế.", "của Chi cục Thuế, gọi anh An 0912.345.678.", "privacy-phone", "reason.detail"),
    ("của Chi cục Thuế.", "của Chi cục Thuế (an.nv@gmail.com).", "privacy-email", "reason.detail"),
    ("của Chi cục Thuế.", "của Chi cục Thuế; CCCD 066090001234.", "privacy-citizen-id", "reason.detail"),
])
def test_personal_data(root, old, new, code, field):
    text = RAW.replace(old, new)
    write(root, text)
    assert problems(root) == [(code, REL, lines_of(text, new.strip()), field)]


def test_dossier_code_in_text_is_not_a_citizen_id(root):
    write(root, RAW.replace("của Chi cục Thuế.", "của Chi cục Thuế cho hồ sơ 000.00.21.H17-180420-0012."))
    assert problems(root) == []


def test_corrections_out_of_order(root):
    text = RAW + ("corrections:\n  - date: 2018-05-20\n    note: Sửa lần hai.\n"
                  "  - date: 2018-05-12\n    note: Sửa lần một.\n")
    write(root, text)
    assert problems(root) == [("dates-correction-order", REL, lines_of(text, "2018-05-12"), "corrections.1.date")]


def test_same_id_in_two_years(root):
    folder = root / "letters" / "2019" / "so-tnmt"
    folder.mkdir(parents=True)
    text = RAW.replace("2018-05-09", "2019-05-09").replace("2018-05-10", "2019-05-10").replace(
        "issued_on: 2019", "issued_on: 2019")
    (folder / "2018-05-0001.yml").write_text(text, encoding="utf-8")
    (folder / "2018-05-0001.pdf").write_bytes(b"%PDF-1.4 other\n%%EOF\n")
    got = problems(root, "letters/2019/so-tnmt/2018-05-0001.yml")
    assert ("letter-id-duplicate", "letters/2019/so-tnmt/2018-05-0001.yml", None, None) in got
