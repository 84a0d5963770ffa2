"""timeline: turn news text into a chronological timeline of events.

Public API:
- `resolve(phrase, published, lang="auto")`: one phrase -> `ResolvedTime` or None.
- `extract(text, published, lang="auto", ..., genre="auto")`: one article -> `Document` (timexes
  and events); `published` None estimates the date from the text.

`published` is a `datetime.date` or a `YYYY-MM-DD` string, checked by the same rule as the
command line's --published (`timeline.ingest.published`); a bad one raises
`BadPublicationDate`, a ValueError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from timeline.models.document import Document, ResolvedTime

__all__ = ["__version__", "extract", "resolve"]


def __getattr__(name: str) -> str:
    """`timeline.__version__`, read from the installed package's metadata on first use only:
    importlib.metadata costs about 30 ms, which `timeline resolve` should not pay."""
    if name != "__version__":
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("timeline")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "0+unknown"


def resolve(phrase: str, published: date | str, lang: str = "auto") -> ResolvedTime | None:
    """Resolve the longest temporal expression in `phrase` against the date `published`."""
    from timeline.ingest.published import publication_date
    from timeline.pipeline.phrase import resolve_phrase

    return resolve_phrase(phrase, publication_date(published), lang)


def extract(
    text: str,
    published: date | str | None,
    lang: str = "auto",
    doc_id: str = "doc",
    title: str | None = None,
    genre: str = "auto",
) -> Document:
    """Extract every temporal expression of an article and the events they date; under
    lang='auto' the Document's warnings say when the text looks like a language with no data.

    `published` None estimates the date from the text (a dateline, a date with its weekday;
    `NoPublicationDate`, a ValueError, when nothing supports one). `genre` is 'news',
    'narrative', 'social' or 'auto' (decide from the text; `Document.genre_reason` says why)."""
    from timeline.pipeline.document import extract_document

    return extract_document(text, published, lang, doc_id=doc_id, title=title, genre=genre)
