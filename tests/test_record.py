"""The public record: tampering with a published letter is caught; open corrections and withdrawals pass."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml

from generator.checks import record
from generator.checks.orchestrator import check_content
from tests.helpers import make_content

TODAY = date(2018, 6, 1)
L1 = "letters/2018/so-tnmt/2018-05-0001"
L2 = "letters/2018/so-tnmt/2018-05-0002"


def lock(root):
    """Lock the content as it is (the library call `python -m generator lock` makes once content is valid)."""
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert result.valid, result.problems
    record.write_lock(root, record.lock_entries(root, result.content.letters))


def problems_of(root):
    result = check_content(root, TODAY, run_pdf_gate=False)
    return [(p.code, p.file, p.line, p.field) for p in result.problems]


def edit_yaml(root, stem, change):
    path = root / f"{stem}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def locked(tmp_path, letters=2):
    root = make_content(tmp_path, letters=letters)
    lock(root)
    return root


def test_no_lock_means_no_record_problems(tmp_path):
    root = make_content(tmp_path, letters=2)
    assert problems_of(root) == []


def test_freshly_locked_content_is_clean_and_lock_is_deterministic(tmp_path):
    root = locked(tmp_path)
    first = (root / "published.lock").read_bytes()
    lock(root)
    assert (root / "published.lock").read_bytes() == first
    lines = first.decode().splitlines()
    assert len(lines) == 4 and json.loads(lines[-1]).keys() == {"seal"}
    assert [record.parse_lock(first.decode()).entries[i].line for i in ("2018-05-0001", "2018-05-0002")] == [2, 3]
    assert problems_of(root) == []


def test_changed_pdf_byte_is_caught(tmp_path):
    root = locked(tmp_path)
    pdf = root / f"{L1}.pdf"
    data = bytearray(pdf.read_bytes())
    data[200] ^= 0x01
    pdf.write_bytes(bytes(data))
    assert problems_of(root) == [("record-pdf-changed", f"{L1}.yml", None, None)]


def test_edited_date_is_caught_and_names_the_field(tmp_path):
    root = locked(tmp_path)
    edit_yaml(root, L1, lambda d: d["dossier"].update(new_due_on="2018-05-16"))
    found = problems_of(root)
    assert [(c, f, fld) for c, f, _, fld in found] == [("record-metadata-changed", f"{L1}.yml", "dossier")]
    assert found[0][2] is not None  # points at the line of `dossier:`
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert "dossier" in result.problems[0].message


def test_reformatting_and_comments_are_not_changes(tmp_path):
    root = locked(tmp_path)
    path = root / f"{L1}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = "# ghi chú của biên tập viên\n" + yaml.safe_dump(dict(reversed(list(data.items()))), allow_unicode=True,
                                                              default_style='"')
    path.write_text(text, encoding="utf-8")
    assert problems_of(root) == []


def test_deleted_letter_is_caught(tmp_path):
    root = locked(tmp_path)
    (root / f"{L2}.yml").unlink()
    (root / f"{L2}.pdf").unlink()
    assert problems_of(root) == [("record-letter-missing", "published.lock", 3, None)]


def test_misplaced_letter_is_a_layout_problem_not_a_deletion(tmp_path):
    root = locked(tmp_path)
    (root / f"{L2}.yml").rename(root / f"{L2}.yaml")
    assert [code for code, *_ in problems_of(root)] == ["layout-unexpected-file"]


def test_proper_correction_passes_and_lock_records_it(tmp_path):
    root = locked(tmp_path)

    def correct(d):
        d["dossier"]["new_due_on"] = "2018-05-16"
        d["corrections"] = [{"date": "2018-05-20", "note": "Sửa ngày hẹn trả mới theo văn bản đính chính.",
                             "fields": ["dossier.new_due_on", "pdf"]}]

    old = record.read_lock(root / "published.lock").entries["2018-05-0001"].values
    edit_yaml(root, L1, correct)
    pdf = root / f"{L1}.pdf"
    pdf.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%%EOF\n", 1))
    assert problems_of(root) == []
    lock(root)
    entry = record.read_lock(root / "published.lock").entries["2018-05-0001"]
    assert entry.corrections == 1
    assert entry.changes == [{"dossier.new_due_on": [old["dossier.new_due_on"], "2018-05-16"],
                              "pdf": [old["pdf"], record.sha256_file(pdf)]}]
    # a further silent edit after the correction was locked is caught again
    edit_yaml(root, L1, lambda d: d["reason"].update(detail="Lý do khác hẳn."))
    assert [p[0] for p in problems_of(root)] == ["record-metadata-changed"]


def test_rewriting_a_past_correction_is_caught(tmp_path):
    root = make_content(tmp_path, letters=1)
    edit_yaml(root, L1, lambda d: d.update(corrections=[{"date": "2018-05-20", "note": "Đính chính lần 1."}]))
    lock(root)
    edit_yaml(root, L1, lambda d: d.update(corrections=[{"date": "2018-05-20", "note": "Nội dung khác."},
                                                         {"date": "2018-05-21", "note": "Đính chính lần 2.",
                                                          "fields": ["number"]}]))
    assert [p[0] for p in problems_of(root)] == ["record-corrections-rewritten"]
    edit_yaml(root, L1, lambda d: d.pop("corrections"))
    assert [p[0] for p in problems_of(root)] == ["record-corrections-rewritten"]


def test_withdrawal_passes_and_its_pdf_may_go(tmp_path):
    root = locked(tmp_path)
    edit_yaml(root, L2, lambda d: d.update(withdrawn={"date": "2018-05-25", "reason": "Đăng nhầm hồ sơ."}))
    (root / f"{L2}.pdf").unlink()
    assert problems_of(root) == []
    lock(root)
    entry = record.read_lock(root / "published.lock").entries["2018-05-0002"]
    assert entry.withdrawn and entry.pdf_sha256 is None
    edit_yaml(root, L2, lambda d: d.pop("withdrawn"))
    assert ("record-withdrawal-removed", f"{L2}.yml", None, "withdrawn") in problems_of(root)


def test_withdrawal_does_not_allow_silent_metadata_edits(tmp_path):
    root = locked(tmp_path)

    def withdraw_and_edit(d):
        d["withdrawn"] = {"date": "2018-05-25", "reason": "Đăng nhầm hồ sơ."}
        d["number"] = "99/XL-STNMT"

    edit_yaml(root, L2, withdraw_and_edit)
    assert [(p[0], p[3]) for p in problems_of(root)] == [("record-metadata-changed", "number")]


def test_unlocked_letter_is_a_warning(tmp_path):
    root = locked(tmp_path, letters=1)
    from tests.helpers import write_letter

    write_letter(root, "2018-05-0009", number="99/XL-STNMT", **{"dossier.code": "000.00.21.H17-180420-0099"})
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert [(p.code, p.severity, p.file) for p in result.problems] == [
        ("record-not-locked", "warning", "letters/2018/so-tnmt/2018-05-0009.yml")]
    assert result.valid


def test_malformed_lock_lines_are_reported_with_their_line(tmp_path):
    root = locked(tmp_path)
    path = root / "published.lock"
    lines = v1(path.read_text(encoding="utf-8")).splitlines()
    lines[2] = lines[2].replace('"corrections": 0', '"corrections": "0"')
    lines.append("not json")
    lines.append(lines[1])  # duplicate id
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [(c, f, line) for c, f, line, _ in problems_of(root)]
    assert found == [
        ("record-not-locked", f"{L2}.yml", None),
        ("record-lock-malformed", "published.lock", 3),
        ("record-lock-malformed", "published.lock", 4),
        ("record-lock-malformed", "published.lock", 5),
    ]


def v1(text: str) -> str:
    """A lock's text as version 1 (no seal line): its lines may be edited without `record-lock-tampered`."""
    lines = text.splitlines()
    return "\n".join([json.dumps(record.HEADER_V1, ensure_ascii=False), *lines[1:-1]]) + "\n"


def test_missing_header_is_malformed(tmp_path):
    root = locked(tmp_path)
    path = root / "published.lock"
    path.write_text("\n".join(path.read_text().splitlines()[1:]) + "\n", encoding="utf-8")
    assert ("record-lock-malformed", "published.lock", 1, None) in problems_of(root)


def test_compare_locks_catches_removed_and_silently_changed_entries(tmp_path):
    root = locked(tmp_path)
    base = record.read_lock(root / "published.lock")
    text = v1((root / "published.lock").read_text(encoding="utf-8")).splitlines()
    changed = text[1].replace(base.entries["2018-05-0001"].meta_sha256, "0" * 64)
    proposed = record.parse_lock("\n".join([text[0], changed]) + "\n")
    found = [(p.code, p.file, p.line) for p in record.compare_locks(base, proposed)]
    assert sorted(found) == [("record-entry-removed", "published.lock", None),
                             ("record-metadata-changed", "published.lock", 2)]
    corrected = changed.replace('"corrections": 0', '"corrections": 1')
    proposed = record.parse_lock("\n".join([text[0], corrected, text[2]]) + "\n")
    assert record.compare_locks(base, proposed) == []
    assert record.compare_locks(base, base) == []


def cli_lock(root, *extra):
    from generator.commands.cli import main

    return main(["lock", "--content", str(root), "--today", "2018-06-01", "--cache-dir", str(root.parent / "cache"),
                 *extra])


def test_lock_command_refuses_to_launder_a_silent_edit(tmp_path, capsys):
    root = make_content(tmp_path, letters=2)
    assert cli_lock(root) == 0
    before = (root / "published.lock").read_bytes()
    edit_yaml(root, L1, lambda d: d.update(published_on="2018-05-11"))
    assert cli_lock(root) == 1
    assert "record-metadata-changed" in capsys.readouterr().out
    assert (root / "published.lock").read_bytes() == before
    edit_yaml(root, L1, lambda d: d.update(corrections=[{"date": "2018-05-11", "note": "Sửa ngày đăng.",
                                                               "fields": ["published_on"]}]))
    assert cli_lock(root) == 0
    assert record.read_lock(root / "published.lock").entries["2018-05-0001"].corrections == 1


def test_lock_command_refuses_invalid_content(tmp_path, capsys):
    root = make_content(tmp_path, letters=1)
    edit_yaml(root, L1, lambda d: d.update(agency="so-khong-co"))
    assert cli_lock(root) == 1
    assert not (root / "published.lock").exists()


def test_lock_against_base(tmp_path, capsys):
    root = make_content(tmp_path, letters=2)
    assert cli_lock(root) == 0
    base = tmp_path / "base.lock"
    base.write_bytes((root / "published.lock").read_bytes())
    assert cli_lock(root, "--against", str(base)) == 0
    lines = (root / "published.lock").read_text(encoding="utf-8").splitlines()
    (root / "published.lock").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert cli_lock(root, "--against", str(base), "--format", "github") == 1
    assert "::error file=" in capsys.readouterr().out
    (root / "published.lock").unlink()  # deleting the lock itself is caught by the comparison too
    assert cli_lock(root, "--against", str(base)) == 1
    assert cli_lock(root, "--against", str(tmp_path / "nope.lock")) == 2


def test_demo_content_is_locked():
    from pathlib import Path

    from generator.content import load

    root = Path(__file__).resolve().parents[1] / "content"
    loaded = load.load_all(root)
    lock_file = record.read_lock(root / "published.lock")
    assert lock_file is not None and lock_file.problems == []
    assert sorted(lock_file.entries) == sorted(letter.id for letter in loaded.letters)
    assert record.check_record(root, loaded.letters) == []
    entries = lock_file.entries.values()
    assert any(e.withdrawn for e in entries) and any(e.corrections for e in entries)


def _flip_pdf_byte(root):
    pdf = root / f"{L1}.pdf"
    data = bytearray(pdf.read_bytes())
    data[200] ^= 0x01
    pdf.write_bytes(bytes(data))


def _withdraw_and_drop_pdf(root):
    edit_yaml(root, L2, lambda d: d.update(withdrawn={"date": "2018-05-25", "reason": "Đăng nhầm hồ sơ."}))
    (root / f"{L2}.pdf").unlink()


RECORD_CHANGES = {  # each kind of change the record sees (the tests above), made after a warm check
    "pdf-byte": _flip_pdf_byte,
    "date": lambda root: edit_yaml(root, L1, lambda d: d["dossier"].update(new_due_on="2018-05-16")),
    "reformatted": lambda root: edit_yaml(root, L1, lambda d: None),
    "number-and-withdrawn": lambda root: edit_yaml(root, L2, lambda d: d.update(
        number="99/XL-STNMT", withdrawn={"date": "2018-05-25", "reason": "Đăng nhầm hồ sơ."})),
    "withdrawn-pdf-gone": _withdraw_and_drop_pdf,
    "correction-unlocked": lambda root: edit_yaml(root, L1, lambda d: d.update(
        corrections=[{"date": "2018-05-20", "note": "Đính chính.", "fields": ["reason.detail"]}],
        reason={**d["reason"], "detail": "Bổ sung."})),
    "deleted": lambda root: [(root / f"{L2}.{ext}").unlink() for ext in ("yml", "pdf")],
}


@pytest.mark.parametrize("change", sorted(RECORD_CHANGES))
def test_the_record_memo_finds_what_a_check_without_cache_finds(tmp_path, change):
    """checks/record_memo.py: with each letter's entry remembered from a warm check, every kind of change gives
    the problems a check without any cache gives, in publish mode too; a third check (memo updated) as well."""
    root, cache = locked(tmp_path), tmp_path / "cache"
    for publish in (False, True):
        check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False, publish=publish)
    RECORD_CHANGES[change](root)
    for publish in (False, True):
        expected = check_content(root, TODAY, run_pdf_gate=False, publish=publish).problems
        for _ in range(2):
            assert check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False, publish=publish).problems \
                == expected


def test_the_record_memo_makes_only_the_entries_of_changed_letters_and_trusts_no_damaged_one(tmp_path, monkeypatch):
    import shutil

    from generator.checks.record_memo import RecordEntryMemo

    root, cache = locked(tmp_path, letters=3), tmp_path / "cache"
    made: list[str] = []
    real = record.current_entry

    def counted(root_, letter, *args, **kwargs):
        made.append(letter.id)
        return real(root_, letter, *args, **kwargs)

    monkeypatch.setattr(record, "current_entry", counted)
    assert problems_of_cached(root, cache) == [] and len(made) == 3  # cold: every entry made
    made.clear()
    assert problems_of_cached(root, cache) == [] and made == []  # warm: none
    clone = tmp_path / "clone" / "content"
    shutil.copytree(root, clone)  # a fresh checkout: other stats, the same bytes
    assert problems_of_cached(clone, cache) == [] and made == []
    edit_yaml(clone, L1, lambda d: d["dossier"].update(new_due_on="2018-05-16"))
    assert [p.code for p in problems_of_cached(clone, cache)] == ["record-metadata-changed"]
    assert made == ["2018-05-0001"]
    memo = RecordEntryMemo(cache)  # a memo signed here whose entries say something else: computed again
    for source, raw in memo.entries.items():
        memo.put(source, [raw[0], raw[1], {**raw[2], "meta_sha256": 7}])
    memo.save()
    made.clear()
    assert [p.code for p in problems_of_cached(clone, cache)] == ["record-metadata-changed"] and len(made) == 3


def problems_of_cached(root, cache):
    return check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False).problems
