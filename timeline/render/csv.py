"""CSV output: one row per event, for spreadsheets and dataframes.

The column order is fixed (COLUMNS) and never depends on the data, so a corpus can be written as
one file and a script can index columns by position. Dated events come first in their
chronological order, then undated ones (`dated` false, no interval): nothing found is dropped.
A corpus record that failed fills only `doc_id`, `line` and `error`, so failures stay visible
in the same file. Lines end with LF.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from timeline.models.document import Document, Event

COLUMNS: tuple[str, ...] = (
    "doc_id",
    "event_id",
    "dated",
    "start",
    "end",
    "type",
    "value",
    "approximate",
    "relation",
    "inherited",
    "timexes",
    "expressions",
    "span_begin",
    "span_end",
    "text",
    "published",
    "lang",
    "line",
    "error",
)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _row(document: Document, event: Event, dated: bool) -> list[str]:
    texts = {t.id: t.text for t in document.timexes}
    return [
        document.id,
        event.id,
        _flag(dated),
        event.start or "",
        event.end or "",
        event.type or "",
        event.value or "",
        _flag(event.approximate),
        event.relation,
        _flag(event.inherited),
        " ".join(event.timexes),
        " | ".join(texts[t] for t in event.timexes if t in texts),
        str(event.span[0]),
        str(event.span[1]),
        event.text,
        document.published,
        document.lang,
        "",
        "",
    ]


def event_rows(document: Document) -> list[list[str]]:
    """The rows of one document, in COLUMNS order."""
    rows = [_row(document, event, True) for event in document.events]
    rows += [_row(document, event, False) for event in document.undated_events]
    return rows


def error_row(doc_id: str | None, line: int, message: str) -> list[str]:
    """The row of a corpus record that could not be extracted."""
    row = [""] * len(COLUMNS)
    row[COLUMNS.index("doc_id")] = doc_id or ""
    row[COLUMNS.index("line")] = str(line)
    row[COLUMNS.index("error")] = message
    return row


def format_rows(rows: Iterable[Sequence[str]]) -> str:
    """Rows as CSV text (RFC 4180 quoting, LF line ends, no trailing newline)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue().removesuffix("\n")


def header() -> str:
    return format_rows([COLUMNS])


def render_csv(document: Document) -> str:
    """The header and one row per event of one document."""
    rows = event_rows(document)
    return header() + ("\n" + format_rows(rows) if rows else "")
