"""site/carry.py: the previous site's unchanged files moved (folders) or linked (files) into the new one,
journalled, put back on failure and after a killed build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import carry


def _site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*"))
            if p.is_file()}


OLD = {
    "index.html": "home",
    "letters/2017/a/x/index.html": "x", "letters/2017/a/x/x.pdf": "pdf-x", "letters/2017/index.html": "2017",
    "letters/2018/a/index.html": "list a", "letters/2018/a/y/index.html": "y", "letters/2018/a/y/y.pdf": "pdf-y",
    "letters/2018/a/z/index.html": "z", "letters/2018/b/w/index.html": "w",
    "pagefind-2017/fragment/1.pf_fragment": "f", "lookup/00.json": "s0", "lookup/01.json": "s1",
}


@pytest.fixture
def sites(tmp_path):
    old = _site(tmp_path / "site", OLD)
    new = _site(tmp_path / ".site.new-1", {"index.html": "home 2", "letters/2018/a/index.html": "list a 2",
                                           "letters/2018/a/v/index.html": "v", "lookup/config.js": "c"})
    return old, new


def _carried(old: Path, names) -> dict[str, int]:
    return carry.carried_listing(carry.site_files(old), carry.Carried(set(names), {"pagefind-2017"}))


KEPT = ["letters/2017/a/x/index.html", "letters/2017/a/x/x.pdf", "letters/2017/index.html",
        "letters/2018/a/y/index.html", "letters/2018/a/y/y.pdf", "letters/2018/a/z/index.html",
        "letters/2018/b/w/index.html", "lookup/00.json"]


def test_whole_folders_are_renamed_other_files_linked(sites):
    old, new = sites
    before = {rel: os.stat(old / rel).st_ino for rel in ("letters/2017", "letters/2018/a/y", "letters/2018/b")}
    shard = os.stat(old / "lookup/00.json").st_ino
    taken = _carried(old, KEPT)
    assert "pagefind-2017/fragment/1.pf_fragment" in taken  # under a carried folder
    moves = carry.carry_in(old, new, carry.site_files(old), taken)
    assert sorted(moves.folders) == ["letters/2017", "letters/2018/a/y", "letters/2018/a/z", "letters/2018/b",
                                     "pagefind-2017"]
    assert {rel: os.stat(new / rel).st_ino for rel in before} == before  # the same folders, moved
    assert os.stat(new / "lookup/00.json").st_ino == shard and (old / "lookup/00.json").is_file()  # linked
    assert _tree(new) == {**{rel: OLD[rel] for rel in KEPT}, "pagefind-2017/fragment/1.pf_fragment": "f",
                          "index.html": "home 2", "letters/2018/a/index.html": "list a 2",
                          "letters/2018/a/v/index.html": "v", "lookup/config.js": "c"}
    assert json.loads(moves.journal.read_text())["folders"] == moves.folders  # journalled before
    moves.done()
    assert not moves.journal.exists()


def test_put_back_gives_the_previous_site_back(sites):
    old, new = sites
    before = _tree(old)
    moves = carry.carry_in(old, new, carry.site_files(old), _carried(old, KEPT))
    assert _tree(old) != before
    moves.put_back()
    assert _tree(old) == before
    assert not moves.journal.exists()


def test_a_folder_the_new_site_has_is_entered(sites):
    """letters/2018/b is wholly carried, but the new site already has a file in it: its entries go one by one."""
    old, new = sites
    (new / "letters/2018/b").mkdir(parents=True)
    (new / "letters/2018/b/index.html").write_text("list b", encoding="utf-8")
    moves = carry.carry_in(old, new, carry.site_files(old), _carried(old, KEPT))
    assert "letters/2018/b" not in moves.folders and "letters/2018/b/w" in moves.folders
    assert (new / "letters/2018/b/index.html").read_text() == "list b"


@pytest.mark.parametrize("problem", ["missing", "written"])
def test_a_bad_carry_moves_nothing(sites, problem):
    old, new = sites
    before, new_before = _tree(old), _tree(new)
    if problem == "missing":
        with pytest.raises(carry.CarryFailed) as failed:
            _carried(old, [*KEPT, "letters/2018/a/q/index.html"])
        assert failed.value.paths == ["letters/2018/a/q/index.html"]
        return
    (new / "letters/2018/a/z").mkdir(parents=True)
    (new / "letters/2018/a/z/index.html").write_text("z again", encoding="utf-8")
    with pytest.raises(carry.CarryFailed) as failed:
        carry.carry_in(old, new, carry.site_files(old), _carried(old, KEPT))
    assert failed.value.paths == ["letters/2018/a/z/index.html"]
    assert _tree(old) == before
    assert "letters/2017/a/x/x.pdf" not in _tree(new) and set(new_before) <= set(_tree(new))


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def test_recover_puts_back_what_a_killed_build_moved(sites):
    old, new = sites
    before = _tree(old)
    moves = carry.carry_in(old, new, carry.site_files(old), _carried(old, KEPT))
    killed = carry.journal_path(old, _dead_pid())
    moves.journal.rename(killed)  # as if this build had been killed before its swap
    assert carry.recover(old) == [killed]
    assert _tree(old) == before
    assert not killed.exists()


@pytest.mark.parametrize("journal", ["not json", json.dumps({"old": "x"}),
                                     json.dumps({"old": "SITE", "new": "NEW", "folders": ["../outside", "/etc"]})])
def test_a_hostile_or_broken_journal_moves_nothing_outside(sites, tmp_path, journal):
    old, new = sites
    (tmp_path / "outside").mkdir()
    (new / "outside").mkdir()
    before = _tree(tmp_path)
    path = carry.journal_path(old, _dead_pid())
    path.write_text(journal.replace("SITE", str(old)).replace("NEW", str(new)), encoding="utf-8")
    carry.recover(old)
    assert not path.exists()
    assert _tree(tmp_path) == before


def test_site_files_lists_links_without_following_them(tmp_path):
    site = _site(tmp_path / "site", {"a/b.html": "12345"})
    (site / "link").symlink_to(tmp_path)  # a folder link: listed as a file, not entered
    files = carry.site_files(site)
    assert files == {"a/b.html": 5, "link": os.lstat(site / "link").st_size}


def test_wholly_taken_counts_folders_that_hold_only_folders():
    listing = {rel: 1 for rel in OLD}
    everything = carry.wholly_taken(listing, listing)
    assert {"letters", "pagefind-2017", "pagefind-2017/fragment", "letters/2018", "letters/2018/a"} <= everything
    assert "" not in everything
    some = {rel: 1 for rel in OLD if rel != "letters/2018/a/index.html"}
    partly = carry.wholly_taken(listing, some)
    assert "letters/2018/a" not in partly and "letters/2018" not in partly and "letters" not in partly
    assert {"letters/2018/a/y", "letters/2018/b", "letters/2017"} <= partly


def test_a_bundle_made_again_leaves_out_of_the_copy_what_the_previous_site_has_byte_for_byte(tmp_path):
    """search.index.carry_unchanged: a file of the made bundle is carried (left out of the copy, named for the
    carry) only when the previous bundle has a regular file of the same bytes at the same place: a changed, a
    new, a longer or shorter file, one that is a symbolic link there, or a folder in its place, is copied."""
    from generator.site.search.index import carry_unchanged

    made = _site(tmp_path / "made", {"pagefind.js": "js", "fragment/a.pf_fragment": "same",
                                     "fragment/b.pf_fragment": "new bytes", "fragment/c.pf_fragment": "new file",
                                     "fragment/d.pf_fragment": "linked", "index/e.pf_index": "short",
                                     "index/f.pf_index": "folder there", "filter/g.pf_filter": "same too"})
    before = _site(tmp_path / "site" / "pagefind-2026", {"pagefind.js": "js", "fragment/a.pf_fragment": "same",
                                                        "fragment/b.pf_fragment": "old bytes",
                                                        "index/e.pf_index": "shorter", "filter/g.pf_filter": "same too",
                                                        "elsewhere": "linked", "index/f.pf_index/x": "x"})
    os.symlink(before / "elsewhere", before / "fragment/d.pf_fragment")
    carried = carry.Carried()
    assert carry_unchanged(made, before, "pagefind-2026", carried) == 3
    assert carried.files == {"pagefind-2026/pagefind.js", "pagefind-2026/fragment/a.pf_fragment",
                             "pagefind-2026/filter/g.pf_filter"}
    assert _tree(made) == {"fragment/b.pf_fragment": "new bytes", "fragment/c.pf_fragment": "new file",
                           "fragment/d.pf_fragment": "linked", "index/e.pf_index": "short",
                           "index/f.pf_index": "folder there"}
    assert carry_unchanged(made, tmp_path / "no-such-bundle", "pagefind-2026", carry.Carried()) == 0
