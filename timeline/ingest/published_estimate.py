"""Estimating a publication date the input does not give, from the dates the text itself names.

Scraped articles often lose their date (209 of the 832 Indonesian articles in the dev corpus
have none), but news names the days it reports, and the latest of them is almost always the day
of publication or the day before: "kata dia saat dihubungi Tempo pada Selasa, 1 Juli 2025". The
weekday is what makes such a date trustworthy: a writer who gives "Selasa" with "1 Juli 2025"
has checked the calendar, and a date whose weekday disagrees is a typo or a misreading.

The evidence, strongest first:
1. a **dateline** that dates the article: "JAKARTA, Rabu (2/7/2025) -";
2. a date the text tells as **today, yesterday or tomorrow**: "hari ini, Selasa (1/7/2025)"
   (published that day), "Kamis (3/7/2025) besok" (published the day before);
3. the **latest full date whose weekday agrees**: "Sabtu (28/6/2025)", "Rabu, 2 Juli 2025";
4. else the **latest day and month with a weekday** ("Sabtu (28/6)") in the **year the text
   states most often** (the latest of equally frequent ones), when the weekday agrees in it.

Nothing else counts: a year alone, a month, a date without its weekday could be any day of the
story, and the tool never reads the clock. When no evidence is found, there is no estimate, and
the caller says so (see pipeline/document.py).

This module holds the rules; recognising the dates is the tagger's job, so the pipeline hands
each date over as a `DateClue`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

DATELINE_REACH = 80
"""A dateline's date stands within this many characters of the start of its line."""

NEXT_TO = 4
"""At most this many characters between a date and the 'today' word that tells it."""

_PLACE_BEFORE = re.compile(r"\s{0,3}(?:[^\W\d_][\w .'’-]{0,40},\s{0,3})?")
_DASH_AFTER = re.compile(r"\s{0,3}(?:\([^)\n]{1,40}\)\s{0,3})?[-–—]")


@dataclass(frozen=True)
class DateClue:
    """A date the text names, as the tagger read it: its place, its day and month, the year
    and weekday it states (if any), and `told_as`, the day offset of a 'today' word right beside
    it ('hari ini' 0, 'kemarin' -1, 'besok' 1)."""

    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None = None
    weekday: int | None = None  # 1 = Monday .. 7 = Sunday
    told_as: int | None = None


@dataclass(frozen=True)
class Estimate:
    """An estimated publication date and the text that supports it."""

    day: date
    evidence: str


def _on(clue: DateClue, year: int) -> date | None:
    try:
        return date(year, clue.month, clue.day)
    except ValueError:
        return None


def _agrees(clue: DateClue, day: date | None) -> bool:
    return day is not None and (clue.weekday is None or day.isoweekday() == clue.weekday)


def _in_dateline(clue: DateClue, text: str) -> bool:
    """Whether the date opens its line, after at most a place and a comma, and a dash follows
    it: 'JAKARTA, Rabu (2/7/2025) -', 'WASHINGTON, June 21, 2024 (AP) --'."""
    floor = max(0, clue.start - DATELINE_REACH)
    newline = text.rfind("\n", floor, clue.start)
    if newline < 0 and floor > 0:
        return False  # its line begins further back: no dateline (and no scan of a long line)
    line = newline + 1
    before = _PLACE_BEFORE.fullmatch(text, line, clue.start)
    return before is not None and _DASH_AFTER.match(text, clue.end) is not None


def _stated(clues: list[DateClue]) -> list[tuple[date, DateClue]]:
    """The dates that state their year, on the calendar, with their weekday (if given) agreeing."""
    found = []
    for clue in clues:
        day = None if clue.year is None else _on(clue, clue.year)
        if day is not None and _agrees(clue, day):
            found.append((day, clue))
    return found


def _latest(found: list[tuple[date, DateClue]]) -> tuple[date, DateClue]:
    """The latest date, the first told of equal ones."""
    return max(found, key=lambda pair: (pair[0], -pair[1].start))


def estimate_publication(text: str, clues: list[DateClue], years: list[int]) -> Estimate | None:
    """The publication date the text supports, with its evidence, or None. `years` are the
    four-digit years the text states anywhere (for dates written without one)."""
    dated = _stated(clues)
    for day, clue in dated:
        if _in_dateline(clue, text):
            return Estimate(day, f"the dateline {clue.text!r}")
    told = [
        (day - timedelta(days=clue.told_as), clue)
        for day, clue in dated
        if clue.told_as is not None
    ]
    if told:
        day, clue = _latest(told)
        return Estimate(day, f"{clue.text!r}, told as {_told(clue.told_as)}")
    with_weekday = [(day, clue) for day, clue in dated if clue.weekday is not None]
    if with_weekday:
        day, clue = _latest(with_weekday)
        return Estimate(day, f"{clue.text!r}, the latest date with its weekday and year")
    year = _main_year(years)
    without_year = []
    for clue in clues:
        on = None if year is None or clue.year is not None else _on(clue, year)
        if clue.weekday is not None and on is not None and _agrees(clue, on):
            without_year.append((on, clue))
    if not without_year:
        return None
    day, clue = _latest(without_year)
    return Estimate(
        day,
        f"{clue.text!r}, the latest date with its weekday, in {year} "
        "(the year the text states most often)",
    )


def _main_year(years: list[int]) -> int | None:
    """The year a text states most often, the latest of equally frequent ones: a news text
    dates its own year more than any other."""
    if not years:
        return None
    counted = Counter(years)
    return max(counted, key=lambda year: (counted[year], year))


def _told(offset: int | None) -> str:
    return {0: "today", -1: "yesterday", 1: "tomorrow"}.get(offset or 0, f"{offset} days away")


NO_ESTIMATE = (
    "the text names no date to estimate it from (a dateline, or a date with its weekday, "
    "like 'Sabtu (28/6/2025)')"
)
"""Why there is no estimate, for the one-line error."""
