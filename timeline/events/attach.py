"""Which time dates each happening: attachment read from the clause structure.

The rules, in order (docs/conventions.md, "Events"):
1. A time inside a clause dates that clause's happening. With several, a time that can be placed
   (a date, a time, an anchored duration) beats one that cannot (a bare duration, a set), and
   among those the one nearest the predicate, unless a finer one follows a preposition
   ('Qantas said on Monday', 'its profit fell 12 per cent in Q3 2024': each clause its own
   time; 'to report fourth-quarter results on Feb. 4': 4 February).
2. A clause without a time of its own takes a time of its sentence:
   - a time that opens the sentence before a comma governs its main, coordinated and
     attribution clauses ('Pada Senin, ...', 'Earlier this month, a group ... indicated');
   - otherwise the placing time nearest its predicate among the clauses it shares with: main,
     coordinated and relative clauses and 'during' subordinates ('saat', 'ketika', 'when')
     share either way ('Polisi menangkap X pada Senin dan menyita Y': both on Monday; 'kapal
     induk China yang terdeteksi ... dalam beberapa hari terakhir').
   Attributions and complements share nothing: the saying is not dated by what it reports, nor
   the report by the saying ('kata dia, Sabtu (28/6)' dates the saying only); a clause that
   happens before or after another ('setelah', 'after') or gives a reason or a condition
   neither gives nor takes.
3. A sentence with no time of its own continues the discourse: its happenings inherit the time
   that dated the last happening before it (marked `inherited`), and so do its main clauses when
   it dates only other clauses. News tells its story across paragraphs, so a paragraph break
   does not end it. Only a time that places (a date, a time, an anchored duration) is
   inherited, and only one with an interval (not 'baru-baru ini', 'di masa depan'); a condition
   or a purpose ('jika terjadi agresi') is no happening and inherits nothing. Nothing is given
   the publication date silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.calendar.units import rank_of
from timeline.events.clauses import Clause
from timeline.models.document import Timex

SHARING_KINDS = frozenset({"main", "coordinated", "relative", "subordinate"})
"""Clause kinds that share a time within their sentence (a subordinate only when its relation
is 'during')."""
HYPOTHETICAL = frozenset({"condition", "purpose", "concession"})
"""Subordinate clauses that tell no happening of their own ('jika terjadi agresi', 'agar
...'): they inherit no time."""
INHERITING_KINDS = frozenset({"main", "coordinated", "attribution"})
"""Clause kinds that continue the story's time when their sentence dates only other clauses
('Reno allowed the extension ... after rejecting an order ... until March 6')."""
GOVERNED_BY_FRONTED = frozenset({"main", "coordinated", "attribution"})
"""Clause kinds a time that opens the sentence governs ('Earlier this month, a group ...
indicated ...'); a complement or relative has its own time or none."""


@dataclass
class ClauseTime:
    """A clause with the times inside it and the one that dates it."""

    clause: Clause
    own: list[Timex] = field(default_factory=list)
    dating: Timex | None = None
    inherited: bool = False
    governed: bool = False  # dated by a time of another clause of its sentence


def places(timex: Timex) -> bool:
    """A time that puts a happening on the axis: a date or a time, or a duration anchored to
    one ('tiga bulan terakhir')."""
    if timex.type in ("DATE", "TIME"):
        return True
    return timex.type == "DURATION" and timex.start is not None


def own_dating(
    clause: Clause, own: list[Timex], introduced: frozenset[int] = frozenset()
) -> Timex | None:
    """Rule 1: of a clause's own times, one that places it, nearest its predicate; but a finer
    time that a preposition introduces beats a coarser one ('expects to report fourth-quarter
    results on Feb. 4' happens on 4 February: 'fourth-quarter' only says which results).
    `introduced` holds the starts of the times a preposition introduces."""
    if not own:
        return None
    placing = [t for t in own if places(t)] or own
    if clause.predicate is None:
        chosen = placing[0]
    else:
        anchor = clause.predicate.start

        def distance(timex: Timex) -> tuple[int, int]:
            begin, end = timex.span
            gap = begin - anchor if begin >= anchor else anchor - end
            return (max(gap, 0), begin)

        chosen = min(placing, key=distance)
    finer = [
        t
        for t in placing
        if t.span[0] in introduced and rank_of(t.granularity) < rank_of(chosen.granularity)
    ]
    return min(finer, key=lambda t: rank_of(t.granularity)) if finer else chosen


def attach_sentence(
    clauses: list[Clause],
    timexes: list[Timex],
    fronted: Timex | None = None,
    introduced: frozenset[int] = frozenset(),
) -> list[ClauseTime]:
    """Rules 1 and 2 for one sentence's clauses and the times inside it; `fronted` is a time
    that opens the sentence before a comma ('Pada Senin, ...', 'Earlier this month, ...')."""
    result = [ClauseTime(clause) for clause in clauses]
    for timex in timexes:
        holder = next((c for c in result if c.clause.start <= timex.span[0] < c.clause.end), None)
        if holder is None and result:  # a time in the gap between two clauses
            holder = min(result, key=lambda c: abs(c.clause.start - timex.span[0]))
        if holder is not None:
            holder.own.append(timex)
    for item in result:
        item.dating = own_dating(item.clause, item.own, introduced)
        if fronted is not None and fronted in item.own and item.clause.predicate is not None:
            # the fronted time is the sentence's, not the nearest predicate's only
            item.dating = fronted if not [t for t in item.own if t is not fronted] else item.dating
    if fronted is not None:
        for item in result:
            if item.dating is None and item.clause.kind in GOVERNED_BY_FRONTED:
                item.dating, item.governed = fronted, True
    _share_within(result)
    return result


def _share_within(items: list[ClauseTime]) -> None:
    """Rule 2: a clause with no time of its own takes the placing time nearest its predicate
    among the clauses of its sentence it can share with: tellings of the same kind (main,
    coordinated, relative, 'during' subordinates) on either side; never across a report
    (attribution, complement), nor from or to a clause that happens before or after another
    ('setelah', 'after') or only gives a reason or a condition."""
    givers = [item for item in items if _gives(item)]
    for item in items:
        clause = item.clause
        if item.dating is not None or clause.predicate is None or not _shares(clause):
            continue
        anchor = clause.predicate.start
        distances = [
            (min(abs(t.span[0] - anchor) for t in giver.own if places(t)), index)
            for index, giver in enumerate(givers)
            if giver is not item
        ]
        if distances:
            item.dating, item.governed = givers[min(distances)[1]].dating, True


def _shares(clause: Clause) -> bool:
    return clause.kind in SHARING_KINDS and (clause.relation or "during") == "during"


def _gives(item: ClauseTime) -> bool:
    return (
        _shares(item.clause)
        and item.dating is not None
        and places(item.dating)
        and any(places(t) for t in item.own)
    )


class Discourse:
    """Rule 3: the time the story is at, as sentences go by."""

    def __init__(self) -> None:
        self.story: Timex | None = None

    def read(self, items: list[ClauseTime]) -> None:
        """Inherit where the sentence gives no time; then move the story's time on."""
        timeless = not any(item.dating is not None for item in items)
        if self.story is not None:
            for item in items:
                if (
                    item.dating is None
                    and item.clause.predicate is not None
                    and item.clause.relation not in HYPOTHETICAL
                    and (timeless or item.clause.kind in INHERITING_KINDS)
                ):
                    item.dating, item.inherited = self.story, True
        for item in items:
            dating = item.dating
            if dating is not None and not item.inherited and dating.start is not None:
                self.story = dating
