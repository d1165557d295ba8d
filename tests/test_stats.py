"""Per-letter facts and figures: checked against working days counted by hand on the 2025 calendar."""

from __future__ import annotations

from datetime import date

from generator.content.model import Agency, DelayReason, Dossier, Letter, Person, Recipient, Withdrawal
from generator.figures.stats import all_facts, in_period, letter_facts, month_range, of_agencies, subtree, summarize
from generator.figures.workdays import WorkCalendar

CAL = WorkCalendar()


def letter(lid: str = "a", *, issued: date = date(2025, 3, 5), due: date = date(2025, 3, 7),
           new_due: date = date(2025, 3, 14), returned: date | None = None, agency: str = "so-a",
           reason: str = "workload", published: date | None = None, withdrawn: bool = False) -> Letter:
    """A letter built in code (only the fields stats reads matter)."""
    return Letter(
        id=lid, source=f"letters/{issued.year}/{agency}/{lid}.yml", number=f"{lid}/XL", issued_on=issued,
        agency=agency, signer=Person("Nguyễn Văn B", "Giám đốc"), recipient=Recipient("individual", "Ông N.V.A."),
        dossier=Dossier("H17-250301-0001", "Thủ tục", date(2025, 3, 1), due, new_due, returned_on=returned),
        reason=DelayReason(reason), published_on=published or issued,
        withdrawn=Withdrawal(date(2025, 4, 1), "Đăng nhầm.") if withdrawn else None,
    )


def test_days_late_counts_working_days_to_return_or_new_date():
    # (Fri 7 Mar, Wed 12 Mar] = Mon, Tue, Wed
    assert letter_facts(letter(returned=date(2025, 3, 12)), CAL, 1).days_late == 3
    # not returned: up to new_due_on (Fri 14 Mar) = 5
    facts = letter_facts(letter(), CAL, 1)
    assert (facts.days_late, facts.still_open) == (5, True)
    # Tết 2025: (Fri 24 Jan, Tue 4 Feb] holds only Mon 3 and Tue 4 Feb
    tet = letter(issued=date(2025, 1, 20), due=date(2025, 1, 24), new_due=date(2025, 2, 4))
    assert letter_facts(tet, CAL, 1).days_late == 2


def test_in_time_uses_the_lead_setting():
    # [Wed 5 Mar, Fri 7 Mar) = Wed, Thu = 2 working days
    item = letter()
    assert letter_facts(item, CAL, 1).in_time
    assert letter_facts(item, CAL, 2).in_time
    assert not letter_facts(item, CAL, 3).in_time
    assert not letter_facts(letter(issued=date(2025, 3, 7)), CAL, 1).in_time


def test_new_date_missed_and_publication_lag():
    facts = letter_facts(letter(returned=date(2025, 3, 17), published=date(2025, 3, 10)), CAL, 1)
    assert facts.new_date_missed
    assert facts.publication_lag == 3  # (Wed 5, Mon 10] = Thu, Fri, Mon
    assert not letter_facts(letter(returned=date(2025, 3, 14)), CAL, 1).new_date_missed


def test_summarize_figures_and_withdrawn_letters_left_out():
    facts = [
        letter_facts(letter("a", returned=date(2025, 3, 12)), CAL, 1),  # 3 late, in time
        letter_facts(letter("b", issued=date(2025, 3, 7), reason="system"), CAL, 1),  # 5 late, not in time
        letter_facts(letter("c", issued=date(2025, 5, 6), due=date(2025, 5, 6), new_due=date(2025, 5, 20),
                            returned=date(2025, 5, 21)), CAL, 1),  # 11 late, missed, not in time
        letter_facts(letter("d", withdrawn=True, reason="other"), CAL, 1),
    ]
    fig = summarize(facts)
    assert (fig.count, fig.withdrawn, fig.max_days_late, fig.median_days_late) == (3, 1, 11, 5)
    assert (fig.in_time, fig.new_dates_missed, fig.still_open) == (1, 1, 1)
    assert abs(fig.share_in_time - 1 / 3) < 1e-9
    assert fig.reasons == (("workload", 2), ("system", 1))
    assert fig.per_month == (("2025-03", 2), ("2025-04", 0), ("2025-05", 1))
    assert summarize(facts, first_month="2025-01", last_month="2025-03").per_month[0] == ("2025-01", 0)


def test_summarize_empty_set():
    fig = summarize([])
    assert (fig.count, fig.median_days_late, fig.share_in_time, fig.per_month, fig.empty) == (0, None, None, (), True)


def test_subsets_period_agencies_subtree():
    other = letter("b", agency="xa-b", issued=date(2025, 4, 2))
    facts = [letter_facts(letter("a"), CAL, 1), letter_facts(other, CAL, 1)]
    assert [f.letter.id for f in in_period(facts, date(2025, 4, 1), date(2025, 4, 30))] == ["b"]
    assert [f.letter.id for f in of_agencies(facts, ["xa-b"])] == ["b"]
    agencies = {
        "so-a": Agency("so-a", "Sở A", "province"),
        "h": Agency("h", "Huyện", "district", parent="so-a"),
        "xa-b": Agency("xa-b", "Xã B", "commune", parent="h"),
    }
    assert subtree(agencies, "so-a") == ["h", "so-a", "xa-b"]
    assert subtree(agencies, "xa-b") == ["xa-b"]


def test_all_facts_keyed_by_id_in_content_order(tmp_path):
    from generator.content.model import Content, Portal

    letters = [letter("b", issued=date(2025, 3, 3)), letter("a")]
    content = Content(tmp_path, Portal("P", "O", "/"), {}, ("province",), {}, letters)
    assert list(all_facts(content)) == ["b", "a"]


def test_month_range_crosses_years():
    assert month_range("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert month_range("2025-02", "2025-01") == []
