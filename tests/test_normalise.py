"""Scraping artefacts: glued words and undecoded character references, repaired with offsets
that still count code points of the text the user gave."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline import extract
from timeline.ingest.normalise import normalise


def test_clean_text_is_left_alone_at_no_cost():
    text = "Banjir melanda Demak sejak Minggu (17/3/2024) pukul 07.05 WIB."
    normal = normalise(text)
    assert normal.text is text and not normal.changed
    assert normal.original_span(5, 20) == (5, 20)


def test_glued_words_and_times_get_their_space():
    repaired = {
        "Sejak2019 harga naik": "Sejak 2019 harga naik",
        "Senin(23/6)pukul07.05WIB": "Senin(23/6) pukul 07.05 WIB",
        "hingga Juni2024": "hingga Juni 2024",
        "APBN 2025ini": "APBN 2025 ini",
        "(19:00-03:00hrs)": "(19:00-03:00hrs)",  # a range in a token with ':' stays
        # a link's words glued to the text around them
        "PertandinganReal Madrid": "Pertandingan Real Madrid",
        "babak 16 besarPiala Dunia": "babak 16 besar Piala Dunia",
        "gol lagaReal": "gol laga Real",
    }
    for given_text, expected in repaired.items():
        assert normalise(given_text).text == expected, given_text


def test_codes_units_ordinals_names_and_links_stay_as_written():
    for text in (
        "G20 COVID19 MH370 Frog7 iPhone15 di2019 1990s 21st 10km A1257Anker hotline0813-8519",
        "http://t.co/oMw78z3DVj #iddvol2 t.co/abcd2019 @budi2024",
        "AT&T &nosuchname; &amp without a semicolon",
        "YouTube WhatsApp BlackBerry MasterCard LinkedIn iPhone eBay McDonald PlayStation",
        "#ThrowbackThursday @budisantosoKeren t.co/abcdefghIjk",
    ):
        assert normalise(text).text == text


def test_character_references_are_decoded_and_map_back_whole():
    text = "Jakarta&nbsp;&ndash; Banjir 12&nbsp;Juni&#8211;13 Juni"
    normal = normalise(text)
    assert normal.text == "Jakarta – Banjir 12 Juni–13 Juni"
    dash = normal.text.index("–")
    assert normal.original_span(dash, dash + 1) == (13, 20)  # '&ndash;'
    begin = normal.text.index("12")
    assert text[slice(*normal.original_span(begin, begin + len("12 Juni")))] == "12&nbsp;Juni"


def test_extract_finds_the_year_and_the_clock_time_of_glued_text():
    """Issue 14: 'Sejak2019' lost its year, 'Senin(23/6)pukul07.05' its time."""
    text = "Harga beras naik Sejak2019. Gempa terjadi Senin(23/6)pukul07.05 WIB di Garut."
    document = extract(text, "2024-06-25", lang="id")
    found = {t.text: (t.value, tuple(t.span)) for t in document.timexes}
    assert found["2019"] == ("2019", (22, 26))
    clock = "Senin(23/6)pukul07.05 WIB"
    assert found[clock] == ("2024-06-23T07:05", (42, 42 + len(clock)))
    for timex in document.timexes:
        assert text[timex.span[0] : timex.span[1]] == timex.text
    assert document.text_length == len(text)


def test_titles_and_event_text_are_decoded_while_spans_stay_on_the_original():
    text = "Harga beras &amp; gula&nbsp;naik sejak 12&nbsp;Juni 2024, kata BPS."
    document = extract(text, "2024-06-25", lang="id", title="Harga&nbsp;naik &ndash; BPS")
    assert document.title == "Harga naik – BPS"
    (timex,) = document.timexes
    assert timex.text == "12&nbsp;Juni 2024" == text[timex.span[0] : timex.span[1]]
    (event,) = document.events
    assert event.text.startswith("Harga beras & gula naik")
    begin, end = event.span
    assert text[begin:end].startswith("Harga beras &amp; gula&nbsp;naik")


def test_links_in_event_text_are_not_altered():
    text = "Pada Senin (24/6) Samsung merilis katalog baru http://t.co/oMw78z3DVj untuk pembeli."
    document = extract(text, "2024-06-25", lang="id")
    assert "http://t.co/oMw78z3DVj" in document.events[0].text


ARTEFACTS = st.text(
    alphabet=st.sampled_from(list("aS j2019()&;#x nbsp ndash 07.05 WIB Juni\n")), max_size=80
)


@given(ARTEFACTS)
def test_every_repaired_span_maps_inside_the_original_in_order(text):
    normal = normalise(text)
    previous = 0
    for offset in range(len(normal.text) + 1):
        begin = normal.original_start(min(offset, max(len(normal.text) - 1, 0)))
        end = normal.original_end(offset)
        assert 0 <= begin <= len(text) and 0 <= end <= len(text)
        assert end >= previous  # ends never move backwards
        previous = end
    for offset, char in enumerate(normal.text):
        begin, end = normal.original_span(offset, offset + 1)
        if end - begin == 1:
            assert text[begin] == char or (text[begin] == "\xa0" and char == " ")
