"""Document-level resolution: each mention meets its anchor, its tense and the document's dates.

This is what makes extraction more than a phrase parser:
- relative expressions count from the publication date unless they say they continue the
  discourse ('dua hari kemudian', 'the next day', 'tahun tersebut'): those count from the
  previous time mentioned; the genre may change what a relative expression counts from;
- a bare clock time takes the day of the date that governs it in its sentence, before or after;
- bare weekdays and months take the direction of their sentence's tense words, and a month the
  document dates elsewhere ('September 2023') keeps that year when mentioned bare.

`Discourse` is the state of a document as it is read, with one method per rule; anchors point at
mentions by index until the timexes are numbered.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from timeline.calendar.units import Unit
from timeline.discourse.anchors import PUBLICATION_ID, Anchor
from timeline.discourse.earnings import EARNINGS, REPORTED, ReportFocus, with_last_day
from timeline.discourse.genres import NEWS, Genre
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
    Direction,
    MovingDateSpec,
    PeriodEndingSpec,
    Rejected,
    RelativeSpec,
    Spec,
    VagueShiftSpec,
)
from timeline.ingest.sentences import Sentence, sentence_index, split_sentences
from timeline.languages import Language
from timeline.models.document import Timex
from timeline.resolution.resolve import Resolution, resolve
from timeline.tagging.tag import Mention

SETTING_REACH = 80
"""How far (in characters) a time set in a sentence reaches: about a clause."""

_SETTING_UNITS = frozenset({Unit.DAY, Unit.WEEK, Unit.WEEKEND, Unit.MONTH, Unit.SEASON, Unit.YEAR})
"""Units whose time sets the scene of its sentence. Not a quarter or half: those are often fiscal
labels, and the days near them ('the fiscal first quarter ended Sept. 30') need not lie in the
calendar period of that name."""

_TOO_COARSE_TO_ANCHOR = Unit.DECADE.rank
"""A decade or coarser names no day to count from: 'the early 1990s ... The day before' is not
31 December 1989."""

MAX_ANCHOR_STEPS = 2
"""A discourse anchor may be at most this many ranks coarser than the unit counted: a year names
no day to count 'the day before' from, but 'In March ... a week later' is fine."""


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


@dataclass(frozen=True, slots=True)
class Setting:
    """The time a sentence has set so far: 'Pada Oktober tahun lalu ... sebelum pulih pada
    Desember': December belongs to that October's year."""

    sentence: int
    unit: Unit
    anchor: Anchor
    end: int  # where the expression that set it ends


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention resolved in its context, and the anchor it was counted from (None when the
    text fixed it alone)."""

    mention: Mention
    result: Resolution
    anchor: Anchor | None


@dataclass(frozen=True, slots=True)
class Reading:
    """A mention as its context makes it: the spec after the context's changes, its anchor,
    the tense cue, and whether a comparison or its sentence's setting decided it."""

    spec: Spec
    anchor: Anchor
    cue: Direction | None
    compared: bool
    set_by_sentence: bool


class Discourse:
    """The state of a document as it is read, mention by mention, in textual order:
    - `last_dated`: the previous time told, which 'keesokan harinya' counts from;
    - `topics`: the last period of each unit the text named ('the quarter');
    - `setting`: the time the current sentence has set;
    - `report`: the period an earnings report is about (discourse/earnings.py);
    - `resolved`: what each mention became, by index.
    """

    def __init__(
        self,
        mentions: list[Mention],
        text: str,
        published: date,
        language: Language,
        sentences: list[Sentence],
        genre: Genre = NEWS,
        others: Sequence[Language] = (),
    ) -> None:
        self.mentions = mentions
        self.text = text
        self.published = published
        self.language = language
        self.sentences = sentences
        self.genre = genre
        self.publication = Anchor(published, None)
        self.cues = TenseCues(text, language)
        # A mention found with another language's rules (a quote in English) reads its tense in
        # that language's words ('will', 'said').
        self.others = {other.code: TenseCues(text, other) for other in others}
        self.report = ReportFocus(published, active=EARNINGS in language.profiles)
        self.years = document_years(mentions)
        self.last_dated: Anchor | None = None
        self.last_unit: Unit | None = None
        self.topics: dict[Unit, Anchor] = {}
        self.setting: Setting | None = None
        self.resolved: list[Resolved | None] = [None] * len(mentions)

    # -- the rules, in the order they apply to a mention -------------------------------------

    def anchor_for(self, spec: Spec) -> Anchor:
        """What a mention counts from: the previous time told for a discourse expression (when
        fine enough to count from), the last period of its unit for a topic one ('the quarter'),
        else what the genre says (the publication date, in news)."""
        anchoring = getattr(spec, "anchoring", Anchoring.REFERENCE)
        if (
            anchoring is Anchoring.DISCOURSE
            and self.last_dated is not None
            and self._fine_enough(spec)
        ):
            return self.last_dated
        unit = getattr(spec, "unit", None)
        if anchoring is Anchoring.TOPIC and unit in REPORTED:
            return self.topics.get(unit, self.publication)
        return self.genre.reference_anchor(self, spec)

    def _fine_enough(self, spec: Spec) -> bool:
        """Whether the previous time told can anchor the spec's count: at most MAX_ANCHOR_STEPS
        ranks coarser than the unit counted, a time of day counting as its day."""
        unit = getattr(spec, "unit", None)
        if self.last_unit is None or not isinstance(unit, Unit):
            return True
        counted = max(unit.rank, Unit.DAY.rank)
        return max(self.last_unit.rank, Unit.DAY.rank) - counted <= MAX_ANCHOR_STEPS

    def read(self, index: int, mention: Mention, home: int, previous_end: int) -> Reading:
        """The mention as its context makes it: its anchor, the report's focus ('a year
        earlier' after a quarter is that quarter a year before), its tense (the sentence's cue
        words, 'since', deadlines) and the time its sentence set."""
        spec = mention.spec
        sentence = self.sentences[home] if self.sentences else None
        anchor = self.anchor_for(spec)
        floor = sentence.start if sentence is not None else 0
        cues = self.others.get(mention.lang, self.cues)
        language = cues.language
        spec, anchor, compared = self.report.compare(
            spec, anchor, home, self.text, mention, floor, language
        )
        self.report.ends_with(spec)
        cue: Direction | None = None
        if sentence is not None:
            if counted_ahead(spec):
                assert isinstance(spec, RelativeSpec | VagueShiftSpec)
                spec = span_in_past_clause(spec, sentence, mention, cues)
            if isinstance(spec, PeriodEndingSpec):
                spec, cue = with_last_day(spec, index, self.mentions, sentence, cues)
            if needs_tense(spec):
                spec, cue = sentence_tense(spec, mention, sentence, previous_end, cues, language)
        set_by_sentence = False
        setting = self.setting
        if (
            setting is not None
            and setting.sentence == home
            and mention.start - setting.end <= SETTING_REACH
            and not (cue is not None and cue > Direction.THIS)  # 'akan selesai pada ...'
            and _open_to_setting(spec)
        ):
            spec, anchor = _in_the_sentence_setting(spec, setting)
            set_by_sentence = True
            cue = None  # the setting, not the publication date, is what the tense is about
        return Reading(spec, anchor, cue, compared, set_by_sentence)

    def year_hint(self, spec: DateSpec) -> int | None:
        """The year the document states for a bare month elsewhere ('September 2023')."""
        return None if spec.month is None else self.years.get(spec.month)

    def resolve(self, mention: Mention, reading: Reading) -> tuple[Spec, Anchor, Resolution]:
        """Resolve the reading; a sentence's past setting never puts a date in the future ('in
        July 1997 ... will join NATO on March 12'): then the mention is read on its own."""
        spec, anchor, cue = reading.spec, reading.anchor, reading.cue
        result = resolve(spec, anchor.day, approx=mention.approx, cue=cue, year_hint=self.year_hint)
        if reading.set_by_sentence and (result.start or "9999") > self.published.isoformat():
            spec, anchor = mention.spec, self.publication
            result = resolve(
                spec, anchor.day, approx=mention.approx, cue=cue, year_hint=self.year_hint
            )
        return spec, anchor, result

    def record(
        self,
        index: int,
        mention: Mention,
        home: int,
        spec: Spec,
        anchor: Anchor,
        result: Resolution,
        compared: bool,
    ) -> None:
        """What a resolved mention becomes for the ones after it: the previous time told, the
        scene of its sentence, the topic of its unit, or the report's focus."""
        self.resolved[index] = Resolved(mention, result, anchor if result.used_anchor else None)
        self.report.after(spec, result, home, index, compared)
        if (
            result.start is None
            or result.type not in ("DATE", "TIME")
            or "REF" in result.value
            or compared  # a comparison looks back from the period; the story stays there
        ):
            return
        day = date.fromisoformat(result.start[:10])
        here = Anchor(day, index)
        unit = Unit(result.granularity) if result.granularity else None
        if unit is not None and unit.rank < _TOO_COARSE_TO_ANCHOR:
            self.last_dated, self.last_unit = here, unit
        # Only times the text states (or counts from the publication date) set the scene; times
        # derived from other times do not, nor a period named by the day that follows it ('the
        # month ended June 30' is no scene for June 30).
        if (
            unit in _SETTING_UNITS
            and anchor is self.publication
            and not isinstance(spec, PeriodEndingSpec)
        ):
            assert unit is not None
            self.setting = Setting(home, unit, here, mention.end)
        # A period counted from another ('in a quarter', 'two years ago') is no topic.
        named = not (isinstance(spec, RelativeSpec) and spec.counted)
        if unit is not None and named:
            self.topics[unit] = here

    def place_clocks(self, pending: list[int]) -> None:
        """Clock times with no date of their own take the day that governs them, once every day
        is known: the nearest day-level expression in their sentence, before or after, else the
        last one of the sentence before, else the publication date."""
        days = self._days_by_sentence()
        for index in pending:
            mention = self.mentions[index]
            anchor = self._governing_day(index, days) or self.publication
            try:
                result = resolve(mention.spec, anchor.day, approx=mention.approx)
            except Rejected:
                continue
            self.resolved[index] = Resolved(mention, result, anchor)

    def _days_by_sentence(self) -> dict[int, list[tuple[int, int]]]:
        """Sentence -> sorted (start, index) of its expressions that name a day."""
        days: dict[int, list[tuple[int, int]]] = {}
        if not self.sentences:
            return days
        for index, entry in enumerate(self.resolved):
            if entry is not None and entry.result.day is not None:
                where = sentence_index(self.sentences, entry.mention.start)
                days.setdefault(where, []).append((entry.mention.start, index))
        return days

    def _governing_day(self, index: int, days: dict[int, list[tuple[int, int]]]) -> Anchor | None:
        """The nearest day-level expression in the clock time's sentence, before or after it;
        else the last one of the sentence before ('Sabtu (14/9) malam ... Laga yang dimulai
        pukul 19.00 WIB itu ...'). Each lookup is a bisection."""
        if not self.sentences:
            return None
        mention = self.mentions[index]
        home = sentence_index(self.sentences, mention.start)
        chosen: int | None = None
        here = days.get(home, [])
        if here:
            at = bisect.bisect_left(here, (mention.start, -1))
            neighbours = here[max(0, at - 1) : at + 1]
            chosen = min(neighbours, key=lambda pair: abs(pair[0] - mention.start))[1]
        elif days.get(home - 1):
            chosen = days[home - 1][-1][1]
        if chosen is None:
            return None
        entry = self.resolved[chosen]
        assert entry is not None and entry.result.day is not None
        return Anchor(entry.result.day, chosen)

    # -- the whole document ------------------------------------------------------------------

    def run(self) -> list[Timex]:
        """Resolve every mention in text order; clock times with no date of their own wait
        until every day is known."""
        pending_clocks: list[int] = []
        previous_end = -1  # where the mention before this one ended
        for index, mention in enumerate(self.mentions):
            if index:
                previous_end = self.mentions[index - 1].end
            if isinstance(mention.spec, ClockSpec) and mention.spec.date is None:
                pending_clocks.append(index)
                continue
            home = sentence_index(self.sentences, mention.start) if self.sentences else 0
            reading = self.read(index, mention, home, previous_end)
            try:
                spec, anchor, result = self.resolve(mention, reading)
            except Rejected:
                continue
            self.record(index, mention, home, spec, anchor, result, reading.compared)
        self.place_clocks(pending_clocks)
        return _numbered(self.resolved)


def resolve_in_context(
    mentions: list[Mention],
    text: str,
    published: date,
    language: Language,
    sentences: list[Sentence] | None = None,
    genre: Genre = NEWS,
    others: Sequence[Language] = (),
) -> list[Timex]:
    """The document's timexes: every mention resolved against what the text has told so far;
    `others` are the languages some of the mentions were found in besides `language`."""
    if sentences is None:
        sentences = split_sentences(text, language.abbreviations)
    return Discourse(mentions, text, published, language, sentences, genre, others).run()


def _open_to_setting(spec: Spec) -> bool:
    """A month or named day with no year or cue of its own: its sentence's setting can place it."""
    return (isinstance(spec, DateSpec) and spec.bare_month) or (
        isinstance(spec, MovingDateSpec) and spec.open_year
    )


def _in_the_sentence_setting(spec: Spec, setting: Setting) -> tuple[Spec, Anchor]:
    """A month or named day open to its sentence's setting belongs to that time: the same year
    when the setting is a year ('pada 2019, ketika ... pada September'), else the occurrence
    nearest the setting."""
    if setting.unit is Unit.YEAR:
        assert isinstance(spec, DateSpec | MovingDateSpec)
        return replace(spec, year=setting.anchor.day.year), setting.anchor
    return spec, setting.anchor


def _numbered(resolved: list[Resolved | None]) -> list[Timex]:
    """Give ids in textual order and turn anchors that point at mentions into those ids."""
    ids: dict[int, str] = {}
    for index, entry in enumerate(resolved):
        if entry is not None:
            ids[index] = f"t{len(ids) + 1}"
    timexes: list[dict[str, Any]] = []
    for index, entry in enumerate(resolved):
        if entry is None:
            continue
        mention, result, anchor = entry.mention, entry.result, entry.anchor
        anchor_id = None
        if anchor is not None:
            anchor_id = PUBLICATION_ID if anchor.mention is None else ids.get(anchor.mention)
            anchor_id = anchor_id or PUBLICATION_ID
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
    """A document's timexes are validated in one call (as events are, see events/)."""
    return TypeAdapter(list[Timex])
