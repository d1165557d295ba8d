"""Property-based: arbitrary YAML (or bytes) in a letter file never crashes the checker."""

from __future__ import annotations

from datetime import date

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.orchestrator import check_content
from tests.helpers import LETTER, make_content

TODAY = date(2018, 6, 1)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
                    st.dates().map(str), st.sampled_from(["2018-05-09", "1.004220", "on", "~", "'x'"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from([*LETTER, "x", "code", "date"]), inner, max_size=4), max_leaves=12)
documents = st.dictionaries(st.sampled_from([*LETTER, "typo"]), values, max_size=10)


def _check(tmp_path_factory, text: str | bytes) -> None:
    root = make_content(tmp_path_factory.mktemp("fuzz"), letters=1)
    path = root / "letters" / "2018" / "so-tnmt" / "2018-05-0001.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    result = check_content(root, TODAY, run_pdf_gate=False)
    assert all(p.file and p.code and p.message for p in result.problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents)
def test_arbitrary_mappings_never_crash(tmp_path_factory, doc):
    _check(tmp_path_factory, yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200) | st.text(max_size=200))
def test_arbitrary_bytes_never_crash(tmp_path_factory, raw):
    _check(tmp_path_factory, raw)
