"""Productions: the language-free meaning of a rule's matched groups.

A language file's rule names one of these functions and a pattern whose groups carry roles
(`day`, `month`, `unit`, `deictic`, ...). The production reads the roles' values (already looked up
in the language's tables) and builds an underspecified spec. No words live here: what "lalu" or
"ago" means is in the language file; what "a past cue on a month" means is here.

A production returns None when the roles do not fit it (a 'quarter' rule that matched 'minggu'),
which lets another rule claim the text; it raises Rejected when the text names an impossible time
('32 Juni 2024'), which blocks the span entirely.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from timeline.calendar.arithmetic import duration_value, is_valid_date
from timeline.calendar.holidays import is_islamic
from timeline.calendar.units import CLOCK_UNITS, SEASON_CODES, Unit
from timeline.grammar.specs import (
    Amount,
    Anchoring,
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

if TYPE_CHECKING:
    from timeline.languages.language import Language

Roles = Mapping[str, Any]
# A production gives one spec, or for a range one spec per named part of the match.
Production = Callable[[Roles, "Language"], Spec | list[tuple[str, Spec]] | None]

PRODUCTIONS: dict[str, Production] = {}
PRODUCTION_ROLES: dict[str, frozenset[str] | None] = {}
"""The roles each production reads (None: any, for a blocker); a language file's rule may name
only these, which the loader checks (a misspelt role would otherwise be dropped silently)."""

GENERIC_ROLES = frozenset({"approx", "outside"})
"""Roles every rule may use: an approximator ('sekitar') and a signal kept outside the span."""
UNIT_ROLES = frozenset({"unit", "unit_one", "vague_unit"})
AMOUNT_ROLES = frozenset({"amount", "times", "unit2", "fraction"})
YEAR_ROLES = frozenset({"year", "year2", "year_deictic", "era"})
DATE_ROLES = YEAR_ROLES | UNIT_ROLES | {"month", "day", "weekday", "deictic", "mod", "part"}
NUMERIC_DATE_ROLES = DATE_ROLES | {"n1", "n2"}
RANGE_ROLES = NUMERIC_DATE_ROLES | {
    "year_first",
    "month_first",
    "day_first",
    "weekday_first",
    "first",  # the part of the match that is the range's first expression
    "second",
}

# A year a Hijri day names in this range is a Hijri year (1300-1599 H is 1882-2175 CE); no
# news names a Gregorian year of the 14th to 16th century with Idul Fitri.
HIJRI_YEARS = (1300, 1599)

MAX_SHORT_RANGE = 9
"""Years at most between the two ends of a range whose second year has two digits ('1990-95',
'the 2022-23 season'): further apart, the digits are something else ('2015-27 Juli')."""

_CALENDAR_UNITS_FOR_NTH = {
    Unit.QUARTER: 4,
    Unit.HALF: 2,
    Unit.WEEK: 53,
    Unit.CENTURY: 30,
    Unit.MONTH: 12,
    Unit.DECADE: 10,
    Unit.MILLENNIUM: 3,
}


ProductionT = TypeVar("ProductionT", bound=Production)


def production(*roles: frozenset[str] | str | None) -> Callable[[ProductionT], ProductionT]:
    """Register a production under its name, with the roles it reads (sets or names; a single
    None: any role)."""

    def register(function: ProductionT) -> ProductionT:
        PRODUCTIONS[function.__name__] = function
        if roles == (None,):
            PRODUCTION_ROLES[function.__name__] = None
        else:
            names: set[str] = set(GENERIC_ROLES)
            for role in roles:
                names.update([role] if isinstance(role, str) else role or ())
            PRODUCTION_ROLES[function.__name__] = frozenset(names)
        return function

    return register


def offset_and_anchoring(value: Any) -> tuple[int, Anchoring]:
    """Deictic words are `-1` or `{offset = -1, anchor = "discourse"}` in language files."""
    if isinstance(value, dict):
        return int(value.get("offset", 0)), Anchoring(value.get("anchor", "reference"))
    return int(value), Anchoring.REFERENCE


def _unit(roles: Roles) -> Unit | None:
    value = roles.get("unit") or roles.get("unit_one") or roles.get("vague_unit")
    return Unit(value) if value else None


def _amount(roles: Roles) -> Amount | None:
    """The count before a unit: 'sebulan' is one, 'bertahun-tahun' and 'bulan-bulan' are vague."""
    if roles.get("unit_one"):
        return Amount(1.0)
    if roles.get("vague_unit") or roles.get("unit2"):
        return Amount(None)
    amount = roles.get("amount")
    if isinstance(amount, int | float):  # a word class that counts once: 'the year ended'
        amount = Amount(float(amount))
    times = roles.get("times")
    if times is not None and amount is not None and not amount.vague:
        return Amount(times * amount.value)  # '1x24 jam': 24 hours
    fraction = roles.get("fraction")
    if fraction is not None and amount is not None and amount.value is not None:
        return Amount(amount.value + float(fraction))  # 'an hour and a half': 1.5 hours
    return amount


BEFORE_COMMON_ERA = "BC"
"""The meaning of the language's words for the era before year 1 ('BC', 'SM'): a year with one
is negative in a spec, '480 BC' is -480 (resolution gives it the TIMEX3 value BC0480)."""


def _year(roles: Roles) -> tuple[int | None, int]:
    if roles.get("year") is not None:
        if roles.get("era") == BEFORE_COMMON_ERA:
            return -int(roles["year"]), 4
        return roles["year"], 4
    if roles.get("year2") is not None:
        return roles["year2"], 2
    return None, 4


def _year_offset(roles: Roles) -> int | None:
    """'tahun lalu' after a month or holiday names the year relative to the anchor."""
    if roles.get("year_deictic") is None:
        return None
    return offset_and_anchoring(roles["year_deictic"])[0]


def _direction(roles: Roles) -> tuple[Direction | None, Anchoring]:
    """The side a deictic word gives a month, weekday or season, strict where the language file
    says so ('last June' said in June is the June before; 'Juni lalu' may be this June)."""
    value = roles.get("deictic")
    if value is None:
        return None, Anchoring.REFERENCE
    offset, anchoring = offset_and_anchoring(value)
    strict = isinstance(value, dict) and bool(value.get("strict"))
    return Direction.of(offset, strict), anchoring


@production(DATE_ROLES)
def date(roles: Roles, language: Language) -> Spec | None:
    """Calendar fields in words: '17 Juni 2024', 'September 2023', 'Maret lalu', 'Senin depan'."""
    year, digits = _year(roles)
    month, day, weekday = roles.get("month"), roles.get("day"), roles.get("weekday")
    if month is None and day is None and weekday is None and year is None:
        return None
    if day is not None and month is None:
        return None
    if (
        day is not None
        and month is not None
        and not is_valid_date(year if digits == 4 and year and year > 0 else 2024, month, day)
    ):
        raise Rejected(f"no day {day} in month {month}")
    direction, anchoring = _direction(roles)
    calendar = DateSpec(
        year=year,
        year_digits=digits,
        month=month,
        day=day,
        weekday=weekday,
        year_offset=_year_offset(roles),
        direction=direction,
        mod=None if day is not None and _unit(roles) else roles.get("mod"),
        anchoring=anchoring,
    )
    unit = _unit(roles) if day is not None else None
    if unit is not None:  # 'the week of March 6'
        return WeekOfSpec(unit=unit, day=calendar, mod=roles.get("mod"))
    if roles.get("part") and (day is not None or weekday is not None):
        return ClockSpec(part=roles["part"], date=calendar)  # 'Jumat pagi (21/6)'
    return calendar


@production(NUMERIC_DATE_ROLES)
def numeric_date(roles: Roles, language: Language) -> Spec | None:
    """'19/6/2024', '06/19/2024', 'Rabu (19/6)': the language's day/month order decides."""
    first, second = roles["n1"], roles["n2"]
    if language.date_order.startswith("M") and first <= 12:
        month, day = first, second
    else:
        day, month = first, second
    if not 1 <= month <= 12 or day < 1:
        raise Rejected(f"no month {month}")
    fields = dict(roles)
    fields.update(day=day, month=month)
    return date(fields, language)


@production(RANGE_ROLES)
def date_range(roles: Roles, language: Language) -> list[tuple[str, Spec]] | None:
    """'17-19 Juni 2024', 'Senin-Rabu (17-19/6)', '2019-2024': two dates sharing what the second
    names (month, year); the parts of the match named `first` and `second` become two
    expressions, as TimeML annotates a range."""
    second = numeric_date(roles, language) if "n1" in roles else date(roles, language)
    if not isinstance(second, DateSpec):
        return None
    if roles.get("year_first") is not None:
        first_year = roles["year_first"]
        if roles.get("era") == BEFORE_COMMON_ERA:
            first_year = -int(first_year)  # '499-493 BC': both before the common era
        if roles.get("year") is None and roles.get("year2") is not None:
            # '1915-17', 'the 2022-23 season', 'musim 2024/25': the second year in the
            # first's century
            year = first_year - first_year % 100 + roles["year2"]
            year += 100 if year <= first_year else 0
            if year - first_year > MAX_SHORT_RANGE:
                return None  # '2024-06' is a month, not the years 2024 to 2106
            second = replace(second, year=year, year_digits=4)
            return [("first", replace(second, year=first_year)), ("second", second)]
        if second.year is None or first_year >= second.year:
            return None
        return [("first", replace(second, year=first_year)), ("second", second)]
    if second.day is None and roles.get("month_first") is not None:  # 'Juli hingga Oktober 2023'
        if second.month is None or roles["month_first"] >= second.month:
            return None
        return [("first", replace(second, month=roles["month_first"])), ("second", second)]
    first_day = roles.get("day_first")
    month = roles.get("month_first") or second.month
    if first_day is None or second.day is None or (month, first_day) >= (second.month, second.day):
        return None
    year = second.year if second.year is not None else 2024  # leap-safe check without a year
    if month is None or not is_valid_date(year, month, first_day):
        raise Rejected(f"no day {first_day} in month {month}")
    weekday = roles.get("weekday_first")
    first = replace(second, day=first_day, month=month, weekday=weekday)
    return [("first", first), ("second", second)]


@production()
def focus_period(roles: Roles, language: Language) -> Spec | None:
    """'the latest period': the period the report is about (see context)."""
    return FocusPeriodSpec()


@production(UNIT_ROLES)
def reporting_period(roles: Roles, language: Language) -> Spec | None:
    """'the quarter ended Sept. 30', 'the year ending March 31': the context supplies the day."""
    unit = _unit(roles)
    if unit is None or unit in CLOCK_UNITS:
        return None
    return PeriodEndingSpec(unit=unit)


@production(UNIT_ROLES, "deictic", "mod")
def relative_unit(roles: Roles, language: Language) -> Spec | None:
    """'bulan lalu', 'next year', 'awal pekan ini', 'earlier this month'."""
    unit = _unit(roles)
    if unit is None or unit in CLOCK_UNITS:
        return None
    # Without a deictic word ('akhir tahun', 'akhir pekan') the unit is the one the text is
    # about: the last such period it named, else the current one.
    deictic = roles.get("deictic", {"offset": 0, "anchor": Anchoring.TOPIC.value})
    offset, anchoring = offset_and_anchoring(deictic)
    if unit is Unit.WEEKEND and anchoring is Anchoring.TOPIC:
        # 'the weekend', 'akhir pekan': a weekend is told like a weekday, by the tense around it
        # ('said over the weekend' on Monday is the one just past), not as the current week's.
        return WeekendSpec(mod=roles.get("mod"))
    return RelativeSpec(unit=unit, offset=offset, mod=roles.get("mod"), anchoring=anchoring)


@production("relday")
def relative_day(roles: Roles, language: Language) -> Spec | None:
    """'kemarin', 'lusa', 'tomorrow', 'keesokan harinya'."""
    offset, anchoring = offset_and_anchoring(roles["relday"])
    return RelativeSpec(unit=Unit.DAY, offset=offset, anchoring=anchoring)


@production(UNIT_ROLES, AMOUNT_ROLES, "direction")
def shift(roles: Roles, language: Language) -> Spec | None:
    """'dua hari lalu', 'three weeks ago', 'in two years', 'beberapa hari lalu'."""
    unit = _unit(roles)
    amount = _amount(roles) or (None if "amount" in roles else Amount(1.0))
    if unit is None or amount is None or roles.get("direction") is None:
        return None
    offset, anchoring = offset_and_anchoring(roles["direction"])
    if offset == 0:
        return None
    direction = Direction.of(offset)
    # English 'in': 'in two weeks' is a date ahead, or in a past clause a span (see tense.py)
    may_be_span = isinstance(roles["direction"], dict) and bool(
        roles["direction"].get("may_be_span")
    )
    if amount.vague:
        return VagueShiftSpec(
            unit=unit, direction=direction, anchoring=anchoring, may_be_span=may_be_span
        )
    if amount.value is None or not float(amount.value).is_integer():
        return None
    return RelativeSpec(
        unit=unit,
        offset=offset * int(amount.value),
        anchoring=anchoring,
        counted=True,
        may_be_span=may_be_span,
    )


@production(UNIT_ROLES, AMOUNT_ROLES, "recent")
def recent(roles: Roles, language: Language) -> Spec | None:
    """'tiga bulan terakhir', 'the past few weeks', 'in recent months': ends on the anchor day."""
    unit = _unit(roles)
    amount = _amount(roles)
    if unit is None or ("amount" in roles and amount is None):
        return None
    if amount is None and roles.get("recent") == "one":
        amount = Amount(1.0)  # 'the past week': one week
    return RecentSpec(unit=unit, amount=None if amount is None else amount.value)


@production(UNIT_ROLES, AMOUNT_ROLES, "recent")
def upcoming(roles: Roles, language: Language) -> Spec | None:
    """'tiga hari ke depan', 'the next few days', 'the coming weeks': starts on the anchor day."""
    spec = recent(roles, language)
    return replace(spec, direction=Direction.FUTURE) if isinstance(spec, RecentSpec) else None


@production(UNIT_ROLES, AMOUNT_ROLES, YEAR_ROLES, "more_amount", "more_unit")
def duration(roles: Roles, language: Language) -> Spec | None:
    """'dua tahun', 'two years', 'a two-year', 'bertahun-tahun'; '2 tahun dan 6 bulan', 'three
    hours and 20 minutes' (a smaller unit added: one duration, as TimeML writes P2Y6M)."""
    unit = _unit(roles)
    amount = _amount(roles)
    if unit is None or amount is None:
        return None
    more = None
    if roles.get("more_unit"):
        smaller, extra = Unit(roles["more_unit"]), roles.get("more_amount")
        if (
            amount.value is None
            or not isinstance(extra, Amount)
            or extra.value is None
            or smaller.rank > unit.rank
            or smaller is unit
        ):
            return None  # 'dua bulan dan tiga tahun' is two durations, if anything
        more = (smaller, extra.value)
    year, _ = _year(roles)  # 'sembilan bulan pertama 2024'
    return DurationSpec(
        unit=unit, amount=amount.value, year=year, year_offset=_year_offset(roles), more=more
    )


# "count" is a number of repetitions, which TIMEX3 sets do not carry ("three times a year" is P1Y)
@production(UNIT_ROLES, "amount", "count", "frequency", "weekday", "part", "season", "month", "day")
def recurrence(roles: Roles, language: Language) -> Spec | None:
    """'setiap tahun', 'tiap Senin', 'every week', 'daily'."""
    if roles.get("frequency"):
        value = roles["frequency"]
        return SetSpec(value=value)
    if roles.get("weekday") is not None:
        part = f"T{roles['part']}" if roles.get("part") else ""
        return SetSpec(value=f"XXXX-WXX-{roles['weekday']}{part}")
    if roles.get("season") in SEASON_CODES:
        return SetSpec(value=f"XXXX-{roles['season']}")
    if roles.get("part") and _unit(roles) is None:  # 'every morning', 'setiap malam'
        part = "NI" if roles["part"] == "DT" else roles["part"]  # 'dini hari': the small hours
        return SetSpec(value=f"XXXX-XX-XXT{part}")
    if roles.get("month") is not None:  # 'every July', 'setiap Agustus', 'every March 5'
        day = f"-{roles['day']:02d}" if roles.get("day") is not None else ""
        return SetSpec(value=f"XXXX-{roles['month']:02d}{day}")
    unit = _unit(roles)
    if unit is None:
        return None
    amount: Amount | None = roles.get("amount")
    count = 1.0 if amount is None or amount.vague else amount.value
    return SetSpec(value=duration_value(unit, count), unit=unit)


@production(None)
def blocker(roles: Roles, language: Language) -> Spec | None:
    """Text that looks like a time but is not one ('UU Nomor 7 Tahun 2017'): claim it, yield
    nothing, so that no other rule tags a piece of it."""
    raise Rejected("not a temporal expression")


@production("ref")
def reference(roles: Roles, language: Language) -> Spec | None:
    """'baru-baru ini', 'now', 'di masa depan'."""
    return ReferenceSpec(value=roles["ref"])


@production("hour", "minute", "clockword", "part", "ampm", "zone")
def clock(roles: Roles, language: Language) -> Spec | None:
    """'pukul 14.30 WIB', '10:30 a.m.', 'jam 7 malam', 'noon'."""
    hour, minute = roles.get("hour"), roles.get("minute")
    if roles.get("clockword"):
        hour, minute = (int(x) for x in str(roles["clockword"]).split(":"))
    if hour is None:
        return None
    minute = minute or 0
    part = roles.get("part")
    half = roles.get("ampm")
    if half is not None:
        if not 1 <= hour <= 12:
            raise Rejected(f"no hour {hour} {half}")
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif part in ("AF", "EV") or (part == "NI" and hour >= 6) or (part == "MI" and hour < 6):
        hour = hour + 12 if hour < 12 else hour
    elif part in ("MO", "DT") and hour == 12:
        hour = 0  # 'twelve in the morning', 'pukul 12 dini hari': midnight
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise Rejected(f"no time {hour}:{minute:02d}")
    return ClockSpec(hour=hour, minute=minute, part=None, zone=roles.get("zone"))


@production("part", "zone")
def part_of_day(roles: Roles, language: Language) -> Spec | None:
    """'pagi', 'malam', 'morning': only meaningful joined to a day ('Senin malam')."""
    return ClockSpec(part=roles["part"], zone=roles.get("zone"))


@production("relpart")
def relative_part_of_day(roles: Roles, language: Language) -> Spec | None:
    """'tadi malam', 'semalam', 'tonight', 'this morning'; with `anchor = "discourse"` a part of
    the day the text is telling: 'that morning', 'the next morning', 'malam harinya'."""
    value = roles["relpart"]
    if isinstance(value, dict):
        offset, anchoring = offset_and_anchoring(value)
        part = value["part"]
    else:
        (offset, part), anchoring = value, Anchoring.REFERENCE
    day = RelativeSpec(unit=Unit.DAY, offset=int(offset), anchoring=anchoring)
    return ClockSpec(part=part, date=day)


@production(UNIT_ROLES, YEAR_ROLES, "ordinal", "deictic", "mod")
def nth_unit(roles: Roles, language: Language) -> Spec | None:
    """'kuartal ketiga 2023', 'Q3 2023', 'semester I 2024', 'abad ke-21', 'week 25'."""
    unit = _unit(roles)
    index = roles.get("ordinal")
    if unit is None or index is None or unit not in _CALENDAR_UNITS_FOR_NTH:
        return None
    if not 1 <= index <= _CALENDAR_UNITS_FOR_NTH[unit]:
        raise Rejected(f"no {unit} number {index}")
    year, digits = _year(roles)
    direction, anchoring = _direction(roles)
    if unit is Unit.MONTH:
        return DateSpec(year=year, year_digits=digits, month=index, direction=direction)
    if unit in (Unit.DECADE, Unit.CENTURY, Unit.MILLENNIUM):
        if roles.get("era") == BEFORE_COMMON_ERA:
            index = -index  # 'the 4th century BC': counted back from year 1
        return EraSpec(year=year, year_digits=digits, unit=unit, index=index, mod=roles.get("mod"))
    return PeriodSpec(
        year=year,
        year_digits=digits,
        unit=unit,
        index=index,
        year_offset=_year_offset(roles),
        direction=direction,
        mod=roles.get("mod"),
        anchoring=anchoring,
    )


@production(YEAR_ROLES, "season", "deictic", "mod")
def season(roles: Roles, language: Language) -> Spec | None:
    """'the summer of 2023', 'musim panas lalu', 'last winter'."""
    code = roles.get("season")
    if code not in SEASON_CODES:
        return None
    year, digits = _year(roles)
    direction, anchoring = _direction(roles)
    return PeriodSpec(
        year=year,
        year_digits=digits,
        unit=Unit.SEASON,
        index=SEASON_CODES.index(code),
        year_offset=_year_offset(roles),
        direction=direction,
        mod=roles.get("mod"),
        anchoring=anchoring,
    )


@production(YEAR_ROLES, "climate", "deictic", "mod")
def climate_season(roles: Roles, language: Language) -> Spec | None:
    """'musim hujan tahun lalu', 'awal musim kemarau': a season of the language's climate, its
    months given by the language file as 'first month:months' ('10:6', October to March)."""
    first, months = (int(part) for part in str(roles["climate"]).split(":"))
    if not (1 <= first <= 12 and 1 <= months <= 12):
        return None
    year, digits = _year(roles)
    direction, anchoring = _direction(roles)
    return ClimateSeasonSpec(
        year=year,
        year_digits=digits,
        year_offset=_year_offset(roles),
        direction=direction,
        mod=roles.get("mod"),
        anchoring=anchoring,
        first_month=first,
        months=months,
    )


@production("decade", "mod")
def decade(roles: Roles, language: Language) -> Spec | None:
    """'tahun 1990-an', 'the 1990s', "the '90s": the digits name the decade."""
    digits = "".join(ch for ch in str(roles["decade"]) if ch.isdigit())
    if len(digits) == 4:
        return EraSpec(unit=Unit.DECADE, year=int(digits), mod=roles.get("mod"))
    if len(digits) == 2:
        return EraSpec(unit=Unit.DECADE, year=int(digits), year_digits=2, mod=roles.get("mod"))
    return None


@production(UNIT_ROLES, AMOUNT_ROLES, "event_relation", "event", "counted")
def event_relative(roles: Roles, language: Language) -> list[tuple[str, Spec]] | None:
    """'dua hari setelah insiden', 'sehari sebelum pemungutan suara', 'two days after the
    crash': an amount before or after a named happening. The expression is the amount alone
    (the part of the match named `counted`), as TimeML marks it: 'two days', with 'after the
    crash' its signal and event; the happening is carried in the spec."""
    unit = _unit(roles)
    amount = _amount(roles) or Amount(1.0)
    relation, event = roles.get("event_relation"), roles.get("event")
    if unit is None or amount.value is None or relation is None or not event:
        return None
    direction = Direction.FUTURE if int(relation) > 0 else Direction.PAST
    spec = EventRelativeSpec(
        unit=unit, amount=float(amount.value), direction=direction, event=str(event)
    )
    return [("counted", spec)]


@production(
    YEAR_ROLES, "holiday", "deictic", "hijri_year", "days", "days_sign", "eve", "mod", "nth_day"
)
def holiday(roles: Roles, language: Language) -> Spec | None:
    """'Natal tahun lalu', 'Christmas 2023', 'Idul Fitri 2024', 'Idul Fitri 1446 H': fixed,
    computed (timeline/calendar/holidays.py) or tabled."""
    meaning = roles["holiday"]
    year, digits = _year(roles)
    direction, _ = _direction(roles)
    hijri_year = int(roles["hijri_year"]) if roles.get("hijri_year") else None
    if (
        hijri_year is None
        and year is not None
        and HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]
        and isinstance(meaning, dict)
        and is_islamic(meaning)
    ):
        year, hijri_year = None, year  # 'Tahun Baru Hijriah 1447': no Gregorian 1447 is meant
    if hijri_year and isinstance(meaning, dict) and meaning.get("hijri_month"):
        # a table of known Gregorian dates: the Hijri year only picks the Gregorian one
        year, digits = _gregorian_year(hijri_year, int(meaning["hijri_month"])), 4
        hijri_year = None
    shift_days = int(roles.get("days") or 0) * (-1 if roles.get("days_sign", "+") in "-−–" else 1)
    if roles.get("nth_day"):  # 'hari kedua Lebaran': the holiday's second day, H+1
        shift_days = int(roles["nth_day"]) - 1
    if roles.get("eve"):  # 'malam Tahun Baru': the night before the day
        spec = holiday(
            {k: v for k, v in roles.items() if k != "eve"} | {"days": 1, "days_sign": "-"}, language
        )
        return None if spec is None else ClockSpec(part=roles["eve"], date=spec)
    if isinstance(meaning, str) and hijri_year:
        return None  # a day of the Gregorian calendar has no date in a Hijri year
    if isinstance(meaning, str) and not shift_days:
        month, day = (int(x) for x in meaning.split("-"))
        return DateSpec(
            year=year,
            year_digits=digits,
            month=month,
            day=day,
            year_offset=_year_offset(roles),
            direction=direction,
        )
    if isinstance(meaning, str):  # 'H-3 Natal': a fixed date moved by days
        month_text, day_text = meaning.split("-")
        meaning = {"rule": "fixed", "month": month_text, "day": day_text}
    rule = tuple(sorted((str(key), str(value)) for key, value in meaning.items()))
    offset = _year_offset(roles)
    return MovingDateSpec(
        rule=rule,
        year=year,
        year_offset=offset,
        direction=direction,
        shift_days=shift_days,
        hijri_year=hijri_year,
        mod=_span_mod(roles),
    )


def _span_mod(roles: Roles) -> str | None:
    """'awal Ramadan', 'late Ramadan': the early, middle or late third of a span."""
    mod = roles.get("mod")
    return mod if mod in ("START", "MID", "END") else None


@production(YEAR_ROLES, "hijri_month", "day", "hijri_year", "month_word", "deictic", "mod", "eve")
def hijri_date(roles: Roles, language: Language) -> Spec | None:
    """'15 Ramadan 1446 H', '1 Muharram', 'Safar 1446 H', 'bulan Syawal', '1446 H': a day, a
    month or a year of the Hijri calendar, as Indonesia reckons it (calendar/holidays.py)."""
    month, day = roles.get("hijri_month"), roles.get("day")
    hijri_year = int(roles["hijri_year"]) if roles.get("hijri_year") else None
    if month is None and (day is not None or hijri_year is None):
        return None
    if month is not None and day is None and hijri_year is None and not roles.get("month_word"):
        return None  # 'Rajab' alone is a name; 'bulan Rajab', 'Rajab 1446 H' are the month
    if day is not None and not 1 <= int(day) <= 30:
        raise Rejected(f"no day {day} in a Hijri month")
    fields = {"rule": "hijri"}
    if month is not None:
        fields["month"] = str(month)
    if day is not None:
        fields["day"] = str(day)
    direction, _ = _direction(roles)
    spec = MovingDateSpec(
        rule=tuple(sorted(fields.items())),
        year_offset=_year_offset(roles),
        direction=direction,
        hijri_year=hijri_year,
        mod=_span_mod(roles),
    )
    if roles.get("eve"):  # 'malam 1 Muharram': the night before the day
        return ClockSpec(part=roles["eve"], date=replace(spec, shift_days=-1))
    return spec


def _gregorian_year(hijri_year: int, hijri_month: int) -> int:
    """The Gregorian year in which a month of a Hijri year falls (mean year lengths; exact
    enough to pick the year of a holiday whose dates the language file tables)."""
    return int(621.5643 + (hijri_year + (hijri_month - 1) / 12) * 0.970224)
