"""Event anchoring: does the system date each happening by the time the gold says dates it?

TimeML marks which time dates which event (a TLINK from an EVENT to a TIMEX3); our JSON gold
does the same with an event's `times`. The measure, as issue 11 defines it:
- eligible: gold events with at least one link to a time that places them (IS_INCLUDED, DURING,
  SIMULTANEOUS, BEGINS, ENDS, BEGUN_BY, ENDED_BY, IDENTITY; never the document date) where the
  system found that time (a system timex overlaps it);
- anchored: the system event holding the gold event word (in its clause span or a mention's) is
  dated by (`dated_by`) a system timex overlapping one of the linked times. Only the one dating
  time counts: listing every time of a sentence earns nothing;
- the naive rule beside it: the system's time nearest the event word in the same sentence;
- coverage: eligible events that lie inside some system event at all.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.evaluation.gold import GoldDocument, GoldEvent
    from timeline.models.document import Document, Event

PLACING = frozenset(
    {
        "IS_INCLUDED",
        "DURING",
        "SIMULTANEOUS",
        "BEGINS",
        "ENDS",
        "BEGUN_BY",
        "ENDED_BY",
        "IDENTITY",
    }
)
"""Relations by which a time places an event (read from the event's side)."""

EXAMPLES = 3


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(word: tuple[int, int], span: tuple[int, int]) -> bool:
    return span[0] <= word[0] and word[1] <= span[1]


@dataclass
class AnchoringTally:
    """Counts over documents (micro-averaged), with a few misses to look at."""

    gold_linked: int = 0  # gold events with a placing link to a text time
    eligible: int = 0  # ... whose linked time the system found
    covered: int = 0  # ... that some system event holds
    anchored: int = 0
    naive: int = 0
    misses: list[dict[str, str]] = field(default_factory=list)

    def add(
        self, gold: GoldDocument, system: Document, sentences: Sequence[tuple[int, int]]
    ) -> None:
        """Score one document: its gold events against the system's events and timexes."""
        spans = {t.tid: t.span for t in gold.timexes if t.tid}
        timexes = {t.id: t.span for t in system.timexes}
        events = [*system.events, *system.undated_events]
        starts = [s for s, _ in sentences]
        for event in gold.events:
            linked = [
                spans[tid]
                for tid, relation in zip(event.times, event.relations, strict=False)
                if relation in PLACING and tid in spans
            ]
            if not linked:
                continue
            self.gold_linked += 1
            if not any(
                _overlaps(t, linked_span) for t in timexes.values() for linked_span in linked
            ):
                continue
            self.eligible += 1
            holder = _holder(event.span, events)
            if holder is not None:
                self.covered += 1
            dating = timexes.get(holder.dated_by or "") if holder is not None else None
            if dating is not None and any(_overlaps(dating, span) for span in linked):
                self.anchored += 1
            elif len(self.misses) < 10_000:
                self.misses.append(_miss(gold, event, holder, dating, linked))
            nearest = _nearest(event.span, timexes.values(), sentences, starts)
            if nearest is not None and any(_overlaps(nearest, span) for span in linked):
                self.naive += 1

    def to_dict(self, show: int = EXAMPLES) -> dict[str, Any]:
        def ratio(count: int) -> float | None:
            return round(count / self.eligible, 4) if self.eligible else None

        return {
            "gold_linked": self.gold_linked,
            "eligible": self.eligible,
            "anchored": ratio(self.anchored),
            "naive_nearest_time": ratio(self.naive),
            "coverage": ratio(self.covered),
            "misses": self.misses[:show],
        }


def _holder(word: tuple[int, int], events: Sequence[Event]) -> Event | None:
    """The system event whose clause (or one of whose mentions) holds the event word; the
    innermost when spans nest, the dated one first when two hold it equally."""
    best: tuple[int, int, Event] | None = None
    for event in events:
        spans = [event.span, *(m.span for m in event.mentions)]
        for span in spans:
            if _inside(word, span):
                key = (span[1] - span[0], 0 if event.dated_by else 1)
                if best is None or key < best[:2]:
                    best = (*key, event)
    return None if best is None else best[2]


def _nearest(
    word: tuple[int, int],
    timexes: Any,
    sentences: Sequence[tuple[int, int]],
    starts: list[int],
) -> tuple[int, int] | None:
    """The naive rule: the time nearest the event word in its sentence (None if none)."""
    if not sentences:
        return None
    index = max(0, bisect.bisect_right(starts, word[0]) - 1)
    low, high = sentences[index]
    best: tuple[int, tuple[int, int]] | None = None
    for span in timexes:
        if span[0] < low or span[1] > high:
            continue
        distance = span[0] - word[1] if span[0] >= word[1] else word[0] - span[1]
        if best is None or max(distance, 0) < best[0]:
            best = (max(distance, 0), span)
    return None if best is None else best[1]


def _miss(
    gold: GoldDocument,
    event: GoldEvent,
    holder: Event | None,
    dating: tuple[int, int] | None,
    linked: list[tuple[int, int]],
) -> dict[str, str]:
    text = gold.text
    return {
        "doc": gold.id,
        "event": event.text,
        "gold_time": " | ".join(text[a:b] for a, b in linked),
        "system_time": text[dating[0] : dating[1]] if dating else "",
        "system_event": (holder.text[:120] if holder is not None else ""),
    }


def format_anchoring(tally: AnchoringTally, show: int = EXAMPLES) -> list[str]:
    """The lines `timeline eval` prints for event anchoring."""
    data = tally.to_dict(show)
    if not tally.gold_linked:
        return []

    def num(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    lines = [
        "",
        f"event anchoring: {tally.eligible} gold events linked to a time the system found "
        f"(of {tally.gold_linked} linked to a time)",
        f"  anchored           {num(data['anchored'])}   (dated_by a linked time)",
        f"  naive nearest time {num(data['naive_nearest_time'])}   (the time nearest the "
        "event word in its sentence)",
        f"  coverage           {num(data['coverage'])}   (inside some system event)",
    ]
    for miss in data["misses"]:
        lines.append(
            f"  miss {miss['doc']}: {miss['event']!r} gold {miss['gold_time']!r}, system "
            f"{miss['system_time'] or '-'!r} in {miss['system_event']!r}"
        )
    return lines
