"""Extract a document: every temporal expression, resolved in context, and the events they date.

Data flows one way: text -> tag (find mentions) -> context (resolve each against its anchor)
-> events (clauses dated by the timexes) -> Document.
"""

from __future__ import annotations

from datetime import date

from timeline import languages
from timeline.discourse.context import resolve_in_context
from timeline.events.build import build_events
from timeline.ingest.sentences import split_sentences
from timeline.models.document import Document
from timeline.pipeline.phrase import AUTO, language_codes
from timeline.tagging.tag import find_mentions

LAST_DAY = date.max  # no publication on it: intervals end on the day after publication


def detect_language(text: str) -> str:
    """The most likely language among those with a data file (see timeline.ingest.detect for why
    py3langid); imported here, not at module level, so nothing pays for the model until a
    document is actually extracted under --lang auto."""
    from timeline.ingest.detect import detect

    return detect(text, languages.available()).lang


def extract(
    text: str,
    published: date | str,
    lang: str = AUTO,
    doc_id: str = "doc",
    title: str | None = None,
    published_source: str = "cli",
) -> Document:
    """Extract one document. `published` is the reference date every relative time counts from."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    if published >= LAST_DAY:
        # an event 'since X' runs to the day after publication, which must exist
        raise ValueError(
            f"publication date {published.isoformat()} is too late: the last is 9999-12-30"
        )
    language_codes(lang)  # raises UnknownLanguage for a code with no data file
    code = detect_language(text) if lang == AUTO else lang
    language = languages.load(code)
    mentions = find_mentions(text, language)
    sentences = split_sentences(text, language.abbreviations)
    timexes = resolve_in_context(mentions, text, published, language, sentences)
    events, undated = build_events(text, timexes, published, language, sentences)
    return Document(
        id=doc_id,
        published=published.isoformat(),
        published_source=published_source,
        lang=code,
        lang_source="detected" if lang == AUTO else "cli",
        title=title,
        text_length=len(text),
        timexes=timexes,
        events=events,
        undated_events=undated,
    )
