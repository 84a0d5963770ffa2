"""The time a relative expression counts from: a day, and the mention that gave it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PUBLICATION_ID = "t0"
"""The timex id of the publication date in the output."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """`mention` is the index of the mention whose time this is (numbered into a timex id at the
    end), or None for the publication date. `shift` is how many years `day` was moved forward
    to stand for a time before the common era (discourse/eras.py); 0 for every other time."""

    day: date
    mention: int | None
    shift: int = 0
