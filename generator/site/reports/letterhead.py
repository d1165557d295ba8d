"""The administrative layout of a report as a document (Decree 30/2020/NĐ-CP of 05/3/2020 on clerical work,
Appendix I "Thể thức, kỹ thuật trình bày văn bản hành chính"), shared by the Word report and the printed page.

Parts, in the order the decree lays them out: issuing body (its parent above it), number and symbol
("Số: …/BC-…"; the number is left blank for the office's register), national motto, place and date,
document kind and abstract (title), body, signature block (authority, title, name) and recipients
("Nơi nhận"). Settings come from portal.yml `reports:` (issuer_parent, issuer, number_prefix, place,
recipients, signer_*). Sources: the decree (05/3/2020, replacing Decree 110/2004/NĐ-CP), summarised at
https://quangvinh.thuathienhue.gov.vn/?cn=97&gd=4&tc=1615 and, for the layout items (font, page numbering,
signature "KT."/"TM.", recipients), https://cpdanluat.thuvienphapluat.vn/file-word-toan-bo-diem-moi-nd-30-2020-nd-cp-ve-the-thuc-va-ky-thuat-trinh-bay-vb-186204.aspx
(unverified: Appendix I's own text was not at hand; the margins and the leading zero of dates follow its
commonly cited rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.figures.compliance import Report
from generator.content.model import Portal
from generator.site.reports import tables
from generator.strings import reports as R


@dataclass(frozen=True)
class Letterhead:
    """The fixed parts of a report document."""

    issuer_parent: str
    issuer: str
    number: str  # "Số:      /BC-TTPVHCC"
    motto: tuple[str, str]
    place_date: str  # "Gia Nghĩa, ngày 01 tháng 12 năm 2026"
    kind: str  # "BÁO CÁO"
    abstract: str  # "Tình hình xin lỗi ... Tháng 5/2025"
    recipients: tuple[str, ...]  # "- Như trên;" ... "- Lưu: VT."
    signer_authority: str
    signer_title: str
    signer_name: str


def date_words(day: date) -> str:
    """'ngày 05 tháng 3 năm 2026': days below 10 and months 1 and 2 with a leading 0 (Decree 30/2020, App. I)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return R.DOC_DATE.format(day=f"{day.day:02d}", month=month, year=day.year)


def letterhead(portal: Portal, report: Report) -> Letterhead:
    """The letterhead of `report` from the portal's settings (issuer: the portal's owner unless set)."""
    s = portal.reports
    place = f"{s.place}, " if s.place else ""
    recipients = (*(f"- {r};" for r in s.recipients), R.DOC_ARCHIVE)
    return Letterhead(
        issuer_parent=s.issuer_parent.upper(),
        issuer=(s.issuer or portal.owner).upper(),
        number=R.DOC_NUMBER.format(prefix=s.number_prefix),
        motto=R.MOTTO,
        place_date=place + date_words(report.as_of),
        kind=R.DOC_KIND,
        abstract=R.DOC_ABSTRACT.format(period=report.period.label.lower() if report.period.kind != "week"
                                       else report.period.label, scope=tables.scope_label(report)),
        recipients=recipients,
        signer_authority=s.signer_authority.upper(),
        signer_title=s.signer_title.upper(),
        signer_name=s.signer_name,
    )
