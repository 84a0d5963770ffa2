"""A story as TimelineJS slides or CSV rows (the JSON is the Story model itself).

TimelineJS: one slide per happening, its title as headline, the outlets that report it and the
sentences they report it in as the body, conflicting dates named; the title slide counts the
articles, the happenings, and the undated ones it cannot place. CSV: one row per report (source,
conflict, or report of an undated happening) with its happening's columns repeated, in the
story's order, so a spreadsheet can filter by article, happening or role; the columns are fixed
(STORY_COLUMNS). Errors of the inputs close the CSV as rows with `error` filled.
"""

from __future__ import annotations

import html
import json

from timeline.models.story import Story, StoryEvent, StorySource
from timeline.render.csv import format_rows
from timeline.render.timelinejs import headline, slide_dates

STORY_COLUMNS: tuple[str, ...] = (
    "event_id",
    "role",
    "start",
    "end",
    "type",
    "value",
    "granularity",
    "approximate",
    "class",
    "salience",
    "title",
    "article",
    "article_event",
    "span_begin",
    "span_end",
    "source_start",
    "source_end",
    "source_value",
    "text",
    "input",
    "line",
    "error",
)


def _outlet(story: Story, article: str) -> str:
    for meta in story.articles:
        if meta.id == article:
            return meta.outlet or meta.title or meta.id
    return article


def _report_html(story: Story, source: StorySource, conflict: bool) -> str:
    who = html.escape(_outlet(story, source.article))
    said = html.escape(source.text)
    note = ""
    if conflict:
        note = f" <small>(dates it {html.escape(source.value or source.start or '?')})</small>"
    return f"<li><b>{who}</b>: {said}{note}</li>"


def _slide(story: Story, event: StoryEvent) -> dict[str, object]:
    start_date, end_date = slide_dates(event.start, event.end)
    reports = "".join(_report_html(story, s, False) for s in event.sources)
    body = f"<p>{event.salience} source{'s' if event.salience != 1 else ''}</p><ul>{reports}</ul>"
    if event.conflicts:
        disputed = "".join(_report_html(story, s, True) for s in event.conflicts)
        body += f"<p>Other dates given:</p><ul>{disputed}</ul>"
    slide: dict[str, object] = {"start_date": start_date}
    if end_date is not None:
        slide["end_date"] = end_date
    slide["text"] = {"headline": html.escape(headline(event.title)), "text": body}
    slide["unique_id"] = event.id
    return slide


def story_timelinejs(story: Story) -> str:
    """TimelineJS JSON text for a story."""
    summary = [
        f"{len(story.articles)} article{'s' if len(story.articles) != 1 else ''}",
        f"{len(story.events)} dated happenings",
    ]
    if story.undated:
        summary.append(f"{len(story.undated)} undated not shown")
    data = {
        "title": {
            "text": {
                "headline": html.escape(story.title or "Story"),
                "text": f"<p>{html.escape(' · '.join(summary))}</p>",
            },
            "unique_id": "title",
        },
        "events": [_slide(story, event) for event in story.events],
        "scale": "human",
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _row(happening: dict[str, str], role: str, source: StorySource) -> list[str]:
    values = dict(happening)
    values.update(
        role=role,
        article=source.article,
        article_event=source.event,
        span_begin=str(source.span[0]),
        span_end=str(source.span[1]),
        source_start=source.start or "",
        source_end=source.end or "",
        source_value=source.value or "",
        text=source.text,
    )
    return [values.get(column, "") for column in STORY_COLUMNS]


def story_rows(story: Story) -> list[list[str]]:
    """The rows of a story in STORY_COLUMNS order."""
    rows: list[list[str]] = []
    for event in story.events:
        happening = {
            "event_id": event.id,
            "start": event.start,
            "end": event.end,
            "type": event.type,
            "value": event.value,
            "granularity": event.granularity or "",
            "approximate": "true" if event.approximate else "false",
            "class": event.event_class,
            "salience": str(event.salience),
            "title": event.title,
        }
        rows += [_row(happening, "source", s) for s in event.sources]
        rows += [_row(happening, "conflict", s) for s in event.conflicts]
    for undated in story.undated:
        happening = {
            "event_id": undated.id,
            "class": undated.event_class,
            "salience": str(undated.salience),
            "title": undated.title,
            "approximate": "false",
        }
        rows += [_row(happening, "undated", s) for s in undated.sources]
    for error in story.errors:
        row = dict.fromkeys(STORY_COLUMNS, "")
        row.update(
            role="error",
            article=error.id or "",
            input=error.input,
            line="" if error.line is None else str(error.line),
            error=error.error,
        )
        rows.append([row[column] for column in STORY_COLUMNS])
    return rows


def story_csv(story: Story) -> str:
    """The header and the rows of a story."""
    return format_rows([STORY_COLUMNS, *story_rows(story)])
