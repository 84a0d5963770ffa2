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
from dataclasses import replace
from datetime import date
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from timeline.calendar.units import CLOCK_UNITS, Unit
from timeline.discourse.anchors import PUBLICATION_ID, Anchor
from timeline.discourse.earnings import REPORTED, ReportFocus, with_last_day
from timeline.discourse.tense import (
    TenseCues,
    counted_ahead,
    needs_tense,
    sentence_tense,
    span_in_past_clause,
)
from timeline.grammar.specs import (
    Anchoring,
    ClockSpec,
    DateSpec,
    MovingDateSpec,
    PeriodEndingSpec,
    Rejected,
    RelativeSpec,
    Spec,
)
from timeline.ingest.sentences import Sentence, sentence_index, split_sentences
from timeline.languages import Language
from timeline.models.document import Timex
from timeline.resolution.resolve import Resolution, resolve
from timeline.tagging.tag import Mention


def _anchoring(spec: Spec) -> Anchoring:
    return getattr(spec, "anchoring", Anchoring.REFERENCE)


def document_years(mentions: list[Mention]) -> dict[int, int]:
    """Month -> year for months the document itself dates ('September 2023')."""
    years: dict[int, int] = {}
    for mention in mentions:
        spec = mention.spec
        if (
            isinstance(spec, DateSpec)
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
    """Resolve the mentions in text order, each against what the text has told so far:
    1. its anchor: the publication date, the previous time told (discourse), or the last period
       of its unit (topic);
    2. the report's focus ('a year earlier' after a quarter is that quarter a year before);
    3. its tense (the sentence's cue words, 'since', deadlines) and the time its sentence set;
    4. then it becomes, in turn, the previous time told, the scene, the topic or the focus.
    Clock times with no date of their own wait until every day is known, then take the day
    that governs them."""
    if sentences is None:
        sentences = split_sentences(text, language.abbreviations)
    years = document_years(mentions)

    def year_hint(spec: DateSpec) -> int | None:
        return None if spec.month is None else years.get(spec.month)

    cues = TenseCues(text, language)
    resolved: list[tuple[Mention, Resolution, Anchor | None] | None] = [None] * len(mentions)
    publication = Anchor(published, PUBLICATION_ID)
    last_dated: Anchor | None = None
    last_granularity: str | None = None
    report = ReportFocus(published)
    topics: dict[Unit, Anchor] = {}  # the last period of each unit the text named
    pending_clocks: list[int] = []
    # The time a sentence has set so far: (sentence, granularity, anchor). 'Pada Oktober tahun
    # lalu ... sebelum pulih pada Desember': December belongs to that October's year.
    setting: tuple[int, str, Anchor, int] | None = None
    previous_end = -1  # where the mention before this one ended
    for index, mention in enumerate(mentions):
        spec = mention.spec
        if index:
            previous_end = mentions[index - 1].end
        if isinstance(spec, ClockSpec) and spec.date is None:
            pending_clocks.append(index)
            continue
        home = sentence_index(sentences, mention.start) if sentences else 0
        sentence = sentences[home] if sentences else None
        anchor = publication
        if (
            _anchoring(spec) is Anchoring.DISCOURSE
            and last_dated is not None
            and _fine_enough(last_granularity, spec)
        ):
            anchor = last_dated
        elif _anchoring(spec) is Anchoring.TOPIC and getattr(spec, "unit", None) in REPORTED:
            anchor = topics.get(spec.unit, publication)  # type: ignore[union-attr]
        floor = sentence.start if sentence is not None else 0
        spec, anchor, compared = report.compare(spec, anchor, home, text, mention, floor, language)
        report.ends_with(spec)
        cue = None
        if sentence is not None:
            if counted_ahead(spec):
                spec = span_in_past_clause(spec, sentence, mention, cues)  # type: ignore[arg-type]
            if isinstance(spec, PeriodEndingSpec):
                spec, cue = with_last_day(spec, index, mentions, sentence, cues)
            if needs_tense(spec):
                spec, cue = sentence_tense(spec, mention, sentence, previous_end, cues, language)
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
        report.after(spec, result, home, index, compared)
        if (
            result.start is not None
            and result.type in ("DATE", "TIME")
            and "REF" not in result.value
            and not compared  # a comparison looks back from the period; the story stays there
        ):
            day = date.fromisoformat(result.start[:10])
            if result.granularity not in _TOO_COARSE_TO_ANCHOR:
                last_dated = Anchor(day, f"pending:{index}")
                last_granularity = result.granularity
            # Only times the text states (or counts from the publication date) set the scene;
            # times derived from other times do not, nor a period named by the day that follows
            # it ('the month ended June 30' is no scene for June 30).
            if (
                result.granularity in _SETTING_UNITS
                and anchor is publication
                and not isinstance(spec, PeriodEndingSpec)
            ):
                setting = (home, result.granularity, Anchor(day, f"pending:{index}"), mention.end)
            # A period counted from another ('in a quarter', 'two years ago') is no topic.
            named = not (isinstance(spec, RelativeSpec) and spec.counted)
            if result.granularity in Unit._value2member_map_ and named:
                topics[Unit(result.granularity)] = Anchor(day, f"pending:{index}")

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
    """Whether a time of this granularity can anchor the spec's count: at most two steps
    coarser than the unit counted."""
    unit = getattr(spec, "unit", None)
    if granularity is None or not isinstance(unit, Unit):
        return True
    return _step(granularity) - _step(unit.value) <= 2


_FINER_THAN_A_DAY = frozenset({u.value for u in CLOCK_UNITS} | {Unit.PART_OF_DAY.value})


def _step(granularity: str) -> int:
    """Day 0, week 1, month 2, quarter/season/half 3, a year or coarser 4."""
    if granularity in _STEPS:
        return _STEPS[granularity]
    return 0 if granularity in _FINER_THAN_A_DAY else 4


# How far (in characters) a time set in a sentence reaches: about a clause.
SETTING_REACH = 80
# Not a quarter or half: those are often fiscal labels, and the days near them ('the fiscal
# first quarter ended Sept. 30') need not lie in the calendar period of that name.
_SETTING_UNITS = frozenset({"day", "week", "weekend", "month", "season", "year"})


def _in_the_sentence_setting(
    spec: Spec, anchor: Anchor, granularity: str, setting: Anchor
) -> tuple[Spec, Anchor]:
    """A month or named day with no year or cue of its own, in a sentence that has already set
    a time, belongs to that time: the same year when the setting is a year ('pada 2019, ketika
    ... pada September'), else the occurrence nearest the setting."""
    bare_month = isinstance(spec, DateSpec) and spec.bare_month
    bare_holiday = isinstance(spec, MovingDateSpec) and spec.open_year
    if not (bare_month or bare_holiday):
        return spec, anchor
    if granularity == "year":
        return replace(spec, year=setting.day.year), setting
    return spec, setting


def _governing_day(
    index: int,
    mentions: list[Mention],
    days: dict[int, list[tuple[int, int]]],
    resolved: list[tuple[Mention, Resolution, Anchor | None] | None],
    sentences: list[Sentence],
) -> Anchor | None:
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
    return Anchor(resolved[chosen][1].day, f"pending:{chosen}")  # type: ignore[index, arg-type]


def _days_by_sentence(
    resolved: list[tuple[Mention, Resolution, Anchor | None] | None], sentences: list[Sentence]
) -> dict[int, list[tuple[int, int]]]:
    days: dict[int, list[tuple[int, int]]] = {}
    for index, entry in enumerate(resolved):
        if entry is not None and entry[1].day is not None and sentences:
            where = sentence_index(sentences, entry[0].start)
            days.setdefault(where, []).append((entry[0].start, index))
    return days


def _number(resolved: list[tuple[Mention, Resolution, Anchor | None] | None]) -> list[Timex]:
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
