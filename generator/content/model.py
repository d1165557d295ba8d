"""Typed model of the content: portal settings, agencies, reasons, letters.

Built by `load` + `validate`; every later stage (stats, render, build, report) reads only these.
`source` paths are POSIX paths relative to the content root (e.g. `letters/2018/so-tnmt/x.yml`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.strings.fields import LOCALITY_KINDS, SCOPE_LABEL, SENSITIVE_PROCEDURES

DEFAULT_DOSSIER_CODE_PATTERN = r"^(?:\d{3}\.\d{2}\.\d{2}\.)?[A-Z]\d{2}(?:\.\d+)*-\d{6}-\d{4,}$"
# Letter number/symbol: "15/XL-STNMT", "391/VPUBND-KSTT", "12/2024/XL-UBND" (Decree 30/2020 layout).
DEFAULT_NUMBER_PATTERN = r"^\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9.]*(?:-[A-ZĐ][A-Za-zĐđ0-9.]*)*$"
# National procedure code "1.004227"; provincial variants "3.000181.000.00.00.H22", "2.000815.000.00.00.H55.02".
DEFAULT_PROCEDURE_CODE_PATTERN = r"^\d\.\d{6}(?:\.[0-9A-Za-z]+)*$"


@dataclass(frozen=True)
class Policy:
    """portal.yml `policy:` settings (defaults as in CONTENT.md)."""

    dossier_code_pattern: str = DEFAULT_DOSSIER_CODE_PATTERN
    number_pattern: str = DEFAULT_NUMBER_PATTERN
    procedure_code_pattern: str = DEFAULT_PROCEDURE_CODE_PATTERN
    apology_lead_working_days: int = 1
    apology_lead_day_kind: str = "working"  # "working" | "calendar": how the lead before due_on is counted
    mask_individual_names: bool = True
    max_pdf_bytes: int = 20_000_000
    max_pdf_pages: int = 30
    pdf_timeout_seconds: float = 20
    pdf_memory_mb: int = 1024
    missing_letter_grace_working_days: int = 0  # the law sets no grace: the apology is due before due_on
    public_contacts: tuple[str, ...] = ()
    # Procedures whose letters need an editor's privacy review (privacy_reviewed: true), matched as
    # accent-folded phrases of the procedure name: civil status, criminal records, social assistance.
    sensitive_procedures: tuple[str, ...] = SENSITIVE_PROCEDURES


@dataclass(frozen=True)
class CalendarOverrides:
    """portal.yml `calendar:` local overrides on top of the national calendar."""

    days_off: tuple[date, ...] = ()
    working_days: tuple[date, ...] = ()


@dataclass(frozen=True)
class Locality:
    """portal.yml `locality:` the province or city the portal serves, and its own texts."""

    kind: str = LOCALITY_KINDS[0]  # one of LOCALITY_KINDS (province, city): a city portal says "Toàn thành phố"
    name: str = ""  # e.g. "Lâm Đồng"
    notices: tuple[str, ...] = ()  # the province's own notices on apology letters, one paragraph each
    tracking_units: str = ""  # who receives the copies, e.g. "Trung tâm Phục vụ hành chính công tỉnh; ..."

    @property
    def area(self) -> str:
        """'tỉnh Lâm Đồng' (or just 'tỉnh' without a name)."""
        return f"{self.kind} {self.name}".strip()

    @property
    def scope_label(self) -> str:
        """The whole portal in reports: 'Toàn tỉnh' / 'Toàn thành phố'."""
        return SCOPE_LABEL.format(kind=self.kind)


@dataclass(frozen=True)
class ReportSettings:
    """portal.yml `reports:` settings: period scheme, what the register export holds, the Word report's header."""

    period_scheme: str = "calendar"  # calendar | statistical (Decree 09/2019/NĐ-CP cut-off: 15th to 14th)
    register_export: str = "overdue"  # overdue: only overdue dossiers | all: every dossier received and resolved
    issuer_parent: str = ""  # cơ quan chủ quản, e.g. "UBND TỈNH ĐẮK NÔNG" (Decree 30/2020, item 2 of the layout)
    issuer: str = ""  # issuing unit; empty: the portal's owner
    number_prefix: str = "BC"  # ký hiệu: "Số: …/BC-TTPVHCC" (the number itself is left blank for the office)
    place: str = ""  # địa danh, e.g. "Gia Nghĩa"
    recipients: tuple[str, ...] = ()  # Nơi nhận
    signer_authority: str = ""  # thẩm quyền ký, e.g. "KT. GIÁM ĐỐC" (empty: none)
    signer_title: str = ""  # chức vụ, e.g. "PHÓ GIÁM ĐỐC"
    signer_name: str = ""


@dataclass(frozen=True)
class Portal:
    """Portal identity and policy (portal.yml)."""

    name: str
    owner: str
    site_url: str
    contact: str = ""
    data_licence: str = "CC-BY-4.0"
    pdf_base_url: str = ""
    policy: Policy = field(default_factory=Policy)
    calendar: CalendarOverrides = field(default_factory=CalendarOverrides)
    locality: Locality = field(default_factory=Locality)
    reports: ReportSettings = field(default_factory=ReportSettings)
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)  # field -> line


@dataclass(frozen=True)
class Agency:
    """One node of the agency tree (agencies.yml)."""

    code: str
    name: str
    level: str
    parent: str | None = None
    tracked_by: str | None = None
    contact: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None
    successors: tuple[str, ...] = ()  # several successors (split agencies); `successor` counts too
    parent_periods: tuple[dict, ...] = ()  # [{value, from, until}]: parent by date
    tracked_by_periods: tuple[dict, ...] = ()  # [{value, from, until}]: tracking unit by date
    admin_code: str = ""  # official administrative unit code (e.g. 5-digit commune code)
    dossier_prefixes: tuple[str, ...] = ()  # agency part of its dossier codes
    namespace: str = ""  # former province of a merged archive; `code` is then "<namespace>.<code>" (namespaces.py)

    def __post_init__(self) -> None:
        for name in ("successors", "parent_periods", "tracked_by_periods", "dossier_prefixes"):
            object.__setattr__(self, name, tuple(getattr(self, name) or ()))

    def valid_on(self, day: date) -> bool:
        """True when the agency existed on `day`."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def all_successors(self) -> tuple[str, ...]:
        """Every successor: `successor` first, then `successors`, without repeats."""
        first = (self.successor,) if self.successor else ()
        return tuple(dict.fromkeys(first + self.successors))

    def parent_on(self, day: date) -> str | None:
        """The parent on `day`: a dated period covering it, else `parent`."""
        return _dated(self.parent_periods, day, self.parent)

    def tracked_by_on(self, day: date) -> str | None:
        """The tracking unit on `day` (own setting only; inheritance along parents is the caller's)."""
        return _dated(self.tracked_by_periods, day, self.tracked_by)


def _dated(periods: tuple[dict, ...], day: date, default: str | None) -> str | None:
    """The value of the period covering `day`, else `default`."""
    for period in periods:
        start, end = period.get("from"), period.get("until")
        if (start is None or start <= day) and (end is None or day <= end):
            return period["value"]
    return default


@dataclass(frozen=True)
class Level:
    """A level of the agency tree with its validity (district level ended 30/6/2025)."""

    level: str
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date) -> bool:
        """True when the level existed on `day`."""
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


# Two-tier local government from 1 July 2025 (Law on the Organisation of Local Government
# 72/2025/QH15; Resolution 202/2025/QH15): the district level existed until 30 June 2025.
DEFAULT_LEVEL_VALIDITY = (Level("district", None, date(2025, 6, 30)),)


@dataclass(frozen=True)
class Reason:
    """A delay-reason category (reasons.yml)."""

    code: str
    label: str


@dataclass(frozen=True)
class Person:
    name: str
    title: str = ""


@dataclass(frozen=True)
class Recipient:
    kind: str  # "individual" | "organization"
    name: str


@dataclass(frozen=True)
class Dossier:
    code: str
    procedure: str
    received_on: date
    due_on: date
    new_due_on: date
    procedure_code: str | None = None
    returned_on: date | None = None


@dataclass(frozen=True)
class DelayReason:
    category: str
    detail: str = ""


@dataclass(frozen=True)
class Correction:
    date: date
    note: str
    fields: tuple[str, ...] = ()  # dotted fields it changes ("pdf": the PDF); only those may change


@dataclass(frozen=True)
class Withdrawal:
    date: date
    reason: str


@dataclass(frozen=True)
class Letter:
    """One apology letter: its metadata (the YAML) and where its files are."""

    id: str
    source: str  # relative path of the .yml
    number: str
    issued_on: date
    agency: str
    signer: Person
    recipient: Recipient
    dossier: Dossier
    reason: DelayReason
    published_on: date
    privacy_reviewed: bool = False
    corrections: tuple[Correction, ...] = ()
    withdrawn: Withdrawal | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def year(self) -> int:
        return self.issued_on.year

    @property
    def pdf_source(self) -> str:
        """Relative path of the PDF beside the YAML."""
        return self.source[: -len(".yml")] + ".pdf"

    @property
    def url(self) -> str:
        """Site-relative URL of the letter's page (with trailing slash)."""
        return f"letters/{self.year}/{self.agency}/{self.id}/"

    def line_of(self, dotted_field: str) -> int | None:
        """Line of a field in the YAML (None when unknown)."""
        return self.lines.get(dotted_field)


@dataclass(frozen=True)
class RegisterRow:
    """One dossier exported from the one-stop software (register/*.csv): an overdue one, or any one when
    the portal's `reports.register_export` is `all`."""

    source: str
    line: int
    dossier_code: str
    agency: str
    procedure: str
    received_on: date
    due_on: date
    returned_on: date | None = None
    sector: str = ""  # lĩnh vực (optional column)
    procedure_code: str = ""  # mã thủ tục (optional column)
    channel: str = ""  # "online" | "in-person" | "" (optional column: how the dossier was received)

    def late_on(self, day: date) -> bool:
        """True when the dossier is late as seen on `day`: resolved after due_on, or unresolved past due_on."""
        if self.returned_on is not None and self.returned_on <= day:
            return self.returned_on > self.due_on
        return day > self.due_on


@dataclass
class Content:
    """Everything loaded and validated from one content root."""

    root: Path
    portal: Portal
    agencies: dict[str, Agency]
    levels: tuple[str, ...]
    reasons: dict[str, Reason]
    letters: list[Letter]
    register: list[RegisterRow] = field(default_factory=list)
    # letter id -> per correction, what it changed {field: [old, new]} from the public record (checks/record.py)
    record_changes: dict[str, list] = field(default_factory=dict)
