"""Query tables generated from the content: the ways citizens type what they look for.

For every letter: its procedure without accents, agency + procedure without accents, its dossier
code as people paste it (dashes, spaces, case, a label, without the agency prefix, the
date-sequence alone), and its number. `tests/test_search_queries.py` runs them through the real
search page in Chromium; `scripts/bench_search.py` reports the same hit rates at scale.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.content.model import Content, Letter
from generator.content.vtext import fold
from generator.site.search.codes import code_aliases

TEXT_BOX, CODE_BOX = "text", "code"


@dataclass(frozen=True)
class Query:
    """One query: the kind, the box it is typed in, the text, and the letter it must find."""

    kind: str
    box: str
    text: str
    letter: str


def code_variants(code: str) -> dict[str, str]:
    """A dossier code as people paste it: {variant kind: text}."""
    full, bare, tail = code_aliases(code)
    return {
        "code en dash": full.replace("-", "\u2013"),
        "code em dash": full.replace("-", "\u2014"),
        "code hyphen ‐": full.replace("-", "\u2010"),
        "code spaced, lower case": " " + full.lower().replace("-", " - ") + " ",
        "code with label Mã hồ sơ": f"Mã hồ sơ: {full}",
        "code with label Số hồ sơ": f"Số hồ sơ: {full}.",
        "code without agency prefix": bare,
        "code date-sequence": tail,
    }


def unique_tails(letters: list[Letter]) -> set[str]:
    """Date-sequence parts ("250908-0054") that only one dossier code has: they find one letter first."""
    counts = Counter(code_aliases(x.dossier.code)[2] for x in letters)
    return {tail for tail, n in counts.items() if n == 1}


def query_table(content: Content, letters: list[Letter] | None = None) -> list[Query]:
    """The queries of `letters` (default: every published letter of `content`)."""
    chosen = [x for x in (letters or content.letters) if x.withdrawn is None]
    tails = unique_tails(content.letters)
    bares = Counter(code_aliases(x.dossier.code)[1] for x in content.letters)
    out: list[Query] = []
    for letter in chosen:
        agency = content.agencies[letter.agency].name if letter.agency in content.agencies else letter.agency
        out.append(Query("procedure", TEXT_BOX, fold(letter.dossier.procedure), letter.id))
        out.append(Query("agency + procedure", TEXT_BOX, fold(f"{agency} {letter.dossier.procedure}"), letter.id))
        out.append(Query("number", TEXT_BOX, letter.number, letter.id))
        _, bare, tail = code_aliases(letter.dossier.code)
        for kind, text in code_variants(letter.dossier.code).items():
            if (kind == "code date-sequence" and tail not in tails) or (
                    kind == "code without agency prefix" and bares[bare] > 1):
                kind += " (shared)"  # several letters: this one is listed, not necessarily first
            for box in (CODE_BOX, TEXT_BOX):
                out.append(Query(kind, box, text, letter.id))
    return out


def kind_of(query: Query) -> str:
    """The row of the hit-rate table a query counts in."""
    return query.kind if query.kind in ("procedure", "agency + procedure", "number") else f"{query.kind} [{query.box}]"


_SPACE = re.compile(r"\s+")


@dataclass
class Rate:
    """Hits of one kind of query: n, found first, found in the first 10."""

    n: int = 0
    first: int = 0
    top10: int = 0

    def pct(self, value: int) -> float:
        return 100.0 * value / self.n if self.n else 0.0


def hit_rates(content: Content, queries: list[Query], answers: list[list[str]]) -> dict[str, Rate]:
    """Per kind, how often the letter came first / in the first 10. A procedure query counts as
    found first when the first letter shown has that procedure (several letters share one)."""
    by_id = {x.id: x for x in content.letters}
    rates: dict[str, Rate] = {}
    for query, ids in zip(queries, answers, strict=True):
        rate = rates.setdefault(kind_of(query), Rate())
        rate.n += 1
        if query.kind == "procedure":
            want = by_id[query.letter].dossier.procedure
            hits = [by_id[i].dossier.procedure == want for i in ids[:10] if i in by_id]
            rate.first += bool(hits and hits[0])
            rate.top10 += any(hits)
        else:
            rate.first += bool(ids) and ids[0] == query.letter
            rate.top10 += query.letter in ids[:10]
    return rates


def rate_table(rates: dict[str, Rate]) -> str:
    """The hit-rate table as Markdown."""
    lines = ["| query kind | n | found first | in first 10 |", "| --- | --- | --- | --- |"]
    for kind, r in rates.items():
        lines.append(f"| {kind} | {r.n} | {r.first} ({r.pct(r.first):.1f} %) | {r.top10} ({r.pct(r.top10):.1f} %) |")
    return "\n".join(lines)


# In-page driver: types each query into the real form, submits it, waits for the answer.
RUN_QUERIES_JS = """
async ([box, queries]) => {
  const input = document.getElementById(box === 'code' ? 'ck-code' : 'ck-q');
  const res = document.getElementById(box === 'code' ? 'ck-lookup-result' : 'ck-search-result');
  const out = [];
  for (const q of queries) {
    input.value = q;
    const done = new Promise(resolve => {
      const mo = new MutationObserver(() => {
        if (res.dataset.done === q) { mo.disconnect(); resolve(); }
      });
      mo.observe(res, {attributes: true, attributeFilter: ['data-done']});
    });
    input.form.requestSubmit();
    await done;
    out.push([...res.querySelectorAll('li.ck-result')].map(e => e.dataset.id));
  }
  return out;
}
"""


def run_queries(page, queries: list[Query]) -> list[list[str]]:
    """The letter ids each query shows, in order (the page is the search page, script ready)."""
    answers: dict[int, list[str]] = {}
    for box in (TEXT_BOX, CODE_BOX):
        picked = [(i, q) for i, q in enumerate(queries) if q.box == box]
        got = page.evaluate(RUN_QUERIES_JS, [box, [q.text for _, q in picked]])
        answers.update({i: ids for (i, _), ids in zip(picked, got, strict=True)})
    return [answers[i] for i in range(len(queries))]
