"""timeline: turn news text into a chronological timeline of events.

Public API:
- `resolve(phrase, published, lang="auto")`: one phrase -> `ResolvedTime` or None.
- `extract(text, published, lang="auto", ...)`: one article -> `Document` (timexes and events).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.models.document import Document, ResolvedTime

__all__ = ["extract", "resolve"]


def resolve(phrase: str, published: object, lang: str = "auto") -> ResolvedTime | None:
    """Resolve the longest temporal expression in `phrase` against the date `published`."""
    from datetime import date

    from timeline.pipeline.phrase import resolve_phrase

    if isinstance(published, str):
        published = date.fromisoformat(published)
    if not isinstance(published, date):
        raise TypeError("published must be a datetime.date or a YYYY-MM-DD string")
    return resolve_phrase(phrase, published, lang)


def extract(
    text: str, published: object, lang: str = "auto", doc_id: str = "doc", title: str | None = None
) -> Document:
    """Extract every temporal expression of an article and the events they date."""
    from datetime import date

    from timeline.pipeline.document import extract as _extract

    if isinstance(published, str):
        published = date.fromisoformat(published)
    if not isinstance(published, date):
        raise TypeError("published must be a datetime.date or a YYYY-MM-DD string")
    return _extract(text, published, lang, doc_id=doc_id, title=title)
