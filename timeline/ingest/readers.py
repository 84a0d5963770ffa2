"""Read what users point the tool at: a text file, an HTML page, standard input, or a JSONL corpus.

Problems are the one-line InputErrors of ingest/inputs.py. Nothing is guessed: text without a
publication date is an error.

`read_article` + `reference_date` are the one way commands turn an INPUT argument into a text and
its reference date; `timeline extract` and `timeline plot` share them.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from timeline.ingest.inputs import (
    DEFAULT_ENCODING,
    Article,
    InputUsageError,
    check_encoding,
    decode,
    display_name,
    read_bytes,
    unreadable,
)
from timeline.models.kinds import PublishedSource

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def read_text(source: str, encoding: str = DEFAULT_ENCODING) -> str:
    """The whole text of a file or of standard input ('-')."""
    return decode(read_bytes(source), encoding, display_name(source))


def is_html(source: str, data: bytes | None = None) -> bool:
    """An HTML page: by its suffix, or (standard input, other suffixes) by how it starts."""
    lower = source.lower()
    if lower.endswith(HTML_SUFFIXES):
        return True
    if lower.endswith(".txt") or data is None:
        return False
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<?xml") and b"<html" in head
    )


def read_article(source: str, encoding: str | None = None) -> Article:
    """Read one article: plain text (.txt, '-') or an HTML page (.html, .htm, or sniffed).

    For HTML the article text, title and publication date come from the page (trafilatura and
    htmldate, the optional `html` extra); `encoding` None means UTF-8, or for a page that is not
    UTF-8 the charset it declares. The title of plain text is its first non-empty line.
    """
    data = read_bytes(source)
    if is_html(source, data):
        from timeline.ingest.html import parse_html

        return parse_html(data, source, encoding)
    text = decode(data, encoding or DEFAULT_ENCODING, display_name(source))
    return Article(text=text, title=title_of(text), source=source)


def given_date(published: date | None, article: Article) -> tuple[date, PublishedSource] | None:
    """The reference date the input gives and where it came from: --published wins over the
    page's metadata; None when neither gives one (the text may still support an estimate)."""
    if published is not None:
        return published, "cli"
    if article.published is not None and article.published_source is not None:
        return article.published, article.published_source
    return None


def reference_date(published: date | None, article: Article) -> tuple[date, PublishedSource]:
    """The reference date and where it came from: --published wins over the page's metadata.

    Without either it is a usage error: the tool never assumes today.
    """
    given = given_date(published, article)
    if given is not None:
        return given
    raise missing_date(article)


def missing_date(article: Article, why: str | None = None) -> InputUsageError:
    """The usage error for an article with no publication date; `why` says why none could be
    estimated from its text."""
    estimate = f" and {why}" if why else ""
    if article.kind == "html":
        return InputUsageError(
            f"--published YYYY-MM-DD is required: {display_name(article.source)} has no "
            f"publication date in its metadata or byline{estimate} (the tool never assumes today)"
        )
    if why:
        return InputUsageError(
            f"--published YYYY-MM-DD is required: {why} (the tool never assumes today)"
        )
    return InputUsageError("--published YYYY-MM-DD is required (the tool never assumes today)")


def title_of(text: str) -> str | None:
    """The article's first non-empty line without its dateline, as a default title (shortened)."""
    from timeline.ingest.sentences import dateline_end

    for line in text.splitlines():
        line = line.strip()
        line = line[dateline_end(line) :].strip() or line
        if line:
            return line if len(line) <= 100 else line[:99].rstrip() + "…"
    return None


@dataclass(frozen=True)
class CorpusRecord:
    """One line of a JSONL corpus: the document, or why it cannot be one (`error`).

    `size` is the line's length in bytes, so progress can be shown as a share of the file.
    """

    line: int
    id: str | None
    text: str | None = None
    published: str | None = None
    lang: str | None = None
    title: str | None = None
    error: str | None = None
    size: int = 0
    genre: str | None = None  # 'news', 'narrative', 'social' or 'auto'; None: the command's
    url: str | None = None
    outlet: str | None = None


def open_corpus(source: str) -> tuple[BinaryIO, int | None]:
    """The corpus as a binary stream and its size in bytes (None for a pipe or stdin)."""
    if source == "-":
        return sys.stdin.buffer, None
    path = Path(source)
    if path.is_dir():
        raise InputUsageError(f"{source} is a directory; give a .jsonl file")
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise unreadable(source, exc) from None
    size = path.stat().st_size if path.is_file() else None
    return stream, size


def read_jsonl(
    source: str, encoding: str = DEFAULT_ENCODING, stream: BinaryIO | None = None
) -> Iterator[CorpusRecord]:
    """Stream a JSONL corpus one record at a time (constant memory); bad lines become errors.

    Blank lines are skipped (they hold no record, e.g. a trailing newline), but line numbers
    keep counting them so an error names the line an editor shows.
    """
    codec = check_encoding(encoding)
    own = stream is None
    if stream is None:
        stream, _ = open_corpus(source)
    try:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            yield _parse_record(number, raw, codec, encoding)
    finally:
        if own and stream is not sys.stdin.buffer:
            stream.close()


def _parse_record(number: int, raw: bytes, codec: str, encoding: str) -> CorpusRecord:
    size = len(raw)
    if codec == "utf-8" and number == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        line = raw.decode(codec)
    except UnicodeDecodeError as exc:
        return CorpusRecord(
            number, None, error=f"line is not valid {encoding} (byte {exc.start})", size=size
        )
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return CorpusRecord(
            number, None, error=f"not JSON: {exc.msg} at column {exc.colno}", size=size
        )
    except RecursionError:
        return CorpusRecord(number, None, error="not JSON: nested too deeply", size=size)
    if not isinstance(record, dict):
        return CorpusRecord(number, None, error="not a JSON object", size=size)
    record_id = record.get("id")
    record_id = None if record_id is None else str(record_id)
    text = record.get("text")
    if not isinstance(text, str):
        return CorpusRecord(number, record_id, error="no 'text' string", size=size)
    published = record.get("published")
    lang = record.get("lang")
    title = record.get("title")
    genre = record.get("genre")
    if genre is not None and not isinstance(genre, str):
        return CorpusRecord(
            number, record_id, error=f"bad 'genre' {genre!r}: give its name as a string", size=size
        )
    return CorpusRecord(
        number,
        record_id,
        text=text,
        published=published.strip() if isinstance(published, str) else None,
        lang=lang if isinstance(lang, str) and lang.strip() else None,
        title=title if isinstance(title, str) else None,
        size=size,
        genre=genre.strip() if isinstance(genre, str) and genre.strip() else None,
        url=_optional_text(record.get("url")),
        outlet=_optional_text(record.get("outlet")),
    )


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def is_jsonl(source: str) -> bool:
    """A corpus, one JSON document per line: recognised by its suffix."""
    return source.lower().endswith(JSONL_SUFFIXES)
