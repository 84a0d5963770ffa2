"""Events: the happenings of a text, each dated by the one time that governs it, in order.

An event is one happening: a predicate (a verb or an event noun) with its clause
(events/clauses.py, events/predicates.py). Each time attaches to the happening it modifies
(events/attach.py); a sentence with two happenings and two times gives two events. A sentence
without a time of its own continues the story's time, marked `inherited`; nothing is ever
given the publication date silently. Within one article, one happening told twice (the lead and
the body) is one event with two mentions (events/merge.py). Happenings no time dates are listed
apart as undated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from timeline.calendar.units import Unit
from timeline.events.attach import ClauseTime, Discourse, attach_sentence, places
from timeline.events.clauses import Clause, split_clauses
from timeline.events.merge import merge_happenings
from timeline.events.predicates import PredicateReader, reader_for
from timeline.events.relative import Counted, counted_time, named_happening
from timeline.events.titles import title_of
from timeline.grammar.specs import EventRelativeSpec
from timeline.ingest.sentences import Sentence, dateline_end, split_sentences
from timeline.ingest.words import Reach, last_word_before
from timeline.languages import Language
from timeline.models.document import Event, Timex

MAX_DESCRIPTION = 140
FRONTED_SIGNALS = 2
_DAY_OR_FINER = frozenset({u.value for u in Unit if u.rank <= Unit.DAY.rank})
_EDGE_PUNCTUATION = " \t\n,;:—–-\"'“”‘’()"


@dataclass
class Draft:
    """An event being built: its clause and sentence, the time that dates it, its interval."""

    clause: Clause
    sentence: Sentence
    text: str
    title: str
    event_class: str
    dating: Timex | None = None
    start: str | None = None
    end: str | None = None
    relation: str = "at"
    inherited: bool = False
    timexes: list[str] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)  # EventMention's fields
    relative_to: Draft | None = None  # the happening a relation 'after' / 'before' is to
    time_spans: list[tuple[int, int]] = field(default_factory=list)  # its own times' spans
    reports: Draft | None = None  # for an attribution: the happening it reports

    @property
    def value(self) -> str | None:
        return self.dating.value if self.dating else None

    @property
    def position(self) -> int:
        return self.clause.start

    @property
    def placed(self) -> bool:
        """On the time axis: dated by a time that has an interval or is a vague past/future."""
        return self.dating is not None and (
            self.start is not None or self.dating.value in ("PAST_REF", "FUTURE_REF")
        )


def _sort_key(draft: Draft) -> tuple[int, str, str, int]:
    if draft.start is None:
        rank = 2 if draft.value == "FUTURE_REF" else 0
        return rank, "", "", draft.position
    return 1, draft.start, draft.end or "", draft.position


def describe(
    text: str, start: int, end: int, cut: tuple[int, int] | None, language: Language
) -> str:
    """A readable clause: without its leading connective, a dateline, and the time (with its
    preposition) when the time opens or closes it; long ones end at a word, with an ellipsis."""
    start = dateline_end(text, start, end)
    connectives = language.events.connectives
    if connectives is not None and (found := connectives.match(text, start, end)):
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
    counted: dict[tuple[int, int], EventRelativeSpec] | None = None,
) -> tuple[list[Event], list[Event], list[Timex]]:
    """Dated events in chronological order, undated ones in textual order, and the timexes
    with those counted from a happening ('dua hari setelah insiden': `counted`, by span)
    dated from it."""
    if sentences is None:
        sentences = split_sentences(text, language.abbreviations)
    reader = reader_for(language)
    tomorrow = (published + timedelta(days=1)).isoformat()
    by_sentence = _times_by_sentence(_phrases(text, timexes, counted or {}), sentences)
    discourse = Discourse()
    drafts: list[Draft] = []
    for index, sentence in enumerate(sentences):
        here = by_sentence.get(index, [])
        day_times = [t.span for t in here if t.granularity in _DAY_OR_FINER]
        clauses = split_clauses(
            text, sentence.start, sentence.end, [t.span for t in here], language, reader, day_times
        )
        introduced = frozenset(
            t.span[0]
            for t in here
            if _preceded_by(text, t.span[0], sentence.start, language.events.signals)
        )
        items = attach_sentence(clauses, here, _fronted(text, sentence, here, language), introduced)
        since_then = _since_then(text, sentence, language) if not here else None
        discourse.read(items)
        sentence_drafts: list[Draft] = []
        for item in items:
            draft = _draft(text, sentence, item, here, language, reader, tomorrow, published)
            if draft is None:
                continue
            sentence_drafts.append(draft)
            if since_then is not None and item.inherited:
                # 'Sejak itu, ...': from the time the story was at up to the publication date
                draft.relation, draft.end, draft.inherited = "since", tomorrow, False
                draft.text = describe(text, since_then[0], since_then[1], None, language)
        _link_reports(sentence_drafts)
        drafts.extend(sentence_drafts)
    merged = merge_happenings(drafts, text, language, reader)
    relative = _from_happenings(
        timexes, counted or {}, merged, language, reader, tomorrow, published, text
    )
    dated = [d for d in merged if d.placed]
    undated = [d for d in merged if not d.placed]
    dated.sort(key=_sort_key)
    ids = {id(d): f"e{i}" for i, d in enumerate(dated + undated, start=1)}
    rows = [_event_fields(ids[id(d)], d, ids) for d in dated + undated]
    events = _event_list().validate_python(rows)
    return events[: len(dated)], events[len(dated) :], _anchored(timexes, relative, ids)


PHRASE_REACH = 60
"""Characters after a counted time within which its happening's words are looked for."""


def _phrases(
    text: str, timexes: list[Timex], counted: dict[tuple[int, int], EventRelativeSpec]
) -> list[Timex]:
    """The times as the clauses read them: a time counted from a happening ('dua hari' of 'dua
    hari setelah insiden') reaches over its signal and the happening's words, which no clause
    splits and no title or description keeps; its output span stays the amount, as TimeML
    marks it."""
    phrases = []
    for timex in timexes:
        spec = counted.get(timex.span)
        if spec is not None:
            at = text.find(spec.event, timex.span[1], timex.span[1] + PHRASE_REACH)
            if at >= 0:
                timex = timex.model_copy(update={"span": (timex.span[0], at + len(spec.event))})
        phrases.append(timex)
    return phrases


def _from_happenings(
    timexes: list[Timex],
    counted: dict[tuple[int, int], EventRelativeSpec],
    drafts: list[Draft],
    language: Language,
    reader: PredicateReader,
    tomorrow: str,
    published: date,
    text: str,
) -> list[Counted]:
    """Date the times counted from a happening, and the happenings they date (relative.py)."""
    found = [Counted(t, counted[t.span]) for t in timexes if t.span in counted]
    for item in found:
        item.named = named_happening(item, drafts, language, reader)
        dated = counted_time(item)
        for draft in drafts:
            if draft.dating is None or draft.dating.id != item.timex.id:
                continue
            if dated is not None:
                draft.dating = dated
                _place(draft, text, dated, [], language, tomorrow, published)
            elif item.named is not None:
                draft.relation = "after" if item.spec.direction > 0 else "before"
                draft.relative_to = item.named
        if dated is not None:
            item.timex = dated
    return found


def _anchored(timexes: list[Timex], found: list[Counted], ids: dict[int, str]) -> list[Timex]:
    """The timexes, those dated from a happening with that happening's event id as anchor."""
    dated = {
        item.timex.id: item.timex.model_copy(update={"anchor_id": ids[id(item.named)]})
        for item in found
        if item.named is not None and item.timex.start is not None and id(item.named) in ids
    }
    return [dated.get(t.id, t) for t in timexes]


def _link_reports(drafts: list[Draft]) -> None:
    """An attribution reports a happening of its sentence: the complement it introduces ('Dia
    mengatakan, sedang mempertimbangkan ...') or the clause it follows ('..., kata Putin'). Its
    title is what it reports: a title drops the attribution itself."""
    for index, draft in enumerate(drafts):
        if draft.clause.kind != "attribution":
            continue
        following = drafts[index + 1] if index + 1 < len(drafts) else None
        opens = draft.clause.opener is not None  # 'Menurut polisi, ...': what follows
        if following is not None and (following.clause.kind == "complement" or opens):
            draft.reports = following
        else:  # '..., kata Putin': the main clause it follows, else any clause before it
            before = [d for d in drafts[:index] if d.clause.kind != "attribution"]
            main = [d for d in before if d.clause.kind in ("main", "coordinated", "complement")]
            candidates = main or before
            draft.reports = candidates[-1] if candidates else None
        if draft.reports is not None and draft.reports.title:
            draft.title = draft.reports.title


def _times_by_sentence(timexes: list[Timex], sentences: list[Sentence]) -> dict[int, list[Timex]]:
    by_sentence: dict[int, list[Timex]] = {}
    cursor = 0
    for timex in timexes:
        while cursor < len(sentences) - 1 and sentences[cursor].end <= timex.span[0]:
            cursor += 1
        by_sentence.setdefault(cursor, []).append(timex)
    return by_sentence


def _fronted(text: str, sentence: Sentence, here: list[Timex], language: Language) -> Timex | None:
    """A time that opens the sentence (after at most a preposition) and a comma closes."""
    if not here:
        return None
    first = here[0]
    start = dateline_end(text, sentence.start, sentence.end)
    connectives = language.events.connectives
    if connectives is not None and (found := connectives.match(text, start, first.span[0])):
        start = found.end()  # 'Then, a week or so ago, ...'
    before = text[start : first.span[0]].split()
    # at most two prepositions before it ('Hingga pada awal pekan ini, ...')
    if len(before) > FRONTED_SIGNALS or any(
        w.lower() not in language.events.signals for w in before
    ):
        return None
    after = text[first.span[1] : first.span[1] + 3].lstrip()
    return first if after.startswith(",") else None


def _since_then(text: str, sentence: Sentence, language: Language) -> tuple[int, int] | None:
    """'Sejak itu, ...' opening a sentence: the rest of it, from the time told before to now."""
    pattern = language.events.since_then
    if pattern is None:
        return None
    found = pattern.match(text, sentence.start, sentence.end)
    return (found.end(), sentence.end) if found else None


def _draft(
    text: str,
    sentence: Sentence,
    item: ClauseTime,
    here: list[Timex],
    language: Language,
    reader: PredicateReader,
    tomorrow: str,
    published: date,
) -> Draft | None:
    clause = item.clause
    dating = item.dating
    cut = dating.span if dating is not None and dating in item.own else None
    description = describe(text, clause.start, clause.end, cut, language)
    if not description:
        return None
    draft = Draft(
        clause=clause,
        sentence=sentence,
        text=description,
        title=title_of(text, clause, item.own, language, reader),
        event_class=_event_class(clause, reader),
        dating=dating,
        inherited=item.inherited,
        timexes=[t.id for t in item.own],
        time_spans=[t.span for t in item.own],
    )
    if dating is not None:
        if dating.id in draft.timexes:
            draft.timexes.remove(dating.id)
        draft.timexes.insert(0, dating.id)
        if places(dating) or dating.value in ("PAST_REF", "FUTURE_REF"):
            _place(draft, text, dating, item.own, language, tomorrow, published)
    draft.mentions.append(
        {
            "text": draft.text,
            "span": (clause.start, clause.end),
            "timex": dating.id if dating else None,
        }
    )
    return draft


def _event_class(clause: Clause, reader: PredicateReader) -> str:
    """An attribution reports; a clause with no predicate ('Lalu lintas padat pukul 07.00 WIB')
    tells a state; any other clause takes its predicate's class."""
    if clause.kind == "attribution":
        return "REPORTING"
    if clause.predicate is None:
        return "STATE"
    return reader.event_class(clause.predicate.word)


def _place(
    draft: Draft,
    text: str,
    dating: Timex,
    own: list[Timex],
    language: Language,
    tomorrow: str,
    published: date,
) -> None:
    """The draft's interval: the dating time's, closed by a later time of the clause that ends
    its range ('sejak Sabtu (22/6) hingga Senin (24/6)'), or running to the publication date
    after 'sejak' / 'since'."""
    draft.start, draft.end = dating.start, dating.end
    if draft.inherited:
        return
    later = [t for t in own if t.span[0] > dating.span[0] and places(t)]
    until = _range_end(text, dating, later, language)
    if until is not None:
        draft.end = until.end
        draft.timexes.remove(until.id)
        draft.timexes.insert(1, until.id)
    elif (
        _preceded_by(text, dating.span[0], draft.clause.start, language.events.since_signals)
        and dating.start is not None
        and dating.start[:10] <= published.isoformat()
    ):
        draft.relation, draft.end = "since", tomorrow


def _range_end(text: str, first: Timex, later: list[Timex], language: Language) -> Timex | None:
    """The timex that closes a range opened by `first` ('hingga', 'until', '-'). A plain 'dan' /
    'and' joins two times into one span only when they are of one granularity and the second
    begins where the first ends ('Sabtu dan Minggu', 'March and April'); else they are two
    times ('Februari 2021 dan awal tahun lalu')."""
    if first.start is None or not later:
        return None
    closing = later[0]
    between = text[first.span[1] : closing.span[0]].strip(" ,").lower()
    words = between.split()
    if not (between in ("-", "–") or (words and words[-1] in language.events.until_words)):
        return None
    if len(words) > 3 or closing.end is None or closing.end < first.start:
        return None
    if words and words[-1] in language.events.pair_words and not _adjacent(first, closing):
        return None
    return closing


def _adjacent(first: Timex, second: Timex) -> bool:
    return (
        first.granularity == second.granularity
        and first.end is not None
        and second.start is not None
        and first.end[:10] == second.start[:10]
    )


def _preceded_by(text: str, offset: int, floor: int, words: frozenset[str]) -> bool:
    word = last_word_before(text, offset, Reach.PHRASE, floor)
    return word is not None and word.strip(",") in words


@cache
def _event_list() -> TypeAdapter[list[Event]]:
    """All of a document's events are validated in one call: a model's own __init__ costs
    about as much again as its validation, and a document has an event for most sentences.
    Built on first use, so that importing this module stays cheap."""
    return TypeAdapter(list[Event])


def _event_fields(event_id: str, draft: Draft, ids: dict[int, str]) -> dict[str, Any]:
    timex = draft.dating
    placed = draft.placed
    predicate = draft.clause.predicate
    return {
        "id": event_id,
        "text": draft.text,
        "span": (draft.clause.start, draft.clause.end),
        "title": draft.title,
        "sentence": (draft.sentence.start, draft.sentence.end),
        "trigger": {"text": predicate.word, "span": (predicate.start, predicate.end)}
        if predicate is not None
        else None,
        "class": draft.event_class,
        "dated_by": timex.id if timex else None,
        "relative_to": ids.get(id(draft.relative_to)) if draft.relative_to else None,
        "start": draft.start,
        "end": draft.end,
        "type": timex.type if timex and placed else None,
        "value": timex.value if timex and placed else None,
        "granularity": timex.granularity if timex and placed else None,
        "mod": timex.mod if timex and placed else None,
        "approximate": timex.approximate if timex and placed else False,
        "relation": draft.relation,
        "inherited": draft.inherited,
        "timexes": draft.timexes,
        "mentions": draft.mentions,
    }
