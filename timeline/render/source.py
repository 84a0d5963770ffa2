"""Where the picture's Document comes from: `timeline extract` JSON, or an article extracted now.

JSON is recognised by content (an object that validates as a Document), so a user can edit the
events in the JSON and plot again; a .json file that is not such an object is an error, never
read as prose. Problems are InputErrors with one line, for the CLI to print.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from timeline.io.readers import InputError, read_text, title_of
from timeline.models import Document


def load_document(source: str, published: date | None, lang: str, encoding: str) -> Document:
    """The Document to draw from a file or '-'; an article needs `published`, JSON carries it."""
    text = read_text(source, encoding)
    strict = source.lower().endswith(".json")
    if strict or text.lstrip().startswith("{"):
        document = _as_document(source, text, strict)
        if document is not None:
            if published is not None and published.isoformat() != document.published:
                raise InputError(
                    f"--published {published.isoformat()} differs from the date in {source} "
                    f"({document.published}); drop the option or edit the file"
                )
            return document
    if published is None:
        raise InputError(
            "--published YYYY-MM-DD is required for an article (the tool never assumes today)"
        )
    from timeline.extraction import extract

    doc_id = "stdin" if source == "-" else Path(source).name
    return extract(text, published, lang, doc_id=doc_id, title=title_of(text))


def _as_document(source: str, text: str, strict: bool) -> Document | None:
    """A Document from JSON text; None for prose that merely starts with '{' (when not strict)."""
    from pydantic import ValidationError

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if strict:
            raise InputError(f"{source} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
        return None
    if not isinstance(data, dict):
        if strict:
            raise InputError(f"{source} is not a `timeline extract` document (not a JSON object)")
        return None
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "top level"
        raise InputError(
            f"{source} is not a `timeline extract` document: {where}: {first.get('msg')}"
        ) from None
