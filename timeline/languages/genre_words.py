"""The `[genre]` section: words that tell what kind of text is being read (--genre auto).

Most clues to a text's genre need no language (a #hashtag, an @handle, a link; how many of its
times count from the publication date; how far its years lie from it). What does need one is the
informal vocabulary of social media posts ("lol", "tmrw", "gonna"; "wkwk", "gue"), which the
`social` profile of a language lists, beside the temporal words of posts it adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from timeline.grammar.patterns import GrammarError


@dataclass(frozen=True, eq=False)
class GenreWords:
    """The `[genre]` section compiled: `social`, words that only posts use (lowercased)."""

    social: frozenset[str] = frozenset()


def compile_genre_words(section: dict[str, Any], source: str) -> GenreWords:
    """`[genre] social = [...]`; anything else in the section is an error naming the file."""
    unknown = set(section) - {"social"}
    if unknown:
        raise GrammarError(f"{source}: [genre] has no key {sorted(unknown)[0]!r} (only 'social')")
    words = section.get("social", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise GrammarError(f"{source}: [genre] social must be a list of words")
    return GenreWords(social=frozenset(w.lower() for w in words))
