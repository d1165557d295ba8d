"""The older years' word list (generator/search/words.py), generated from the search fixture content."""

from __future__ import annotations

import json

from generator.search.index import split_years
from generator.search.records import letter_view, searchable_text
from generator.search.words import KEY_LENGTH, record_words, shard_name, write_words
from generator.vtext import fold
from tests.search_fixtures import make_search_content


def test_every_word_of_an_older_record_is_in_its_shard_and_no_recent_only_word_is(tmp_path):
    content = make_search_content()
    recent, _ = split_years(content.letters)
    words = {True: set(), False: set()}
    for letter in content.letters:
        view = letter_view(letter, content)
        words[view.year in recent] |= record_words(view, searchable_text(letter, view))
    write_words(tmp_path, words[False])
    shards = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.json")}
    probed = {w for w in words[False] | words[True] if len(w) >= KEY_LENGTH}
    found = {w for w in probed if any(x.startswith(w) for x in shards.get(shard_name(w), []))}
    assert found == {w for w in probed if any(x.startswith(w) for x in words[False])}
    assert set(fold("Lê Văn Dục").split()[1:]) <= found  # the old letter's signer


def test_shard_names_are_safe_file_names():
    assert [shard_name(w) for w in ["dak", "1.00", "ð", "x"]] == ["da", "1_2e", "_f0", "x"]
