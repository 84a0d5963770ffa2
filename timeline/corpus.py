"""Process a JSONL corpus as a stream: one output line per input line, in order, nothing lost."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from timeline.extraction import extract
from timeline.io.readers import CorpusRecord, read_jsonl
from timeline.phrases import UnknownLanguage


def error_line(record: CorpusRecord, message: str) -> str:
    return json.dumps({"id": record.id, "line": record.line, "error": message}, ensure_ascii=False)


def process_record(record: CorpusRecord, published: date | None, lang: str) -> tuple[str, bool]:
    """One output line for one input record, and whether it succeeded."""
    if record.error:
        return error_line(record, record.error), False
    source = "cli" if published is not None else "jsonl"
    reference = published
    if reference is None:
        try:
            reference = date.fromisoformat(record.published or "")
        except ValueError:
            return error_line(
                record, f"bad 'published' {record.published!r}: use YYYY-MM-DD"
            ), False
    try:
        document = extract(
            record.text or "",
            reference,
            record.lang or lang,
            doc_id=record.id if record.id is not None else f"line-{record.line}",
            title=record.title,
            published_source=source,
        )
    except UnknownLanguage as exc:
        return error_line(record, str(exc)), False
    return document.model_dump_json(), True


def process_corpus(
    source: str, published: date | None, lang: str, encoding: str, failed: list[int]
) -> Iterator[str]:
    """Yield output lines in input order; line numbers of failed records go into `failed`."""
    for record in read_jsonl(source, encoding):
        line, ok = process_record(record, published, lang)
        if not ok:
            failed.append(record.line)
        yield line
