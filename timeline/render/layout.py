"""Where every mark and label goes, in points, so that no label covers another label or a mark.

The picture has a band of marks (points and bars) around a centre line, label lanes above and
below it, and the date axis underneath. All geometry is in display points and independent of the
plotting library: the caller measures the text boxes (or estimates them) and draws the result.

Leader lines are vertical stems that never cross a label. That one rule shapes everything: a
box that covers the stem of another label must sit in a lane further out than that label, so
labels whose boxes cover their neighbours' stems stack like a staircase. Labels are placed in
four steps:

1. Stems are spread along the axis in chronological order, a minimum gap apart and as close to
   their events as possible: an isotonic regression (pool-adjacent-violators) of the event
   positions, so a cluster of same-day events fans out around its day instead of drifting. The
   gap grows with the room available (up to `max_stem_gap`) to keep staircases short.
2. Labels are cut into runs: maximal sequences in which some box could reach a neighbour's stem.
   Runs never interact, so each is stacked on its own.
3. Each box starts at its stem and faces right, or ends at it and faces left. In a long run the
   first half face left and the rest right, so the two halves climb towards the middle: a tent,
   half as high as a one-sided staircase, in which no box covers the stem of a label nearer the
   middle. Where a box would leave the room its stem is pushed inwards (a longer leader rather
   than a crossing). Short runs, and dense layouts where it comes out lower, use plain
   right-facing staircases instead; the lower of the two layouts is kept.
4. Labels are placed from the outer ends of their runs inwards, each into the innermost lane,
   above or below the axis, where its box overlaps no box or passing stem and its own stem
   passes every inner lane. Each lane keeps its boxes and the stems crossing it in sorted
   lists (bisect), so a check costs O(log n). A new lane is always possible, so every label is
   placed; a crossing is only ever counted, never hidden, and does not occur when boxes fit.

Every box therefore keeps its stem, lanes read in chronological order, and the labels never
meet the marks, which are packed into rows (greedy interval partitioning) between the two sets
of lanes, on the side of their label: a leader only crosses marks further out than its own.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

ABOVE = 1
BELOW = -1


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    def intersects(self, other: Rect, tolerance: float = 1e-6) -> bool:
        return (
            self.x0 < other.x1 - tolerance
            and other.x0 < self.x1 - tolerance
            and self.y0 < other.y1 - tolerance
            and other.y0 < self.y1 - tolerance
        )


@dataclass(frozen=True)
class Mark:
    """An event's shape on the band: its horizontal extent and where its leader line starts."""

    x0: float
    x1: float
    anchor: float


@dataclass(frozen=True)
class Box:
    """A label's text box size in points."""

    width: float
    height: float


@dataclass(frozen=True)
class Settings:
    row_height: float = 11.0
    mark_height: float = 8.0
    lane_gap: float = 5.0
    label_gap: float = 6.0
    """Horizontal space between neighbouring boxes in a lane."""
    stem_gap: float = 4.0
    inset: float = 2.0
    """How far a box starts left of its stem; must be below stem_gap - stem_half."""
    stem_half: float = 1.0
    max_stem_gap: float = 24.0
    spread_share: float = 0.8
    """Share of the room the stems may fill when spread (see lay_out's `room`)."""
    mark_gap: float = 2.0
    """Horizontal space between marks sharing a row."""
    min_elbow: float = 8.0
    max_elbow: float = 56.0
    extra_room: float = 0.0
    """Space added between the band and the labels (split between the sides with labels), to
    fill a fixed picture height with longer leaders rather than with empty margins."""
    centre_gap: float = 2.0


@dataclass
class Layout:
    """The result: rectangles and leader lines, with y = 0 at the bottom of the lowest lane."""

    labels: list[Rect]
    marks: list[Rect]
    stems: list[float]
    sides: list[int]
    lanes: list[int]
    leaders: list[list[tuple[float, float]]]
    centre: float
    band: tuple[float, float]
    height: float
    right: float
    """The rightmost point any label reaches: the caller sizes the right margin from it."""
    crossings: int = 0
    """Stems that had to cross an inner lane's box (zero unless boxes exceed the space)."""
    rows: list[int] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    """The label of each mark."""
    facing: list[int] = field(default_factory=list)
    """RIGHTWARD (box starts at its stem) or LEFTWARD (box ends at its stem), per label."""


def spread(anchors: Sequence[float], gap: float, low: float = float("-inf")) -> list[float]:
    """Positions as close as possible (least squares) to `anchors`, in order, `gap` apart.

    Subtracting i*gap turns the spacing constraint into plain monotonicity, which the
    pool-adjacent-violators algorithm solves exactly in linear time.
    """
    shifted = [a - i * gap for i, a in enumerate(anchors)]
    blocks: list[list[float]] = []  # [sum, count]
    for value in shifted:
        blocks.append([value, 1.0])
        while len(blocks) > 1 and blocks[-2][0] * blocks[-1][1] > blocks[-1][0] * blocks[-2][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    fitted: list[float] = []
    for total, count in blocks:
        fitted.extend([max(total / count, low)] * int(count))
    return [value + i * gap for i, value in enumerate(fitted)]


def pack_rows(extents: Sequence[tuple[float, float]], gap: float) -> list[int]:
    """Row for each [x0, x1] such that extents sharing a row keep `gap` apart (fewest rows)."""
    order = sorted(range(len(extents)), key=lambda i: (extents[i][0], i))
    ends: list[float] = []
    rows = [0] * len(extents)
    for i in order:
        x0, x1 = extents[i]
        for row, end in enumerate(ends):
            if end + gap <= x0:
                rows[i] = row
                ends[row] = x1
                break
        else:
            rows[i] = len(ends)
            ends.append(x1)
    return rows


RIGHTWARD = 1
LEFTWARD = -1
TENT_FROM = 4
"""Runs of at least this many labels are stacked as a tent (see _facings)."""


class _Lane:
    """One lane's boxes (disjoint, kept sorted) and the stems of outer labels crossing it."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.stems: list[float] = []

    def box_fits(self, x0: float, x1: float, gap: float, clearance: float) -> bool:
        k = bisect.bisect_right(self.ends, x0 - gap)
        if k < len(self.starts) and self.starts[k] < x1 + gap:
            return False
        j = bisect.bisect_left(self.stems, x0 - clearance)
        return not (j < len(self.stems) and self.stems[j] <= x1 + clearance)

    def stem_passes(self, x: float, clearance: float) -> bool:
        k = bisect.bisect_right(self.ends, x - clearance)
        return not (k < len(self.starts) and self.starts[k] < x + clearance)

    def add_box(self, x0: float, x1: float) -> None:
        k = bisect.bisect_left(self.starts, x0)
        self.starts.insert(k, x0)
        self.ends.insert(k, x1)

    def add_stem(self, x: float) -> None:
        bisect.insort(self.stems, x)


def box_span(stem: float, width: float, facing: int, inset: float) -> tuple[float, float]:
    """A label box's horizontal extent: it starts (or, facing left, ends) just past its stem."""
    if facing == RIGHTWARD:
        return stem - inset, stem - inset + width
    return stem + inset - width, stem + inset


def _runs(stems: Sequence[float], boxes: Sequence[Box], gap: float) -> list[range]:
    """Maximal sequences of labels where some box, facing either way, could cover another's stem.

    Between two runs no box can reach across, so each run can be stacked on its own.
    """
    n = len(stems)
    # lowest left end any box from index t onwards could reach, facing left
    suffix_low = [float("inf")] * (n + 1)
    for t in range(n - 1, -1, -1):
        suffix_low[t] = min(suffix_low[t + 1], stems[t] - boxes[t].width)
    runs: list[range] = []
    start = 0
    high = float("-inf")  # highest right end any box so far could reach, facing right
    for t in range(n):
        high = max(high, stems[t] + boxes[t].width)
        if t + 1 == n or (stems[t + 1] >= high + gap and suffix_low[t + 1] >= stems[t] + gap):
            runs.append(range(start, t + 1))
            start = t + 1
            high = float("-inf")
    return runs


def _facings(
    stems: Sequence[float],
    boxes: Sequence[Box],
    settings: Settings,
    low: float,
    high: float = float("inf"),
    tent: bool = True,
) -> tuple[list[int], list[int]]:
    """Which way each box faces, and its depth: labels are placed in order of depth.

    Without `tent`, every box faces right and each run is a one-sided staircase: higher, but
    with no stems pushed away from their events; lay_out keeps whichever is lower.

    Within a run the first half face left and the rest right, so each half climbs like a
    staircase towards the middle: a tent half as high as a one-sided staircase, and no box
    covers the stem of a label placed after it. At the edges of the room (`low`, `high`) boxes
    cannot face outwards; those labels face inwards, cover their inner neighbours' stems, and
    so are placed last, above the tent.
    """
    n = len(stems)
    facing = [RIGHTWARD] * n
    depth = [0] * n
    gap = settings.label_gap
    for run in _runs(stems, boxes, gap):
        members = list(run)
        size = len(members)
        begin = 0
        while begin < size:
            j = members[begin]
            left, _ = box_span(stems[j], boxes[j].width, LEFTWARD, settings.inset)
            if left >= low or begin >= size // 2:
                break
            begin += 1
        end = size
        while end > begin:
            j = members[end - 1]
            _, right = box_span(stems[j], boxes[j].width, RIGHTWARD, settings.inset)
            if right <= high or end <= size // 2:
                break
            end -= 1
        # a short run stacks as low as a tent without pushing any stem: no tent for it
        split = begin + (end - begin) // 2 if tent and size >= TENT_FROM else begin
        top = (end - begin) // 2 + 1
        for position, j in enumerate(members):
            if position < begin:  # pinned at the left edge: faces right, placed last
                facing[j], depth[j] = RIGHTWARD, top + begin - position
            elif position < split:
                facing[j], depth[j] = LEFTWARD, position - begin
            elif position < end:
                facing[j], depth[j] = RIGHTWARD, end - 1 - position
            else:  # pinned at the right edge: faces left, placed last
                facing[j], depth[j] = LEFTWARD, top + position - end + 1
    return facing, depth


def _push_inside(
    stems: Sequence[float],
    boxes: Sequence[Box],
    facing: Sequence[int],
    gap: float,
    low: float,
    high: float,
    inset: float,
) -> list[float]:
    """Stems moved inwards just enough that every box fits between `low` and `high` facing its
    way, keeping order and spacing. A box pinned against an edge would have to face inwards
    and cover its neighbours' stems; a longer leader is the smaller evil."""
    pushed = list(stems)
    for i in range(len(pushed)):
        left, _ = box_span(pushed[i], boxes[i].width, facing[i], inset)
        floor = pushed[i] + max(low - left, 0.0)
        pushed[i] = max(floor, pushed[i - 1] + gap) if i else floor
    for i in range(len(pushed) - 1, -1, -1):
        _, right = box_span(pushed[i], boxes[i].width, facing[i], inset)
        ceiling = pushed[i] - max(right - high, 0.0)
        pushed[i] = min(ceiling, pushed[i + 1] - gap) if i + 1 < len(pushed) else ceiling
    return pushed


def _assign_lanes(
    stems: Sequence[float],
    boxes: Sequence[Box],
    settings: Settings,
    low: float,
    high: float,
    tent: bool = True,
) -> tuple[list[int], list[int], list[int], int]:
    """Side, lane and facing of every label: the greedy placement described in the module doc."""
    s = settings
    preferred, depth = _facings(stems, boxes, s, low, high, tent)
    lanes_of: dict[int, list[_Lane]] = {ABOVE: [], BELOW: []}
    n = len(stems)
    sides, lanes, facing = [ABOVE] * n, [0] * n, list(preferred)
    crossings = 0
    clearance = s.stem_half + 1.0
    for i in sorted(range(n), key=lambda i: (depth[i], stems[i], i)):
        options = []
        face = preferred[i]
        x0, x1 = box_span(stems[i], boxes[i].width, face, s.inset)
        for side in (ABOVE, BELOW):
            side_lanes = lanes_of[side]
            chosen: int | None = None
            for lane, occupied in enumerate(side_lanes):
                if occupied.box_fits(x0, x1, s.label_gap, clearance):
                    chosen = lane
                    break
                if not occupied.stem_passes(stems[i], clearance):
                    break
            else:
                chosen = len(side_lanes)
            if chosen is not None:
                opens = chosen == len(side_lanes)
                options.append((chosen, opens, side != ABOVE, side))
        if options:
            lane, _, _, side = min(options)
        else:  # boxes wider than the room: accept a crossing rather than lose the label
            crossings += 1
            side = ABOVE if len(lanes_of[ABOVE]) <= len(lanes_of[BELOW]) else BELOW
            lane = len(lanes_of[side])
        side_lanes = lanes_of[side]
        if lane == len(side_lanes):
            side_lanes.append(_Lane())
        side_lanes[lane].add_box(*box_span(stems[i], boxes[i].width, face, s.inset))
        for inner in range(lane):
            side_lanes[inner].add_stem(stems[i])
        sides[i], lanes[i], facing[i] = side, lane, face
    return sides, lanes, facing, crossings


def lay_out(
    marks: Sequence[Mark],
    boxes: Sequence[Box],
    settings: Settings = Settings(),
    low: float = 0.0,
    owners: Sequence[int] | None = None,
    room: float | None = None,
    high: float = float("inf"),
) -> Layout:
    """Place marks and labels, both given in time order.

    `owners[i]` is the label of mark i (default: label i for mark i); several marks at the same
    place may share one label, which then lists them all. The label's leader starts at its
    first mark. `low` and `high` bound where labels may reach; `room` is the width the stems
    may spread over: leaders are then spaced up to `max_stem_gap` apart, which keeps the lanes
    few (a box can only share a lane with boxes that do not cover its neighbours' stems).
    """
    owners = list(range(len(marks))) if owners is None else list(owners)
    if len(owners) != len(marks) or sorted(set(owners)) != list(range(len(boxes))):
        raise ValueError("every mark needs a label and every label a mark")
    if any(b < a for a, b in itertools.pairwise(owners)):
        raise ValueError("marks and labels must both be in time order")
    s = settings
    members: dict[int, list[int]] = {}
    for i, owner in enumerate(owners):
        members.setdefault(owner, []).append(i)
    first_mark = {j: marks_of[0] for j, marks_of in members.items()}
    anchors = [marks[first_mark[j]].anchor for j in range(len(boxes))]
    gap = s.stem_gap
    if room is not None and boxes:
        gap = min(max(s.stem_gap, s.spread_share * room / len(boxes)), s.max_stem_gap)
    best: tuple[tuple[float, ...], list[float], list[int], list[int], list[int], int] | None
    best = None
    for tent in (True, False):
        stems = spread(anchors, gap, low + s.inset)
        for _ in range(3):  # make room at the edges for boxes facing outwards, then re-check
            facing, _ = _facings(stems, boxes, s, float("-inf"), float("inf"), tent)
            pushed = _push_inside(stems, boxes, facing, gap, low, high, s.inset)
            if pushed == stems:
                break
            stems = pushed
        sides, lanes, facing, crossings = _assign_lanes(stems, boxes, s, low, high, tent)
        tallest: dict[tuple[int, int], float] = {}
        for j, box in enumerate(boxes):
            key = (sides[j], lanes[j])
            tallest[key] = max(tallest.get(key, 0.0), box.height)
        height = sum(tallest.values()) + s.lane_gap * len(tallest)
        detour = sum(abs(a - b) for a, b in zip(stems, anchors, strict=True))
        score = (crossings, round(height, 3), round(detour, 3), float(not tent))
        if best is None or score < best[0]:
            best = (score, stems, sides, lanes, facing, crossings)
    assert best is not None
    _, stems, sides, lanes, facing, crossings = best

    rows = [0] * len(marks)
    row_count = {ABOVE: 0, BELOW: 0}
    for side in (ABOVE, BELOW):
        on_side = [i for i in range(len(marks)) if sides[owners[i]] == side]
        packed = pack_rows([(marks[i].x0, marks[i].x1) for i in on_side], s.mark_gap)
        for i, row in zip(on_side, packed, strict=True):
            rows[i] = row
        row_count[side] = max(packed, default=-1) + 1

    lane_heights: dict[int, list[float]] = {ABOVE: [], BELOW: []}
    for j, box in enumerate(boxes):
        heights = lane_heights[sides[j]]
        while len(heights) <= lanes[j]:
            heights.append(0.0)
        heights[lanes[j]] = max(heights[lanes[j]], box.height)

    shift = max((abs(stems[j] - anchors[j]) for j in range(len(boxes))), default=0.0)
    elbow = min(s.max_elbow, max(s.min_elbow, 0.25 * shift))
    labelled = [side for side in (ABOVE, BELOW) if lane_heights[side]]
    reach = elbow + (s.extra_room / len(labelled) if labelled else 0.0)
    below_lanes = sum(h + s.lane_gap for h in lane_heights[BELOW])
    band_bottom = below_lanes + (reach if lane_heights[BELOW] else s.lane_gap)
    centre = band_bottom + row_count[BELOW] * s.row_height + s.centre_gap
    band_top = centre + s.centre_gap + row_count[ABOVE] * s.row_height
    above_base = band_top + (reach if lane_heights[ABOVE] else s.lane_gap)

    def lane_bottom(side: int, lane: int) -> float:
        heights = lane_heights[side]
        if side == ABOVE:
            return above_base + sum(h + s.lane_gap for h in heights[:lane])
        return band_bottom - reach - sum(h + s.lane_gap for h in heights[: lane + 1]) + s.lane_gap

    label_rects: list[Rect] = []
    for j, box in enumerate(boxes):
        x0, _ = box_span(stems[j], box.width, facing[j], s.inset)
        bottom = lane_bottom(sides[j], lanes[j])
        if sides[j] == BELOW:  # below the band, boxes hang from the top of their lane
            bottom += lane_heights[BELOW][lanes[j]] - box.height
        label_rects.append(Rect(x0, bottom, x0 + box.width, bottom + box.height))

    mark_rects: list[Rect] = []
    for i, mark in enumerate(marks):
        side = sides[owners[i]]
        middle = centre + side * (s.centre_gap + (rows[i] + 0.5) * s.row_height)
        mark_rects.append(
            Rect(mark.x0, middle - s.mark_height / 2, mark.x1, middle + s.mark_height / 2)
        )

    leaders: list[list[tuple[float, float]]] = []
    for j, rect in enumerate(label_rects):
        side = sides[j]
        inner = min(members[j], key=lambda i: (rows[i], i))
        anchor = anchors[j]
        start = mark_rects[inner].y1 if side == ABOVE else mark_rects[inner].y0
        edge = band_top if side == ABOVE else band_bottom
        target = rect.y0 if side == ABOVE else rect.y1
        knee = edge + side * elbow
        leaders.append([(anchor, start), (anchor, edge), (stems[j], knee), (stems[j], target)])
    top = above_base + sum(h + s.lane_gap for h in lane_heights[ABOVE])
    right = max((r.x1 for r in label_rects), default=low)
    return Layout(
        labels=label_rects,
        marks=mark_rects,
        stems=stems,
        sides=sides,
        lanes=lanes,
        leaders=leaders,
        centre=centre,
        band=(band_bottom, band_top),
        height=top,
        right=right,
        crossings=crossings,
        rows=rows,
        facing=facing,
        owners=owners,
    )


def estimate_width(text: str, size: float) -> float:
    """Rough width in points of `text` at `size` points, for callers without a text renderer.

    0.6 em per character overestimates most proportional fonts, which errs on the side of gaps.
    """
    return 0.6 * size * max((len(line) for line in text.splitlines()), default=0)
