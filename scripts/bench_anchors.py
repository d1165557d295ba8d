"""The benchmark's anchors (issue 18): what the project's figures are divided by, measured in the same run.

- **bare**: a bare MkDocs + Material site with Pagefind over the same letters. `write_bare_project` turns a
  content root (the corpus `scripts/make_corpus.py` writes) into a plain MkDocs project: one Markdown page
  per letter (its title, agency, dossier code, procedure, dates, reason), one index page per agency that
  links its letters, an agencies index and a home page; `mkdocs.yml` is Material with `language: vi`,
  no plugins (so Material's search is off), no hooks, no overrides, no extensions, a two-entry nav (home,
  agencies; the rest is `not_in_nav`, as the project does: a nav of every page would make each page list
  them all). `bare_commands` are `mkdocs build` and then Pagefind over the built site, with the binary the
  project runs (`generator/site/search/pagefind_run.executable`, the `pagefind[bin]` wheel). Warm = the
  same two commands run again with nothing changed (MkDocs cleans its site folder and rebuilds it,
  Pagefind re-indexes it: neither keeps anything between runs).
- **floor**: `write_floor` is a plain Jinja2 loop, no MkDocs: for every HTML file of the project's built
  site (same relative path) it fills one template with a letter's fields (the letters in turn) and pads
  the page with ASCII filler before `</body>` (or cuts it, on a character boundary, then pads with spaces)
  to exactly that file's byte size. Same number of HTML files, same bytes each, so the same total.
  Only the loop is timed (mkdir, render, write); reading the letters and the project site's sizes is not.

`ratio(value, anchor)` is how every figure is compared to them. Run as a script it is the floor step:
`python scripts/bench_anchors.py floor CONTENT PROJECT_SITE OUT` prints the floor's figures as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import jinja2
import yaml

ROOT = Path(__file__).resolve().parent.parent
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MKDOCS_YML = """\
# Bare anchor for scripts/bench.py (issue 18): MkDocs + Material, nothing of the project's.
site_name: Văn bản xin lỗi (mốc so sánh)
site_url: https://example.invalid/
docs_dir: docs
site_dir: site
use_directory_urls: true
theme:
  name: material
  language: vi
plugins: []
nav:
  - index.md
  - agencies/index.md
not_in_nav: |
  /letters/
  /agencies/*.md
  !/agencies/index.md
"""
FLOOR_TEMPLATE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Văn bản xin lỗi số {{ l.number }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Văn bản xin lỗi số {{ l.number }}</h1>
<dl><dt>Cơ quan</dt><dd>{{ agency }}</dd><dt>Mã hồ sơ</dt><dd>{{ d.code }}</dd>
<dt>Thủ tục</dt><dd>{{ d.procedure }}</dd><dt>Ngày nhận</dt><dd>{{ d.received_on }}</dd>
<dt>Hẹn trả</dt><dd>{{ d.due_on }}</dd><dt>Hẹn trả mới</dt><dd>{{ d.new_due_on }}</dd>
<dt>Ngày trả</dt><dd>{{ d.returned_on or "" }}</dd><dt>Ngày ban hành</dt><dd>{{ l.issued_on }}</dd>
<dt>Lý do</dt><dd>{{ reason }}: {{ l.reason.detail or "" }}</dd></dl></main>
</body></html>
"""
FILLER = b"<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n"


def read_content(root: Path) -> tuple[list[dict], dict[str, str], dict[str, str]]:
    """(letters sorted by path, each with `id`, `year` and `rel`; agency code -> name; reason code -> label)."""
    registry = yaml.load((root / "agencies.yml").read_text(encoding="utf-8"), Loader=LOADER)
    agencies = {a["code"]: a["name"] for a in registry["agencies"]}
    reasons = {r["code"]: r["label"] for r in
               yaml.load((root / "reasons.yml").read_text(encoding="utf-8"), Loader=LOADER)["reasons"]}
    letters = []
    for path in sorted((root / "letters").glob("*/*/*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
        data.update(id=path.stem, year=path.parent.parent.name, rel=path.relative_to(root / "letters").as_posix())
        letters.append(data)
    return letters, agencies, reasons


def _md(text: object) -> str:
    """Text as plain Markdown (no markup characters read as syntax)."""
    value = "" if text is None else str(text)
    for ch in "\\`*_[]":
        value = value.replace(ch, "\\" + ch)
    return value


def letter_markdown(letter: dict, agencies: dict[str, str], reasons: dict[str, str]) -> str:
    """One letter's page: title, agency (linked), dossier, dates, reason; plain Markdown."""
    d, code = letter["dossier"], letter["agency"]
    rows = [("Cơ quan", f"[{_md(agencies.get(code, code))}](../../../agencies/{code}.md)"),
            ("Số văn bản", _md(letter["number"])), ("Ngày ban hành", letter["issued_on"]),
            ("Mã hồ sơ", f"`{d['code']}`"), ("Thủ tục", _md(d["procedure"])),
            ("Ngày nhận hồ sơ", d["received_on"]), ("Hẹn trả", d["due_on"]), ("Hẹn trả mới", d["new_due_on"]),
            ("Ngày trả kết quả", d.get("returned_on") or "chưa trả"),
            ("Lý do", f"{_md(reasons.get(letter['reason']['category'], letter['reason']['category']))}: "
                      f"{_md(letter['reason'].get('detail'))}"),
            ("Ngày đăng", letter["published_on"])]
    lines = [f"# Văn bản xin lỗi số {_md(letter['number'])}", ""]
    lines += [f"- **{label}:** {value}" for label, value in rows]
    if letter.get("corrections"):
        lines += ["", "## Đính chính", ""] + [f"- {c['date']}: {_md(c['note'])}" for c in letter["corrections"]]
    if letter.get("withdrawn"):
        w = letter["withdrawn"]
        lines += ["", f"**Đã rút ngày {w['date']}:** {_md(w['reason'])}"]
    return "\n".join(lines) + "\n"


def write_bare_project(root: Path, project: Path) -> dict:
    """Write the bare MkDocs project of the letters under `root` into `project` (replaced); figures."""
    letters, agencies, reasons = read_content(root)
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    (docs / "agencies").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    by_agency: dict[str, list[dict]] = {}
    made: set[Path] = set()
    for letter in letters:
        folder = docs / "letters" / letter["year"] / letter["agency"]
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        (folder / f"{letter['id']}.md").write_text(letter_markdown(letter, agencies, reasons), encoding="utf-8")
        by_agency.setdefault(letter["agency"], []).append(letter)
    for code, own in sorted(by_agency.items()):
        lines = [f"# {_md(agencies.get(code, code))}", "", f"{len(own)} văn bản xin lỗi.", ""]
        lines += [f"- [{_md(x['number'])}](../letters/{x['year']}/{code}/{x['id']}.md) – {x['issued_on']} – "
                  f"`{x['dossier']['code']}`" for x in own]
        (docs / "agencies" / f"{code}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = ["# Cơ quan", ""]
    index += [f"- [{_md(agencies.get(c, c))}]({c}.md): {len(v)}" for c, v in sorted(by_agency.items())]
    (docs / "agencies" / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    (docs / "index.md").write_text(f"# Văn bản xin lỗi\n\n{len(letters)} văn bản của {len(by_agency)} cơ quan: "
                                   "[danh sách cơ quan](agencies/index.md).\n", encoding="utf-8")
    return {"letters": len(letters), "agency_pages": len(by_agency), "pages": len(letters) + len(by_agency) + 2}


def pagefind_executable() -> Path:
    """The Pagefind binary the project's search runs (generator/site/search/pagefind_run.py)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from generator.site.search.pagefind_run import executable

    return executable()


def bare_commands(project: Path, python: str = sys.executable) -> dict[str, list[str]]:
    """The bare anchor's two commands: `mkdocs build` of the project, then Pagefind over its site."""
    return {"mkdocs": [python, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
            "pagefind": [str(pagefind_executable()), "--site", str(project / "site"), "--output-path",
                         str(project / "site" / "pagefind"), "--force-language", "vi", "--silent"]}


def html_shape(site: Path) -> list[tuple[str, int]]:
    """(relative path, bytes) of every HTML file of a built site, sorted by path."""
    shape = []
    for dirpath, _, names in os.walk(site):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(dirpath, name)
                shape.append((os.path.relpath(path, site), os.lstat(path).st_size))
    return sorted(shape)


def fit(page: bytes, size: int) -> bytes:
    """`page` made exactly `size` bytes: filler inserted before `</body>`, or cut on a character boundary."""
    if len(page) > size:
        cut = page[:size].decode("utf-8", "ignore").encode("utf-8")
        return cut + b" " * (size - len(cut))
    missing = size - len(page)
    filler = (FILLER * (missing // len(FILLER) + 1))[:missing]
    at = page.rfind(b"</body>")
    return page[:at] + filler + page[at:] if at >= 0 else page + filler


def write_floor(letters: list[dict], agencies: dict[str, str], reasons: dict[str, str],
                shape: list[tuple[str, int]], out: Path) -> dict:
    """The floor loop: one Jinja2 template per HTML file of `shape`, written to `out` at the same size."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    template = jinja2.Environment(autoescape=True).from_string(FLOOR_TEMPLATE)
    made: set[str] = set()
    total = 0
    for index, (rel, size) in enumerate(shape):
        letter = letters[index % len(letters)]
        html = template.render(l=letter, d=letter["dossier"], agency=agencies.get(letter["agency"], ""),
                               reason=reasons.get(letter["reason"]["category"], "")).encode("utf-8")
        path = os.path.join(out, rel)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "wb") as handle:
            total += handle.write(fit(html, size))
    return {"seconds": round(time.perf_counter() - start, 3), "files": len(shape), "bytes": total}


def ratio(value: float | None, anchor: float | None) -> float | None:
    """value / anchor (None when either is missing or the anchor is not positive)."""
    if value is None or not anchor or anchor <= 0:
        return None
    return value / anchor


def main(argv: list[str] | None = None) -> int:
    """`floor CONTENT PROJECT_SITE OUT`: run the floor loop, print its figures as JSON."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 4 or args[0] != "floor":
        print(__doc__, file=sys.stderr)
        return 2
    root, site, out = (Path(a) for a in args[1:])
    letters, agencies, reasons = read_content(root)
    shape = html_shape(site)
    figures = write_floor(letters, agencies, reasons, shape, out)
    figures["site_bytes"] = sum(size for _, size in shape)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
