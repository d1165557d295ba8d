"""The record where it is published: the letter page shows each correction as field: old → new (from the lock),
and `review-changes` names the changes a second reviewer must see."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

from generator.build import build_site
from generator.checks import record
from generator.checks.orchestrator import check_content
from generator.checks.review import REVIEWED_PATHS, review_changes
from tests.helpers import make_content

TODAY = date(2018, 6, 1)
L1 = "letters/2018/so-tnmt/2018-05-0001"
L2 = "letters/2018/so-tnmt/2018-05-0002"
ROOT = Path(__file__).resolve().parents[1]


def edit_yaml(root: Path, rel: str, change) -> None:
    path = root / f"{rel}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def lock(root: Path) -> None:
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert result.valid, [(p.code, p.file) for p in result.problems]
    record.write_lock(root, record.lock_entries(root, result.content.letters))


def correct(field: str, value: str):
    def change(d):
        section, _, key = field.rpartition(".")
        (d[section] if section else d)[key] = value
        d["corrections"] = [{"date": "2018-05-20", "note": "Đính chính theo văn bản số 16.", "fields": [field]}]
    return change


def shown_changes(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<li data-correction-field="([^"]+)"><code>[^<]*</code>: <span class="ck-old">([^<]*)</span> '
                      r'→ <span class="ck-new">([^<]*)</span></li>', html)


def test_letter_page_shows_each_correction_as_old_to_new_from_the_record(tmp_path):
    root = make_content(tmp_path, letters=2)
    lock(root)
    old = record.read_lock(root / "published.lock").entries
    edit_yaml(root, L1, correct("dossier.new_due_on", "2018-05-25"))
    lock(root)  # L1's correction is in the record
    edit_yaml(root, L2, correct("reason.detail", "Chờ kết quả đo đạc."))  # L2's is not locked yet (a preview)
    build_site(root, tmp_path / "site", TODAY, build_dir=tmp_path / "build", run_pdf_gate=False)
    page = (tmp_path / "site" / L1 / "index.html").read_text(encoding="utf-8")
    assert shown_changes(page) == [("dossier.new_due_on", old["2018-05-0001"].values["dossier.new_due_on"],
                                    "2018-05-25")]
    preview = (tmp_path / "site" / L2 / "index.html").read_text(encoding="utf-8")
    assert shown_changes(preview) == [("reason.detail", old["2018-05-0002"].values["reason.detail"],
                                       "Chờ kết quả đo đạc.")]
    assert (tmp_path / "site" / "published.lock").read_bytes() == (root / "published.lock").read_bytes()


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


def test_review_changes_names_settings_host_and_reviewed_files(tmp_path):
    repo = tmp_path
    make_content(repo, letters=0)
    for path, _ in REVIEWED_PATHS:
        target = repo / path.format(content="content")
        target = target / "x.txt" if path.endswith("/") else target
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("v1\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "pr")
    portal = yaml.safe_load((repo / "content" / "portal.yml").read_text(encoding="utf-8"))
    portal["policy"]["mask_individual_names"] = False
    portal["pdf_base_url"] = "https://pdf.other-host.example/"
    portal["name"] = "Tên mới"  # identity: no review needed
    (repo / "content" / "portal.yml").write_text(yaml.safe_dump(portal, allow_unicode=True), encoding="utf-8")
    for path, _ in REVIEWED_PATHS:
        target = repo / path.format(content="content")
        (target / "x.txt" if path.endswith("/") else target).write_text("v2\n", encoding="utf-8")
    git(repo, "commit", "-qam", "change")
    found = sorted((p.code, p.file, p.field) for p in review_changes(repo, "main"))
    files = sorted(("review-file-changed", (p.format(content="content") + ("x.txt" if p.endswith("/") else "")), None)
                   for p, _ in REVIEWED_PATHS)
    assert found == sorted([*files, ("review-pdf-host-changed", "content/portal.yml", "pdf_base_url"),
                            ("review-setting-changed", "content/portal.yml", "pdf_base_url"),
                            ("review-setting-changed", "content/portal.yml", "policy.mask_individual_names")])
    done = subprocess.run([sys.executable, "-m", "generator", "review-changes", "--base", "main", "--repo", str(repo),
                           "--format", "github"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::warning ")]
    assert len(annotations) == len(found)
    assert subprocess.run([sys.executable, "-m", "generator", "review-changes", "--base", "no-such-ref", "--repo",
                           str(repo)], cwd=ROOT, capture_output=True, timeout=120).returncode == 2


def test_codeowners_covers_every_reviewed_path():
    owned = {line.split()[0].strip("/") for line in (ROOT / ".github" / "CODEOWNERS").read_text().splitlines()
             if line.strip() and not line.startswith("#")}
    assert {p.format(content="content").strip("/") for p, _ in REVIEWED_PATHS} | {"content/portal.yml"} <= owned
