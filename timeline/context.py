"""Document-level resolution: each mention meets its anchor, its tense and the document's dates.

This is what makes extraction more than a phrase parser:
- relative expressions count from the publication date ('t0') unless they say they continue the
  discourse ('dua hari kemudian', 'the next day', 'tahun tersebut'): those count from the
  previous time mentioned;
- a bare clock time takes the day of the date that governs it in its sentence, before or after;
- bare weekdays and months take the direction of their sentence's tense words, and a month the
  document dates elsewhere ('September 2023') keeps that year when mentioned bare.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from timeline.calendar import CLOCK_UNITS, Unit
from timeline.languages import Language
from timeline.models import Timex
from timeline.resolution import Resolution, resolve
from timeline.sentences import Sentence, sentence_index, split_sentences
from timeline.specs import (
    Anchoring,
    CalendarSpec,
    ClockSpec,
    DurationSpec,
    FocusPeriodSpec,
    MovingDateSpec,
    PeriodEndingSpec,
    Rejected,
    RelativeSpec,
    Spec,
    VagueShiftSpec,
)
from timeline.tag import Mention

PUBLICATION_ID = "t0"
CUE_REACH = 200  # characters around a mention where its tense cue may stand


@dataclass(frozen=True, slots=True)
class _Anchor:
    day: date
    id: str


def _anchoring(spec: Spec) -> Anchoring:
    return getattr(spec, "anchoring", Anchoring.REFERENCE)


class TenseCues:
    """Where the text's tense words stand, read once per sentence (and only for sentences that
    hold an expression needing them), so each mention's nearest cue is a bisection and a
    run-on text with thousands of mentions stays linear."""

    def __init__(self, text: str, language: Language) -> None:
        self.text = text
        self.language = language
        self._sentences: dict[tuple[int, int], tuple[list, list, list, list]] = {}

    def _read(self, sentence: Sentence) -> tuple[list, list, list, list]:
        key = (sentence.start, sentence.end)
        if key not in self._sentences:
            language, text = self.language, self.text
            found = [
                (m.start(), m.end(), 1)
                for m in language.future_cues.finditer(text, sentence.start, sentence.end)
            ]
            found += [
                (m.start(), m.end(), -1)
                for m in language.past_cues.finditer(text, sentence.start, sentence.end)
                if not self._after_auxiliary(m.start(), sentence.start)
            ]
            # Future first on a tie (a word on both lists, like 'scheduled' and the past
            # '-ed'): the more specific future word wins.
            found.sort(key=lambda cue: (cue[0], -cue[2]))
            by_end = sorted(found, key=lambda cue: (cue[1], cue[2]))
            self._sentences[key] = (
                found,
                [cue[0] for cue in found],
                by_end,
                [cue[1] for cue in by_end],
            )
        return self._sentences[key]

    def _after_auxiliary(self, start: int, floor: int) -> bool:
        """Whether a past form is a participle or adjective ('will be held', 'has been made',
        'a still unspecified date'): the auxiliary, if any, carries the tense."""
        participle_after = self.language.participle_after
        if not participle_after:
            return False
        before = self.text[max(floor, start - 12) : start].split()
        return bool(before) and before[-1].lower() in participle_after

    def direction(self, sentence: Sentence, mention: Mention) -> int | None:
        """-1 when the sentence speaks of the past around the mention, +1 of the future, None
        when it does not say (deadline words are the caller's business). The cue word nearest
        the mention decides ('Mr. Gerstner said
        Friday: "we will ..."' is past); cue words inside the mention do not count, and only
        a clause's worth of text (CUE_REACH) on each side is read."""
        found, starts, by_end, ends = self._read(sentence)
        text = self.text
        best: tuple[int, int] | None = None
        at = bisect.bisect_right(ends, mention.start) - 1  # the last cue ending before it
        if at >= 0:
            start, end, direction = by_end[at]  # on equal ends, the future cue sorts last
            if start >= max(sentence.start, mention.start - CUE_REACH) and not _crosses_quote(
                text, end, mention.start
            ):
                best = (mention.start - end, direction)
        at = bisect.bisect_left(starts, mention.end)
        if at < len(found):
            start, end, direction = found[at]
            reach = min(sentence.end, mention.end + CUE_REACH)
            if (
                end <= reach
                and (best is None or start - mention.end < best[0])
                and not _crosses_quote(text, mention.end, start)
            ):
                best = (start - mention.end, direction)
        return None if best is None else best[1]


# A quotation has its own tense: '"The father will leave Thursday," Castro said' is future
# however near 'said' stands, and 'He said Friday: "we will ..."' is past.
_QUOTES = ('"', "\u201c", "\u201d", "''", "``", "\u00ab", "\u00bb")


def _crosses_quote(text: str, start: int, end: int) -> bool:
    """Whether a quotation mark stands between a cue and the mention (a short gap: the reach)."""
    between = text[start:end]
    return any(mark in between for mark in _QUOTES)


def after_deadline_word(text: str, start: int, floor: int, language: Language) -> bool:
    """Whether the word right before `start` sets a deadline ('by', 'until', 'hingga')."""
    before = text[max(floor, start - 20) : start].split()
    return bool(before) and before[-1].lower() in language.deadline_words


SINCE_REACH = 4  # words between 'since' and its time: 'since shortly after the Oct. 23 slaying'


def after_since_word(text: str, start: int, floor: int, language: Language) -> bool:
    """Whether 'since' / 'sejak' stands a few words before `start`, in the same clause: the
    time it introduces lies in the past."""
    before = text[max(floor, start - 40) : start].split()[-SINCE_REACH:]
    return any(word.lower() in language.since_signals for word in before)


def _possessive_weekday(spec: Spec, text: str, mention: Mention, language: Language) -> bool:
    """A bare weekday in the possessive ('get around Wednesday's ruling', 'before Friday's
    purchases') names an event the reader knows of: the default week, whatever the verb says."""
    return (
        isinstance(spec, CalendarSpec)
        and spec.weekday is not None
        and spec.day is None
        and spec.month is None
        and any(text.startswith(mark, mention.end) for mark in language.possessives)
    )


def _in_perfect_clause(text: str, sentence: Sentence, mention: Mention, language: Language) -> bool:
    """Whether the clause around a mention is in the past perfect ('had filed reports by
    Wednesday', 'hingga Jumat telah ditangkap'): a deadline word then says 'as of', not ahead."""
    perfect = language.perfect_cues
    if perfect is None:
        return False
    window_start = max(sentence.start, mention.start - PERFECT_REACH)
    window_end = min(sentence.end, mention.end + PERFECT_REACH)
    return perfect.search(text, window_start, window_end) is not None


# Characters around a deadline word's time where a perfect makes it 'as of': the clause itself
# ('had filed their reports by Wednesday'), not a relative clause before it ('The sale, which
# had been expected, is part of a program to pay down the loan by February').
PERFECT_REACH = 60


def toward_deadline(spec: Spec) -> tuple[Spec, int]:
    """A deadline points ahead, as a future tense does: a weekday from the reference day on, a
    month or named day the coming one unless the past one is far nearer (a deadline that
    passed yesterday, 'by Jan. 14' on the 15th, stays where it was)."""
    return spec, 1


def needs_tense(spec: Spec) -> bool:
    """Whether the sentence's tense can change a spec's value: only what has no year or cue of
    its own (a bare weekday, month or named day) does; everything else skips the tense."""
    if isinstance(spec, ClockSpec):
        return spec.date is not None and needs_tense(spec.date)
    if isinstance(spec, CalendarSpec):
        return spec.direction is None and spec.year is None and spec.year_offset is None
    if isinstance(spec, MovingDateSpec):
        return spec.direction is None and spec.year is None and spec.year_offset is None
    return False


def document_years(mentions: list[Mention]) -> dict[int, int]:
    """Month -> year for months the document itself dates ('September 2023')."""
    years: dict[int, int] = {}
    for mention in mentions:
        spec = mention.spec
        if (
            isinstance(spec, CalendarSpec)
            and spec.month is not None
            and spec.year is not None
            and spec.year_digits == 4
        ):
            years.setdefault(spec.month, spec.year)
    return years


def resolve_in_context(
    mentions: list[Mention],
    text: str,
    published: date,
    language: Language,
    sentences: list[Sentence] | None = None,
) -> list[Timex]:
    if sentences is None:
        sentences = split_sentences(text, language.abbreviations)
    years = document_years(mentions)

    def year_hint(spec: CalendarSpec) -> int | None:
        if spec.month is None or spec.unit is not None:
            return None
        return years.get(spec.month)

    cues = TenseCues(text, language)
    resolved: list[tuple[Mention, Resolution, _Anchor | None] | None] = [None] * len(mentions)
    publication = _Anchor(published, PUBLICATION_ID)
    last_dated: _Anchor | None = None
    last_granularity: str | None = None
    focus: _Focus | None = None
    topics: dict[Unit, _Anchor] = {}  # the last period of each unit the text named
    pending_clocks: list[int] = []
    # The time a sentence has set so far: (sentence, granularity, anchor). 'Pada Oktober tahun
    # lalu ... sebelum pulih pada Desember': December belongs to that October's year.
    setting: tuple[int, str, _Anchor, int] | None = None
    previous_end = -1  # where the mention before this one ended
    for index, mention in enumerate(mentions):
        spec = mention.spec
        if index:
            previous_end = mentions[index - 1].end
        if isinstance(spec, ClockSpec) and spec.date is None:
            pending_clocks.append(index)
            continue
        home = sentence_index(sentences, mention.start) if sentences else 0
        anchor = publication
        if (
            _anchoring(spec) is Anchoring.DISCOURSE
            and last_dated is not None
            and _fine_enough(last_granularity, spec)
        ):
            anchor = last_dated
        elif _anchoring(spec) is Anchoring.TOPIC and getattr(spec, "unit", None) in _REPORTED:
            anchor = topics.get(spec.unit, publication)  # type: ignore[union-attr]
        compared = False
        if focus is not None:
            original = spec
            compares = home - focus.sentence <= 1 and _after_comparison(
                text, mention.start, sentences[home].start if sentences else 0, language
            )
            spec, anchor = _same_period(spec, anchor, focus, compares=compares)
            compared = spec is not original
        if isinstance(spec, DurationSpec) and spec.unit in _REPORTING_SPANS:
            focus = None  # 'for the nine months': the year-on-year comparisons now span those
        cue = None
        if _counted_ahead(spec) and sentences and cues.direction(sentences[home], mention) == -1:
            spec = _as_span(spec)  # type: ignore[arg-type]
        if isinstance(spec, PeriodEndingSpec):
            spec, cue = _with_last_day(spec, index, mentions, sentences, home, cues)
        if needs_tense(spec) and sentences and _possessive_weekday(spec, text, mention, language):
            pass  # "Wednesday's ruling": the day names a known event; the clause's tense is not its
        elif needs_tense(spec) and sentences:
            cue = cues.direction(sentences[home], mention)
            # 'by noon Friday', 'until May': a deadline lies ahead, unless the word closes a
            # range the sentence opened with an earlier time ('dari April hingga Mei')
            floor = max(sentences[home].start, previous_end)
            if after_since_word(text, mention.start, floor, language):
                cue = -1  # 'since shortly after the Oct. 23 slaying': since looks back
            elif (
                after_deadline_word(text, mention.start, floor, language)
                and not (
                    previous_end > sentences[home].start and mention.start - previous_end <= 40
                )
                and not (cue == -1 and _in_perfect_clause(text, sentences[home], mention, language))
            ):
                spec, cue = toward_deadline(spec)
        set_by_sentence = False
        if (
            setting is not None
            and setting[0] == home
            and mention.start - setting[3] <= SETTING_REACH
            and not (cue is not None and cue > 0)  # the tense moved on: 'akan selesai pada ...'
        ):
            spec, anchor = _in_the_sentence_setting(spec, anchor, setting[1], setting[2])
            set_by_sentence = anchor is setting[2]
        if set_by_sentence:
            cue = None  # the setting, not the publication date, is what the tense is about
        try:
            result = resolve(spec, anchor.day, approx=mention.approx, cue=cue, year_hint=year_hint)
            if set_by_sentence and (result.start or "9999") > published.isoformat():
                # the setting is a past narrative; a date it would put in the future is not part
                # of it ('in July 1997 ... will join NATO on March 12')
                spec, anchor = mention.spec, publication
                result = resolve(
                    spec, anchor.day, approx=mention.approx, cue=cue, year_hint=year_hint
                )
        except Rejected:
            continue
        resolved[index] = (mention, result, anchor if result.used_anchor else None)
        if isinstance(spec, PeriodEndingSpec) and result.type == "DURATION" and result.start:
            # a fiscal period ('the year ended Aug. 31', 'the quarter ended July 31'): the report
            # is now about it, so comparisons are with its like a year before
            start = date.fromisoformat(result.start)
            focus = (
                _Focus(spec.unit, _Anchor(start, f"pending:{index}"), home)
                if spec.unit.value in _PERIODS_PER_YEAR
                else None
            )
        if (
            result.start is not None
            and result.type in ("DATE", "TIME")
            and "REF" not in result.value
            and not compared  # a comparison looks back from the period; the story stays there
        ):
            day = date.fromisoformat(result.start[:10])
            if result.granularity not in _TOO_COARSE_TO_ANCHOR:
                last_dated = _Anchor(day, f"pending:{index}")
                last_granularity = result.granularity
            # Only times the text states (or counts from the publication date) set the scene;
            # times derived from other times do not.
            if result.granularity in _SETTING_UNITS and anchor is publication and not compared:
                setting = (home, result.granularity, _Anchor(day, f"pending:{index}"), mention.end)
            # A period counted from another ('in a quarter', 'two years ago') is not one the
            # report is about.
            named = not (isinstance(spec, RelativeSpec) and spec.counted)
            if result.granularity in Unit._value2member_map_ and named:
                topics[Unit(result.granularity)] = _Anchor(day, f"pending:{index}")
            # Only a period that has begun is reported on; a forecast ('losses through the
            # third quarter of 1990') is not what 'the year-ago period' compares with.
            if result.granularity in _PERIODS_PER_YEAR and named and day <= published:
                focus = _Focus(Unit(result.granularity), _Anchor(day, f"pending:{index}"), home)
            elif result.granularity == Unit.YEAR.value and named:
                focus = None  # 'this year ... up from last year's': whole years again

    days = _days_by_sentence(resolved, sentences)
    for index in pending_clocks:
        mention = mentions[index]
        governing = _governing_day(index, mentions, days, resolved, sentences)
        anchor = governing or publication
        try:
            result = resolve(mention.spec, anchor.day, approx=mention.approx)
        except Rejected:
            continue
        resolved[index] = (mention, result, anchor)

    return _number(resolved)


# A decade or century names no day to count from: 'the early 1990s ... The day before' is not
# 31 December 1989.
_TOO_COARSE_TO_ANCHOR = frozenset({Unit.DECADE.value, Unit.CENTURY.value, Unit.MILLENNIUM.value})
# Nor does a year name a day to count 'the day before' from: a discourse anchor may be at most
# two steps coarser than the unit counted ('In March ... a week later' is fine).
_STEPS = {"day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "season": 3, "half": 3}


def _fine_enough(granularity: str | None, spec: Spec) -> bool:
    unit = getattr(spec, "unit", None)
    if granularity is None or not isinstance(unit, Unit):
        return True
    return _step(granularity) - _step(unit.value) <= 2


def _step(granularity: str) -> int:
    if granularity in _STEPS:
        return _STEPS[granularity]
    finer = {u.value for u in CLOCK_UNITS} | {Unit.PART_OF_DAY.value}
    return 0 if granularity in finer else 4


# Reporting periods that 'a year ago' / 'a year earlier' compare against (business news: "sales in
# the third quarter rose from a year earlier" means the third quarter of the year before).
_PERIODS_PER_YEAR = {Unit.QUARTER.value: 4, Unit.HALF.value: 2}
# "the quarter" is the quarter the report is about; "the year", "the week" are the current ones.
_REPORTED = frozenset({Unit.QUARTER, Unit.HALF})
# Spans that a report sums over ('the first nine months', 'the year'): after one, a year-on-year
# comparison is about that span, no longer about the quarter.
_REPORTING_SPANS = frozenset({Unit.MONTH, Unit.YEAR})


@dataclass(frozen=True, slots=True)
class _Focus:
    unit: Unit
    anchor: _Anchor
    sentence: int


def _after_comparison(text: str, start: int, floor: int, language: Language) -> bool:
    """Whether a comparison word ('compared with', 'from', 'dibandingkan') stands in the
    clause before `start`."""
    cues = language.comparison_cues
    return (
        cues is not None
        and cues.search(text, max(floor, start - COMPARISON_REACH), start) is not None
    )


COMPARISON_REACH = (
    60  # characters: 'compared with a loss of $3 million, or 5 cents a share, last year'
)


def _in_focus_year(spec: Spec, anchor: _Anchor, focus: _Focus) -> tuple[Spec, _Anchor]:
    """'the 1988 period', 'the 1988 quarter' in a report about the third quarter: the third
    quarter of 1988."""
    per_year = _PERIODS_PER_YEAR[focus.unit.value]
    offset = (spec.year - focus.anchor.day.year) * per_year  # type: ignore[union-attr]
    return RelativeSpec(unit=focus.unit, offset=offset, counted=True), focus.anchor


def _same_period(
    spec: Spec, anchor: _Anchor, focus: _Focus, compares: bool
) -> tuple[Spec, _Anchor]:
    """'A year ago', 'a year earlier', 'the year-earlier period' in a report about a quarter is
    that quarter a year before, not a whole year, for as long as the report stays on the
    quarter. 'Last year' names a year more often than it compares, so it follows the quarter
    only after a comparison word in the quarter's sentence or the next (`compares`)."""
    if isinstance(spec, FocusPeriodSpec):  # 'the latest period': the quarter in focus
        return RelativeSpec(unit=focus.unit, offset=0, counted=True), focus.anchor
    if (
        isinstance(spec, CalendarSpec)
        and spec.anchoring is Anchoring.TOPIC
        and spec.year is not None
        and spec.year_digits == 4
        and spec.unit is None
        and spec.month is None
    ):
        return _in_focus_year(spec, anchor, focus)
    if not (
        isinstance(spec, RelativeSpec)
        and spec.unit is Unit.YEAR
        and spec.offset < 0
        and spec.mod is None
        and (spec.counted or (compares and spec.offset == -1))
    ):
        return spec, anchor
    per_year = _PERIODS_PER_YEAR[focus.unit.value]
    return replace(spec, unit=focus.unit, offset=spec.offset * per_year), focus.anchor


def _counted_ahead(spec: Spec) -> bool:
    """'in two weeks', 'in a few days': a count forward from the publication date."""
    if isinstance(spec, RelativeSpec):
        return spec.counted and spec.offset > 0 and spec.anchoring is Anchoring.REFERENCE
    if isinstance(spec, VagueShiftSpec):
        return spec.direction > 0 and spec.anchoring is Anchoring.REFERENCE
    return False


def _as_span(spec: RelativeSpec | VagueShiftSpec) -> DurationSpec:
    """In a past-tense clause 'in two weeks' is how long something took ('his second letter in
    two weeks was published Tuesday', 'responded in less than one hour'), not a date ahead."""
    amount = float(spec.offset) if isinstance(spec, RelativeSpec) else None
    return DurationSpec(unit=spec.unit, amount=amount)


def _with_last_day(
    spec: PeriodEndingSpec,
    index: int,
    mentions: list[Mention],
    sentences: list[Sentence],
    home: int,
    cues: TenseCues,
) -> tuple[Spec, int | None]:
    """'the quarter ended Sept. 30': the day is the next mention, a word away in the same
    sentence (the rule saw 'ended' there); its year comes from the tense, as for any date."""
    if index + 1 >= len(mentions) or not sentences:
        return spec, None
    mention, following = mentions[index], mentions[index + 1]
    day = following.spec
    if not (
        isinstance(day, CalendarSpec)
        and day.day is not None
        and following.start - mention.end <= LAST_DAY_REACH
        and following.start < sentences[home].end
    ):
        return spec, None
    cue = cues.direction(sentences[home], following) if needs_tense(day) else None
    return replace(spec, end=day), cue


LAST_DAY_REACH = 10  # characters between 'the quarter' and its day: ' ended ', ' ending '

# How far (in characters) a time set in a sentence reaches: about a clause.
SETTING_REACH = 80
# Not a quarter or half: those are often fiscal labels, and the days near them ('the fiscal
# first quarter ended Sept. 30') need not lie in the calendar period of that name.
_SETTING_UNITS = frozenset({"day", "week", "weekend", "month", "season", "year"})


def _in_the_sentence_setting(
    spec: Spec, anchor: _Anchor, granularity: str, setting: _Anchor
) -> tuple[Spec, _Anchor]:
    """A month or named day with no year or cue of its own, in a sentence that has already set
    a time, belongs to that time: the same year when the setting is a year ('pada 2019, ketika
    ... pada September'), else the occurrence nearest the setting."""
    bare_month = (
        isinstance(spec, CalendarSpec)
        and spec.month is not None
        and spec.unit is None
        and spec.year is None
        and spec.year_offset is None
        and spec.direction is None
    )
    bare_holiday = (
        isinstance(spec, MovingDateSpec)
        and spec.year is None
        and spec.year_offset is None
        and spec.direction is None
    )
    if not (bare_month or bare_holiday):
        return spec, anchor
    if granularity == "year":
        return replace(spec, year=setting.day.year), setting
    return spec, setting


def _governing_day(
    index: int,
    mentions: list[Mention],
    days: dict[int, list[tuple[int, int]]],
    resolved: list[tuple[Mention, Resolution, _Anchor | None] | None],
    sentences: list[Sentence],
) -> _Anchor | None:
    """The nearest day-level expression in the clock time's sentence, before or after it; else
    the last one of the sentence before. `days` maps a sentence to its (start, index) pairs of
    expressions that name a day, sorted, so each lookup is a bisection."""
    if not sentences:
        return None
    mention = mentions[index]
    home = sentence_index(sentences, mention.start)
    chosen: int | None = None
    here = days.get(home, [])
    if here:
        at = bisect.bisect_left(here, (mention.start, -1))
        neighbours = here[max(0, at - 1) : at + 1]
        chosen = min(neighbours, key=lambda pair: abs(pair[0] - mention.start))[1]
    elif days.get(home - 1):
        # no day in its own sentence: the day the previous sentence told ('Sabtu (14/9)
        # malam ... Laga yang dimulai pukul 19.00 WIB itu ...')
        chosen = days[home - 1][-1][1]
    if chosen is None:
        return None
    return _Anchor(resolved[chosen][1].day, f"pending:{chosen}")  # type: ignore[index, arg-type]


def _days_by_sentence(
    resolved: list[tuple[Mention, Resolution, _Anchor | None] | None], sentences: list[Sentence]
) -> dict[int, list[tuple[int, int]]]:
    days: dict[int, list[tuple[int, int]]] = {}
    for index, entry in enumerate(resolved):
        if entry is not None and entry[1].day is not None and sentences:
            where = sentence_index(sentences, entry[0].start)
            days.setdefault(where, []).append((entry[0].start, index))
    return days


def _number(resolved: list[tuple[Mention, Resolution, _Anchor | None] | None]) -> list[Timex]:
    """Give ids in textual order and turn pending anchor references into those ids."""
    ids: dict[int, str] = {}
    counter = 0
    for index, entry in enumerate(resolved):
        if entry is not None:
            counter += 1
            ids[index] = f"t{counter}"
    timexes: list[dict[str, Any]] = []
    for index, entry in enumerate(resolved):
        if entry is None:
            continue
        mention, result, anchor = entry
        anchor_id = None
        if anchor is not None:
            anchor_id = anchor.id
            if anchor_id.startswith("pending:"):
                anchor_id = ids.get(int(anchor_id.split(":")[1]), PUBLICATION_ID)
        timexes.append(
            {
                "id": ids[index],
                "text": mention.text,
                "span": (mention.start, mention.end),
                "anchor": anchor.day.isoformat() if anchor is not None else None,
                "anchor_id": anchor_id,
                "rule": mention.rule,
                **result.output_fields(),
            }
        )
    return _timex_list().validate_python(timexes)


@cache
def _timex_list() -> TypeAdapter[list[Timex]]:
    """A document's timexes are validated in one call (as events are, see events.py)."""
    return TypeAdapter(list[Timex])
