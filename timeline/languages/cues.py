"""The words that steer reading in context: tense cues (`[context]`) and event words (`[events]`).

Tense words point a bare weekday or month to the past or the future; deadline, perfect,
comparison and reporting words change what a time means in its clause; event words say where a
happening's clause begins and which words carry no content. Each section compiles into one typed
object; the rules that use them live in timeline/discourse and timeline/events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from timeline.grammar.patterns import grouped_alternation, words_alternation


@dataclass(frozen=True, eq=False)
class TenseWords:
    """The `[context]` section compiled."""

    past_cues: re.Pattern[str]
    future_cues: re.Pattern[str]
    past_words: frozenset[str] = frozenset()  # the listed past words (not the -ed pattern's)
    deadline_words: frozenset[str] = frozenset()  # 'by Friday': the time lies ahead
    # 'compared with ... last year': a year-on-year comparison, about the period in focus
    comparison_cues: re.Pattern[str] | None = None
    # 'had filed reports by Wednesday': a past perfect makes a deadline word mean 'as of'
    perfect_cues: re.Pattern[str] | None = None
    perfect_after_time: bool = False  # 'hingga Jumat ... telah': the perfect follows the time
    # 'will be held': after these a past form is a participle, not a past tense
    participle_after: frozenset[str] = frozenset()
    possessives: tuple[str, ...] = ()  # "Friday's": a weekday naming a known event
    possessive_ahead: frozenset[str] = frozenset()  # "ahead of Sunday's election"
    quote_marks: re.Pattern[str] | None = None  # a quotation keeps its own tense
    reporting_verbs: frozenset[str] = frozenset()  # 'said': the tense of the report, not the news
    # 'kata Budi, Jumat (14/3)', 'said on Friday': a time after these dates the saying only
    attribution_cues: re.Pattern[str] | None = None
    subordinators: frozenset[str] = frozenset()  # 'that', 'bahwa': what follows is reported


@dataclass(frozen=True, eq=False)
class EventWords:
    """The `[events]` section compiled."""

    since_then: re.Pattern[str] | None = None  # 'Sejak itu', 'since then' opening a sentence
    since_signals: frozenset[str] = frozenset()  # 'sejak', 'since'
    until_words: frozenset[str] = frozenset()  # 'hingga', 'until': a range's end
    pair_words: frozenset[str] = frozenset()  # 'dan', 'and': a range only of adjacent times
    signals: frozenset[str] = frozenset()  # prepositions that introduce an event's time
    connectives: re.Pattern[str] | None = None  # 'Sementara itu,' opening a sentence
    stopwords: frozenset[str] = frozenset()  # words that carry no content


def _lowered(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def compile_tense(context: dict[str, Any]) -> TenseWords:
    return TenseWords(
        past_cues=_past_pattern(
            context.get("past", []), context.get("past_regex"), context.get("not_past", [])
        ),
        future_cues=_cue_pattern(context.get("future", []), context.get("future_regex")),
        past_words=_lowered(context.get("past", [])),
        deadline_words=_lowered(context.get("deadline", [])),
        comparison_cues=_cue_pattern(context["comparison"]) if "comparison" in context else None,
        perfect_cues=_cue_pattern(context["perfect"]) if "perfect" in context else None,
        perfect_after_time=bool(context.get("perfect_after_time", False)),
        participle_after=_lowered(context.get("participle_after", [])),
        possessives=tuple(context.get("possessive", [])),
        possessive_ahead=_lowered(context.get("possessive_ahead", [])),
        quote_marks=_marks_pattern(context.get("quotes", [])),
        reporting_verbs=_lowered(context.get("reporting", [])),
        attribution_cues=_cue_pattern(context["attribution"]) if "attribution" in context else None,
        subordinators=_lowered(context.get("subordinators", [])),
    )


def compile_events(events: dict[str, Any]) -> EventWords:
    return EventWords(
        since_then=_phrase_at_start(events.get("since_then", [])),
        since_signals=_lowered(events.get("since", [])),
        until_words=_lowered(events.get("until", [])),
        pair_words=_lowered(events.get("pair", [])),
        signals=_lowered(events.get("signals", [])),
        connectives=_phrase_at_start(events.get("connectives", [])),
        stopwords=_lowered(events.get("stopwords", [])),
    )


def _phrase_at_start(words: list[str]) -> re.Pattern[str]:
    """Matches one of `words` at the start of a text, with the comma or space after it."""
    return re.compile(rf"(?:{grouped_alternation(words)})(?!\w)[\s,]{{0,5}}", re.IGNORECASE)


def _marks_pattern(marks: list[str]) -> re.Pattern[str] | None:
    """Punctuation marks (quotation marks) as one pattern, longest first."""
    if not marks:
        return None
    return re.compile("|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)))


def _past_pattern(words: list[str], regex: str | None, excluded: list[str]) -> re.Pattern[str]:
    """The past cues: the listed words and the regex, except where an excluded word or phrase
    starts ('hundred', 'succeed' are no -ed past; 'earlier than usual' compares). A phrase that
    begins with a listed word ('earlier than') refuses its rest after that word; the rest are
    refused by the regex. (A lookahead before the whole pattern would cost a test at every
    place of the text, where the grouped words need one per first letter.)"""
    plain, guarded = [], []
    for word in words:
        rests = [
            phrase[len(word) :].strip()
            for phrase in excluded
            if phrase.lower().startswith(word.lower() + " ")
        ]
        if rests:
            guarded.append(
                f"{words_alternation([word])}(?!\\s{{1,3}}(?:{words_alternation(rests)})(?!\\w))"
            )
        else:
            plain.append(word)
    excepted = _except(regex, excluded)
    extra = "|".join([*guarded, *([excepted] if excepted else [])]) or None
    return _cue_pattern(plain, extra)


def _except(pattern: str | None, words: list[str]) -> str | None:
    """A cue regex that does not match the listed words ('hundred', 'succeed' are no -ed past)."""
    if pattern is None or not words:
        return pattern
    return f"(?!(?:{words_alternation(words)})(?!\\w))(?:{pattern})"


def _cue_pattern(words: list[str], extra: str | None = None) -> re.Pattern[str]:
    alternatives = grouped_alternation(words) + (f"|{extra}" if extra else "")
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
