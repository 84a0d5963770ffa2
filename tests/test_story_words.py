"""What a report says, as the merge compares it: stems, concepts, names, numbers (stories/)."""

from __future__ import annotations

import pytest

from timeline import languages
from timeline.grammar.patterns import GrammarError
from timeline.languages.stemmers import UnknownStemmer, stemmer_named
from timeline.languages.stories import compile_stories
from timeline.stories.times import agreed_box, compatible, make_box
from timeline.stories.words import blank, name_candidates, reader, tokens


def _features(code: str, text: str) -> dict[str, float]:
    found = tokens(text)
    return reader(code).features(found, name_candidates(found))


def test_indonesian_affixes_fold_with_sastrawi():
    stem = stemmer_named("sastrawi")
    assert {stem(w) for w in ("menemukan", "penemuan", "ditemukan")} == {"temu"}
    assert {stem(w) for w in ("memeriksa", "diperiksa", "pemeriksaan")} == {"periksa"}


def test_actions_are_shared_across_languages():
    found = _features("id", "Relawan menemukan pendaki itu.")
    assert "a:find" in found
    assert "a:find" in _features("en", "Volunteers found the hiker.")
    assert "a:find" in _features("en", "The hiker was discovered.")
    assert "a:sink" in _features("id", "Kapal itu karam.")
    assert "a:sink" in _features("id", "Kapal itu tenggelam.")


def test_numbers_by_value_in_digits_and_words():
    assert "#:1200" in _features("en", "Some twelve hundred villagers")
    assert "#:1200" in _features("en", "evacuated 1,200 residents")
    assert "#:1200" in _features("id", "sebanyak 1.200 warga")
    assert "#:120" in _features("en", "raised to one hundred and twenty")
    assert "#:23" in _features("id", "dua puluh tiga orang")


def test_names_initials_and_sentence_openers():
    found = _features("id", "Salsabila Putri Anjani keluar dari rumah sakit.")
    assert {"n:salsabila", "n:putri", "n:anjani", "n:spa"} <= set(found)
    assert "n:hw" in _features("en", "The owner, H.W., was questioned.")
    assert not any(f.startswith("n:") for f in _features("en", "Rescuers found her."))


def test_times_and_datelines_are_not_content():
    text = "SUKABUMI, Warta Nusa – Tim SAR menemukan korban pada Kamis (26/6/2025) pukul 05.40 WIB."
    begin = text.index("Kamis")
    piece = blank(text, 0, len(text), [(begin, len(text) - 1)])
    found = reader("id").features(tokens(piece), set())
    assert not any("warta" in f or "kamis" in f or f.startswith("#:") for f in found)
    assert "a:find" in found


def test_time_compatibility_and_the_agreed_date():
    minute = make_box(
        "2025-06-26T05:40+07:00",
        "2025-06-26T05:41+07:00",
        "2025-06-26T05:40",
        "TIME",
        "minute",
        False,
    )
    morning = make_box(
        "2025-06-26T06:00", "2025-06-26T12:00", "2025-06-26TMO", "TIME", "part_of_day", False
    )
    day = make_box("2025-06-26", "2025-06-27", "2025-06-26", "DATE", "day", False)
    month = make_box("2025-06-01", "2025-07-01", "2025-06", "DATE", "month", False)
    other = make_box("2025-06-25", "2025-06-26", "2025-06-25", "DATE", "day", False)
    assert minute and morning and day and month and other
    assert compatible(minute, morning) and compatible(day, month) and compatible(minute, month)
    assert not compatible(day, other)
    assert agreed_box([minute, day]).value == "2025-06-26T05:40"
    assert agreed_box([minute, morning]).value == "2025-06-26"  # 05.40 is not in the morning
    assert agreed_box([day, month]).value == "2025-06-26"


def test_language_files_name_known_stemmers():
    for code in languages.available():
        stemmer_named(languages.load(code).stories.stemmer)("kata")
    with pytest.raises(UnknownStemmer):
        stemmer_named("porter-from-the-web")
    with pytest.raises(GrammarError):
        compile_stories({"stemmer": "No Such!"}, "xx", "xx.toml")
    with pytest.raises(GrammarError):
        compile_stories({"actions": {"temu": 3}}, "xx", "xx.toml")
