"""Events: the sentences that temporal expressions date, described briefly and put in order.

An event is a sentence (the clause a reader would quote) with the time that dates it. Sentences
the text never dates are listed apart as undated, never given the publication date. Two sentences
that tell the same episode (same time, shared content words) become one event with two mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from timeline.ingest.sentences import Sentence, dateline_end, split_sentences
from timeline.ingest.words import Reach, last_word_before
from timeline.languages import Language
from timeline.models.document import Event, Timex

MAX_DESCRIPTION = 140
_WORD = re.compile(r"\w[\w'’-]{0,40}")
_EDGE_PUNCTUATION = " \t\n,;:—–-\"'“”‘’()"


@dataclass
class _Draft:
    """An event being built: its sentence, description, interval and the timex that dates it."""

    sentence: Sentence
    text: str
    dating: Timex | None = None
    start: str | None = None
    end: str | None = None
    relation: str = "at"
    timexes: list[str] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)  # EventMention's fields
    content: frozenset[str] | None = None  # content words, read on first use (see words)

    @property
    def value(self) -> str | None:
        return self.dating.value if self.dating else None

    @property
    def position(self) -> int:
        return self.sentence.start

    def words(self, text: str, language: Language) -> frozenset[str]:
        """The sentence's content words. Read only when another draft has the same time: most
        never meet one, and reading every dated sentence's words was a good part of the time
        spent building events."""
        if self.content is None:
            self.content = content_words(text[self.sentence.start : self.sentence.end], language)
        return self.content

    def mention(self, timex_id: str | None) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": (self.sentence.start, self.sentence.end),
            "timex": timex_id,
        }


def _dates_an_event(timex: Timex) -> bool:
    """Times that place an event: dates and times, and durations anchored on the anchor."""
    if timex.type in ("DATE", "TIME"):
        return True
    return timex.type == "DURATION" and timex.start is not None


def _sort_key(draft: _Draft) -> tuple[int, str, str, int]:
    if draft.start is None:
        rank = 2 if draft.value == "FUTURE_REF" else 0
        return rank, "", "", draft.position
    return 1, draft.start, draft.end or "", draft.position


def content_words(text: str, language: Language) -> frozenset[str]:
    words = set(_WORD.findall(text.lower())) - language.events.stopwords
    return frozenset(w for w in words if not w.isdigit())


def describe(text: str, sentence: Sentence, cut: tuple[int, int] | None, language: Language) -> str:
    """A short description: the sentence without its leading connective, and without the time
    (with its preposition) when the time opens or closes the sentence."""
    start, end = sentence.start, sentence.end
    start = dateline_end(text, start, end)
    if language.events.connectives is not None and (
        found := language.events.connectives.match(text, start, end)
    ):
        start = found.end()
    if cut is not None and start <= cut[0] < end:
        before = text[start : cut[0]].rstrip()
        words_before = before.split()
        if words_before and words_before[-1].lower() in language.events.signals:
            before = before[: len(before) - len(words_before[-1])]
        after = text[cut[1] : end]
        if not before.strip(_EDGE_PUNCTUATION):
            start = cut[1]
        elif not after.strip(_EDGE_PUNCTUATION + ".!?"):
            end = start + len(before.rstrip())
    body = " ".join(text[start:end].split()).strip(_EDGE_PUNCTUATION).rstrip(".")
    if len(body) > MAX_DESCRIPTION:
        cut_at = body.rfind(" ", 0, MAX_DESCRIPTION)
        body = body[: cut_at if cut_at > 40 else MAX_DESCRIPTION].rstrip(",;: ") + "…"
    return body[:1].upper() + body[1:]


def build_events(
    text: str,
    timexes: list[Timex],
    published: date,
    language: Language,
    sentences: list[Sentence] | None = None,
) -> tuple[list[Event], list[Event]]:
    """Dated events in chronological order, and undated ones in textual order."""
    if sentences is None:
        sentences = split_sentences(text, language.abbreviations)
    tomorrow = (published + timedelta(days=1)).isoformat()
    # prepositions that introduce an event's time; 'until', 'since' open or close a range,
    # which the range logic reads
    event_signals = (
        language.events.signals - language.events.until_words - language.events.since_signals
    )
    by_sentence: dict[int, list[Timex]] = {}
    cursor = 0
    for timex in timexes:
        while cursor < len(sentences) - 1 and sentences[cursor].end <= timex.span[0]:
            cursor += 1
        by_sentence.setdefault(cursor, []).append(timex)

    drafts: list[_Draft] = []
    undated: list[_Draft] = []
    previous: _Draft | None = None
    for index, sentence in enumerate(sentences):
        here = by_sentence.get(index)
        dating = [t for t in here if _dates_an_event(t)] if here else []
        since = None
        if not dating and language.events.since_then is not None:
            # matched in place (the same as on the sentence cut out: the pattern looks neither
            # behind its start nor past `end`), as most sentences are undated
            since = language.events.since_then.match(text, sentence.start, sentence.end)
        if dating:
            timex = _event_time(text, sentence, dating, event_signals)
            relation, start, end = "at", timex.start, timex.end
            ids = [timex.id]
            until = _range_end(text, timex, dating[dating.index(timex) + 1 :], language)
            if until is not None:  # 'sejak Sabtu (22/6) hingga Senin (24/6)', 'from 1990 to 1995'
                end = until.end
                ids.append(until.id)
            elif (
                _preceded_by(text, timex.span[0], sentence.start, language.events.since_signals)
                and start is not None
                and start[:10] <= published.isoformat()
            ):
                relation, end = "since", tomorrow
            draft = _Draft(
                sentence,
                describe(text, sentence, timex.span, language),
                dating=timex,
                start=start,
                end=end,
                relation=relation,
                timexes=ids,
            )
            draft.mentions.append(draft.mention(timex.id))
            drafts.append(draft)
            previous = draft
            continue
        if since and previous is not None and previous.start is not None:
            cut = (sentence.start, since.end())
            draft = _Draft(
                sentence,
                describe(text, sentence, cut, language),
                dating=previous.dating,
                start=previous.start,
                end=tomorrow,
                relation="since",
                timexes=list(previous.timexes),
            )
            draft.mentions.append(draft.mention(None))
            drafts.append(draft)
            continue
        description = describe(text, sentence, None, language)
        if description:
            draft = _Draft(sentence, description)
            draft.mentions.append(draft.mention(None))
            undated.append(draft)

    merged = _merge_episodes(drafts, text, language)
    merged.sort(key=_sort_key)
    rows = [_event_fields(f"e{i}", d) for i, d in enumerate(merged + undated, start=1)]
    events = _event_list().validate_python(rows)
    return events[: len(merged)], events[len(merged) :]


def _event_time(
    text: str, sentence: Sentence, dating: list[Timex], signals: frozenset[str]
) -> Timex:
    """The time that dates the sentence's event: the first one, unless a later one that a
    preposition introduces is finer ('to report fourth-quarter results on Feb. 4' happens on 4
    February; 'fourth-quarter' only says which results). 'Acme said Tuesday that profit rose
    from a year earlier' stays Tuesday."""
    first = dating[0]
    first_rank = _FINENESS.get(first.granularity or "", len(_FINENESS))
    for timex in dating[1:]:
        if _FINENESS.get(timex.granularity or "", len(_FINENESS)) < first_rank and _preceded_by(
            text, timex.span[0], sentence.start, signals
        ):
            return timex
    return first


# Finer first: a clock time is more specific than a day, a day than a week, and so on.
_FINENESS = {
    name: rank
    for rank, names in enumerate(
        (
            ("second", "minute", "hour", "part_of_day"),
            ("day",),
            ("weekend", "week", "fortnight"),
            ("month",),
            ("quarter", "season", "half"),
            ("year",),
        )
    )
    for name in names
}


def _range_end(text: str, first: Timex, later: list[Timex], language: Language) -> Timex | None:
    """The timex that closes a range opened by `first` ('hingga', 'until', '-'), if any."""
    if first.start is None:
        return None
    if not later:
        return None
    closing = later[0]
    between = text[first.span[1] : closing.span[0]].strip(" ,").lower()
    words = between.split()
    joined = between in ("-", "–") or (words and words[-1] in language.events.until_words)
    if joined and len(words) <= 3 and closing.end is not None and closing.end >= first.start:
        return closing
    return None


def _preceded_by(text: str, offset: int, floor: int, words: frozenset[str]) -> bool:
    word = last_word_before(text, offset, Reach.PHRASE, floor)
    return word is not None and word.strip(",") in words


# Drafts with the same interval compared for a shared episode: the most recent few suffice, and
# the bound keeps a text that repeats one date thousands of times linear.
MERGE_WINDOW = 20


def _merge_episodes(drafts: list[_Draft], text: str, language: Language) -> list[_Draft]:
    """One event per episode: same interval and at least two shared content words."""
    kept: list[_Draft] = []
    by_time: dict[tuple[str | None, ...], list[_Draft]] = {}
    for draft in drafts:
        key = (draft.start, draft.end, draft.value, draft.relation)
        same_time = by_time.setdefault(key, []) if draft.start is not None else []
        twin = None
        if same_time:
            words = draft.words(text, language)
            twin = next(
                (
                    k
                    for k in reversed(same_time[-MERGE_WINDOW:])
                    if len(k.words(text, language) & words) >= 2
                ),
                None,
            )
        if twin is None:
            kept.append(draft)
            if draft.start is not None:
                same_time.append(draft)
            continue
        twin.mentions.extend(draft.mentions)
        twin.timexes.extend(t for t in draft.timexes if t not in twin.timexes)
    return kept


@cache
def _event_list() -> TypeAdapter[list[Event]]:
    """All of a document's events are validated in one call: a model's own __init__ costs
    about as much again as its validation, and a document has an event for most sentences.
    Built on first use, so that importing this module stays cheap."""
    return TypeAdapter(list[Event])


def _event_fields(event_id: str, draft: _Draft) -> dict[str, Any]:
    timex = draft.dating
    return {
        "id": event_id,
        "text": draft.text,
        "span": (draft.sentence.start, draft.sentence.end),
        "title": " ".join(draft.text.split()[:12]),
        "sentence": (draft.sentence.start, draft.sentence.end),
        "dated_by": timex.id if timex else None,
        "start": draft.start,
        "end": draft.end,
        "type": timex.type if timex else None,
        "value": timex.value if timex else None,
        "granularity": timex.granularity if timex else None,
        "mod": timex.mod if timex else None,
        "approximate": timex.approximate if timex else False,
        "relation": draft.relation,
        "timexes": draft.timexes,
        "mentions": draft.mentions,
    }
