"""Expressions of sentences in another language, found with that language's rules as well.

An Indonesian article that quotes English ("Last March", "two days later") keeps the English
expressions: each sentence ingest/mixed.py finds in another language is tagged with both
languages' rules, and where two expressions overlap the longer wins, then the one of the
sentence's own language (so "5/6" in an English quote is May 6, not 5 June as in the Indonesian
sentences around it). Other sentences keep the document language's expressions untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from timeline.ingest.mixed import OtherLanguage
from timeline.languages import Language
from timeline.tagging.tag import ClaimedSpans, Mention, find_mentions


def with_other_languages(
    mentions: list[Mention],
    text: str,
    others: list[OtherLanguage],
    language_of: Callable[[str], Language],
) -> list[Mention]:
    """`mentions` (found in the document's language, in text order) with the expressions each
    sentence of `others` gives in its language; `language_of` loads a language by code."""
    if not others:
        return mentions
    result: list[Mention] = []
    position = 0  # the next mention of `mentions` not yet placed
    for other in others:
        start, end = other.sentence.start, other.sentence.end
        while position < len(mentions) and mentions[position].start < start:
            result.append(mentions[position])
            position += 1
        own = []
        while position < len(mentions) and mentions[position].start < end:
            own.append(mentions[position])
            position += 1
        theirs = [
            replace(m, start=m.start + start, end=m.end + start)
            for m in find_mentions(text[start:end], language_of(other.code))
        ]
        result.extend(_settled(own, theirs))
    result.extend(mentions[position:])
    return result


def _settled(own: list[Mention], theirs: list[Mention]) -> list[Mention]:
    """Both lists' mentions without overlaps: the longer first, then the sentence's language's
    (`theirs`), then the earlier; in text order."""
    ranked = sorted(
        [(m, 0) for m in theirs] + [(m, 1) for m in own],
        key=lambda pair: (pair[0].start - pair[0].end, pair[1], pair[0].start),
    )
    claimed = ClaimedSpans()
    kept: list[Mention] = []
    for mention, _ in ranked:
        if not claimed.overlaps(mention.start, mention.end):
            claimed.add(mention.start, mention.end)
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
