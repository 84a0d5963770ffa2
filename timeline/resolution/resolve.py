"""Phase two: an underspecified spec plus an anchor date gives a TIMEX3 value and an interval.

The rules here are the project's conventions (docs/conventions.md): which September a bare
"September" is, what "beberapa hari lalu" covers, where "the last three months" starts. Nothing
here knows a language, and nothing reads the clock: the anchor is always an argument.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypedDict

from timeline.calendar.arithmetic import (
    add_months,
    duration_value,
    go_back,
    shift,
    third,
    timex_value,
    unit_end,
    unit_start,
    weekday_after,
    weekday_on_or_before,
)
from timeline.calendar.holidays import (
    HolidayDate,
    rule_in_hijri_year,
    rule_in_year,
    rule_intervals,
)
from timeline.calendar.units import CLOCK_UNITS, SEASON_CODES, Unit
from timeline.grammar.specs import (
    CalendarFields,
    ClimateSeasonSpec,
    ClockSpec,
    DateSpec,
    Direction,
    DurationSpec,
    EraSpec,
    EventRelativeSpec,
    FocusPeriodSpec,
    MovingDateSpec,
    PeriodEndingSpec,
    PeriodSpec,
    RecentSpec,
    ReferenceSpec,
    Rejected,
    RelativeSpec,
    SetSpec,
    Spec,
    VagueShiftSpec,
    WeekendSpec,
    WeekOfSpec,
)
from timeline.models.kinds import TimexType

VAGUE_NEAR, VAGUE_FAR = 2, 5  # "a few" units: two to five

# Parts of day as (value code, start hour, end hour); an end past 24 runs into the next day.
PARTS_OF_DAY = {
    "MO": ("MO", 6, 12),
    "MI": ("MI", 11, 15),
    "AF": ("AF", 12, 18),
    "EV": ("EV", 18, 24),
    "NI": ("NI", 18, 30),
    "DT": ("NI", 0, 6),  # dini hari: the small hours of day D
}

YearHint = Callable[[DateSpec], int | None]


class ResolutionFields(TypedDict):
    """What every output model (a resolved phrase, a timex) takes from a resolution."""

    type: TimexType
    value: str
    mod: str | None
    start: str | None
    end: str | None
    granularity: str | None
    approximate: bool
    warnings: list[str]


@dataclass(frozen=True, slots=True)
class Resolution:
    type: TimexType
    value: str
    mod: str | None = None
    start: str | None = None
    end: str | None = None
    granularity: str | None = None
    approximate: bool = False
    used_anchor: bool = False
    warnings: tuple[str, ...] = ()
    day: date | None = None  # the day a clock time hangs on, for joined expressions

    def output_fields(self) -> ResolutionFields:
        """What every output model (a resolved phrase, a timex) takes from a resolution."""
        return {
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "approximate": self.approximate,
            "warnings": list(self.warnings),
        }


def resolve(
    spec: Spec,
    anchor: date,
    *,
    approx: str | None = None,
    cue: Direction | None = None,
    year_hint: YearHint | None = None,
) -> Resolution:
    """Resolve `spec` against `anchor`; `cue` is the side of the reference the context's tense
    points to.

    Raises Rejected when the text names no real time, including one outside the calendar's
    years 1-9999 ('3000 tahun yang lalu' from 2024).
    """
    try:
        return _resolve(spec, anchor, approx=approx, cue=cue, year_hint=year_hint)
    except (ValueError, OverflowError) as exc:
        raise Rejected(f"outside the calendar: {exc}") from None


BEFORE_COMMON_ERA = "before the common era: no interval (the calendar here starts in year 1)"
"""The warning of a time before year 1, which has a TIMEX3 value (BC0480) but no interval."""

_Resolver = Callable[..., "Resolution"]
_RESOLVERS: dict[type, _Resolver] = {}


def _resolves(*kinds: type) -> Callable[[_Resolver], _Resolver]:
    """Register the function that resolves a kind of spec: resolution dispatches on the kind."""

    def register(function: _Resolver) -> _Resolver:
        for kind in kinds:
            _RESOLVERS[kind] = function
        return function

    return register


def _resolve(
    spec: Spec,
    anchor: date,
    *,
    approx: str | None,
    cue: Direction | None,
    year_hint: YearHint | None,
) -> Resolution:
    resolver = _RESOLVERS.get(type(spec))
    if resolver is None:  # pragma: no cover - every kind of the Spec union registers one
        raise TypeError(f"unknown spec {spec!r}")
    result = resolver(spec, anchor, cue, year_hint)
    if approx:
        result = _with(result, mod=result.mod or approx, approximate=True)
    return result


@_resolves(FocusPeriodSpec)
def _focus_period(spec: FocusPeriodSpec, anchor: date, cue: object, hint: object) -> Resolution:
    raise Rejected("no reporting period in focus")


@_resolves(DurationSpec)
def _duration(spec: DurationSpec, anchor: date, cue: object, hint: object) -> Resolution:
    value = duration_value(spec.unit, spec.amount)
    if spec.more is not None:
        value = _joined_durations(value, duration_value(*spec.more))
    result = Resolution("DURATION", value, granularity=spec.unit.value)
    result = _with(result, approximate=spec.amount is None)
    return _placed_in_year(result, spec, anchor)


@_resolves(EventRelativeSpec)
def _event_relative(spec: EventRelativeSpec, anchor: date, cue: object, hint: object) -> Resolution:
    """Before the events are known, 'dua hari setelah insiden' is its amount (TimeML marks the
    amount as a DURATION); events/relative.py dates it from the named event."""
    value = duration_value(spec.unit, spec.amount)
    return Resolution("DURATION", value, granularity=spec.unit.value)


def _joined_durations(first: str, second: str) -> str:
    """'P2Y' and 'P6M' -> 'P2Y6M'; 'P2D' and 'PT12H' -> 'P2DT12H'; weeks do not stand beside
    days, so 'P2W' and 'P3D' -> 'P17D'."""
    if first.endswith("W") and "T" not in second and second.endswith("D") and "X" not in first:
        return f"P{int(float(first[1:-1]) * 7 + float(second[1:-1]))}D"
    date_a, _, time_a = first[1:].partition("T")
    date_b, _, time_b = second[1:].partition("T")
    time = time_a + time_b
    return f"P{date_a}{date_b}" + (f"T{time}" if time else "")


@_resolves(SetSpec)
def _set(spec: SetSpec, anchor: date, cue: object, hint: object) -> Resolution:
    return Resolution("SET", spec.value, granularity=spec.unit.value if spec.unit else None)


def _with(result: Resolution, **changes: object) -> Resolution:
    fields = {name: getattr(result, name) for name in Resolution.__slots__}
    fields.update(changes)
    return Resolution(**fields)


def expand_two_digit_year(year: int, anchor: date) -> int:
    """'98 -> 1998 and '24 -> 2024: the century that puts the year nearest the anchor."""
    century = anchor.year - anchor.year % 100
    candidates = (century - 100 + year, century + year, century + 100 + year)
    return min(candidates, key=lambda y: (abs(y - anchor.year), -y))


def _date_occurrence(spec: DateSpec, year: int) -> date | None:
    """Start of the day, month or year the spec names in `year`; None when that year has no
    such date (29 February)."""
    try:
        if spec.day is not None:
            return date(year, spec.month or 1, spec.day)
        return date(year, spec.month or 1, 1)
    except ValueError:
        return None


def _period_occurrence(spec: PeriodSpec, year: int) -> date | None:
    """First day of the nth quarter, half, season or ISO week of `year`."""
    try:
        if spec.unit is Unit.QUARTER:
            return date(year, 3 * (spec.index - 1) + 1, 1)
        if spec.unit is Unit.HALF:
            return date(year, 1 if spec.index == 1 else 7, 1)
        if spec.unit is Unit.SEASON:
            return date(year, (3 * spec.index) or 12, 1)
        if spec.unit is Unit.WEEK:
            return date.fromisocalendar(year, spec.index, 1)
    except ValueError:
        return None
    raise ValueError(f"no yearly occurrence for {spec.unit}")


# A tense cue from the sentence (not from the expression itself) is weak: it cannot carry a date
# to the far side of the reference when the near side is this many times closer.
WEAK_CUE_RATIO = 4

Occurrence = Callable[[int], date | None]


def _occurrences_near(
    occurrence: Occurrence, unit: Unit, year: int, reach: int
) -> list[tuple[date, date]]:
    """The occurrences in the years around `year`, as [start, end) pairs."""
    pairs = []
    for candidate_year in range(year - reach, year + reach + 1):
        start = occurrence(candidate_year)
        if start is not None:
            pairs.append((start, unit_end(unit, start)))
    return pairs


def _choose(
    starts: list[tuple[date, date]],
    anchor: date,
    direction: Direction | None,
    weak: bool = False,
) -> tuple[date, date] | None:
    """Pick one occurrence by the conventions: past cue, future cue, or nearest (ties to past)."""
    if not starts:
        return None

    def distance(pair: tuple[date, date]) -> tuple[int, int]:
        start, end = pair
        if start <= anchor < end:
            gap = 0
        elif anchor < start:
            gap = (start - anchor).days
        else:
            gap = (anchor - end).days + 1
        return gap, 0 if start <= anchor else 1

    nearest = min(starts, key=distance)
    if direction is None or direction is Direction.THIS:
        return nearest
    if direction is Direction.PAST_STRICT:  # over by the reference day
        over = [s for s in starts if s[1] <= anchor]
        chosen = max(over) if over else min(starts)
    elif direction is Direction.PAST:  # begun by the reference day
        began = [s for s in starts if s[0] <= anchor]
        chosen = max(began) if began else min(starts)
    elif direction is Direction.FUTURE_STRICT:  # not begun by the reference day
        ahead = [s for s in starts if s[0] > anchor]
        chosen = min(ahead) if ahead else max(starts)
    else:  # FUTURE: not over by the reference day
        open_ = [s for s in starts if s[1] > anchor]
        chosen = min(open_) if open_ else max(starts)
    if weak and distance(nearest)[0] * WEAK_CUE_RATIO < distance(chosen)[0]:
        return nearest
    return chosen


def _year_of(spec: CalendarFields, anchor: date) -> tuple[int | None, bool]:
    """The year the expression itself gives, and whether the anchor was needed for it: a
    two-digit year takes the anchor's century, 'Juni tahun lalu' the anchor's year minus one."""
    year, used_anchor = spec.year, False
    if year is not None and spec.year_digits == 2:
        year, used_anchor = expand_two_digit_year(year, anchor), True
    if spec.year_offset is not None:
        year, used_anchor = anchor.year + spec.year_offset, True
    return year, used_anchor


def _yearly_start(
    occurrence: Occurrence,
    unit: Unit,
    anchor: date,
    year: int | None,
    direction: Direction | None,
    weak: bool,
) -> date:
    """The start of a yearly period (a day and month, a month, a quarter...): in the year given,
    else this year's for 'this', else the occurrence the direction picks near the anchor."""
    if year is not None:
        start = occurrence(year)
        if start is None:
            raise Rejected("no such date in that year")
        return start
    if direction is Direction.THIS:
        # 'this winter' in January is the winter under way, which began the December before
        ongoing = _containing(_occurrences_near(occurrence, unit, anchor.year, 1), anchor)
        start = ongoing[0] if ongoing is not None else occurrence(anchor.year)
        if start is None:
            raise Rejected("no such date this year")
        return start
    pairs = _occurrences_near(occurrence, unit, anchor.year, 1)
    if not pairs:  # 29 February: look further for a leap year
        pairs = _occurrences_near(occurrence, unit, anchor.year, 4)
    chosen = _choose(pairs, anchor, direction, weak=weak)
    if chosen is None:
        raise Rejected("no such date near the anchor")
    return chosen[0]


def _dated(
    unit: Unit,
    start: date,
    mod: str | None,
    used_anchor: bool,
    warnings: tuple[str, ...] = (),
) -> Resolution:
    """The DATE resolution of the calendar unit that begins at `start`, with its mod's part."""
    base = Resolution(
        "DATE",
        timex_value(unit, start),
        granularity=unit.value,
        used_anchor=used_anchor,
        warnings=warnings,
        day=start if unit is Unit.DAY else None,
    )
    return _modded(base, unit, start, unit_end(unit, start), mod)


@_resolves(DateSpec)
def _date(
    spec: DateSpec, anchor: date, cue: Direction | None, year_hint: YearHint | None
) -> Resolution:
    """A day, month, year or weekday. A bare weekday takes the week its tense gives; a month or
    day and month with no year the occurrence its tense gives, unless the document states the
    year of that month elsewhere."""
    if spec.year is not None and spec.year < 1:
        return _before_common_era(spec.year, spec.unit, _bc_fields(spec.month, spec.day))
    unit = spec.unit
    if spec.bare_weekday:
        assert spec.weekday is not None
        if spec.direction is not None:
            start = _weekday(spec.weekday, anchor, spec.direction)
        else:
            start = _weekday_in_context(spec.weekday, anchor, cue)
        return _dated(unit, start, spec.mod, used_anchor=True)
    direction = spec.direction if spec.direction is not None else cue
    year, used_anchor = _year_of(spec, anchor)

    def occurrence(candidate: int) -> date | None:
        return _date_occurrence(spec, candidate)

    start = _yearly_start(occurrence, unit, anchor, year, direction, weak=spec.direction is None)
    if year is None:
        used_anchor = True
        # The document's own year for this month wins over a future reading of a text that
        # does not speak of the future ('pada September', 'September 2023' elsewhere) ...
        hinted = year_hint(spec) if year_hint and direction is None else None
        if hinted is not None and start > anchor:
            stated = occurrence(hinted)
            # ... unless the text's weekday says otherwise ('Senin (4/3)' is a Monday)
            if stated is not None and stated <= anchor and _weekday_fits(spec, stated):
                start = stated
    warnings: tuple[str, ...] = ()
    if not _weekday_fits(spec, start):
        near = _fitting_day_near(spec, anchor, year)
        if near is not None:
            warnings = (
                f"weekday does not match {start.isoformat()} (a {start.strftime('%A')}); "
                f"took {near.isoformat()}, the day within a week of the reference that has "
                "both that weekday and that day of the month",
            )
            start, used_anchor = near, True
        else:
            warnings = (
                f"weekday does not match {start.isoformat()} (a {start.strftime('%A')}); "
                "the numbers were trusted",
            )
    return _dated(unit, start, spec.mod, used_anchor, warnings)


NEAR_MONTH_EDGE = 7
"""Days either side of the reference in which a weekday that disagrees with its numbers looks
for the day that fits both: a wrong month number is a slip at a month's edge."""


def _fitting_day_near(spec: DateSpec, anchor: date, year: int | None) -> date | None:
    """When the weekday and the numbers disagree ('Rabu (2/6)' in a paper of Wednesday 2 July:
    2 June was a Monday), the day within a week of the reference that has both the weekday and
    the day of the month (and the year, if written), if any: the month number is the slip, as
    reporters carry last month's number over the month's edge. None when no day fits both."""
    if spec.day is None or spec.weekday is None:
        return None
    for offset in sorted(range(-NEAR_MONTH_EDGE, NEAR_MONTH_EDGE + 1), key=abs):
        day = anchor + timedelta(days=offset)
        if (
            day.day == spec.day
            and day.isoweekday() == spec.weekday
            and (year is None or day.year == year)
        ):
            return day
    return None


def _weekday_fits(spec: DateSpec, day: date) -> bool:
    """Whether a day agrees with the weekday the text gives beside its numbers, if any."""
    return spec.weekday is None or spec.day is None or day.isoweekday() == spec.weekday


@_resolves(PeriodSpec)
def _period(spec: PeriodSpec, anchor: date, cue: Direction | None, hint: object) -> Resolution:
    """The nth quarter, half, season or ISO week of the year given, or of the year its tense
    gives."""
    if spec.year is not None and spec.year < 1:
        if spec.unit is not Unit.SEASON:
            raise Rejected("only seasons are told of years before the common era")
        return _before_common_era(spec.year, spec.unit, f"-{SEASON_CODES[spec.index]}")
    direction = spec.direction if spec.direction is not None else cue
    year, used_anchor = _year_of(spec, anchor)

    def occurrence(candidate: int) -> date | None:
        return _period_occurrence(spec, candidate)

    start = _yearly_start(
        occurrence, spec.unit, anchor, year, direction, weak=spec.direction is None
    )
    return _dated(spec.unit, start, spec.mod, used_anchor or year is None)


@_resolves(ClimateSeasonSpec)
def _climate_season(
    spec: ClimateSeasonSpec, anchor: date, cue: Direction | None, hint: object
) -> Resolution:
    """A season TIMEX3 has no code for ('musim hujan'): its value is the year it begins in, its
    interval its months (October 2024 to March 2025 for 'musim hujan 2024'), approximate since
    the rains keep no calendar; which one, as for a month: the year given, the one under way
    for 'ini', else the tense's or the nearest."""
    direction = spec.direction if spec.direction is not None else cue
    year, used_anchor = _year_of(spec, anchor)
    years = [year] if year is not None else [anchor.year - 1, anchor.year, anchor.year + 1]
    pairs = [
        (date(y, spec.first_month, 1), add_months(date(y, spec.first_month, 1), spec.months))
        for y in years
    ]
    if direction is Direction.THIS and year is None:
        chosen = _containing(pairs, anchor) or pairs[1]
    else:
        chosen = _choose(pairs, anchor, direction, weak=spec.direction is None) or pairs[0]
    start, end = chosen
    base = Resolution(
        "DATE",
        f"{start.year:04d}",
        granularity=Unit.SEASON.value,
        approximate=True,
        used_anchor=used_anchor or year is None,
    )
    return _modded(base, Unit.SEASON, start, end, spec.mod)


def _containing(pairs: list[tuple[date, date]], day: date) -> tuple[date, date] | None:
    """The occurrence under way on `day`, if any."""
    return next((pair for pair in pairs if pair[0] <= day < pair[1]), None)


@_resolves(WeekendSpec)
def _weekend(spec: WeekendSpec, anchor: date, cue: Direction | None, hint: object) -> Resolution:
    direction = spec.direction if spec.direction is not None else cue
    start = _weekend_in_context(anchor, direction)
    return _dated(Unit.WEEKEND, start, spec.mod, used_anchor=True)


@_resolves(WeekOfSpec)
def _week_of(
    spec: WeekOfSpec, anchor: date, cue: Direction | None, year_hint: YearHint | None
) -> Resolution:
    """'the week of March 6': the week that holds that day."""
    on = _date(spec.day, anchor, cue, year_hint)
    start = unit_start(spec.unit, date.fromisoformat(on.start or anchor.isoformat()))
    return _dated(spec.unit, start, spec.mod, on.used_anchor)


@_resolves(EraSpec)
def _era(spec: EraSpec, anchor: date, cue: object, hint: object) -> Resolution:
    """A decade ('the 1990s', "the '90s": the one of that name nearest the anchor, not after
    it), a century or a millennium (by its number)."""
    unit = spec.unit
    used_anchor = False
    if spec.index is not None and spec.index < 0 and unit is not Unit.DECADE:
        span = 100 if unit is Unit.CENTURY else 1000
        digits = 2 if unit is Unit.CENTURY else 1
        # the 4th century BC (400-301 BC) is BC03, as the 21st century is 20
        return _before_common_era(-span * -spec.index, unit, "", f"BC{-spec.index - 1:0{digits}d}")
    if unit is Unit.DECADE:
        if spec.year is None:
            raise Rejected("a decade needs its year")
        first = spec.year
        if spec.year_digits == 2:
            first, used_anchor = _two_digit_decade(spec.year, anchor), True
        span = 10
    else:
        if spec.index is None:
            raise Rejected(f"a {unit} needs its number")
        span = 100 if unit is Unit.CENTURY else 1000
        first = (spec.index - 1) * span
    start, end = date(max(1, first), 1, 1), date(first + span, 1, 1)
    digits = {10: 3, 100: 2, 1000: 1}[span]  # TIMEX3: decade '199', century '20'
    value = f"{first // span:0{digits}d}"
    base = Resolution("DATE", value, granularity=unit.value, used_anchor=used_anchor)
    return _modded(base, unit, start, end, spec.mod)


def _bc_fields(month: int | None, day: int | None) -> str:
    """The month and day of a value before the common era: '-04', '-04-05'."""
    return (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")


def _before_common_era(year: int, unit: Unit, fields: str, value: str | None = None) -> Resolution:
    """A time before year 1 ('April 480 BC', 'the 4th century BC'): its TIMEX3 value (BC0480-04,
    BC03), and no interval, since this calendar's days begin on 1 January of year 1. `year` is
    negative, as the specs hold it (-480 is 480 BC)."""
    return Resolution(
        "DATE",
        value or f"BC{-year:04d}{fields}",
        granularity=unit.value,
        warnings=(BEFORE_COMMON_ERA,),
    )


def _placed_in_year(result: Resolution, spec: DurationSpec, anchor: date) -> Resolution:
    """'sembilan bulan pertama 2024' covers [2024-01-01, 2024-10-01): the first units of a
    year, when the text names the year and a whole number of units."""
    year = spec.year if spec.year_offset is None else anchor.year + spec.year_offset
    if year is None or spec.amount is None or not float(spec.amount).is_integer():
        return result
    start = date(year, 1, 1)
    end = shift(spec.unit, start, int(spec.amount))
    return _with(
        result,
        start=start.isoformat(),
        end=end.isoformat(),
        used_anchor=spec.year_offset is not None,
    )


def _minute(moment: datetime) -> str:
    """'0999-06-01T18:00': isoformat pads the year to four digits where strftime('%Y') may not."""
    return moment.isoformat(timespec="minutes")


def _two_digit_decade(digits: int, anchor: date) -> int:
    """ "the '90s" -> 1990: the decade of that name nearest the anchor, not after it."""
    century = anchor.year - anchor.year % 100
    first = century + digits
    return first if first <= anchor.year else first - 100


def _modded(base: Resolution, unit: Unit, start: date, end: date, mod: str | None) -> Resolution:
    if mod in ("START", "MID", "END"):
        start, end = third(unit, start, end, mod)
    return _with(base, mod=mod, start=start.isoformat(), end=end.isoformat())


def _weekday(weekday: int, anchor: date, direction: Direction | None) -> date:
    index = weekday - 1
    if direction is None:
        return weekday_on_or_before(anchor, index)
    if direction < Direction.THIS:
        return weekday_on_or_before(anchor - timedelta(days=1), index)
    if direction > Direction.THIS:
        return weekday_after(anchor, index)
    return anchor - timedelta(days=anchor.weekday()) + timedelta(days=index)


def _weekend_in_context(anchor: date, direction: Direction | None) -> date:
    """The Saturday of a bare weekend: with no cue the weekend nearest the reference day (ties
    to the past: 'the weekend' on Monday is the one just gone, on Friday the coming one); a past
    cue takes the latest that has begun, a future cue the first not yet over."""
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)  # on or before the anchor
    weekends = [
        (saturday + timedelta(weeks=k), saturday + timedelta(weeks=k, days=2)) for k in (-1, 0, 1)
    ]
    chosen = _choose(weekends, anchor, direction)
    assert chosen is not None  # three candidates
    return chosen[0]


def _weekday_in_context(weekday: int, anchor: date, cue: Direction | None) -> date:
    """A bare weekday with only the sentence's tense to go on: the tense decides the side of
    the reference day, which itself stays possible ('said Friday' in Friday's paper is today)."""
    index = weekday - 1
    if cue is not None and cue > Direction.THIS:
        return weekday_after(anchor - timedelta(days=1), index)
    return weekday_on_or_before(anchor, index)


@_resolves(PeriodEndingSpec)
def _period_ending(
    spec: PeriodEndingSpec, anchor: date, cue: Direction | None, year_hint: YearHint | None
) -> Resolution:
    """A reporting period that is a calendar one ('the quarter ended Sept. 30') has that
    period's DATE value, as TimeBank annotates it; a fiscal one ('the year ended March 31')
    matches no calendar value, so it stays a DURATION, placed on the days it covers."""
    unit = spec.unit
    value = duration_value(unit, 1)
    if spec.end is None:
        return Resolution("DURATION", value, granularity=unit.value)
    end = _date(spec.end, anchor, cue, year_hint)
    after = date.fromisoformat(end.end or anchor.isoformat())  # the day after the last one
    start = go_back(unit, after, 1)
    if unit_start(unit, start) == start and unit_end(unit, start) == after:
        result = Resolution(
            "DATE", timex_value(unit, start), granularity=unit.value, used_anchor=end.used_anchor
        )
    else:
        result = Resolution("DURATION", value, granularity=unit.value, used_anchor=end.used_anchor)
    return _with(result, start=start.isoformat(), end=after.isoformat())


@_resolves(RelativeSpec)
def _relative(spec: RelativeSpec, anchor: date, cue: object, hint: object) -> Resolution:
    unit = spec.unit
    if unit in CLOCK_UNITS:
        # The anchor is a day, not a moment: 'two hours ago' can only be placed on that day.
        return Resolution(
            "DATE",
            anchor.isoformat(),
            start=anchor.isoformat(),
            end=(anchor + timedelta(days=1)).isoformat(),
            granularity=Unit.DAY.value,
            used_anchor=True,
            day=anchor,
        )
    start = shift(unit, anchor, spec.offset)
    end = unit_end(unit, start)
    value = timex_value(unit, start)
    base = Resolution(
        "DATE",
        value,
        granularity=unit.value,
        used_anchor=True,
        day=start if unit is Unit.DAY else None,
    )
    if spec.mod == "EARLIER":
        if spec.offset == 0:
            return _with(base, mod="START", start=start.isoformat(), end=anchor.isoformat())
        return _modded(base, unit, start, end, "START")
    if spec.mod == "LATER":
        if spec.offset == 0:
            after = anchor + timedelta(days=1)
            return _with(base, mod="END", start=after.isoformat(), end=end.isoformat())
        return _modded(base, unit, start, end, "END")
    return _modded(base, unit, start, end, spec.mod)


@_resolves(VagueShiftSpec)
def _vague_shift(spec: VagueShiftSpec, anchor: date, cue: object, hint: object) -> Resolution:
    unit = Unit.DAY if spec.unit in CLOCK_UNITS else spec.unit
    value = "PAST_REF" if spec.direction < 0 else "FUTURE_REF"
    if spec.unit in CLOCK_UNITS:
        start, end = anchor, anchor + timedelta(days=1)
    elif spec.direction < 0:
        start = shift(unit, anchor, -VAGUE_FAR)
        end = unit_end(unit, shift(unit, anchor, -VAGUE_NEAR))
    else:
        start = shift(unit, anchor, VAGUE_NEAR)
        end = unit_end(unit, shift(unit, anchor, VAGUE_FAR))
    return Resolution(
        "DATE",
        value,
        start=start.isoformat(),
        end=end.isoformat(),
        granularity=spec.unit.value,
        approximate=True,
        used_anchor=True,
    )


@_resolves(RecentSpec)
def _recent(spec: RecentSpec, anchor: date, cue: object, hint: object) -> Resolution:
    amount = spec.amount
    count = VAGUE_FAR if amount is None else amount
    back = -spec.direction  # units to go back: N for 'the last N', -N for 'the next N'
    if spec.unit in CLOCK_UNITS:
        seconds = {Unit.HOUR: 3600, Unit.MINUTE: 60, Unit.SECOND: 1}[spec.unit] * count
        far = anchor - back * timedelta(days=int(-(-seconds // 86400)))
    elif float(count).is_integer():
        far = go_back(spec.unit, anchor, back * int(count))
    else:
        far = go_back(Unit.DAY, anchor, back * round(count * _approx_days(spec.unit)))
    if spec.direction < 0:
        start, end = far, anchor + timedelta(days=1)
    else:
        start, end = anchor, far + timedelta(days=1)
    return Resolution(
        "DURATION",
        duration_value(spec.unit, amount),
        start=start.isoformat(),
        end=end.isoformat(),
        granularity=spec.unit.value,
        approximate=amount is None,
        used_anchor=True,
    )


def _approx_days(unit: Unit) -> float:
    return (unit_end(unit, date(2001, 1, 1)) - date(2001, 1, 1)).days


@_resolves(ReferenceSpec)
def _reference(spec: ReferenceSpec, anchor: date, cue: object, hint: object) -> Resolution:
    if spec.value == "PRESENT_REF":
        return Resolution(
            "DATE",
            spec.value,
            start=anchor.isoformat(),
            end=(anchor + timedelta(days=1)).isoformat(),
            granularity=Unit.DAY.value,
            approximate=True,
            used_anchor=True,
        )
    return Resolution("DATE", spec.value, approximate=True, used_anchor=True)


@_resolves(ClockSpec)
def _clock(
    spec: ClockSpec, anchor: date, cue: Direction | None, year_hint: YearHint | None
) -> Resolution:
    used_anchor = spec.date is None
    warnings: tuple[str, ...] = ()
    day = anchor
    if spec.date is not None:
        on = resolve(spec.date, anchor, cue=cue, year_hint=year_hint)
        if on.day is None:
            raise Rejected("a time of day needs a day")
        day, used_anchor, warnings = on.day, on.used_anchor, on.warnings
    zone = spec.zone or ""
    if spec.hour is not None:
        moment = datetime(day.year, day.month, day.day, spec.hour, spec.minute or 0)
        later = moment + timedelta(minutes=1)
        value = _minute(moment)
        return Resolution(
            "TIME",
            value,
            start=value + zone,
            end=_minute(later) + zone,
            granularity=Unit.MINUTE.value,
            used_anchor=used_anchor,
            warnings=warnings,
            day=day,
        )
    if spec.part is None:
        raise Rejected("a time of day needs an hour or a part of the day")
    code, first_hour, last_hour = PARTS_OF_DAY[spec.part]
    midnight = datetime(day.year, day.month, day.day)
    start = midnight + timedelta(hours=first_hour)
    end = midnight + timedelta(hours=last_hour)
    return Resolution(
        "TIME",
        f"{day.isoformat()}T{code}",
        start=_minute(start) + zone,
        end=_minute(end) + zone,
        granularity=Unit.PART_OF_DAY.value,
        used_anchor=used_anchor,
        warnings=warnings,
        day=day,
    )


@_resolves(MovingDateSpec)
def _moving(spec: MovingDateSpec, anchor: date, cue: Direction | None, hint: object) -> Resolution:
    """A named day (or span, Ramadan) from calendar/holidays.py. A Hijri year ('1446 H') picks
    its occurrence outright; a Gregorian year the one with the most days in it; no year the
    occurrence the conventions choose near the anchor. A day that no calendar can place keeps
    the year, approximate, rather than vanishing."""
    rule = dict(spec.rule)
    year = spec.year if spec.year_offset is None else anchor.year + spec.year_offset
    found: HolidayDate | None
    if spec.hijri_year is not None:
        found = rule_in_hijri_year(rule, spec.hijri_year)
        if found is None:
            raise Rejected("no Hijri date for a day of another calendar")
        return _named_day(found, spec.shift_days, spec.mod, used_anchor=False)
    if year is not None:
        found = rule_in_year(rule, year)
        if found is None:
            return _year_only(year, used_anchor=spec.year is None)
        return _named_day(found, spec.shift_days, spec.mod, used_anchor=spec.year is None)
    direction = spec.direction if spec.direction is not None else cue
    shift = timedelta(days=spec.shift_days)
    candidates: dict[date, HolidayDate] = {}
    for near in range(anchor.year - 1, anchor.year + 2):
        for interval in rule_intervals(rule, near):
            candidates.setdefault(interval.start, interval)
    pairs = [
        (h.start + shift, h.start + shift + timedelta(days=1)) if shift else (h.start, h.end)
        for h in candidates.values()
    ]
    picked = _choose(sorted(pairs), anchor, direction, weak=spec.direction is None)
    if picked is None:
        return _year_only(anchor.year, used_anchor=True)
    found = candidates[picked[0] - shift]
    return _named_day(found, spec.shift_days, spec.mod, used_anchor=True)


def _named_day(
    found: HolidayDate, shift_days: int, mod: str | None, *, used_anchor: bool
) -> Resolution:
    """A day has its date as value. A span of another calendar (Ramadan, a Hijri month or
    year) has no TIMEX3 value of its own: it takes the Gregorian month (or year) that holds
    most of its days, and the interval keeps its real days; 'awal Ramadan' is its first ten
    days, 'pertengahan' the next ten, 'akhir' the rest, as for a month (conventions)."""
    if shift_days or found.days == 1:
        day = found.start + timedelta(days=shift_days)
        return Resolution(
            "DATE",
            day.isoformat(),
            start=day.isoformat(),
            end=(day + timedelta(days=1)).isoformat(),
            granularity=Unit.DAY.value,
            approximate=found.approximate,
            used_anchor=used_anchor,
            day=day,
        )
    unit = Unit.MONTH if found.days <= 31 else Unit.YEAR
    days = [found.start + timedelta(days=n) for n in range(found.days)]
    starts = [unit_start(unit, day) for day in days]
    most = max(starts, key=lambda start: (starts.count(start), -start.toordinal()))
    start, end = found.start, found.end
    if mod in ("START", "MID", "END") and unit is Unit.MONTH:
        thirds = (start, start + timedelta(days=10), start + timedelta(days=20), end)
        index = ("START", "MID", "END").index(mod)
        start, end = thirds[index], thirds[index + 1]
    elif mod in ("START", "MID", "END"):
        start, end = third(unit, start, end, mod)
    return Resolution(
        "DATE",
        timex_value(unit, most),
        mod=mod,
        start=start.isoformat(),
        end=end.isoformat(),
        granularity=unit.value,
        approximate=found.approximate,
        used_anchor=used_anchor,
    )


def _year_only(year: int, *, used_anchor: bool) -> Resolution:
    """A named day no calendar here can place in that year keeps the year, approximate."""
    return Resolution(
        "DATE",
        f"{year:04d}",
        start=date(year, 1, 1).isoformat(),
        end=date(year + 1, 1, 1).isoformat(),
        granularity=Unit.YEAR.value,
        approximate=True,
        used_anchor=used_anchor,
        warnings=(f"no known date for this day in {year}: only the year is kept",),
    )
