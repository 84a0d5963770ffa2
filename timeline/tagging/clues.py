"""The dates a text names, as clues to when it was published (ingest/published_estimate.py).

The estimator's rules need only the day, month, year and weekday each date states, and whether a
'today' word stands right beside it ('hari ini, Selasa (1/7/2025)', 'yesterday, June 30, 2024'):
this module reads them off the tagger's mentions.
"""

from __future__ import annotations

from timeline.calendar.units import Unit
from timeline.grammar.specs import Anchoring, ClockSpec, DateSpec, RelativeSpec, Spec
from timeline.ingest.published_estimate import NEXT_TO, DateClue
from timeline.tagging.tag import Mention


def _day_spec(spec: Spec) -> DateSpec | None:
    """The date of a mention that names a day and month ('Sabtu (28/6) malam' names 28/6)."""
    inner = spec.date if isinstance(spec, ClockSpec) else spec
    if isinstance(inner, DateSpec) and inner.day is not None and inner.month is not None:
        return inner
    return None


def _today_offset(spec: Spec) -> int | None:
    """The day offset of 'today', 'yesterday', 'tomorrow' ('hari ini', 'kemarin', 'besok')."""
    if (
        isinstance(spec, RelativeSpec)
        and spec.unit is Unit.DAY
        and spec.anchoring is Anchoring.REFERENCE
        and not spec.counted
    ):
        return spec.offset
    return None


def date_clues(text: str, mentions: list[Mention]) -> list[DateClue]:
    """Every mention naming a day and month, with the year and weekday it states and the
    offset of a 'today' word at most NEXT_TO characters away."""
    clues = []
    for index, mention in enumerate(mentions):
        spec = _day_spec(mention.spec)
        if spec is None or spec.year_offset is not None or spec.direction is not None:
            continue
        assert spec.day is not None and spec.month is not None
        told = None
        for neighbour in mentions[max(0, index - 1) : index + 2]:
            offset = _today_offset(neighbour.spec)
            gap = max(neighbour.start, mention.start) - min(neighbour.end, mention.end)
            if offset is not None and neighbour is not mention and 0 <= gap <= NEXT_TO:
                told = offset
        clues.append(
            DateClue(
                start=mention.start,
                end=mention.end,
                text=mention.text,
                month=spec.month,
                day=spec.day,
                year=spec.year if spec.year_digits == 4 else None,
                weekday=spec.weekday,
                told_as=told,
            )
        )
    return clues
