"""Find temporal expressions in text with a language's compiled rules.

Every rule is run over the text; overlapping candidates are settled longest first (then leftmost,
then the rule listed first in the language file). A candidate whose production rejects it (an
impossible date) still claims its span, so '32 Juni 2024' never falls back to 'Juni 2024'.
Finally a day followed by a time of day ('Senin (17/6) malam', 'yesterday morning') becomes one
expression, and parts of day that found no day to join are dropped.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeGuard

from timeline.calendar.units import Unit
from timeline.grammar import patterns as grammar
from timeline.grammar.productions import PRODUCTIONS
from timeline.grammar.specs import ClockSpec, DateSpec, Rejected, RelativeSpec, Spec
from timeline.ingest.words import Reach, window_before
from timeline.languages import Language
from timeline.languages.rules import Rule
from timeline.tagging.index import index_of


@dataclass(frozen=True, slots=True)
class Mention:
    """An expression found in text, with its underspecified meaning."""

    start: int
    end: int
    text: str
    spec: Spec
    rule: str
    lang: str
    approx: str | None = None
    standalone: bool = True


class ClaimedSpans:
    """Disjoint claimed spans, kept sorted for overlap tests in O(log n)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def roles_of(match: Any, rule: Rule, language: Language) -> dict[str, Any]:
    """The values of a match's groups, looked up in the language's tables."""
    roles: dict[str, Any] = dict(rule.defaults)
    for name, text in match.groupdict().items():
        if text is None or name == "outside":  # a signal left outside the span, no role
            continue
        role = rule.group_roles.get(name, name)
        classes = rule.group_classes.get(role)
        if classes is None:
            roles[role] = int(text) if text.isdigit() else text
        else:
            roles[role] = language.vocabulary.value(
                language.vocabulary.class_of(classes, text), text
            )
    return roles


def find_mentions(text: str, language: Language) -> list[Mention]:
    """All temporal expressions in `text`, in textual order."""
    candidates = []
    for rule, match in _all_matches(text, language):
        start, end = match.span()
        if end > start:
            candidates.append((start - end, start, rule.order, rule, match))
    candidates.sort(key=lambda c: c[:3])

    claimed = ClaimedSpans()
    mentions: list[Mention] = []
    for _, start, _, rule, match in candidates:
        if claimed.overlaps(start, match.end()):
            continue
        if rule.not_in_names and _after_a_name(text, start, language):
            claimed.add(start, match.end())  # 'SEA Games 2025', 'Liga 1 2024/2025'
            continue
        roles = roles_of(match, rule, language)
        try:
            spec = PRODUCTIONS[rule.production](roles, language)
        except Rejected:
            claimed.add(start, match.end())
            continue
        if spec is None:
            continue
        claimed.add(start, match.end())
        # A range ('17-19 Juni 2024') yields one expression per named part of the match.
        parts = spec if isinstance(spec, list) else [(None, spec)]
        for group, part in parts:
            begin, finish = _span_of(match, rule, group) if group else (start, match.end())
            begin = _after_signal(match, begin)
            mentions.append(
                Mention(
                    start=begin,
                    end=finish,
                    text=text[begin:finish],
                    spec=part,
                    rule=rule.name,
                    lang=language.code,
                    approx=roles.get("approx"),
                    standalone=rule.standalone,
                )
            )
    mentions.sort(key=lambda m: m.start)
    return [m for m in _join_days_and_times(mentions, text, language) if m.standalone]


def _after_signal(match: re.Match[str], begin: int) -> int:
    """A rule may match a signal word that decides its meaning but stays outside the
    expression, as TimeML marks it ('in two weeks': 'in' says ahead, the span is 'two weeks'):
    the language file names that part of the pattern `(?P<outside>...)`."""
    if "outside" in match.re.groupindex and match.start("outside") == begin:
        return match.end("outside")
    return begin


# Rules are tried at every place an expression can begin (a word's first letter, or a sign
# like "(" or "'"), so that overlapping matches of one rule are all seen. Above this length the
# tagger tries at each place only the rules whose matches can begin with the next letters there
# (same matches, far fewer tries); short phrases skip building that index.
INDEX_FROM_LENGTH = 300
_STARTS = re.compile(r"(?<![^\W_])[^\W_]|[^\w\s]")


def _all_matches(text: str, language: Language) -> Iterator[tuple[Rule, re.Match[str]]]:
    """Every match of every rule at every place it can begin, overlapping ones included."""
    rules = language.grammar.rules
    if len(text) < INDEX_FROM_LENGTH:
        for start in _STARTS.finditer(text):
            position = start.start()
            for rule in rules:
                match = rule.pattern.match(text, position)
                if match is not None:
                    yield rule, match
        return
    lowered = folded(text)
    width = grammar.PREFIX_LENGTH
    index = index_of(language.grammar)
    seen = index.openings_seen()  # opening -> rules, memoised across texts
    starts = index.start_places()
    openings = index.opening_places()
    if openings is None:  # a rule can begin anywhere: try every start place
        places: Iterator[int] = (start.start() for start in starts.finditer(text))
    else:
        # Only where a rule's prefix begins; each is checked against start_places() too, so
        # the places are exactly the ones that loop would have tried rules at (in another
        # order, which find_mentions does not depend on: it sorts the candidates).
        before_words, signs = openings
        places = (
            position
            for position in itertools.chain(
                (place.end() - 1 for place in before_words.finditer(" " + lowered)),
                (place.start() for place in signs.finditer(lowered)),
            )
            if starts.match(text, position) is not None
        )
    for position in places:
        opening = lowered[position : position + width]
        numbers = seen.get(opening)
        if numbers is None:
            numbers = index.rules_starting(opening)
        for number in numbers:
            match = rules[number].pattern.match(text, position)
            if match is not None:
                yield rules[number], match


# A capitalised word (or acronym), maybe with a small number, right before a year: 'Jakarta
# Marathon 2025', 'SEA Games 2025', 'Liga 1 2024/2025', 'Paris 2024'.
_NAME_BEFORE = re.compile(r"(?:^|(?<=[^\w]))([A-Z][\w&'’.-]{0,30})(?: \d{1,2})? $")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(\n]|--|[-–—]\s)\s{0,3}$")


def _after_a_name(text: str, start: int, language: Language) -> bool:
    """True when the match follows a proper name it belongs to. A capitalised word that opens
    a sentence ('Since 2019'), a word the language knows as time vocabulary ('Juni 2024'), or
    one the language file lists as dating its year ('Pemilu 2024') does not count."""
    window = window_before(text, start, Reach.NAME)
    found = _NAME_BEFORE.search(window)
    if found is None:
        return False
    word = found.group(1).rstrip(".").lower()
    if word in language.name_words_before_years or language.vocabulary.is_time_word(word):
        return False
    return not _SENTENCE_START.search(window[: found.start(1)])


# Every character `\s` matches (Unicode whitespace) folded to a space, and ASCII digits to '9'
# (see grammar.fold_char).
_FOLD = {
    code: " "
    for code in (
        *range(0x09, 0x0E),
        *range(0x1C, 0x21),
        0x85,
        0xA0,
        0x1680,
        *range(0x2000, 0x200B),
        0x2028,
        0x2029,
        0x202F,
        0x205F,
        0x3000,
    )
} | {ord(digit): "9" for digit in "012345678"}


def folded(text: str) -> str:
    """The text as rule prefixes are written (grammar.fold_char), position for position:
    lowercase, whitespace as a space, digits as '9'; a character whose lowercase is longer
    ('İ') stays as it is."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.translate(_FOLD)


def _span_of(match: re.Match[str], rule: Rule, role: str) -> tuple[int, int]:
    """The span of the group that filled `role` (a role used twice has numbered group names)."""
    for name, filled in rule.group_roles.items():
        if filled == role and match.span(name) != (-1, -1):
            return match.span(name)
    return match.span()


def names_a_day(spec: Spec) -> bool:
    if isinstance(spec, DateSpec):
        return spec.day is not None or (spec.weekday is not None and spec.month is None)
    return isinstance(spec, RelativeSpec) and spec.unit is Unit.DAY


def _is_bare_time(spec: Spec) -> TypeGuard[ClockSpec]:
    return isinstance(spec, ClockSpec) and spec.date is None


def _is_bare_part(spec: Spec) -> TypeGuard[ClockSpec]:
    """'malam', 'pagi', 'night' alone: a part of day with no hour and no day yet."""
    return (
        isinstance(spec, ClockSpec)
        and spec.date is None
        and spec.hour is None
        and spec.part is not None
    )


def _clock_on_a_day(spec: Spec) -> TypeGuard[ClockSpec]:
    """A clock time with an hour already joined to its day ('pukul 11 kemarin')."""
    return (
        isinstance(spec, ClockSpec)
        and spec.hour is not None
        and spec.date is not None
        and spec.part is None
    )


def _part_of_a_day(spec: Spec, clock: Spec) -> TypeGuard[ClockSpec]:
    """A part of a named day ('dini hari besok', 'tadi malam', 'tonight') after a clock time
    with an hour: together one time on that day."""
    return (
        isinstance(spec, ClockSpec)
        and spec.date is not None
        and spec.part is not None
        and spec.hour is None
        and isinstance(clock, ClockSpec)
        and clock.hour is not None
    )


def _on_that_part(clock: ClockSpec, part: ClockSpec) -> ClockSpec:
    """The clock time on the part's day; an hour under 12 in the afternoon, evening or night
    is the later one ('pukul 8 tadi malam' is 20:00), as in a clock time with its part. A night
    runs into the next day, so its small hours are on that day ('pukul 02.00 tadi malam' is
    this morning), where the day is counted from the reference ('tadi malam', 'tonight')."""
    hour = clock.hour or 0
    day = part.date
    if hour < 12 and (part.part in ("AF", "EV") or (part.part == "NI" and hour >= 6)):
        hour += 12
    elif part.part == "NI" and hour < 6 and isinstance(day, RelativeSpec) and day.unit is Unit.DAY:
        day = replace(day, offset=day.offset + 1)
    return replace(clock, hour=hour, date=day)


def _join_days_and_times(mentions: list[Mention], text: str, language: Language) -> list[Mention]:
    """'Senin malam', 'June 19 at 10:30 a.m.' and, where the language allows it, '9 a.m. Tuesday'
    are one expression: the day gives the date, the time of day the rest."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        day = time = None
        if (
            previous is not None
            and _is_bare_part(mention.spec)
            and _clock_on_a_day(previous.spec)
            and language.grammar.date_time_join.fullmatch(text, previous.end, mention.start)
        ):
            # 'pukul 11 kemarin' + 'malam': the part says which 11 o'clock
            joined[-1] = _merged(
                previous,
                mention,
                _on_that_part(previous.spec, replace(mention.spec, date=previous.spec.date)),
                text,
            )
            continue
        if previous is not None and _is_bare_time(mention.spec) and names_a_day(previous.spec):
            if language.grammar.date_time_join.fullmatch(text, previous.end, mention.start):
                day, time = previous, mention
        elif (
            previous is not None
            and language.grammar.time_date_join is not None
            and _is_bare_time(previous.spec)
            and (names_a_day(mention.spec) or _part_of_a_day(mention.spec, previous.spec))
            and language.grammar.time_date_join.fullmatch(text, previous.end, mention.start)
        ):
            day, time = mention, previous
        if day is not None and time is not None and previous is not None:
            assert isinstance(time.spec, ClockSpec)
            spec = replace(time.spec, date=day.spec)
            if isinstance(day.spec, ClockSpec):  # 'pukul 02.00 WIB dini hari besok'
                spec = _on_that_part(time.spec, day.spec)
            joined[-1] = _merged(previous, mention, spec, text)
            _join_clock_before(joined, text, language)  # 'pukul 02.00 WIB' + 'dini hari besok'
            continue
        joined.append(mention)
    return joined


def _join_clock_before(joined: list[Mention], text: str, language: Language) -> None:
    """A part of a day just joined to its day ('dini hari' + 'besok') may itself follow a clock
    time that belongs to it: 'pukul 02.00 WIB dini hari besok' is one time."""
    if len(joined) < 2 or language.grammar.time_date_join is None:
        return
    clock, part = joined[-2], joined[-1]
    if (
        _is_bare_time(clock.spec)
        and _part_of_a_day(part.spec, clock.spec)
        and language.grammar.time_date_join.fullmatch(text, clock.end, part.start)
    ):
        joined[-2:] = [_merged(clock, part, _on_that_part(clock.spec, part.spec), text)]


def _merged(first: Mention, second: Mention, spec: Spec, text: str) -> Mention:
    """Two adjacent mentions as one expression with the given meaning."""
    return Mention(
        start=first.start,
        end=second.end,
        text=text[first.start : second.end],
        spec=spec,
        rule=f"{first.rule}+{second.rule}",
        lang=first.lang,
        approx=first.approx or second.approx,
    )
