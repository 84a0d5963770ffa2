"""Days of other calendars (timeline/calendar/holidays.py): real dates of a known year, any year
outside the library's tables, the Hijri calendar both ways, and which source a date comes from."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from timeline.calendar import holidays as cal
from timeline.calendar.holidays import (
    ARITHMETIC,
    CALENDAR,
    ESTIMATED,
    OFFICIAL,
    RULE,
    HolidayDate,
    first_lunar_phase_on_or_after,
    gregorian_to_hijri,
    hijri_interval,
    holiday_in_hijri_year,
    holiday_interval,
    holiday_intervals,
    tabular_from_ordinal,
    tabular_to_ordinal,
)

# 2025 as Indonesia kept it (SKB 3 Menteri on the 2025 holidays; 1 Ramadan by the sidang isbat).
INDONESIA_2025 = {
    "lunar_new_year": date(2025, 1, 29),
    "isra_miraj": date(2025, 1, 27),
    "nyepi": date(2025, 3, 29),
    "eid_al_fitr": date(2025, 3, 31),
    "good_friday": date(2025, 4, 18),
    "easter": date(2025, 4, 20),
    "vesak": date(2025, 5, 12),
    "ascension": date(2025, 5, 29),
    "eid_al_adha": date(2025, 6, 6),
    "islamic_new_year": date(2025, 6, 27),
    "mawlid": date(2025, 9, 5),
}


@pytest.mark.parametrize(("key", "day"), INDONESIA_2025.items())
def test_every_holiday_of_2025_is_the_day_indonesia_kept(key, day):
    found = holiday_interval(key, 2025)
    assert found is not None
    assert (found.start, found.end) == (day, day + timedelta(days=1))
    assert not found.approximate
    assert found.source in (OFFICIAL, CALENDAR, RULE)


def test_ramadan_1446_is_the_whole_month_of_the_fast():
    ramadan = holiday_interval("ramadan", 2025)
    assert ramadan == HolidayDate(date(2025, 3, 1), date(2025, 3, 31), False, OFFICIAL)
    assert ramadan.days == 30
    assert hijri_interval(1446, 9) == ramadan


def test_ramadan_1445_began_on_the_decreed_day_not_on_the_computed_one():
    """Muhammadiyah and the Umm al-Qura calendar began on 11 March 2024; the government, whose
    date the conventions follow, on the 12th. Idul Fitri on 10 April ended it after 29 days."""
    assert holiday_interval("ramadan", 2024) == HolidayDate(
        date(2024, 3, 12), date(2024, 4, 10), False, OFFICIAL
    )


@pytest.mark.parametrize(
    ("year", "day", "source"),
    [
        (1990, date(1990, 4, 26), OFFICIAL),  # decreed; outside the old 2020-2028 table
        (2019, date(2019, 6, 5), OFFICIAL),
        (2030, date(2030, 2, 4), ESTIMATED),  # the library's MABIMS forecast
        (2077, date(2077, 8, 20), ESTIMATED),
        (2150, date(2150, 5, 28), ARITHMETIC),  # beyond the library: the arithmetic calendar
    ],
)
def test_idul_fitri_of_any_year(year, day, source):
    found = holiday_interval("eid_al_fitr", year)
    assert found is not None
    assert found.source == source
    assert found.approximate is (source != OFFICIAL)
    if source == ESTIMATED:  # a forecast may move by a day between the library's releases
        assert abs((found.start - day).days) <= 1
    else:
        assert found.start == day


@pytest.mark.parametrize("year", [1990, 2019, 2030, 2077, 2150])
def test_every_holiday_has_a_date_in_any_year(year):
    for key in sorted(cal.HOLIDAY_KEYS):
        found = holiday_interval(key, year)
        assert found is not None, (key, year)
        assert found.start.year == year or found.end.year == year, (key, year)
        expected_days = range(29, 31) if key == "ramadan" else range(1, 2)
        assert found.days in expected_days, (key, year, found)


def test_far_years_of_other_calendars_are_computed_and_approximate():
    assert holiday_interval("lunar_new_year", 2150) == HolidayDate(
        date(2150, 1, 29), date(2150, 1, 30), True, ARITHMETIC
    )
    assert holiday_interval("nyepi", 2077).source == ARITHMETIC  # the Saka table ends in 2050
    assert holiday_interval("vesak", 2150).approximate
    # the Chinese table is the calendar itself, exact even where Indonesia decreed nothing
    assert holiday_interval("lunar_new_year", 1990) == HolidayDate(
        date(1990, 1, 27), date(1990, 1, 28), False, CALENDAR
    )


def test_a_year_can_hold_two_idul_fitri_and_the_first_is_the_one_of_that_year():
    both = holiday_intervals("eid_al_fitr", 2033)
    assert [h.start.month for h in both] == [1, 12]
    assert holiday_interval("eid_al_fitr", 2033) == both[0]


def test_a_ramadan_across_new_year_belongs_to_the_year_with_most_of_it():
    # Ramadan 1452 runs from mid-December 2030 into January 2031
    across = [h for h in holiday_intervals("ramadan", 2030) if h.end.year == 2031]
    assert across and across[0].start.year == 2030
    assert holiday_interval("ramadan", 2030).start.month == 1  # Ramadan 1451, all in 2030
    assert holiday_interval("ramadan", 2031) == across[0]  # no other Ramadan touches 2031


def test_hijri_days_and_years():
    assert hijri_interval(1447, 1, 1).start == date(2025, 6, 27)  # 1 Muharram 1447
    assert hijri_interval(1446, 9, 15).start == date(2025, 3, 15)
    year = hijri_interval(1446)
    assert (year.start, year.end) == (date(2024, 7, 7), date(2025, 6, 27))
    assert holiday_in_hijri_year("eid_al_fitr", 1446).start == date(2025, 3, 31)
    assert holiday_in_hijri_year("eid_al_adha", 1446).start == date(2025, 6, 6)
    assert holiday_in_hijri_year("lunar_new_year", 1446) is None
    with pytest.raises(ValueError):
        hijri_interval(1446, 9, 31)
    with pytest.raises(ValueError):
        hijri_interval(1446, 13)


def test_a_month_with_no_holiday_counts_from_the_month_before():
    """Syakban has no holiday of its own: it starts 30 days after the decreed 1 Rajab 1446
    (Isra Mikraj, 27 Rajab, was 27 January 2025), as Indonesia's calendars print it."""
    syakban = hijri_interval(1446, 8, 1)
    assert (syakban.start, syakban.source, syakban.approximate) == (
        date(2025, 1, 31),
        ARITHMETIC,
        True,
    )


@pytest.mark.parametrize(
    "day", [date(2025, 3, 30), date(2025, 3, 31), date(2024, 7, 7), date(2150, 6, 1)]
)
def test_gregorian_to_hijri_and_back(day):
    year, month, number = gregorian_to_hijri(day)
    assert hijri_interval(year, month, number).start == day


def test_gregorian_to_hijri_known_days():
    assert gregorian_to_hijri(date(2025, 3, 31)) == (1446, 10, 1)  # Idul Fitri
    assert gregorian_to_hijri(date(2025, 3, 30)) == (1446, 9, 30)  # a 30-day Ramadan
    assert gregorian_to_hijri(date(2025, 6, 27)) == (1447, 1, 1)


def test_the_arithmetic_calendar_round_trips_and_has_its_epoch():
    assert tabular_to_ordinal(1, 1, 1) == date(622, 7, 19).toordinal()
    assert tabular_to_ordinal(1446, 9, 1) == date(2025, 3, 1).toordinal()
    for ordinal in range(date(1900, 1, 1).toordinal(), date(2200, 1, 1).toordinal(), 97):
        assert tabular_to_ordinal(*tabular_from_ordinal(ordinal)) == ordinal
    # a leap year (1445: 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of the 30-year cycle) has 355 days
    assert tabular_to_ordinal(1446, 1, 1) - tabular_to_ordinal(1445, 1, 1) == 355
    assert tabular_to_ordinal(1447, 1, 1) - tabular_to_ordinal(1446, 1, 1) == 354


def test_moon_phases_match_known_ones():
    # new moon 29 March 2025 10:58 UTC; full moon 12 May 2025 16:56 UTC; new moon 21 Jan 2023
    # 20:53 UTC, which is 22 January in China
    assert first_lunar_phase_on_or_after(date(2025, 3, 20), full=False, utc_offset_hours=0) == (
        date(2025, 3, 29)
    )
    assert first_lunar_phase_on_or_after(date(2025, 5, 1), full=True, utc_offset_hours=0) == (
        date(2025, 5, 12)
    )
    assert first_lunar_phase_on_or_after(date(2023, 1, 15), full=False, utc_offset_hours=8) == (
        date(2023, 1, 22)
    )


def test_the_fallbacks_agree_with_the_tables_they_stand_in_for():
    """Where the library has a table, the computation that replaces it beyond the table must
    mostly give the same day: the Chinese New Year exactly, Waisak and Nyepi within a day."""
    exact = sum(
        cal._lunar_new_year(year)[0].start
        == first_lunar_phase_on_or_after(date(year, 1, 21), full=False, utc_offset_hours=8)
        for year in range(1901, 2101)
    )
    assert exact >= 195
    near = sum(
        abs(
            (
                cal._nyepi(year)[0].start
                - first_lunar_phase_on_or_after(date(year, 3, 3), full=False, utc_offset_hours=8)
            ).days
        )
        <= 1
        for year in range(1983, 2051)
    )
    assert near >= 60
    vesak = sum(
        cal._vesak(year)[0].start
        == first_lunar_phase_on_or_after(date(year, 5, 6), full=True, utc_offset_hours=7)
        for year in range(1983, 2028)
    )
    assert vesak >= 42


def test_a_language_rule_of_each_kind():
    from timeline.calendar.holidays import rule_in_hijri_year, rule_in_year

    assert rule_in_year({"rule": "holiday", "key": "nyepi"}, 2024).start == date(2024, 3, 11)
    assert rule_in_year({"rule": "hijri", "month": "10", "day": "8"}, 2025).start == date(
        2025, 4, 7
    )  # Lebaran Ketupat
    assert rule_in_year({"rule": "easter", "offset": "39"}, 2024).start == date(2024, 5, 9)
    assert rule_in_year({"rule": "fixed", "month": "12", "day": "25"}, 2024).source == RULE
    assert rule_in_year({"2024": "04-10"}, 2024).start == date(2024, 4, 10)
    assert rule_in_year({"2024": "04-10"}, 1999) is None  # a table is never guessed from
    assert rule_in_hijri_year({"rule": "hijri", "month": "9"}, 1446).days == 30
    assert rule_in_hijri_year({"rule": "easter", "offset": "0"}, 1446) is None


def test_resolving_kemarin_does_not_import_the_calendar_library():
    """Cold start: python-holidays (about 60 ms) loads only when a holiday is resolved."""
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from timeline.pipeline.phrase import resolve_phrase\n"
        "assert resolve_phrase('kemarin', date(2024, 6, 21)).value == '2024-06-20'\n"
        "assert 'holidays' not in sys.modules, 'imported at start-up'\n"
        "assert resolve_phrase('Idul Fitri 2019', date(2024, 6, 21), 'id').value == '2019-06-05'\n"
        "assert 'holidays' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_day_no_calendar_places_keeps_its_year():
    """A table rule of a language file with no date for that year is not dropped: the year is
    kept, approximate, with a warning; with no year at all, the reference's year."""
    from timeline.grammar.specs import MovingDateSpec
    from timeline.resolution.resolve import resolve

    table = (("2024", "04-10"),)
    named = resolve(MovingDateSpec(rule=table, year=1999), date(2024, 6, 21))
    assert (named.value, named.start, named.end, named.granularity, named.approximate) == (
        "1999",
        "1999-01-01",
        "2000-01-01",
        "year",
        True,
    )
    assert named.warnings and not named.used_anchor
    bare = resolve(MovingDateSpec(rule=(("2010", "01-01"),)), date(2024, 6, 21))
    assert (bare.value, bare.approximate, bare.used_anchor) == ("2024", True, True)


def test_selama_ramadan_dates_its_event_with_the_whole_fast():
    from timeline import extract

    document = extract("Selama Ramadan, jam kerja ASN dikurangi.", "2025-02-20", lang="id")
    [timex] = document.timexes
    assert (timex.text, timex.value, timex.start, timex.end) == (
        "Ramadan",
        "2025-03",
        "2025-03-01",
        "2025-03-31",
    )
    [event] = document.events
    assert (event.start, event.end) == ("2025-03-01", "2025-03-31")


def test_a_year_of_the_hijri_range_after_an_islamic_day_is_a_hijri_year():
    from timeline.pipeline.phrase import resolve_phrase

    found = resolve_phrase("Tahun Baru Hijriah 1447", date(2024, 6, 21), "id")
    assert (found.text, found.value) == ("Tahun Baru Hijriah 1447", "2025-06-27")
    # but not after a day of another calendar, nor a year of the Gregorian range
    assert resolve_phrase("Natal 2025", date(2024, 6, 21), "id").value == "2025-12-25"
