"""Split text into sentences: the unit that tense cues, clock times and events belong to.

A deliberately small splitter (one linear regex plus a list of abbreviations from the language
file) rather than a library: the libraries that do this well (spaCy, stanza, pysbd) bring models
or heavy dependencies, and the tool only needs boundaries good enough to keep a cue word or a date
inside its own sentence. Paragraph breaks always end a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

# A candidate end: terminal punctuation (with closing quotes) before whitespace, a blank line, or
# a line break; the lookaheads capture the next visible character, and whether it opens a
# sentence is checked in Python (str.isupper knows Unicode). The first character is matched
# before the alternatives (which the lookbehinds then tell apart) so that the pattern opens with
# a set of characters: the engine then skips to the next one of them instead of trying the
# pattern at every place (twice as fast, same matches).
_CANDIDATE = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]{0,4}[\"'”’)\]]{0,3}(?=\s)(?=\s{1,50}(\S))?"
    r"|(?<=\n)[ \t]{0,50}\n"
    r"|(?<=\n)(?=\s{0,50}(\S))?)"
)
_OPENERS = "\"'“‘([-—"
_LAST_WORD = re.compile(r"([^\W\d_][\w.]{0,11})\.$")


# A news dateline opening an article: "JAKARTA, KOMPAS.com -", "WASHINGTON (AP) --",
# "TajukRakyat.com,-", "SUKABUMI, Warta Nusa -", "LONDON, March 14 (Reuters) -". A layout convention of news across languages, not a word list.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'’-]{1,40}(?:\s{0,3}\([^)]{1,40}\))?(?:\s{0,3},\s{0,3}[\w.]{2,40}(?: [A-Z0-9][\w.]{0,39}){0,3}(?:\s{0,3}\([^)]{1,40}\))?)?"
    r"|\w{2,40}\.(?:com|co\.id|id|net|org)(?:\s{0,3},)?)\s{0,3}[-–—]{1,2}\s{0,3}"
)


def dateline_end(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the text proper begins after a news dateline at `start` (or `start` itself)."""
    found = _DATELINE.match(text, start, len(text) if end is None else end)
    return found.end() if found else start


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str, abbreviations: Iterable[str] = ()) -> list[Sentence]:
    """Sentences as [start, end) spans covering the text (whitespace between them excluded)."""
    known = _known_abbreviations(frozenset(abbreviations))
    sentences: list[Sentence] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        opening = match.group()[0]
        if opening != "\n":
            following = match.group(1)
            if following is None or not (
                following.isupper() or following.isdigit() or following in _OPENERS
            ):
                continue
            if opening == "." and _is_abbreviation(text, match.start() + 1, known):
                continue
        elif len(match.group()) == 1:
            following = match.group(2)
            if following is None or not (following.isupper() or following in _OPENERS):
                continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


@cache
def _known_abbreviations(abbreviations: frozenset[str]) -> frozenset[str]:
    """Abbreviations as _is_abbreviation compares them; a language's list is read once."""
    return frozenset(a.lower().rstrip(".") for a in abbreviations)


def _is_abbreviation(text: str, period_end: int, known: frozenset[str]) -> bool:
    found = _LAST_WORD.search(text, max(0, period_end - 14), period_end)
    if not found:
        return False
    word = found.group(1).lower()
    return word in known or (len(word) == 1 and word.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence containing `offset` (or the one before a gap)."""
    low, high = 0, len(sentences) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if sentences[middle].start <= offset:
            low = middle
        else:
            high = middle - 1
    return low
