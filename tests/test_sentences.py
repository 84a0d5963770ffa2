"""Sentence boundaries: what tense cues, clock times and events are scoped to."""

from timeline import languages
from timeline.ingest.sentences import sentence_index, split_sentences


def _split(text, code="id"):
    return [
        text[s.start : s.end] for s in split_sentences(text, languages.load(code).abbreviations)
    ]


def test_periods_before_capitals_end_sentences():
    assert _split("Dia datang. Lalu pergi! Apa? Ya.") == [
        "Dia datang.",
        "Lalu pergi!",
        "Apa?",
        "Ya.",
    ]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert _split("Dr. Budi tiba. Ia bertemu Mr. X.", "en") == [
        "Dr. Budi tiba.",
        "Ia bertemu Mr. X.",
    ]
    assert _split("J. Smith spoke at 10 a.m. Friday.", "en") == [
        "J. Smith spoke at 10 a.m. Friday."
    ]


def test_a_lowercase_word_after_a_period_continues_the_sentence():
    assert _split("Harga naik 2.5 persen. kata dia.") == ["Harga naik 2.5 persen. kata dia."]


def test_line_breaks():
    assert _split("Judul\n\nparagraf satu.\nBaris Dua") == ["Judul", "paragraf satu.", "Baris Dua"]


def test_quotes_and_digits_open_sentences():
    text = 'Ia berkata. "Kami siap." 2024 adalah tahun sulit.'
    assert _split(text) == ["Ia berkata.", '"Kami siap."', "2024 adalah tahun sulit."]


def test_sentence_index_finds_the_sentence_of_an_offset():
    text = "Satu dua. Tiga empat. Lima."
    sentences = split_sentences(text)
    assert [sentence_index(sentences, text.index(w)) for w in ("dua", "Tiga", "Lima")] == [0, 1, 2]


def test_run_on_text_is_one_sentence_and_empty_text_none():
    assert len(split_sentences("kata " * 1000)) == 1
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []


def test_datelines_are_recognised_and_left_out_of_titles():
    from timeline.ingest.readers import title_of
    from timeline.ingest.sentences import dateline_end

    text = "JAKARTA, KOMPAS.com - Banjir melanda Bekasi."
    assert text[dateline_end(text) :] == "Banjir melanda Bekasi."
    assert dateline_end("WASHINGTON (AP) -- Congress voted.") == len("WASHINGTON (AP) -- ")
    assert dateline_end("Banjir melanda Bekasi.") == 0
    assert title_of("TajukRakyat.com,- Dua negara sepakat.\nIsi.") == "Dua negara sepakat."
