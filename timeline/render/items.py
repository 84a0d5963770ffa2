"""What the picture shows for each event: where it sits in time, how sure that is, and its label.

This is the one place that reads the model's semantics (vague references, 'since', approximate
amounts); the layout and the drawing only see times, flags and text. Every event ends up either
on the axis, in the 'earlier'/'later' zone (a vague past or future without an interval), or in the
note of undated events, so nothing the extractor found is silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from timeline.models.document import Document, Event
from timeline.render.dates import DateWords, parse_stamp, span_text, start_text, to_days

Zone = Literal["earlier", "dated", "later"]

VAGUE_VALUES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


@dataclass(frozen=True)
class Item:
    """One event as drawn. Times are day numbers; `start`/`end` are None outside the dated zone."""

    event_id: str
    text: str
    when: str
    zone: Zone
    start: float | None = None
    end: float | None = None
    fuzzy_start: bool = False
    fuzzy_end: bool = False
    open_end: bool = False

    @property
    def uncertain(self) -> bool:
        return self.fuzzy_start or self.fuzzy_end or self.open_end or self.zone != "dated"


@dataclass(frozen=True)
class Timeline:
    """Everything the drawing needs, in chronological order."""

    title: str
    published: float
    published_text: str
    items: tuple[Item, ...]
    undated: tuple[Event, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)


def build_timeline(document: Document, words: DateWords, title: str | None = None) -> Timeline:
    """Turn a Document into drawable items; raises ValueError for an unreadable publication date."""
    published = parse_stamp(document.published)
    if published is None:
        raise ValueError(f"publication date {document.published!r} is not YYYY-MM-DD")
    publication_end = published + timedelta(days=1)
    placed: list[tuple[tuple[int, float, float, int], Item]] = []
    undated: list[Event] = []
    notes: list[str] = []
    for index, event in enumerate(document.events):
        item = _item(event, published, publication_end, words)
        if item is None:
            undated.append(event)
            if event.start is not None:
                notes.append(f"{event.id}: unreadable interval {event.start!r}–{event.end!r}")
            continue
        rank = {"earlier": 0, "dated": 1, "later": 2}[item.zone]
        key = (rank, item.start or 0.0, item.end or 0.0, index)
        placed.append((key, item))
    placed.sort(key=lambda pair: pair[0])
    undated.extend(document.undated_events)
    heading = title if title is not None else (document.title or document.id)
    return Timeline(
        title=heading,
        published=to_days(published),
        published_text=words.day_month_year(published.date()),
        items=tuple(item for _, item in placed),
        undated=tuple(undated),
        notes=tuple(notes),
    )


def _item(
    event: Event, published: datetime, publication_end: datetime, words: DateWords
) -> Item | None:
    vague = event.value in VAGUE_VALUES
    start = parse_stamp(event.start)
    if event.start is None:
        if event.value == "FUTURE_REF":
            return Item(event.id, event.text, "later, date unknown", "later")
        if event.value == "PAST_REF":
            return Item(event.id, event.text, "earlier, date unknown", "earlier")
        if event.value == "PRESENT_REF":
            start = published
        else:
            return None
    if start is None:
        return None
    end = parse_stamp(event.end) if event.end else None
    if end is None or end <= start:
        end = start + timedelta(days=1)
    fuzzy = event.approximate or vague
    if event.relation == "since":
        when = start_text(start, event.value, words) + " →"
        return Item(
            event.id,
            event.text,
            ("≈ " if fuzzy else "") + when,
            "dated",
            to_days(start),
            to_days(end),
            fuzzy_start=fuzzy,
            open_end=True,
        )
    # The publication date is the anchor, never the vague part: 'in recent weeks' has a fuzzy
    # start and an exact end, 'in the coming days' the reverse.
    return Item(
        event.id,
        event.text,
        ("≈ " if fuzzy else "") + span_text(start, end, words),
        "dated",
        to_days(start),
        to_days(end),
        fuzzy_start=fuzzy and start not in (published, publication_end),
        fuzzy_end=fuzzy and end not in (published, publication_end),
    )
