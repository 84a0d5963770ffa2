"""Calendar units and their one ranking by fineness.

Every module that compares how fine two times are (which time anchors a count, which time dates
an event) asks `Unit.rank`, so there is one order: a clock time is finer than a day, a day than a
week, a week than a month, and so on. The values are the `granularity` strings of the output.
"""

from __future__ import annotations

from enum import StrEnum


class Unit(StrEnum):
    """Calendar units an expression can be measured in, from finest to coarsest."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    FORTNIGHT = "fortnight"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"

    @property
    def rank(self) -> int:
        """Fineness: 0 for times of day, 1 a day, 2 a week, 3 a month, 4 a quarter, season or
        half, 5 a year, then decade, century, millennium. Units of one rank are equally fine."""
        return _RANK[self]


_RANK = {
    Unit.SECOND: 0,
    Unit.MINUTE: 0,
    Unit.HOUR: 0,
    Unit.PART_OF_DAY: 0,
    Unit.DAY: 1,
    Unit.WEEKEND: 2,
    Unit.WEEK: 2,
    Unit.FORTNIGHT: 2,
    Unit.MONTH: 3,
    Unit.QUARTER: 4,
    Unit.SEASON: 4,
    Unit.HALF: 4,
    Unit.YEAR: 5,
    Unit.DECADE: 6,
    Unit.CENTURY: 7,
    Unit.MILLENNIUM: 8,
}

COARSEST_RANK = max(_RANK.values()) + 1
"""The rank of a time with no granularity (a set, a vague reference): coarser than any unit."""

CLOCK_UNITS = frozenset({Unit.SECOND, Unit.MINUTE, Unit.HOUR})

SEASON_CODES = ("WI", "SP", "SU", "FA")  # indexed by (month % 12) // 3


def rank_of(granularity: str | None) -> int:
    """The rank of an output granularity string; None (no granularity) ranks coarsest."""
    return COARSEST_RANK if granularity is None else Unit(granularity).rank
