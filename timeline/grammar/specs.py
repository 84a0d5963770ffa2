"""Underspecified meanings: what a matched expression says before it meets its anchor.

Phase one of resolution (productions) turns matched words into one of these; phase two
(`timeline.resolution.resolve`) fixes them against an anchor date. Keeping them apart is what lets the same
"September" become 2024-09 in one document and 2023-09 in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from timeline.calendar.arithmetic import Unit


class Anchoring(StrEnum):
    """What a relative expression counts from."""

    REFERENCE = "reference"  # the publication date ('kemarin', 'two years ago')
    DISCOURSE = "discourse"  # the previous time in the text ('keesokan harinya', 'that year')
    TOPIC = "topic"  # the last period of the same unit the text named ('the quarter')


@dataclass(frozen=True, slots=True)
class CalendarSpec:
    """A date given by calendar fields; missing fields are inferred at resolution."""

    year: int | None = None
    year_digits: int = 4
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 1 = Monday .. 7 = Sunday
    unit: Unit | None = None  # an nth unit: quarter, half, season, week, decade, century
    index: int | None = None  # which quarter/half/season/week/decade/century
    year_offset: int | None = None  # 'Juni tahun lalu': the year is the anchor's year + offset
    direction: int | None = None  # -1 past cue, 0 'this', +1 future cue
    mod: str | None = None
    anchoring: Anchoring = Anchoring.REFERENCE


@dataclass(frozen=True, slots=True)
class RelativeSpec:
    """A calendar unit counted from the anchor: 'bulan lalu', 'next year', 'tiga minggu lalu'."""

    unit: Unit
    offset: int
    mod: str | None = None  # START/MID/END, or EARLIER/LATER for 'earlier/later this year'
    anchoring: Anchoring = Anchoring.REFERENCE
    counted: bool = False  # 'two years ago' (counted) rather than 'last year' (named)
    may_be_span: bool = False  # 'in two weeks': in a past clause, how long something took


@dataclass(frozen=True, slots=True)
class VagueShiftSpec:
    """'beberapa hari lalu', 'in a few weeks': 2 to 5 units from the anchor."""

    unit: Unit
    direction: int
    anchoring: Anchoring = Anchoring.REFERENCE
    may_be_span: bool = False  # 'in a few days': in a past clause, how long something took


@dataclass(frozen=True, slots=True)
class RecentSpec:
    """'tiga bulan terakhir', 'in recent months': a duration that ends on the anchor day; with
    direction +1, 'tiga hari ke depan', 'the coming weeks': one that starts on it."""

    unit: Unit
    amount: float | None  # None: vague ('beberapa', 'recent')
    direction: int = -1


@dataclass(frozen=True, slots=True)
class DurationSpec:
    unit: Unit
    amount: float | None
    # 'sembilan bulan pertama 2024': the first units of a year, placed from its first day
    year: int | None = None
    year_offset: int | None = None


@dataclass(frozen=True, slots=True)
class SetSpec:
    value: str
    unit: Unit | None = None


@dataclass(frozen=True, slots=True)
class ReferenceSpec:
    value: str  # PAST_REF, PRESENT_REF, FUTURE_REF


@dataclass(frozen=True, slots=True)
class ClockSpec:
    """A time of day, optionally on a date given by another spec."""

    hour: int | None = None
    minute: int | None = None
    part: str | None = None  # MO, MI, AF, EV, NI, DT (dini hari)
    zone: str | None = None  # '+07:00'
    date: Spec | None = None


@dataclass(frozen=True, slots=True)
class MovingDateSpec:
    """A named day whose date changes each year (Easter, Thanksgiving, Idul Fitri), or a date of
    the Hijri calendar ('15 Ramadan 1446 H', 'bulan Syawal')."""

    rule: tuple[tuple[str, str], ...]  # the language file's rule, as sorted (key, value) pairs
    year: int | None = None
    year_offset: int | None = None
    direction: int | None = None
    shift_days: int = 0  # 'H-3 Lebaran': three days before
    hijri_year: int | None = None  # 'Idul Fitri 1446 H', '15 Ramadan 1446 H': wins over year
    mod: str | None = None  # 'awal Ramadan': START / MID / END of a span


@dataclass(frozen=True, slots=True)
class PeriodEndingSpec:
    """'the quarter ended Sept. 30': a reporting period named by its last day, which the text
    gives as the next expression (TimeML keeps the two apart). Without that day it is just a
    span of one unit ('for the year to date')."""

    unit: Unit
    end: CalendarSpec | None = None


@dataclass(frozen=True, slots=True)
class FocusPeriodSpec:
    """'the latest period' in an earnings report: the quarter or half the report is about. Only
    the document context can say which; alone it names no time."""


Spec = (
    CalendarSpec
    | FocusPeriodSpec
    | PeriodEndingSpec
    | MovingDateSpec
    | RelativeSpec
    | VagueShiftSpec
    | RecentSpec
    | DurationSpec
    | SetSpec
    | ReferenceSpec
    | ClockSpec
)


class Rejected(Exception):
    """The words matched but name no real time ('32 Juni 2024'): the span yields nothing."""
