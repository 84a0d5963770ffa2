"""Where the picture's Document comes from: `timeline extract` JSON, or an article extracted now.

Articles go through the same steps as `timeline extract` (read_article, reference_date,
extract_document), so a text file, an HTML page or standard input gives the same Document, and
so the same picture, as plotting the JSON that `timeline extract` wrote for it.

JSON is recognised by content (an object that validates as a Document), so a user can edit the
events in the JSON and plot again; a .json file that is not such an object is an error, never
read as prose. Problems are InputErrors with one line, for the CLI to print.
"""

from __future__ import annotations

import json
from datetime import date

from timeline.ingest.inputs import InputUsageError
from timeline.ingest.readers import read_article, read_text
from timeline.models.document import Document
from timeline.models.problems import first_problem


def load_document(
    source: str, published: date | None, lang: str, encoding: str | None, genre: str = "auto"
) -> Document:
    """The Document to draw from a file or '-'; an article needs a date (given, from the page,
    or estimated from its text) and a genre, JSON carries its own."""
    from timeline.pipeline.document import document_from_article

    if source.lower().endswith(".json"):
        document = _as_document(source, read_text(source, encoding or "utf-8"), strict=True)
        assert document is not None
        return _checked(document, published, source)
    article = read_article(source, encoding)
    if article.kind == "text" and article.text.lstrip().startswith("{"):
        document = _as_document(source, article.text, strict=False)
        if document is not None:
            return _checked(document, published, source)
    return document_from_article(article, published, lang, genre)


def _checked(document: Document, published: date | None, source: str) -> Document:
    if published is not None and published.isoformat() != document.published:
        raise InputUsageError(
            f"--published {published.isoformat()} differs from the date in {source} "
            f"({document.published}); drop the option or edit the file"
        )
    return document


def _as_document(source: str, text: str, strict: bool) -> Document | None:
    """A Document from JSON text; None for prose that merely starts with '{' (when not strict)."""
    from pydantic import ValidationError

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if strict:
            raise InputUsageError(
                f"{source} is not valid JSON: {exc.msg} (line {exc.lineno})"
            ) from None
        return None
    if not isinstance(data, dict):
        if strict:
            raise InputUsageError(
                f"{source} is not a `timeline extract` document (not a JSON object)"
            )
        return None
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        raise InputUsageError(
            f"{source} is not a `timeline extract` document: {first_problem(exc)}"
        ) from None
