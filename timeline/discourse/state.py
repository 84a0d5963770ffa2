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
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from timeline.calendar.units import Unit
from timeline.discourse.anchors import PUBLICATION_ID, Anchor
from timeline.discourse.attribution import in_attribution
from timeline.discourse.earnings import EARNINGS, REPORTED, ReportFocus, with_last_day
from timeline.discourse.eras import ERA_SHIFT, shifted_day, unshifted
from timeline.discourse.genres import NEWS, Genre
from timeline.discourse.quotations import count_from_the_saying
from timeline.discourse.ranges import range_end, with_range_year
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

ASIDE_REACH = 120
"""How far (in characters) a parenthesis around a time is looked for: an aside is short."""

FLASHBACK_REACH = 60
"""How far before a time (in characters) a past perfect word makes its clause a flashback."""

MAX_ANCHOR_STEPS = 2
"""A discourse anchor may be at most this many ranks coarser than the unit counted: a year names
no day to count 'the day before' from, but 'In March ... a week later' is fine."""

WEEKDAY_REACH = 3
"""Sentences back (besides its own) where a bare weekday finds the dated day it repeats: 'Rabu
(25/6) malam ... Peristiwa terjadi ... Hingga Rabu malam' is that Wednesday."""

EPISODE_REACH = 4
"""Sentences back (besides its own) where a clock time with no day near it and no tense finds
the episode it belongs to."""

MAX_EPISODE_DAYS = 64
"""Days told that a clock time or a bare weekday looks back over at most, so that a run-on text
with thousands of dates and times stays linear."""

HOLDING_REACH = 8
"""Sentences back where a clock time with no day near it looks for a part of a day that holds
it ('Rabu (11/6) malam' for 'pukul 22.00'): stronger evidence, so it reaches farther."""


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
class Told:
    """A day the text has told (not an attribution's): where, which day, and which mention."""

    start: int
    sentence: int
    day: date
    index: int
    weekday: bool  # told with its weekday ('Rabu (25/6)'), which a bare 'Rabu' may repeat
    hours: tuple[datetime, datetime] | None  # a part of a day ('Rabu (11/6) malam'), if one


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
    reference: Anchor  # what the genre counts from here: a time counted from it sets a scene


class Discourse:
    """The state of a document as it is read, mention by mention, in textual order:
    - `last_dated`: the previous time told, which 'keesokan harinya' counts from;
    - `said`: the sentence and time of the last attribution ('said Friday'), which counts for
      'a year earlier' in its own sentence only;
    - `topics`: the last period of each unit the text named ('the quarter');
    - `setting`: the time the current sentence has set;
    - `report`: the period an earnings report is about (discourse/earnings.py);
    - `told`: the days the text has told so far, in order, which a bare weekday repeats and a
      clock time with no day near it belongs to;
    - `attributed`: the mentions that date an attribution ('kata Budi, Jumat (14/3)'), which
      anchor nothing;
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
        self.said: tuple[int, Anchor, Unit] | None = None  # the last attribution's time
        self.topics: dict[Unit, Anchor] = {}
        self.setting: Setting | None = None
        self.told: list[Told] = []
        self.attributed: set[int] = set()
        self.resolved: list[Resolved | None] = [None] * len(mentions)

    # -- the rules, in the order they apply to a mention -------------------------------------

    def anchor_for(self, spec: Spec, home: int = -1) -> Anchor:
        """What a mention counts from: the previous time told for a discourse expression (when
        fine enough to count from; an attribution's date only in its own sentence), the last
        period of its unit for a topic one ('the quarter'), else what the genre says (the
        publication date, in news)."""
        # a time of a day counts as its day does ('the next morning', 'keesokan harinya pukul 9')
        counted = spec.date if isinstance(spec, ClockSpec) and spec.date is not None else spec
        anchoring = getattr(counted, "anchoring", Anchoring.REFERENCE)
        if anchoring is Anchoring.DISCOURSE and self.said is not None and self.said[0] == home:
            _, said, said_unit = self.said
            if self._fine_enough(spec, said_unit):
                return said
        if (
            anchoring is Anchoring.DISCOURSE
            and self.last_dated is not None
            and self._fine_enough(spec, self.last_unit)
        ):
            return self.last_dated
        unit = getattr(spec, "unit", None)
        if anchoring is Anchoring.TOPIC and unit in REPORTED:
            return self.topics.get(unit, self.publication)
        return self.genre.reference_anchor(self, spec)

    def story_time(self) -> Anchor:
        """The latest time the story has established: the previous time told (a day, month,
        season or year; never a decade), or the publication date before the text has told one.
        A narrative counts what the text does not anchor from here (genres.py)."""
        return self.last_dated or self.publication

    def _fine_enough(self, spec: Spec, told: Unit | None) -> bool:
        """Whether a time told (of unit `told`) can anchor the spec's count: at most
        MAX_ANCHOR_STEPS ranks coarser than the unit counted, a time of day counting as its
        day."""
        unit = getattr(spec, "unit", None)
        if told is None or not isinstance(unit, Unit):
            return True
        counted = max(unit.rank, Unit.DAY.rank)
        return max(told.rank, Unit.DAY.rank) - counted <= MAX_ANCHOR_STEPS

    def read(self, index: int, mention: Mention, home: int, previous_end: int) -> Reading:
        """The mention as its context makes it: its anchor, the report's focus ('a year
        earlier' after a quarter is that quarter a year before), its tense (the sentence's cue
        words, 'since', deadlines) and the time its sentence set."""
        spec = with_range_year(
            mention.spec, range_end(index, self.mentions, self.text, self.language)
        )
        sentence = self.sentences[home] if self.sentences else None
        anchor = self.anchor_for(spec, home)
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
                cue = self.genre.cue(cue)
        repeated = self._repeated_weekday(spec, home, cue) or self._apposed_day(index, spec)
        if repeated is not None:
            reference = self.genre.reference_anchor(self, spec)
            return Reading(spec, repeated, None, compared, False, reference)
        set_by_sentence = False
        setting = self.setting
        if (
            setting is not None
            and setting.sentence == home
            and mention.start - setting.end <= SETTING_REACH
            and not (cue is not None and cue > Direction.THIS)  # 'akan selesai pada ...'
            and _open_to_setting(spec)
            and not self._weekday_fits_on_its_own(spec, cue)
        ):
            spec, anchor = _in_the_sentence_setting(spec, setting)
            set_by_sentence = True
            cue = None  # the setting, not the publication date, is what the tense is about
        reference = self.genre.reference_anchor(self, spec)
        return Reading(spec, anchor, cue, compared, set_by_sentence, reference)

    def _repeated_weekday(self, spec: Spec, home: int, cue: Direction | None) -> Anchor | None:
        """The day a bare weekday repeats: a day with that weekday the text told in its sentence
        or the WEEKDAY_REACH sentences before ('Rabu (25/6/2025) malam ... Hingga Rabu malam,
        empat jenazah telah ditemukan' in a paper of Wednesday 2 July is 25 June), unless the
        clause's tense puts it on the other side of the publication date ('Sidang digelar Senin
        (23/6). Sidang lanjutan akan digelar Senin.' is the coming Monday)."""
        on = spec.date if isinstance(spec, ClockSpec) else spec
        if not (isinstance(on, DateSpec) and on.bare_weekday and on.direction is None):
            return None
        for told in reversed(self.told[-MAX_EPISODE_DAYS:]):
            if told.sentence < home - WEEKDAY_REACH:
                break
            if not told.weekday or told.day.isoweekday() != on.weekday:
                continue
            if (cue is not None and cue > Direction.THIS and told.day < self.published) or (
                cue is not None and cue < Direction.THIS and told.day > self.published
            ):
                return None
            return Anchor(told.day, told.index)
        return None

    def _apposed_day(self, index: int, spec: Spec) -> Anchor | None:
        """A day named by a word and then by its date, in apposition ('Pada hari ini, 23 Juni
        2025, sidang ...' in a quotation published two days later): the date says which day the
        word means, so the word counts from it (the anchor the date minus the word's offset)."""
        if not (
            isinstance(spec, RelativeSpec)
            and spec.unit is Unit.DAY
            and not spec.counted
            and spec.anchoring is Anchoring.REFERENCE
            and index + 1 < len(self.mentions)
        ):
            return None
        mention, following = self.mentions[index], self.mentions[index + 1]
        named = following.spec
        if not (
            _APPOSITION.fullmatch(self.text, mention.end, following.start)
            and isinstance(named, DateSpec)
            and named.day is not None
            and named.month is not None
            and named.year is not None
            and named.year_digits == 4
        ):
            return None
        try:
            day = date(named.year, named.month, named.day)
        except ValueError:
            return None
        return Anchor(day - timedelta(days=spec.offset), index + 1)

    def _weekday_fits_on_its_own(self, spec: Spec, cue: Direction | None) -> bool:
        """Whether a day and month with a weekday ('Jumat (14/3)') already fits that weekday as
        read from the publication date: then a year set earlier in the sentence ('sejak tahun
        2019') does not re-date it, since the weekday says which year is meant."""
        if not (isinstance(spec, DateSpec) and spec.weekday is not None and spec.day is not None):
            return False
        try:
            day = resolve(spec, self.published, cue=cue).day
        except Rejected:
            return False
        # as written: not moved to the neighbouring month to fit (see resolve._fitting_day_near)
        return day is not None and day.isoweekday() == spec.weekday and day.month == spec.month

    def year_hint(self, spec: DateSpec) -> int | None:
        """The year the document states for a bare month elsewhere ('September 2023'), where
        the genre keeps one reference for the whole text."""
        if spec.month is None or not self.genre.document_years:
            return None
        return self.years.get(spec.month)

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
        # counted from (or placed in the year of) a time before the common era
        if anchor.shift and (result.used_anchor or reading.set_by_sentence):
            result = unshifted(result, anchor.shift)
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
        reference: Anchor | None = None,
    ) -> None:
        """What a resolved mention becomes for the ones after it: the previous time told, the
        scene of its sentence, the topic of its unit, or the report's focus."""
        self.resolved[index] = Resolved(mention, result, anchor if result.used_anchor else None)
        self.report.after(spec, result, home, index, compared)
        if result.day is not None and self.sentences:
            if in_attribution(self.text, self.sentences[home], mention, self.language):
                # it dates the saying: nothing after its sentence counts from it
                self.attributed.add(index)
                self.said = (home, Anchor(result.day, index), Unit.DAY)
                return
            if not self._ends_a_period(index):
                self.told.append(
                    Told(
                        mention.start,
                        home,
                        result.day,
                        index,
                        weekday=_names_weekday(spec),
                        hours=_part_of_day_hours(result),
                    )
                )
        if (
            result.type not in ("DATE", "TIME")
            or "REF" in result.value
            or compared  # a comparison looks back from the period; the story stays there
        ):
            return
        if result.start is not None:
            here = Anchor(date.fromisoformat(result.start[:10]), index)
        else:  # a time before the common era ('480 BC') is counted from in shifted years
            shifted = shifted_day(result.value)
            if shifted is None:
                return
            here = Anchor(shifted, index, ERA_SHIFT)
        unit = Unit(result.granularity) if result.granularity else None
        if (
            unit is not None
            and unit.rank < _TOO_COARSE_TO_ANCHOR
            and self.genre.moves_story(
                spec, lambda: self._in_aside(mention, home) or self._in_flashback(mention, home)
            )
        ):
            self.last_dated, self.last_unit = here, unit
        # Only times the text states (or counts from the publication date) set the scene; times
        # derived from other times do not, nor a period named by the day that follows it ('the
        # month ended June 30' is no scene for June 30).
        if (
            unit in _SETTING_UNITS
            and (anchor is self.publication or anchor is reference)
            and not isinstance(spec, PeriodEndingSpec)
        ):
            assert unit is not None
            self.setting = Setting(home, unit, here, mention.end)
        # A period counted from another ('in a quarter', 'two years ago') is no topic.
        named = not (isinstance(spec, RelativeSpec) and spec.counted)
        if unit is not None and named:
            self.topics[unit] = here

    def _in_aside(self, mention: Mention, home: int) -> bool:
        """Whether the mention stands inside parentheses of its sentence: '(26 June - 4 August
        1952)', '(December 8 in Asian time zones)'. Looks at most ASIDE_REACH characters
        either side."""
        sentence = self.sentences[home] if self.sentences else None
        floor = max(sentence.start if sentence else 0, mention.start - ASIDE_REACH)
        ceiling = min(sentence.end if sentence else len(self.text), mention.end + ASIDE_REACH)
        opened = self.text.rfind("(", floor, mention.start)
        if opened < 0 or self.text.find(")", opened, mention.start) >= 0:
            return False
        closed = self.text.find(")", mention.end, ceiling)
        return closed >= 0 and self.text.find("(", mention.end, closed) < 0

    def _in_flashback(self, mention: Mention, home: int) -> bool:
        """Whether the mention's clause is in the past perfect, a flashback in a story told in
        the past ('Chinese forces that had invaded Northern Burma in late 1943'): the language's
        perfect word at most FLASHBACK_REACH characters before it in its sentence. Not where
        that word is also the plain past (Indonesian 'telah': `perfect_after_time`)."""
        perfect = self.language.tense.perfect_cues
        if perfect is None or self.language.tense.perfect_after_time:
            return False
        floor = self.sentences[home].start if self.sentences else 0
        return (
            perfect.search(self.text, max(floor, mention.start - FLASHBACK_REACH), mention.start)
            is not None
        )

    def _ends_a_period(self, index: int) -> bool:
        """Whether a day names the end of a reporting period ('the quarter ended Sept. 30'):
        it dates no episode of the story."""
        if index == 0:
            return False
        period = self.resolved[index - 1]
        return (
            period is not None
            and isinstance(period.mention.spec, PeriodEndingSpec)
            and period.result.end is not None
            and self.resolved[index] is not None
            and period.result.end[:10] == (self._day(index) + timedelta(days=1)).isoformat()
        )

    def place_clocks(self, pending: list[tuple[int, Anchor]]) -> None:
        """Clock times with no date of their own take the day that governs them, once every day
        is known: the nearest day-level expression in their sentence, before or after, else the
        last one of the sentence before, else the day of the episode the text is telling (the
        last day told before them), else the reference the genre gave where the clock stands
        (the publication date in news, the story's time in a narrative). An attribution's date
        governs nothing, and a clause's tense rules out a day on the other side of the
        publication date ('Tiket sudah dijual pukul 10.00' is no time of a coming match)."""
        days = self._days_by_sentence()
        for index, reference in pending:
            mention = self.mentions[index]
            tense = self._clock_tense(mention)
            anchor = (
                self._governing_day(index, days, tense)
                or self._episode_day(mention, tense)
                or reference
            )
            try:
                result = resolve(mention.spec, anchor.day, approx=mention.approx)
            except Rejected:
                continue
            self.resolved[index] = Resolved(mention, result, anchor)
            if anchor.mention is not None:  # the episode goes on at that time
                home = sentence_index(self.sentences, mention.start)
                told = Told(mention.start, home, anchor.day, index, weekday=False, hours=None)
                bisect.insort(self.told, told, key=lambda entry: entry.start)

    def _clock_tense(self, mention: Mention) -> Direction | None:
        """The side of the publication date the clock time's clause speaks of, if it says."""
        if not self.sentences:
            return None
        home = sentence_index(self.sentences, mention.start)
        return self.cues.direction(self.sentences[home], mention)

    def _fits_tense(self, day: date, tense: Direction | None) -> bool:
        """Whether a day lies on the side of the publication date the tense speaks of."""
        if tense is None or tense is Direction.THIS:
            return True
        return day <= self.published if tense < Direction.THIS else day >= self.published

    def _days_by_sentence(self) -> dict[int, list[tuple[int, int]]]:
        """Sentence -> sorted (start, index) of its expressions that name a day, except the
        dates of attributions."""
        days: dict[int, list[tuple[int, int]]] = {}
        if not self.sentences:
            return days
        for index, entry in enumerate(self.resolved):
            if entry is not None and entry.result.day is not None and index not in self.attributed:
                where = sentence_index(self.sentences, entry.mention.start)
                days.setdefault(where, []).append((entry.mention.start, index))
        return days

    def _governing_day(
        self, index: int, days: dict[int, list[tuple[int, int]]], tense: Direction | None
    ) -> Anchor | None:
        """The nearest day-level expression in the clock time's sentence, before or after it;
        else the last one of the sentence before ('Sabtu (14/9) malam ... Laga yang dimulai
        pukul 19.00 WIB itu ...'); from the sentence before, not a coming day when the clock
        time's clause is in the past."""
        if not self.sentences:
            return None
        mention = self.mentions[index]
        home = sentence_index(self.sentences, mention.start)
        here = days.get(home, [])
        # a clause in the past does not take a coming day from the sentence before
        past = tense is not None and tense < Direction.THIS
        before = [
            pair
            for pair in days.get(home - 1, [])
            if not past or self._day(pair[1]) <= self.published
        ]
        chosen: int | None = None
        if here:
            at = bisect.bisect_left(here, (mention.start, -1))
            neighbours = here[max(0, at - 1) : at + 1]
            chosen = min(neighbours, key=lambda pair: abs(pair[0] - mention.start))[1]
        elif before:
            chosen = before[-1][1]
        if chosen is None:
            return None
        return Anchor(self._day(chosen), chosen)

    def _day(self, index: int) -> date:
        entry = self.resolved[index]
        assert entry is not None and entry.result.day is not None
        return entry.result.day

    def _episode_day(self, mention: Mention, tense: Direction | None) -> Anchor | None:
        """The day of the episode the text is telling: the last day told before the clock time
        ('Uji coba digelar pada Sabtu (5/7). ... Acara akan dimulai sekitar pukul 19.00 WIB.'
        is that Saturday; an attribution's date is no episode), or a part of a day told just
        before it that holds the clock time ('sejak Rabu (11/6) malam hingga Kamis (12/6) dini
        hari ... Sekitar pukul 22.00 WITA' is Wednesday night; HOLDING_REACH). Only days on the
        side of the publication date its clause's tense points to; with no tense, only a day
        told in the last EPISODE_REACH sentences, since a day told long before sets no scene ('tayang di
        Hong Kong pada 23 Desember 2004 ... saksikan film tersebut pukul 21.00 WIB' is
        tonight)."""
        at = bisect.bisect_left(self.told, mention.start, key=lambda told: told.start)
        home = sentence_index(self.sentences, mention.start)
        episode: list[Told] = []  # latest first
        for told in reversed(self.told[max(0, at - MAX_EPISODE_DAYS) : at]):
            if told.sentence < home - HOLDING_REACH:
                break
            if self._fits_tense(told.day, tense):
                episode.append(told)
        spec = mention.spec
        if isinstance(spec, ClockSpec) and spec.hour is not None:
            for told in episode:
                day = _day_holding(told, spec.hour, spec.minute or 0)
                if day is not None:
                    return Anchor(day, told.index)
        if not episode or (tense is None and episode[0].sentence < home - EPISODE_REACH):
            return None
        return Anchor(episode[0].day, episode[0].index)

    # -- the whole document ------------------------------------------------------------------

    def run(self) -> list[Timex]:
        """Resolve every mention in text order; clock times with no date of their own wait
        until every day is known."""
        pending_clocks: list[tuple[int, Anchor]] = []
        previous_end = -1  # where the mention before this one ended
        for index, mention in enumerate(self.mentions):
            if index:
                previous_end = self.mentions[index - 1].end
            if isinstance(mention.spec, ClockSpec) and mention.spec.date is None:
                pending_clocks.append((index, self.genre.reference_anchor(self, mention.spec)))
                continue
            home = sentence_index(self.sentences, mention.start) if self.sentences else 0
            reading = self.read(index, mention, home, previous_end)
            try:
                spec, anchor, result = self.resolve(mention, reading)
            except Rejected:
                continue
            self.record(
                index, mention, home, spec, anchor, result, reading.compared, reading.reference
            )
        self.place_clocks(pending_clocks)
        for index, result, anchor in count_from_the_saying(
            self.resolved, self.attributed, self.sentences, self.text, self.language, self.published
        ):
            self.resolved[index] = Resolved(self.mentions[index], result, anchor)
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


_APPOSITION = re.compile(r"\s{0,2},\s{0,3}")
"""What stands between a day's word and its date in apposition: 'hari ini, 23 Juni 2025'."""


def _names_weekday(spec: Spec) -> bool:
    """Whether an expression gives a day with its weekday ('Rabu (25/6)', 'Senin, 23 Juni')."""
    on = spec.date if isinstance(spec, ClockSpec) else spec
    return isinstance(on, DateSpec) and on.weekday is not None and on.day is not None


def _part_of_day_hours(result: Resolution) -> tuple[datetime, datetime] | None:
    """The hours of a part of a day ('Rabu (11/6) malam': 18:00 to 06:00), local time."""
    if result.granularity != Unit.PART_OF_DAY.value or result.start is None or result.end is None:
        return None
    return datetime.fromisoformat(result.start[:16]), datetime.fromisoformat(result.end[:16])


def _day_holding(told: Told, hour: int, minute: int) -> date | None:
    """The day on which a clock time falls inside a part of a day told ('pukul 02.00' in
    'Rabu malam' is early Thursday), or None when it falls outside it."""
    if told.hours is None:
        return None
    first, last = told.hours
    for day in (told.day, told.day + timedelta(days=1)):
        moment = datetime(day.year, day.month, day.day, hour, minute)
        if first <= moment < last:
            return day
    return None


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
