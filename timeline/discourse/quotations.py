"""Deictic words inside a quotation count from the day the quotation was said.

News often prints a remark days after it was made and dates the saying in its attribution:
'"Besok kami akan memanggil aplikator," kata Aan, Senin (30/6).', printed on 2 July. The
speaker's "besok" is the day after the remark (1 July), not the day after publication. So, in a
sentence whose attribution names a day (discourse/attribution.py) other than the publication
day, a time counted in days or weeks from the publication date ("besok", "kemarin", "hari
ini", "pekan depan", "dua hari lalu") that stands inside quotation marks, while the
attribution stands outside them, is counted from the attribution's day instead; its anchor is
that attribution. Words outside the quotation, and quotations without a dated attribution in
their sentence, keep counting from the publication date.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from timeline.calendar.units import Unit
from timeline.discourse.anchors import Anchor
from timeline.grammar.specs import Anchoring, RelativeSpec, VagueShiftSpec
from timeline.ingest.sentences import Sentence, sentence_index
from timeline.languages import Language
from timeline.resolution.resolve import Rejected, Resolution, resolve

if TYPE_CHECKING:
    from timeline.discourse.state import Resolved

_SPOKEN_UNITS = frozenset({Unit.DAY, Unit.WEEK})
"""The units a speaker counts from the day of speaking ('besok', 'pekan depan'); a month or a
year named from a remark a few days old is almost always the same one as from publication."""


def count_from_the_saying(
    resolved: Sequence[Resolved | None],
    attributed: set[int],
    sentences: list[Sentence],
    text: str,
    language: Language,
    published: date,
) -> list[tuple[int, Resolution, Anchor]]:
    """The quoted deictic times of every sentence whose attribution is dated, counted again
    from that attribution's day: (mention index, its new resolution, the attribution's anchor).
    See the module docstring."""
    recounted: list[tuple[int, Resolution, Anchor]] = []
    marks_pattern = language.tense.quote_marks
    sayings = [
        (index, said, said.result.day)
        for index in sorted(attributed)
        if (said := resolved[index]) is not None
        and said.result.day is not None
        and said.result.day != published
    ]
    if marks_pattern is None or not sayings or not sentences:
        return recounted  # most documents: no saying dated another day
    by_sentence: dict[int, list[int]] = {}
    for index, entry in enumerate(resolved):
        if entry is not None and index not in attributed and _spoken(entry):
            home = sentence_index(sentences, entry.mention.start)
            by_sentence.setdefault(home, []).append(index)
    for said_index, said, day in sayings:
        home = sentence_index(sentences, said.mention.start)
        candidates = by_sentence.get(home)
        if not candidates:
            continue
        sentence = sentences[home]
        marks = [m.start() for m in marks_pattern.finditer(text, sentence.start, sentence.end)]
        if not marks or _quoted(marks, said.mention.start):
            continue
        for index in candidates:
            entry = resolved[index]
            if entry is None or not _quoted(marks, entry.mention.start):
                continue
            mention = entry.mention
            try:
                result = resolve(mention.spec, day, approx=mention.approx)
            except Rejected:
                continue
            recounted.append((index, result, Anchor(day, said_index)))
    return recounted


def _spoken(entry: Resolved) -> bool:
    """A time counted in days or weeks from the publication date."""
    spec = entry.mention.spec
    return (
        isinstance(spec, RelativeSpec | VagueShiftSpec)
        and spec.anchoring is Anchoring.REFERENCE
        and spec.unit in _SPOKEN_UNITS
        and entry.anchor is not None
        and entry.anchor.mention is None
    )


def _quoted(marks: list[int], position: int) -> bool:
    """Inside a quotation: an odd number of quotation marks before the position in its
    sentence."""
    return bisect.bisect_left(marks, position) % 2 == 1
