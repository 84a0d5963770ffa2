"""What the picture shows for each event: where it sits in time, how sure that is, and its label.

This is the one place that reads the model's semantics (vague references, 'since', approximate
amounts); the layout and the drawing only see times, flags and text. Every event ends up either
on the axis, in the 'earlier'/'later' zone (a vague past or future without an interval), or in the
note of undated events, so nothing the extractor found is silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from timeline.models.document import Document, Event
from timeline.render.dates import DateWords, parse_stamp, span_text, start_text, to_days
from timeline.render.words import PictureWords, picture_words

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
    told: int = 1
    """How many times the text tells the event, and..."""
    position: int = 0
    """...where it first does: what decides which events a bounded picture keeps."""

    @property
    def uncertain(self) -> bool:
        return self.fuzzy_start or self.fuzzy_end or self.open_end or self.zone != "dated"

    @property
    def importance(self) -> tuple[int, int]:
        """Sorts the most important first: the most often told, then the earliest told (news
        puts what matters first)."""
        return (-self.told, self.position)


@dataclass(frozen=True)
class Timeline:
    """Everything the drawing needs, in chronological order."""

    title: str
    published: float
    published_text: str
    items: tuple[Item, ...]
    undated: tuple[Event, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    phrases: PictureWords = field(default_factory=lambda: picture_words("en"))
    """The words the picture is drawn in."""
    left_out: tuple[Item, ...] = ()
    """Events a bounded picture had no room for (the least told)."""


def build_timeline(
    document: Document,
    words: DateWords,
    title: str | None = None,
    phrases: PictureWords | None = None,
    clean: Callable[[str], str] = str,
) -> Timeline:
    """Turn a Document into drawable items; raises ValueError for an unreadable publication date.

    `phrases` are the picture's words (default: the document's language); `clean` is applied
    to every text taken from the document (the renderer replaces characters its font lacks).
    """
    phrases = phrases or picture_words(document.lang)
    published = parse_stamp(document.published)
    if published is None:
        raise ValueError(f"publication date {document.published!r} is not YYYY-MM-DD")
    publication_end = published + timedelta(days=1)
    placed: list[tuple[tuple[int, float, float, int], Item]] = []
    undated: list[Event] = []
    notes: list[str] = []
    for index, event in enumerate(drawn_events(document)):
        item = _item(event, published, publication_end, words, phrases, clean)
        if item is None:
            undated.append(_cleaned(event, clean))
            if event.start is not None:
                notes.append(f"{event.id}: unreadable interval {event.start!r}–{event.end!r}")
            continue
        rank = {"earlier": 0, "dated": 1, "later": 2}[item.zone]
        key = (rank, item.start or 0.0, item.end or 0.0, index)
        placed.append((key, item))
    placed.sort(key=lambda pair: pair[0])
    undated.extend(_cleaned(event, clean) for event in by_importance(document.undated_events))
    heading = title if title is not None else headline(document.title or document.id)
    return Timeline(
        title=clean(heading),
        published=to_days(published),
        published_text=words.day_month_year(published.date()),
        items=tuple(item for _, item in placed),
        undated=tuple(undated),
        notes=tuple(notes),
        phrases=phrases,
    )


def drawn_events(document: Document) -> list[Event]:
    """The dated events the picture draws. Not drawn: events only inherited from the story's
    time (the text gives them no time of their own; they stay in the JSON), and a report that
    repeats a happening drawn from its own sentence ('Qantas said on Monday it would cut 300
    jobs': the cut is drawn, not the saying)."""
    own = [e for e in document.events if not e.inherited]
    told = {e.sentence for e in own if e.event_class != "REPORTING" and e.sentence is not None}
    return [e for e in own if not (e.event_class == "REPORTING" and e.sentence in told)]


def by_importance(events: list[Event]) -> list[Event]:
    """Undated events, most important first (the picture lists a few and counts the rest):
    told more often first, then happenings before reports and states, then in text order."""
    weight = {"OCCURRENCE": 0, "I_ACTION": 1, "ASPECTUAL": 1, "PERCEPTION": 2}
    return sorted(
        events,
        key=lambda e: (-len(e.mentions), weight.get(e.event_class, 3), e.span[0]),
    )


def label(event: Event) -> str:
    """What the picture calls an event: its short title when it has one, else its clause."""
    return event.title.strip() or event.text


def _cleaned(event: Event, clean: Callable[[str], str]) -> Event:
    """The event as the note of undated events lists it: its label, drawable."""
    return event.model_copy(update={"text": clean(label(event))})


def headline(title: str) -> str:
    """A document's title as a picture's heading: without the full stop a first sentence ends
    in ("... kerja sama pertahanan."), but keeping one that ends an abbreviation ("U.S.") and
    an ellipsis ("..."). A --title the user typed is never changed."""
    title = title.strip()
    if not title.endswith(".") or title.endswith(".."):
        return title
    last_word = title.rsplit(maxsplit=1)[-1]
    if "." in last_word[:-1]:
        return title
    return title[:-1].rstrip()


def _item(
    event: Event,
    published: datetime,
    publication_end: datetime,
    words: DateWords,
    phrases: PictureWords,
    clean: Callable[[str], str],
) -> Item | None:
    vague = event.value in VAGUE_VALUES
    start = parse_stamp(event.start)
    text = clean(label(event))
    told = max(len(event.mentions), 1)
    position = event.span[0]
    if event.start is None:
        if event.value == "FUTURE_REF":
            return Item(
                event.id, text, phrases.say("later_unknown"), "later", told=told, position=position
            )
        if event.value == "PAST_REF":
            return Item(
                event.id,
                text,
                phrases.say("earlier_unknown"),
                "earlier",
                told=told,
                position=position,
            )
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
            text,
            ("≈ " if fuzzy else "") + when,
            "dated",
            to_days(start),
            to_days(end),
            fuzzy_start=fuzzy,
            open_end=True,
            told=told,
            position=position,
        )
    # The publication date is the anchor, never the vague part: 'in recent weeks' has a fuzzy
    # start and an exact end, 'in the coming days' the reverse.
    return Item(
        event.id,
        text,
        ("≈ " if fuzzy else "") + span_text(start, end, words),
        "dated",
        to_days(start),
        to_days(end),
        fuzzy_start=fuzzy and start not in (published, publication_end),
        fuzzy_end=fuzzy and end not in (published, publication_end),
        told=told,
        position=position,
    )
