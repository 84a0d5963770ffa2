"""Pure calendar arithmetic: calendar units, ISO weeks, thirds, clamping, TIMEX3 value strings.

Nothing in here knows a language. Every function takes plain dates so that the resolver can be
tested at month, year and leap-year boundaries without going through text.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Mapping
from datetime import date, timedelta

from timeline.calendar.units import CLOCK_UNITS, SEASON_CODES, Unit

# How many months a month-based unit spans; used for shifting and for durations.
_MONTHS_IN = {
    Unit.MONTH: 1,
    Unit.QUARTER: 3,
    Unit.SEASON: 3,
    Unit.HALF: 6,
    Unit.YEAR: 12,
    Unit.DECADE: 120,
    Unit.CENTURY: 1200,
    Unit.MILLENNIUM: 12000,
}

# ISO-8601 duration designators per unit: (amount multiplier, designator, is time part).
_DURATION_DESIGNATOR = {
    Unit.SECOND: (1, "S", True),
    Unit.MINUTE: (1, "M", True),
    Unit.HOUR: (1, "H", True),
    Unit.PART_OF_DAY: (6, "H", True),
    Unit.DAY: (1, "D", False),
    Unit.WEEKEND: (2, "D", False),
    Unit.WEEK: (1, "W", False),
    Unit.FORTNIGHT: (2, "W", False),
    Unit.MONTH: (1, "M", False),
    Unit.QUARTER: (3, "M", False),
    Unit.SEASON: (3, "M", False),
    Unit.HALF: (6, "M", False),
    Unit.YEAR: (1, "Y", False),
    Unit.DECADE: (10, "Y", False),
    Unit.CENTURY: (100, "Y", False),
    Unit.MILLENNIUM: (1000, "Y", False),
}


def is_valid_date(year: int, month: int, day: int) -> bool:
    """True for a date that exists; the resolver rejects '32 Juni' and '29 Februari 2023' with it."""
    if not (1 <= month <= 12) or year < 1 or year > 9999:
        return False
    return 1 <= day <= _stdlib_calendar.monthrange(year, month)[1]


def days_in_month(year: int, month: int) -> int:
    return _stdlib_calendar.monthrange(year, month)[1]


def add_months(day: date, months: int) -> date:
    """Same calendar date `months` later, clamped to the month's last day (05-31 - 3M = 02-29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def unit_start(unit: Unit, day: date) -> date:
    """First day of the calendar unit that contains `day`."""
    if unit in (Unit.DAY, Unit.PART_OF_DAY) or unit in CLOCK_UNITS:
        return day
    if unit in (Unit.WEEK, Unit.FORTNIGHT):
        return day - timedelta(days=day.weekday())
    if unit is Unit.WEEKEND:
        # The weekend of the ISO week that contains `day`.
        return day - timedelta(days=day.weekday()) + timedelta(days=5)
    if unit is Unit.MONTH:
        return date(day.year, day.month, 1)
    if unit is Unit.QUARTER:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit is Unit.SEASON:
        # Meteorological seasons: winter of year Y runs from December Y to February Y+1.
        first_month = 3 * (day.month // 3)
        if first_month == 0:
            return date(day.year - 1, 12, 1)
        return date(day.year, first_month, 1)
    if unit is Unit.HALF:
        return date(day.year, 1 if day.month <= 6 else 7, 1)
    if unit is Unit.YEAR:
        return date(day.year, 1, 1)
    if unit is Unit.DECADE:
        return date(max(1, day.year - day.year % 10), 1, 1)
    if unit is Unit.CENTURY:
        return date(max(1, day.year - day.year % 100), 1, 1)
    if unit is Unit.MILLENNIUM:
        return date(max(1, day.year - day.year % 1000), 1, 1)
    raise ValueError(f"no calendar unit {unit!r}")


def unit_end(unit: Unit, start: date) -> date:
    """Exclusive end of the unit that begins at `start`."""
    if unit in (Unit.DAY, Unit.PART_OF_DAY) or unit in CLOCK_UNITS:
        return start + timedelta(days=1)
    if unit is Unit.WEEK:
        return start + timedelta(days=7)
    if unit is Unit.FORTNIGHT:
        return start + timedelta(days=14)
    if unit is Unit.WEEKEND:
        return start + timedelta(days=2)
    return add_months(start, _MONTHS_IN[unit])


def shift(unit: Unit, day: date, amount: int) -> date:
    """Start of the unit `amount` units away from the one containing `day`."""
    start = unit_start(unit, day)
    if unit in (Unit.DAY, Unit.PART_OF_DAY) or unit in CLOCK_UNITS:
        return start + timedelta(days=amount)
    if unit in (Unit.WEEK, Unit.WEEKEND):
        return start + timedelta(weeks=amount)
    if unit is Unit.FORTNIGHT:
        return start + timedelta(weeks=2 * amount)
    return add_months(start, _MONTHS_IN[unit] * amount)


def go_back(unit: Unit, day: date, amount: int) -> date:
    """The same calendar date `amount` units earlier (not unit-aligned): 'the last 3 months'."""
    if unit in (Unit.DAY, Unit.PART_OF_DAY) or unit in CLOCK_UNITS:
        return day - timedelta(days=amount)
    if unit in (Unit.WEEK, Unit.WEEKEND):
        return day - timedelta(weeks=amount)
    if unit is Unit.FORTNIGHT:
        return day - timedelta(weeks=2 * amount)
    return add_months(day, -_MONTHS_IN[unit] * amount)


def interval(unit: Unit, day: date) -> tuple[date, date]:
    start = unit_start(unit, day)
    return start, unit_end(unit, start)


def iso_week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def timex_value(unit: Unit, start: date) -> str:
    """The TIMEX3 value of the calendar unit that begins at `start`."""
    if unit is Unit.DAY:
        return start.isoformat()
    if unit is Unit.WEEK or unit is Unit.FORTNIGHT:
        return iso_week_value(start)
    if unit is Unit.WEEKEND:
        return iso_week_value(start) + "-WE"
    if unit is Unit.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if unit is Unit.QUARTER:
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if unit is Unit.SEASON:
        return f"{start.year:04d}-{SEASON_CODES[(start.month % 12) // 3]}"
    if unit is Unit.HALF:
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if unit is Unit.YEAR:
        return f"{start.year:04d}"
    if unit is Unit.DECADE:
        return f"{start.year // 10:03d}"
    if unit is Unit.CENTURY:
        return f"{start.year // 100:02d}"
    if unit is Unit.MILLENNIUM:
        return f"{start.year // 1000:01d}"
    raise ValueError(f"no TIMEX3 date value for unit {unit!r}")


def duration_value(unit: Unit, amount: float | None) -> str:
    """ISO-8601 duration as TIMEX3 writes it; None amount is a vague one ('PXM'). A fraction is
    written in the smaller units it is made of, as TimeML does ('setengah jam' is PT30M, 'two
    and a half years' P2Y6M, 'satu setengah hari' P1DT12H), where the unit splits exactly."""
    multiplier, designator, is_time = _DURATION_DESIGNATOR[unit]
    if amount is None:
        return f"PTX{designator}" if is_time else f"PX{designator}"
    total = round(amount * multiplier, _DURATION_DIGITS)
    if designator == "W" and not float(total).is_integer():
        total, designator = round(total * 7, _DURATION_DIGITS), "D"  # no weeks beside days
    parts: list[tuple[float, str, bool]] = []
    while not float(total).is_integer() and (designator, is_time) in _SMALLER:
        whole = int(total)
        if whole:
            parts.append((whole, designator, is_time))
        factor, designator, is_time = _SMALLER[(designator, is_time)]
        total = round((total - whole) * factor, _DURATION_DIGITS)
    parts.append((total, designator, is_time))
    date_part = "".join(f"{_count(n)}{d}" for n, d, time in parts if not time)
    time_part = "".join(f"{_count(n)}{d}" for n, d, time in parts if time)
    return f"P{date_part}" + (f"T{time_part}" if time_part else "")


_DURATION_DIGITS = 6
"""Decimals kept while splitting a fraction: 0.1 hour is 6 minutes, not 6.000000000000001."""

# (designator, is time) -> (how many of the next smaller unit it holds, that unit): where a unit
# splits exactly. A month has no fixed number of days, so 'P1.5M' keeps its decimal.
_SMALLER: Mapping[tuple[str, bool], tuple[int, str, bool]] = {
    ("Y", False): (12, "M", False),
    ("D", False): (24, "H", True),
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
}


def _count(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


# Thirds of a unit ("early/mid/late"), as (first, second) boundaries in sub-units.
# A month is split by days 1-10, 11-20, 21-end; a week Mon-Tue, Wed-Thu, Fri-Sun; every other
# unit into thirds of its months (year: Jan-Apr, May-Aug, Sep-Dec) or years (decade: 0-3, 4-6, 7-9).
def third(unit: Unit, start: date, end: date, mod: str) -> tuple[date, date]:
    """The early/mid/late part of the unit [start, end); mod is START, MID or END."""
    if mod not in ("START", "MID", "END"):
        return start, end
    if unit is Unit.MONTH:
        cuts = (start.replace(day=11), start.replace(day=21))
    elif unit is Unit.WEEK:
        cuts = (start + timedelta(days=2), start + timedelta(days=4))
    elif unit in (Unit.DAY, Unit.WEEKEND) or unit in CLOCK_UNITS or unit is Unit.PART_OF_DAY:
        return start, end
    elif unit in (Unit.DECADE, Unit.CENTURY, Unit.MILLENNIUM):
        years = end.year - start.year
        first = -(-years // 3)  # ceil: a decade splits 4/3/3
        second = (years - first) // 2
        cuts = (date(start.year + first, 1, 1), date(start.year + first + second, 1, 1))
    else:
        months = (end.year - start.year) * 12 + (end.month - start.month)
        first = -(-months // 3)
        second = (months - first) // 2
        cuts = (add_months(start, first), add_months(start, first + second))
    if mod == "START":
        return start, cuts[0]
    if mod == "MID":
        return cuts[0], cuts[1]
    return cuts[1], end


def weekday_on_or_before(day: date, weekday: int) -> date:
    """Latest date <= day falling on `weekday` (0 = Monday)."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def weekday_after(day: date, weekday: int) -> date:
    """Earliest date > day falling on `weekday`."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date | None:
    """The nth `weekday` (1 = Monday) of a month; nth -1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (nth - 1))
        return day if day.month == month else None
    last = date(year, month, days_in_month(year, month))
    return last - timedelta(days=(last.weekday() - (weekday - 1)) % 7)


def holiday_date(rule: Mapping[str, str], year: int) -> date | None:
    """The date of a named day in `year` from its rule in a language file, or None if unknown.

    Rules: {rule = "nth_weekday", month, nth, weekday}, {rule = "easter", offset} or a table of
    known dates {"2024" = "04-10", ...} for days that follow another calendar (Idul Fitri).
    """
    kind = rule.get("rule")
    if kind == "fixed":
        return date(year, int(rule["month"]), int(rule["day"]))
    if kind == "nth_weekday":
        return nth_weekday(year, int(rule["month"]), int(rule["nth"]), int(rule["weekday"]))
    if kind == "easter":
        return easter_sunday(year) + timedelta(days=int(rule.get("offset", 0)))
    known = rule.get(str(year))
    if isinstance(known, str):
        month, day = (int(x) for x in known.split("-"))
        return date(year, month, day)
    return None
