"""Resolution in context: discourse anchors, governing dates, tense, the document's own years."""

from __future__ import annotations

import json

import jsonschema

from tests.conftest import SEED, run_cli
from timeline import extract
from timeline.models.document import Document


def _values(document):
    return {t.text: t.value for t in document.timexes}


def test_later_and_next_day_count_from_the_previous_time():
    text = (
        "Gempa terjadi pada 3 Maret 2024. Dua hari kemudian bantuan tiba. "
        "Keesokan harinya jalan dibuka."
    )
    document = extract(text, "2024-06-21", lang="id")
    values = _values(document)
    assert values["Dua hari kemudian"] == "2024-03-05"
    assert values["Keesokan harinya"] == "2024-03-06"
    later = next(t for t in document.timexes if t.text == "Dua hari kemudian")
    assert later.anchor_id == "t1" and later.anchor == "2024-03-03"


def test_english_discourse_anchors():
    text = "The plant closed on March 3, 2024. Two days later, workers protested. That year, sales fell."
    values = _values(extract(text, "2024-06-21", lang="en"))
    assert values["Two days later"] == "2024-03-05"
    assert values["That year"] == "2024"


def test_clock_time_right_before_its_date_is_one_expression():
    text = "Pesawat mendarat pukul 07.05 WITA, Senin (17/6), di Makassar."
    [timex] = extract(text, "2024-06-21", lang="id").timexes
    assert timex.text == "pukul 07.05 WITA, Senin (17/6)"
    assert (timex.type, timex.value) == ("TIME", "2024-06-17T07:05")
    assert timex.start == "2024-06-17T07:05+08:00"


def test_clock_time_takes_the_date_that_follows_it_in_the_sentence():
    text = "Pesawat mendarat pukul 07.05 WITA di Bandara Sultan Hasanuddin, Senin (17/6)."
    document = extract(text, "2024-06-21", lang="id")
    clock = next(t for t in document.timexes if t.text.startswith("pukul"))
    assert clock.value == "2024-06-17T07:05"
    assert clock.start == "2024-06-17T07:05+08:00"
    day = next(t for t in document.timexes if t.text.startswith("Senin"))
    assert clock.anchor_id == day.id


def test_clock_time_without_a_day_takes_the_previous_sentence_day():
    text = "Laga digelar Sabtu (14/9/2024) malam. Pertandingan dimulai pukul 19.00 WIB."
    document = extract(text, "2024-09-16", lang="id")
    clock = next(t for t in document.timexes if t.text.startswith("pukul"))
    assert clock.value == "2024-09-14T19:00"


def test_a_deadline_preposition_points_ahead():
    document = extract("The judge ordered him to report by noon Friday.", "2024-02-29", lang="en")
    assert document.timexes[0].value == "2024-03-01T12:00"


def test_last_and_next_with_a_season_skip_the_current_one():
    values = _values(
        extract("Last winter was mild; next spring looks wet.", "2024-12-30", lang="en")
    )
    assert values == {"Last winter": "2023-WI", "next spring": "2025-SP"}


def test_a_month_takes_the_year_its_sentence_set():
    text = "Kerusuhan terjadi pada 2019, ketika RUU dikebut pada September."
    values = _values(extract(text, "2024-06-21", lang="id"))
    assert values["September"] == "2019-09"


def test_years_inside_names_are_not_expressions():
    text = "Atlet berlatih untuk SEA Games 2025 dan Jakarta Marathon 2025, kata dia pada 2024."
    values = _values(extract(text, "2024-06-21", lang="id"))
    assert values == {"2024": "2024"}


def test_a_law_number_is_not_a_date():
    assert (
        extract("Sesuai UU Nomor 7 Tahun 2017 tentang Pemilu.", "2024-06-21", lang="id").timexes
        == []
    )


def test_days_before_a_holiday():
    values = _values(
        extract("Puncak arus mudik terjadi H-3 Lebaran 2025.", "2025-03-01", lang="id")
    )
    assert values == {"H-3 Lebaran 2025": "2025-03-28"}


def test_clock_time_without_a_date_in_its_sentence_is_on_the_publication_day():
    document = extract("Rapat dimulai pukul 09.00 WIB.", "2024-06-21", lang="id")
    assert document.timexes[0].value == "2024-06-21T09:00"
    assert document.timexes[0].anchor_id == "t0"


def test_future_tense_moves_a_bare_weekday_forward():
    past = extract("Presiden telah berkunjung Senin.", "2024-06-21", lang="id")
    future = extract("Presiden akan berkunjung Senin.", "2024-06-21", lang="id")
    assert past.timexes[0].value == "2024-06-17"
    assert future.timexes[0].value == "2024-06-24"


def test_past_tense_picks_the_past_month_unless_the_future_one_is_far_nearer():
    # Published 2024-11-10: the next March is 111 days away, the last one ended 223 days ago.
    past = extract("The company said sales rose in March.", "2024-11-10", lang="en")
    none = extract("Sales in March.", "2024-11-10", lang="en")
    assert past.timexes[0].value == "2024-03"
    assert none.timexes[0].value == "2025-03"
    # Published 2024-01-10: the next March is 51 days away, the last ended 284 days ago; a
    # sentence's tense is too weak a cue to move the date almost a year back.
    weak = extract("The company said sales rose in March.", "2024-01-10", lang="en")
    assert weak.timexes[0].value == "2024-03"


def test_weekday_and_numbers_that_disagree_give_a_warning_not_a_failure():
    document = extract("Sidang digelar Kamis (19/6/2024).", "2024-06-21", lang="id")
    timex = document.timexes[0]
    assert timex.value == "2024-06-19"
    assert timex.warnings


def test_a_year_ago_after_a_quarter_is_that_quarter_a_year_before():
    text = "Third-quarter profit rose 5% from a year ago."
    values = _values(extract(text, "1989-10-26", lang="en"))
    assert values["Third-quarter"] == "1989-Q3"
    assert values["a year ago"] == "1988-Q3"


def test_since_a_date_runs_to_the_publication_date():
    document = extract("Sejak 2019, harga terus naik.", "2024-06-21", lang="id")
    event = document.events[0]
    assert event.relation == "since"
    assert (event.start, event.end) == ("2019-01-01", "2024-06-22")


def test_same_input_gives_byte_identical_json():
    text = SEED.read_text(encoding="utf-8")
    first = extract(text, "2024-06-21", lang="id", doc_id="seed").model_dump_json()
    second = extract(text, "2024-06-21", lang="id", doc_id="seed").model_dump_json()
    assert first == second


def test_real_output_validates_against_the_published_schema():
    schema_run = run_cli("schema")
    assert schema_run.returncode == 0
    schema = json.loads(schema_run.stdout)
    assert schema == Document.model_json_schema()
    output = run_cli("extract", str(SEED), "--published", "2024-06-21")
    assert output.returncode == 0
    jsonschema.validate(json.loads(output.stdout), schema)


def test_jsonl_corpus_keeps_one_line_per_record_in_order(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "Kemarin hujan.", "published": "2024-06-21"}),
                "{not json",
                json.dumps({"id": "c", "published": "2024-06-21"}),
                json.dumps({"id": "d", "text": "Yesterday it rained.", "published": "2024-02-30"}),
                json.dumps({"id": "e", "text": "Last week it rained.", "published": "2024-06-21"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("extract", str(corpus), "--format", "jsonl")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("id") for line in lines] == ["a", None, "c", "d", "e"]
    assert [line.get("line") for line in lines if "error" in line] == [2, 3, 4]
    assert lines[0]["timexes"][0]["value"] == "2024-06-20"
    assert lines[4]["timexes"][0]["value"] == "2024-W24"
    assert len(result.stderr.strip().splitlines()) == 1


def test_plain_text_without_published_is_a_usage_error():
    result = run_cli("extract", str(SEED))
    assert result.returncode == 2
    assert "--published" in result.stderr


def test_a_range_gives_two_expressions_and_one_event_spanning_them():
    text = "JAKARTA, KOMPAS.com - Pameran digelar 17-19 Juni 2024 di Jakarta."
    document = extract(text, "2024-06-21", lang="id")
    assert [(t.text, t.value) for t in document.timexes] == [
        ("17", "2024-06-17"),
        ("19 Juni 2024", "2024-06-19"),
    ]
    event = document.events[0]
    assert (event.start, event.end) == ("2024-06-17", "2024-06-20")
    assert event.text.startswith("Pameran digelar")  # the dateline is not part of the event


def test_from_until_is_a_bounded_event_not_since():
    text = "Hujan lebat terjadi sejak Sabtu (22/6/2024) hingga Senin (24/6/2024)."
    event = extract(text, "2024-06-21", lang="id").events[0]
    assert event.relation == "at"
    assert (event.start, event.end) == ("2024-06-22", "2024-06-25")


def test_since_a_future_time_is_not_a_since_event():
    event = extract("Harga naik sejak awal 2025.", "2024-06-21", lang="id").events[0]
    assert event.relation == "at"
    assert event.start == "2025-01-01"


def test_a_month_range_shares_the_year_of_its_end():
    values = _values(
        extract("Kemarau terjadi dari Juli hingga Oktober 2023.", "2024-06-21", lang="id")
    )
    assert values == {"Juli": "2023-07", "Oktober 2023": "2023-10"}


def test_the_next_days_start_on_the_publication_day():
    timex = extract("Waspada selama tiga hari ke depan.", "2024-06-21", lang="id").timexes[0]
    assert (timex.value, timex.start, timex.end) == ("P3D", "2024-06-21", "2024-06-25")


def test_traffic_is_not_a_connective():
    event = extract("Lalu lintas padat pukul 07.00 WIB.", "2024-06-21", lang="id").events[0]
    assert event.text.startswith("Lalu lintas")


def test_a_year_before_a_relative_unit_is_a_year_not_a_count():
    document = extract(
        "Atlet itu meraih emas di Olimpiade 2024 bulan lalu.", "2024-08-21", lang="id"
    )
    values = _values(document)
    assert values["bulan lalu"] == "2024-07"
    assert "1855" not in str(values)
    assert _values(extract("Laporan 2023 tahun lalu dirilis.", "2025-03-01", lang="id")) == {
        "2023": "2023",
        "tahun lalu": "2024",
    }


def test_a_deadline_month_lies_ahead_unless_it_closes_a_range():
    ahead = _values(extract("The bridge stays closed until May.", "2024-10-15", lang="en"))
    assert ahead == {"May": "2025-05"}
    ranged = _values(extract("Kemarau berlangsung dari April hingga Mei.", "2024-06-21", lang="id"))
    assert ranged == {"April": "2024-04", "Mei": "2024-05"}


def test_a_future_clause_does_not_borrow_the_sentence_year():
    text = "Proyek dimulai pada 2019 dan akan selesai pada September."
    assert _values(extract(text, "2024-06-21", lang="id"))["September"] == "2024-09"


def test_a_capitalised_word_in_ed_is_not_a_past_tense():
    text = "The father will be traveling to the United States Thursday."
    assert _values(extract(text, "2000-04-05", lang="en"))["Thursday"] == "2000-04-06"


def test_a_quotation_keeps_its_own_tense():
    # The cue outside the quotation ('said') must not decide for the time inside it.
    text = 'He said: "Talks end in September."'
    assert _values(extract(text, "2024-06-19", lang="en"))["September"] == "2024-09"
    text = '"The father will leave Thursday," Castro said.'
    assert _values(extract(text, "2000-04-05", lang="en"))["Thursday"] == "2000-04-06"
    # Scare quotes around a name are no quotation of the clause: 'will' still counts.
    text = 'He will speak at the "Unity" rally Thursday.'
    assert _values(extract(text, "2000-04-05", lang="en"))["Thursday"] == "2000-04-06"


def test_since_puts_a_bare_date_in_the_past():
    text = "Police have searched for him since shortly after the Oct. 23 shooting."
    assert _values(extract(text, "1999-05-06", lang="en"))["Oct. 23"] == "1998-10-23"
    text = "Warga mengungsi sejak 23 Oktober."
    assert _values(extract(text, "2024-06-21", lang="id"))["23 Oktober"] == "2023-10-23"


def test_a_deadline_word_in_a_perfect_clause_means_as_of():
    text = "Thirty members had filed their reports by Wednesday."
    assert _values(extract(text, "1990-08-16", lang="en"))["Wednesday"] == "1990-08-15"
    assert (
        _values(extract("Reports are due by Wednesday.", "1990-08-16", lang="en"))["Wednesday"]
        == "1990-08-22"
    )
    text = "Hingga Jumat, 20 orang telah ditangkap."
    assert _values(extract(text, "2024-06-22", lang="id"))["Jumat"] == "2024-06-21"
    assert (
        _values(extract("Pendaftaran dibuka hingga Jumat.", "2024-06-22", lang="id"))["Jumat"]
        == "2024-06-28"
    )


def test_a_decade_is_no_anchor_for_a_counted_day():
    text = "Tensions eased in the early 1990s. The day before the hearing, he flew home."
    values = _values(extract(text, "2000-02-24", lang="en"))
    assert values["The day before"] == "2000-02-23"


def test_a_bare_weekend_is_told_like_a_weekday():
    # Monday: the weekend just gone; Friday: the coming one; a future cue moves it ahead.
    assert (
        _values(extract("Officials met over the weekend.", "1990-08-13", lang="en"))["the weekend"]
        == "1990-W32-WE"
    )
    assert (
        _values(extract("Rain is forecast for the weekend.", "2024-06-21", lang="en"))[
            "the weekend"
        ]
        == "2024-W25-WE"
    )
    text = "Warga akan berkumpul pada akhir pekan."
    assert _values(extract(text, "2024-06-17", lang="id"))["akhir pekan"] == "2024-W25-WE"


def test_in_n_units_in_a_past_clause_is_how_long_it_took():
    past = extract("Iraq responded in less than one hour.", "1998-02-13", lang="en").timexes[0]
    assert (past.type, past.value) == ("DURATION", "PT1H")
    ahead = extract("The vote will be held in two weeks.", "1998-02-13", lang="en").timexes[0]
    assert (ahead.type, ahead.value) == ("DATE", "1998-W09")


def test_words_in_ed_that_are_no_past_tense_give_no_cue():
    text = "Mr. Schwarz will succeed Mr. Davison Feb. 1."
    assert _values(extract(text, "1989-10-26", lang="en"))["Feb. 1"] == "1990-02-01"


def test_a_past_tense_reaches_back_to_a_month_not_four_times_farther_than_the_future_one():
    # January 1998 ended 267 days before the reference, January 1999 starts in 68: past wins.
    text = "In January, a clinic bombing killed a security guard."
    assert _values(extract(text, "1998-10-25", lang="en"))["January"] == "1998-01"


def test_a_year_is_no_anchor_for_a_counted_day_but_a_month_is_for_a_week():
    text = "The family settled in Miami in 1990. The day before the hearing, he flew home."
    assert _values(extract(text, "2000-02-24", lang="en"))["The day before"] == "2000-02-23"
    text = "The talks began in March 2024. A week later, they broke down."
    assert _values(extract(text, "2024-06-21", lang="en"))["A week later"] == "2024-W10"


def test_a_past_tense_says_nothing_about_a_possessive_weekday():
    # On a Friday: 'said' would push a bare Friday a week back; "Friday's edition" is today's.
    text = "The paper said Friday’s edition carried the editorial."
    assert _values(extract(text, "2000-01-28", lang="en"))["Friday"] == "2000-01-28"
    text = "Voters will go to the polls ahead of Sunday's election."
    assert _values(extract(text, "2024-06-19", lang="en"))["Sunday"] == "2024-06-23"


def test_an_adjective_in_ed_is_no_past_tense():
    text = "The split would be paid on a still unspecified date in January."
    assert _values(extract(text, "1989-10-26", lang="en"))["January"] == "1990-01"


def test_a_quarter_does_not_set_the_year_of_a_day_in_its_sentence():
    text = "The company earned C$4.7 million for the fiscal first quarter ended Sept. 30."
    assert _values(extract(text, "1989-10-26", lang="en"))["Sept. 30"] == "1989-09-30"


def test_a_perfect_in_a_relative_clause_does_not_turn_a_deadline_around():
    text = (
        "The sale, which had been expected, is part of a program to pay down "
        "$5 billion of a bridge loan by February."
    )
    assert _values(extract(text, "1989-10-30", lang="en"))["February"] == "1990-02"


def test_malam_before_a_holiday_is_its_eve():
    text = "Menjelang malam pergantian tahun, KAI menambah perjalanan KRL."
    assert _values(extract(text, "2025-12-31", lang="id"))["malam pergantian tahun"] == (
        "2025-12-31TNI"
    )


def test_the_document_year_of_a_month_yields_to_a_weekday_that_does_not_match_it():
    text = "Vonis dijatuhkan pada Maret 2023. Mereka menggelar aksi pada Senin (4/3) pagi."
    assert _values(extract(text, "2024-02-29", lang="id"))["Senin (4/3) pagi"] == "2024-03-04TMO"


def test_a_bare_akhir_pekan_on_monday_is_the_weekend_just_gone():
    text = "Pada akhir pekan, pimpinan fraksi koalisi bertemu secara tertutup."
    assert _values(extract(text, "2023-10-16", lang="id"))["akhir pekan"] == "2023-W41-WE"


def test_in_n_units_is_a_span_only_in_a_clause_of_its_own_past():
    # 'said' is the report's tense; 'from now' and 'lagi' are always ahead.
    for text, lang in [
        ("The company said it expects results in two weeks.", "en"),
        ("He said the plant opens two weeks from now.", "en"),
        ("Pemerintah telah mengumumkan pemilu digelar dua minggu lagi.", "id"),
    ]:
        [timex] = extract(text, "2024-06-19", lang=lang).timexes
        assert (timex.type, timex.value) == ("DATE", "2024-W27"), text


def test_since_looks_back_however_near_the_next_occurrence_is():
    assert (
        _values(extract("Sales have risen since Aug. 1.", "2024-06-19", lang="en"))["Aug. 1"]
        == "2023-08-01"
    )
    assert _values(extract("Harga turun sejak Juli.", "2024-06-19", lang="id"))["Juli"] == (
        "2023-07"
    )


def test_indonesian_telah_before_a_deadline_still_looks_ahead():
    # 'telah' is the plain past too: only 'Hingga Jumat, ... telah' (time first) means 'as of'.
    text = "Pemerintah telah memperpanjang PPKM hingga Senin."
    assert _values(extract(text, "2024-06-19", lang="id"))["Senin"] == "2024-06-24"


def test_a_hyphenated_ed_word_is_an_adjective():
    text = "The so-called jobs summit opens in September."
    assert _values(extract(text, "2024-06-19", lang="en"))["September"] == "2024-09"


def test_a_reporting_verb_after_the_time_dates_the_report_not_the_news():
    text = "Pilots will stage a strike starting Tuesday, their union said on Friday."
    assert _values(extract(text, "2026-02-27", lang="en"))["Tuesday"] == "2026-03-03"
    text = "The union said Friday that pilots had walked out."
    assert _values(extract(text, "2026-02-28", lang="en"))["Friday"] == "2026-02-27"


def test_an_ordinary_past_verb_makes_in_n_units_a_span():
    # 'wrote', 'added' are the clause's own verbs, not a report of it.
    for text in ["He wrote the novel in two weeks.", "The firm added 500 jobs in three months."]:
        [timex] = extract(text, "2024-06-19", lang="en").timexes
        assert timex.type == "DURATION", text


def test_a_possessive_weekday_ignores_the_clause_and_deadline_words():
    text = "The relatives said they would look for ways to get around Wednesday's ruling."
    assert _values(extract(text, "2000-01-07", lang="en"))["Wednesday"] == "2000-01-05"
    text = "Nestle's share of 7% before Friday's purchases is far below its rivals'."
    assert _values(extract(text, "1989-10-30", lang="en"))["Friday"] == "1989-10-27"


def test_a_reporting_verb_before_a_quotation_does_not_reach_into_it():
    text = 'Castro said Thursday: "we will not give up."'
    assert _values(extract(text, "2000-04-07", lang="en"))["Thursday"] == "2000-04-06"


def test_clock_times_with_a_part_of_a_named_day():
    cases = {
        "Ia tiba pukul 11 kemarin malam.": ("pukul 11 kemarin malam", "2024-06-20T23:00"),
        "Ia tiba pukul 02.00 tadi malam.": ("pukul 02.00 tadi malam", "2024-06-21T02:00"),
        "Kereta berangkat pukul 07.00 WIB besok pagi.": (
            "pukul 07.00 WIB besok pagi",
            "2024-06-22T07:00",
        ),
    }
    for text, expected in cases.items():
        [timex] = extract(text, "2024-06-21", lang="id").timexes
        assert (timex.text, timex.value) == expected, text


def test_pergantian_tahun_of_a_school_or_budget_year_is_no_holiday():
    text = "Menjelang pergantian tahun ajaran baru, sekolah membuka pendaftaran."
    assert extract(text, "2024-06-21", lang="id").timexes == []


def test_the_first_units_of_a_named_year_are_placed_from_its_first_day():
    for text in [
        "Laba sembilan bulan pertama 2024 naik.",
        "Laba sembilan bulan pertama tahun ini naik.",
    ]:
        [timex] = extract(text, "2024-10-30", lang="id").timexes
        assert (timex.value, timex.start, timex.end) == ("P9M", "2024-01-01", "2024-10-01"), text


def test_an_event_takes_a_finer_time_its_preposition_introduces():
    text = (
        "The company expects to report fourth-quarter results on Feb. 4. "
        "Acme said Tuesday that profit rose from a year earlier."
    )
    document = extract(text, "2024-10-29", lang="en")
    by_text = {e.text: e for e in document.events}
    report = next(e for t, e in by_text.items() if t.startswith("The company expects"))
    assert (report.start, report.end) == ("2025-02-04", "2025-02-05")
    said = next(e for t, e in by_text.items() if t.startswith("Acme said"))
    assert said.start == "2024-10-29"


def test_an_ed_form_after_a_future_word_is_no_past_tense():
    text = "The airline said it would contact affected passengers over the weekend."
    assert _values(extract(text, "2026-02-27", lang="en"))["the weekend"] == "2026-W09-WE"
    text = "He said the plant closed Friday."
    assert _values(extract(text, "2024-06-19", lang="en"))["Friday"] == "2024-06-14"


def _clock(text: str, published: str, lang: str) -> str:
    return next(t.value for t in extract(text, published, lang=lang).timexes if t.type == "TIME")


def test_a_date_reported_after_mengatakan_is_no_attribution():
    # 'mengatakan' opens what is reported: Saturday is the event's day, and it governs the clock
    text = "Budi mengatakan acara digelar Sabtu (15/3). Acara dimulai pukul 19.00 WIB."
    assert _clock(text, "2025-03-14", "id") == "2025-03-15T19:00"


def test_a_time_after_said_friday_that_is_what_is_reported():
    text = "The union said Friday that the strike starts Monday, March 17. Pickets form at 6 a.m."
    assert _clock(text, "2025-03-14", "en") == "2025-03-17T06:00"


def test_an_attribution_date_dates_nothing_after_its_sentence():
    text = '"Kami siap," kata Budi, Jumat (14/3). Rapat dimulai pukul 09.00 WIB.'
    document = extract(text, "2025-03-17", lang="id")
    clock = document.timexes[-1]
    assert (clock.value, clock.anchor_id) == ("2025-03-17T09:00", "t0")


def test_a_clock_time_takes_a_coming_day_only_in_a_clause_that_does_not_speak_of_the_past():
    future = (
        "Final digelar Minggu (16/3). Penonton sudah datang. Laga akan dimulai pukul 19.00 WIB."
    )
    past = "Final digelar Minggu (16/3). Penonton sudah datang. Tiket telah habis pukul 19.00 WIB."
    assert _clock(future, "2025-03-14", "id") == "2025-03-16T19:00"
    assert _clock(past, "2025-03-14", "id") == "2025-03-14T19:00"
