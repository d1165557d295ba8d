"""The golden site: a fixture of four letters and everything the render stage writes from it.

`write_content(root)` writes the fixture (settings of tests/helpers.py; a letter returned late, one
corrected and locked with what the correction changed, one withdrawn, one of a district that ended
on 30/6/2025 still waiting for its result); `render(root, out)` runs the check and the render stage
as `generator.build` does before MkDocs (generator/site/docs.py `render_docs`, the report pages, the
search and procedure pages) and leaves in `out` the generated text files: Markdown pages, open data,
feeds, the report pages of two periods (the static assets copied from generator/site/static are the
source's, not output), and `FILES.txt`, the name of every file written (page images included).
`scripts/make_golden.py` (`make golden`) writes both into tests/golden/; tests/golden/test_golden.py
renders the committed content again and compares it with tests/golden/expected/, file by file.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from generator.checks import record
from generator.checks.orchestrator import check_content
from generator.site import search
from generator.site.docs import render_docs
from generator.site.procedures import write_procedure_pages
from generator.site.reports.pages import write_report_pages
from tests.helpers import DROP, make_content, write_letter

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content"
EXPECTED = HERE / "expected"
TODAY = date(2018, 6, 1)
LEFT_OUT = ("assets/",)  # copies of generator/site/static: not output
TEXT = (".md", ".csv", ".json", ".xml")  # compared byte for byte; other files (page images) by name only
REPORT_PERIODS = ("2018", "2018-05")  # report folders kept whole; the other periods' pages share their templates
MANIFEST = "FILES.txt"  # every file the render stage wrote, one a line


class GoldenError(Exception):
    """The fixture does not check clean (the golden site would show a broken build)."""


def _checked(root: Path):
    """The check as the build runs it, the PDF gate included (no cache: the facts are read anew)."""
    result = check_content(root, TODAY, cache_dir=None)
    errors = [p for p in result.problems if p.severity == "error"]
    if errors:
        raise GoldenError("; ".join(f"{p.file}:{p.line} {p.code}" for p in errors))
    return result


def _lock(root: Path) -> None:
    result = _checked(root)
    record.write_lock(root, record.lock_entries(root, result.content.letters))


CORRECTED = {"number": "16/XL-STNMT", "dossier.code": "000.00.21.H17-180420-0016"}


def write_content(parent: Path) -> Path:
    """Write the fixture's content root under `parent` (deterministic: the same bytes on every run)."""
    root = make_content(parent, 1)  # 2018-05-0001: so-tnmt, returned 2018-05-14 (due 05-04, new due 05-15)
    write_letter(root, "2018-05-0002", **CORRECTED)
    write_letter(root, "2018-05-0003", number="17/XL-STNMT", withdrawn={"date": "2018-05-20",
                                                                         "reason": "Đăng nhầm hồ sơ."},
                 **{"dossier.code": "000.00.21.H17-180420-0017", "reason.category": "workload"})
    write_letter(root, "cj-1", number="1/XL-UBND", agency="ubnd-cu-jut", issued_on="2018-03-01",
                 published_on="2018-03-01", **{"dossier.code": "000.00.22.H17-180226-0001",
                                               "dossier.received_on": "2018-02-26", "dossier.due_on": "2018-03-05",
                                               "dossier.new_due_on": "2018-05-25", "dossier.returned_on": DROP,
                                               "reason.category": "system", "signer.title": "Phó Chủ tịch"})
    _lock(root)
    write_letter(root, "2018-05-0002", corrections=[{"date": "2018-05-12", "note": "Sửa ngày hẹn trả mới.",
                                                     "fields": ["dossier.new_due_on"]}],
                 **{**CORRECTED, "dossier.new_due_on": "2018-05-16"})
    _lock(root)
    return root


def render(root: Path, out: Path) -> list[str]:
    """Check `root` and write the render stage's output into `out` (emptied first); the files written, sorted."""
    result = _checked(root)
    with tempfile.TemporaryDirectory(prefix="congkhai-golden-") as scratch:
        docs = Path(scratch) / "docs"
        rendered = render_docs(result.content, result.pdf_facts, TODAY, docs)
        write_report_pages(result, docs, TODAY, site=rendered.site)
        search.write_search_page(docs, result.content)
        write_procedure_pages(docs, result.content)
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        written = [rel for rel in files_of(docs) if not rel.startswith(LEFT_OUT)]
        for rel in filter(kept, written):
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(docs / rel, target)
        (out / MANIFEST).write_text("".join(f"{rel}\n" for rel in written), encoding="utf-8")
    return files_of(out)


def kept(rel: str) -> bool:
    """True for a written file the golden site holds (a text file, of a kept period if a report)."""
    parts = rel.split("/")
    period = parts[1] if parts[0] == "reports" and len(parts) > 2 else None
    return rel.endswith(TEXT) and (period is None or period in REPORT_PERIODS or period == "nam")


def files_of(folder: Path) -> list[str]:
    """Every file under `folder`, relative, sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
