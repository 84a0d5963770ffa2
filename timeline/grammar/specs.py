"""Underspecified meanings: what a matched expression says before it meets its anchor.

Phase one of resolution (productions) turns matched words into one of these; phase two
(`timeline.resolution`) fixes them against an anchor date. Keeping them apart is what lets the same
"September" become 2024-09 in one document and 2023-09 in another.

Each kind of expression has its own spec, with only the fields that kind uses, and resolution
dispatches on the kind: a day or month or year (DateSpec), the nth period of a year (PeriodSpec),
a decade or century (EraSpec), the week of a day (WeekOfSpec), a weekend (WeekendSpec), a count
from the anchor (RelativeSpec), and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from timeline.calendar.units import Unit


@dataclass(frozen=True)
class Amount:
    """A counted amount; `value` None is a vague one ('beberapa', 'a few': 2 to 5 units)."""

    value: float | None

    @property
    def vague(self) -> bool:
        return self.value is None


class Anchoring(StrEnum):
    """What a relative expression counts from."""

    REFERENCE = "reference"  # the publication date ('kemarin', 'two years ago')
    DISCOURSE = "discourse"  # the previous time in the text ('keesokan harinya', 'that year')
    TOPIC = "topic"  # the last period of the same unit the text named ('the quarter')


class Direction(IntEnum):
    """Which side of the reference a time with no year lies on, and whether the reference's own
    period counts: 'Juni lalu' said in June may be this June (PAST), 'last June' is the one
    before (PAST_STRICT). The sign is the side; the size, how strict."""

    PAST_STRICT = -2
    PAST = -1
    THIS = 0
    FUTURE = 1
    FUTURE_STRICT = 2

    @classmethod
    def of(cls, offset: int, strict: bool = False) -> Direction:
        """The direction of a deictic word's offset (-1, 0, +1), strict when the file says so."""
        sign = (offset > 0) - (offset < 0)
        return cls(sign * 2 if strict else sign)


@dataclass(frozen=True, slots=True)
class CalendarFields:
    """What every calendar expression may say about its year: the year itself (4 or 2 digits),
    a year relative to the anchor ('Juni tahun lalu'), the side of the reference ('Maret lalu'),
    a mod (early/mid/late) and what it counts from."""

    year: int | None = None
    year_digits: int = 4
    year_offset: int | None = None  # 'Juni tahun lalu': the anchor's year + offset
    direction: Direction | None = None
    mod: str | None = None
    anchoring: Anchoring = Anchoring.REFERENCE

    @property
    def open_year(self) -> bool:
        """Nothing in the expression fixes its year or side: the context must."""
        return self.direction is None and self.year is None and self.year_offset is None


@dataclass(frozen=True, slots=True)
class DateSpec(CalendarFields):
    """A day, a month, a year or a weekday: '17 Juni 2024', 'September 2023', '2024', 'Senin'."""

    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 1 = Monday .. 7 = Sunday

    @property
    def unit(self) -> Unit:
        """The calendar unit the date names."""
        if self.day is not None or self.weekday is not None:
            return Unit.DAY
        return Unit.MONTH if self.month is not None else Unit.YEAR

    @property
    def bare_weekday(self) -> bool:
        return self.weekday is not None and self.day is None and self.month is None

    @property
    def bare_month(self) -> bool:
        """A month (or day and month) whose year the context must give."""
        return self.month is not None and self.open_year


@dataclass(frozen=True, slots=True)
class PeriodSpec(CalendarFields):
    """The nth period of a year: 'kuartal ketiga 2023', 'Q3', 'semester I', 'musim panas lalu',
    'week 25'. `index` counts from 1 (seasons from 0: winter, spring, summer, fall)."""

    unit: Unit = Unit.QUARTER
    index: int = 1


@dataclass(frozen=True, slots=True)
class ClimateSeasonSpec(CalendarFields):
    """A season of a climate that TIMEX3 has no code for ('musim hujan', the wet season of
    Indonesia's climate, October to March): its months come from the language file, and a year
    names the season that begins in it ('musim hujan tahun lalu')."""

    first_month: int = 10
    months: int = 6


@dataclass(frozen=True, slots=True)
class EraSpec(CalendarFields):
    """A decade ('tahun 1990-an': year 1990; "the '90s": year 90 with two digits), a century or
    a millennium ('abad ke-21': index 21)."""

    unit: Unit = Unit.DECADE
    index: int | None = None


@dataclass(frozen=True, slots=True)
class WeekendSpec(CalendarFields):
    """'the weekend', 'akhir pekan': told like a weekday, by the tense around it."""


@dataclass(frozen=True, slots=True)
class WeekOfSpec:
    """'the week of March 6': the week (or weekend) that holds a day."""

    unit: Unit
    day: DateSpec
    mod: str | None = None


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
    direction: Direction  # PAST or FUTURE
    anchoring: Anchoring = Anchoring.REFERENCE
    may_be_span: bool = False  # 'in a few days': in a past clause, how long something took


@dataclass(frozen=True, slots=True)
class RecentSpec:
    """'tiga bulan terakhir', 'in recent months': a duration that ends on the anchor day; with
    direction FUTURE, 'tiga hari ke depan', 'the coming weeks': one that starts on it."""

    unit: Unit
    amount: float | None  # None: vague ('beberapa', 'recent')
    direction: Direction = Direction.PAST


@dataclass(frozen=True, slots=True)
class DurationSpec:
    unit: Unit
    amount: float | None
    # 'sembilan bulan pertama 2024': the first units of a year, placed from its first day
    year: int | None = None
    year_offset: int | None = None
    # '2 tahun dan 6 bulan', 'three hours and 20 minutes': a smaller unit's amount added
    more: tuple[Unit, float] | None = None


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
    direction: Direction | None = None
    shift_days: int = 0  # 'H-3 Lebaran': three days before
    hijri_year: int | None = None  # 'Idul Fitri 1446 H', '15 Ramadan 1446 H': wins over year
    mod: str | None = None  # 'awal Ramadan': START / MID / END of a span

    @property
    def open_year(self) -> bool:
        """Nothing in the expression fixes its year (Gregorian or Hijri) or side."""
        return (
            self.direction is None
            and self.year is None
            and self.year_offset is None
            and self.hijri_year is None
        )


@dataclass(frozen=True, slots=True)
class PeriodEndingSpec:
    """'the quarter ended Sept. 30': a reporting period named by its last day, which the text
    gives as the next expression (TimeML keeps the two apart). Without that day it is just a
    span of one unit ('for the year to date')."""

    unit: Unit
    end: DateSpec | None = None


@dataclass(frozen=True, slots=True)
class EventRelativeSpec:
    """'dua hari setelah insiden', 'a week after the ceasefire': an amount counted from a
    happening the text names (`event`, its words as written). Alone it is only the amount
    (TimeML's DURATION); the events stage dates it from the named event when the text dates
    that event (timeline/events/relative.py)."""

    unit: Unit
    amount: float
    direction: Direction  # PAST: before the event, FUTURE: after it
    event: str


@dataclass(frozen=True, slots=True)
class FocusPeriodSpec:
    """'the latest period' in an earnings report: the quarter or half the report is about. Only
    the document context can say which; alone it names no time."""


CalendarSpec = DateSpec | PeriodSpec | ClimateSeasonSpec | EraSpec | WeekendSpec
"""The specs with calendar fields of their own (a year, a side of the reference)."""

Spec = (
    EventRelativeSpec
    | DateSpec
    | PeriodSpec
    | ClimateSeasonSpec
    | EraSpec
    | WeekendSpec
    | WeekOfSpec
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
