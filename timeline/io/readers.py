"""Read what users point the tool at: a text file, standard input, or a JSONL corpus.

Every problem becomes an InputError with one line that says what was expected, so the CLI can
print it without a traceback. Nothing is guessed: text without a publication date is an error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class InputError(ValueError):
    """Input that cannot be read; the message is one line naming the input and the problem."""


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    source: str  # file name or '-'


def read_text(source: str, encoding: str = "utf-8") -> str:
    """The whole text of a file or of standard input ('-')."""
    if source == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError(f"{source} is a directory; give a file")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"no such file: {source}") from None
        except PermissionError:
            raise InputError(f"cannot read {source}: permission denied") from None
        name = source
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks binary, not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not valid {encoding} (byte {exc.start}); pass --encoding, e.g. latin-1"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def title_of(text: str) -> str | None:
    """The article's first non-empty line, as a default title (shortened)."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 100 else line[:99].rstrip() + "…"
    return None


@dataclass(frozen=True)
class CorpusRecord:
    line: int
    id: str | None
    text: str | None = None
    published: str | None = None
    lang: str | None = None
    title: str | None = None
    error: str | None = None


def read_jsonl(source: str, encoding: str = "utf-8") -> Iterator[CorpusRecord]:
    """Stream a JSONL corpus one record at a time (constant memory); bad lines become errors."""
    stream = sys.stdin.buffer if source == "-" else None
    if stream is None:
        path = Path(source)
        if path.is_dir():
            raise InputError(f"{source} is a directory; give a .jsonl file")
        try:
            stream = path.open("rb")
        except FileNotFoundError:
            raise InputError(f"no such file: {source}") from None
        except PermissionError:
            raise InputError(f"cannot read {source}: permission denied") from None
    try:
        for number, raw in enumerate(stream, start=1):
            yield _parse_record(number, raw, encoding)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _parse_record(number: int, raw: bytes, encoding: str) -> CorpusRecord:
    try:
        line = raw.decode(encoding)
    except UnicodeDecodeError:
        return CorpusRecord(number, None, error=f"line is not valid {encoding}")
    if not line.strip():
        return CorpusRecord(number, None, error="empty line")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return CorpusRecord(number, None, error=f"not JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return CorpusRecord(number, None, error="not a JSON object")
    record_id = record.get("id")
    record_id = None if record_id is None else str(record_id)
    text = record.get("text")
    if not isinstance(text, str):
        return CorpusRecord(number, record_id, error="no 'text' string")
    published = record.get("published")
    if not isinstance(published, str) or not published.strip():
        return CorpusRecord(number, record_id, error="no 'published' date")
    lang = record.get("lang")
    title = record.get("title")
    return CorpusRecord(
        number,
        record_id,
        text=text,
        published=published.strip(),
        lang=lang if isinstance(lang, str) else None,
        title=title if isinstance(title, str) else None,
    )


def is_jsonl(source: str) -> bool:
    return source.lower().endswith((".jsonl", ".ndjson"))


def load_json(source: str) -> object:
    try:
        return json.loads(read_text(source))
    except json.JSONDecodeError as exc:
        raise InputError(f"{source} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
