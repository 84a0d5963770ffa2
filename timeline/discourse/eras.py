"""Counting from a time before the common era: "In 492 BC ... The following year" is 491 BC.

The calendar here has no days before 1 January of year 1 (`datetime.date`), so a time such as
'April 480 BC' has a TIMEX3 value (BC0480-04) but no day to count from. To count from it anyway,
the story's time is moved forward by ERA_SHIFT years, a whole number of 400-year Gregorian
cycles (in which weekdays and leap years repeat exactly), counted from there like any other
time, and the result moved back: 'the following winter' after '481 BC' is computed from 1920 as
1920-WI and told as BC0480-WI. Years are astronomical in between (1 BC is year 0, 2 BC is -1),
which is what makes the arithmetic plain.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from timeline.calendar.units import SEASON_CODES
from timeline.grammar.specs import Rejected
from timeline.resolution.resolve import BEFORE_COMMON_ERA, Resolution

ERA_SHIFT = 2400
"""Six Gregorian cycles of 400 years: 480 BC (astronomical -479) stands as 1921."""

_BC_VALUE = re.compile(r"BC([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?(?:-(SP|SU|FA|WI))?")
_YEAR_FIRST = re.compile(r"([0-9]{4})(?=$|-)")
_SEASON_MONTHS = {code: (3 * index) or 12 for index, code in enumerate(SEASON_CODES)}


def shifted_day(value: str) -> date | None:
    """The first day of a time before the common era, moved forward by ERA_SHIFT years: 'BC0480'
    is 1921-01-01, 'BC0480-04' 1921-04-01, 'BC0481-FA' 1920-09-01; None for other values (a
    century, 'BC03', names no day to count from)."""
    found = _BC_VALUE.fullmatch(value)
    if found is None:
        return None
    year = 1 - int(found.group(1)) + ERA_SHIFT
    month = int(found.group(2) or _SEASON_MONTHS.get(found.group(4) or "", 1))
    day = int(found.group(3) or 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def unshifted(result: Resolution, shift: int) -> Resolution:
    """A resolution computed from a day moved forward by `shift` years, told in its own era:
    a value whose year falls before year 1 is written BC ('1921-04' -> 'BC0480-04') and has no
    interval. Rejected for values that name no year of their own (a decade, a century)."""
    if result.type not in ("DATE", "TIME") or "REF" in result.value:
        return result
    found = _YEAR_FIRST.match(result.value)
    if found is None:
        raise Rejected("a decade or century counted from a time before the common era")
    year = int(found.group(1)) - shift
    rest = result.value[found.end() :]
    if year >= 1:
        start, end = (_moved(moment, shift) for moment in (result.start, result.end))
        return replace(result, value=f"{year:04d}{rest}", start=start, end=end, day=None)
    return replace(
        result,
        value=f"BC{1 - year:04d}{rest}",
        start=None,
        end=None,
        day=None,
        warnings=(*result.warnings, BEFORE_COMMON_ERA),
    )


def _moved(moment: str | None, shift: int) -> str | None:
    """An interval bound moved back by `shift` years ('1921-04-01' -> '-479-04-01' never happens:
    only bounds in year 1 or later reach here)."""
    if moment is None:
        return None
    return f"{int(moment[:4]) - shift:04d}{moment[4:]}"
