"""The picture of a story (`timeline plot STORY.json`): the most reported happenings on one axis.

Drawn with the article picture's own machinery (plot.py: measuring, the broken time axis, the
label layout, the painter), so a story looks like an article's timeline and gains whatever that
code learns. What differs:

- only the `top` most salient happenings are drawn (ties: the more often told, then the nearer
  the articles' days), in date order, each labelled with its date and how many articles report
  it, then its title;
- instead of one publication line, the span of the articles' publication dates is shaded;
- a happening whose sources disagree on the date is marked: a red ring at each other date given,
  joined to the happening by a dashed line, and its label names the other date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from timeline.models.document import Document, Event
from timeline.models.story import Story, StoryEvent
from timeline.render.dates import DateWords, date_words, parse_stamp, to_days
from timeline.render.items import build_timeline
from timeline.render.plot import (
    FORMATS,
    LEGEND_ROW,
    POINTS,
    RC,
    SMALL,
    THEMES,
    Painter,
    PlotOptions,
    TextMeter,
    figure_bytes,
    plan,
)
from timeline.render.words import PictureWords, picture_words

TOP = 12
"""Happenings drawn by default: as many as get roomy four-line labels (plot.ROOMY_UPTO)."""
CONFLICT_COLOUR = {"light": "#b91c1c", "dark": "#f87171"}


def most_salient(story: Story, top: int) -> list[StoryEvent]:
    """The `top` most reported happenings, in the story's (chronological) order. Among equally
    reported ones, those told more often, then those nearer the articles' own days, win: a
    background year told once would stretch the axis over years for little."""
    days = sorted(a.published for a in story.articles)
    first = parse_stamp(days[0]) if days else None
    last = parse_stamp(days[-1]) if days else None

    def distance(event: StoryEvent) -> float:
        start, end = parse_stamp(event.start), parse_stamp(event.end)
        if first is None or last is None or start is None or end is None:
            return 0.0
        return max(0.0, to_days(first) - to_days(end), to_days(start) - to_days(last))

    def rank(index: int) -> tuple[int, bool, int, float, int]:
        event = story.events[index]
        told = len(event.sources) + len(event.conflicts)
        saying = event.event_class == "REPORTING"  # a statement's day is not the story's
        return (-event.salience, saying, -told, distance(event), index)

    ranked = sorted(range(len(story.events)), key=rank)
    keep = set(ranked[:top])
    return [event for index, event in enumerate(story.events) if index in keep]


def _count(event: StoryEvent, say: PictureWords) -> str:
    return say.say("story_sources", event.salience)


def _dissent(event: StoryEvent, words: DateWords, say: PictureWords) -> str:
    """' (other date given: 25 Jun)' for a happening whose sources disagree, else ''."""
    days = sorted({_day_text(c.start, words) for c in event.conflicts if c.start})
    if not days:
        return ""
    return say.say("story_other_date", dates=", ".join(days))


def _day_text(stamp: str, words: DateWords) -> str:
    moment = parse_stamp(stamp)
    return words.day_month(moment.date()) if moment else stamp


def story_document(
    story: Story, chosen: list[StoryEvent], words: DateWords, say: PictureWords
) -> Document:
    """The chosen happenings as a Document the article picture can draw: each event's text is
    its title and its sources; the reference is the last publication date."""
    published = max((a.published for a in story.articles), default="1970-01-01")
    events = [
        Event(
            id=event.id,
            text=event.title + _dissent(event, words, say),
            span=(0, 0),
            start=event.start,
            end=event.end,
            type=event.type,
            value=event.value,
            granularity=event.granularity,
            approximate=event.approximate,
        )
        for event in chosen
    ]
    return Document(id="story", published=published, lang=_language(story), events=events)


def _language(story: Story) -> str:
    counts = Counter(a.lang for a in story.articles)
    if not counts:
        return "en"
    top = max(counts.values())
    return min(lang for lang, n in counts.items() if n == top)


class StoryPainter(Painter):
    """The article painter with the publication span shaded and disputed dates marked."""

    def __init__(
        self,
        *args: Any,
        story: Story,
        chosen: list[StoryEvent],
        theme: str,
        say: PictureWords,
    ) -> None:
        super().__init__(*args)
        self.story = story
        self.say = say
        self.chosen = {event.id: event for event in chosen}
        self.conflict = CONFLICT_COLOUR[theme]

    def _published(self, axis_y: float, caption_y: float) -> None:
        from matplotlib.patches import Rectangle

        p = self.plan
        days = sorted(a.published for a in self.story.articles)
        if not days:
            return
        first = date.fromisoformat(days[0])
        last = date.fromisoformat(days[-1])
        x0 = p.scale.x(to_days_of(first)) + p.axis_left
        x1 = p.scale.x(to_days_of(last + timedelta(days=1))) + p.axis_left
        self.ax.add_patch(
            Rectangle(
                (x0, axis_y),
                max(x1 - x0, 1.5),
                caption_y - 1 - axis_y,
                facecolor=self.c["published"],
                alpha=0.09,
                edgecolor="none",
                zorder=0,
            )
        )
        count = len(self.story.articles)
        span = (
            self.words.day_month_year(first)
            if first == last
            else f"{self.words.day_month(first)} – {self.words.day_month_year(last)}"
        )
        caption = self.say.say("story_published_span", count, span=span)
        middle = (x0 + x1) / 2
        width = self.meter.width(caption, SMALL, bold=True)
        align = "center"
        if middle + width / 2 > p.width - 10:
            align = "right"
            middle = min(x1, p.width - 10)
        elif middle - width / 2 < 10:
            align = "left"
            middle = max(x0, 10)
        self.text(
            middle,
            caption_y,
            caption,
            ha=align,
            va="bottom",
            color=self.c["published"],
            fontweight="bold",
        )

    def _marks(self) -> None:
        super()._marks()
        from matplotlib.patches import Circle

        p = self.plan
        for item, rect in zip(p.timeline.items, p.layout.marks, strict=True):
            event = self.chosen.get(item.event_id)
            if event is None or not event.conflicts:
                continue
            y = (rect.y0 + rect.y1) / 2 + self.base
            x_event = (rect.x0 + rect.x1) / 2
            for source in event.conflicts:
                moment = parse_stamp(source.start)
                ending = parse_stamp(source.end)
                if moment is None:
                    continue
                middle = to_days(moment)
                if ending is not None and ending > moment:
                    middle = (to_days(moment) + to_days(ending)) / 2
                x = p.scale.x(middle) + p.axis_left
                self.ax.plot(
                    [x, x_event],
                    [y, y],
                    color=self.conflict,
                    linewidth=0.9,
                    linestyle=(0, (2, 1.5)),
                    zorder=2,
                )
                self.ax.add_patch(
                    Circle(
                        (x, y),
                        self.radius + 1.2,
                        facecolor="none",
                        edgecolor=self.conflict,
                        linewidth=1.3,
                        zorder=4,
                    )
                )

    def _legend(self, y: float) -> None:
        """The article legend without its publication line, then the story's own marks: the
        shaded publication span and, when drawn, the ring of another date given."""
        from matplotlib.patches import Circle, Rectangle

        p = self.plan
        entries = list(p.legend)
        spot = next(((x, row) for entry, x, row in entries if entry == "published"), None)
        p.legend = [e for e in entries if e[0] != "published"]
        super()._legend(y)
        p.legend = entries
        if spot is None:
            return
        x, row = spot
        line_y = y - row * LEGEND_ROW
        self.ax.add_patch(
            Rectangle(
                (x, line_y - 6), 12, 12, facecolor=self.c["published"], alpha=0.18, edgecolor="none"
            )
        )
        say = self.say
        label = say.say("story_legend_published")
        self.text(x + 22, line_y, label, va="center", color=self.c["muted"])
        if any(event.conflicts for event in self.chosen.values()):
            x += 22 + self.meter.width(label, SMALL) + 24
            self.ax.add_patch(
                Circle(
                    (x + 6, line_y),
                    self.radius + 1.2,
                    facecolor="none",
                    edgecolor=self.conflict,
                    linewidth=1.3,
                )
            )
            self.text(
                x + 22,
                line_y,
                say.say("story_legend_conflict"),
                va="center",
                color=self.c["muted"],
            )


def to_days_of(day: date) -> float:
    return to_days(datetime(day.year, day.month, day.day))


def render_story(
    story: Story, fmt: str, options: PlotOptions | None = None, top: int = TOP
) -> tuple[bytes, list[str]]:
    """The story's picture as bytes in `fmt` (png, svg, pdf), and notes for the user."""
    import matplotlib
    from matplotlib.figure import Figure

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    options = options or PlotOptions()
    chosen = most_salient(story, top)
    with matplotlib.rc_context(RC):  # type: ignore[arg-type]  # matplotlib types keys as Literals
        lang = options.language or _language(story)  # the picture's language: asked, or the story's
        words = date_words(lang)
        say = picture_words(lang)
        document = story_document(story, chosen, words, say)
        title = options.title if options.title is not None else (story.title or "Story")
        timeline = build_timeline(document, words, title)
        counts = {event.id: _count(event, say) for event in chosen}
        timeline = replace(  # the source count on the date line, which is never cut short
            timeline,
            items=tuple(
                replace(item, when=f"{item.when} · {counts[item.event_id]}")
                for item in timeline.items
            ),
        )
        meter = TextMeter()
        prepared = plan(timeline, options, meter)
        left_out = len(story.events) - len(chosen)
        parts = [say.say("story_shown", len(chosen), total=str(len(story.events)))]
        if left_out:
            parts[0] += say.say("story_most")
        disputed = sum(1 for event in chosen if event.conflicts)
        if disputed:
            parts.append(say.say("story_disputed", disputed))
        if story.undated:
            parts.append(say.say("story_undated", len(story.undated)))
        prepared.subtitle = ["  ·  ".join(parts)]
        figure = Figure(
            figsize=(prepared.width / POINTS, prepared.height / POINTS), dpi=options.dpi
        )
        StoryPainter(
            figure,
            prepared,
            THEMES[options.theme],
            words,
            meter,
            story=story,
            chosen=chosen,
            theme=options.theme,
            say=say,
        ).draw()
        picture = figure_bytes(figure, fmt, options.dpi)
    notes = []
    if left_out:
        notes.append(
            f"drew the {len(chosen)} most reported of {len(story.events)} happenings; "
            "--top N draws more"
        )
    return picture, notes
