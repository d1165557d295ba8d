"""generator/content/settings.py: portal URLs are re-serialised or refused with the reason."""

from __future__ import annotations

import pytest

from generator.content.settings import URL_FIELDS, clean_url, url_problems
from generator.strings.problems_fields import URL_REASONS

ACCEPTED = [
    ("https://xinloi.example.gov.vn/", "https://xinloi.example.gov.vn/"),
    ("https://xinloi.example.gov.vn", "https://xinloi.example.gov.vn/"),
    ("HTTPS://XinLoi.Example.gov.vn/a/", "https://xinloi.example.gov.vn/a/"),
    ("http://localhost:8000/", "http://localhost:8000/"),
    ("https://example.gov.vn/văn-bản/", "https://example.gov.vn/v%C4%83n-b%E1%BA%A3n/"),
    ("https://bộ.vn/", "https://xn--b-8xm.vn/"),
    ("https://example.gov.vn/a%20b/", "https://example.gov.vn/a%20b/"),
    ("https://example.gov.vn./", "https://example.gov.vn/"),
]

REFUSED = [
    ('https://example.gov.vn/"onload=x', "char"),
    ("https://example.gov.vn/<script>", "char"),
    ("https://example.gov.vn/a b", "char"),
    ("https://example.gov.vn/\u200b", "char"),
    ("https://example.gov.vn:99999/", "port"),
    ("https://example.gov.vn:abc/", "port"),
    ("javascript:alert(1)", "scheme"),
    ("ftp://example.gov.vn/", "scheme"),
    ("//example.gov.vn/", "scheme"),
    ("https:example.gov.vn", "scheme"),
    ("https://user:pw@example.gov.vn/", "userinfo"),
    ("https://example.gov.vn/?q=1", "query"),
    ("https://example.gov.vn/#top", "query"),
    ("https://exa_mple.gov.vn/", "host"),
    ("https:///path", "host"),
    ("https://-example.gov.vn/", "host"),
    ("https://example.gov.vn/100%", "percent"),
]


@pytest.mark.parametrize(("url", "clean"), ACCEPTED)
def test_accepted_urls_are_written_again(url, clean):
    assert clean_url(url) == (clean, None)
    assert clean_url(clean) == (clean, None)  # idempotent


@pytest.mark.parametrize(("url", "reason"), REFUSED)
def test_refused_urls_say_why(url, reason):
    clean, said = clean_url(url)
    assert clean is None
    assert said.split("{")[0] and said.startswith(URL_REASONS[reason].split("{")[0])


@pytest.mark.parametrize("name", URL_FIELDS)
def test_url_problems_replace_or_drop_each_field(name):
    values = {name: "HTTPS://Example.gov.vn"}
    assert url_problems(values, {name: 4}) == []
    assert values == {name: "https://example.gov.vn/"}
    values = {name: "javascript:alert(1)", "other": "x"}
    problems = url_problems(values, {name: 4})
    assert [(p.code, p.file, p.line, p.field) for p in problems] == [("portal-bad-url", "portal.yml", 4, name)]
    assert values == {"other": "x"}


def test_url_problems_skip_empty_urls():
    values = {"site_url": "", "pdf_base_url": None}
    assert url_problems(values, {}) == []
    assert values == {"site_url": "", "pdf_base_url": None}
