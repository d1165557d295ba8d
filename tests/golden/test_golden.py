"""The golden site: the committed fixture rendered again gives the committed output, file for file.

A failure shows the unified diff of the first files that differ. When the change is meant (a page or a
data file was changed on purpose), run `make golden` and commit tests/golden/expected with the change:
its diff is the review of what citizens will see.
"""

from __future__ import annotations

import difflib
import shutil

import pytest

from tests.golden.site import CONTENT, EXPECTED, MANIFEST, files_of, render

SHOWN_FILES = 3  # diffs shown in a failure
SHOWN_LINES = 60  # lines of each diff


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden") / "out"
    render(CONTENT, out)
    return out


def readable_diff(expected_dir, actual_dir, names: list[str]) -> str:
    """Unified diffs of the first differing files (expected → now), each cut to SHOWN_LINES lines."""
    parts = []
    for name in names[:SHOWN_FILES]:
        old = (expected_dir / name).read_text(encoding="utf-8").splitlines(keepends=True) \
            if (expected_dir / name).is_file() else []
        new = (actual_dir / name).read_text(encoding="utf-8").splitlines(keepends=True) \
            if (actual_dir / name).is_file() else []
        diff = list(difflib.unified_diff(old, new, f"expected/{name}", f"now/{name}", n=2))
        parts.append("".join(diff[:SHOWN_LINES]) + (f"… ({len(diff) - SHOWN_LINES} dòng nữa)\n"
                                                    if len(diff) > SHOWN_LINES else ""))
    more = f"\n… và {len(names) - SHOWN_FILES} tệp khác\n" if len(names) > SHOWN_FILES else ""
    return "\n".join(parts) + more + "\nNếu thay đổi là cố ý: chạy `make golden` rồi commit tests/golden/expected.\n"


def test_the_render_stage_writes_the_same_files(rendered):
    assert (rendered / MANIFEST).read_text(encoding="utf-8") == (EXPECTED / MANIFEST).read_text(encoding="utf-8"), \
        readable_diff(EXPECTED, rendered, [MANIFEST])


def test_the_render_stage_writes_the_same_text(rendered):
    names = sorted(set(files_of(EXPECTED)) | set(files_of(rendered)))
    differing = [name for name in names if not (EXPECTED / name).is_file() or not (rendered / name).is_file()
                 or (EXPECTED / name).read_bytes() != (rendered / name).read_bytes()]
    assert differing == [], readable_diff(EXPECTED, rendered, differing)


def test_the_golden_site_is_small_and_readable():
    files = files_of(EXPECTED)
    assert sum((EXPECTED / name).stat().st_size for name in files) < 400_000
    for name in files:
        (EXPECTED / name).read_text(encoding="utf-8")  # text only: every diff is readable


def test_the_fixture_shows_each_kind_of_letter():
    """The pages the fixture exists for: a correction with its old and new value, a withdrawal, a pending letter
    of an agency that ended."""
    letters = EXPECTED / "letters" / "2018"
    corrected = (letters / "so-tnmt" / "2018-05-0002" / "index.md").read_text(encoding="utf-8")
    assert 'data-correction-field="dossier.new_due_on"' in corrected and "2018-05-15" in corrected
    assert "Đăng nhầm hồ sơ." in (letters / "so-tnmt" / "2018-05-0003" / "index.md").read_text(encoding="utf-8")
    pending = (letters / "ubnd-cu-jut" / "cj-1" / "index.md").read_text(encoding="utf-8")
    assert 'data-field="returned_on">Chưa trả kết quả' in pending


def test_a_change_shows_as_a_diff_of_its_file(tmp_path):
    changed = tmp_path / "now"
    shutil.copytree(EXPECTED, changed)
    page = changed / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Sở Tài nguyên", "Sở TN&MT", 1), encoding="utf-8")
    (changed / "feeds" / "atom.xml").unlink()
    text = readable_diff(EXPECTED, changed, ["feeds/atom.xml", "index.md"])
    assert "--- expected/index.md\n+++ now/index.md\n" in text
    assert "+" in text and "Sở TN&MT" in text
    assert "--- expected/feeds/atom.xml" in text
