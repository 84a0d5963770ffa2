"""When a report says a happening happened, and whether two reports can be telling the same one.

Each dated report has a box: the interval its dating time gives, on the wall clock of the article
(offsets are dropped, as on the picture: a report is read in its own time zone), in minutes, and
the whole days it touches. Two reports are compatible when the days of one lie inside the days of
the other: the same day (05.40 WIB and 'Kamis pagi'), or a day inside a coarser time ('Mei 2025'
and 'the permit expired on 20 May'). A merged happening takes the most specific box that every
report agrees with (each report lies inside it or contains it), falling back to the day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from timeline.models.document import Document, Event

_EPOCH = datetime(1970, 1, 1)
_DAY_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class Box:
    """A report's time: minutes [lo, hi) and days [day_lo, day_hi) since 1970-01-01, with the
    model's strings for the output."""

    lo: int
    hi: int
    day_lo: int
    day_hi: int
    start: str
    end: str
    value: str
    type: str
    granularity: str | None
    approximate: bool

    def days_inside(self, other: Box) -> bool:
        """The days of this box lie within the other's."""
        return other.day_lo <= self.day_lo and self.day_hi <= other.day_hi

    def inside(self, other: Box) -> bool:
        return other.lo <= self.lo and self.hi <= other.hi

    @property
    def single_day(self) -> bool:
        return self.day_hi - self.day_lo == 1


def compatible(a: Box, b: Box) -> bool:
    """Same day, or the days of one inside the other."""
    return a.days_inside(b) or b.days_inside(a)


def stamp_minutes(text: str) -> int | None:
    """A model timestamp as minutes since 1970 on its own wall clock (offset dropped)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    moment = moment.replace(tzinfo=None)
    return int((moment - _EPOCH) / timedelta(minutes=1))


def box_of(event: Event, document: Document) -> Box | None:
    """The box of an article event, or None when the article does not date it on the calendar
    (undated, a vague past without an interval, dated only relative to an undated event, or
    only inherited from the article's story time).

    A 'since' or 'until' event runs up to (or from) the publication date; the happening itself
    is at its dating time ('terpisah sejak Sabtu (21/6) sore' happened on Saturday afternoon).
    """
    if event.relation in ("after", "before") or event.inherited:
        return None  # dated only from another happening, or only from the story's time
    start, end = event.start, event.end
    value, kind, granularity = event.value, event.type, event.granularity
    approximate = event.approximate
    if event.relation in ("since", "until") and event.dated_by:
        timex = next((t for t in document.timexes if t.id == event.dated_by), None)
        if timex is not None and timex.start and timex.end:
            start, end = timex.start, timex.end
            value, kind, granularity = timex.value, timex.type, timex.granularity
            approximate = timex.approximate
    if not start or not end or value is None:
        return None
    return make_box(start, end, value, kind or "DATE", granularity, approximate)


def make_box(
    start: str, end: str, value: str, kind: str, granularity: str | None, approximate: bool
) -> Box | None:
    lo, hi = stamp_minutes(start), stamp_minutes(end)
    if lo is None or hi is None or hi <= lo:
        return None
    day_lo = lo // _DAY_MINUTES
    day_hi = (hi - 1) // _DAY_MINUTES + 1
    return Box(lo, hi, day_lo, day_hi, start, end, value, kind, granularity, approximate)


def day_box(box: Box) -> Box:
    """The whole days a box touches, as a DATE (a day, or a range of days)."""
    first = date(1970, 1, 1) + timedelta(days=box.day_lo)
    last = date(1970, 1, 1) + timedelta(days=box.day_hi)
    if box.single_day and box.granularity == "day" and len(box.start) == 10:
        return box
    single = box.day_hi - box.day_lo == 1
    return Box(
        box.day_lo * _DAY_MINUTES,
        box.day_hi * _DAY_MINUTES,
        box.day_lo,
        box.day_hi,
        first.isoformat(),
        last.isoformat(),
        first.isoformat() if single else f"{first.isoformat()}/{last.isoformat()}",
        "DATE",
        "day" if single else None,
        box.approximate,
    )


def agreed_box(boxes: Sequence[Box]) -> Box:
    """The most specific box every report agrees with: one of theirs (or the days one of
    theirs touches) that each report lies inside or contains. 05.40 WIB and 'Thursday' give
    05.40; 05.40 and 'Kamis pagi' (06-12) agree only on the day."""
    days = (day_box(b) for b in boxes)
    candidates = sorted(
        {*boxes, *(d for d in days if d.single_day)},
        key=lambda b: (b.hi - b.lo, b.lo, b.approximate, b.start, b.end, b.value),
    )
    for candidate in candidates:
        if all(b.inside(candidate) or candidate.inside(b) for b in boxes):
            return candidate
    return max(boxes, key=lambda b: (b.hi - b.lo, -b.lo, b.start))


def day_text(day: int) -> str:
    return (date(1970, 1, 1) + timedelta(days=day)).isoformat()
