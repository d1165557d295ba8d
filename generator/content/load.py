"""Load a content root: settings, registries and every letter, into model objects.

Loading never stops at the first bad file: each file yields its own problems, and a letter whose
YAML does not parse or whose fields are unusable is left out of the model (its problems stay).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.cachedata import CacheInvalid, StatMemo, decode, encode
from generator.cachekeys import bytes_digest, code_fingerprint, content_key
from generator.content import schema
from generator.content.identifiers import IDENTIFIER_FIELDS, pattern_error
from generator.content.model import (
    DEFAULT_LEVEL_VALIDITY,
    Agency,
    CalendarOverrides,
    Correction,
    DelayReason,
    Dossier,
    Letter,
    Level,
    Locality,
    Person,
    Policy,
    Portal,
    Reason,
    Recipient,
    ReportSettings,
    Withdrawal,
)
from generator.content.namespaces import full_code
from generator.content.settings import url_problems
from generator.content.vtext import is_nfc, legacy_encoding
from generator.content.yamlsrc import MAX_YAML_BYTES, Node, read_yaml, walk_scalars
from generator.problems import Problem, make
from generator.strings.problems_content import LAYOUT_REASONS

LETTER_ID = re.compile(r"^[a-z0-9-]+$")
YEAR = re.compile(r"^\d{4}$")
IGNORED_NAMES = {".gitkeep"}


@dataclass
class Loaded:
    """What loading found: model objects (possibly partial) and every problem."""

    portal: Portal | None = None
    agencies: dict[str, Agency] = field(default_factory=dict)
    levels: tuple[str, ...] = ()
    level_validity: tuple[Level, ...] = DEFAULT_LEVEL_VALIDITY  # agencies.yml `level_validity`, else the default
    reasons: dict[str, Reason] = field(default_factory=dict)
    letters: list[Letter] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    registries_ok: bool = True
    letter_files: int = 0  # letter YAML files found, loadable or not
    agency_lines: dict[str, dict[str, int]] = field(default_factory=dict)  # code -> {field: line}
    agency_index: dict[str, int] = field(default_factory=dict)  # code -> position in agencies.yml
    # codes of registry entries that exist but are unusable (already reported): not "unknown" elsewhere
    broken_agencies: set[str] = field(default_factory=set)
    broken_reasons: set[str] = field(default_factory=set)
    letter_keys: dict[str, tuple] = field(default_factory=dict)  # letter .yml -> content key of its bytes read


def read_and_coerce(root: Path, rel: str, fields: tuple[schema.Field, ...], raw: bytes | None = None
                    ) -> tuple[dict | None, dict, list[Problem]]:
    """Read one YAML file (`raw`: its bytes, already read), check its text and coerce it against `fields`."""
    node, problems = read_yaml(root / rel, rel, raw=raw)
    if node is None:
        return None, {}, problems
    problems += text_problems(node, rel)
    values, coerced = schema.coerce(node, fields, rel)
    return values, coerced.lines, problems + coerced.problems


def text_problems(node: Node, rel: str) -> list[Problem]:
    """NFC and legacy-encoding problems for every string value of a file."""
    found = []
    for path, scalar in walk_scalars(node):
        text: str = scalar.value  # type: ignore[assignment]
        if text.isascii():
            continue
        if not is_nfc(text):
            found.append(make("text-not-nfc", rel, scalar.line, path))
        encoding = legacy_encoding(text)
        if encoding:
            found.append(make("text-legacy-encoding", rel, scalar.line, path, encoding=encoding, sample=text[:40]))
    return found


def load_settings(root: Path, out: Loaded) -> None:
    """portal.yml, agencies.yml and reasons.yml into `out`."""
    for name in ("portal.yml", "agencies.yml", "reasons.yml"):
        if not (root / name).is_file():
            out.problems.append(make("config-missing", name, None, name=name))
            out.registries_ok = False
    if (root / "portal.yml").is_file():
        values, lines, problems = read_and_coerce(root, "portal.yml", schema.PORTAL)
        problems += _portal_problems(values or {}, lines)
        out.problems += problems
        if values is not None and not problems:
            out.portal = _portal(values, lines)
    if (root / "agencies.yml").is_file():
        values, lines, problems = read_and_coerce(root, "agencies.yml", schema.AGENCIES)
        out.problems += problems
        out.registries_ok &= not problems
        if values:
            out.levels = tuple(values.get("levels", ()))
            if "level_validity" in values:
                out.level_validity = tuple(Level(**item) for item in values["level_validity"] if "level" in item)
            for index, item in enumerate(values.get("agencies", [])):
                prefix = f"agencies.{index}"
                if not {"code", "name", "level"} <= item.keys():
                    out.broken_agencies |= _code_variants(item.get("code"))
                    continue
                namespace = item.get("namespace") or ""
                if _registry_code_problem(out, "agencies.yml", lines, prefix, item["code"], out.agencies, namespace):
                    out.broken_agencies |= _code_variants(full_code(item["code"], namespace))
                    continue
                code = full_code(item["code"], namespace)
                out.agencies[code] = Agency(**{**item, "code": code})
                out.agency_index[code] = index
                out.agency_lines[code] = {
                    name[len(prefix) + 1 :]: line for name, line in lines.items() if name.startswith(prefix + ".")
                } | {"": lines.get(prefix, 0)}
    if (root / "reasons.yml").is_file():
        values, lines, problems = read_and_coerce(root, "reasons.yml", schema.REASONS)
        out.problems += problems
        out.registries_ok &= not problems
        for index, item in enumerate((values or {}).get("reasons", [])):
            if {"code", "label"} <= item.keys() and not _registry_code_problem(
                out, "reasons.yml", lines, f"reasons.{index}", item["code"], out.reasons
            ):
                out.reasons[item["code"]] = Reason(item["code"], item["label"])
            else:
                out.broken_reasons |= _code_variants(item.get("code"))


def _code_variants(code: str | None) -> set[str]:
    """A broken entry's code and the code it was probably meant to be (So_TC -> so-tc)."""
    return {code, code.lower().replace("_", "-").replace(" ", "-")} if code else set()


def _portal_problems(values: dict, lines: dict[str, int]) -> list[Problem]:
    """Settings a schema cannot judge: the identifier patterns compile (RE2), URLs are plain absolute http(s)."""
    found = []
    policy = values.get("policy", {})
    for _name, setting, _default, _code in IDENTIFIER_FIELDS:
        pattern = policy.get(setting)
        if pattern is not None and (reason := pattern_error(str(pattern))) is not None:
            found.append(make("portal-bad-pattern", "portal.yml", lines.get(f"policy.{setting}"), f"policy.{setting}",
                              detail=reason))
            del policy[setting]  # the default stands in; the error keeps the site from building
    found += url_problems(values, lines)  # URLs parsed and re-serialised (generator/content/settings.py)
    return found


def _registry_code_problem(out: Loaded, rel: str, lines: dict[str, int], prefix: str, code: str, seen: dict,
                           namespace: str = "") -> bool:
    """Report a malformed or duplicate registry code (or namespace); True when the entry must be skipped."""
    line = lines.get(f"{prefix}.code")
    if not LETTER_ID.match(code):
        out.problems.append(make("registry-bad-code", rel, line, f"{prefix}.code", code=code))
    elif namespace and not LETTER_ID.match(namespace):
        out.problems.append(make("registry-bad-code", rel, lines.get(f"{prefix}.namespace"), f"{prefix}.namespace",
                                 code=namespace))
    elif full_code(code, namespace) in seen:
        out.problems.append(make("registry-duplicate-code", rel, line, f"{prefix}.code",
                                 code=full_code(code, namespace)))
    else:
        return False
    out.registries_ok = False
    return True


def _portal(values: dict, lines: dict[str, int]) -> Portal:
    policy = dict(values.get("policy", {}))
    for name in ("public_contacts", "sensitive_procedures"):
        if name in policy:
            policy[name] = tuple(policy[name])
    calendar = values.get("calendar", {})
    locality = dict(values.get("locality", {}))
    locality["notices"] = tuple(locality.get("notices", ()))
    reports = dict(values.get("reports", {}))
    if "recipients" in reports:
        reports["recipients"] = tuple(reports["recipients"])
    return Portal(
        name=values["name"],
        owner=values["owner"],
        site_url=values["site_url"],
        contact=values.get("contact", ""),
        data_licence=values.get("data_licence", "CC-BY-4.0"),
        pdf_base_url=values.get("pdf_base_url", ""),
        policy=Policy(**policy),
        calendar=CalendarOverrides(tuple(calendar.get("days_off", ())), tuple(calendar.get("working_days", ()))),
        locality=Locality(**locality),
        reports=ReportSettings(**reports),
        lines=lines,
    )


def discover_letters(root: Path) -> tuple[list[str], list[Problem]]:
    """Relative paths of every letter YAML under letters/, and layout problems for anything else."""
    letters_dir = root / "letters"
    found: list[str] = []
    problems: list[Problem] = []
    if not letters_dir.is_dir():
        return found, problems
    for dirpath, dirnames, filenames in os.walk(letters_dir):
        dirnames.sort()
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        depth = rel_dir.count("/")  # letters=0, letters/<year>=1, letters/<year>/<agency>=2
        names = set(filenames)
        in_year = bool(YEAR.match(os.path.basename(os.path.dirname(dirpath))))  # letters/<year>/<agency>/
        links = _links(dirpath) if depth == 2 else None
        for name in sorted(filenames):
            rel = f"{rel_dir}/{name}"
            if name in IGNORED_NAMES:
                continue
            reason = _layout_reason(os.path.join(dirpath, name), name, depth, names, in_year, links)
            if reason:
                problems.append(make("layout-unexpected-file", rel, None, reason=reason))
            elif name.endswith(".yml"):
                found.append(rel)
        for name in list(dirnames):
            reason = None
            if depth >= 2 or (root / rel_dir / name).is_symlink():
                reason = LAYOUT_REASONS["extra-dir"]
            elif depth == 0 and not YEAR.match(name):  # one problem for the folder, not one per file in it
                reason = LAYOUT_REASONS["year-dir"]
            if reason:
                problems.append(make("layout-unexpected-file", f"{rel_dir}/{name}", None, reason=reason))
                dirnames.remove(name)
    return found, problems


def _links(folder: str) -> set[str] | None:
    """Names of the symbolic links in `folder` (from its listing: no call per file), None when unreadable."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name for entry in entries if entry.is_symlink()}
    except OSError:
        return None


def _layout_reason(path: str, name: str, depth: int, siblings: set[str], in_year: bool,
                   links: set[str] | None) -> str | None:
    if depth != 2:
        return LAYOUT_REASONS["depth"]
    if not in_year:
        return LAYOUT_REASONS["year-dir"]
    if name.endswith(".yml"):
        is_link = name in links if links is not None else os.path.islink(path)
        return LAYOUT_REASONS["symlink"] if is_link else None
    if name.endswith(".pdf"):
        stem = name[:-4]
        if stem + ".yml" in siblings:
            return None
        # beside a misnamed YAML (x.yaml, x.YML) the PDF is fine: the YAML's own problem says what to rename
        misnamed = any(s != name and s.rsplit(".", 1)[0] == stem and s.lower().endswith((".yml", ".yaml"))
                       for s in siblings)
        return None if misnamed else LAYOUT_REASONS["orphan-pdf"]
    lower = name.lower()
    if lower.endswith(".yaml"):
        return LAYOUT_REASONS["yaml-ext"]
    if lower.endswith((".yml", ".pdf")):
        return LAYOUT_REASONS["ext-case"]
    return LAYOUT_REASONS["other"]


def load_letter(root: Path, rel: str, raw: bytes | None = None) -> tuple[Letter | None, list[Problem]]:
    """Read one letter's YAML (`raw`: its bytes, already read) into a `Letter` (None when required fields are
    unusable)."""
    values, lines, problems = read_and_coerce(root, rel, schema.LETTER, raw)
    if values is None:
        return None, problems
    try:
        return _letter(rel, values, lines), problems
    except (KeyError, TypeError):  # a required field is missing or unusable: already reported
        return None, problems


def _letter(rel: str, values: dict, lines: dict[str, int]) -> Letter:
    letter_id = rel.rsplit("/", 1)[-1][: -len(".yml")]
    dossier = values["dossier"]
    return Letter(
        id=letter_id,
        source=rel,
        number=values["number"],
        issued_on=values["issued_on"],
        agency=values["agency"],
        signer=Person(**values["signer"]),
        recipient=Recipient(**values["recipient"]),
        dossier=Dossier(**dossier),
        reason=DelayReason(**values["reason"]),
        published_on=values["published_on"],
        privacy_reviewed=values.get("privacy_reviewed", False),
        corrections=tuple(Correction(c["date"], c["note"], tuple(c.get("fields", ())))
                          for c in values.get("corrections", ())),
        withdrawn=Withdrawal(**values["withdrawn"]) if "withdrawn" in values else None,
        lines=lines,
    )


def load_all(root: Path, cache_dir: Path | None = None) -> Loaded:
    """Load settings, registries and every letter under `root` (unchanged letters from the memo in `cache_dir`)."""
    out = Loaded()
    load_settings(root, out)
    rels, layout = discover_letters(root)
    out.problems += layout
    out.letter_files = len(rels)
    cache = LetterCache(cache_dir)
    for rel in rels:
        letter, problems, key = cache.letter(root, rel)
        if key is not None:
            out.letter_keys[rel] = tuple(key)
        out.problems += problems
        if letter is not None:
            out.letters.append(letter)
    cache.save()
    out.letters.sort(key=lambda letter: (letter.issued_on, letter.id))
    return out


class LetterCache(StatMemo):
    """Parsed letters keyed by path, reused while the file has the same bytes (`cachekeys.same_content`: its
    stat unchanged, or the same SHA-256 on a fresh clone).

    What is cached depends only on the file's bytes (parse, schema, text checks); every check that
    reads registries, policy or today runs again on each call. The cache is JSON (`cachedata`): an
    entry is rebuilt into a Letter only through its type hints, and a cache of another version, a
    damaged or tampered one is simply not used (a cold run, no warning).
    """

    VERSION = 4  # 4: content keys (stat and SHA-256)
    NAME = "letters"

    def __init__(self, cache_dir: Path | None) -> None:
        super().__init__(cache_dir, code_fingerprint())

    def letter(self, root: Path, rel: str) -> tuple[Letter | None, list[Problem], list | None]:
        """The letter at `rel`, its problems and the key of the bytes it was read from (None: unreadable), from
        the cache when the file has the bytes of an entry ([content key, letter, problems])."""
        path = os.path.join(root, rel)
        try:
            st = os.stat(path)
        except OSError:
            letter, problems = load_letter(root, rel)
            return letter, problems, None
        cached = self.get(rel, path, st, 3)
        if cached is not None:
            try:
                letter = decode(cached[1], Letter | None)
                problems = decode(cached[2], list[Problem])
            except CacheInvalid:
                pass
            else:
                self.keep(rel, cached)
                return letter, problems, cached[0]  # type: ignore[return-value]
        raw = None
        if st.st_size <= MAX_YAML_BYTES:
            try:
                with open(path, "rb") as handle:
                    raw = handle.read(MAX_YAML_BYTES + 1)
            except OSError:
                pass
        key = content_key(st, bytes_digest(raw) if raw is not None else "")  # the digest of the bytes parsed
        letter, problems = load_letter(root, rel, raw)
        self.put(rel, [key, encode(letter), encode(problems)])
        return letter, problems, key


def default_today() -> date:
    """Today's date in Asia/Ho_Chi_Minh."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
