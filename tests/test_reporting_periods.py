"""Earnings reports: the period a report is about, and year-on-year comparisons with it."""

from __future__ import annotations

from timeline import extract


def _timexes(text: str, published: str, lang: str = "en") -> dict[str, list]:
    found: dict[str, list] = {}
    for timex in extract(text, published, lang=lang).timexes:
        found.setdefault(timex.text, []).append(timex)
    return found


def test_a_year_earlier_compares_with_the_reported_quarter_for_as_long_as_it_is_in_focus():
    text = (
        "Acme said third-quarter profit rose 8%. Sales climbed to $2 billion. "
        "Margins widened in Europe. Revenue rose from $1.8 billion a year earlier."
    )
    found = _timexes(text, "2023-10-26")
    assert found["a year earlier"][0].value == "2022-Q3"


def test_a_stated_year_or_a_longer_span_ends_the_quarter_focus():
    text = (
        "Acme said third-quarter profit rose 8%. For the nine months, profit fell 2% "
        "from a year earlier."
    )
    assert _timexes(text, "2023-10-26")["a year earlier"][0].value == "2022"
    text = "Acme said third-quarter profit rose 8%. This year, sales were up from a year ago."
    assert _timexes(text, "2023-10-26")["a year ago"][0].value == "2022"


def test_last_year_compares_only_after_a_comparison_word():
    compared = "Acme posted third-quarter net of $5 million, compared with a loss last year."
    assert _timexes(compared, "2023-10-26")["last year"][0].value == "2022-Q3"
    named = "Acme posted third-quarter net of $5 million. Last year it opened a plant."
    assert _timexes(named, "2023-10-26")["Last year"][0].value == "2022"


def test_indonesian_last_year_in_a_comparison_is_the_same_quarter():
    text = "Laba kuartal III naik 12% dibandingkan tahun lalu."
    assert _timexes(text, "2023-10-26", "id")["tahun lalu"][0].value == "2022-Q3"
    text = "Laba kuartal III naik 12%. Pada tahun lalu, perusahaan membuka pabrik."
    assert _timexes(text, "2023-10-26", "id")["tahun lalu"][0].value == "2022"


def test_a_comparison_does_not_move_the_discourse_forward():
    # 'a year earlier' twice: the second still looks back from the reported period, not from
    # the first comparison's year (which would give 2021).
    text = (
        "In the third quarter, net rose to $9 million from $7 million a year earlier. "
        "For the nine months, net was $20 million, compared with $18 million a year earlier."
    )
    values = [t.value for t in _timexes(text, "2023-10-26")["a year earlier"]]
    assert values == ["2022-Q3", "2022"]


def test_a_forecast_quarter_is_not_the_reported_one():
    text = (
        "Acme said third-quarter profit fell. It expects losses through the second quarter "
        "of 2024. In the year-ago period, it earned $3 million."
    )
    assert _timexes(text, "2023-10-26")["the year-ago period"][0].value == "2022-Q3"


def test_a_counted_quarter_is_not_the_quarter_the_report_names():
    text = (
        "Acme said third-quarter profit fell. Taxes are low in a quarter like that. "
        "Inventories shrank during the quarter."
    )
    assert _timexes(text, "2023-10-26")["the quarter"][0].value == "2023-Q3"


def test_a_calendar_quarter_named_by_its_last_day_is_that_quarter():
    text = "Acme earned $5 million in the quarter ended Sept. 30, up 4%."
    found = _timexes(text, "2023-10-26")
    quarter = found["the quarter"][0]
    assert (quarter.type, quarter.value) == ("DATE", "2023-Q3")
    assert (quarter.start, quarter.end) == ("2023-07-01", "2023-10-01")
    assert found["Sept. 30"][0].value == "2023-09-30"


def test_a_fiscal_year_named_by_its_last_day_is_a_placed_duration():
    text = "Acme had revenue of $76 million for the year ended March 31."
    year = _timexes(text, "2023-10-26")["the year"][0]
    assert (year.type, year.value) == ("DURATION", "P1Y")
    assert (year.start, year.end) == ("2022-04-01", "2023-04-01")


def test_a_reporting_period_without_its_day_is_one_unit_long():
    year = _timexes("Sales for the year to date rose 3%.", "2023-10-26")["the year"][0]
    assert (year.type, year.value, year.start) == ("DURATION", "P1Y", None)


def test_named_comparisons_take_the_quarter_in_focus():
    text = (
        "Acme's third-quarter net rose 9%. In the comparable year-ago quarter it earned $2 million. "
        "U.K. sales for last year's quarter were $3 million. In the 1989 period, costs fell. "
        "For the quarter a year ago, it reported a loss."
    )
    values = {t.text: t.value for t in extract(text, "1990-10-26", lang="en").timexes}
    assert values["the comparable year-ago quarter"] == "1989-Q3"
    assert values["last year's quarter"] == "1989-Q3"
    assert values["the 1989 period"] == "1989-Q3"
    assert values["the quarter a year ago"] == "1989-Q3"


def test_the_year_of_a_period_without_a_quarter_in_focus_is_that_year():
    values = {
        t.text: t.value for t in extract("In the 1988 period, costs fell.", "1990-10-26").timexes
    }
    assert values["the 1988 period"] == "1988"


def test_a_fiscal_year_ends_the_quarter_focus():
    text = (
        "Acme's fourth-quarter net fell. For the year ended Aug. 31, net was C$2.7 million, "
        "down from C$9.7 million last year."
    )
    values = {t.text: t.value for t in extract(text, "1989-10-30", lang="en").timexes}
    assert values["last year"] == "1988"


def test_the_latest_period_is_the_quarter_in_focus_and_nothing_without_one():
    text = "Acme's third-quarter net rose. Sales in the latest period were $1.7 billion."
    values = {t.text: t.value for t in extract(text, "1989-11-02", lang="en").timexes}
    assert values["the latest period"] == "1989-Q3"
    alone = extract("Sales in the latest period were $1.7 billion.", "1989-11-02", lang="en")
    assert [t.text for t in alone.timexes] == []


def test_indonesian_same_period_last_year_is_one_expression_for_the_quarter():
    text = "Laba kuartal III 2024 naik 12% dibandingkan periode yang sama tahun lalu."
    values = {t.text: t.value for t in extract(text, "2024-10-30", lang="id").timexes}
    assert values["periode yang sama tahun lalu"] == "2023-Q3"
    text = "Pada periode yang sama tahun lalu, penjualan mobil turun."
    assert {t.text: t.value for t in extract(text, "2024-10-30", lang="id").timexes} == {
        "periode yang sama tahun lalu": "2023"
    }


def test_other_counts_follow_the_quarter_only_in_its_sentence_or_the_next():
    text = (
        "The economy grew 2% in the second quarter. The president spoke. "
        "Two years ago, he was elected governor."
    )
    assert _timexes(text, "2024-06-19")["Two years ago"][0].value == "2022"


def test_a_word_that_merely_means_from_does_not_make_last_year_a_comparison():
    text = "Acme's third-quarter profit rose. He joined the firm from a rival last year."
    assert _timexes(text, "2023-10-26")["last year"][0].value == "2022"


def test_a_fiscal_quarter_leaves_no_calendar_quarter_to_compare_with():
    text = "Acme earned $5 million in the quarter ended July 31, up from $4 million a year earlier."
    found = _timexes(text, "2024-09-10")
    assert (found["the quarter"][0].type, found["the quarter"][0].start) == (
        "DURATION",
        "2024-05-01",
    )
    assert found["a year earlier"][0].value == "2023"


def test_names_that_hold_a_year_and_a_period_word_are_no_comparison():
    text = (
        "Acme's third-quarter net rose. The 1920 period drama won. The 2019 quarter-final was "
        "close. The current period of instability continues."
    )
    values = {t.text: t.value for t in extract(text, "2024-10-30", lang="en").timexes}
    assert values == {"third-quarter": "2024-Q3", "1920": "1920", "2019": "2019"}


def test_an_amount_more_than_a_number_is_no_comparison():
    text = "Acme's third-quarter net rose. The company hired more than 500 workers last year."
    assert _timexes(text, "2023-10-26")["last year"][0].value == "2022"
