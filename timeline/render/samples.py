"""Synthetic Documents for testing and timing the picture: dense clusters and very wide spans.

Real articles rarely have more than a dozen dated events, so the hard cases are made up: a
deterministic generator (seeded) so tests and the benchmark see the same input every run.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Literal

from timeline.models.document import Document, Event
from timeline.models.kinds import TimexType

_WORDS = tuple(
    [
        "ministers",
        "agreed",
        "talks",
        "resumed",
        "after",
        "the",
        "border",
        "incident",
        "while",
        "officials",
        "denied",
        "reports",
        "of",
        "new",
        "sanctions",
        "and",
        "the",
        "central",
        "bank",
        "kept",
        "rates",
        "steady",
        "as",
        "protesters",
        "gathered",
        "outside",
        "parliament",
        "before",
        "the",
        "court",
        "ruled",
        "on",
        "the",
        "disputed",
        "election",
        "results",
    ]
)


def _text(rng: random.Random, number: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 16))]
    return f"Event {number}: " + " ".join(words).capitalize()


def _event(
    number: int,
    text: str,
    start: date | None,
    end: date | None,
    *,
    value: str,
    approximate: bool = False,
    relation: Literal["at", "since"] = "at",
    kind: TimexType = "DATE",
) -> Event:
    return Event(
        id=f"e{number}",
        text=text,
        span=(number * 10, number * 10 + 5),
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        type=kind,
        value=value,
        approximate=approximate,
        relation=relation,
    )


def dense_document(
    count: int = 200, seed: int = 7, published: date = date(2024, 6, 21)
) -> Document:
    """`count` dated events over two years, most of them in the last weeks before publication."""
    rng = random.Random(seed)
    events: list[Event] = []
    for number in range(1, count + 1):
        text = _text(rng, number)
        roll = rng.random()
        if roll < 0.55:  # a day, clustered near publication
            start = published - timedelta(days=int(rng.expovariate(1 / 20)) % 700)
            events.append(
                _event(
                    number,
                    text,
                    start,
                    start + timedelta(days=1),
                    value=start.isoformat(),
                    approximate=rng.random() < 0.15,
                )
            )
        elif roll < 0.75:  # a month
            months_back = rng.randint(0, 23)
            first = date(published.year, published.month, 1)
            for _ in range(months_back):
                first = (first - timedelta(days=1)).replace(day=1)
            after = (first + timedelta(days=32)).replace(day=1)
            events.append(_event(number, text, first, after, value=first.isoformat()[:7]))
        elif roll < 0.85:  # 'in recent weeks'
            weeks = rng.randint(1, 8)
            start = published - timedelta(weeks=weeks)
            end = published + timedelta(days=1)
            events.append(
                _event(number, text, start, end, value="PXW", approximate=True, kind="DURATION")
            )
        elif roll < 0.92:  # 'since March'
            start = published - timedelta(days=rng.randint(30, 400))
            end = published + timedelta(days=1)
            events.append(
                _event(number, text, start, end, value=start.isoformat(), relation="since")
            )
        elif roll < 0.96:
            events.append(_event(number, text, None, None, value="FUTURE_REF", approximate=True))
        else:
            events.append(_event(number, text, None, None, value="PAST_REF", approximate=True))
    return _document("dense", events, published)


def wide_document(published: date = date(2024, 6, 21), cluster: int = 20) -> Document:
    """One event in 1994, one in 2010 and `cluster` events in June 2024: the case for a break."""
    rng = random.Random(3)
    events = [
        _event(1, _text(rng, 1), date(1994, 1, 1), date(1995, 1, 1), value="1994"),
        _event(2, _text(rng, 2), date(2010, 3, 14), date(2010, 3, 15), value="2010-03-14"),
    ]
    for offset in range(cluster):
        day = published - timedelta(days=offset % 18)
        number = offset + 3
        events.append(
            _event(number, _text(rng, number), day, day + timedelta(days=1), value=day.isoformat())
        )
    return _document("wide", events, published)


def _document(name: str, events: list[Event], published: date) -> Document:
    dated = [e for e in events if e.start is not None]
    vague_past = [e for e in events if e.start is None and e.value == "PAST_REF"]
    vague_future = [e for e in events if e.start is None and e.value == "FUTURE_REF"]
    dated.sort(key=lambda e: (e.start, e.end, e.id))
    undated = [
        Event(id=f"u{i}", text=f"Undated remark number {i} about the talks", span=(0, 1))
        for i in range(1, 4)
    ]
    return Document(
        id=name,
        published=published.isoformat(),
        lang="en",
        title=f"Synthetic timeline: {name} ({len(events)} events)",
        events=[*vague_past, *dated, *vague_future],
        undated_events=undated,
    )
