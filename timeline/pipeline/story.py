"""The articles of a story: INPUTs (text files, HTML pages, JSONL corpora, mixed) read into texts
with their dates and ids, each extracted by the one path every text takes (extract_document).

Nothing is dropped silently: an input or a record that cannot be used (not JSON, no text, no
publication date, a file in the wrong encoding, an id already taken) becomes a StoryError that
the command prints and keeps in the story JSON; the others go on.

Dates: a JSONL record's `published`, an HTML page's metadata; `published` (the command line's
--published) dates the inputs that carry no date of their own, such as plain text files; an
article with neither is dated from its own dates as `timeline extract` does (ingest/
published_estimate.py), and is an error only when it gives none.
Ids: a record's `id` (else `<corpus file name>:<line>`), a file's name (else, when two files
share a name, the path as given).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline.discourse.genres import NEWS, Genre
from timeline.ingest.inputs import InputError, InputUsageError
from timeline.models.document import Document
from timeline.models.kinds import PublishedSource
from timeline.models.problems import first_problem
from timeline.models.story import StoryArticle, StoryError
from timeline.pipeline.document import LangSource


@dataclass(frozen=True)
class StoryText:
    """One article of the story as read, before extraction."""

    id: str
    text: str
    input: str
    line: int | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_source: PublishedSource = "cli"
    lang: str | None = None

    def meta(self, document: Document) -> StoryArticle:
        return StoryArticle(
            id=self.id,
            title=self.title if self.title is not None else document.title,
            url=self.url,
            outlet=self.outlet,
            published=document.published,
            published_source=document.published_source,
            lang=document.lang,
            input=self.input,
            line=self.line,
            sha256=text_digest(self.text),
            text_length=len(self.text),
        )


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def check_inputs(inputs: Sequence[str]) -> None:
    """What the command line got wrong, before any work: a missing file, a folder, stdin twice
    (InputUsageError, exit 2)."""
    if not inputs:
        raise InputUsageError("give at least one INPUT (articles or .jsonl corpora)")
    if sum(1 for i in inputs if i == "-") > 1:
        raise InputUsageError("standard input ('-') can be read only once")
    for source in inputs:
        if source == "-":
            continue
        path = Path(source)
        if path.is_dir():
            raise InputUsageError(f"{source} is a directory; give the files in it")
        if not path.exists():
            raise InputUsageError(f"no such file: {source}")


def read_story_inputs(
    inputs: Sequence[str], published: date | None, encoding: str | None
) -> tuple[list[StoryText], list[StoryError]]:
    """Every article of the INPUTs in order, with unique ids, and the errors met."""
    texts: list[StoryText] = []
    errors: list[StoryError] = []
    taken: dict[str, str] = {}
    for item in _read_all(inputs, published, encoding):
        if isinstance(item, StoryError):
            errors.append(item)
            continue
        unique = _unique(item, taken)
        if isinstance(unique, StoryError):
            errors.append(unique)
            continue
        taken[unique.id] = _where(unique)
        texts.append(unique)
    return texts, errors


def _where(text: StoryText) -> str:
    return f"{text.input} line {text.line}" if text.line is not None else text.input


def _unique(text: StoryText, taken: dict[str, str]) -> StoryText | StoryError:
    if text.id not in taken:
        return text
    if text.line is None and text.input not in taken and text.input != text.id:
        return replace(text, id=text.input)
    return StoryError(
        input=text.input,
        line=text.line,
        id=text.id,
        error=f"duplicate id {text.id!r} (first in {taken[text.id]}); left out",
    )


def _read_all(
    inputs: Sequence[str], published: date | None, encoding: str | None
) -> Iterator[StoryText | StoryError]:
    from timeline.ingest.readers import is_jsonl

    read: set[str] = set()
    for source in inputs:
        if is_jsonl(source):
            yield from _read_corpus(source, published, encoding)
        elif source in read:
            yield StoryError(input=source, error=f"{source} is given twice; read once")
        else:
            read.add(source)
            yield _read_file(source, published, encoding)


def _read_file(source: str, published: date | None, encoding: str | None) -> StoryText | StoryError:
    from timeline.ingest.readers import read_article

    try:
        article = read_article(source, encoding)
    except InputUsageError:
        raise
    except InputError as exc:
        return StoryError(input=source, error=str(exc))
    day, origin = article.published, article.published_source
    if day is None and published is not None:
        day, origin = published, "cli"
    return StoryText(
        id=article.doc_id,
        text=article.text,
        input=source,
        title=article.title,
        published=day,
        published_source=origin or "cli",
        lang=article.lang,
    )


def _read_corpus(
    source: str, published: date | None, encoding: str | None
) -> Iterator[StoryText | StoryError]:
    from timeline.ingest.inputs import DEFAULT_ENCODING
    from timeline.ingest.published import BadPublicationDate, record_date
    from timeline.ingest.readers import read_jsonl

    name = "stdin" if source == "-" else Path(source).name
    for record in read_jsonl(source, encoding or DEFAULT_ENCODING):
        if record.error is not None:
            yield StoryError(input=source, line=record.line, id=record.id, error=record.error)
            continue
        day: date | None = published
        origin: PublishedSource = "cli"
        if record.published is not None:
            try:
                day, origin = record_date(record.published), "jsonl"
            except BadPublicationDate as exc:
                yield StoryError(input=source, line=record.line, id=record.id, error=str(exc))
                continue
        yield StoryText(
            id=record.id if record.id is not None else f"{name}:{record.line}",
            text=record.text or "",
            input=source,
            line=record.line,
            title=record.title,
            url=record.url,
            outlet=record.outlet,
            published=day,
            published_source=origin,
            lang=record.lang,
        )


def extract_story_text(text: StoryText, lang: str, genre: Genre = NEWS) -> Document | str:
    """The Document of one article, or the one-line reason it has none (as an error entry)."""
    from timeline.languages import UnknownLanguage
    from timeline.pipeline.document import NoPublicationDate, extract_document

    own_lang = text.lang if text.lang and text.lang != "auto" else None
    lang_source: LangSource = "jsonl" if own_lang and text.line is not None else "cli"
    try:
        return extract_document(
            text.text,
            text.published,
            own_lang or lang,
            doc_id=text.id,
            title=text.title,
            published_source=text.published_source if text.published else "estimated",
            lang_source=lang_source,
            genre=genre,
        )
    except NoPublicationDate as exc:  # no date given, and the text supports no estimate
        if text.line is not None:
            return f"no 'published' date (YYYY-MM-DD), no --published, and {exc}"
        return f"no publication date (give --published YYYY-MM-DD), and {exc}"
    except UnknownLanguage as exc:
        return str(exc)
    except Exception as exc:  # a bug must not cost the rest of the story
        return f"internal error ({type(exc).__name__}: {exc}); please report"


def read_story_json(source: str, encoding: str | None = None) -> object | None:
    """The Story in a `.json` file that `timeline story` wrote, or None when the file is not a
    story (an extract document, say: its readers take it from there). A story that does not
    validate is an InputUsageError naming the first problem."""
    import json

    from pydantic import ValidationError

    from timeline.ingest.readers import read_text
    from timeline.models.story import Story

    if source == "-" or not source.lower().endswith(".json"):
        return None
    text = read_text(source, encoding or "utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or data.get("kind") != "story":
        return None
    try:
        return Story.model_validate(data)
    except ValidationError as exc:
        raise InputUsageError(
            f"{source} is not a `timeline story` JSON: {first_problem(exc)}"
        ) from None
