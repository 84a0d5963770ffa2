"""The publication date: the reference every relative expression counts from.

One rule for every way a date comes in (the command line's --published, the Python API, a JSONL
record's 'published', an HTML page's metadata), so that a date one of them accepts the others
accept too, with the same message when they refuse it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

LAST_PUBLICATION_DAY = date(9999, 12, 30)
"""The last day a document can be published: an event 'since X' runs to the day after
publication, which must exist."""

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DAY_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.,+\-Z]{2,40}")


class BadPublicationDate(ValueError):
    """A publication date the tool cannot use; the message says why in one line."""


def publication_date(value: object, what: str = "publication date") -> date:
    """A date, or a `YYYY-MM-DD` string, as the publication day; BadPublicationDate otherwise.

    Only the calendar form is accepted as text: Python's `date.fromisoformat` would also take
    '20240621' and '2024-W25-5', which the command line never did, and one rule serves both. A
    datetime counts as its own day (the local publication day as written). `what` names the
    date in the message ('--published' on the command line)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = value
    elif isinstance(value, str):
        text = value.strip()
        if not _DAY.fullmatch(text):
            raise BadPublicationDate(f"invalid {what} {value!r}: expected YYYY-MM-DD")
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise BadPublicationDate(f"invalid {what} {value!r}: no such date") from None
    else:
        raise BadPublicationDate(
            f"invalid {what} of type {type(value).__name__}: "
            "give a datetime.date or a YYYY-MM-DD string"
        )
    if day > LAST_PUBLICATION_DAY:
        raise BadPublicationDate(
            f"invalid {what} {value if isinstance(value, str) else day.isoformat()!r}: "
            "the last date allowed is "
            f"{LAST_PUBLICATION_DAY.isoformat()}"
        )
    return day


def record_date(value: str) -> date:
    """A corpus record's publication day: YYYY-MM-DD, or an ISO date-time (scrapers often keep
    the time) whose date as written is the local publication day. A bad one is reported with the
    message corpus users already know: "bad 'published' ...: use YYYY-MM-DD"."""
    text = value.strip()
    try:
        if _DAY_TIME.fullmatch(text):
            return publication_date(datetime.fromisoformat(text.replace("Z", "+00:00")))
        if _DAY.fullmatch(text):
            return publication_date(text)
    except ValueError:
        pass
    raise BadPublicationDate(f"bad 'published' {value!r}: use YYYY-MM-DD")
