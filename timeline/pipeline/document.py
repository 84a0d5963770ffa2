"""Extract a document: the one path from a text to a Document, for the API, the CLI and corpora.

Every caller (`timeline.extract`, `timeline extract`, `timeline plot`, the corpus runner) comes
through `extract_document`, so the checks of the publication date and the language, the language
detection and its warnings are the same whichever way a text arrives.

Data flows one way: text -> sentences -> tag (find mentions) -> discourse (resolve each against
its anchor) -> events (happenings dated by the timexes) -> Document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from timeline import languages
from timeline.discourse.genres import NEWS, Genre
from timeline.ingest.published import publication_date
from timeline.languages import AUTO, language_codes
from timeline.models.kinds import PublishedSource

if TYPE_CHECKING:
    from timeline.ingest.mixed import OtherLanguage
    from timeline.models.document import Document

LangSource = Literal["cli", "detected", "jsonl"]


@dataclass(frozen=True)
class LanguageChoice:
    """The language a text is read in, how it was chosen, and any warning about the choice."""

    code: str
    source: LangSource
    warning: str | None = None


def choose_language(text: str, lang: str, given_by: LangSource = "cli") -> LanguageChoice:
    """`lang` itself, or under 'auto' the detected language (see timeline.ingest.detect for why
    py3langid, loaded only when a document is actually read under 'auto'). A text that looks
    like a language with no data file gets a warning, never a silent guess. Raises
    UnknownLanguage for a code with no data file."""
    language_codes(lang)
    if lang != AUTO:
        return LanguageChoice(lang, given_by)
    from timeline.ingest.detect import detect

    detection = detect(text, languages.available())
    return LanguageChoice(detection.lang, "detected", detection.warning)


MIXED_LISTED = 5
"""Sentences a warning about other languages lists by their span; more are counted."""


def mixed_warning(
    others: list[OtherLanguage], original_span: Callable[[int, int], tuple[int, int]]
) -> str:
    """The warning that says which sentences were read in another language as well, by their
    spans in the text as given: 'sentences read with the rules of en as well: [38, 123),
    [124, 181)'."""
    by_code: dict[str, list[str]] = {}
    for other in others:
        begin, end = original_span(other.sentence.start, other.sentence.end)
        by_code.setdefault(other.code, []).append(f"[{begin}, {end})")
    parts = []
    for code, spans in sorted(by_code.items()):
        listed = ", ".join(spans[:MIXED_LISTED])
        more = f" and {len(spans) - MIXED_LISTED} more" if len(spans) > MIXED_LISTED else ""
        parts.append(
            f"{len(spans)} sentence(s) read with the rules of {code!r} as well: {listed}{more}"
        )
    return "; ".join(parts)


def extract_document(
    text: str,
    published: date | str,
    lang: str = AUTO,
    doc_id: str = "doc",
    title: str | None = None,
    published_source: PublishedSource = "cli",
    lang_source: LangSource = "cli",
    genre: Genre = NEWS,
    published_evidence: str | None = None,
) -> Document:
    """Extract one document. `published` is the reference date every relative time counts from
    (a date or YYYY-MM-DD; BadPublicationDate otherwise); `lang` a code or 'auto';
    `lang_source` says where a given code came from (the command line or a corpus record)."""
    from timeline.discourse.state import resolve_in_context
    from timeline.events.build import build_events
    from timeline.grammar.specs import EventRelativeSpec
    from timeline.ingest.mixed import other_language_sentences
    from timeline.ingest.normalise import clean, normalise
    from timeline.ingest.sentences import split_sentences
    from timeline.models.document import Document
    from timeline.pipeline.offsets import on_original
    from timeline.tagging.mixed import with_other_languages
    from timeline.tagging.tag import find_mentions

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__} (decode bytes first)")
    reference = publication_date(published)
    original, normal = text, normalise(text)
    text = normal.text  # read with scraping artefacts repaired; spans mapped back at the end
    choice = choose_language(text, lang, lang_source)
    language = languages.load(choice.code, genre.profiles)
    sentences = split_sentences(text, language.abbreviations)
    others = other_language_sentences(text, sentences, choice.code, languages.available())
    mentions = with_other_languages(
        find_mentions(text, language),
        text,
        others,
        lambda code: languages.load(code, genre.profiles),
    )
    also = [languages.load(code, genre.profiles) for code in sorted({o.code for o in others})]
    timexes = resolve_in_context(mentions, text, reference, language, sentences, genre, also)
    counted = {(m.start, m.end): m.spec for m in mentions if isinstance(m.spec, EventRelativeSpec)}
    events, undated, timexes = build_events(text, timexes, reference, language, sentences, counted)
    warnings = [choice.warning] if choice.warning else []
    if others:
        warnings.append(mixed_warning(others, original_span=normal.original_span))
    for items in (timexes, events, undated):
        on_original(items, normal, original)
    return Document(
        id=doc_id,
        published=reference.isoformat(),
        published_source=published_source,
        published_evidence=published_evidence,
        lang=choice.code,
        lang_source=choice.source,
        title=clean(title) if title else title,
        text_length=len(original),
        timexes=timexes,
        events=events,
        undated_events=undated,
        warnings=warnings,
    )


def document_from_article(article: object, published: date | None, lang: str) -> Document:
    """The Document of an article read by ingest.readers.read_article: the date given on the
    command line, else the page's own; what `timeline extract` and `timeline plot` both need."""
    from timeline.ingest.inputs import Article
    from timeline.ingest.readers import reference_date

    assert isinstance(article, Article)
    reference, date_source = reference_date(published, article)
    return extract_document(
        article.text,
        reference,
        lang,
        doc_id=article.doc_id,
        title=article.title,
        published_source=date_source,
        published_evidence=article.published_evidence if date_source != "cli" else None,
    )
