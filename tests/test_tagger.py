"""The tagger's fast path (rules tried only where their first letters stand) finds exactly what
trying every rule at every place finds."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, SEED
from timeline import languages
from timeline.grammar.patterns import (
    first_prefixes,
    grouped_alternation,
    prefix_trie,
    words_alternation,
)
from timeline.tagging import tag


def _both_ways(text, language, monkeypatch):
    fast = tag.find_mentions(text, language)
    monkeypatch.setattr(tag, "INDEX_FROM_LENGTH", len(text) + 1)
    slow = tag.find_mentions(text, language)
    monkeypatch.undo()
    return fast, slow


@pytest.mark.parametrize("code", ["id", "en"])
def test_fast_path_equals_exhaustive_scan_on_articles(code, monkeypatch):
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [
        json.loads(p.read_text(encoding="utf-8"))["text"]
        for p in sorted((FIXTURES / "devset").rglob("*.json"))
    ]
    language = languages.load(code)
    for text in texts:
        fast, slow = _both_ways(text * 2, language, monkeypatch)
        assert fast == slow


WORDS = st.sampled_from(
    [
        "the",
        "a",
        "last",
        "next",
        "19",
        "June",
        "2024",
        "Senin",
        "(17/6)",
        "kemarin",
        "malam",
        "pukul",
        "14.30",
        "WIB",
        "two",
        "years",
        "ago",
        "beberapa",
        "hari",
        "lalu",
        "May",
        "I",
        "Q3",
        "'90s",
        "early",
        "mid-June",
        "akhir",
        "pekan",
        "ini",
        "1990-an",
        "sejak",
        "2019",
        "and",
        "of",
        "06/19/2024",
        "10:30",
        "a.m.",
        "3-7",
        "Juni",
        "1x24",
        "jam",
        "H-3",
        "Lebaran",
        "23.59",
        "twice",
        "week",
        "Theresa",
        "Minggu",
        "(23/6)",
        "pukul",
        "07.05",
        "WITA,",
    ]
)


SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\u00a0", ", ", "-", "/"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(WORDS, SEPARATORS), min_size=40, max_size=120),
    st.sampled_from(["id", "en"]),
)
def test_fast_path_equals_exhaustive_scan_on_random_word_salad(pieces, code):
    language = languages.load(code)
    text = "".join(word + separator for word, separator in pieces)
    fast = tag.find_mentions(text, language)
    saved = tag.INDEX_FROM_LENGTH
    tag.INDEX_FROM_LENGTH = len(text) + 1
    try:
        slow = tag.find_mentions(text, language)
    finally:
        tag.INDEX_FROM_LENGTH = saved
    assert fast == slow


def test_first_prefixes_of_a_rule():
    import re

    pattern = re.compile(r"(?<![\w])(?:(?:about|around) )?(?:[0-9]{1,2}|jan)", re.IGNORECASE)
    prefixes = first_prefixes(pattern, 6)
    assert {"about ", "around", "jan", "9", "99"} <= prefixes
    assert "" not in prefixes


@given(
    st.lists(st.text(alphabet="ab9 (", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="ab9 (", max_size=30),
)
def test_prefix_trie_matches_where_a_prefix_begins(prefixes, text):
    import re

    trie = re.compile(prefix_trie(prefixes))
    for place in range(len(text) + 1):
        expected = any(text.startswith(p, place) for p in prefixes)
        assert (trie.match(text, place) is not None) == expected


@given(
    st.lists(st.text(alphabet="abAB 'K", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="abAB 'K\u212a.", max_size=30),
)
def test_grouped_alternation_matches_as_the_flat_one(words, text):
    import re

    words = [w for w in words if w.strip() == w]  # words as language files list them
    if not words:
        return
    flat = re.compile(rf"(?<!\w)(?:{words_alternation(words)})(?!\w)", re.IGNORECASE)
    grouped = re.compile(rf"(?<!\w)(?:{grouped_alternation(words)})(?!\w)", re.IGNORECASE)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_abbreviated_months_after_a_preposition_but_not_names():
    from timeline import extract

    text = "They met in Jan and Feb. Janos and Jan Kavan signed. The offer runs daily Monday."
    values = [(t.text, t.value) for t in extract(text, "2024-06-21", lang="en").timexes]
    assert ("Jan", "2024-01") in values and ("Feb.", "2024-02") in values
    assert [v for v in values if v[0] == "Jan"] == [("Jan", "2024-01")]  # not Jan Kavan
    assert ("daily", "P1D") in values


def test_every_with_a_day_of_the_month_is_a_yearly_set_of_that_day():
    from timeline import extract

    values = [(t.type, t.value) for t in extract("every March 5", "2024-06-21", lang="en").timexes]
    assert values == [("SET", "XXXX-03-05")]


def test_a_signal_that_decides_the_meaning_stays_outside_the_span():
    from timeline import extract

    [timex] = extract("The vote will be held in two weeks.", "2024-06-19", lang="en").timexes
    assert (timex.text, timex.value) == ("two weeks", "2024-W27")


def test_over_before_a_vague_amount_is_a_preposition_not_more_than():
    from timeline import extract

    [vague] = extract("It evolved over several years.", "2024-06-19", lang="en").timexes
    assert (vague.text, vague.mod) == ("several years", None)
    [counted] = extract("He served over 20 years.", "2024-06-19", lang="en").timexes
    assert (counted.text, counted.mod) == ("over 20 years", "MORE_THAN")


def test_extents_keep_determiners_of_amounts_but_not_of_adjectives():
    from timeline import extract

    def texts(text: str) -> list[str]:
        return [t.text for t in extract(text, "1989-11-02", lang="en").timexes]

    assert texts("He gave them the four days he had promised.") == ["the four days"]
    assert texts("After the eight-year war, trade resumed.") == ["eight-year"]
    assert texts("The year-ago results included a charge.") == ["year-ago"]
    assert texts("Costs rose in the year-ago period.") == ["the year-ago period"]


def test_clock_with_oclock_in_the_part_and_an_approximator():
    from timeline import extract

    [evening] = extract("It was 8 o'clock in the evening.", "2024-06-21", lang="en").timexes
    assert evening.value == "2024-06-21T20:00"
    [about] = extract("They left at about 4 in the morning.", "2024-06-21", lang="en").timexes
    assert (about.text, about.value, about.mod) == (
        "about 4 in the morning",
        "2024-06-21T04:00",
        "APPROX",
    )


def test_a_spoken_year_after_an_article():
    from timeline import extract

    values = [
        t.value for t in extract("a nineteen ninety-seven attack", "1998-02-27", lang="en").timexes
    ]
    assert values == ["1997"]


def test_a_bare_hour_after_a_preposition_joins_the_part_of_a_named_day():
    from timeline import extract

    def values(text: str) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in extract(text, "2024-06-21", lang="en").timexes]

    assert values("The show starts at 9 tonight.") == [("9 tonight", "2024-06-21T21:00")]
    assert values("He left at 11 last night.") == [("11 last night", "2024-06-20T23:00")]
    assert values("He scored 9 tonight.") == [("tonight", "2024-06-21TNI")]
