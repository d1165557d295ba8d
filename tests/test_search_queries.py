"""The query tables generated from the demo content, typed into the real search page in Chromium.

For every demo letter: its procedure without accents, agency + procedure without accents, its
dossier code as people paste it (in both boxes), its number (tests/search_queries.py). Targets
(issue 13): >= 99 % of procedure queries show a letter of that procedure first; agency +
procedure finds the letter in the first 10 for >= 95 %; every code variant finds its letter first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks.orchestrator import check_content
from generator.content.load import default_today
from tests.browser import serve_directory
from tests.search_queries import hit_rates, query_table, rate_table, run_queries
from tests.search_support import CHROMIUM, fresh_page, make_search_site

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (scripts/test-deps.sh installs it)"),
]


@pytest.fixture(scope="module")
def demo():
    """The demo content (content/), checked without the PDF gate: search needs only the metadata."""
    result = check_content(ROOT / "content", default_today(), run_pdf_gate=False)
    assert result.content is not None and result.content.letters
    return result.content


@pytest.fixture(scope="module")
def answered(demo, tmp_path_factory, chromium):
    """(queries, answers, rates) of the demo's query table, run once."""
    site = tmp_path_factory.mktemp("demo-search")
    make_search_site(demo, site, tmp_path_factory.mktemp("demo-work"))
    queries = query_table(demo)
    with serve_directory(site) as base:
        page = fresh_page(chromium)
        page.goto(f"{base}/tim-kiem/")
        page.wait_for_selector("#ck-search[data-ready='1']")
        answers = run_queries(page, queries)
        page.context.close()
    rates = hit_rates(demo, queries, answers)
    print("\n" + rate_table(rates))
    return queries, answers, rates


def _misses(answered, kind, *, top: int = 1):
    queries, answers, _ = answered
    return [(q.text, q.letter, ids[:3]) for q, ids in zip(queries, answers, strict=True)
            if q.kind == kind and q.letter not in ids[:top]]


def test_unaccented_procedure_shows_a_letter_of_that_procedure_first(answered):
    rate = answered[2]["procedure"]
    assert rate.n >= 50 and rate.first >= 0.99 * rate.n, rate_table(answered[2])


def test_unaccented_agency_and_procedure_finds_the_letter_in_the_first_ten(answered):
    rate = answered[2]["agency + procedure"]
    assert rate.top10 >= 0.95 * rate.n, _misses(answered, "agency + procedure", top=10)


def test_every_code_variant_finds_its_letter_first(answered):
    queries, answers, rates = answered
    exact = {k: r for k, r in rates.items() if k.startswith("code") and "(shared)" not in k}
    assert len(exact) == 16, sorted(rates)
    bad = [(q.kind, q.box, q.text, ids[:3]) for q, ids in zip(queries, answers, strict=True)
           if q.kind.startswith("code") and "(shared)" not in q.kind and ids[:1] != [q.letter]]
    assert bad == []


def test_shared_code_parts_list_every_letter_that_has_them(answered):
    queries, answers, _ = answered
    bad = [(q.kind, q.box, q.text) for q, ids in zip(queries, answers, strict=True)
           if "(shared)" in q.kind and q.letter not in ids]
    assert bad == []


def test_number_finds_its_letter_in_the_first_ten(answered):
    rate = answered[2]["number"]
    assert rate.top10 == rate.n, _misses(answered, "number", top=10)
