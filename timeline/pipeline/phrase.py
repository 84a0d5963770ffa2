"""Resolve one phrase: the API behind `timeline resolve` and `timeline check`."""

from __future__ import annotations

from datetime import date

from timeline import languages
from timeline.discourse.genres import NEWS
from timeline.discourse.tense import after_deadline_word, needs_tense, toward_deadline
from timeline.grammar.specs import Rejected
from timeline.languages import AUTO, detection_score, language_codes
from timeline.models.document import ResolvedTime
from timeline.resolution.resolve import Resolution, resolve
from timeline.tagging.tag import Mention, find_mentions


def to_model(mention: Mention, resolution: Resolution, anchor: date) -> ResolvedTime:
    return ResolvedTime(
        text=mention.text,
        lang=mention.lang,
        anchor=anchor.isoformat() if resolution.used_anchor else None,
        rule=mention.rule,
        **resolution.output_fields(),
    )


def phrase_profiles(phrase: str, genre: str, lang: str = AUTO) -> tuple[str, ...]:
    """The profiles a phrase is read with under --genre: the genre's, or under 'auto' social's
    when the phrase has the marks of a post ('tmrw', '#tbt'), else news'. A phrase is too short
    for the other clues of genre_choice.py, and `timeline resolve` must start fast, so nothing
    is compiled to decide."""
    from timeline.discourse.genre_choice import social_markers
    from timeline.discourse.genres import AUTO as AUTO_GENRE
    from timeline.discourse.genres import SOCIAL, genre_named

    if genre != AUTO_GENRE:
        return genre_named(genre).profiles
    words: set[str] = set()
    for code in language_codes(lang):
        words |= languages.genre_words(code, SOCIAL.profiles).social
    return SOCIAL.profiles if social_markers(phrase, words) else NEWS.profiles


def resolve_phrase(
    phrase: str,
    published: date,
    lang: str = AUTO,
    profiles: tuple[str, ...] = NEWS.profiles,
) -> ResolvedTime | None:
    """The longest temporal expression in `phrase`, resolved against `published`; None if none.

    Under 'auto' every language is tried; the longest match wins, and a tie goes to the language
    whose common words the phrase uses most (then to the first code alphabetically). `profiles`
    are the language data's profiles to read with (a genre's: news' by default; social's for
    'tmrw').
    """
    best: tuple[tuple[int, int, int], Mention, Resolution] | None = None
    for rank, code in enumerate(language_codes(lang)):
        language = languages.load(code, profiles)
        score = detection_score(phrase, code) if lang == AUTO else 0
        for mention in find_mentions(phrase, language):
            try:
                spec, cue = mention.spec, None
                if needs_tense(spec) and after_deadline_word(phrase, mention.start, 0, language):
                    spec, cue = toward_deadline(spec)  # 'by noon Friday', 'until May'
                resolution = resolve(spec, published, approx=mention.approx, cue=cue)
            except Rejected:
                continue
            key = (mention.end - mention.start, score, -rank)
            if best is None or key > best[0]:
                best = (key, mention, resolution)
    if best is None:
        return None
    return to_model(best[1], best[2], published)
