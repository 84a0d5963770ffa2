"""TimelineJS output: the JSON a TimelineJS 3 embed loads as is (a title slide and one slide per
dated event).

Our intervals are half-open [start, end) at a known granularity; TimelineJS dates are points that
it displays at the precision given (a year, a month, a day, a minute), with an inclusive end. So a
month is written as {year, month} with no end, a week as its first and last day, and a clock time
keeps its hour and minute. Events with no interval (a vague past or future) and undated events
cannot be placed on a time axis; the title slide says how many were left out rather than hiding
them. Text goes into HTML slides, so it is escaped.
"""

from __future__ import annotations

import html
import json
from datetime import date, datetime, timedelta

from timeline.models.document import Document, Event

HEADLINE_WORDS = 12


def _parse(value: str) -> tuple[date, tuple[int, int] | None]:
    """A day, and the clock time if the bound has one (a zone is dropped: TimelineJS has none)."""
    day = date.fromisoformat(value[:10])
    if len(value) >= 16 and value[10] == "T":
        return day, (int(value[11:13]), int(value[14:16]))
    return day, None


def _point(day: date, precision: str, clock: tuple[int, int] | None = None) -> dict[str, int]:
    point = {"year": day.year}
    if precision in ("month", "day", "minute"):
        point["month"] = day.month
    if precision in ("day", "minute"):
        point["day"] = day.day
    if precision == "minute" and clock is not None:
        point["hour"], point["minute"] = clock
    return point


def slide_dates(start: str, end: str | None) -> tuple[dict[str, int], dict[str, int] | None]:
    """TimelineJS start_date and end_date (inclusive, None when the event is one unit long)."""
    first, clock = _parse(start)
    if clock is not None:
        begin = datetime(first.year, first.month, first.day, *clock)
        if end is None:
            return _point(first, "minute", clock), None
        last_day, last_clock = _parse(end)
        finish = datetime(last_day.year, last_day.month, last_day.day, *(last_clock or (0, 0)))
        if finish - begin <= timedelta(minutes=1):
            return _point(first, "minute", clock), None
        return (
            _point(first, "minute", clock),
            _point(finish.date(), "minute", (finish.hour, finish.minute)),
        )
    if end is None:
        return _point(first, "day"), None
    after, _ = _parse(end)
    last = after - timedelta(days=1)
    if first.month == 1 and first.day == 1 and after.month == 1 and after.day == 1:
        return _point(first, "year"), (_point(last, "year") if last.year > first.year else None)
    if first.day == 1 and after.day == 1:
        same = (last.year, last.month) == (first.year, first.month)
        return _point(first, "month"), (None if same else _point(last, "month"))
    return _point(first, "day"), (None if last <= first else _point(last, "day"))


# The TimelineJS precision of a 'since' start, by the granularity of its expression (units of
# timeline.calendar.arithmetic.Unit); finer units are shown as days or minutes.
_COARSE = {unit: "year" for unit in ("year", "decade", "century", "millennium")}
_COARSE.update({unit: "month" for unit in ("month", "quarter", "season", "half")})


def since_dates(
    start: str, end: str | None, granularity: str | None
) -> tuple[dict[str, int], dict[str, int] | None]:
    """A 'since X' event: X at its own precision ('since 2022' starts at 2022, not 1 January),
    up to the last day of the interval (the publication date)."""
    first, clock = _parse(start)
    precision = _COARSE.get(granularity or "", "minute" if clock else "day")
    if end is None:
        return _point(first, precision, clock), None
    last = _parse(end)[0] - timedelta(days=1)
    return _point(first, precision, clock), _point(last, "day")


def headline(text: str, words: int = HEADLINE_WORDS) -> str:
    """The first words of an event's text: a slide title, not the whole clause."""
    parts = text.split()
    short = " ".join(parts[:words])
    return short + (" …" if len(parts) > words else "")


def _slide(event: Event, document: Document) -> dict[str, object] | None:
    if event.start is None:
        return None
    expressions = [t for t in document.timexes if t.id in set(event.timexes)]
    if event.relation == "since":
        granularity = expressions[0].granularity if expressions else None
        start_date, end_date = since_dates(event.start, event.end, granularity)
    else:
        start_date, end_date = slide_dates(event.start, event.end)
    detail = ", ".join(f"“{t.text}” = {t.value}" for t in expressions)
    notes = []
    if event.relation == "since":
        notes.append("from then until publication")
    if event.approximate:
        notes.append("approximate")
    if event.inherited:
        notes.append("dated by the preceding text")
    body = f"<p>{html.escape(event.text)}</p>"
    if detail or notes:
        body += (
            f"<p><small>{html.escape('; '.join([detail, *notes] if detail else notes))}</small></p>"
        )
    slide: dict[str, object] = {"start_date": start_date}
    if end_date is not None:
        slide["end_date"] = end_date
    slide["text"] = {"headline": html.escape(headline(event.text)), "text": body}
    slide["unique_id"] = event.id
    return slide


def timelinejs_data(document: Document) -> dict[str, object]:
    """The TimelineJS JSON object for one document."""
    slides = [s for s in (_slide(event, document) for event in document.events) if s is not None]
    left_out = len(document.events) - len(slides) + len(document.undated_events)
    summary = [f"Published {document.published}", f"{len(slides)} dated events"]
    if left_out:
        summary.append(f"{left_out} without a date on the axis (vague or undated) not shown")
    title = document.title or document.id
    return {
        "title": {
            "text": {
                "headline": html.escape(title),
                "text": f"<p>{html.escape(' · '.join(summary))}</p>",
            },
            "unique_id": "title",
        },
        "events": slides,
        "scale": "human",
    }


def render_timelinejs(document: Document) -> str:
    """TimelineJS JSON text (indented, non-ASCII kept as is)."""
    return json.dumps(timelinejs_data(document), ensure_ascii=False, indent=2)
