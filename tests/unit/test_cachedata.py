"""generator/cachedata.py, generator/cachekeys.py, generator/safefile.py: caches as checked data, their keys,
files created without following links."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import date

import pytest

from generator import cachedata, cachekeys, safefile
from generator.cachedata import CacheInvalid, decode, encode
from generator.content.model import Letter
from generator.problems import Problem
from tests.helpers import read_shard, write_shard
from tests.unit.kit import world


@dataclass(frozen=True)
class Inner:
    day: date
    blob: bytes = b""


@dataclass(frozen=True)
class Outer:
    name: str
    count: int
    share: float
    ok: bool
    inner: Inner
    maybe: Inner | None = None
    items: tuple[str, ...] = ()
    table: dict[str, int] = field(default_factory=dict)
    free: object = None


VALUE = Outer("a", 2, 0.5, True, Inner(date(2018, 5, 9), b"\x00\xff"), None, ("x", "y"), {"k": 1}, {"any": [1]})


def test_a_value_round_trips():
    data = encode(VALUE)
    assert data["inner"] == {"day": "2018-05-09", "blob": "AP8="}
    assert decode(data, Outer) == VALUE
    assert decode(encode(3), int | None) == 3 and decode(None, int | None) is None


def test_a_loaded_letter_and_its_problems_round_trip(tmp_path):
    letter = world(tmp_path).letter(corrections=[{"date": "2018-05-12", "note": "Sửa.", "fields": ["number"]}])
    assert decode(encode(letter), Letter | None) == letter
    problems = [Problem("error", "x", "a.yml", 3, "number", "m")]
    assert decode(encode(problems), list[Problem]) == problems


def _with(path: str, value):
    data = encode(VALUE)
    target = data
    *parents, last = path.split(".")
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return data


INVALID = [
    ("name", 1), ("count", "2"), ("count", True), ("count", 2.0), ("share", "0.5"), ("ok", 1),
    ("inner.day", "09/05/2018"), ("inner.day", 20180509), ("inner.blob", "not base64!"), ("inner", "x"),
    ("maybe", "x"), ("items", "xy"), ("items", [1]), ("table", {"k": "1"}), ("table", [["k", 1]]),
    ("name", KeyError), ("extra", 1),
]


@pytest.mark.parametrize(("path", "value"), INVALID)
def test_a_value_of_another_shape_is_refused(path, value):
    with pytest.raises(CacheInvalid):
        decode(_with(path, value), Outer)


@dataclass(frozen=True)
class Checked:
    """A dataclass whose own code runs on construction: decoded through its __init__."""

    words: tuple[str, ...]
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if "x" in self.words:
            raise CacheInvalid("no x")
        object.__setattr__(self, "words", tuple(sorted(self.words)))


def test_a_dataclass_with_its_own_code_is_built_by_it():
    assert decode({"words": ["b", "a"]}, Checked) == Checked(("a", "b"))
    with pytest.raises(CacheInvalid):
        decode({"words": ["x"]}, Checked)
    assert cachedata._builder(Checked).__name__ == "call" and cachedata._builder(Outer).__name__ == "fill"


def test_a_dataclass_filled_directly_is_the_one_its_init_makes():
    value = decode(encode(VALUE), Outer)
    assert value == VALUE and vars(value) == vars(VALUE) and hash(value.inner) == hash(VALUE.inner)
    assert list(vars(value)) == list(vars(VALUE))  # fields in their order
    partial = decode({"name": "a", "count": 1, "share": 1, "ok": False, "inner": {"day": "2018-05-09"}}, Outer)
    assert partial == Outer("a", 1, 1.0, False, Inner(date(2018, 5, 9)))
    assert list(vars(partial)) == list(vars(VALUE))
    other = decode({"name": "a", "count": 1, "share": 1, "ok": False, "inner": {"day": "2018-05-09"}}, Outer)
    assert other.table == {} and other.table is not partial.table  # a default factory's value: one each
    assert decode(encode(Checked(("a",), ["t"])), Checked).tags == ["t"]


@pytest.mark.parametrize(("kind", "data"), [
    (list[str], ["a", 1]), (list[str], "ab"), (tuple[int, ...], [1, True]), (dict[str, int], {"a": None}),
    (dict[str, int], [["a", 1]]), (str | None, 1), (Inner | None, "x"), (tuple[str, int], ["a"]),
    (tuple[str, int], ["a", "b"]), (list[str], None),
])
def test_containers_of_exact_types_check_every_item(kind, data):
    with pytest.raises(CacheInvalid):
        decode(data, kind)


def test_a_compact_value_leaves_its_defaults_out_and_decodes_the_same():
    lean = Outer("a", 2, 0.5, True, Inner(date(2018, 5, 9)))
    data = encode(lean, compact=True)
    assert data == {"name": "a", "count": 2, "share": 0.5, "ok": True, "inner": {"day": "2018-05-09"},
                    "table": {}}  # a default factory's value is kept
    assert decode(data, Outer) == lean and list(vars(decode(data, Outer))) == list(vars(lean))
    assert decode(encode(VALUE, compact=True), Outer) == VALUE
    odd = Outer("a", 2, 0.5, True, Inner(date(2018, 5, 9)), free=False)  # not its default None: kept, as is
    assert encode(odd, compact=True)["free"] is False
    wrong = Inner(date(2018, 5, 9), blob=0)  # a value of another type: kept, then refused
    with pytest.raises(CacheInvalid):
        decode(encode(wrong, compact=True), Inner)


def test_a_type_without_a_decoder_is_a_programming_error():
    with pytest.raises(TypeError):
        cachedata.decoder(set)


def test_read_and_write_json(tmp_path):
    path = tmp_path / "a" / "b.json"
    assert cachedata.read_json(path) is None
    assert cachedata.write_json(path, {"x": [1, "ư"]})
    assert cachedata.read_json(path) == {"x": [1, "ư"]}
    assert [p.name for p in path.parent.iterdir()] == ["b.json"]  # no temporary file left
    path.write_text("{oops", encoding="utf-8")
    assert cachedata.read_json(path) is None
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert cachedata.write_json(blocker / "c.json", {}) is False


def test_stat_key_changes_with_the_file(tmp_path):
    path = tmp_path / "x"
    path.write_bytes(b"a")
    first = cachekeys.stat_key(path)
    assert first == cachekeys.file_key(os.stat(path))
    path.write_bytes(b"ab")
    assert cachekeys.stat_key(path) != first


def test_code_fingerprint_is_stable():
    assert cachekeys.code_fingerprint() == cachekeys.code_fingerprint()
    assert len(cachekeys.code_fingerprint()) == 64


def test_create_new_makes_folders_and_the_file(tmp_path):
    path = safefile.create_new(tmp_path, "a/b/c.txt", b"x")
    assert path == tmp_path / "a" / "b" / "c.txt" and path.read_bytes() == b"x"
    with pytest.raises(safefile.NotCreated):
        safefile.create_new(tmp_path, "a/b/c.txt", b"y")  # never replaces
    assert path.read_bytes() == b"x"
    safefile.remove_created(path)
    assert not path.exists()


@pytest.mark.parametrize("rel", ["", ".", "../x", "a/../b"])
def test_create_new_refuses_odd_paths(tmp_path, rel):
    with pytest.raises(safefile.NotCreated):
        safefile.create_new(tmp_path, rel, b"x")


def test_create_new_refuses_an_absolute_path(tmp_path):
    """An absolute `rel` would make os.mkdir/os.open ignore the folder descriptor and write anywhere."""
    outside = tmp_path / "outside" / "x.yml"
    root = tmp_path / "root"
    root.mkdir()
    with pytest.raises(safefile.NotCreated):
        safefile.create_new(root, str(outside), b"x")
    assert not outside.parent.exists()


def test_create_new_reads_a_path_as_posix_parts(tmp_path):
    assert safefile.create_new(tmp_path, "a//b/./c", b"x") == tmp_path / "a" / "b" / "c"


@pytest.mark.parametrize("where", ["folder", "file", "dangling"])
def test_create_new_never_writes_through_a_link(tmp_path, where):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    if where == "folder":
        os.symlink(outside, root / "a")
        rel = "a/x.txt"
    elif where == "file":
        (outside / "x.txt").write_bytes(b"keep")
        os.symlink(outside / "x.txt", root / "x.txt")
        rel = "x.txt"
    else:
        os.symlink(outside / "nothing.txt", root / "x.txt")
        rel = "x.txt"
    with pytest.raises(safefile.NotCreated):
        safefile.create_new(root, rel, b"x")
    assert sorted(p.name for p in outside.iterdir()) == (["x.txt"] if where == "file" else [])
    safefile.remove_created(root / rel)  # a link there is left alone
    assert (root / rel.split("/")[0]).is_symlink()


def test_the_collector_is_paused_for_a_block_and_then_as_it_was():
    import gc

    assert gc.isenabled()
    with cachedata.gc_paused():
        assert not gc.isenabled()
        with cachedata.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block leaves the outer one's state
    assert gc.isenabled()
    gc.disable()
    try:
        with cachedata.gc_paused():
            pass
        assert not gc.isenabled()  # a caller's disabled collector stays disabled
    finally:
        gc.enable()
    with pytest.raises(KeyError), cachedata.gc_paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_frozen_objects_are_thawed_after_the_block_but_a_callers_freeze_is_kept():
    import gc

    assert gc.get_freeze_count() == 0
    with cachedata.gc_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with cachedata.gc_frozen():
            pass
        # not thawed (that gives 0); reference counting may free a frozen object meanwhile (count - 1)
        assert gc.get_freeze_count() >= frozen * 0.9 > 0
    finally:
        gc.unfreeze()


def _shard_times(folder) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in sorted(folder.glob("*.json"))}


def test_a_memo_rewrites_only_the_shards_whose_entries_changed(tmp_path):
    """MemoShards: every entry comes back; one entry added, changed or gone rewrites its own shard only; an
    entry in a shard it does not hash to, a shard of another version or damaged, holds nothing; the memo's
    former single file is removed."""
    folder = tmp_path / "memo"
    entries = {f"letters/2026/a/{i:04d}.yml": [i, "x" * (i % 7)] for i in range(500)}
    (tmp_path / "memo.json").write_text("{}")
    first = cachedata.MemoShards(folder, [1, "k"])
    assert first.entries == {}
    first.save(entries, set(entries))
    assert not (tmp_path / "memo.json").exists()
    assert len(_shard_times(folder)) == cachedata.MEMO_SHARDS
    assert cachedata.MemoShards(folder, [1, "k"]).entries == entries
    assert cachedata.MemoShards(folder, [1, "other"]).entries == {}

    def after(change) -> set[str]:
        memo = cachedata.MemoShards(folder, [1, "k"])
        before = _shard_times(folder)
        now = dict(memo.entries)
        changed = change(now)
        memo.save(now, changed)
        assert cachedata.MemoShards(folder, [1, "k"]).entries == now
        times = _shard_times(folder)
        return {name for name in before.keys() | times.keys() if before.get(name) != times.get(name)}

    added = "letters/2026/a/new.yml"
    assert after(lambda now: now.update({added: [1, "y"]}) or {added}) == {cachedata.memo_shard(added)}
    gone = "letters/2026/a/0007.yml"
    assert after(lambda now: now.pop(gone) and set()) == {cachedata.memo_shard(gone)}
    edited = "letters/2026/a/0008.yml"
    assert after(lambda now: now.update({edited: [8, "z"]}) or {edited}) == {cachedata.memo_shard(edited)}
    assert after(lambda now: set()) == set()  # nothing changed: nothing written

    shard = folder / cachedata.memo_shard(edited)
    stranger = next(name for name in entries if cachedata.memo_shard(name) != shard.name)
    data = read_shard(shard)
    data["entries"][stranger] = [0, "planted"]  # an entry where it does not belong: not read
    write_shard(shard, data)
    assert cachedata.MemoShards(folder, [1, "k"]).entries[stranger] == entries[stranger]
    whole = cachedata.MemoShards(folder, [1, "k"]).entries
    shard.write_text("{")
    damaged = cachedata.MemoShards(folder, [1, "k"]).entries
    assert damaged == {name: entry for name, entry in whole.items() if cachedata.memo_shard(name) != shard.name}


def test_a_shard_is_read_only_with_this_machines_signature(tmp_path, monkeypatch):
    """A memo reuses results for files of the same bytes wherever they were made, so what makes a shard its
    own is its signature: a shard without one (plain JSON, as anyone could write it), signed under another
    key (another machine's, another repository's secret) or edited after it was signed holds nothing."""
    folder = tmp_path / "memo"
    entries = {f"letters/2026/a/{i:04d}.yml": [i, "x"] for i in range(200)}
    cachedata.MemoShards(folder, [1, "k"]).save(entries, set(entries))
    assert cachedata.MemoShards(folder, [1, "k"]).entries == entries
    shard = folder / cachedata.memo_shard("letters/2026/a/0001.yml")
    own = {name: entry for name, entry in entries.items() if cachedata.memo_shard(name) == shard.name}
    signed = shard.read_bytes()
    for unsigned in (signed.partition(b"\n")[2], b"0" * 64 + b"\n" + signed.partition(b"\n")[2],
                     signed.replace(b'"x"', b'"y"')):
        shard.write_bytes(unsigned)
        assert cachedata.MemoShards(folder, [1, "k"]).entries == {n: e for n, e in entries.items() if n not in own}
    shard.write_bytes(signed)
    assert cachedata.MemoShards(folder, [1, "k"]).entries == entries
    monkeypatch.setenv(cachekeys.SECRET_ENV, "another repository's secret")
    cachekeys.cache_secret.cache_clear()
    try:
        assert cachedata.MemoShards(folder, [1, "k"]).entries == {}
    finally:
        monkeypatch.delenv(cachekeys.SECRET_ENV)
        cachekeys.cache_secret.cache_clear()
    assert cachedata.MemoShards(folder, [1, "k"]).entries == entries


def test_the_key_file_is_made_once_and_only_a_private_one_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(cachekeys.SECRET_ENV, raising=False)
    monkeypatch.setattr(cachekeys, "SECRET_FILE", tmp_path / "cfg" / "key")
    cachekeys.cache_secret.cache_clear()
    try:
        first = cachekeys.cache_secret()
        assert oct((tmp_path / "cfg" / "key").stat().st_mode & 0o777) == "0o600"
        cachekeys.cache_secret.cache_clear()
        assert cachekeys.cache_secret() == first  # read back: the next build reads this one's memos
        (tmp_path / "cfg" / "key").chmod(0o644)  # readable by others: not a secret, not used
        cachekeys.cache_secret.cache_clear()
        assert cachekeys.cache_secret() != first and cachekeys.cache_secret().startswith(b"process")
    finally:
        cachekeys.cache_secret.cache_clear()


def test_a_file_of_the_same_bytes_keeps_its_key_under_another_stat(tmp_path):
    """cachekeys.same_content: the stored key while the stat is unchanged (nothing read); the new stat when a
    copy (a fresh clone: another inode and mtime) has the same bytes; nothing when a byte differs (same size),
    when the key names no digest, or when the path is a symlink to the same bytes."""
    path = tmp_path / "a.yml"
    path.write_bytes(b"number: 7/XL\n")
    key = cachekeys.content_key(os.stat(path), cachekeys.bytes_digest(path.read_bytes()))
    assert cachekeys.same_content(key, path, os.stat(path)) is key
    copy = tmp_path / "copy.yml"
    shutil.copyfile(path, copy)
    moved = cachekeys.same_content(key, copy, os.stat(copy))
    assert moved == [*cachekeys.file_key(os.stat(copy)), key[4]] and moved[:4] != key[:4]
    assert cachekeys.same_bytes(key, moved) == moved and cachekeys.same_bytes(key, key) is key
    copy.write_bytes(b"number: 8/XL\n")
    assert cachekeys.same_content(key, copy, os.stat(copy)) is None
    assert cachekeys.same_bytes(key, cachekeys.content_key(os.stat(copy), cachekeys.bytes_digest(b"x"))) is None
    assert cachekeys.same_content([*key[:4], ""], copy, os.stat(copy)) is None  # stat only: a digest unknown
    assert cachekeys.same_content(key[:4], path, os.stat(path)) is None  # a key of the former shape
    link = tmp_path / "link.yml"
    link.symlink_to(path)
    assert cachekeys.same_content(key, link, os.lstat(link)) is None  # (the gate lstats: a link is no PDF)
