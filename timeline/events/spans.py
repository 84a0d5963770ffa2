"""Time expressions' spans, searchable by position in logarithmic time.

A clause of a scraped page can hold thousands of time expressions (a timetable, a text with no
sentence end); asking every span about every word would make a clause quadratic.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator


class Spans:
    """[start, end) spans in order, with the merged cover of the overlapping ones."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]
        cover: list[list[int]] = []
        for start, end in self._spans:
            if cover and start <= cover[-1][1]:
                cover[-1][1] = max(cover[-1][1], end)
            else:
                cover.append([start, end])
        self._cover_starts = [start for start, _ in cover]
        self._cover_ends = [end for _, end in cover]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def holds(self, position: int) -> bool:
        """Whether some span has start <= position < end."""
        index = bisect.bisect_right(self._cover_starts, position) - 1
        return index >= 0 and position < self._cover_ends[index]

    def starting(self, low: int, high: int) -> list[tuple[int, int]]:
        """The spans that start at low..high (both included), in order."""
        first = bisect.bisect_left(self._starts, low)
        last = bisect.bisect_right(self._starts, high)
        return self._spans[first:last]
