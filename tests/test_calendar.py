"""Calendar arithmetic at the edges: ISO weeks across years, leap days, thirds, seasons."""

from datetime import date

import pytest

from timeline.calendar.arithmetic import (
    add_months,
    duration_value,
    go_back,
    interval,
    is_valid_date,
    shift,
    third,
    timex_value,
)
from timeline.calendar.units import Unit


@pytest.mark.parametrize(
    ("day", "unit", "expected"),
    [
        (date(2024, 6, 21), Unit.WEEK, (date(2024, 6, 17), date(2024, 6, 24))),
        (date(2021, 1, 3), Unit.WEEK, (date(2020, 12, 28), date(2021, 1, 4))),
        (date(2024, 6, 23), Unit.WEEKEND, (date(2024, 6, 22), date(2024, 6, 24))),
        (date(2024, 2, 10), Unit.MONTH, (date(2024, 2, 1), date(2024, 3, 1))),
        (date(2024, 11, 30), Unit.QUARTER, (date(2024, 10, 1), date(2025, 1, 1))),
        (date(2024, 7, 1), Unit.HALF, (date(2024, 7, 1), date(2025, 1, 1))),
        (date(2024, 1, 15), Unit.SEASON, (date(2023, 12, 1), date(2024, 3, 1))),
        (date(2024, 12, 15), Unit.SEASON, (date(2024, 12, 1), date(2025, 3, 1))),
        (date(1995, 5, 5), Unit.DECADE, (date(1990, 1, 1), date(2000, 1, 1))),
        (date(2024, 5, 5), Unit.CENTURY, (date(2000, 1, 1), date(2100, 1, 1))),
    ],
)
def test_unit_interval_is_half_open_and_contains_the_day(day, unit, expected):
    start, end = interval(unit, day)
    assert (start, end) == expected
    assert start <= day < end


@pytest.mark.parametrize(
    ("unit", "start", "value"),
    [
        (Unit.DAY, date(2024, 6, 19), "2024-06-19"),
        (Unit.WEEK, date(2024, 12, 30), "2025-W01"),
        (Unit.WEEK, date(2020, 12, 28), "2020-W53"),
        (Unit.WEEKEND, date(2024, 6, 22), "2024-W25-WE"),
        (Unit.MONTH, date(2024, 6, 1), "2024-06"),
        (Unit.QUARTER, date(2023, 7, 1), "2023-Q3"),
        (Unit.HALF, date(2024, 1, 1), "2024-H1"),
        (Unit.SEASON, date(2023, 12, 1), "2023-WI"),
        (Unit.SEASON, date(2023, 6, 1), "2023-SU"),
        (Unit.YEAR, date(987, 1, 1), "0987"),
        (Unit.DECADE, date(1990, 1, 1), "199"),
        (Unit.CENTURY, date(2000, 1, 1), "20"),
    ],
)
def test_timex_values(unit, start, value):
    assert timex_value(unit, start) == value


def test_add_months_clamps_to_the_last_day_of_the_month():
    assert add_months(date(2024, 5, 31), -3) == date(2024, 2, 29)
    assert add_months(date(2023, 5, 31), -3) == date(2023, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)


def test_shift_moves_whole_units_across_year_ends():
    assert shift(Unit.MONTH, date(2024, 1, 20), -1) == date(2023, 12, 1)
    assert shift(Unit.WEEK, date(2024, 1, 1), -1) == date(2023, 12, 25)
    assert shift(Unit.QUARTER, date(2024, 2, 1), -1) == date(2023, 10, 1)
    assert shift(Unit.DAY, date(2024, 3, 1), -1) == date(2024, 2, 29)


def test_go_back_keeps_the_calendar_date():
    assert go_back(Unit.MONTH, date(2024, 6, 21), 5) == date(2024, 1, 21)
    assert go_back(Unit.WEEK, date(2024, 6, 21), 5) == date(2024, 5, 17)
    assert go_back(Unit.YEAR, date(2024, 2, 29), 1) == date(2023, 2, 28)


@pytest.mark.parametrize(
    ("unit", "start", "end", "mod", "expected"),
    [
        (
            Unit.MONTH,
            date(2024, 2, 1),
            date(2024, 3, 1),
            "END",
            (date(2024, 2, 21), date(2024, 3, 1)),
        ),
        (
            Unit.MONTH,
            date(2024, 6, 1),
            date(2024, 7, 1),
            "MID",
            (date(2024, 6, 11), date(2024, 6, 21)),
        ),
        (
            Unit.YEAR,
            date(2024, 1, 1),
            date(2025, 1, 1),
            "START",
            (date(2024, 1, 1), date(2024, 5, 1)),
        ),
        (
            Unit.YEAR,
            date(2024, 1, 1),
            date(2025, 1, 1),
            "END",
            (date(2024, 9, 1), date(2025, 1, 1)),
        ),
        (
            Unit.DECADE,
            date(1990, 1, 1),
            date(2000, 1, 1),
            "MID",
            (date(1994, 1, 1), date(1997, 1, 1)),
        ),
        (
            Unit.WEEK,
            date(2024, 6, 17),
            date(2024, 6, 24),
            "START",
            (date(2024, 6, 17), date(2024, 6, 19)),
        ),
        (
            Unit.QUARTER,
            date(2024, 7, 1),
            date(2024, 10, 1),
            "END",
            (date(2024, 9, 1), date(2024, 10, 1)),
        ),
    ],
)
def test_thirds(unit, start, end, mod, expected):
    assert third(unit, start, end, mod) == expected


def test_duration_values():
    assert duration_value(Unit.MONTH, 3) == "P3M"
    assert duration_value(Unit.MONTH, None) == "PXM"
    assert duration_value(Unit.HOUR, 24) == "PT24H"
    assert duration_value(Unit.DECADE, 1) == "P10Y"
    assert duration_value(Unit.HOUR, None) == "PTXH"


@pytest.mark.parametrize(
    ("unit", "amount", "expected"),
    [
        (Unit.HOUR, 0.5, "PT30M"),  # 'setengah jam', 'half an hour'
        (Unit.HOUR, 1.5, "PT1H30M"),
        (Unit.HOUR, 0.1, "PT6M"),  # no float noise: not PT6.000000000000001M
        (Unit.YEAR, 1.5, "P1Y6M"),
        (Unit.YEAR, 12.5, "P12Y6M"),
        (Unit.DAY, 1.5, "P1DT12H"),
        (Unit.DAY, 0.5, "PT12H"),
        (Unit.WEEK, 1.5, "P10DT12H"),  # weeks do not stand beside days: all in days
        (Unit.DECADE, 0.5, "P5Y"),
        (Unit.MONTH, 1.5, "P1.5M"),  # a month has no fixed number of days
        (Unit.SECOND, 0.5, "PT0.5S"),
    ],
)
def test_fractional_durations_are_written_in_smaller_units(unit, amount, expected):
    assert duration_value(unit, amount) == expected


def test_impossible_dates_are_invalid():
    assert not is_valid_date(2023, 2, 29)
    assert is_valid_date(2024, 2, 29)
    assert not is_valid_date(2024, 6, 32)
    assert not is_valid_date(2024, 13, 1)


def test_computed_holidays():
    from timeline.calendar.arithmetic import easter_sunday, holiday_date, nth_weekday

    assert easter_sunday(2024) == date(2024, 3, 31)
    assert easter_sunday(2000) == date(2000, 4, 23)
    assert easter_sunday(2025) == date(2025, 4, 20)
    assert nth_weekday(1999, 11, 4, 4) == date(1999, 11, 25)  # Thanksgiving
    assert nth_weekday(2024, 5, -1, 1) == date(2024, 5, 27)  # last Monday of May
    assert nth_weekday(2024, 2, 5, 1) is None  # no fifth Monday in February 2024
    table = {"2024": "04-10"}
    assert holiday_date(table, 2024) == date(2024, 4, 10)
    assert holiday_date(table, 1999) is None  # never guessed from another year
