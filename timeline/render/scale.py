"""The time axis: which stretches of time get drawn, and how wide each one is on the page.

News timelines are lopsided: one event decades ago, twenty in the week before publication. A
single linear axis squashes the cluster into a few points of width, so the axis is cut where the
events are crowded and an empty gap dominates; each piece stays linear (so it carries ordinary
date ticks) and the cut is drawn as a break. Pieces get widths that mostly follow how many event
positions they hold, so a lone distant event keeps a readable slot and a cluster gets room.

Pure arithmetic on day numbers and points; no plotting library.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

SegmentKind = Literal["earlier", "dated", "later"]


@dataclass(frozen=True)
class Segment:
    """A stretch of the axis: [x0, x1] points showing days [t0, t1] (None for the vague zones)."""

    kind: SegmentKind
    x0: float
    x1: float
    t0: float | None = None
    t1: float | None = None

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    def x(self, t: float) -> float:
        assert self.t0 is not None and self.t1 is not None
        if self.t1 == self.t0:
            return (self.x0 + self.x1) / 2
        return self.x0 + (t - self.t0) * (self.x1 - self.x0) / (self.t1 - self.t0)


@dataclass(frozen=True)
class TimeScale:
    """Maps day numbers to points along the axis, piece by piece."""

    segments: tuple[Segment, ...]
    width: float

    @property
    def dated(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind == "dated")

    @property
    def breaks(self) -> tuple[tuple[float, float], ...]:
        """The gaps between neighbouring segments, in points: where break marks are drawn."""
        return tuple(
            (left.x1, right.x0)
            for left, right in zip(self.segments, self.segments[1:], strict=False)
        )

    def x(self, t: float) -> float:
        """Position of day number `t`; times inside a cut run through the break, outside clamp."""
        dated = self.dated
        if not dated:
            return self.width / 2
        starts = [s.t0 for s in dated if s.t0 is not None]
        index = bisect.bisect_right(starts, t) - 1
        if index < 0:
            return dated[0].x0
        segment = dated[index]
        assert segment.t1 is not None  # dated segments have both ends
        if t <= segment.t1:
            return segment.x(t)
        if index + 1 == len(dated):
            return segment.x1
        following = dated[index + 1]
        assert following.t0 is not None
        share = (t - segment.t1) / (following.t0 - segment.t1)
        return segment.x1 + share * (following.x0 - segment.x1)

    def zone_x(self, kind: SegmentKind) -> float:
        for segment in self.segments:
            if segment.kind == kind:
                return (segment.x0 + segment.x1) / 2
        raise KeyError(kind)


@dataclass(frozen=True)
class ScaleSettings:
    crowd: float = 24.0
    """Neighbouring positions closer than this (points) count as crowded."""
    dominance: float = 2.0
    """A gap is cut only if it is at least this many times the longest piece it leaves."""
    covered_dominance: float = 8.0
    """The same for a gap inside some event's interval: cut only when it is vast."""
    duration_weight: float = 0.1
    """How much a piece's width follows its duration; the rest follows its number of events."""
    max_breaks: int = 3
    break_width: float = 16.0
    zone_width: float = 64.0
    min_segment: float = 80.0
    padding: float = 0.04
    """Each piece shows this share of its duration before its first and after its last position."""
    min_days: float = 4.0
    """The shortest stretch a piece of several positions shows."""
    lone_days: float = 30.0
    """The stretch a piece with a single position shows: enough for day ticks around it."""


def split_clusters(
    positions: Sequence[float],
    width: float,
    settings: ScaleSettings = ScaleSettings(),
    spans: Sequence[tuple[float, float]] = (),
) -> list[tuple[float, float, int]]:
    """Group positions (day numbers) into pieces separated by cuts: (first, last, count) each.

    Only a crowded piece is split: one whose neighbouring positions would sit closer than
    `crowd` points at its share of the width (cutting an uncrowded axis would only hide how
    far apart the events are). It is split at its k largest gaps for the smallest k where every
    cut gap is at least `dominance` times the longest resulting piece, so a cut removes empty
    time that would dominate the picture, never the story's own stretch. A gap inside an
    event's interval (`spans`) is part of that event: cutting it needs `covered_dominance`.
    Pieces are split again while they stay crowded, up to `max_breaks` cuts in all.
    """
    keys = sorted(set(positions))
    if not keys:
        return []
    count = len(keys)

    def crowded(piece: list[float]) -> bool:
        extent = piece[-1] - piece[0]
        if len(piece) < 2 or extent <= 0:
            return False
        closest = min(b - a for a, b in itertools.pairwise(piece))
        return closest * (width * len(piece) / count) / extent < settings.crowd

    def needed(a: float, b: float) -> float:
        inside = any(start <= a and b <= end for start, end in spans)
        return settings.covered_dominance if inside else settings.dominance

    def split(piece: list[float], budget: int) -> list[list[float]]:
        gaps = sorted(
            ((piece[i + 1] - piece[i], i) for i in range(len(piece) - 1)),
            key=lambda g: (-g[0], g[1]),
        )
        for k in range(1, min(budget, len(gaps)) + 1):
            cuts = sorted(i for _, i in gaps[:k])
            parts = [
                piece[a + 1 : b + 1] for a, b in itertools.pairwise([-1, *cuts, len(piece) - 1])
            ]
            longest = max(max(p[-1] - p[0] for p in parts), settings.min_days)
            if all(g >= needed(piece[i], piece[i + 1]) * longest for g, i in gaps[:k]):
                return parts
        return [piece]

    pieces = [keys]
    breaks = 0
    changed = True
    while changed and breaks < settings.max_breaks:
        changed = False
        for index, piece in enumerate(pieces):
            if not crowded(piece):
                continue
            parts = split(piece, settings.max_breaks - breaks)
            if len(parts) > 1:
                pieces[index : index + 1] = parts
                breaks += len(parts) - 1
                changed = True
                break
    return [(piece[0], piece[-1], len(piece)) for piece in pieces]


def _allocate(weights: list[float], total: float, minimum: float) -> list[float]:
    """Split `total` in proportion to `weights`, but give every share at least `minimum`."""
    if not weights:
        return []
    if minimum * len(weights) >= total:
        return [total / len(weights)] * len(weights)
    fixed: set[int] = set()
    while True:
        free = total - minimum * len(fixed)
        mass = sum(w for i, w in enumerate(weights) if i not in fixed)
        shares = [
            minimum if i in fixed else (free * w / mass if mass > 0 else 0.0)
            for i, w in enumerate(weights)
        ]
        small = {i for i, s in enumerate(shares) if s < minimum and i not in fixed}
        if not small:
            return shares
        fixed |= small


def plan_scale(
    positions: Sequence[float],
    width: float,
    *,
    earlier: bool = False,
    later: bool = False,
    settings: ScaleSettings = ScaleSettings(),
    spans: Sequence[tuple[float, float]] = (),
) -> TimeScale:
    """Lay out an axis `width` points wide for these event positions (day numbers).

    `earlier`/`later` add a zone before/after the dates for vague references that have no
    interval, so they are drawn in their place in the story instead of being dropped.
    """
    zones = (settings.zone_width + settings.break_width) * (int(earlier) + int(later))
    dated_width = max(width - zones, settings.min_segment)
    clusters = split_clusters(positions, dated_width, settings, spans) or [(0.0, 0.0, 1)]
    ranges = []
    for first, last, count in clusters:
        pad = (last - first) * settings.padding
        lo, hi = first - pad, last + pad
        shortest = settings.lone_days if count == 1 else settings.min_days
        if hi - lo < shortest:
            middle = (first + last) / 2
            lo, hi = middle - shortest / 2, middle + shortest / 2
        ranges.append((lo, hi, count))
    total_days = sum(hi - lo for lo, hi, _ in ranges)
    total_count = sum(count for *_, count in ranges)
    share = settings.duration_weight
    weights = [
        share * (hi - lo) / total_days + (1 - share) * count / total_count
        for lo, hi, count in ranges
    ]
    available = dated_width - settings.break_width * (len(ranges) - 1)
    widths = _allocate(weights, available, settings.min_segment)
    segments: list[Segment] = []
    x = 0.0
    if earlier:
        segments.append(Segment("earlier", x, x + settings.zone_width))
        x += settings.zone_width + settings.break_width
    for (lo, hi, _), piece in zip(ranges, widths, strict=True):
        segments.append(Segment("dated", x, x + piece, lo, hi))
        x += piece + settings.break_width
    x -= settings.break_width
    if later:
        x += settings.break_width
        segments.append(Segment("later", x, x + settings.zone_width))
        x += settings.zone_width
    return TimeScale(tuple(segments), x)
