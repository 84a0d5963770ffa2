"""Times counted from a happening: 'Dua hari setelah insiden, Kementerian Perhubungan memanggil
direksi maskapai', 'a week after the ceasefire'.

The named happening is found among the article's events told before the time: the nearest one
named by a word of the same stem ('setelah penangkapan' -> 'ditangkap'), or, for a word that
names no particular kind of happening ('insiden', 'kejadian', 'the incident'), the first dated
happening of the article (its lead). When that happening is dated, the time is dated from it
(two days after the incident of Monday 23 June is Wednesday 25 June) and its anchor is that
event; when it is not, the happenings the time dates stay undated with the relation kept
(`relation` after or before, `relative_to` that event).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from timeline.calendar.arithmetic import shift, timex_value, unit_end
from timeline.calendar.units import Unit
from timeline.events.predicates import WORD, PredicateReader
from timeline.grammar.specs import Direction, EventRelativeSpec
from timeline.languages import Language
from timeline.models.document import Timex

if TYPE_CHECKING:
    from timeline.events.build import Draft


@dataclass
class Counted:
    """An event-relative time and what became of it."""

    timex: Timex
    spec: EventRelativeSpec
    named: Draft | None = None


def named_happening(
    counted: Counted, drafts: list[Draft], language: Language, reader: PredicateReader
) -> Draft | None:
    """The happening the time counts from, told before it (see the module docstring)."""
    words = [w.lower() for w in WORD.findall(counted.spec.event)]
    heads = [w for w in words if w not in language.events.stopwords] or words
    if not heads:
        return None
    stem = reader.stem(heads[0])
    # told before it: a clause that ends before the time ('organisers said on Friday, a year
    # after rail strikes cut ...' is not the strikes' telling, though it holds the word)
    before = [
        d for d in drafts if d.clause.end <= counted.timex.span[0] and d.dating is not counted.timex
    ]
    for draft in reversed(before):
        predicate = draft.clause.predicate
        if predicate is not None and reader.stem(predicate.word) == stem:
            return draft
        if any(reader.stem(m.group()) == stem for m in WORD.finditer(draft.text)):
            return draft
    if heads[0] in language.predicates.general_events:
        dated = [d for d in before if d.start is not None and not d.inherited]
        occurrences = [d for d in dated if d.event_class == "OCCURRENCE"]
        chosen = occurrences or dated
        return chosen[0] if chosen else None
    return None


def counted_time(counted: Counted) -> Timex | None:
    """The time dated from its named happening, when that happening has a day or a longer
    period of its own; None when it has none."""
    named = counted.named
    if named is None or named.start is None or named.inherited:
        return None
    spec = counted.spec
    try:
        origin = date.fromisoformat(named.start[:10])
        amount = int(spec.amount) if spec.direction is Direction.FUTURE else -int(spec.amount)
        unit = Unit.DAY if spec.unit.rank < Unit.DAY.rank else spec.unit
        start = shift(unit, origin, amount)
    except (ValueError, OverflowError):
        return None
    end = unit_end(unit, start)
    return counted.timex.model_copy(
        update={
            "type": "DATE",
            "value": timex_value(unit, start),
            "start": start.isoformat(),
            "end": end.isoformat(),
            "granularity": unit.value,
            "anchor": named.start[:10],
        }
    )
