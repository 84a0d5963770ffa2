"""Sentences of a document written in another of our languages: an English quote in Indonesian
news ("Last March ...", "two days later"), an Indonesian name of a day in an English report.

A document has one language (the one detected or given), which the tagger reads it in. Its
sentences that look like another language with a data file are read with that language's rules
as well (tagging/mixed.py), so their expressions are not lost.

Finding them must cost a one-language document next to nothing, so it is done in two steps:
1. one scan of the text for the other languages' common words (the `detect` list of their data
   files), written in lowercase after a space: a literal scan, a few milliseconds a megabyte. A
   sentence with fewer than one of them every WORD_SPACING characters is not looked at again:
   no sentence of the English corpora has an Indonesian one, 21 of 10,250 Indonesian news
   sentences pass (most name something English: "University of Sydney"), and 93% of English
   sentences do;
2. py3langid on each sentence left, restricted to the two languages (about 50 microseconds a
   sentence): the sentence is read in the other language too when py3langid finds it the
   likelier of the two (MIXED_SHARE).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline.ingest.sentences import Sentence, sentence_index

MIXED_SHARE = 0.5
"""The share of the probability (two languages, tempered as for the document) another language
needs for a sentence to be read in it as well: more than the document's language. An English
quote in Indonesian news has 0.99 and more; an Indonesian sentence that lists English names
("Goodbye, Summer, dan banyak lagi", "University of Sydney") mostly 0.001 to 0.4, and there the
English rules would only find names ("Summer" is no season there)."""

WORD_SPACING = 80
"""A sentence needs one of another language's common words every this many characters to be
looked at as that language (see the module docstring)."""

SAMPLE = 200
"""Code points of a sentence py3langid reads: enough to tell two languages apart, and a bound
on the cost of a run-on sentence."""

_FOLLOWED_BY = r"(?=[\s,.;:!?\"'”’)])"


@dataclass(frozen=True)
class OtherLanguage:
    """A sentence that looks like another language: its span, the language and the share of
    the probability py3langid gives that language (against the document's)."""

    sentence: Sentence
    code: str
    share: float


def other_language_sentences(
    text: str, sentences: list[Sentence], main: str, codes: list[str]
) -> list[OtherLanguage]:
    """The sentences of `text` that look like one of `codes` other than `main`, in text order
    (at most one language each: the likeliest)."""
    found: dict[int, OtherLanguage] = {}
    if not sentences:
        return []
    for code in codes:
        if code == main:
            continue
        hits = Counter(
            sentence_index(sentences, hit.start()) for hit in _scanner(code).finditer(text)
        )
        for index, count in sorted(hits.items()):
            sentence = sentences[index]
            if count * WORD_SPACING < sentence.end - sentence.start:
                continue
            share = _share(
                text[sentence.start : min(sentence.end, sentence.start + SAMPLE)], main, code
            )
            if share > MIXED_SHARE and (index not in found or share > found[index].share):
                found[index] = OtherLanguage(sentence, code, share)
    return [found[index] for index in sorted(found)]


@cache
def _scanner(code: str) -> re.Pattern[str]:
    """A language's common words in lowercase after a space. The pattern opens with a literal
    space, so the engine jumps from space to space (case-insensitive matching would lose that)."""
    from timeline.languages import common_words

    words = sorted(common_words(code), key=lambda word: (-len(word), word))
    return re.compile(" (?:" + "|".join(re.escape(word) for word in words) + ")" + _FOLLOWED_BY)


def _share(sentence: str, main: str, other: str) -> float:
    """The probability py3langid gives `other` against `main` for a sentence, its log-scores
    tempered by sqrt(bytes) as for a whole document (ingest/detect.py)."""
    scores = dict(_pair(main, other).rank(sentence))
    if main not in scores or other not in scores:
        return 0.0
    temperature = math.sqrt(len(sentence.encode("utf-8", "surrogatepass")) or 1)
    margin = (scores[main] - scores[other]) / temperature
    return 1.0 / (1.0 + math.exp(min(margin, 700.0)))


@cache
def _pair(first: str, second: str) -> Any:
    """py3langid restricted to two languages (a copy of the document detector's model, which
    set_languages narrows without touching the original): three times as fast a sentence."""
    import copy

    from timeline.ingest.detect import _identifier

    identifier = copy.copy(_identifier())
    known = [code for code in (first, second) if code in identifier.nb_classes]
    identifier.set_languages(known)
    return identifier
