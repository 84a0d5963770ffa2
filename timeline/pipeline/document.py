"""Extract a document: the one path from a text to a Document, for the API, the CLI and corpora.

Every caller (`timeline.extract`, `timeline extract`, `timeline plot`, `timeline eval`, the corpus
runner, stories) comes through `extract_document`, so the checks of the publication date and the
language, the language detection, the genre and their warnings are the same whichever way a text
arrives.

Data flows one way: text -> language -> tag (find mentions) -> publication date (given, or
estimated from the mentions) -> genre (given, or decided from the mentions) -> discourse (resolve
each against its anchor) -> events (happenings dated by the timexes) -> Document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from timeline import languages
from timeline.discourse.genres import AUTO as AUTO_GENRE
from timeline.discourse.genres import NEWS, SOCIAL, Genre, genre_named
from timeline.ingest.published import BadPublicationDate, publication_date
from timeline.languages import AUTO, language_codes
from timeline.models.kinds import PublishedSource

if TYPE_CHECKING:
    from timeline.discourse.genre_choice import GenreChoice
    from timeline.ingest.mixed import OtherLanguage
    from timeline.ingest.published_estimate import Estimate
    from timeline.languages import Language
    from timeline.models.document import Document
    from timeline.tagging.tag import Mention

LangSource = Literal["cli", "detected", "jsonl"]

GIVEN = "given"
"""genre_reason of a genre the caller named (--genre, a record's 'genre')."""


class NoPublicationDate(BadPublicationDate):
    """No publication date was given and the text supports no estimate; the message says why."""


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


def genre_for(
    name: str | Genre,
    text: str,
    published: date | str | None = None,
    lang: str = AUTO,
) -> GenreChoice:
    """The genre a text is read as, and why: a genre named by the caller ('news', 'narrative',
    'social', or a Genre) is taken as given; 'auto' decides from the text (its language detected
    under lang='auto'). Raises UnknownGenre for another name. What `timeline story` and every
    other caller that holds a --genre option use."""
    from timeline.discourse.genre_choice import GenreChoice

    if not isinstance(name, str):
        return GenreChoice(name, GIVEN)
    if name != AUTO_GENRE:
        return GenreChoice(genre_named(name), GIVEN)
    language = languages.load(choose_language(text, lang).code, NEWS.profiles)
    reference = None if published is None else publication_date(published)
    return _decided(text, _mentions(text, language, NEWS), reference, language.code)


def _decided(text: str, mentions: list[Mention], published: date | None, code: str) -> GenreChoice:
    """--genre auto on a text already tagged with news' profiles."""
    from timeline.discourse.genre_choice import (
        SOCIAL_MAX_CHARS,
        decide_genre,
        informal_mentions,
    )

    words: frozenset[str] = frozenset()
    informal: list[str] = []
    if len(text) <= SOCIAL_MAX_CHARS:  # only a short text can be a post: read it as one then
        words = languages.genre_words(code, SOCIAL.profiles).social
        if all(profile in languages.profiles_of(code) for profile in SOCIAL.profiles):
            as_a_post = _mentions(text, languages.load(code, SOCIAL.profiles), SOCIAL)
            informal = [m.text for m in informal_mentions(mentions, as_a_post)]
    return decide_genre(text, mentions, published, words, informal)


def _mentions(text: str, language: Language, genre: Genre) -> list[Mention]:
    """The expressions of the text with the genre's profiles; in a social post the words of its
    hashtags too ('#MondayMotivation')."""
    from timeline.tagging.tag import find_mentions

    mentions = find_mentions(text, language)
    if genre.hashtags:
        from timeline.tagging.hashtags import with_hashtag_mentions

        mentions = with_hashtag_mentions(text, mentions, language)
    return mentions


def estimate_from_text(text: str, lang: str = AUTO) -> Estimate | None:
    """The publication date a text supports, read as `extract_document` reads it when none is
    given (benchmarks/published_estimate.py measures it)."""
    language = languages.load(choose_language(text, lang).code, NEWS.profiles)
    return estimate_published(text, _mentions(text, language, NEWS))


def estimate_published(text: str, mentions: list[Mention]) -> Estimate | None:
    """The publication date the text's own dates support (ingest/published_estimate.py), read
    from the tagger's mentions: days with their weekday and year, and 'hari ini' / 'kemarin' /
    'yesterday' right beside one."""
    from timeline.discourse.genre_choice import stated_year
    from timeline.ingest.published_estimate import estimate_publication
    from timeline.tagging.clues import date_clues

    clues = date_clues(text, mentions)
    years = [y for y in (stated_year(m.spec) for m in mentions) if y is not None]
    return estimate_publication(text, clues, years)


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
    published: date | str | None,
    lang: str = AUTO,
    doc_id: str = "doc",
    title: str | None = None,
    published_source: PublishedSource = "cli",
    lang_source: LangSource = "cli",
    genre: Genre | str = AUTO_GENRE,
    published_evidence: str | None = None,
) -> Document:
    """Extract one document. `published` is the reference date every relative time counts from
    (a date or YYYY-MM-DD; BadPublicationDate otherwise), or None to estimate it from the text
    (NoPublicationDate when nothing supports an estimate); `lang` a code or 'auto';
    `lang_source` says where a given code came from (the command line or a corpus record);
    `genre` a Genre, its name, or 'auto' to decide from the text (genre_for);
    `published_evidence` what gave a date found in the input (an HTML page's byline)."""
    from timeline.discourse.state import resolve_in_context
    from timeline.events.build import build_events
    from timeline.grammar.specs import EventRelativeSpec
    from timeline.ingest.mixed import other_language_sentences
    from timeline.ingest.normalise import clean, normalise
    from timeline.ingest.published_estimate import NO_ESTIMATE
    from timeline.ingest.sentences import split_sentences
    from timeline.models.document import Document
    from timeline.pipeline.offsets import on_original
    from timeline.tagging.mixed import with_other_languages

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__} (decode bytes first)")
    reference = None if published is None else publication_date(published)
    if isinstance(genre, str) and genre != AUTO_GENRE:
        genre = genre_named(genre)  # an unknown name fails before any work
    original, normal = text, normalise(text)
    text = normal.text  # read with scraping artefacts repaired; spans mapped back at the end
    choice = choose_language(text, lang, lang_source)
    base = languages.load(choice.code, NEWS.profiles)
    mentions = _mentions(text, base, NEWS)
    evidence = published_evidence
    if reference is None:
        estimate = estimate_published(text, mentions)
        if estimate is None:
            raise NoPublicationDate(NO_ESTIMATE)
        reference, published_source, evidence = estimate.day, "estimated", estimate.evidence
        reference = publication_date(reference)
    if isinstance(genre, str):
        decided = _decided(text, mentions, reference, choice.code)
        chosen, reason = decided.genre, decided.reason
    else:
        chosen, reason = genre, GIVEN
    language = base
    if chosen.profiles != NEWS.profiles or chosen.hashtags:
        language = languages.load(choice.code, chosen.profiles)
        mentions = _mentions(text, language, chosen)
    sentences = split_sentences(text, language.abbreviations)
    others = other_language_sentences(text, sentences, choice.code, languages.available())
    mentions = with_other_languages(
        mentions, text, others, lambda code: languages.load(code, chosen.profiles)
    )
    also = [languages.load(code, chosen.profiles) for code in sorted({o.code for o in others})]
    timexes = resolve_in_context(mentions, text, reference, language, sentences, chosen, also)
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
        published_evidence=evidence,
        genre=chosen.name,
        genre_reason=reason,
        lang=choice.code,
        lang_source=choice.source,
        title=clean(title) if title else title,
        text_length=len(original),
        timexes=timexes,
        events=events,
        undated_events=undated,
        warnings=warnings,
    )


def document_from_article(
    article: object, published: date | None, lang: str, genre: Genre | str = AUTO_GENRE
) -> Document:
    """The Document of an article read by ingest.readers.read_article: the date given on the
    command line, else the page's own, else one estimated from the text; what `timeline
    extract` and `timeline plot` both need. With none, a usage error that says why."""
    from timeline.ingest.inputs import Article
    from timeline.ingest.readers import given_date, missing_date

    assert isinstance(article, Article)
    given = given_date(published, article)
    reference: date | None = None
    date_source: PublishedSource = "estimated"
    if given is not None:
        reference, date_source = given
    try:
        return extract_document(
            article.text,
            reference,
            lang,
            doc_id=article.doc_id,
            title=article.title,
            published_source=date_source,
            genre=genre,
            published_evidence=article.published_evidence if date_source != "cli" else None,
        )
    except NoPublicationDate as exc:
        raise missing_date(article, str(exc)) from None
