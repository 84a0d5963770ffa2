"""The picture's geometry, tested without drawing: label placement, axis pieces, dates, items.

Everything here runs without matplotlib: boxes are sized from character counts, which is what
the layout would see from any measuring function.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest

from tests.conftest import SEED, SEED_PUBLISHED
from timeline.models.document import Document, Event
from timeline.render import layout as layout_module
from timeline.render.dates import ISO_WORDS, date_words, span_text, to_days
from timeline.render.items import build_timeline, drawn_events
from timeline.render.layout import (
    ABOVE,
    BELOW,
    Box,
    Mark,
    Rect,
    estimate_width,
    lay_out,
    pack_rows,
    spread,
)
from timeline.render.samples import dense_document, wide_document
from timeline.render.scale import ScaleSettings, plan_scale, split_clusters

WIDTH = 760.0


# ---------------------------------------------------------------- helpers


def _geometry(document: Document, width: float = WIDTH, join: float = 0.0):
    """Marks and boxes for a Document the way the renderer builds them, sized by estimate."""
    from timeline.render.plot import STYLES, _marks, _positions, label_groups, label_text

    words = date_words(document.lang)
    timeline = build_timeline(document, words)
    intervals = [
        (i.start, i.end)
        for i in timeline.items
        if i.start is not None and i.end is not None and i.end - i.start > 1
    ]
    scale = plan_scale(
        _positions(timeline),
        width,
        earlier=any(i.zone == "earlier" for i in timeline.items),
        later=any(i.zone == "later" for i in timeline.items),
        spans=intervals,
    )
    marks, _ = _marks(timeline, scale, 0.0, 1.0)
    owners = label_groups(timeline.items, [m.anchor for m in marks], join)
    groups: list[list] = [[] for _ in range(max(owners) + 1)]
    for item, owner in zip(timeline.items, owners, strict=True):
        groups[owner].append(item)
    style = STYLES[0]
    boxes = []
    for group in groups:
        text = label_text(group, style)
        lines = [text.when, *text.lines]
        boxes.append(
            Box(
                max(estimate_width(line, style.label_size) for line in lines) + 2 * style.pad,
                (len(lines)) * style.label_size * 1.25 + 2 * style.pad,
            )
        )
    return timeline, marks, boxes, owners


def _seed_document() -> Document:
    from timeline.pipeline.sources import load_document

    return load_document(str(SEED), SEED_PUBLISHED, "auto", "utf-8")


def _check(result, marks, boxes, owners) -> None:
    """The properties every layout must have, whatever the input."""
    # every event is drawn, every label placed, all in the space above the date axis (y >= 0)
    assert len(result.marks) == len(marks)
    assert len(result.labels) == len(boxes)
    for rect in [*result.labels, *result.marks]:
        assert rect.y0 >= 0
    # no two labels overlap, and no label covers a mark
    for a, b in itertools.combinations(result.labels, 2):
        assert not a.intersects(b)
    for label in result.labels:
        for mark in result.marks:
            assert not label.intersects(mark)
    # boxes have the measured sizes and contain their stem
    for j, (rect, box) in enumerate(zip(result.labels, boxes, strict=True)):
        assert rect.x1 - rect.x0 == pytest.approx(box.width)
        assert rect.y1 - rect.y0 == pytest.approx(box.height)
        assert rect.x0 <= result.stems[j] <= rect.x1
    # leaders: no stem passes through another label
    for j, line in enumerate(result.leaders):
        (sx, sy0), (_, sy1) = line[-2], line[-1]
        stem = Rect(sx - 0.5, min(sy0, sy1), sx + 0.5, max(sy0, sy1))
        for k, label in enumerate(result.labels):
            if k != j:
                assert not stem.intersects(label, tolerance=0.01), (j, k)
    assert result.crossings == 0
    # chronological: leaders in time order, and every lane reads in time order
    assert result.stems == sorted(result.stems)
    assert owners == sorted(owners)
    lanes: dict[tuple[int, int], list[int]] = {}
    for j in range(len(boxes)):
        lanes.setdefault((result.sides[j], result.lanes[j]), []).append(j)
    for members in lanes.values():
        by_position = sorted(members, key=lambda j: result.labels[j].x0)
        assert by_position == sorted(members)
    # marks sit on the side of their label
    for i, owner in enumerate(owners):
        middle = (result.marks[i].y0 + result.marks[i].y1) / 2
        assert (middle > result.centre) == (result.sides[owner] == ABOVE)


# ---------------------------------------------------------------- layout


def test_spread_keeps_order_and_spacing_and_centres_a_cluster():
    stems = spread([100.0, 100.0, 100.0, 300.0], gap=10.0)
    assert stems == sorted(stems)
    assert all(b - a >= 10.0 - 1e-9 for a, b in itertools.pairwise(stems))
    assert stems[:3] == pytest.approx([90.0, 100.0, 110.0])
    assert stems[3] == pytest.approx(300.0)
    assert spread([1.0, 2.0], gap=5.0, low=0.0)[0] >= 0.0


def test_pack_rows_never_overlaps_within_a_row():
    extents = [(0, 10), (5, 15), (12, 20), (0, 30), (31, 40)]
    rows = pack_rows(extents, gap=1.0)
    for a, b in itertools.combinations(range(len(extents)), 2):
        if rows[a] == rows[b]:
            (a0, a1), (b0, b1) = extents[a], extents[b]
            assert a1 + 1.0 <= b0 or b1 + 1.0 <= a0
    assert max(rows) == 2


def test_seed_layout_places_every_event_without_overlap():
    document = _seed_document()
    timeline, marks, boxes, owners = _geometry(document)
    assert len(timeline.items) == len(drawn_events(document))
    result = lay_out(marks, boxes, low=0.0, owners=owners, room=WIDTH)
    _check(result, marks, boxes, owners)
    # a handful of labels fits in a couple of lanes on each side
    assert max(result.lanes) <= 2


def test_dense_layout_of_200_events():
    document = dense_document(200)
    _, marks, boxes, owners = _geometry(document, join=14.0)
    assert len(marks) == 200
    result = lay_out(marks, boxes, low=0.0, owners=owners, room=WIDTH)
    _check(result, marks, boxes, owners)


def test_dense_layout_one_label_per_event():
    document = dense_document(200, seed=11)
    _, marks, boxes, owners = _geometry(document)
    result = lay_out(marks, boxes, low=0.0, owners=owners, room=WIDTH)
    _check(result, marks, boxes, owners)


def test_layout_respects_a_right_bound():
    marks = [Mark(x - 3, x + 3, x) for x in (400.0, 700.0, 705.0, 710.0)]
    boxes = [Box(150.0, 30.0)] * 4
    result = lay_out(marks, boxes, low=0.0, high=760.0)
    _check(result, marks, boxes, list(range(4)))
    assert max(rect.x1 for rect in result.labels) <= 760.0


def test_no_fixed_alternation_sparse_labels_share_the_first_lane():
    marks = [Mark(x - 3, x + 3, x) for x in (0.0, 200.0, 400.0, 600.0)]
    boxes = [Box(120.0, 30.0)] * 4
    result = lay_out(marks, boxes)
    assert set(result.sides) == {ABOVE} and set(result.lanes) == {0}


def test_same_place_events_stack_and_fan_out():
    marks = [Mark(97, 103, 100.0)] * 6
    boxes = [Box(140.0, 24.0)] * 6
    result = lay_out(marks, boxes, low=0.0, room=600.0)
    _check(result, marks, boxes, list(range(6)))
    assert BELOW in result.sides  # a cluster uses both sides rather than one tall staircase


def test_shared_label_for_marks_at_one_place():
    marks = [Mark(97, 103, 100.0), Mark(97, 103, 100.0), Mark(297, 303, 300.0)]
    boxes = [Box(100.0, 40.0), Box(100.0, 20.0)]
    result = lay_out(marks, boxes, owners=[0, 0, 1])
    _check(result, marks, boxes, [0, 0, 1])
    with pytest.raises(ValueError):
        lay_out(marks, boxes, owners=[1, 0, 0])


def test_estimate_width_grows_with_text_and_size():
    assert estimate_width("abcd", 10) > estimate_width("ab", 10)
    assert estimate_width("ab\nabcdef", 8) == estimate_width("abcdef", 8)


def test_layout_module_is_free_of_matplotlib():
    source = layout_module.__file__
    with open(source, encoding="utf-8") as handle:
        assert "matplotlib" not in handle.read()


# ---------------------------------------------------------------- axis pieces


def _days(*moments: date) -> list[float]:
    return [to_days(datetime(m.year, m.month, m.day)) for m in moments]


def test_one_old_event_and_a_recent_cluster_cut_the_axis():
    old = _days(date(1994, 3, 1))
    recent = _days(*(date(2024, 6, d) for d in range(1, 21)))
    pieces = split_clusters(old + recent, WIDTH)
    assert len(pieces) == 2
    assert pieces[0][2] == 1 and pieces[1][2] == 20


def test_two_distant_lonely_events_are_not_cut():
    assert len(split_clusters(_days(date(1994, 3, 1), date(2024, 6, 1)), WIDTH)) == 1


def test_evenly_spread_events_are_not_cut():
    positions = _days(*(date(2000 + y, 1, 1) for y in range(25)))
    assert len(split_clusters(positions, WIDTH)) == 1


def test_three_eras_give_three_pieces():
    wide = wide_document()
    timeline = build_timeline(wide, ISO_WORDS)
    positions = [p for i in timeline.items for p in (i.start, i.end)]
    spans = [(i.start, i.end) for i in timeline.items if i.end - i.start > 1]
    pieces = split_clusters(positions, WIDTH, spans=spans)
    assert len(pieces) == 3  # 1994, 2010, June 2024: the 1994 year is never cut in two


def test_a_gap_inside_a_long_event_is_cut_only_when_vast():
    seed_like = _days(date(2023, 9, 1), date(2024, 1, 21), date(2024, 5, 17), date(2024, 6, 16))
    seed_like += _days(date(2024, 6, 18), date(2024, 6, 20), date(2024, 6, 22))
    since = (seed_like[0], seed_like[-1])
    assert len(split_clusters(seed_like, WIDTH, spans=[since])) == 1
    decades = _days(date(1990, 1, 1)) + seed_like[3:]
    assert len(split_clusters(decades, WIDTH, spans=[(decades[0], decades[-1])])) == 2


def test_scale_maps_monotonically_and_leaves_room_for_zones():
    positions = _days(date(1994, 3, 1), *(date(2024, 6, d) for d in range(1, 21)))
    scale = plan_scale(positions, WIDTH, earlier=True, later=True)
    kinds = [s.kind for s in scale.segments]
    assert kinds[0] == "earlier" and kinds[-1] == "later" and kinds.count("dated") == 2
    assert scale.width == pytest.approx(WIDTH)
    for left, right in itertools.pairwise(scale.segments):
        assert left.x1 < right.x0
    xs = [scale.x(t) for t in sorted(positions)]
    assert xs == sorted(xs)
    assert scale.zone_x("earlier") < xs[0] and xs[-1] < scale.zone_x("later")
    for segment in scale.dated:
        assert segment.width >= ScaleSettings().min_segment - 1e-6
    assert len(scale.breaks) == 3


# ---------------------------------------------------------------- dates and items


def test_month_names_come_from_the_language_data():
    indonesian = date_words("id")
    assert indonesian.full[5] == "Juni" and indonesian.short[7] == "Agu"
    assert date_words("en").full[4] == "May"
    assert not date_words("xx").named


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        ((2023, 9, 1), (2023, 10, 1), "id", "September 2023"),
        ((2024, 6, 16), (2024, 6, 20), "id", "16–19 Jun 2024"),
        ((2024, 1, 21), (2024, 6, 22), "id", "21 Jan – 21 Jun 2024"),
        ((2023, 1, 1), (2024, 1, 1), "en", "2023"),
        ((2020, 1, 1), (2030, 1, 1), "en", "2020–2029"),
        ((2024, 6, 16), (2024, 6, 20), "en", "Jun 16–19, 2024"),
        ((2024, 6, 16), (2024, 6, 17), "xx", "2024-06-16"),
    ],
)
def test_span_text(start, end, lang, expected):
    assert span_text(datetime(*start), datetime(*end), date_words(lang)) == expected


def _event(n: int, **fields) -> Event:
    return Event(id=f"e{n}", text=f"event {n}", span=(n, n + 1), **fields)


def test_items_keep_every_event_and_read_the_vague_ones():
    document = Document(
        id="d",
        published="2024-06-21",
        lang="en",
        events=[
            _event(1, value="PAST_REF", type="DATE", approximate=True),
            _event(2, start="2023-09-01", end="2024-06-22", value="2023-09", relation="since"),
            _event(3, start="2024-05-17", end="2024-06-22", value="PXW", approximate=True),
            _event(4, start="2024-06-20T14:00+07:00", end="2024-06-20T15:00+07:00", value="T"),
            _event(5, value="FUTURE_REF", type="DATE", approximate=True),
            _event(6, value="P3M", type="DURATION"),
        ],
        undated_events=[_event(7)],
    )
    timeline = build_timeline(document, date_words("en"))
    by_id = {item.event_id: item for item in timeline.items}
    assert [i.event_id for i in timeline.items] == ["e1", "e2", "e3", "e4", "e5"]
    assert by_id["e1"].zone == "earlier" and by_id["e5"].zone == "later"
    assert by_id["e2"].open_end and by_id["e2"].when == "September 2023 →"
    assert by_id["e3"].fuzzy_start and not by_id["e3"].fuzzy_end  # ends at publication
    assert by_id["e4"].when == "Jun 20, 2024 14:00–15:00"
    assert [e.id for e in timeline.undated] == ["e6", "e7"]  # nothing is silently dropped


@pytest.mark.parametrize("which", ["seed", "dense", "wide"])
def test_the_real_plan_with_measured_text_has_no_overlaps(which):
    """The invariants on the plan the renderer draws (boxes sized by the font, not estimated)."""
    from timeline import extract
    from timeline.render.plot import PlotOptions, TextMeter, plan

    if which == "seed":
        document = extract(SEED.read_text(encoding="utf-8"), SEED_PUBLISHED, lang="id")
    elif which == "dense":
        document = dense_document(200)
    else:
        document = wide_document()
    timeline = build_timeline(document, date_words(document.lang))
    # a bound high enough for all 200 dense events: the layout itself is under test here
    result = plan(timeline, PlotOptions(max_height=100.0), TextMeter())
    layout = result.layout
    assert layout.crossings == 0
    for first, second in itertools.combinations(layout.labels, 2):
        assert not first.intersects(second)
    for label in layout.labels:
        for mark in layout.marks:
            assert not label.intersects(mark)
        assert label.y1 <= layout.band[0] + 1e-6 or label.y0 >= layout.band[1] - 1e-6
    assert len(layout.marks) == len([i for i in timeline.items])


def test_a_narrow_picture_wraps_its_subtitle_and_undated_note_inside_the_width():
    """At 3 inches the subtitle and the undated-events heading no longer fit on one line: they
    wrap, and every line of them measures within the page's margins."""
    from timeline import extract
    from timeline.render.plot import EDGE, SMALL, PlotOptions, TextMeter, plan

    document = extract(SEED.read_text(encoding="utf-8"), SEED_PUBLISHED, lang="id")
    meter = TextMeter()
    result = plan(build_timeline(document, date_words("id")), PlotOptions(width=3.0), meter)
    room = result.width - 2 * EDGE
    assert len(result.subtitle) > 1
    for line in result.subtitle:
        assert meter.width(line, SMALL + 0.5) <= room
    bold = [line for line, is_bold in result.note_lines if is_bold]
    assert len(bold) > 1  # the heading wrapped
    for line, is_bold in result.note_lines:
        assert meter.width(line, SMALL, is_bold) <= room
