"""Dates for the picture: model timestamps as day numbers, and date text in the article's language.

Month names are derived from the language data (the same names the extractor reads), so adding a
language file is enough to get its dates on the axis; without complete names the picture falls
back to ISO dates rather than to a language it was not written in. Nothing here reads the process
locale, so the picture is the same on every machine.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

from timeline.languages import DATEPARSER_MONTHS

EPOCH = datetime(1970, 1, 1)
"""Day numbers count from here: the same epoch as matplotlib's default date numbers."""

_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_VALUE_UNIT = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def parse_stamp(text: str | None) -> datetime | None:
    """A model timestamp (YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]) as wall-clock time, or None.

    The offset is dropped on purpose: an article's times are read in its own time zone, and
    mixing zones on one axis would move events away from the day the text gives them.
    """
    if not text:
        return None
    match = _STAMP.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def to_days(moment: datetime) -> float:
    return (moment - EPOCH) / timedelta(days=1)


def from_days(days: float) -> datetime:
    return EPOCH + timedelta(days=days)


@dataclass(frozen=True)
class DateWords:
    """How to write dates for one language: month names and the order of day, month and year.

    `full` and `short` are None when the language data lacks a name for some month; dates are then
    written in ISO form, which every reader can decode.
    """

    full: tuple[str, ...] | None
    short: tuple[str, ...] | None
    order: str = "DMY"

    @property
    def named(self) -> bool:
        return self.full is not None and self.short is not None

    def month(self, number: int, short: bool = False) -> str:
        names = self.short if short else self.full
        return names[number - 1] if names else f"{number:02d}"

    def day_month(self, day: date, short: bool = True) -> str:
        if not self.named:
            return day.isoformat()[5:]
        month = self.month(day.month, short)
        return f"{month} {day.day}" if self.order.startswith("M") else f"{day.day} {month}"

    def day_month_year(self, day: date, short: bool = True) -> str:
        if not self.named:
            return day.isoformat()
        if self.order.startswith("M"):
            return f"{self.month(day.month, short)} {day.day}, {day.year}"
        if self.order.startswith("Y"):
            return f"{day.year} {self.month(day.month, short)} {day.day}"
        return f"{day.day} {self.month(day.month, short)} {day.year}"

    def month_year(self, year: int, month: int, short: bool = False) -> str:
        if not self.named:
            return f"{year:04d}-{month:02d}"
        return f"{self.month(month, short)} {year}"


ISO_WORDS = DateWords(None, None, "YMD")


@cache
def date_words(lang: str) -> DateWords:
    """Month names for `lang` from its language data; ISO dates when they are incomplete."""
    from timeline.languages import available, load

    if lang not in available():
        return ISO_WORDS
    language = load(lang)
    every = language.vocabulary.tables.get("month_any", {})
    abbreviations = language.vocabulary.tables.get("month_abbr", {})
    ranked = _upstream_spellings(lang)
    full: list[str] = []
    short: list[str] = []
    for number in range(1, 13):
        spellings = ranked.get(number) or sorted(w for w, n in every.items() if n == number)
        known = [w.lower() for w in spellings if every.get(w.lower()) == number]
        names = [w for w in known if w not in abbreviations]
        if not names:
            return DateWords(None, None, language.date_order)
        shorts = [w for w in known if w in abbreviations and len(w) <= 4]
        full.append(names[0].capitalize())
        short.append((shorts[0] if shorts else names[0]).capitalize())
    return DateWords(tuple(full), tuple(short), language.date_order)


def _upstream_spellings(lang: str) -> dict[int, list[str]]:
    """Spellings per month in dateparser's order, which puts the current standard spelling first.

    The compiled tables are unordered sets of accepted spellings (old ones included, such as
    'Djuni'); the upstream lists keep the ranking, so the picture uses today's spelling.
    """
    try:
        text = resources.files("timeline.languages").joinpath(f"{lang}.toml").read_text("utf-8")
        locale = tomllib.loads(text).get("language", {}).get("dateparser_locale")
        if not locale:
            return {}
        info = importlib.import_module(f"dateparser.data.date_translation_data.{locale}").info
    except (OSError, ImportError, tomllib.TOMLDecodeError):
        return {}
    return {i + 1: list(info.get(key, [])) for i, key in enumerate(DATEPARSER_MONTHS)}


def _whole_months(start: date, end: date) -> int | None:
    """How many calendar months [start, end) covers exactly, or None when it is not whole months."""
    if start.day != 1 or end.day != 1:
        return None
    count = (end.year - start.year) * 12 + end.month - start.month
    return count if count > 0 else None


def span_text(start: datetime, end: datetime, words: DateWords) -> str:
    """[start, end) as a reader would write it: '2023', 'September 2023', '16–20 Jun 2024'."""
    if (start.hour, start.minute) != (0, 0) or (end.hour, end.minute) != (0, 0):
        clock = start.strftime("%H:%M")
        if end - start > timedelta(minutes=1) and end.date() == start.date():
            clock += "–" + end.strftime("%H:%M")
        return f"{words.day_month_year(start.date())} {clock}"
    first, stop = start.date(), end.date()
    last = stop - timedelta(days=1) if stop > first else first
    months = _whole_months(first, stop)
    if months is not None and first.month == 1 and months % 12 == 0:
        years = months // 12
        return str(first.year) if years == 1 else f"{first.year}–{first.year + years - 1}"
    if months == 1:
        return words.month_year(first.year, first.month)
    if months is not None:
        tail = words.month_year(last.year, last.month, short=True)
        if first.year == last.year and words.named:
            return f"{words.month(first.month, short=True)} – {tail}"
        return f"{words.month_year(first.year, first.month, short=True)} – {tail}"
    if first == last:
        return words.day_month_year(first)
    if not words.named:
        return f"{first.isoformat()} – {last.isoformat()}"
    if first.year == last.year and first.month == last.month:
        month = words.month(first.month, short=True)
        if words.order.startswith("M"):
            return f"{month} {first.day}–{last.day}, {first.year}"
        if words.order.startswith("Y"):
            return f"{first.year} {month} {first.day}–{last.day}"
        return f"{first.day}–{last.day} {month} {first.year}"
    if first.year == last.year:
        return f"{words.day_month(first)} – {words.day_month_year(last)}"
    return f"{words.day_month_year(first)} – {words.day_month_year(last)}"


def start_text(start: datetime, value: str | None, words: DateWords) -> str:
    """The start of an open-ended ('since') event at the precision its expression gave."""
    unit = _VALUE_UNIT.fullmatch(value or "")
    if unit is not None and unit.group(1) is None:
        return str(start.year)
    if unit is not None and unit.group(2) is None:
        return words.month_year(start.year, start.month)
    if (start.hour, start.minute) != (0, 0):
        return f"{words.day_month_year(start.date())} {start.strftime('%H:%M')}"
    return words.day_month_year(start.date())
