"""Ranges told in two expressions: the first takes its year from the second.

"Between March and April 1918", "(26 June - 4 August 1952)", "Juni hingga Agustus 2023": the
text gives the year once, at the range's end, and it is the year of the start too (or the year
before, when the start's month comes later in the year: "December 1941 - January 1942" has its
own year, "November - February 1943" starts in 1942). Without this, the opening month would be
read on its own, against the publication date or the story's time.
"""

from __future__ import annotations

from dataclasses import replace

from timeline.grammar.specs import DateSpec, Spec
from timeline.languages import Language
from timeline.tagging.tag import Mention

RANGE_GAP = 12
"""At most this many characters between the two ends: a dash or one word ('to', 'hingga')."""

_DASHES = frozenset({"-", "\u2013", "\u2014"})


def range_end(index: int, mentions: list[Mention], text: str, language: Language) -> Mention | None:
    """The mention that closes a range the mention at `index` opens: the next one, when only
    a dash or a word of the language's range ends ('to', 'and', 'until', 'hingga', 'dan')
    stands between them."""
    if index + 1 >= len(mentions):
        return None
    here, after = mentions[index], mentions[index + 1]
    gap = text[here.end : after.start]
    if len(gap) > RANGE_GAP:
        return None
    word = gap.strip().lower()
    if word in _DASHES or word in language.events.until_words:
        return after
    return None


def with_range_year(spec: Spec, end: Mention | None) -> Spec:
    """A month or day and month with no year of its own ('March', '26 June') takes the year of
    the range's end when that end states one ('April 1918'): the same year, or the year before
    when the start comes later in the calendar than the end ('November - February 1943')."""
    closing = end.spec if end is not None else None
    if not (
        isinstance(spec, DateSpec)
        and spec.bare_month
        and spec.weekday is None
        and isinstance(closing, DateSpec)
        and closing.year is not None
        and closing.year_digits == 4
        and closing.month is not None
    ):
        return spec
    assert spec.month is not None
    opening = (spec.month, spec.day or 1)
    year = closing.year if opening <= (closing.month, closing.day or 1) else closing.year - 1
    return replace(spec, year=year)
