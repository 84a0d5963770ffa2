"""Draw a Document as a timeline picture (PNG, SVG or PDF) with matplotlib.

The only module that imports matplotlib, and only inside its functions: importing it costs half
a second, which `timeline resolve` must not pay. Everything is drawn in one axes whose data units
are points, so the layout computed by `timeline.render.layout` is drawn exactly as computed.

The same Document always gives the same bytes: no timestamps in the files, a fixed SVG hash
salt, fixed fonts and rcParams, and no dependence on the process locale.
"""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from timeline.models.document import Document
from timeline.render.dates import DateWords, date_words, from_days
from timeline.render.glyphs import GlyphFilter
from timeline.render.items import Item, Timeline, build_timeline
from timeline.render.layout import Box, Layout, Mark, Settings, lay_out
from timeline.render.scale import TimeScale, plan_scale
from timeline.render.words import PictureWords, picture_words

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = ("png", "svg", "pdf")
POINTS = 72.0

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "background": "#ffffff",
        "text": "#1f2328",
        "muted": "#5b6470",
        "faint": "#e6e9ee",
        "zone": "#f3f4f7",
        "line": "#b8bec8",
        "event": "#2563a8",
        "vague": "#7c6f9f",
        "published": "#c2410c",
        "box": "#ffffff",
        "box_edge": "#c9cfd8",
    },
    "dark": {
        "background": "#15181d",
        "text": "#e6e8eb",
        "muted": "#a2a9b4",
        "faint": "#2a2f37",
        "zone": "#1d2128",
        "line": "#59616d",
        "event": "#6aa8ef",
        "vague": "#b3a6dc",
        "published": "#fb8c4a",
        "box": "#20252c",
        "box_edge": "#3d4450",
    },
}

RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    # Unhinted glyphs have the same advance at every dpi, so text measured once fits its box
    # in PNG at any resolution as well as in SVG and PDF.
    "text.hinting": "no_hinting",
    "svg.hashsalt": "timeline",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "date.epoch": "1970-01-01T00:00:00",
    "path.simplify": False,
    "axes.unicode_minus": True,
}
METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}


@dataclass(frozen=True)
class PlotOptions:
    """What the user asked for; None means 'work it out from the content'."""

    title: str | None = None
    width: float = 12.0
    height: float | None = None
    dpi: float = 150.0
    theme: str = "light"
    language: str | None = None
    """Language of the picture's own words and dates; None: the document's."""
    max_height: float = 30.0
    """Inches. A taller picture leaves out the least told events (and says how many)."""


@dataclass(frozen=True)
class Note:
    """Something the user should know about the picture; a warning when content was changed."""

    text: str
    warning: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Style:
    """Text sizes and wrapping; a denser style is tried when a fixed height is too small."""

    label_size: float = 8.0
    date_size: float = 7.5
    wrap: int = 30
    """Characters per line of a description..."""
    lines: int = 3
    """...and at most this many lines of it (the last ends in '…' when text was cut)."""
    pad: float = 3.0
    mark: float = 1.0
    """Size of marks and their rows, relative to the normal style."""


STYLES = (
    Style(wrap=32, lines=4),
    Style(),
    Style(label_size=7.5, date_size=7.0, wrap=28, lines=2),
    Style(label_size=7.0, date_size=6.5, wrap=24, lines=2, pad=2.5),
)
COMPACT = (
    Style(label_size=7.0, date_size=6.5, wrap=44, lines=1, pad=2.5, mark=0.65),
    Style(label_size=6.5, date_size=6.0, wrap=36, lines=1, pad=2.0, mark=0.6),
)
ROOMY_UPTO = 12
"""With at most this many labels, descriptions get four lines (STYLES[0])."""
COMPACT_FROM = 30
"""With more labels than this, each event gets one line: a taller picture would not be read."""
JOIN = 14.0
"""In compact pictures, events whose marks are this close (points) share a label..."""
MAX_GROUP = 8
"""...up to this many, so that no label grows too tall (events told at the same time always
share one: they have one mark position and one date)."""

MARKER_RADIUS = 3.6
PILL = 2.4
"""A short period's mark is this much longer on each side than a point's."""
WHISKER = 7.0
LEFT = 14.0
EDGE = 10.0
TITLE_SIZE = 13.0
SMALL = 7.5


class TextMeter:
    """Measures text in points from the font's own (unhinted) glyph advances.

    Summing advances (cached per character) matches the width matplotlib draws with
    RC["text.hinting"] to a fraction of a point, and is much faster than laying out every
    candidate line with the renderer.
    """

    REFERENCE = 100.0

    def __init__(self) -> None:
        self._fonts: dict[tuple[bool, bool], Any] = {}
        self._advances: dict[tuple[str, bool, bool], float] = {}

    def _font(self, bold: bool, italic: bool) -> Any:
        from matplotlib.font_manager import FontProperties, findfont, get_font

        key = (bold, italic)
        if key not in self._fonts:
            properties = FontProperties(
                family="DejaVu Sans",
                weight="bold" if bold else "normal",
                style="italic" if italic else "normal",
            )
            self._fonts[key] = get_font(findfont(properties))
        return self._fonts[key]

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        from matplotlib.ft2font import LoadFlags

        total = 0.0
        for char in text:
            key = (char, bold, italic)
            advance = self._advances.get(key)
            if advance is None:
                font = self._font(bold, italic)
                font.set_size(self.REFERENCE, POINTS)  # the renderer shares and resizes it
                glyph = font.load_char(ord(char), flags=LoadFlags.NO_HINTING)
                advance = glyph.linearHoriAdvance / 65536
                self._advances[key] = advance
            total += advance
        return total * size / self.REFERENCE


LINE = 1.25
"""Line height in ems. matplotlib (3.11) gives each line of a text with a numeric linespacing
exactly linespacing x (ascent + descent) of the font, which is one em for DejaVu Sans."""


def line_height(size: float) -> float:
    return size * LINE


@dataclass(frozen=True)
class LabelText:
    when: str
    lines: tuple[str, ...]


def _wrapped(text: str, style: Style, lines: int, bullet: bool) -> list[str]:
    """`text` wrapped to at most `lines` lines; the last ends in '…' when text was cut."""
    width = style.wrap - (2 if bullet else 0)
    wrapped = textwrap.wrap(text, width=width, break_long_words=True) or ["…"]
    if len(wrapped) > lines:
        kept = wrapped[:lines]
        last = kept[-1].rstrip(" .,;:…")
        if len(last) > width - 1:
            last = last[: width - 1].rstrip()
        kept[-1] = last + "…"
        wrapped = kept
    if bullet:
        wrapped = ["• " + wrapped[0]] + ["   " + line for line in wrapped[1:]]
    return wrapped


def label_text(items: list[Item], style: Style, phrases: PictureWords | None = None) -> LabelText:
    """One label for events drawn together: the shared date once, then each description.

    Events grouped only because they are close (dense pictures) keep their own date in front
    of their line, and the heading says how many there are.
    """
    lines: list[str] = []
    per_event = style.lines if len(items) == 1 else min(style.lines, 2)
    if len({item.when for item in items}) == 1:
        for item in items:
            lines += _wrapped(item.text, style, per_event, bullet=len(items) > 1)
        return LabelText(items[0].when, tuple(lines))
    for item in items:
        lines += _wrapped(f"{item.when}: {item.text}", style, per_event, bullet=True)
    heading = (phrases or picture_words("en")).say("group", len(items))
    return LabelText(heading, tuple(lines))


def label_groups(items: tuple[Item, ...], anchors: list[float], join: float) -> list[int]:
    """The label of each item: neighbours told at the same time share one label, and with
    `join` > 0 so do neighbours whose marks lie within `join` points of the group's first.

    Dense pictures need the second kind: with vertical leaders that never cross a label, the
    lanes needed grow with label width over leader spacing, so fewer, taller labels win.
    """
    owners: list[int] = []
    previous: tuple[object, ...] | None = None
    first_anchor = 0.0
    zone = None
    size = 0
    for item, anchor in zip(items, anchors, strict=True):
        key = (item.zone, item.when, item.start, item.end, item.open_end)
        near = join > 0 and item.zone == zone and abs(anchor - first_anchor) <= join
        if owners and (key == previous or (near and size < MAX_GROUP)):
            owners.append(owners[-1])
            size += 1
        else:
            owners.append(owners[-1] + 1 if owners else 0)
            first_anchor = anchor
            zone = item.zone
            size = 1
        previous = key
    return owners


def measure_label(text: LabelText, style: Style, meter: TextMeter) -> Box:
    widths = [meter.width(text.when, style.date_size, bold=True)]
    widths += [meter.width(line, style.label_size) for line in text.lines]
    height = line_height(style.date_size) + len(text.lines) * line_height(style.label_size)
    return Box(max(widths) + 2 * style.pad + 1.0, height + 2 * style.pad)


@dataclass
class Plan:
    """Everything measured and placed, ready to draw."""

    timeline: Timeline
    style: Style
    scale: TimeScale
    axis_left: float
    layout: Layout
    texts: list[LabelText]
    owners: list[int]
    kinds: list[str]
    width: float
    height: float
    title_lines: list[str]
    subtitle: list[str]  # lines: a narrow picture breaks it between its parts
    note_lines: list[tuple[str, bool]]  # (line, bold)
    legend: list[tuple[str, float, int]]
    """Legend entries with their x and row."""
    legend_height: float
    axis_height: float
    join: float = 0.0
    extra: float = 0.0


def _positions(timeline: Timeline) -> list[float]:
    positions = [timeline.published + 0.5]
    for item in timeline.items:
        if item.zone != "dated":
            continue
        assert item.start is not None and item.end is not None
        if item.end - item.start <= 1.0:
            positions.append((item.start + item.end) / 2)
        else:
            positions += [item.start, item.end]
    return positions


def _marks(
    timeline: Timeline, scale: TimeScale, offset: float, size: float
) -> tuple[list[Mark], list[str]]:
    """Each item's extent on the axis and how it is drawn: point, bar, or a zone marker."""
    radius = MARKER_RADIUS * size
    marks: list[Mark] = []
    kinds: list[str] = []
    for item in timeline.items:
        if item.zone != "dated":
            x = scale.zone_x(item.zone) + offset
            marks.append(Mark(x - radius - 1, x + radius + 1, x))
            kinds.append("zone")
            continue
        assert item.start is not None and item.end is not None
        x0 = scale.x(item.start) + offset
        x1 = scale.x(item.end) + offset
        if item.end - item.start <= 1.0 or x1 - x0 < 2 * radius + 2:
            # a period too short to see at this scale is a pill, not a dot: the legend must
            # not call a week "a day or less"
            x = (x0 + x1) / 2
            body = radius + (PILL * size if item.end - item.start > 1.0 else 0.0)
            reach = body + (WHISKER * size if item.uncertain else 0.0)
            marks.append(Mark(x - reach, x + reach, x))
            kinds.append("point" if item.end - item.start <= 1.0 else "short")
        else:
            marks.append(Mark(x0, x1, x0 + min(8.0, (x1 - x0) / 2)))
            kinds.append("bar")
    return marks, kinds


def plan(timeline: Timeline, options: PlotOptions, meter: TextMeter) -> Plan:
    """Measure, scale and lay out within the height bound: --height when given, else
    --max-height. Denser text styles are tried first; if even the densest is too tall, the
    least told events are left out (the picture and a note say how many)."""
    bound = (options.height if options.height is not None else options.max_height) * POINTS
    chosen = _styled(timeline, options, meter, bound)
    if chosen.height > bound + 0.5 and len(timeline.items) > 1:
        chosen = _bounded(timeline, options, meter, bound)
    wanted = None if options.height is None else options.height * POINTS
    if wanted is not None and chosen.height < wanted - 0.5:
        if chosen.timeline.items:  # longer leaders fill the height
            extra = wanted - chosen.height
            chosen = _plan_with(chosen.timeline, options, meter, chosen.style, chosen.join, extra)
        if chosen.height < wanted:  # nothing to stretch (or rounding): pad the margins
            chosen.extra = wanted - chosen.height
            chosen.height = wanted
    return chosen


def _styled(timeline: Timeline, options: PlotOptions, meter: TextMeter, bound: float) -> Plan:
    """The plan in the first text style, by the number of labels, whose height is within
    `bound`, or in the densest style when none is."""
    chosen: Plan | None = None
    exact = label_groups(timeline.items, [0.0] * len(timeline.items), 0.0)
    count = max(exact, default=0) + 1
    styles = COMPACT if count > COMPACT_FROM else STYLES if count <= ROOMY_UPTO else STYLES[1:]
    compact = styles is COMPACT
    for style in styles:
        chosen = _plan_with(timeline, options, meter, style, JOIN if compact else 0.0)
        if chosen.height <= bound + 0.5:
            break
    assert chosen is not None
    return chosen


BOUNDED_TRIALS = 400
"""A bounded picture draws at most this many events: the search for how many fit plans the
picture about nine times, and a 3 MB text has thousands (a 30-inch picture holds a few hundred
one-line labels at most)."""


def _bounded(timeline: Timeline, options: PlotOptions, meter: TextMeter, bound: float) -> Plan:
    """The plan of the most important events that fits within `bound` (bisection on how many:
    the height grows with the events drawn). At least one event is drawn."""
    ranked = sorted(range(len(timeline.items)), key=lambda i: timeline.items[i].importance)

    def keeping(count: int) -> Plan:
        kept = set(ranked[:count])
        items = tuple(item for i, item in enumerate(timeline.items) if i in kept)
        left = tuple(item for i, item in enumerate(timeline.items) if i not in kept)
        return _styled(replace(timeline, items=items, left_out=left), options, meter, bound)

    low, high = 1, min(len(timeline.items) - 1, BOUNDED_TRIALS)
    best = keeping(low)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = keeping(middle)
        if candidate.height <= bound + 0.5:
            low, best = middle, candidate
        else:
            high = middle - 1
    return best


@dataclass
class Attempt:
    scale: TimeScale
    layout: Layout
    kinds: list[str]
    owners: list[int]
    texts: list[LabelText]


def _plan_with(
    timeline: Timeline,
    options: PlotOptions,
    meter: TextMeter,
    style: Style,
    join: float,
    extra: float = 0.0,
) -> Plan:
    width = options.width * POINTS
    positions = _positions(timeline)
    earlier = any(item.zone == "earlier" for item in timeline.items)
    later = any(item.zone == "later" for item in timeline.items)
    intervals = [
        (item.start, item.end)
        for item in timeline.items
        if item.start is not None and item.end is not None and item.end - item.start > 1.0
    ]

    text_cache: dict[tuple[int, ...], LabelText] = {}

    def attempt(margin: float, bounded: bool = False) -> Attempt:
        axis_width = max(width - LEFT - margin, 120.0)
        scale = plan_scale(positions, axis_width, earlier=earlier, later=later, spans=intervals)
        marks, kinds = _marks(timeline, scale, LEFT, style.mark)
        owners = label_groups(timeline.items, [m.anchor for m in marks], join)
        grouped: list[list[Item]] = [[] for _ in range(max(owners, default=-1) + 1)]
        for item, owner in zip(timeline.items, owners, strict=True):
            grouped[owner].append(item)
        texts = []
        for group in grouped:
            key = tuple(id(item) for item in group)
            if key not in text_cache:
                text_cache[key] = label_text(group, style, timeline.phrases)
            texts.append(text_cache[key])
        boxes = [measure_label(text, style, meter) for text in texts]
        settings = Settings(
            row_height=11.0 * style.mark, mark_height=8.0 * style.mark, extra_room=extra
        )
        layout = lay_out(
            marks,
            boxes,
            settings,
            low=EDGE / 2,
            owners=owners,
            room=axis_width,
            high=width - EDGE / 2 if bounded else float("inf"),
        )
        return Attempt(scale, layout, kinds, owners, texts)

    # The smallest right margin that lets the last labels (which face right) fit.
    low, high = EDGE, width * 0.3
    best = attempt(low)
    if best.layout.right > width - EDGE:
        best = attempt(high)
        if best.layout.right > width - EDGE:  # even the widest margin is not enough: pin them
            best = attempt(high, bounded=True)
        else:
            for _ in range(7):
                middle = (low + high) / 2
                result = attempt(middle)
                if result.layout.right <= width - EDGE:
                    high, best = middle, result
                else:
                    low = middle
    scale, layout, kinds = best.scale, best.layout, best.kinds
    owners, texts = best.owners, best.texts

    title_lines = _wrap_to(timeline.title, TITLE_SIZE, width - 2 * EDGE, meter, bold=True)
    if len(title_lines) > 2:
        title_lines = [
            title_lines[0],
            _fit(" ".join(title_lines[1:]), TITLE_SIZE, width - 2 * EDGE, meter, bold=True),
        ]
    say = timeline.phrases.say
    every = timeline.items + timeline.left_out
    dated = sum(1 for item in every if item.zone == "dated")
    vague = len(every) - dated
    parts = [say("dated", dated)]
    if vague:
        parts.append(say("vague", vague))
    parts.append(say("undated", len(timeline.undated)))
    if timeline.left_out:
        parts.append(say("shown", len(timeline.items)))
    parts.append(say("published", date=timeline.published_text))
    subtitle = _join_to(parts, "  ·  ", SMALL + 0.5, width - 2 * EDGE, meter)
    note_lines = _undated_note(timeline, width - 2 * EDGE, meter)
    legend, legend_height = _legend_rows(
        _legend_entries(timeline, kinds), width, meter, timeline.phrases
    )
    axis_height = 34.0
    height = (
        EDGE
        + len(note_lines) * line_height(SMALL)
        + (6.0 if note_lines else 0.0)
        + legend_height
        + axis_height
        + layout.height
        + 16.0  # the 'published' caption strip
        + len(title_lines) * line_height(TITLE_SIZE)
        + len(subtitle) * line_height(SMALL + 0.5)
        + EDGE
    )
    return Plan(
        timeline=timeline,
        style=style,
        scale=scale,
        axis_left=LEFT,
        layout=layout,
        texts=texts,
        owners=owners,
        kinds=kinds,
        width=width,
        height=height,
        title_lines=title_lines,
        subtitle=subtitle,
        note_lines=note_lines,
        legend=legend,
        legend_height=legend_height,
        axis_height=axis_height,
        join=join,
    )


def _wrap_to(
    text: str, size: float, width: float, meter: TextMeter, bold: bool = False
) -> list[str]:
    """Wrap `text` into lines that measure at most `width` points (as it is when it fits)."""
    if "\n" not in text and meter.width(text, size, bold) <= width:
        return [text]
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and meter.width(trial, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _join_to(
    parts: list[str], separator: str, size: float, width: float, meter: TextMeter
) -> list[str]:
    """Parts joined by `separator` into lines of at most `width` points, breaking only between
    parts (a part wider than the line stays whole: it can only be cut, never split)."""
    lines: list[str] = []
    for part in parts:
        trial = f"{lines[-1]}{separator}{part}" if lines else part
        if lines and meter.width(trial, size) <= width:
            lines[-1] = trial
        else:
            lines.append(_fit(part, size, width, meter))
    return lines


def _fit(text: str, size: float, width: float, meter: TextMeter, bold: bool = False) -> str:
    """`text` on one line, cut at a word with '…' so that it measures at most `width` points."""
    text = " ".join(text.split())
    if meter.width(text, size, bold) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        trial = " ".join(words).rstrip(" ,;:.") + " …"
        if meter.width(trial, size, bold) <= width:
            return trial
    return text[: max(int(width / (0.6 * size)), 1)] + "…"


UNDATED_LISTED = 6
"""List every undated event when there are at most this many; otherwise the first few and a count."""


def _undated_note(timeline: Timeline, width: float, meter: TextMeter) -> list[tuple[str, bool]]:
    say = timeline.phrases.say
    lines: list[tuple[str, bool]] = []
    if timeline.left_out:
        left = say("left_out", len(timeline.left_out))
        lines += [(line, True) for line in _wrap_to(left, SMALL, width, meter, bold=True)]
    undated = timeline.undated
    if not undated:
        return lines
    count = len(undated)
    shown = undated if count <= UNDATED_LISTED else undated[: UNDATED_LISTED - 1]
    heading = say("undated_heading", count)
    lines += [(line, True) for line in _wrap_to(heading, SMALL, width, meter, bold=True)]
    for event in shown:
        lines.append((_fit(f"•  {event.id}  {event.text}", SMALL, width, meter), False))
    if len(shown) < count:
        more = say("undated_more", count - len(shown))
        lines += [(line, False) for line in _wrap_to(more, SMALL, width, meter)]
    return lines


LEGEND_ROW = 16.0


def _legend_rows(
    entries: list[str], width: float, meter: TextMeter, phrases: PictureWords
) -> tuple[list[tuple[str, float, int]], float]:
    """Legend entries flowed into rows that fit the width; returns them and the block height."""
    placed: list[tuple[str, float, int]] = []
    x, row = EDGE, 0
    for entry in entries:
        span = 22 + meter.width(phrases.say(f"legend_{entry}"), SMALL)
        if x > EDGE and x + span > width - EDGE:
            x, row = EDGE, row + 1
        placed.append((entry, x, row))
        x += span + 22
    return placed, (row + 1) * LEGEND_ROW + 4.0


def _legend_entries(timeline: Timeline, kinds: list[str]) -> list[str]:
    present = set()
    for item, kind in zip(timeline.items, kinds, strict=True):
        if kind == "short":
            present.add(kind)
        if kind == "zone":
            present.add("zone")
        elif item.open_end:
            present.add("since")
        elif item.uncertain:
            present.add("approx")
        else:
            present.add(kind)
    order = ["point", "short", "bar", "approx", "since", "zone"]
    return [entry for entry in order if entry in present] + ["published"]


# ---------------------------------------------------------------- drawing


class Painter:
    """Draws a Plan onto a matplotlib figure whose single axes is measured in points."""

    def __init__(
        self,
        figure: Figure,
        plan: Plan,
        colours: dict[str, str],
        words: DateWords,
        meter: TextMeter,
    ) -> None:
        self.figure = figure
        self.meter = meter
        self.plan = plan
        self.c = colours
        self.words = words
        self.ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
        self.ax.set_xlim(0, plan.width)
        self.ax.set_ylim(0, plan.height)
        self.ax.set_axis_off()
        figure.patch.set_facecolor(colours["background"])
        self.patches: list[Any] = []
        self.radius = MARKER_RADIUS * plan.style.mark
        self.whisker = WHISKER * plan.style.mark
        self.patch_colours: list[Any] = []

    def text(self, x: float, y: float, s: str, **kw: Any) -> None:
        kw.setdefault("color", self.c["text"])
        kw.setdefault("fontsize", SMALL)
        # Text is text: '$5 million ... $3 million' must not become mathematics.
        self.ax.text(x, y, s, parse_math=False, **kw)

    def draw(self) -> None:
        from matplotlib.collections import LineCollection, PatchCollection

        p = self.plan
        note_top = EDGE + len(p.note_lines) * line_height(SMALL) + (6.0 if p.note_lines else 0)
        legend_top = note_top + p.legend_height
        axis_y = legend_top + p.axis_height - 4.0
        base = legend_top + p.axis_height + p.extra / 2
        layout_top = base + p.layout.height
        caption_y = layout_top + 6.0 + p.extra / 2
        self.base = base

        self._zones(axis_y, layout_top)
        self._axis(axis_y, layout_top)
        self._published(axis_y, caption_y)
        leaders = [[(x, y + base) for x, y in line] for line in p.layout.leaders]
        self.ax.add_collection(
            LineCollection(leaders, colors=self.c["line"], linewidths=0.6, zorder=2)
        )
        self._marks()
        self.ax.add_collection(
            PatchCollection(
                self.patches,
                match_original=False,
                facecolors=[c[0] for c in self.patch_colours],
                edgecolors=[c[1] for c in self.patch_colours],
                linewidths=[c[2] for c in self.patch_colours],
                zorder=3,
            )
        )
        self._labels()
        if not p.timeline.items:
            self.text(
                p.axis_left + 8,
                base + p.layout.centre + 3,
                p.timeline.phrases.say("no_events"),
                ha="left",
                va="bottom",
                style="italic",
                color=self.c["muted"],
            )
        self._legend(legend_top - LEGEND_ROW / 2 - 2.0)
        self._note(note_top)
        self._title()

    # -- background: zones, breaks, grid, centre line

    def _zones(self, axis_y: float, top: float) -> None:
        from matplotlib.patches import Rectangle

        left = self.plan.axis_left
        zoomed = self.plan.scale.zoomed
        if zoomed is not None:
            # the magnified days before publication: a lighter band and how much they grow
            self.ax.add_patch(
                Rectangle(
                    (zoomed.x0 + left, axis_y),
                    zoomed.width,
                    top - axis_y,
                    facecolor=self.c["zone"],
                    alpha=0.55,
                    edgecolor="none",
                    zorder=0,
                )
            )
            self.text(
                zoomed.x0 + left + 3,
                axis_y - 17,
                self.plan.timeline.phrases.say("zoomed", round(zoomed.zoom)),
                ha="left",
                va="top",
                style="italic",
                color=self.c["muted"],
            )
        for segment in self.plan.scale.segments:
            if segment.kind == "dated":
                continue
            self.ax.add_patch(
                Rectangle(
                    (segment.x0 + left, axis_y),
                    segment.width,
                    top - axis_y,
                    facecolor=self.c["zone"],
                    edgecolor="none",
                    zorder=0,
                )
            )
            caption = self.plan.timeline.phrases.say(f"{segment.kind}_zone")
            self.text(
                (segment.x0 + segment.x1) / 2 + left,
                axis_y - 5,
                caption,
                ha="center",
                va="top",
                style="italic",
                color=self.c["muted"],
                linespacing=1.1,
            )

    def _axis(self, axis_y: float, top: float) -> None:
        from matplotlib.collections import LineCollection

        p = self.plan
        left = p.axis_left
        centre = self.base + p.layout.centre
        axis_lines, grid, ticks, centre_lines = [], [], [], []
        for segment in p.scale.segments:
            x0, x1 = segment.x0 + left, segment.x1 + left
            axis_lines.append([(x0, axis_y), (x1, axis_y)])
            centre_lines.append([(x0, centre), (x1, centre)])
            if segment.kind != "dated":
                continue
            positions, labels, offset = date_ticks(
                segment.t0, segment.t1, segment.width, self.words
            )
            for t, label in zip(positions, labels, strict=True):
                x = segment.x(t) + left
                if segment is not p.scale.segments[0] and x - x0 < 8:
                    continue
                if segment is not p.scale.segments[-1] and x1 - x < 8:
                    continue
                ticks.append([(x, axis_y), (x, axis_y - 3)])
                grid.append([(x, axis_y), (x, top)])
                self.text(x, axis_y - 5, label, ha="center", va="top", color=self.c["muted"])
            if offset:
                self.text(x1, axis_y - 17, offset, ha="right", va="top", color=self.c["muted"])
        self.ax.add_collection(
            LineCollection(grid, colors=self.c["faint"], linewidths=0.6, zorder=0)
        )
        self.ax.add_collection(
            LineCollection(ticks, colors=self.c["line"], linewidths=0.8, zorder=1)
        )
        self.ax.add_collection(
            LineCollection(axis_lines, colors=self.c["line"], linewidths=1.0, zorder=1)
        )
        self.ax.add_collection(
            LineCollection(centre_lines, colors=self.c["line"], linewidths=1.4, zorder=1)
        )
        breaks = []
        for start, end in p.scale.breaks:
            middle = (start + end) / 2 + left
            for y in (axis_y, centre):
                for dx in (-2.0, 2.0):
                    breaks.append([(middle + dx - 2.5, y - 4), (middle + dx + 2.5, y + 4)])
        self.ax.add_collection(
            LineCollection(breaks, colors=self.c["muted"], linewidths=0.9, zorder=1)
        )

    def _published(self, axis_y: float, caption_y: float) -> None:
        p = self.plan
        x = p.scale.x(p.timeline.published + 0.5) + p.axis_left
        self.ax.plot(
            [x, x],
            [axis_y, caption_y - 1],
            color=self.c["published"],
            linewidth=1.1,
            linestyle=(0, (4, 2.5)),
            zorder=1,
            solid_capstyle="butt",
        )
        caption = p.timeline.phrases.say("published", date=p.timeline.published_text)
        align = "center"
        width = self.meter.width(caption, SMALL, bold=True)
        if x + width / 2 > p.width - EDGE:
            align = "right"
        elif x - width / 2 < EDGE:
            align = "left"
        self.text(
            x,
            caption_y,
            caption,
            ha=align,
            va="bottom",
            color=self.c["published"],
            fontweight="bold",
        )

    # -- marks

    def _add(self, patch: Any, face: Any, edge: Any = "none", width: float = 0.0) -> None:
        self.patches.append(patch)
        self.patch_colours.append((face, edge, width))

    def _marks(self) -> None:
        from matplotlib.colors import to_rgba

        p = self.plan
        for item, kind, rect in zip(p.timeline.items, p.kinds, p.layout.marks, strict=True):
            rect_y = (rect.y0 + rect.y1) / 2 + self.base
            colour = self.c["vague"] if kind == "zone" else self.c["event"]
            if kind == "zone":
                self._diamond((rect.x0 + rect.x1) / 2, rect_y, colour)
            elif kind == "point":
                self._point((rect.x0 + rect.x1) / 2, rect_y, item, colour)
            elif kind == "short":
                self._point((rect.x0 + rect.x1) / 2, rect_y, item, colour, PILL * p.style.mark)
            else:
                self._bar(rect.x0, rect.x1, rect_y, item, to_rgba(colour))

    def _diamond(self, x: float, y: float, colour: str) -> None:
        from matplotlib.patches import Polygon

        r = self.radius + 0.8
        shape = Polygon([(x - r, y), (x, y + r), (x + r, y), (x, y - r)], closed=True)
        self._add(shape, self.c["background"], colour, 1.3)

    def _point(self, x: float, y: float, item: Item, colour: str, stretch: float = 0.0) -> None:
        """A dot (a day or less) or, `stretch` points longer on each side, a pill (a period
        too short for the scale); hollow with whiskers when the time is approximate."""
        from matplotlib.patches import Rectangle

        shape = self._pill(x, y, stretch)
        if item.uncertain:
            for side in (-1, 1):
                for step in range(4):
                    start = x + side * (self.radius + stretch + step * self.whisker / 4)
                    alpha = 0.8 - step * 0.18
                    piece = Rectangle(
                        (min(start, start + side * self.whisker / 4), y - 0.6),
                        self.whisker / 4,
                        1.2,
                    )
                    self._add(piece, _with_alpha(colour, alpha))
            self._add(shape, self.c["background"], colour, 1.4)
        else:
            self._add(shape, colour, self.c["background"], 0.8)

    def _pill(self, x: float, y: float, stretch: float) -> Any:
        from matplotlib.patches import Circle, FancyBboxPatch

        if stretch <= 0:
            return Circle((x, y), self.radius)
        r = self.radius
        return FancyBboxPatch(
            (x - r - stretch, y - r),
            2 * (r + stretch),
            2 * r,
            boxstyle=f"round,pad=0,rounding_size={r:.3f}",
        )

    def _bar(self, x0: float, x1: float, y: float, item: Item, colour: Any) -> None:
        from matplotlib.patches import Polygon, Rectangle

        height = 6.0 * self.plan.style.mark
        length = x1 - x0
        fade = min(0.4 * length, 36.0)
        steps = 8
        solid0 = x0 + (fade if item.fuzzy_start else 0.0)
        solid1 = x1 - (fade if (item.fuzzy_end or item.open_end) else 0.0)
        if solid1 > solid0:
            self._add(Rectangle((solid0, y - height / 2), solid1 - solid0, height), colour)
        for side, active, origin in (
            (-1, item.fuzzy_start, solid0),
            (1, item.fuzzy_end or item.open_end, solid1),
        ):
            if not active:
                continue
            for step in range(steps):
                alpha = 0.9 * (1 - (step + 0.5) / steps) + 0.08
                a = origin + side * step * fade / steps
                b = origin + side * (step + 1) * fade / steps
                self._add(
                    Rectangle((min(a, b), y - height / 2), abs(b - a) + 0.05, height),
                    _with_alpha(colour, alpha),
                )
        if item.open_end:
            tip = [(x1, y), (x1 - 4.5, y + height / 2 + 1.2), (x1 - 4.5, y - height / 2 - 1.2)]
            self._add(Polygon(tip, closed=True), _with_alpha(colour, 0.55))

    # -- labels, legend, note, title

    def _labels(self) -> None:
        from matplotlib.patches import FancyBboxPatch

        p = self.plan
        s = p.style
        boxes = []
        firsts: dict[int, Item] = {}
        for item, owner in zip(p.timeline.items, p.owners, strict=True):
            firsts.setdefault(owner, item)
        for j, (text, rect) in enumerate(zip(p.texts, p.layout.labels, strict=True)):
            item = firsts[j]
            y1 = rect.y1 + self.base
            boxes.append(
                FancyBboxPatch(
                    (rect.x0, rect.y0 + self.base),
                    rect.x1 - rect.x0,
                    rect.y1 - rect.y0,
                    boxstyle="round,pad=0,rounding_size=2.5",
                )
            )
            colour = self.c["vague"] if item.zone != "dated" else self.c["event"]
            self.text(
                rect.x0 + s.pad,
                y1 - s.pad,
                text.when,
                ha="left",
                va="top",
                fontsize=s.date_size,
                fontweight="bold",
                color=colour,
                linespacing=LINE,
                zorder=5,
            )
            self.text(
                rect.x0 + s.pad,
                y1 - s.pad - line_height(s.date_size),
                "\n".join(text.lines),
                ha="left",
                va="top",
                fontsize=s.label_size,
                linespacing=LINE,
                zorder=5,
            )
        from matplotlib.collections import PatchCollection

        self.ax.add_collection(
            PatchCollection(
                boxes,
                facecolors=self.c["box"],
                edgecolors=self.c["box_edge"],
                linewidths=0.6,
                zorder=4,
            )
        )

    def _legend(self, y: float) -> None:
        from matplotlib.patches import Circle

        top = y
        for entry, x, row in self.plan.legend:
            y = top - row * LEGEND_ROW
            if entry == "point":
                self._add_now(Circle((x + 6, y), self.radius), self.c["event"])
            elif entry == "short":
                self._add_now(self._pill(x + 6, y, PILL * self.plan.style.mark), self.c["event"])
            elif entry == "bar":
                self._legend_bar(x, y, False, False, False)
            elif entry == "approx":
                self._legend_bar(x, y, True, True, False)
            elif entry == "since":
                self._legend_bar(x, y, False, False, True)
            elif entry == "zone":
                self._legend_diamond(x + 6, y)
            else:
                self.ax.plot(
                    [x + 6, x + 6],
                    [y - 6, y + 6],
                    color=self.c["published"],
                    linewidth=1.1,
                    linestyle=(0, (3, 2)),
                )
            caption = self.plan.timeline.phrases.say(f"legend_{entry}")
            self.text(x + 22, y, caption, va="center", color=self.c["muted"])

    def _add_now(self, patch: Any, face: str, edge: str = "none", width: float = 0.0) -> None:
        patch.set_facecolor(face)
        patch.set_edgecolor(edge)
        patch.set_linewidth(width)
        self.ax.add_patch(patch)

    def _legend_bar(self, x: float, y: float, fuzzy0: bool, fuzzy1: bool, open_end: bool) -> None:
        from matplotlib.colors import to_rgba

        saved = self.patches, self.patch_colours
        self.patches, self.patch_colours = [], []
        probe = Item(
            "", "", "", "dated", 0, 1, fuzzy_start=fuzzy0, fuzzy_end=fuzzy1, open_end=open_end
        )
        self._bar(x, x + 18, y, probe, to_rgba(self.c["event"]))
        for patch, (face, edge, width) in zip(self.patches, self.patch_colours, strict=True):
            self._add_now(patch, face, edge, width)
        self.patches, self.patch_colours = saved

    def _legend_diamond(self, x: float, y: float) -> None:
        saved = self.patches, self.patch_colours
        self.patches, self.patch_colours = [], []
        self._diamond(x, y, self.c["vague"])
        for patch, (face, edge, width) in zip(self.patches, self.patch_colours, strict=True):
            self._add_now(patch, face, edge, width)
        self.patches, self.patch_colours = saved

    def _note(self, top: float) -> None:
        y = top - 6.0
        for index, (line, bold) in enumerate(self.plan.note_lines):
            self.text(
                EDGE,
                y - index * line_height(SMALL),
                line,
                va="top",
                color=self.c["text"] if bold else self.c["muted"],
                fontweight="bold" if bold else "normal",
            )

    def _title(self) -> None:
        p = self.plan
        y = p.height - EDGE
        for line in p.title_lines:
            self.text(EDGE, y, line, va="top", fontsize=TITLE_SIZE, fontweight="bold")
            y -= line_height(TITLE_SIZE)
        for line in p.subtitle:
            self.text(EDGE, y - 1, line, va="top", fontsize=SMALL + 0.5, color=self.c["muted"])
            y -= line_height(SMALL + 0.5)


def _with_alpha(colour: Any, alpha: float) -> tuple[float, float, float, float]:
    from matplotlib.colors import to_rgba

    r, g, b, _ = to_rgba(colour)
    return (r, g, b, alpha)


_MONTH = re.compile("\ue000([0-9]{2})\ue001")
_YEAR = re.compile("[0-9]{4}")


def date_ticks(
    t0: float | None, t1: float | None, width: float, words: DateWords
) -> tuple[list[float], list[str], str]:
    """Tick positions, labels and the offset caption for one piece of the axis.

    matplotlib chooses the ticks (days to centuries); month names are put in afterwards from
    the language data, through a placeholder, because strftime would use the C locale.
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    assert t0 is not None and t1 is not None
    locator = AutoDateLocator(minticks=3, maxticks=max(3, int(width / 52)))
    with warnings.catch_warnings():  # it warns, then copes, when no interval fits exactly
        warnings.simplefilter("ignore")
        values = [float(v) for v in locator.tick_values(from_days(t0), from_days(t1))]
    values = [v for v in values if t0 <= v <= t1]
    if not values:
        return [], [], ""
    month = "\ue000%m\ue001" if words.named else "%m"
    if not words.named:
        formats = ["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S.%f"]
        zero = ["", "%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M"]
        offsets = ["", "%Y", "%Y-%m", "%Y-%m-%d", "%Y-%m-%d", "%Y-%m-%d %H:%M"]
    else:
        day_month = f"{month} %d" if words.order.startswith("M") else f"%d {month}"
        full = f"{month} %d, %Y" if words.order.startswith("M") else f"%d {month} %Y"
        formats = ["%Y", month, "%d", "%H:%M", "%H:%M", "%S.%f"]
        zero = ["", "%Y", month, day_month, "%H:%M", "%H:%M"]
        offsets = ["", "%Y", f"{month} %Y", full, full, f"{full} %H:%M"]
    formatter = ConciseDateFormatter(
        locator, formats=formats, zero_formats=zero, offset_formats=offsets
    )
    labels = [_named(label, words) for label in formatter.format_ticks(values)]
    offset = _named(formatter.get_offset(), words)
    if not offset and not _YEAR.search(labels[0]):
        # ConciseDateFormatter names a year only at its first tick; the ticks before it
        # (Sep, Oct, Nov of the previous year) would otherwise have no year at all.
        labels[0] += f"\n{from_days(values[0]).year}"
    return values, labels, offset


def _named(text: str, words: DateWords) -> str:
    return _MONTH.sub(lambda m: words.month(int(m.group(1)), short=True), text)


# ---------------------------------------------------------------- entry points


def _prepare(
    document: Document, options: PlotOptions
) -> tuple[Plan, DateWords, TextMeter, list[Note]]:
    language = options.language or document.lang
    words = date_words(language)
    glyphs = GlyphFilter()
    timeline = build_timeline(
        document, words, options.title, phrases=picture_words(language), clean=glyphs
    )
    meter = TextMeter()
    prepared = plan(timeline, options, meter)
    warning = glyphs.warning()
    return prepared, words, meter, [] if warning is None else [Note(warning, warning=True)]


def render(
    document: Document, fmt: str, options: PlotOptions = PlotOptions()
) -> tuple[bytes, list[Note]]:
    """The picture as bytes in `fmt` (png, svg, pdf), plus notes worth telling the user.

    A bare Figure (no pyplot) saves through the file format's own canvas, so this works
    headless and leaves the caller's backend alone; the command forces Agg for itself.
    """
    import matplotlib
    from matplotlib.figure import Figure

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if options.theme not in THEMES:
        raise ValueError(f"unknown theme {options.theme!r}")
    with matplotlib.rc_context(RC):  # type: ignore[arg-type]  # matplotlib types keys as Literals
        prepared, words, meter, warnings = _prepare(document, options)
        figure = Figure(
            figsize=(prepared.width / POINTS, prepared.height / POINTS), dpi=options.dpi
        )
        Painter(figure, prepared, THEMES[options.theme], words, meter).draw()
        picture = figure_bytes(figure, fmt, options.dpi)
    return picture, warnings + _notes(prepared, options)


def figure_bytes(figure: Figure, fmt: str, dpi: float) -> bytes:
    """A drawn figure as the bytes of its file, with the format's metadata (no dates, so the
    same picture gives the same bytes) and, for PNG, a faster compression level for the same
    pixels."""
    buffer = io.BytesIO()
    extra: dict[str, Any] = {"pil_kwargs": {"compress_level": 3}} if fmt == "png" else {}
    figure.savefig(
        buffer,
        format=fmt,
        dpi=dpi,
        metadata=METADATA[fmt],
        facecolor=figure.get_facecolor(),
        **extra,
    )
    return buffer.getvalue()


def show(document: Document, options: PlotOptions = PlotOptions()) -> list[Note]:
    """Open the picture in an interactive window (when the platform has one)."""
    import matplotlib
    import matplotlib.pyplot as plt

    with matplotlib.rc_context(RC):  # type: ignore[arg-type]  # matplotlib types keys as Literals
        prepared, words, meter, warnings = _prepare(document, options)
        figure = plt.figure(figsize=(prepared.width / POINTS, prepared.height / POINTS))
        Painter(figure, prepared, THEMES[options.theme], words, meter).draw()
    notes = warnings + _notes(prepared, options)
    if plt.get_backend().lower() in ("agg", "pdf", "svg", "ps", "cairo", "template"):
        notes.append(Note("no interactive display available; --show ignored"))
        plt.close(figure)
        return notes
    plt.show()
    return notes


def _notes(prepared: Plan, options: PlotOptions) -> list[Note]:
    timeline = prepared.timeline
    notes = [Note(note) for note in timeline.notes]
    if timeline.left_out:
        total = len(timeline.items) + len(timeline.left_out)
        limit = (
            f"--height {options.height:g}"
            if options.height is not None
            else f"--max-height {options.max_height:g}"
        )
        notes.append(
            Note(
                f"{len(timeline.left_out)} of {total} events left out (the least told) to keep "
                f"the picture within {limit} inches (the JSON of `timeline extract` has them all)",
                warning=True,
            )
        )
    if options.height is not None and prepared.height > options.height * POINTS + 0.5:
        notes.append(
            Note(
                f"--height {options.height:g} is too small for {len(timeline.items)} labels; "
                f"used {prepared.height / POINTS:.1f}"
            )
        )
    if prepared.layout.crossings:
        notes.append(
            Note(f"{prepared.layout.crossings} leader line(s) cross a label: use a wider --width")
        )
    return notes
