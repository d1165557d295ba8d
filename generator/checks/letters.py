"""Per-letter checks (small functions in a list) and the cross-letter checks.

Each check is `def check_x(letter, ctx) -> Iterator[Problem]`; `LETTER_CHECKS` lists them in
report order. `Context` carries what they need: portal policy, registries, calendar, today.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from stat import S_ISREG

from generator.checks import privacy, privacy_names
from generator.checks.dateranges import check_date_range
from generator.checks.pdfgate.facts import PdfFacts
from generator.checks.reform import successor_clause
from generator.content import identifiers
from generator.content.load import LETTER_ID
from generator.content.model import DEFAULT_DOSSIER_CODE_PATTERN, Agency, Letter, Policy, Portal, Reason
from generator.content.namespaces import unknown_agency
from generator.problems import Problem, make

_CODE_DATE = re.compile(r"-(\d{2})(\d{2})(\d{2})-\d{4,}$")
FREE_TEXT_FIELDS = ("recipient.name", "signer.title", "dossier.procedure", "reason.detail", "withdrawn.reason")


@dataclass
class Context:
    """Everything the per-letter checks read."""

    root: Path
    portal: Portal
    agencies: dict[str, Agency]
    reasons: dict[str, Reason]
    today: date
    registries_ok: bool
    code_pattern: object  # an RE2 pattern (content/identifiers.py): .match / .search like re's
    allowed_contacts: frozenset[str]
    problems: list[Problem] = field(default_factory=list)
    broken_codes: frozenset[str] = frozenset()  # registry entries already reported as unusable

    @classmethod
    def create(cls, root: Path, portal: Portal, agencies: dict[str, Agency], reasons: dict[str, Reason],
               today: date, registries_ok: bool, broken_codes: frozenset[str] = frozenset()) -> Context:
        """Build the context with the portal's dossier-code pattern (a bad one was reported by the loader)."""
        pattern = identifiers.pattern_of(portal.policy, "dossier_code_pattern", DEFAULT_DOSSIER_CODE_PATTERN)
        return cls(root, portal, agencies, reasons, today, registries_ok, pattern,
                   allowed_contacts(portal, agencies.values()), [], broken_codes)


def allowed_contacts(portal: Portal, agencies: Iterable[Agency]) -> frozenset[str]:
    """Normalised phone numbers and e-mails that may appear: agency and portal contacts."""
    texts = [portal.contact, *portal.policy.public_contacts, *(a.contact for a in agencies)]
    found: set[str] = set()
    for text in texts:
        found |= privacy.contacts_in(text)
    return frozenset(found)


def _at(letter: Letter, code: str, field_name: str | None, **params: object) -> Problem:
    line = letter.line_of(field_name) if field_name else None
    return make(code, letter.source, line, field_name, **params)


def check_layout(letter: Letter, ctx: Context) -> Iterator[Problem]:
    """The id, year folder and agency folder agree with the metadata."""
    parts = letter.source.split("/")
    if not LETTER_ID.match(letter.id):
        yield _at(letter, "layout-bad-id", None, letter_id=letter.id)
    if parts[1] != str(letter.issued_on.year):
        yield _at(letter, "layout-wrong-year", "issued_on", year=letter.issued_on.year, folder=parts[1])
    if parts[2] != letter.agency:
        yield _at(letter, "layout-wrong-agency", "agency", agency=letter.agency, folder=parts[2])


def check_pdf_present(letter: Letter, ctx: Context) -> Iterator[Problem]:
    """The PDF is a regular file beside the YAML (a withdrawn letter's PDF may be gone)."""
    try:  # the usual case in one system call, without pathlib (10,000s of letters per check)
        if S_ISREG(os.lstat(os.path.join(ctx.root, letter.pdf_source)).st_mode):
            return
    except OSError:
        pass
    path = ctx.root / letter.pdf_source
    name = path.name
    if path.is_symlink():
        yield make("pdf-not-regular", letter.pdf_source, None, None, name=name)
    elif not path.exists():
        misnamed = any(other.name.lower() == name for other in path.parent.glob(f"{letter.id}.*"))
        if letter.withdrawn is None and not misnamed:  # x.PDF is reported by the layout check
            yield make("pdf-missing", letter.source, None, None, name=name)
    elif not path.is_file():
        yield make("pdf-not-regular", letter.pdf_source, None, None, name=name)


def check_references(letter: Letter, ctx: Context) -> Iterator[Problem]:
    """The agency and reason exist; the agency existed on the date of issue."""
    if not ctx.registries_ok and not ctx.agencies:
        return
    agency = ctx.agencies.get(letter.agency)
    if agency is None:
        if letter.agency not in ctx.broken_codes:  # else agencies.yml's own problem says what to fix
            yield unknown_agency(letter.agency, ctx.agencies, "agency-unknown", letter.source,
                                 letter.line_of("agency"), "agency", agency=letter.agency)
    elif not agency.valid_on(letter.issued_on):
        window = f"{agency.valid_from or '…'} – {agency.valid_to or '…'}"
        yield _at(letter, "agency-not-valid", "issued_on", agency=letter.agency, day=letter.issued_on, window=window,
                  successors=successor_clause(agency, ctx.agencies) if agency.valid_to else "")
    if ctx.reasons and letter.reason.category not in ctx.reasons and letter.reason.category not in ctx.broken_codes:
        yield _at(letter, "reason-unknown", "reason.category", category=letter.reason.category)


def check_dates(letter: Letter, ctx: Context) -> Iterator[Problem]:
    """received <= due < new_due; received <= issued <= published; returned > due; past dates not future."""
    d = letter.dossier
    if d.received_on > d.due_on:
        yield _at(letter, "dates-received-after-due", "dossier.due_on", received_on=d.received_on, due_on=d.due_on)
    if d.new_due_on <= d.due_on:
        yield _at(letter, "dates-new-due-not-after-due", "dossier.new_due_on", new_due_on=d.new_due_on, due_on=d.due_on)
    if letter.issued_on < d.received_on:
        yield _at(letter, "dates-issued-before-received", "issued_on", issued_on=letter.issued_on,
                  received_on=d.received_on)
    if letter.published_on < letter.issued_on:
        yield _at(letter, "dates-published-before-issued", "published_on", published_on=letter.published_on,
                  issued_on=letter.issued_on)
    if d.returned_on is not None and d.returned_on <= d.due_on:
        yield _at(letter, "dates-returned-not-after-due", "dossier.returned_on", returned_on=d.returned_on,
                  due_on=d.due_on)
    past = {"dossier.received_on": d.received_on, "issued_on": letter.issued_on,
            "published_on": letter.published_on, "dossier.returned_on": d.returned_on}
    for name, value in past.items():
        if value is not None and value > ctx.today:
            yield _at(letter, "dates-in-future", name, value=value, today=ctx.today)
    if d.returned_on is not None and d.returned_on > d.new_due_on:
        yield _at(letter, "returned-after-new-due", "dossier.returned_on", returned_on=d.returned_on,
                  new_due_on=d.new_due_on)
    yield from _check_record_dates(letter, ctx)


def _check_record_dates(letter: Letter, ctx: Context) -> Iterator[Problem]:
    previous = letter.published_on
    for index, correction in enumerate(letter.corrections):
        if correction.date < previous:
            yield _at(letter, "dates-correction-order", f"corrections.{index}.date")
        if correction.date > ctx.today:
            yield _at(letter, "dates-in-future", f"corrections.{index}.date", value=correction.date, today=ctx.today)
        previous = correction.date
    if letter.withdrawn is not None and letter.withdrawn.date > ctx.today:
        yield _at(letter, "dates-in-future", "withdrawn.date", value=letter.withdrawn.date, today=ctx.today)


def check_dossier_code(letter: Letter, ctx: Context) -> Iterator[Problem]:
    """The dossier code matches the portal's pattern; its date part agrees with received_on."""
    code = letter.dossier.code
    if not ctx.code_pattern.match(code):
        yield _at(letter, "dossier-code-pattern", "dossier.code", value=privacy.shown(code, ctx.allowed_contacts))
        return
    match = _CODE_DATE.search(code)
    if match:
        yy, mm, dd = (int(x) for x in match.groups())
        received = letter.dossier.received_on
        if (yy, mm, dd) != (received.year % 100, received.month, received.day):
            yield _at(letter, "dossier-date-mismatch", "dossier.code", code_date=f"{dd:02d}/{mm:02d}/{yy:02d}",
                      received_on=received)


def check_identifier_patterns(letter: Letter, ctx: Context) -> Iterator[Problem]:
    """The number and procedure code have their shape (the dossier code's is `check_dossier_code`'s)."""
    for name, value, code in identifiers.misshaped(letter, ctx.portal.policy):
        if code != "dossier-code-pattern":
            yield _at(letter, code, name, value=privacy.shown(value, ctx.allowed_contacts))


def check_privacy(letter: Letter, ctx: Context) -> Iterator[Problem]:
    """Individuals' names masked; no citizen ID, phone or e-mail in any free-text field.

    Identifier fields that do not have their shape are free text too.
    """
    if (ctx.portal.policy.mask_individual_names and letter.recipient.kind == "individual"
            and not privacy.is_masked_name(letter.recipient.name)):
        yield _at(letter, "privacy-name-not-masked", "recipient.name", value=letter.recipient.name)
    shaped = letter_identifiers(letter, ctx.portal.policy)
    texts = [*((name, value) for name, value, _ in identifiers.misshaped(letter, ctx.portal.policy)),
             *free_texts(letter)]
    for name, text in texts:
        for finding in privacy.scan_text(text, ctx.allowed_contacts, shaped):
            if name == "recipient.name" and finding.kind == "person-name":
                continue  # the recipient checks judge the name (masked individual, household business)
            yield _at(letter, f"privacy-{finding.kind}", name)


def check_person_recipient(letter: Letter, ctx: Context) -> Iterator[Problem]:
    """A household business or sole trader is a person; a sensitive procedure needs a privacy review."""
    name = letter.recipient.name
    if (ctx.portal.policy.mask_individual_names and privacy_names.is_household_business(name)
            and not privacy_names.masked_business_name(name)):
        yield _at(letter, "privacy-household-business", "recipient.name", value=name)
    if (letter.privacy_reviewed is not True
            and privacy_names.sensitive(letter.dossier.procedure, ctx.portal.policy.sensitive_procedures)):
        yield _at(letter, "privacy-sensitive-procedure", "dossier.procedure", procedure=letter.dossier.procedure)


def letter_identifiers(letter: Letter, policy: Policy | None = None) -> list[str]:
    """Identifiers taken out of text before scanning it for personal data: those that have their shape.

    The signer is an official acting for the agency: their name is not a citizen's personal data.
    """
    return [*identifiers.shaped(letter, policy), *([letter.signer.name] if letter.signer.name else [])]


def free_texts(letter: Letter) -> Iterator[tuple[str, str]]:
    """(dotted field, text) for every free-text value of a letter."""
    values = {
        "recipient.name": letter.recipient.name,
        "signer.title": letter.signer.title,
        "dossier.procedure": letter.dossier.procedure,
        "reason.detail": letter.reason.detail,
        "withdrawn.reason": letter.withdrawn.reason if letter.withdrawn else "",
    }
    for name in FREE_TEXT_FIELDS:
        if values[name]:
            yield name, values[name]
    for index, correction in enumerate(letter.corrections):
        yield f"corrections.{index}.note", correction.note


# Checks that read the letter and the portal's policy and allowed contacts only (not the files, the
# registries or today): their problems are remembered per unchanged letter (checks/lettermemo.py).
POLICY_CHECKS = (check_dossier_code, check_identifier_patterns, check_privacy, check_person_recipient)
LETTER_CHECKS = (check_layout, check_pdf_present, check_references, check_date_range, check_dates, *POLICY_CHECKS)
CONTEXT_CHECKS = LETTER_CHECKS[: -len(POLICY_CHECKS)]


def cross_letter_checks(letters: list[Letter], pdf_facts: dict[str, PdfFacts]) -> list[Problem]:
    """Unique ids, numbers unique per agency and year, repeated dossier codes, shared PDFs."""
    problems: list[Problem] = []
    for key, field_name, code in (
        (lambda x: x.id, None, "letter-id-duplicate"),
        (lambda x: (x.agency, x.year, x.number), "number", "number-duplicate"),
        (lambda x: x.dossier.code, "dossier.code", "dossier-code-repeated"),
        (lambda x: pdf_facts[x.pdf_source].sha256 if x.pdf_source in pdf_facts else None, None, "pdf-duplicate"),
    ):
        groups: dict[object, list[Letter]] = defaultdict(list)
        for letter in letters:
            value = key(letter)
            if value is not None:
                groups[value].append(letter)
        for group in groups.values():
            for later in group[1:]:
                first = group[0]
                file = later.pdf_source if code == "pdf-duplicate" else later.source
                line = later.line_of(field_name) if field_name else None
                problems.append(make(code, file, line, field_name, other=first.source, letter_id=later.id,
                                     number=later.number, value=later.dossier.code))
    return problems
