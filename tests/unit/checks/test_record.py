"""generator/checks/record.py, function by function: hashing, parsing, comparing and writing the lock."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from generator.checks import record
from tests.helpers import DROP
from tests.unit.kit import world

CORRECTION = {"date": "2018-05-12", "note": "Sửa ngày hẹn.", "fields": ["dossier.new_due_on"]}


@pytest.fixture
def w(tmp_path):
    return world(tmp_path)


# --- normalised metadata
def test_canonical_is_sorted_nfc_iso():
    decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" written with combining marks
    assert record.canonical({"b": date(2018, 5, 9), "a": (decomposed, 1)}) == \
        '{"a":["Nguyễn",1],"b":"2018-05-09"}'


def test_letter_meta_leaves_out_place_life_and_defaults(w):
    meta = record.letter_meta(w.letter(corrections=[CORRECTION]))
    assert not {"id", "source", "lines", "corrections", "withdrawn", "privacy_reviewed"} & set(meta)
    assert meta["dossier"]["code"] == "000.00.21.H17-180420-0012"
    assert record.letter_meta(w.letter("b", privacy_reviewed=True))["privacy_reviewed"] is True


def test_quoting_and_key_order_do_not_change_the_entry(w):
    letter = w.letter()
    before = record.current_entry(w.root, letter)
    path = w.root / letter.source
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[1], lines[0], *lines[2:]]).replace("'", '"') + "\n", encoding="utf-8")
    from generator.content.load import load_letter
    again, _ = load_letter(w.root, letter.source)
    assert record.current_entry(w.root, again) == before


FIELD_CHANGES = [("number", "16/XL-STNMT"), ("dossier.new_due_on", "2018-05-16"), ("reason.detail", "Khác."),
                 ("signer.title", "Giám đốc"), ("dossier.returned_on", DROP)]


@pytest.mark.parametrize(("field", "value"), FIELD_CHANGES)
def test_each_value_change_changes_its_field_hash_only(w, field, value):
    base = record.current_entry(w.root, w.letter("a"))
    now = record.current_entry(w.root, w.letter("a", **{field: value}))
    top = field.split(".")[0]
    assert now.meta_sha256 != base.meta_sha256
    assert {k for k in base.fields if base.fields[k] != now.fields.get(k)} == {top}
    assert now.values.get(field) != base.values.get(field)


def test_current_entry_hashes_the_pdf_or_takes_the_gates_hash(w):
    letter = w.letter()
    entry = record.current_entry(w.root, letter)
    assert entry.pdf_sha256 == record.sha256_file(w.root / letter.pdf_source) == entry.values["pdf"]
    from generator.checks.pdfgate.facts import PdfFacts
    gated = record.current_entry(w.root, letter, {letter.pdf_source: PdfFacts(sha256="f" * 64, size=1)})
    assert gated.pdf_sha256 == "f" * 64
    (w.root / letter.pdf_source).unlink()
    assert record.current_entry(w.root, letter).pdf_sha256 is None


def test_corrections_prefix_hash(w):
    two = w.letter(corrections=[CORRECTION, {**CORRECTION, "date": "2018-05-13"}])
    one = w.letter("b", corrections=[CORRECTION])
    assert record.corrections_prefix_hash(two, 1) == record.current_entry(w.root, one).corrections_sha256
    assert record.corrections_prefix_hash(two, 2) == record.current_entry(w.root, two).corrections_sha256


# --- writing and parsing the lock
def locked_text(w, *letters):
    return record.lock_text(record.lock_entries(w.root, list(letters), old=record.Lock()))


def test_lock_text_round_trips(w):
    letters = [w.letter("b"), w.letter("a", number="16/XL-STNMT")]
    text = locked_text(w, *letters)
    lock = record.parse_lock(text)
    assert lock.problems == []
    assert list(lock.entries) == ["a", "b"]  # sorted by id
    assert [e.line for e in lock.entries.values()] == [2, 3]
    assert json.loads(text.splitlines()[0]) == record.HEADER
    assert json.loads(text.splitlines()[-1]) == {record.SEAL: record.seal_of(text.splitlines()[:-1])}


def test_write_lock_and_read_lock(w):
    letter = w.letter()
    assert record.read_lock(w.root / record.LOCK_NAME) is None
    path = record.write_lock(w.root, record.lock_entries(w.root, [letter]))
    assert path == w.root / record.LOCK_NAME and not path.with_name(path.name + ".tmp").exists()
    assert list(record.read_lock(path).entries) == [letter.id]
    path.write_bytes(b"\xff\xfe")
    assert [p.code for p in record.read_lock(path).problems] == ["record-lock-malformed"]


def _edit_entry(text, change):
    lines = text.splitlines()
    data = json.loads(lines[1])
    change(data)
    lines[1] = json.dumps(data, ensure_ascii=False)
    return lines


MALFORMED = [
    ("not json", lambda lines: [lines[0], "{oops", *lines[2:]], [("record-lock-malformed", 2)]),
    ("a list", lambda lines: [lines[0], "[1, 2]", *lines[2:]], [("record-lock-malformed", 2)]),
    ("a key missing", lambda lines: _edit_entry("\n".join(lines), lambda d: d.pop("fields")),
     [("record-lock-malformed", 2)]),
    ("a key too many", lambda lines: _edit_entry("\n".join(lines), lambda d: d.update(extra=1)),
     [("record-lock-malformed", 2)]),
    ("a bool for a count", lambda lines: _edit_entry("\n".join(lines), lambda d: d.update(corrections=True)),
     [("record-lock-malformed", 2)]),
    ("a duplicate id", lambda lines: [*lines[:2], lines[1], *lines[2:]], [("record-lock-malformed", 3)]),
    ("no header", lambda lines: lines[1:], [("record-lock-malformed", 1), ("record-lock-malformed", 2)]),
]


@pytest.mark.parametrize(("what", "damage", "expected"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_parse_lock_reports_each_malformed_line(w, what, damage, expected):
    lines = locked_text(w, w.letter()).splitlines()
    damaged = damage(lines[:-1])  # without the seal: a damaged line is malformed, not (only) tampered
    text = "\n".join([*damaged, json.dumps({record.SEAL: record.seal_of(damaged)})]) + "\n"
    lock = record.parse_lock(text)
    assert [(p.code, p.line) for p in lock.problems] == expected


@pytest.mark.parametrize("seal", ["wrong", "missing"])
def test_a_lock_edited_by_hand_is_tampered(w, seal):
    lines = locked_text(w, w.letter()).splitlines()
    body = _edit_entry("\n".join(lines), lambda d: d.update(withdrawn=True))[:-1]
    text = "\n".join([*body, lines[-1]] if seal == "wrong" else body) + "\n"
    assert [(p.code, p.line) for p in record.parse_lock(text).problems] == [("record-lock-tampered", 3)]


def test_a_version_1_lock_has_no_seal_and_is_still_read(w):
    lines = locked_text(w, w.letter()).splitlines()
    v1 = [json.dumps(record.HEADER_V1, ensure_ascii=False), lines[1]]
    lock = record.parse_lock("\n".join(v1) + "\n")
    assert lock.problems == [] and list(lock.entries) == ["2018-05-0001"]


# --- compare: each way a letter breaks its record
def entry(w, letter_id="a", **overrides):
    return record.current_entry(w.root, w.letter(letter_id, **overrides))


COMPARE = [
    ({}, []),
    ({"number": "16/XL-STNMT"}, [("record-metadata-changed", "number")]),
    ({"corrections": [CORRECTION], "dossier.new_due_on": "2018-05-16"}, []),
    ({"corrections": [CORRECTION], "number": "16/XL-STNMT"}, [("record-correction-undeclared", "number")]),
    ({"withdrawn": {"date": "2018-05-20", "reason": "Đăng nhầm."}}, []),
]


@pytest.mark.parametrize(("overrides", "expected"), COMPARE)
def test_compare(w, overrides, expected):
    locked = entry(w)
    now = entry(w, **overrides)
    declared = {f for c in overrides.get("corrections", []) for f in c["fields"]}
    assert [(code, name) for code, name, _ in record.compare(locked, now, declared=declared)] == expected


def test_compare_a_changed_pdf(w):
    locked = entry(w)
    now = dataclasses.replace(locked, pdf_sha256="0" * 64)
    assert [c for c, _, _ in record.compare(locked, now)] == ["record-pdf-changed"]
    gone = dataclasses.replace(locked, pdf_sha256=None)
    assert [c for c, _, _ in record.compare(locked, gone)] == ["record-pdf-changed"]
    assert record.compare(locked, gone, pdf_absent_ok=True) == []


def test_compare_the_record_life(w):
    withdrawn = entry(w, withdrawn={"date": "2018-05-20", "reason": "Đăng nhầm."})
    assert [c for c, _, _ in record.compare(withdrawn, entry(w))] == ["record-withdrawal-removed"]
    corrected = entry(w, corrections=[CORRECTION])
    assert [c for c, _, _ in record.compare(corrected, entry(w))] == ["record-corrections-rewritten"]
    other = entry(w, corrections=[{**CORRECTION, "note": "Viết lại."}])
    assert [c for c, _, _ in record.compare(corrected, other)] == ["record-corrections-rewritten"]
    assert [c for c, _, _ in record.compare(corrected, entry(w, corrections=[CORRECTION] * 2), "x")] == [
        "record-corrections-rewritten"]


def test_changed_since_names_dotted_fields(w):
    locked = entry(w)
    now = entry(w, number="16/XL-STNMT", **{"dossier.new_due_on": "2018-05-16"})
    assert record.changed_since(locked, now, pdf_gone_ok=False) == ["dossier.new_due_on", "number"]
    gone = dataclasses.replace(now, values={**now.values, "pdf": None}, pdf_sha256=None)
    assert "pdf" in record.changed_since(locked, gone, pdf_gone_ok=False)
    assert "pdf" not in record.changed_since(locked, gone, pdf_gone_ok=True)


# --- check_record over a content root
def lock_now(w, *letters):
    record.write_lock(w.root, record.lock_entries(w.root, list(letters)))


def check(w, letters, **kwargs):
    return [(p.code, p.file, p.field) for p in record.check_record(w.root, letters, **kwargs)]


def test_check_record_without_a_lock(w):
    letter = w.letter()
    assert check(w, [letter]) == []
    assert check(w, [letter], publish=True) == [("record-lock-missing", record.LOCK_NAME, None)]
    assert check(w, [], publish=True) == []


def test_check_record_of_letters_not_locked(w):
    a, b = w.letter("a"), w.letter("b", number="16/XL-STNMT")
    lock_now(w, a)
    assert check(w, [a, b]) == [("record-not-locked", b.source, None)]
    assert check(w, [a, b], publish=True) == [("record-unlocked", b.source, None)]


def test_check_record_of_a_changed_letter_is_at_the_changed_field(w):
    lock_now(w, w.letter())
    changed = w.letter(number="16/XL-STNMT")
    (problem,) = record.check_record(w.root, [changed])
    assert (problem.code, problem.field, problem.line) == ("record-metadata-changed", "number",
                                                           changed.line_of("number"))


def test_check_record_of_a_correction(w):
    lock_now(w, w.letter())
    corrected = w.letter(corrections=[CORRECTION], **{"dossier.new_due_on": "2018-05-16"})
    assert check(w, [corrected]) == []
    assert check(w, [corrected], publish=True) == [("record-correction-not-locked", corrected.source,
                                                    "corrections")]
    unnamed = w.letter(corrections=[{**CORRECTION, "fields": []}], **{"dossier.new_due_on": "2018-05-16"})
    assert [c for c, _, _ in check(w, [unnamed])] == ["record-correction-undeclared",
                                                     "record-correction-fields-missing"]


def test_check_record_of_a_letter_gone(w):
    letter = w.letter()
    lock_now(w, letter)
    (w.root / letter.source).unlink()
    (w.root / letter.pdf_source).unlink()
    assert check(w, []) == [("record-letter-missing", record.LOCK_NAME, None)]
    (w.root / "letters" / "2018" / "elsewhere").mkdir()
    (w.root / "letters" / "2018" / "elsewhere" / f"{letter.id}.yaml").write_text("x", encoding="utf-8")
    assert check(w, []) == []  # still under letters/ (misnamed): the layout problem says so


def test_check_record_against_the_published_base(w):
    a, b = w.letter("a"), w.letter("b", number="16/XL-STNMT")
    lock_now(w, a, b)
    base = record.read_lock(w.root / record.LOCK_NAME)
    lock_now(w, a)
    assert ("record-entry-removed", record.LOCK_NAME, None) in check(w, [a], base=base)


# --- compare_locks: a proposed lock against the base branch's
def test_compare_locks(w):
    a, b = w.letter("a"), w.letter("b", number="16/XL-STNMT")
    base = record.parse_lock(locked_text(w, a, b))
    assert record.compare_locks(base, base) == []
    assert [(p.code, p.line) for p in record.compare_locks(base, record.parse_lock(locked_text(w, a)))] == [
        ("record-entry-removed", None)]
    changed = record.parse_lock(locked_text(w, a, w.letter("b", number="17/XL-STNMT")))
    assert [(p.code, p.field, p.line) for p in record.compare_locks(base, changed)] == [
        ("record-metadata-changed", "number", 3)]


def test_correction_steps_show_old_and_new_from_the_record(w):
    lock_now(w, w.letter(), w.letter("b", number="16/XL-STNMT"))
    corrected = w.letter(corrections=[CORRECTION], **{"dossier.new_due_on": "2018-05-16"})
    steps = record.correction_steps(w.root, [corrected, w.letter("b", number="16/XL-STNMT")])
    assert steps == {corrected.id: [{"dossier.new_due_on": ["2018-05-15", "2018-05-16"]}]}
    lock_now(w, corrected)
    assert record.correction_steps(w.root, [corrected]) == steps  # kept by the lock once locked
