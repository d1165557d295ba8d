"""Hostile content, generated in code: every field × every kind of hostile value, through the real CLI.

Content files are written here as YAML text by a tiny emitter that records the line of every field, so
the expected line of each problem is known without asking the code under test. Two families:
- REJECTED kinds (invisible and control characters raw or escaped, unsafe URLs, values too long,
  implausible dates, too many problems, nesting deep enough to crash libyaml): `build` exits 1 without
  a traceback, the JSON report holds the expected code on the expected file and line (invisible
  characters shown as ⟨U+XXXX⟩), and the previously built site is byte for byte unchanged;
- ACCEPTED kinds (markup, template syntax, XML breakers, script URLs written as text, spreadsheet
  formulas, long values, a URL that needs re-serialising): one real build holds them all; every output
  (HTML, XML, CSV, JSON, JS, the search index) is scanned by `tests/hostile/outputs.py`, each payload is
  shown escaped on its page, CSV cells are neutralised and JSON keeps the raw value.
Machine failures (a full disk, an unwritable cache, stdout on /dev/full) give a Vietnamese message,
exit 1 and leave the previous site intact.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.commands.cli import main
from generator.strings import cli_failures
from tests.helpers import AGENCIES, LETTER, PORTAL, REASONS, TODAY, pdf_bytes
from tests.hostile.outputs import scan_site, tree_digest

ROOT = Path(__file__).resolve().parents[2]
LETTER_REL = "letters/2018/so-tnmt/2018-05-0001.yml"


# --- content written as YAML text, with the line of every field --------------------------------------------
def lit(value: object) -> object:
    """Python test data as YAML literals (strings double-quoted as JSON, which YAML reads as written)."""
    if isinstance(value, dict):
        return {key: lit(item) for key, item in value.items()}
    if isinstance(value, list):
        return [lit(item) for item in value] if value else "[]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def emit(data: dict) -> tuple[str, dict[str, int]]:
    """YAML block text of `data` (leaves are YAML literals) and the 1-based line of each dotted field."""
    out: list[str] = []
    lines: dict[str, int] = {}

    def mapping(node: dict, indent: int, prefix: str, first: str | None = None) -> None:
        for index, (key, value) in enumerate(node.items()):
            lead = first if first is not None and index == 0 else " " * indent
            path = f"{prefix}{key}"
            if isinstance(value, dict):
                out.append(f"{lead}{key}:")
                lines[path] = len(out)
                mapping(value, indent + 2, path + ".")
            elif isinstance(value, list):
                out.append(f"{lead}{key}:")
                lines[path] = len(out)
                for number, item in enumerate(value):
                    if isinstance(item, dict):
                        mapping(item, indent + 4, f"{path}.{number}.", " " * (indent + 2) + "- ")
                    else:
                        out.append(f"{' ' * (indent + 2)}- {item}")
                        lines[f"{path}.{number}"] = len(out)
            else:
                out.append(f"{lead}{key}: {value}")
                lines[path] = len(out)

    mapping(data, 0, "")
    return "\n".join(out) + "\n", lines


def set_field(data: dict, dotted: str, literal: object) -> None:
    """Set a dotted field (list items by index) to a YAML literal."""
    *parents, last = dotted.split(".")
    node: object = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})  # type: ignore[index]
    if isinstance(node, list):
        node[int(last)] = literal
    else:
        node[last] = literal  # type: ignore[index]


def letter_data(number: int, **fields: object) -> dict:
    """A valid letter of so-tnmt (literals), distinct by `number`; `fields` are dotted overrides (literals)."""
    data = lit(copy.deepcopy(LETTER))
    set_field(data, "number", lit(f"{14 + number}/XL-STNMT"))
    set_field(data, "dossier.code", lit(f"000.00.21.H17-180420-{number:04d}"))
    for dotted, literal in fields.items():
        set_field(data, dotted, literal)
    return data


def base_files() -> dict[str, dict]:
    """The valid content root as {relative path: data of YAML literals}."""
    return {"portal.yml": lit(PORTAL), "agencies.yml": lit(AGENCIES), "reasons.yml": lit(REASONS),
            LETTER_REL: letter_data(1)}


def write_content(root: Path, files: dict[str, dict | str]) -> dict[str, dict[str, int]]:
    """Write the files (data, or raw text) and a real PDF beside each letter; the lines of every file."""
    all_lines = {}
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text, lines = (data, {}) if isinstance(data, str) else emit(data)
        path.write_text(text, encoding="utf-8")
        all_lines[rel] = lines
        if rel.startswith("letters/"):
            stem = rel.rsplit("/", 1)[-1][:-4]
            number, code = _decoded(data, "number"), _decoded(data, "dossier.code")
            path.with_suffix(".pdf").write_bytes(pdf_bytes("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", f"Số: {number}",
                                                           f"Mã hồ sơ: {code}", f"Văn bản thử nghiệm {stem}"))
    return all_lines


def _decoded(data: dict | str, dotted: str) -> str:
    """A field's value in letter data (a JSON literal decoded; other literals as written; '' when absent)."""
    node: object = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return ""
        node = node[part]
    try:
        return str(json.loads(node))  # type: ignore[arg-type]
    except ValueError:
        return str(node)


def run_cli(*args: str) -> tuple[int, str, str]:
    """The CLI in this process (a traceback would fail the test); (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(list(args))
    finally:
        sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def build_args(root: Path, site: Path, work: Path) -> list[str]:
    return ["build", "--content", str(root), "--site-dir", str(site), "--build-dir", str(work / "build"),
            "--cache-dir", str(work / "cache"), "--today", TODAY, "--format", "json"]


# --- rejected kinds ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rejected:
    id: str
    file: str  # relative path of the file the hostile value goes in
    field: str  # dotted field (its line is where the problem must be)
    literal: object  # the YAML literal written (or raw text for the whole file when field is "")
    code: str
    shown: str = ""  # a string the message must hold (⟨U+200B⟩)
    set_at: str = ""  # where the literal is written, when not `field` (a list holding the value)


CHARS = (  # (kind, character): controls, bidi, zero-width, soft hyphen, separators
    ("nul", "\x00"), ("escape", "\x1b"), ("delete", "\x7f"), ("c1-csi", "\x9b"), ("tab", "\t"),
    ("carriage-return", "\r"), ("rlo", "\u202e"), ("lri", "\u2066"), ("lrm", "\u200e"), ("alm", "\u061c"),
    ("zwsp", "\u200b"), ("zwj", "\u200d"), ("word-joiner", "\u2060"), ("bom", "\ufeff"), ("soft-hyphen", "\u00ad"),
    ("line-separator", "\u2028"),
)
TEXT_FIELDS = (  # every text field of every file (the base value is taken from the valid content)
    (LETTER_REL, "number"), (LETTER_REL, "signer.name"), (LETTER_REL, "signer.title"),
    (LETTER_REL, "recipient.name"), (LETTER_REL, "dossier.code"), (LETTER_REL, "dossier.procedure"),
    (LETTER_REL, "dossier.procedure_code"), (LETTER_REL, "reason.detail"), (LETTER_REL, "reason.category"),
    (LETTER_REL, "agency"),
    ("agencies.yml", "agencies.1.name"), ("agencies.yml", "agencies.1.contact"), ("agencies.yml", "levels.0"),
    ("reasons.yml", "reasons.0.label"), ("portal.yml", "name"), ("portal.yml", "owner"), ("portal.yml", "contact"),
    ("portal.yml", "data_licence"), ("portal.yml", "site_url"),
)


def base_value(rel: str, dotted: str) -> str:
    """The valid content's value of a field (decoded from its literal)."""
    node: object = base_files()[rel]
    for part in dotted.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]  # type: ignore[index]
    return json.loads(node)  # type: ignore[arg-type]


def with_char(text: str, char: str, escaped: bool) -> str:
    """`text` with `char` inserted in its middle, as a YAML literal: raw in single quotes, or as a \\u escape."""
    middle = len(text) // 2
    if escaped:
        return json.dumps(text[:middle], ensure_ascii=False)[:-1] + f"\\u{ord(char):04x}" + \
            json.dumps(text[middle:], ensure_ascii=False)[1:]
    value = text[:middle] + char + text[middle:]
    return "'" + value.replace("'", "''") + "'"


def char_kinds() -> list[Rejected]:
    """Every character, raw and escaped, each in a different field (cycling: every field gets several)."""
    kinds = []
    for index, (name, char) in enumerate(CHARS):
        for form, escaped in (("raw", False), ("escaped", True)):
            if char == "\r" and not escaped:
                continue  # a raw CR is a line end to YAML (CRLF files are fine)
            rel, field = TEXT_FIELDS[(2 * index + escaped) % len(TEXT_FIELDS)]
            kinds.append(Rejected(f"char-{name}-{form}-{rel.split('/')[0]}-{field}", rel, field,
                                  with_char(base_value(rel, field), char, escaped), "text-forbidden-char",
                                  f"⟨U+{ord(char):04X}⟩"))
    return kinds


URLS = (  # (kind, value): none may reach a page, the MkDocs config or a feed
    ("attr-break", 'https://x.example.vn/"><script>ckx(5)</script>'),
    ("javascript", "javascript:ckx(6)//"),
    ("userinfo", "https://user:secret@x.example.vn/"),
    ("query-markup", "https://x.example.vn/?q=<ckx>"),
    ("fragment-handler", 'https://x.example.vn/#"onmouseover="ckx(7)'),
    ("data-url", "data:text/html,<script>ckx(8)</script>"),
    ("protocol-relative", "//evil.example.vn/"),
    ("single-quote", "https://x.example.vn/'onload='ckx(9)"),
    ("bad-host", "https://exa mple.vn/"),
    ("ftp", "ftp://x.example.vn/"),
    ("bad-port", "https://x.example.vn:99999/"),
    ("backslash", "https://x.example.vn\\@evil.example/"),
)


def url_kinds() -> list[Rejected]:
    return [Rejected(f"url-{name}-{field}", "portal.yml", field, lit(value), "portal-bad-url")
            for index, (name, value) in enumerate(URLS) for field in [("site_url", "pdf_base_url")[index % 2]]]


LONG = (  # (file, field, characters): one past the limit
    ("portal.yml", "name", 201), ("portal.yml", "owner", 201), ("portal.yml", "data_licence", 101),
    ("agencies.yml", "agencies.1.name", 501), ("reasons.yml", "reasons.0.label", 501),
    (LETTER_REL, "signer.name", 501), (LETTER_REL, "reason.detail", 5001), (LETTER_REL, "dossier.procedure", 501),
    (LETTER_REL, "number", 101),
)
NUMBERS = (  # (field of portal.yml, plain number): beyond the maximum, or too long for int() (4,300 digits)
    ("policy.pdf_memory_mb", "9" * 5000), ("policy.missing_letter_grace_working_days", "100000"),
    ("policy.max_pdf_pages", "1000000000"), ("policy.pdf_timeout_seconds", "1" + "0" * 400 + ".5"),
    ("policy.apology_lead_working_days", "61"),
)
DATES = (  # (file, field, value): implausible years
    (LETTER_REL, "dossier.new_due_on", "9999-12-31"), (LETTER_REL, "dossier.received_on", "1999-12-31"),
    (LETTER_REL, "dossier.returned_on", "2208-05-14"), (LETTER_REL, "dossier.due_on", "0001-01-01"),
    ("portal.yml", "calendar.days_off", ["9999-01-01"]), ("agencies.yml", "agencies.2.valid_to", "9999-12-31"),
    ("agencies.yml", "agencies.2.valid_from", "1900-01-01"),
)


def rejected_kinds() -> list[Rejected]:
    kinds = char_kinds() + url_kinds()
    kinds += [Rejected(f"too-long-{rel.split('/')[0]}-{field}", rel, field, lit("ẫ" * size), "field-too-long")
              for rel, field, size in LONG]
    kinds += [Rejected(f"number-{field}", "portal.yml", field, value, "field-above-maximum")
              for field, value in NUMBERS]
    for rel, field, value in DATES:
        where = f"{field}.0" if isinstance(value, list) else field
        year = (value[0] if isinstance(value, list) else value)[:4]
        kinds.append(Rejected(f"date-{rel.split('/')[0]}-{field}-{year}", rel, where, lit(value),
                              "date-out-of-range", set_at=field))
    return kinds


REJECTED = rejected_kinds()


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The previous site: the valid content built once; (site folder, its digest)."""
    work = tmp_path_factory.mktemp("good")
    root = work / "content"
    write_content(root, base_files())
    code, _, err = run_cli(*build_args(root, work / "site", work))
    assert code == 0, err
    return work / "site", tree_digest(work / "site")


def hostile_files(kind: Rejected) -> dict[str, dict]:
    files = base_files()
    set_field(files[kind.file], kind.set_at or kind.field, kind.literal)
    return files


@pytest.mark.parametrize("kind", REJECTED, ids=[k.id for k in REJECTED])
def test_rejected_kind(kind: Rejected, good_site, tmp_path):
    site, digest = good_site
    root = tmp_path / "content"
    lines = write_content(root, hostile_files(kind))
    code, out, err = run_cli(*build_args(root, site, tmp_path))
    assert code == 1 and "Traceback" not in err
    problems = json.loads(out)["problems"]
    found = [(p["code"], p["file"].removeprefix(f"{root}/"), p["line"]) for p in problems]
    assert (kind.code, kind.file, lines[kind.file][kind.field]) in found
    messages = [p["message"] for p in problems if p["code"] == kind.code]
    assert all(kind.shown in message for message in messages)
    assert tree_digest(site) == digest  # the previous site is untouched


def test_too_many_problems_are_capped(good_site, tmp_path):
    site, digest = good_site
    files = base_files()
    for index in range(120):  # 120 unknown keys: 50 listed, then one problem with the count left out
        files[LETTER_REL][f"x_unknown_{index}"] = "1"
    root = tmp_path / "content"
    write_content(root, files)
    code, out, err = run_cli(*build_args(root, site, tmp_path))
    assert code == 1 and "Traceback" not in err
    mine = [p for p in json.loads(out)["problems"] if p["file"].endswith(LETTER_REL)]
    assert [p["code"] for p in mine] == ["field-unknown"] * 50 + ["problems-capped"]
    assert "70" in mine[-1]["message"] and mine[-1]["severity"] == "error"
    assert tree_digest(site) == digest


DEEP = (  # (kind, file, text, line): nesting deep enough to overflow libyaml's C stack (a segfault before)
    ("flow-sequences", LETTER_REL, "number: " + "[" * 240_000 + "\n", 1),
    ("flow-mappings", "agencies.yml", "levels: [province]\nagencies: " + "{a: " * 60_000 + "\n", 2),
    ("block-sequences", "portal.yml", "name: x\nowner: y\nsite_url: https://x.example.vn/\ncontact: " + "- " * 100_000
     + "x\n", 4),
)


@pytest.mark.parametrize("name,rel,text,line", DEEP, ids=[f"deep-{d[0]}" for d in DEEP])
def test_deep_nesting_is_a_problem_not_a_crash(name, rel, text, line, tmp_path):
    root = tmp_path / "content"
    files: dict = base_files()
    files[rel] = text
    write_content(root, files)
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(root), "--today", TODAY,
                           "--format", "json", "--cache-dir", str(tmp_path / "cache"), "--no-pdf"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-2000:]  # not -11 (SIGSEGV)
    assert "Traceback" not in proc.stderr
    found = [(p["code"], p["file"].removeprefix(f"{root}/"), p["line"]) for p in json.loads(proc.stdout)["problems"]]
    assert ("yaml-syntax", rel, line) in found


# --- accepted kinds: valid, hostile, escaped everywhere ----------------------------------------------------
PAYLOADS = {  # kind -> (text written, string that must never appear raw in HTML/XML/JS/JSON, escaped form on the page)
    "script-tag": ("<script>ckx(1)</script>", "<script>ckx", "&lt;script&gt;ckx(1)&lt;/script&gt;"),
    "attr-double": ('"><img src=x onerror=ckx(2)>', "<img src=x", "&#34;&gt;&lt;img src=x onerror=ckx(2)&gt;"),
    "attr-single": ("' onmouseover='ckx(3) x='", "' onmouseover='", "&#39; onmouseover=&#39;ckx(3)"),
    "template": ("{{ 'ckx' ~ 7*7 }}{% if true %}ckx-if{% endif %}", "ckx49", "{{ &#39;ckx&#39; ~ 7*7 }}"),
    "xml-break": ("]]></summary><ckx-xml/>", "<ckx-xml/>", "]]&gt;&lt;/summary&gt;&lt;ckx-xml/&gt;"),
    "markdown": ("[ckx](javascript:ckx(5)) <b>ckx-b</b> **ckx**", "<b>ckx-b</b>", "&lt;b&gt;ckx-b&lt;/b&gt; **ckx**"),
    "javascript-text": ("javascript:ckx(4)", 'href="javascript:', "javascript:ckx(4)"),
    "formula-equals": ('=HYPERLINK("https://evil.example/","ckx")', "<", "=HYPERLINK(&#34;https://evil.example/"),
    "formula-plus": ("+cmd|' /C calc'!A0", "<", "+cmd|&#39; /C calc&#39;!A0"),
    "formula-minus": ("-2+3+cmd|' /C calc'!A0", "<", "-2+3+cmd|&#39; /C calc&#39;!A0"),
    "formula-at": ("@SUM(1+1)*cmd|' /C calc'!A0", "<", "@SUM(1+1)*cmd|&#39; /C calc&#39;!A0"),
    "long": ("ckx-long " + "ẫ" * 4980, "<", "ckx-long ẫẫẫ"),
}
MARKUP_ONLY = {"' onmouseover='"}  # harmless inside a JSON or JS string: looked for in HTML/XML/SVG only
FORMULAS = [kind for kind in PAYLOADS if kind.startswith("formula-")]
LETTER_FIELDS = ("signer.name", "signer.title", "dossier.procedure", "reason.detail")  # each letter: all of them
SETTINGS = '<script>ckx(1)</script>"><img src=x onerror=ckx(2)>\' onmouseover=\'ckx(3) ]]></summary><ckx-xml/>'
SITE_URL = "HTTPS://XinLoi.Example.gov.vn/Công-khai"
REPORT_SETTINGS = ("issuer_parent", "issuer", "number_prefix", "place", "signer_authority", "signer_title",
                   "signer_name")  # portal.yml reports: the printed report's letterhead and signature


def accepted_files() -> dict[str, dict]:
    files = base_files()
    portal = files["portal.yml"]
    portal["name"], portal["owner"] = lit("=" + SETTINGS), lit("+" + SETTINGS)
    portal["contact"], portal["data_licence"] = lit("@" + SETTINGS), lit("-<script>ckx(1)</script>")
    portal["site_url"] = lit(SITE_URL)
    portal["reports"] = {name: lit(SETTINGS) for name in REPORT_SETTINGS} | {"recipients": [lit("-" + SETTINGS)]}
    set_field(files["agencies.yml"], "agencies.1.name", lit("-" + SETTINGS))
    set_field(files["agencies.yml"], "agencies.1.contact", lit(SETTINGS))
    set_field(files["reasons.yml"], "reasons.0.label", lit("=" + SETTINGS))
    for number, (kind, (text, _, _)) in enumerate(PAYLOADS.items(), start=2):
        fields = {name: lit(text if name == "reason.detail" or len(text) < 400 else text[:400])
                  for name in LETTER_FIELDS}
        fields["recipient.kind"], fields["recipient.name"] = lit("organization"), lit(text[:400])
        files[f"letters/2018/so-tnmt/{kind}.yml"] = letter_data(number, **fields)
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, str]:
    """One real build of every accepted kind; (site folder, stderr)."""
    work = tmp_path_factory.mktemp("accepted")
    root = work / "content"
    write_content(root, accepted_files())
    code, out, err = run_cli(*build_args(root, work / "site", work))
    assert code == 0, out + err
    assert "Traceback" not in err
    return work / "site", err


def test_no_output_of_the_hostile_build_is_unsafe(hostile_site):
    site, _ = hostile_site
    raw = tuple(sorted({marker for kind, (_, marker, _) in PAYLOADS.items() if marker != "<"} - MARKUP_ONLY))
    assert scan_site(site, raw_markers=raw, markup_markers=tuple(MARKUP_ONLY)) == []


@pytest.mark.parametrize("kind", list(PAYLOADS), ids=[f"accepted-{k}" for k in PAYLOADS])
def test_accepted_kind_is_escaped_on_its_page(kind, hostile_site):
    site, _ = hostile_site
    _, marker, escaped = PAYLOADS[kind]
    page = (site / "letters" / "2018" / "so-tnmt" / kind / "index.html").read_text(encoding="utf-8")
    assert escaped in page  # the value reached the page, escaped
    if marker != "<":
        assert marker not in page
    markers = (marker,) if marker != "<" else ()
    assert scan_site(site / "letters" / "2018" / "so-tnmt" / kind, markup_markers=markers) == []


@pytest.mark.parametrize("kind", FORMULAS, ids=[f"csv-{k}" for k in FORMULAS])
def test_formula_cells_are_neutralised_and_json_keeps_raw_values(kind, hostile_site):
    site, _ = hostile_site
    text = PAYLOADS[kind][0]
    for csv_path in ("data/letters.csv", "data/2018/letters.csv", "data/agencies/so-tnmt.csv"):
        rows = list(csv.DictReader(io.StringIO((site / csv_path).read_text(encoding="utf-8"), newline="")))
        row = next(r for r in rows if r["id"] == kind)
        assert row["procedure"] == row["reason_detail"] == row["signer_name"] == "'" + text
        assert row["working_days_late"].lstrip("-").isdigit()  # numbers stay numbers
    letters = json.loads((site / "data" / "letters.json").read_text(encoding="utf-8"))["letters"]
    record = next(r for r in letters if r["id"] == kind)
    assert record["procedure"] == record["reason_detail"] == text  # no quote added in JSON


def test_settings_are_escaped_in_the_theme_and_the_url_re_serialised(hostile_site):
    site, _ = hostile_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://xinloi.example.gov.vn/C%C3%B4ng-khai/">' in home
    assert "&lt;script&gt;ckx(1)&lt;/script&gt;" in home  # the portal name, escaped in Material's header
    config = (site / "lookup" / "config.js").read_text(encoding="utf-8")
    assert "\\u003cscript\\u003eckx(1)" in config and "<script>" not in config


def test_every_feed_is_well_formed_xml(hostile_site):
    import xml.etree.ElementTree as ET

    site, _ = hostile_site
    feeds = sorted((site / "feeds").rglob("*.xml"))
    assert len(feeds) == 1 + len(AGENCIES["agencies"])
    for feed in feeds:
        ET.parse(feed)  # raises when ill-formed


# --- the machine fails: a message, exit 1, the previous site intact ------------------------------------------
@contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A tmpfs mounted at `folder` for the block (root only; the test is skipped where mounting is not allowed)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(disk: Path, leave_kb: int) -> None:
    """Fill `disk` with a file until `leave_kb` KB are left."""
    free = shutil.disk_usage(disk).free - leave_kb * 1024
    with open(disk / "filler", "wb") as filler:
        while free > 0:
            chunk = min(free, 1 << 20)
            try:
                filler.write(b"\0" * chunk)
                filler.flush()
            except OSError:
                break
            free -= chunk


@pytest.mark.parametrize("free_kb", [0, 300, 1500], ids=["disk-full-0k", "disk-full-300k", "disk-full-1500k"])
def test_full_disk_is_a_message_and_the_site_stays(free_kb, tmp_path):
    with tmpfs(tmp_path / "disk", "size=24m") as disk:
        root = tmp_path / "content"
        write_content(root, base_files())
        args = build_args(root, disk / "site", disk)
        assert run_cli(*args)[0] == 0
        digest = tree_digest(disk / "site")
        fill(disk, free_kb)
        (root / LETTER_REL).write_text((root / LETTER_REL).read_text(encoding="utf-8").replace(
            "Chờ ý kiến", "Vẫn chờ ý kiến"), encoding="utf-8")  # a change: the build has to write everything
        code, _, err = run_cli(*args)
        assert code == 1 and "Traceback" not in err
        assert cli_failures.OS_ERRORS[28].split(",")[0] in err  # "Ổ đĩa đã đầy"
        assert tree_digest(disk / "site") == digest
        assert not [p.name for p in disk.iterdir() if p.name.startswith(".site.new")]


def check_with_cache(tmp_path: Path, cache: Path) -> tuple[int, str, str]:
    """`check` of the valid content with `cache` as the cache folder."""
    root = tmp_path / "content"
    if not root.exists():
        write_content(root, base_files())
    return run_cli("check", "--content", str(root), "--today", TODAY, "--format", "json", "--cache-dir", str(cache))


def assert_unwritable_cache_is_skipped(tmp_path: Path, cache: Path) -> None:
    """The cache is an optimisation (generator/cachedata.write_json): a cache that cannot be written is skipped,
    without a traceback, with one `cache-unwritable` warning in Vietnamese; otherwise the report is the one a
    writable cache gives, and the exit code stays 0 (the result is complete)."""
    code, out, err = check_with_cache(tmp_path, cache)
    assert code == 0 and "Traceback" not in err
    problems = json.loads(out)["problems"]
    warned = [p for p in problems if p["code"] == "cache-unwritable"]
    assert [(p["severity"], str(cache) in p["message"]) for p in warned] == [("warning", True)]
    expected = json.loads(check_with_cache(tmp_path, tmp_path / "good-cache")[1])["problems"]
    assert [p for p in problems if p["code"] != "cache-unwritable"] == expected


def test_cache_folder_that_is_a_file_is_skipped(tmp_path):
    (tmp_path / "blocked").write_text("not a folder", encoding="utf-8")
    assert_unwritable_cache_is_skipped(tmp_path, tmp_path / "blocked" / "cache")


def test_read_only_cache_folder_is_skipped(tmp_path):
    with tmpfs(tmp_path / "ro-cache", "ro,size=1m") as cache:
        assert_unwritable_cache_is_skipped(tmp_path, cache)


def test_report_on_a_full_device_is_a_message(tmp_path):
    root = tmp_path / "content"
    write_content(root, base_files())
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(root), "--today", TODAY,
                               "--cache-dir", str(tmp_path / "cache")], cwd=ROOT, stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "Ổ đĩa đã đầy" in proc.stderr


REGISTER = (  # (kind, CSV row, field, code): the register export is content too
    ("register-zwsp", "000.00.21.H17-180420-0001,so-tnmt,Đăng ký\u200b biến động,2018-04-20,2018-05-04,2018-05-14",
     "procedure", "text-forbidden-char"),
    ("register-nul", "000.00.21.H17-180420-0001,so-tnmt,Đăng ký\x00,2018-04-20,2018-05-04,2018-05-14",
     "procedure", "text-forbidden-char"),
    ("register-date-9999", "000.00.21.H17-180420-0001,so-tnmt,Đăng ký,2018-04-20,9999-12-30,9999-12-31",
     "due_on", "date-out-of-range"),
)


@pytest.mark.parametrize("name,row,field,code", REGISTER, ids=[r[0] for r in REGISTER])
def test_register_kind(name, row, field, code, good_site, tmp_path):
    site, digest = good_site
    root = tmp_path / "content"
    files: dict = base_files()
    files["register/overdue.csv"] = "dossier_code,agency,procedure,received_on,due_on,returned_on\n" + row + "\n"
    write_content(root, files)
    result, out, err = run_cli(*build_args(root, site, tmp_path))
    assert result == 1 and "Traceback" not in err
    found = [(p["code"], p["file"].removeprefix(f"{root}/"), p["line"], p["field"])
             for p in json.loads(out)["problems"]]
    assert (code, "register/overdue.csv", 2, field) in found
    assert tree_digest(site) == digest


def test_the_scanner_finds_what_it_looks_for(hostile_site, tmp_path):
    """Each unsafe thing planted in a copy of the hostile site is found (the scan above can fail)."""
    site = tmp_path / "site"
    shutil.copytree(hostile_site[0], site)
    page = site / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", '<script>ckx(0)</script><a href=" JavaScript:'
                    'ckx(0)">x</a><p>a\u200bb</p></body>'), encoding="utf-8")
    (site / "data" / "planted.csv").write_text("a,b\n=HYPERLINK(1),-3\n", encoding="utf-8")
    (site / "feeds" / "planted.xml").write_text("<feed><title>\x01</title></feed>", encoding="utf-8")
    (site / "assets" / "planted.js").write_text("document.body.innerHTML = x;", encoding="utf-8")
    found = {(f.path, f.what) for f in scan_site(site, raw_markers=("<script>ckx",))}
    assert found == {("index.html", "raw marker"), ("index.html", "script URL"), ("index.html", "inline script"),
                     ("index.html", "invisible character"), ("data/planted.csv", "formula cell"),
                     ("feeds/planted.xml", "ill-formed XML"), ("feeds/planted.xml", "invisible character"),
                     ("assets/planted.js", "HTML sink in a site script")}


@pytest.mark.parametrize("char", ["\u202e", "\u200b"], ids=["file-name-rlo", "file-name-zwsp"])
def test_invisible_character_in_a_file_name_is_shown(char, good_site, tmp_path):
    """A letter file whose name hides a bidi override or a zero-width space: an error, the name shown visibly."""
    site, digest = good_site
    root = tmp_path / "content"
    files = base_files()
    rel = LETTER_REL.replace("0001.yml", f"00{char}01.yml")
    files[rel] = files.pop(LETTER_REL)
    write_content(root, files)
    args = build_args(root, site, tmp_path)
    code, out, err = run_cli(*args)
    assert code == 1 and "Traceback" not in err
    assert ("layout-bad-id", rel) in [(p["code"], p["file"].removeprefix(f"{root}/"))
                                      for p in json.loads(out)["problems"]]
    args[args.index("--format") + 1] = "text"
    text = run_cli(*args)[1]
    assert f"⟨U+{ord(char):04X}⟩" in text and char not in text
    assert tree_digest(site) == digest
