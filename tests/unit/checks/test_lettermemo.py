"""The policy checks' warm-check memo: reused only while the letter file, the policy, the allowed contacts
and the code are unchanged; a warm check reports exactly what a cold one does."""

from __future__ import annotations

import os
from datetime import date

import yaml

from generator.cachedata import memo_shard
from generator.checks import orchestrator
from generator.checks.lettermemo import FILE
from generator.checks.orchestrator import check_content
from tests.helpers import PORTAL, dump, make_content, read_shard, write_letter, write_shard

TODAY = date(2018, 6, 30)
PHONE = "0912 345 678"


def _found(result) -> list[tuple]:
    return [(p.file, p.line, p.field, p.code, p.severity, p.message) for p in result.problems]


def _content(tmp_path):
    root = make_content(tmp_path, 3)
    write_letter(root, "2018-05-0004", number="18/XL-STNMT", **{
        "dossier.code": "000.00.21.H17-180420-0004", "recipient.kind": "individual",
        "recipient.name": "Nguyễn Văn An", "reason.detail": f"Đã gọi ông theo số {PHONE} nhưng không liên lạc được"})
    return root


def _no_policy_checks(monkeypatch):
    def refuse(letter, ctx):
        raise AssertionError(f"policy checks ran again for {letter.source}")
        yield  # pragma: no cover

    monkeypatch.setattr(orchestrator, "POLICY_CHECKS", (refuse,))


def test_warm_check_reports_what_a_cold_one_does_without_running_the_policy_checks(tmp_path, monkeypatch):
    root, cache = _content(tmp_path), tmp_path / "cache"
    cold = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    assert {"privacy-phone", "privacy-name-not-masked"} <= {p.code for p in cold.problems}
    assert list((cache / FILE).glob("*.json"))  # a memo folder of shards
    with monkeypatch.context() as patched:
        _no_policy_checks(patched)
        warm = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    assert _found(warm) == _found(cold)
    assert _found(check_content(root, TODAY, run_pdf_gate=False)) == _found(cold)  # no cache at all: the same


def test_an_edited_letter_is_checked_again_and_only_it(tmp_path, monkeypatch):
    root, cache = _content(tmp_path), tmp_path / "cache"
    check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    edited = root / "letters/2018/so-tnmt/2018-05-0001.yml"
    data = yaml.safe_load(edited.read_text(encoding="utf-8"))
    data["reason"]["detail"] = f"Liên hệ {PHONE}"
    edited.write_text(dump(data), encoding="utf-8")
    ran = []
    real = orchestrator.POLICY_CHECKS

    def spy(letter, ctx):
        ran.append(letter.source)
        for check in real:
            yield from check(letter, ctx)

    monkeypatch.setattr(orchestrator, "POLICY_CHECKS", (spy,))
    warm = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    assert ran == ["letters/2018/so-tnmt/2018-05-0001.yml"]
    assert ("letters/2018/so-tnmt/2018-05-0001.yml", "privacy-phone") in {(p.file, p.code) for p in warm.problems}
    monkeypatch.undo()
    assert _found(warm) == _found(check_content(root, TODAY, run_pdf_gate=False))


def test_policy_and_allowed_contacts_are_inputs(tmp_path):
    root, cache = _content(tmp_path), tmp_path / "cache"
    first = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    assert "privacy-name-not-masked" in {p.code for p in first.problems}
    portal = {**PORTAL, "policy": {**PORTAL["policy"], "mask_individual_names": False},
              "contact": f"{PORTAL['contact']}, {PHONE}"}  # the phone becomes the portal's own: allowed
    (root / "portal.yml").write_text(dump(portal), encoding="utf-8")
    second = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    assert not {"privacy-name-not-masked", "privacy-phone"} & {p.code for p in second.problems}
    assert _found(second) == _found(check_content(root, TODAY, run_pdf_gate=False))


def test_a_damaged_or_foreign_memo_is_not_used(tmp_path):
    root, cache = _content(tmp_path), tmp_path / "cache"
    cold = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    shards = {path: path.read_text() for path in sorted((cache / FILE).glob("*.json"))}
    assert len(shards) > 1
    bodies = {path: text.partition("\n")[2] for path, text in shards.items()}
    for junk in (lambda text: "{", lambda text: "[]", lambda text: '{"version": [1, "other"], "entries": {}}',
                 lambda text: text.replace('"privacy-phone"', '"privacy-nothing"'),  # not of the catalog
                 lambda text: text.replace('"file":"letters/2018/so-tnmt/2018-05-0004.yml"',
                                           '"file":"letters/2018/so-tnmt/2018-05-0001.yml"')):  # another file's
        damaged = {path: junk(text) for path, text in bodies.items()}
        assert damaged != bodies
        for path, text in damaged.items():
            write_shard(path, text)  # signed: the decoder's own checks are what refuse it
        assert _found(check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)) == _found(cold)
        assert {path: path.read_text() for path in shards} == shards  # rebuilt as it was
    os.chmod(cache, 0o500)  # an unwritable cache: the result stands
    try:
        assert _found(check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False))[:len(cold.problems)]
    finally:
        os.chmod(cache, 0o700)


def _spy_identifiers(monkeypatch) -> list[str]:
    """The letters whose identifiers are computed from now on (by the orchestrator or the PDF gate)."""
    from generator.checks import letters, pdfs

    computed, real = [], letters.letter_identifiers

    def spy(letter, policy=None):
        computed.append(letter.source)
        return real(letter, policy)

    monkeypatch.setattr(orchestrator, "letter_identifiers", spy)
    monkeypatch.setattr(pdfs, "letter_identifiers", spy)
    return computed


def _everything(result) -> tuple:
    """Problems, letters and PDFs (a memo's facts are light: without the text layer)."""
    return _found(result), {rel: f.sha256 for rel, f in result.pdf_facts.items()}, result.content.letters


def test_the_identifiers_the_pdf_gate_reads_are_remembered_per_unchanged_letter(tmp_path, monkeypatch):
    root, cache = _content(tmp_path), tmp_path / "cache"
    cold = check_content(root, TODAY, cache_dir=cache)
    assert len(cold.pdf_facts) == 4
    computed = _spy_identifiers(monkeypatch)
    assert _everything(check_content(root, TODAY, cache_dir=cache)) == _everything(cold)
    assert computed == []
    edited = root / "letters/2018/so-tnmt/2018-05-0002.yml"
    data = yaml.safe_load(edited.read_text(encoding="utf-8"))
    data["number"] = "99/XL-STNMT"
    edited.write_text(dump(data), encoding="utf-8")
    warm = check_content(root, TODAY, cache_dir=cache)
    assert computed == ["letters/2018/so-tnmt/2018-05-0002.yml"]  # once, shared with the PDF gate
    monkeypatch.undo()
    assert _everything(warm) == _everything(check_content(root, TODAY))


def test_a_policy_change_computes_every_letters_identifiers_again(tmp_path, monkeypatch):
    root, cache = _content(tmp_path), tmp_path / "cache"
    check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    portal = {**PORTAL, "policy": {**PORTAL["policy"], "number_pattern": r"^\d+/XL-[A-Z]+$"}}
    (root / "portal.yml").write_text(dump(portal), encoding="utf-8")
    computed = _spy_identifiers(monkeypatch)
    warm = check_content(root, TODAY, cache_dir=cache, run_pdf_gate=False)
    assert len(computed) == 4
    monkeypatch.undo()
    assert _found(warm) == _found(check_content(root, TODAY, run_pdf_gate=False))


def test_remembered_identifiers_of_another_shape_are_not_used(tmp_path, monkeypatch):

    root, cache = _content(tmp_path), tmp_path / "cache"
    cold = check_content(root, TODAY, cache_dir=cache)
    source = "letters/2018/so-tnmt/2018-05-0004.yml"
    memo = cache / FILE / memo_shard(source)
    data = read_shard(memo)
    for junk in ([1], "18/XL-STNMT", {"x": 1}, None):
        data["entries"][source][2] = junk
        write_shard(memo, data)
        computed = _spy_identifiers(monkeypatch)
        assert _everything(check_content(root, TODAY, cache_dir=cache)) == _everything(cold), junk
        assert computed == [source]
        monkeypatch.undo()
