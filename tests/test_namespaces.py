"""Agency codes with a former-province namespace (merged archives): two `so-xd` side by side."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.build import build_site
from generator.checks.orchestrator import check_content
from tests.helpers import AGENCIES, make_content, write_letter

TODAY = date(2026, 12, 1)
PROVINCES = {"dak-nong": "Đắk Nông", "binh-thuan": "Bình Thuận"}
NAMESPACE_CODES = ("registry-code-in-namespaces", "agency-code-needs-namespace", "agency-unknown",
                   "register-agency-unknown", "registry-unknown-ref", "layout-wrong-agency")


def merged_agencies() -> dict:
    agencies = copy.deepcopy(AGENCIES)
    agencies["agencies"] += [{"code": "so-xd", "namespace": ns, "name": f"Sở Xây dựng tỉnh {name}",
                              "level": "province", "tracked_by": "tthcc", "valid_to": "2025-06-30"}
                             for ns, name in PROVINCES.items()]
    return agencies


def letter_of(root: Path, agency: str, n: int) -> Path:
    return write_letter(root, f"2025-03-000{n}", agency=agency, number=f"{n}/XL-SXD", issued_on="2025-03-10",
                        published_on="2025-03-11",
                        **{"dossier.code": f"000.00.21.H17-250224-000{n}", "dossier.received_on": "2025-02-24",
                           "dossier.due_on": "2025-03-11", "dossier.new_due_on": "2025-03-20",
                           "dossier.returned_on": "2025-03-19"})


def found(root: Path) -> list[tuple[str, str, int | None, str]]:
    result = check_content(root, TODAY, run_pdf_gate=False)
    return sorted((p.code, p.file, p.line, p.message) for p in result.problems if p.code in NAMESPACE_CODES)


def entry_line(root: Path, index: int) -> int:
    """The line of `code:` of the index-th agency entry in agencies.yml."""
    lines = (root / "agencies.yml").read_text(encoding="utf-8").splitlines()
    starts = [n for n, text in enumerate(lines, start=1) if text.lstrip().startswith("- code:")]
    return starts[index]


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_content(tmp_path_factory.mktemp("ns"), letters=0, agencies=merged_agencies())
    for n, ns in enumerate(PROVINCES, start=1):
        letter_of(root, f"{ns}.so-xd", n)
    return root


def test_two_namespaces_share_a_code_with_one_clear_warning(merged: Path) -> None:
    second = len(AGENCIES["agencies"]) + 1
    assert [(c, f, line) for c, f, line, _ in found(merged)] == [
        ("registry-code-in-namespaces", "agencies.yml", entry_line(merged, second))]
    message = found(merged)[0][3]
    assert "'so-xd'" in message and "dak-nong.so-xd, binh-thuan.so-xd" in message
    result = check_content(merged, TODAY, run_pdf_gate=False)
    assert [p.code for p in result.problems if p.severity == "error"] == []
    assert sorted(c for c in result.content.agencies if c.endswith("so-xd")) == ["binh-thuan.so-xd", "dak-nong.so-xd"]
    assert {x.agency for x in result.content.letters} == {"binh-thuan.so-xd", "dak-nong.so-xd"}


def test_a_plain_code_found_only_in_namespaces_names_the_full_codes(tmp_path: Path) -> None:
    agencies = merged_agencies()
    agencies["agencies"].append({"code": "ubnd-x", "name": "UBND x", "level": "district", "parent": "so-xd"})
    root = make_content(tmp_path, letters=0, agencies=agencies)
    path = letter_of(root, "so-xd", 1)
    (root / "register").mkdir()
    (root / "register" / "r.csv").write_text("dossier_code,agency,procedure,received_on,due_on,returned_on\n"
                                             "000.00.21.H17-250224-0009,so-xd,Thủ tục,2025-02-24,2025-03-11,\n",
                                             encoding="utf-8")
    agency_line = 1 + [x.split(":")[0] for x in path.read_text(encoding="utf-8").splitlines()].index("agency")
    parent_line = 1 + (root / "agencies.yml").read_text(encoding="utf-8").splitlines().index("  parent: so-xd")
    got = found(root)
    assert [(c, f, line) for c, f, line, _ in got] == sorted([
        ("agency-code-needs-namespace", "agencies.yml", parent_line),
        ("agency-code-needs-namespace", "letters/2025/so-xd/2025-03-0001.yml", agency_line),
        ("agency-code-needs-namespace", "register/r.csv", 2),
        ("registry-code-in-namespaces", "agencies.yml", entry_line(root, len(AGENCIES["agencies"]) + 1)),
    ])
    assert all("binh-thuan.so-xd, dak-nong.so-xd" in m for c, _, _, m in got if c == "agency-code-needs-namespace")


def test_a_bad_or_repeated_namespace_is_a_registry_error(tmp_path: Path) -> None:
    agencies = merged_agencies()
    agencies["agencies"].append(dict(agencies["agencies"][-1]))
    agencies["agencies"].append({"code": "so-yt", "namespace": "Dak.Nong", "name": "Sở Y tế", "level": "province"})
    root = make_content(tmp_path, letters=0, agencies=agencies)
    problems = check_content(root, TODAY, run_pdf_gate=False).problems
    n = len(AGENCIES["agencies"])
    assert sorted((p.code, p.field) for p in problems if p.code.startswith("registry-") and p.severity == "error") == [
        ("registry-bad-code", f"agencies.{n + 3}.namespace"), ("registry-duplicate-code", f"agencies.{n + 2}.code")]
    text = (root / "agencies.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["agencies"][n + 2]["namespace"] == "binh-thuan"


def test_a_real_site_build_shows_both_agencies_pages(merged: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_site(merged, site, TODAY, build_dir=tmp_path / "build", cache_dir=tmp_path / "cache",
                        run_pdf_gate=False)
    pages = {}
    for ns, province in PROVINCES.items():
        code = f"{ns}.so-xd"
        html = (site / "agencies" / code / "index.html").read_text(encoding="utf-8")
        assert f'data-agency="{code}"' in html and f"Sở Xây dựng tỉnh {province}" in html
        letter = next(x for x in result.check.content.letters if x.agency == code)
        page = (site / letter.url / "index.html").read_text(encoding="utf-8")
        assert f'data-letter-id="{letter.id}"' in page and f"Sở Xây dựng tỉnh {province}" in page
        pages[code] = letter.url
    assert len(set(pages.values())) == 2
    listing = (site / "agencies" / "index.html").read_text(encoding="utf-8")
    assert all(f"agencies/{ns}.so-xd/" in listing for ns in PROVINCES)
