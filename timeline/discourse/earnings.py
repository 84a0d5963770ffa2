"""Earnings reports: the period a report is about, and year-on-year comparisons with it.

Business news compares a period with the same period a year before: "third-quarter profit rose
8% from a year earlier" means the third quarter of last year, not last year. The period in focus
is the last quarter or half the text named (one that has begun: a forecast is not reported on);
it stays in focus until the text states a year or turns to a longer span ("for the nine months").
The words that make "last year" a comparison ("compared with", "dibandingkan") come from the
language file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from timeline.calendar.units import Unit
from timeline.discourse.anchors import Anchor
from timeline.discourse.tense import TenseCues, needs_tense
from timeline.grammar.specs import (
    Anchoring,
    DateSpec,
    Direction,
    DurationSpec,
    FocusPeriodSpec,
    PeriodEndingSpec,
    RelativeSpec,
    Spec,
)
from timeline.ingest.sentences import Sentence
from timeline.languages import Language
from timeline.resolution.resolve import Resolution
from timeline.tagging.tag import Mention

EARNINGS = "earnings"
"""The profile of the language data this module reads (languages/profiles/earnings/)."""

# Periods a report compares year on year, and how many make a year.
PERIODS_PER_YEAR = {Unit.QUARTER.value: 4, Unit.HALF.value: 2}
# "the quarter" is the quarter the report is about; "the year", "the week" are the current ones.
REPORTED = frozenset({Unit.QUARTER, Unit.HALF})
# Spans a report sums over ('the first nine months', 'the year'): after one, a year-on-year
# comparison is about that span, no longer about the quarter.
REPORTING_SPANS = frozenset({Unit.MONTH, Unit.YEAR})
# Characters before 'last year' where a comparison word makes it one: 'compared with a loss of
# $3 million, or 5 cents a share, last year'.
COMPARISON_REACH = 60
LAST_DAY_REACH = 10  # characters between 'the quarter' and its day: ' ended ', ' ending '


@dataclass(frozen=True, slots=True)
class Focus:
    """The quarter or half a report is about: its unit, its first day (with the id of the
    timex that named it) and the sentence that named it."""

    unit: Unit
    anchor: Anchor
    sentence: int


class ReportFocus:
    """The period in focus as the text goes, and what it does to the expressions after it."""

    def __init__(self, published: date, active: bool = True) -> None:
        """`active` False (the language was loaded without the earnings profile): no period is
        ever in focus, and every expression keeps its own meaning."""
        self.published = published
        self.active = active
        self.focus: Focus | None = None

    def compare(
        self,
        spec: Spec,
        anchor: Anchor,
        home: int,
        text: str,
        mention: Mention,
        floor: int,
        language: Language,
    ) -> tuple[Spec, Anchor, bool]:
        """(spec, anchor, compared): the expression as the period in focus makes it."""
        focus = self.focus
        if focus is None:
            return spec, anchor, False
        adjacent = home - focus.sentence <= 1
        compares = adjacent and _after_comparison(text, mention.start, floor, language)
        changed, new_anchor = _same_period(spec, anchor, focus, adjacent, compares)
        return changed, new_anchor, changed is not spec

    def ends_with(self, spec: Spec) -> None:
        """A span a report sums over ('for the nine months') ends the focus on a quarter."""
        if isinstance(spec, DurationSpec) and spec.unit in REPORTING_SPANS:
            self.focus = None

    def after(self, spec: Spec, result: Resolution, home: int, index: int, compared: bool) -> None:
        """Move the focus to a period the text names, or drop it for a year."""
        if compared or not self.active:
            return
        if isinstance(spec, PeriodEndingSpec) and result.type == "DURATION":
            # a fiscal period: a fiscal year ends the focus; a fiscal quarter matches no
            # calendar quarter to compare with, so it leaves none
            self.focus = None
            return
        if result.start is None or result.type not in ("DATE", "TIME") or "REF" in result.value:
            return
        # A period counted from another ('in a quarter', 'two years ago') is not one the report
        # is about.
        if isinstance(spec, RelativeSpec) and spec.counted:
            return
        day = date.fromisoformat(result.start[:10])
        if result.granularity in PERIODS_PER_YEAR and day <= self.published:
            self.focus = Focus(Unit(result.granularity), Anchor(day, index), home)
        elif result.granularity == Unit.YEAR.value:
            self.focus = None  # 'this year ... up from last year's': whole years again


def _after_comparison(text: str, start: int, floor: int, language: Language) -> bool:
    """Whether a comparison word ('compared with', 'up from', 'dibandingkan') stands in the
    clause before `start`."""
    cues = language.tense.comparison_cues
    return (
        cues is not None
        and cues.search(text, max(floor, start - COMPARISON_REACH), start) is not None
    )


def _same_period(
    spec: Spec, anchor: Anchor, focus: Focus, adjacent: bool, compares: bool
) -> tuple[Spec, Anchor]:
    """'A year ago', 'a year earlier', 'the year-earlier period' in a report about a quarter is
    that quarter a year before, for as long as the report stays on the quarter; other counts
    ('two years ago') only in the quarter's sentence or the next. 'Last year' names a year more
    often than it compares, so it follows the quarter only after a comparison word there
    (`compares`). 'The latest period' is the quarter itself, 'the 1988 period' its 1988 one."""
    per_year = PERIODS_PER_YEAR[focus.unit.value]
    if isinstance(spec, FocusPeriodSpec):
        return RelativeSpec(unit=focus.unit, offset=0, counted=True), focus.anchor
    if (
        isinstance(spec, DateSpec)
        and spec.anchoring is Anchoring.TOPIC
        and spec.year is not None
        and spec.year_digits == 4
        and spec.month is None
    ):
        offset = (spec.year - focus.anchor.day.year) * per_year
        return RelativeSpec(unit=focus.unit, offset=offset, counted=True), focus.anchor
    if not (
        isinstance(spec, RelativeSpec)
        and spec.unit is Unit.YEAR
        and spec.offset < 0
        and spec.mod is None
    ):
        return spec, anchor
    if (spec.counted and (spec.offset == -1 or adjacent)) or (compares and spec.offset == -1):
        return replace(spec, unit=focus.unit, offset=spec.offset * per_year), focus.anchor
    return spec, anchor


def with_last_day(
    spec: PeriodEndingSpec,
    index: int,
    mentions: list[Mention],
    sentence: Sentence,
    cues: TenseCues,
) -> tuple[Spec, Direction | None]:
    """'the quarter ended Sept. 30': the day is the next mention, a word away in the same
    sentence (the rule saw 'ended' there); its year comes from the tense, as for any date."""
    if index + 1 >= len(mentions):
        return spec, None
    mention, following = mentions[index], mentions[index + 1]
    day = following.spec
    if not (
        isinstance(day, DateSpec)
        and day.day is not None
        and following.start - mention.end <= LAST_DAY_REACH
        and following.start < sentence.end
    ):
        return spec, None
    cue = cues.direction(sentence, following) if needs_tense(day) else None
    return replace(spec, end=day), cue
