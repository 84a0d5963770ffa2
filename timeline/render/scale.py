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
    zoom: float = 1.0
    """How many times wider a day is here than in the piece of the axis before it: the days
    just before publication, where news bunches its events, get a magnified piece."""

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
            if right.zoom == 1.0  # a magnified piece continues its time: a seam, not a cut
        )

    @property
    def zoomed(self) -> Segment | None:
        return next((s for s in self.segments if s.zoom != 1.0), None)

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
    bunch: float = 2.0
    """Positions at the end of the last piece closer than `bunch` x `crowd` points apart, and
    some closer than `crowd`, are bunched: they get a magnified piece of the axis..."""
    bunch_share: float = 0.25
    """...when they cover at most this share of their piece's days..."""
    zoom_share: float = 0.5
    """...and it takes at most this share of the piece's width."""
    min_zoom: float = 3.0
    """A magnification smaller than this is not worth a seam in the axis."""


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
    for index, ((lo, hi, _), piece) in enumerate(zip(ranges, widths, strict=True)):
        last = index == len(ranges) - 1
        tail = _bunched_tail(positions, lo, hi, piece, settings) if last else None
        if tail is None:
            segments.append(Segment("dated", x, x + piece, lo, hi))
        else:
            segments += _zoomed(x, piece, lo, hi, tail, positions, settings)
        x += piece + settings.break_width
    x -= settings.break_width
    if later:
        x += settings.break_width
        segments.append(Segment("later", x, x + settings.zone_width))
        x += settings.zone_width
    return TimeScale(tuple(segments), x)


def _bunched_tail(
    positions: Sequence[float], lo: float, hi: float, width: float, settings: ScaleSettings
) -> float | None:
    """Where the bunch of positions at the end of the piece [lo, hi] starts, or None.

    The bunch is the longest run at the end whose neighbours sit closer than `bunch` x
    `crowd` points at the piece's scale, with at least one pair closer than `crowd`; it must
    hold three positions or more, cover at most `bunch_share` of the piece's days, and leave
    some position before it (else the whole piece is the bunch and needs no zoom).
    """
    keys = sorted({p for p in positions if lo <= p <= hi})
    if len(keys) < 4 or hi <= lo:
        return None
    scale = width / (hi - lo)
    start = len(keys) - 1
    tight = False
    while start > 0 and (keys[start] - keys[start - 1]) * scale < settings.bunch * settings.crowd:
        tight = tight or (keys[start] - keys[start - 1]) * scale < settings.crowd
        start -= 1
    if not tight or len(keys) - start < 3 or start == 0:
        return None
    if keys[-1] - keys[start] > settings.bunch_share * (hi - lo):
        return None
    return keys[start]


def _zoomed(
    x: float,
    width: float,
    lo: float,
    hi: float,
    tail: float,
    positions: Sequence[float],
    settings: ScaleSettings,
) -> list[Segment]:
    """The piece [lo, hi] as two pieces meeting at a seam: up to the bunch at the usual scale,
    the bunch magnified. Widths follow the positions each holds, the bunch at most
    `zoom_share` of the width; with too little magnification the piece stays whole."""
    keys = sorted({p for p in positions if lo <= p <= hi})
    pad = max((keys[-1] - tail) * settings.padding * 2, 0.5)
    seam = tail - pad
    hi = min(hi, keys[-1] + pad)  # the whole piece's padding would waste the magnified days
    inside = sum(1 for k in keys if k >= tail)
    share = min(inside / len(keys), settings.zoom_share)
    zoom_width = max(width * share, settings.min_segment)
    before = width - zoom_width
    zoom = (zoom_width / (hi - seam)) / (before / (seam - lo)) if before > 0 else 0.0
    if before < settings.min_segment or zoom < settings.min_zoom:
        return [Segment("dated", x, x + width, lo, hi)]
    return [
        Segment("dated", x, x + before, lo, seam),
        Segment("dated", x + before, x + width, seam, hi, zoom=zoom),
    ]
