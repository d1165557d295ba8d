"""Validate a content root: every rule of CONTENT.md, every problem at once.

`check_content()` is the one entry point: load everything, run the per-letter checks (small
generator functions in `LETTER_CHECKS`; the policy checks' problems remembered per unchanged letter,
checks/lettermemo.py), the registry and cross-letter checks, the PDF gate and
the register import, and return a `CheckResult`. It never prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.cachedata import gc_paused
from generator.checks.cachecheck import cache_problems, cache_unwritable
from generator.checks.dateranges import plausible_letters, settings_date_problems
from generator.checks.lettermemo import LetterCheckMemo, policy_key
from generator.checks.letters import CONTEXT_CHECKS, POLICY_CHECKS, Context, cross_letter_checks, letter_identifiers
from generator.checks.pdfgate.facts import PdfFacts
from generator.checks.reform import reform_checks
from generator.checks.registries import check_registries
from generator.content import load
from generator.content.model import Agency, Content, Portal
from generator.problems import Problem, cap_per_file, has_errors, sort_problems

DEFAULT_PORTAL = Portal(name="", owner="", site_url="/")


@dataclass
class CheckResult:
    """Outcome of `check_content`: the model (None when settings are unusable), problems, PDF facts."""

    content: Content | None
    problems: list[Problem]
    pdf_facts: dict[str, PdfFacts] = field(default_factory=dict)  # by letter.pdf_source
    letter_files: int = 0  # letter YAML files found (the report's "letters")

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not has_errors(self.problems)

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def check_content(
    root: Path,
    today: date,
    *,
    cache_dir: Path | None = None,
    run_pdf_gate: bool = True,
    progress=None,
    publish: bool = False,
    base_lock=None,
) -> CheckResult:
    """Load and validate everything under `root` as of `today`; caches (parsed letters, PDF facts) in `cache_dir`.

    `publish`: the public record as enforced at publish time (letters and corrections not locked, a missing
    lock are errors); `base_lock` (a `record.Lock`, the last published one) must not lose or silently change."""
    with gc_paused():  # millions of acyclic objects from the caches (cachedata.gc_paused)
        loaded = load.load_all(root, cache_dir)
        problems = list(loaded.problems)
        portal = loaded.portal or DEFAULT_PORTAL
        problems += check_registries(loaded, portal)
        problems += settings_date_problems(loaded, today)
        ctx = Context.create(root, portal, loaded.agencies, loaded.reasons, today, loaded.registries_ok,
                             frozenset(loaded.broken_agencies | loaded.broken_reasons))
        problems += ctx.problems
        memo = LetterCheckMemo(cache_dir, policy_key(portal.policy, ctx.allowed_contacts))
        shaped: dict[str, list[str]] = {}  # letter .yml -> its identifiers that have their shape (the PDF judge's)
        for letter in loaded.letters:
            for check in CONTEXT_CHECKS:
                problems.extend(check(letter, ctx))
            found, shaped[letter.source] = memo.letter(
                letter.source, loaded.letter_keys.get(letter.source),
                lambda letter=letter: [p for check in POLICY_CHECKS for p in check(letter, ctx)],
                lambda letter=letter: letter_identifiers(letter, portal.policy))
            problems += found
        memo.save()
    facts: dict = {}
    if run_pdf_gate:
        from generator.checks.pdfs import gate_letters

        gate_cache = cache_dir / "pdfgate" if cache_dir else None
        facts, pdf_problems = gate_letters(root, loaded.letters, portal, loaded.agencies, gate_cache, progress,
                                          identifiers=shaped)
        problems += pdf_problems
    with gc_paused():
        problems += cross_letter_checks(loaded.letters, facts)
        problems += reform_checks(plausible_letters(loaded.letters, today), loaded.agencies, loaded.level_validity)
        from generator.checks.record import check_record, correction_steps  # the public record (content/published.lock)
        from generator.checks.record_memo import RecordEntryMemo

        record_memo = RecordEntryMemo(cache_dir)
        problems += check_record(root, loaded.letters, facts, publish=publish, base=base_lock,
                                 letter_keys=loaded.letter_keys, memo=record_memo)
        record_memo.save()
        problems += cache_problems(root)  # no cache inside content/ or committed to git
        problems += cache_unwritable(root, cache_dir)  # a warning: the result stands, the next run is cold
        register_rows = []
        if loaded.portal is not None:
            register_rows, register_problems = _load_register(root, _register_agencies(loaded), portal, today,
                                                              cache_dir)
            problems += register_problems
        content = None
        if loaded.portal is not None and loaded.registries_ok:
            content = Content(
                root=root,
                portal=portal,
                agencies=loaded.agencies,
                levels=loaded.levels,
                reasons=loaded.reasons,
                letters=loaded.letters,
                register=register_rows,
                record_changes=correction_steps(root, loaded.letters, facts),
            )
    return CheckResult(content, cap_per_file(sort_problems(problems)), facts, loaded.letter_files)


class _AnyAgency(dict):
    """While agencies.yml is unusable, every register agency passes (its own problem is reported)."""

    def get(self, code, default=None):
        return Agency(code=code, name=code, level="")


def _register_agencies(loaded: load.Loaded) -> dict[str, Agency]:
    """Agencies the register is checked against: broken registry entries are not 'unknown' again."""
    if not loaded.agencies and not loaded.registries_ok:
        return _AnyAgency()
    placeholders = {code: Agency(code=code, name=code, level="") for code in loaded.broken_agencies}
    return {**placeholders, **loaded.agencies}


def _load_register(root: Path, agencies: dict[str, Agency], portal: Portal, today: date,
                   cache_dir: Path | None) -> tuple[list, list]:
    try:
        from generator.checks.register import load_register
    except ImportError:  # the register import ships with the compliance module
        return [], []
    return load_register(root, agencies, portal.policy, today, complete=portal.reports.register_export == "all",
                         cache_dir=cache_dir)

