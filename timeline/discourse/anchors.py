"""The time a relative expression counts from: a day, and the id of the timex that gave it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PUBLICATION_ID = "t0"


@dataclass(frozen=True, slots=True)
class Anchor:
    """`id` is a timex id, `t0` for the publication date, or `pending:N` for the N-th mention
    until the timexes are numbered."""

    day: date
    id: str
