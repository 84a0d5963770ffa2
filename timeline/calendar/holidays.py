"""Named days of other calendars, for any year: Islamic (Hijri), Chinese, Balinese Saka,
Buddhist, and the Easter family. Pure: no language, no document, no clock.

A language file names a day by a key of this module ("Lebaran" -> `eid_al_fitr`); this module
says when that day is, as a `HolidayDate` that also tells how sure the date is (`approximate`)
and where it came from (`source`).

Why python-holidays (`holidays`, MIT, vacanza/holidays, released every few weeks): it is the only
maintained package that knows **Indonesia's own dates**. Idul Fitri, Idul Adha, Tahun Baru
Islam, Isra Mikraj and Maulid are set each year by government decree after the crescent is
sighted, and differ from any computed calendar by a day often enough to matter (checked against
the 304 decreed dates of 1968-2026 the library holds: its MABIMS calendar, the criterion
Indonesia follows, gives 250 of them exactly; the Umm al-Qura calendar of `hijridate` 149; the
arithmetic calendar of `convertdate` 185). It also carries Indonesia's Waisak dates and the
Chinese (1901-2100) and Balinese Saka (Nyepi, 1983-2050) calendars, with no dependency beyond
python-dateutil, which dateparser already brings. Its cost is size (about 14 MB installed,
mostly translations) and an import of about 60 ms, so it is imported only when a day of another
calendar is resolved, never at start-up (`timeline resolve "kemarin"` does not load it).
`hijridate` and `lunardate` are smaller but cover one calendar each and none of the decrees;
`convertdate` brings PyMeeus (5 MB) for an arithmetic calendar this module computes in a few
lines.

Which date wins *(our choice, docs/conventions.md)*:
1. a date Indonesia decreed: the library's Islamic and Waisak dates not marked estimated, and
   1 Ramadan as the government announced it (`DECREED_RAMADAN_STARTS`, which the library
   lacks): `official`. A decree that moved the day off (2021: Tahun Baru Islam, Maulid) wins
   too: that is the day the news calls the holiday;
2. else the library's calendars: the Chinese and Saka tables are the calendars themselves
   (`calendar`, exact; Imlek is the festival's day, not the Monday some decrees gave off); its
   Islamic (MABIMS) and Waisak dates for undecreed years are forecasts (`estimated`,
   approximate);
3. else a computation, approximate: the arithmetic (tabular) Islamic calendar for any year,
   and new and full moons (Meeus' leading terms) for Imlek, Nyepi and Waisak (`arithmetic`);
4. the Easter family and fixed days follow their rule exactly (`rule`).
A Hijri month the library has no holiday in (Safar, Syakban, ...) is counted from the nearest
earlier month it does date, with the arithmetic calendar's month lengths, so that "1 Syakban"
and Isra Mikraj agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from timeline.calendar.arithmetic import easter_sunday, holiday_date, nth_weekday

OFFICIAL = "official"  # decreed by the Indonesian government
CALENDAR = "calendar"  # the calendar's own table (Chinese, Balinese Saka): exact
ESTIMATED = "estimated"  # the library's forecast for a year Indonesia has not decreed
ARITHMETIC = "arithmetic"  # computed here: tabular Islamic calendar, mean lunar phases
RULE = "rule"  # a fixed rule of the Gregorian calendar: Christmas, Easter and its offsets

_EXACT_SOURCES = frozenset({OFFICIAL, CALENDAR, RULE})
_CERTAINTY = (OFFICIAL, RULE, CALENDAR, ESTIMATED, ARITHMETIC)  # most certain first


@dataclass(frozen=True, slots=True)
class HolidayDate:
    """Where a named day (or a span, such as Ramadan) falls: `[start, end)`."""

    start: date
    end: date  # exclusive
    approximate: bool
    source: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def _day(start: date, source: str) -> HolidayDate:
    return HolidayDate(start, start + timedelta(days=1), source not in _EXACT_SOURCES, source)


def _less_certain(first: str, second: str) -> str:
    return max(first, second, key=_CERTAINTY.index)


# ---------------------------------------------------------------------------------------------
# The arithmetic (tabular) Islamic calendar: 30-year cycles of 10,631 days, leap years 2, 5, 7,
# 10, 13, 16, 18, 21, 24, 26 and 29 (Dhu al-Hijjah gets a 30th day), odd months 30 days, even
# months 29. Epoch: 1 Muharram 1 AH = 16 July 622 (Julian), 19 July 622 proleptic Gregorian.

_HIJRI_EPOCH = date(622, 7, 19).toordinal()


def tabular_to_ordinal(year: int, month: int, day: int) -> int:
    """Proleptic Gregorian ordinal of a day of the arithmetic Islamic calendar."""
    return (
        _HIJRI_EPOCH
        - 1
        + day
        + math.ceil(29.5 * (month - 1))
        + (year - 1) * 354
        + (3 + 11 * year) // 30
    )


def tabular_from_ordinal(ordinal: int) -> tuple[int, int, int]:
    """(year, month, day) of the arithmetic Islamic calendar for a proleptic Gregorian ordinal."""
    year = (30 * (ordinal - _HIJRI_EPOCH) + 10646) // 10631
    month = min(12, math.ceil((ordinal - 29 - tabular_to_ordinal(year, 1, 1)) / 29.5) + 1)
    month = max(1, month)
    return year, month, ordinal - tabular_to_ordinal(year, month, 1) + 1


def _tabular_date(year: int, month: int, day: int = 1) -> date:
    return date.fromordinal(tabular_to_ordinal(year, month, day))


# ---------------------------------------------------------------------------------------------
# Indonesia's Hijri months. The library dates one holiday in six of the twelve months; that
# holiday fixes the month's first day.

_LIBRARY_MONTHS: dict[int, tuple[str, int]] = {
    1: ("hijri_new_year", 1),  # Tahun Baru Islam, 1 Muharram
    3: ("mawlid", 12),  # Maulid Nabi, 12 Rabiul Awal
    7: ("isra_and_miraj", 27),  # Isra Mikraj, 27 Rajab
    9: ("ramadan_beginning", 1),  # 1 Ramadan (never decreed in the library: estimated)
    10: ("eid_al_fitr", 1),  # Idul Fitri, 1 Syawal
    12: ("eid_al_adha", 10),  # Idul Adha, 10 Zulhijah
}

DECREED_RAMADAN_STARTS: dict[int, date] = {
    # 1 Ramadan as Indonesia's Ministry of Religious Affairs announced it after its sighting
    # session (sidang isbat). Not a public holiday, so python-holidays does not hold it; only
    # 1446 differs from the library's MABIMS forecast (the crescent was seen in Aceh).
    1436: date(2015, 6, 18),
    1437: date(2016, 6, 6),
    1438: date(2017, 5, 27),
    1439: date(2018, 5, 17),
    1440: date(2019, 5, 6),
    1441: date(2020, 4, 24),
    1442: date(2021, 4, 13),
    1443: date(2022, 4, 3),
    1444: date(2023, 3, 23),
    1445: date(2024, 3, 12),
    1446: date(2025, 3, 1),
}

HIJRI_MONTHS = 12


@cache
def _indonesian_islamic_calendar() -> Any | None:
    """python-holidays' Islamic calendar as Indonesia observes it (MABIMS criterion, overridden
    by the decreed dates). Imported here, on first use, to keep start-up fast."""
    try:
        from holidays.countries.indonesia import IndonesiaIslamicHolidays
    except ImportError:  # pragma: no cover - a dependency; the arithmetic calendar remains
        return None
    return IndonesiaIslamicHolidays()


def _library_dates(method: str, year: int, calendar: Any | None) -> list[tuple[date, bool]]:
    """The library's (date, estimated) pairs for one Gregorian year; none if it has no such
    method or year (an older or newer release), so that the computation takes over."""
    if calendar is None:
        return []
    try:
        found = getattr(calendar, method)(year)
        if isinstance(found, tuple):  # one (date, estimated) pair, or (None, flag)
            found = [found]
        return [(day, bool(flag)) for day, flag in found if isinstance(day, date)]
    except (AttributeError, TypeError, ValueError, KeyError):  # pragma: no cover
        return []


@cache
def _library_month_start(year: int, month: int) -> tuple[date, str] | None:
    """First day of a Hijri month from the library's Indonesian holiday in it, if any."""
    if month not in _LIBRARY_MONTHS:
        return None
    method, day = _LIBRARY_MONTHS[month]
    expected = _tabular_date(year, month, day)
    nearby = [
        pair
        for gregorian_year in (expected.year, expected.year + 1)
        for pair in _library_dates(
            f"{method}_dates", gregorian_year, _indonesian_islamic_calendar()
        )
        if abs((pair[0] - expected).days) <= 5
    ]
    if not nearby:
        return None
    found, estimated = min(nearby, key=lambda pair: abs((pair[0] - expected).days))
    return found - timedelta(days=day - 1), ESTIMATED if estimated else OFFICIAL


def _pinned_month_start(year: int, month: int) -> tuple[date, str] | None:
    if month == 9 and year in DECREED_RAMADAN_STARTS:
        return DECREED_RAMADAN_STARTS[year], OFFICIAL
    return _library_month_start(year, month)


def _previous_month(year: int, month: int) -> tuple[int, int]:
    return (year, month - 1) if month > 1 else (year - 1, HIJRI_MONTHS)


@cache
def hijri_month_start(year: int, month: int) -> tuple[date, str]:
    """First day of Hijri month `month` of `year` as observed in Indonesia, and its source."""
    pinned = _pinned_month_start(year, month)
    if pinned is not None:
        return pinned
    # Count from the nearest earlier month the library dates (at most two back: Safar from
    # Muharram, Syakban from Rajab, Zulkaidah from Syawal), with the arithmetic month lengths.
    earlier_year, earlier_month = year, month
    for _ in range(2):
        earlier_year, earlier_month = _previous_month(earlier_year, earlier_month)
        earlier = _pinned_month_start(earlier_year, earlier_month)
        if earlier is not None:
            gap = tabular_to_ordinal(year, month, 1) - tabular_to_ordinal(
                earlier_year, earlier_month, 1
            )
            return earlier[0] + timedelta(days=gap), ARITHMETIC
    return _tabular_date(year, month), ARITHMETIC


def _month_interval(year: int, month: int) -> HolidayDate:
    """A whole Hijri month: from its first day to the next month's. A month is 29 or 30 days;
    when two sources disagree enough to make it otherwise, the end is moved to fit."""
    start, first_source = hijri_month_start(year, month)
    next_year, next_month = (year, month + 1) if month < HIJRI_MONTHS else (year + 1, 1)
    end, end_source = hijri_month_start(next_year, next_month)
    source = _less_certain(first_source, end_source)
    if not 29 <= (end - start).days <= 30:
        end = start + timedelta(days=min(30, max(29, (end - start).days)))
        source = ARITHMETIC
    return HolidayDate(start, end, source not in _EXACT_SOURCES, source)


def hijri_interval(year: int, month: int | None = None, day: int | None = None) -> HolidayDate:
    """A Hijri day ('15 Ramadan 1446 H'), month ('Ramadan 1446 H') or year ('1446 H') in the
    Gregorian calendar, as Indonesia reckons it. Raises ValueError for no such day."""
    if month is None:
        start, first_source = hijri_month_start(year, 1)
        end, end_source = hijri_month_start(year + 1, 1)
        source = _less_certain(first_source, end_source)
        return HolidayDate(start, end, source not in _EXACT_SOURCES, source)
    if not 1 <= month <= HIJRI_MONTHS:
        raise ValueError(f"no Hijri month {month}")
    if day is None:
        return _month_interval(year, month)
    if not 1 <= day <= 30:
        raise ValueError(f"no day {day} in a Hijri month")
    start, source = hijri_month_start(year, month)
    return _day(start + timedelta(days=day - 1), source)


def gregorian_to_hijri(day: date) -> tuple[int, int, int]:
    """(year, month, day) of the Hijri calendar, as Indonesia reckons it, for a Gregorian day."""
    year, month, _ = tabular_from_ordinal(day.toordinal())
    for _ in range(3):  # the observed months differ from the arithmetic ones by a day or two
        start, _source = hijri_month_start(year, month)
        if day < start:
            year, month = _previous_month(year, month)
            continue
        next_year, next_month = (year, month + 1) if month < HIJRI_MONTHS else (year + 1, 1)
        if day >= hijri_month_start(next_year, next_month)[0]:
            year, month = next_year, next_month
            continue
        break
    return year, month, (day - hijri_month_start(year, month)[0]).days + 1


# ---------------------------------------------------------------------------------------------
# New and full moons, for Imlek, Nyepi and Waisak outside the library's tables: the mean
# lunation with the seven largest periodic terms of Meeus, Astronomical Algorithms ch. 49
# (good to about ten minutes, which is enough to find the day; TT is taken as UT).

_JD_OF_ORDINAL_ZERO = 1721424.5  # Julian day of the midnight that starts ordinal 0


def _lunar_phase(lunation: float) -> float:
    """Julian day of new moon `lunation` (0 = January 2000), or full moon for `k + 0.5`."""
    t = lunation / 1236.85
    jde = 2451550.09766 + 29.530588861 * lunation + 0.00015437 * t * t
    e = 1 - 0.002516 * t
    sun = math.radians(2.5534 + 29.10535670 * lunation)
    moon = math.radians(201.5643 + 385.81693528 * lunation)
    latitude = math.radians(160.7108 + 390.67050284 * lunation)
    full = lunation % 1 != 0
    terms = (
        (-0.40614, -0.40720, math.sin(moon)),
        (0.17302, 0.17241, e * math.sin(sun)),
        (0.01614, 0.01608, math.sin(2 * moon)),
        (0.01043, 0.01039, math.sin(2 * latitude)),
        (0.00734, 0.00739, e * math.sin(moon - sun)),
        (-0.00515, -0.00514, e * math.sin(moon + sun)),
        (0.00209, 0.00208, e * e * math.sin(2 * sun)),
    )
    return jde + sum((full_term if full else new_term) * x for full_term, new_term, x in terms)


def first_lunar_phase_on_or_after(day: date, *, full: bool, utc_offset_hours: float) -> date:
    """The local date of the first new (or full) moon on or after `day`."""
    years_since_2000 = (day.toordinal() - date(2000, 1, 6).toordinal()) / 365.2422
    lunation = math.floor(years_since_2000 * 12.3685) - 1 + (0.5 if full else 0.0)
    while True:
        moment = _lunar_phase(lunation) + utc_offset_hours / 24
        local = date.fromordinal(math.floor(moment - _JD_OF_ORDINAL_ZERO))
        if local >= day:
            return local
        lunation += 1


# ---------------------------------------------------------------------------------------------
# Days of the other calendars.


@cache
def _chinese_calendar() -> Any | None:
    """The Chinese calendar itself, not Indonesia's days off: in 2006-2013 the decree gave the
    Monday after an Imlek that fell on a Sunday, but the festival stayed on the Sunday."""
    try:
        from holidays.calendars.chinese import _ChineseLunisolar
    except ImportError:  # pragma: no cover
        return None
    return _ChineseLunisolar()


@cache
def _buddhist_calendar() -> Any | None:
    try:
        from holidays.countries.indonesia import IndonesiaBuddhistHolidays
    except ImportError:  # pragma: no cover
        return None
    return IndonesiaBuddhistHolidays()


@cache
def _saka_calendar() -> Any | None:
    try:
        from holidays.calendars.balinese_saka import _BalineseSakaLunar
    except ImportError:  # pragma: no cover
        return None
    return _BalineseSakaLunar()


def _lunar_new_year(year: int) -> list[HolidayDate]:
    """Imlek: the Chinese calendar's table (1901-2100); else the new moon (China time) between
    21 January and 20 February, which is the table's day in 198 of its 200 years."""
    for found, _estimated in _library_dates("lunar_new_year_date", year, _chinese_calendar()):
        return [_day(found, CALENDAR)]
    new_moon = first_lunar_phase_on_or_after(date(year, 1, 21), full=False, utc_offset_hours=8)
    return [_day(new_moon, ARITHMETIC)]


def _nyepi(year: int) -> list[HolidayDate]:
    """Nyepi: the Balinese Saka table (1983-2050); else the day of the first new moon (Bali
    time) from 3 March, within a day of the table in 61 of its 68 years."""
    saka = _saka_calendar()
    found = None
    if saka is not None:
        try:
            found = saka.nyepi_date(year)
        except (AttributeError, TypeError, ValueError):  # pragma: no cover
            found = None
    if isinstance(found, date):
        return [_day(found, CALENDAR)]
    new_moon = first_lunar_phase_on_or_after(date(year, 3, 3), full=False, utc_offset_hours=8)
    return [_day(new_moon, ARITHMETIC)]


def _vesak(year: int) -> list[HolidayDate]:
    """Waisak: Indonesia's dates (decreed for 1983-2027, forecast 1901-2100); else the first
    full moon (Jakarta time) from 6 May, the decreed day in 43 of 45 years."""
    for found, estimated in _library_dates("vesak_date", year, _buddhist_calendar()):
        return [_day(found, ESTIMATED if estimated else OFFICIAL)]
    full_moon = first_lunar_phase_on_or_after(date(year, 5, 6), full=True, utc_offset_hours=7)
    return [_day(full_moon, ARITHMETIC)]


def _easter_offset(offset: int) -> Callable[[int], list[HolidayDate]]:
    def days(year: int) -> list[HolidayDate]:
        return [_day(easter_sunday(year) + timedelta(days=offset), RULE)]

    return days


ISLAMIC_HOLIDAYS: dict[str, tuple[int, int | None]] = {
    # key: (Hijri month, day); no day is the whole month
    "islamic_new_year": (1, 1),
    "mawlid": (3, 12),
    "isra_miraj": (7, 27),
    "ramadan": (9, None),
    "eid_al_fitr": (10, 1),
    "eid_al_adha": (12, 10),
}

OTHER_HOLIDAYS: dict[str, Callable[[int], list[HolidayDate]]] = {
    "lunar_new_year": _lunar_new_year,
    "nyepi": _nyepi,
    "vesak": _vesak,
    "easter": _easter_offset(0),
    "good_friday": _easter_offset(-2),
    "ascension": _easter_offset(39),
}

HOLIDAY_KEYS = frozenset(ISLAMIC_HOLIDAYS) | frozenset(OTHER_HOLIDAYS)


def _hijri_occurrences(month: int | None, day: int | None, year: int) -> list[HolidayDate]:
    """Every occurrence of a Hijri day or month that overlaps Gregorian `year` (a Hijri year is
    eleven days shorter, so there can be two: Idul Fitri 2033 falls on 3 January and 23 December)."""
    first = tabular_from_ordinal(date(year, 1, 1).toordinal())[0]
    found = []
    for hijri_year in range(first - 1, first + 2):
        if month is None:
            interval = hijri_interval(hijri_year)
        else:
            interval = hijri_interval(hijri_year, month, day)
        if interval.start.year <= year and interval.end > date(year, 1, 1):
            found.append(interval)
    return found


def holiday_intervals(key: str, year: int) -> list[HolidayDate]:
    """Every occurrence of a named day that overlaps Gregorian `year`, earliest first."""
    if key in ISLAMIC_HOLIDAYS:
        return _hijri_occurrences(*ISLAMIC_HOLIDAYS[key], year)
    if key in OTHER_HOLIDAYS:
        return OTHER_HOLIDAYS[key](year)
    raise KeyError(f"no holiday {key!r}; known: {', '.join(sorted(HOLIDAY_KEYS))}")


def holiday_interval(key: str, year: int) -> HolidayDate | None:
    """The occurrence of a named day in Gregorian `year`: for a span (Ramadan) the one with
    the most days in that year, for two single days in one year (Idul Fitri 2033) the first."""
    return most_in_year(holiday_intervals(key, year), year)


def holiday_in_hijri_year(key: str, hijri_year: int) -> HolidayDate | None:
    """A named day of the Islamic calendar in a Hijri year ('Idul Fitri 1446 H'); None for a
    day of another calendar, which a Hijri year does not place."""
    if key not in ISLAMIC_HOLIDAYS:
        return None
    month, day = ISLAMIC_HOLIDAYS[key]
    return hijri_interval(hijri_year, month, day)


def most_in_year(found: Iterable[HolidayDate], year: int) -> HolidayDate | None:
    first, after = date(year, 1, 1), date(year + 1, 1, 1)

    def days_in_year(interval: HolidayDate) -> int:
        return max(0, (min(interval.end, after) - max(interval.start, first)).days)

    best = None
    for interval in sorted(found, key=lambda i: i.start):
        if days_in_year(interval) and (best is None or days_in_year(interval) > days_in_year(best)):
            best = interval
    return best


# ---------------------------------------------------------------------------------------------
# Rules of the language files: {rule = "holiday", key = ...}, {rule = "hijri", month, day},
# {rule = "easter", offset}, {rule = "nth_weekday", ...}, {rule = "fixed", month, day}, or a
# table of known dates.


def rule_intervals(rule: Mapping[str, str], year: int) -> list[HolidayDate]:
    """Every occurrence of a language file's named day that overlaps Gregorian `year`."""
    kind = rule.get("rule")
    if kind == "holiday":
        return holiday_intervals(rule["key"], year)
    if kind == "hijri":
        month = int(rule["month"]) if "month" in rule else None
        day = int(rule["day"]) if "day" in rule else None
        return _hijri_occurrences(month, day, year)
    if kind == "easter":
        return _easter_offset(int(rule.get("offset", 0)))(year)
    if kind == "nth_weekday":
        found = nth_weekday(year, int(rule["month"]), int(rule["nth"]), int(rule["weekday"]))
        return [] if found is None else [_day(found, RULE)]
    found = holiday_date(dict(rule), year)  # fixed dates and tables of known dates
    if found is None:
        return []
    return [_day(found, RULE if kind == "fixed" else OFFICIAL)]


def is_islamic(rule: Mapping[str, Any]) -> bool:
    """Whether a language file's rule names a day of the Hijri calendar."""
    kind = rule.get("rule")
    return kind == "hijri" or (kind == "holiday" and rule.get("key") in ISLAMIC_HOLIDAYS)


def rule_in_year(rule: Mapping[str, str], year: int) -> HolidayDate | None:
    return most_in_year(rule_intervals(rule, year), year)


def rule_in_hijri_year(rule: Mapping[str, str], hijri_year: int) -> HolidayDate | None:
    """A named day or Hijri date in a Hijri year; None when the rule is no Islamic one."""
    kind = rule.get("rule")
    if kind == "holiday":
        return holiday_in_hijri_year(rule["key"], hijri_year)
    if kind == "hijri":
        month = int(rule["month"]) if "month" in rule else None
        day = int(rule["day"]) if "day" in rule else None
        return hijri_interval(hijri_year, month, day)
    return None
