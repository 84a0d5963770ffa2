"""The tense around a mention: which side of the reference a bare weekday, month or named day
lies on, and whether 'in two weeks' is a date ahead or how long something took.

An expression with no year or cue of its own ('Friday', 'in September', 'Lebaran') can fall on
either side of the publication date; the words of its clause decide, and these are the rules
for reading them. The words themselves (tense words, deadline prepositions, quotation marks,
possessive endings) come from the language file; this module only says how they combine.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from timeline.grammar.specs import (
    Anchoring,
    CalendarFields,
    ClockSpec,
    DateSpec,
    Direction,
    DurationSpec,
    MovingDateSpec,
    RelativeSpec,
    Spec,
    VagueShiftSpec,
    WeekOfSpec,
)
from timeline.ingest.sentences import Sentence
from timeline.ingest.words import Reach, last_word_before, words_before
from timeline.languages import Language
from timeline.tagging.tag import Mention

CUE_REACH = 200  # characters around a mention where its tense cue may stand
SINCE_REACH = 4  # words between 'since' and its time: 'since shortly after the Oct. 23 slaying'
# Characters around a deadline word's time where a perfect makes it 'as of': the clause itself
# ('had filed their reports by Wednesday'), not a relative clause before it ('The sale, which
# had been expected, is part of a program to pay down the loan by February').
PERFECT_REACH = 60
RANGE_REACH = 40  # characters: a deadline word this close after a time closes its range


class TenseCues:
    """Where the text's tense words and quotation marks stand, read once per sentence (and only
    for sentences that hold an expression needing them), so each mention's nearest cue is a
    bisection and a run-on text with thousands of mentions stays linear."""

    def __init__(self, text: str, language: Language) -> None:
        self.text = text
        self.language = language
        self._sentences: dict[tuple[int, int], tuple[list, list, list, list, list]] = {}

    def _read(self, sentence: Sentence) -> tuple[list, list, list, list, list]:
        key = (sentence.start, sentence.end)
        if key not in self._sentences:
            language, text = self.language, self.text
            found = [
                (m.start(), m.end(), Direction.FUTURE)
                for m in language.tense.future_cues.finditer(text, sentence.start, sentence.end)
            ]
            found += [
                (m.start(), m.end(), Direction.PAST)
                for m in language.tense.past_cues.finditer(text, sentence.start, sentence.end)
                if not self._no_past_tense(m.start(), sentence.start)
            ]
            # Future first on a tie (a word on both lists, like 'scheduled' and the past
            # '-ed'): the more specific future word wins.
            found.sort(key=lambda cue: (cue[0], -cue[2]))
            found = self._without_participles_after_future(found)
            by_end = sorted(found, key=lambda cue: (cue[1], cue[2]))
            quotes = (
                [
                    m.start()
                    for m in language.tense.quote_marks.finditer(text, sentence.start, sentence.end)
                ]
                if language.tense.quote_marks is not None
                else []
            )
            self._sentences[key] = (
                found,
                [cue[0] for cue in found],
                by_end,
                [cue[1] for cue in by_end],
                quotes,
            )
        return self._sentences[key]

    def _without_participles_after_future(self, found: list) -> list:
        """A regular -ed form after a future word in the same clause is a participle or an
        adjective ('would contact affected passengers', 'will honour the elected members'):
        the future word is the clause's tense. Listed past words ('said') still count."""
        kept, future_end = [], -1
        for cue in found:
            start, end, direction = cue
            if direction > 0:
                future_end = end
            elif (
                future_end >= 0
                and not any(mark in self.text[future_end:start] for mark in ",;:.")
                and self.text[start:end].lower() not in self.language.tense.past_words
            ):
                continue
            else:
                future_end = -1 if direction < 0 else future_end
            kept.append(cue)
        return kept

    def _no_past_tense(self, start: int, floor: int) -> bool:
        """Whether a past form is a participle or an adjective ('will be held', 'a still
        unspecified date', 'so-called', 'state-owned'): an auxiliary, if any, carries the tense."""
        if start > floor and self.text[start - 1] == "-":
            return True
        participle_after = self.language.tense.participle_after
        if not participle_after:
            return False
        return last_word_before(self.text, start, Reach.AUXILIARY, floor) in participle_after

    def nearest(self, sentence: Sentence, mention: Mention) -> tuple[Direction, int, int] | None:
        """(direction, start, end) of the cue word nearest the mention in its sentence, within
        a clause's worth of text (CUE_REACH) on each side and inside the same quotation ('"The
        father will leave Thursday," Castro said' is future, 'He said: "Talks end in
        September."' is about September to come); cue words inside the mention do not count."""
        found, starts, by_end, ends, quotes = self._read(sentence)
        best: tuple[int, tuple[Direction, int, int]] | None = None
        at = bisect.bisect_right(ends, mention.start) - 1  # the last cue ending before it
        if at >= 0:
            start, end, direction = by_end[at]  # on equal ends, the future cue sorts last
            if start >= max(sentence.start, mention.start - CUE_REACH) and _same_quotation(
                quotes, end, mention.start
            ):
                best = (mention.start - end, (direction, start, end))
        at = bisect.bisect_left(starts, mention.end)
        if at < len(found):
            start, end, direction = found[at]
            reach = min(sentence.end, mention.end + CUE_REACH)
            if (
                end <= reach
                and (best is None or start - mention.end < best[0])
                and _same_quotation(quotes, mention.end, start)
                and not self._reports(start, end)
            ):
                best = (start - mention.end, (direction, start, end))
        return None if best is None else best[1]

    def _reports(self, start: int, end: int) -> bool:
        """Whether a cue word is a reporting verb: 'the strike starts Tuesday, the union said'
        dates the report, not the strike, so it speaks only for a time after it ('said
        Friday')."""
        return self.text[start:end].lower() in self.language.tense.reporting_verbs

    def direction(self, sentence: Sentence, mention: Mention) -> Direction | None:
        """PAST when the sentence speaks of the past around the mention, FUTURE of the future,
        None when it does not say (deadline words are the caller's business)."""
        cue = self.nearest(sentence, mention)
        return None if cue is None else cue[0]


def _same_quotation(quotes: list[int], first: int, second: int) -> bool:
    """Whether two places are in the same stretch of quoted or unquoted text: no quotation
    mark between them, or both outside any quotation ('He will speak at the "Unity" rally
    Thursday' keeps its 'will')."""
    before_first = bisect.bisect_left(quotes, first)
    before_second = bisect.bisect_left(quotes, second)
    return before_first == before_second or (before_first % 2 == 0 and before_second % 2 == 0)


def needs_tense(spec: Spec) -> bool:
    """Whether the sentence's tense can change a spec's value: only what has no year or cue of
    its own (a bare weekday, month or named day) does; everything else skips the tense."""
    if isinstance(spec, ClockSpec):
        return spec.date is not None and needs_tense(spec.date)
    if isinstance(spec, WeekOfSpec):
        return needs_tense(spec.day)
    if isinstance(spec, CalendarFields | MovingDateSpec):
        return spec.open_year
    return False


def after_deadline_word(text: str, start: int, floor: int, language: Language) -> bool:
    """Whether the word right before `start` sets a deadline ('by', 'until', 'hingga')."""
    return last_word_before(text, start, Reach.SIGNAL, floor) in language.tense.deadline_words


def toward_deadline(spec: Spec) -> tuple[Spec, Direction]:
    """A deadline points ahead, as a future tense does: a weekday from the reference day on, a
    month or named day the coming one unless the past one is far nearer (a deadline that
    passed yesterday, 'by Jan. 14' on the 15th, stays where it was)."""
    return spec, Direction.FUTURE


def _after_since_word(text: str, start: int, floor: int, language: Language) -> bool:
    """Whether 'since' / 'sejak' stands a few words before `start`, in the same clause."""
    before = words_before(text, start, Reach.CLAUSE_START, floor)[-SINCE_REACH:]
    return any(word.lower() in language.events.since_signals for word in before)


def _looking_back(spec: Spec) -> Spec:
    """The spec with a past direction of its own: 'since Aug. 1' is the last 1 August that has
    begun, however near the next one is."""
    if isinstance(spec, ClockSpec) and spec.date is not None:
        return replace(spec, date=_looking_back(spec.date))
    if isinstance(spec, WeekOfSpec):
        return replace(spec, day=replace(spec.day, direction=Direction.PAST))
    if isinstance(spec, CalendarFields | MovingDateSpec):
        return replace(spec, direction=Direction.PAST)
    return spec


def _possessive_weekday(spec: Spec, text: str, mention: Mention, language: Language) -> bool:
    """A bare weekday in the possessive ('get around Wednesday's ruling', 'before Friday's
    purchases') names an event the reader knows of: the clause's verbs and deadline words speak
    of something else, so it keeps the default week unless the words right before it point
    ahead ('ahead of Sunday's election')."""
    return (
        isinstance(spec, DateSpec)
        and spec.bare_weekday
        and any(text.startswith(mark, mention.end) for mark in language.tense.possessives)
    )


def _in_perfect_clause(text: str, sentence: Sentence, mention: Mention, language: Language) -> bool:
    """Whether the clause around a mention is in the perfect ('had filed reports by
    Wednesday', 'Hingga Jumat, 20 orang telah ditangkap'): a deadline word then says 'as of',
    not ahead. Where the perfect word is also the plain past (Indonesian 'telah'), the language
    file asks for it after the time only ('telah memperpanjang PPKM hingga Senin' looks ahead)."""
    perfect = language.tense.perfect_cues
    if perfect is None:
        return False
    window_start = (
        mention.end if language.tense.perfect_after_time else mention.start - PERFECT_REACH
    )
    window_start = max(sentence.start, window_start)
    window_end = min(sentence.end, mention.end + PERFECT_REACH)
    return perfect.search(text, window_start, window_end) is not None


def sentence_tense(
    spec: Spec,
    mention: Mention,
    sentence: Sentence,
    previous_end: int,
    cues: TenseCues,
    language: Language,
) -> tuple[Spec, Direction | None]:
    """The spec as its clause dates it, and the sentence's cue (-1, +1 or None) for it:
    - 'since' a few words before looks back, whatever the verb;
    - a possessive weekday ('Friday's purchases') keeps the default week, unless the words
      right before it point ahead ('ahead of Sunday's election');
    - otherwise the nearest tense word decides;
    - a deadline word right before ('by noon Friday', 'until May') points ahead, unless it
      closes a range the sentence opened with an earlier time ('dari April hingga Mei') or the
      clause is in the perfect ('had filed reports by Wednesday': as of)."""
    text = cues.text
    floor = max(sentence.start, previous_end)
    if _after_since_word(text, mention.start, floor, language):
        return _looking_back(spec), None
    if _possessive_weekday(spec, text, mention, language):
        before = " ".join(words_before(text, mention.start, Reach.PHRASE, floor)).lower()
        ahead = any(before.endswith(words) for words in language.tense.possessive_ahead)
        return spec, (Direction.FUTURE if ahead else None)
    cue = cues.direction(sentence, mention)
    closes_range = previous_end > sentence.start and mention.start - previous_end <= RANGE_REACH
    if (
        after_deadline_word(text, mention.start, floor, language)
        and not closes_range
        and not (cue is Direction.PAST and _in_perfect_clause(text, sentence, mention, language))
    ):
        return toward_deadline(spec)
    return spec, cue


def counted_ahead(spec: Spec) -> bool:
    """'in two weeks', 'in a few days': a count forward from the publication date that the
    language file marks as possibly a span (English 'in'; never 'from now', 'lagi')."""
    if isinstance(spec, RelativeSpec):
        return (
            spec.may_be_span
            and spec.counted
            and spec.offset > 0
            and spec.anchoring is Anchoring.REFERENCE
        )
    if isinstance(spec, VagueShiftSpec):
        return (
            spec.may_be_span
            and spec.direction is Direction.FUTURE
            and spec.anchoring is Anchoring.REFERENCE
        )
    return False


def span_in_past_clause(
    spec: RelativeSpec | VagueShiftSpec, sentence: Sentence, mention: Mention, cues: TenseCues
) -> Spec:
    """In a past-tense clause 'in two weeks' is how long something took ('his second letter in
    two weeks was published Tuesday', 'responded in less than one hour'), not a date ahead. A
    reporting verb ('said') speaks of the report, not of the clause it reports ('said it expects
    results in two weeks'), so it does not count as that past."""
    cue = cues.nearest(sentence, mention)
    if cue is None or cue[0] is not Direction.PAST:
        return spec
    word = cues.text[cue[1] : cue[2]].lower()
    if word in cues.language.tense.reporting_verbs:
        return spec
    amount = float(spec.offset) if isinstance(spec, RelativeSpec) else None
    return DurationSpec(unit=spec.unit, amount=amount)
