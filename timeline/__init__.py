"""timeline: turn news text into a chronological timeline of events.

Public API:
- `resolve(phrase, published, lang="auto")`: one phrase -> `ResolvedTime` or None.
- `extract(text, published, lang="auto", ..., genre="auto")`: one article -> `Document` (timexes
  and events); `published` None estimates the date from the text.
- `story(inputs, lang="auto", ...)`: articles and corpora (paths) -> `Story`, one timeline.

`published` is a `datetime.date` or a `YYYY-MM-DD` string, checked by the same rule as the
command line's --published (`timeline.ingest.published`); a bad one raises
`BadPublicationDate`, a ValueError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from timeline.models.document import Document, ResolvedTime
    from timeline.models.story import Story

__all__ = ["__version__", "extract", "resolve", "story"]


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


def story(
    inputs: list[str],
    lang: str = "auto",
    published: date | str | None = None,
    jobs: int = 1,
) -> Story:
    """Merge what the articles of `inputs` (text files, HTML pages, JSONL corpora) report into
    one timeline (docs/stories.md); `published` dates the inputs that carry no date. Inputs that
    cannot be used are in the Story's `errors`; a missing file raises an InputUsageError."""
    from timeline.engines.story import story_from_inputs
    from timeline.ingest.published import publication_date

    day = None if published is None else publication_date(published)
    return story_from_inputs(inputs, day, lang, jobs=jobs)
