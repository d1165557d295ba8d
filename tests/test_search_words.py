"""The older years' word list (generator/site/search/words.py): a probe over its shards answers as the
whole word list would, for every word of the content (search fixture, and a corpus big enough that
shards are split)."""

from __future__ import annotations

import json

import pytest

from generator.site.search.index import split_years
from generator.site.search.records import letter_view, searchable_text
from generator.site.search.words import KEY_LENGTH, SHARD_BUDGET, record_words, shard_name, write_words
from tests.search_fixtures import make_search_content


def _words(content) -> tuple[set[str], set[str]]:
    """(words of the recent records, words of the older records)."""
    recent, _ = split_years(content.letters)
    words = {True: set(), False: set()}
    for letter in content.letters:
        view = letter_view(letter, content)
        words[view.year in recent] |= record_words(view, searchable_text(letter, view))
    return words[True], words[False]


def _probe(shards: dict, word: str) -> bool:
    """What search.js `olderHas` does with the shards."""
    for k in range(KEY_LENGTH, len(word) + 2):
        data = shards.get(shard_name(word[:k]), [])
        if isinstance(data, list):
            return any(x.startswith(word) for x in data)
        if len(word) <= k:
            return True
    raise AssertionError(word)


def _content(name: str):
    if name == "fixture":
        return make_search_content()
    from scripts.bench_search import make_corpus
    return make_corpus(2_000)


@pytest.mark.parametrize("name", ["fixture", "synthetic 2,000"])
def test_the_probe_answers_as_the_whole_older_word_list(tmp_path, name):
    recent, older = _words(_content(name))
    largest = write_words(tmp_path, older)
    shards = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.json")}
    assert largest <= SHARD_BUDGET
    asked = {w[:n] for w in recent | older for n in range(KEY_LENGTH, len(w) + 1)}
    assert {w for w in asked if _probe(shards, w)} == {w for w in asked if any(x.startswith(w) for x in older)}
    assert any(w not in older for w in recent)  # the probe has something to say no to
    assert (name != "fixture") == any(isinstance(v, dict) for v in shards.values())  # split when big


def test_shard_names_are_safe_file_names():
    assert [shard_name(w) for w in ["da", "1.", "ð", "x"]] == ["da", "1_2e", "_f0", "x"]
