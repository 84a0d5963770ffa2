"""Build a Story from the extracted articles: reports, the merge, and the output model.

Input: each article's Document (what `timeline extract` gives), its text (for the sentences the
sources point at) and what the input said about it (id, url, title, outlet). Every article
event becomes a report; after the merge (merge.py) every report is in exactly one place: a
happening's sources, a happening's conflicts, or an undated happening. Output order is fixed by
dates, salience and input order, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.models.document import Document, Event
from timeline.models.story import (
    Story,
    StoryArticle,
    StoryError,
    StoryEvent,
    StorySource,
    UndatedHappening,
)
from timeline.stories.merge import Cluster, Report, merge
from timeline.stories.times import Box, agreed_box, box_of
from timeline.stories.titles import choose_title
from timeline.stories.words import blank, name_candidates, reader, tokens, without_dateline

TRIGGER_WEIGHT = 1.5
"""The word that names the happening (the event's trigger) counts half again. Not twice: two
reports of one happening often name it with different words ('evacuated' / 'were moved out'),
and a doubled trigger then outweighs everything else they share (fixtures/stories/pairs.json)."""


@dataclass(frozen=True)
class ArticleInput:
    """One extracted article: what the story needs of it."""

    meta: StoryArticle
    document: Document
    text: str
    stems: dict[str, str] | None = None  # its words' stems, when a worker worked them out


def told_events(document: Document) -> list[tuple[Event, tuple[int, int]]]:
    """What an article reports, as a story compares it: one report per sentence and time. A
    story's source is a sentence, so the happenings one sentence dates alike ('the search was
    suspended on Tuesday because of heavy rain') are one report, read over all their clauses;
    the report stands for its first happening that is not a saying ('Qantas said on Monday it
    would cut 300 jobs': the cut)."""
    groups: dict[tuple[object, ...], list[Event]] = {}
    for event in [*document.events, *document.undated_events]:
        placed = event.start is not None and not event.inherited
        key = (event.sentence or event.span, event.start, event.end) if placed else (event.id,)
        groups.setdefault(key, []).append(event)
    told = []
    for members in groups.values():
        chosen = next((e for e in members if e.event_class != "REPORTING"), members[0])
        begin = min(e.span[0] for e in members)
        end = max(e.span[1] for e in members)
        told.append((chosen, (begin, end)))
    return told


def report_texts(document: Document, text: str) -> list[str]:
    """The text of each report of an article as the merge reads it (times blanked out)."""
    spans = [t.span for t in document.timexes]
    pieces = []
    for _, span in told_events(document):
        begin, end = _clamp(span, len(text))
        pieces.append(blank(text, begin, end, spans))
    return pieces


def article_stems(document: Document, text: str) -> dict[str, str]:
    """The stems of the words of an article's events: worked out where the article is
    extracted (in parallel), so that the merge itself only looks them up."""
    return reader(document.lang).stems(report_texts(document, text))


@dataclass(frozen=True)
class _Origin:
    article: int
    event: Event
    box: Box | None


def build_story(articles: Sequence[ArticleInput], errors: Sequence[StoryError] = ()) -> Story:
    """The story of these articles (in input order), with the errors of the inputs left out."""
    origins: list[_Origin] = []
    token_lists = []
    names: set[str] = set()
    for position, article in enumerate(articles):
        document, text = article.document, article.text
        if article.stems:
            reader(document.lang).learn(article.stems)
        told = [event for event, _ in told_events(document)]
        for event, piece in zip(told, report_texts(document, text), strict=True):
            found = tokens(piece)
            names |= name_candidates(found)
            token_lists.append(found)
            origins.append(_Origin(position, event, box_of(event, document)))
    reports: list[Report] = []
    for index, (origin, found) in enumerate(zip(origins, token_lists, strict=True)):
        lang = articles[origin.article].document.lang
        words = reader(lang)
        features = words.features(found, names)
        trigger = origin.event.trigger
        if trigger is not None:
            key = words.word_feature(trigger.text)
            if key is not None and key in features:
                features[key] *= TRIGGER_WEIGHT
        actions = frozenset(
            f for f in features if f.startswith("a:") and f not in words.light_actions
        )
        reports.append(Report(index, origin.article, lang, origin.box, features, actions=actions))
    dated, undated = merge(reports)
    story_lang = _main_language(articles)
    writer = _Writer(articles, origins, reports, story_lang)
    events = sorted((writer.event(group) for group in dated), key=_chronological)
    events = [e.model_copy(update={"id": f"s{n}"}) for n, e in enumerate(events, 1)]
    happenings = sorted(
        (writer.undated(group) for group in undated),
        key=lambda h: (-h.salience, writer.first_position(h.sources)),
    )
    happenings = [h.model_copy(update={"id": f"u{n}"}) for n, h in enumerate(happenings, 1)]
    title = None
    if events:
        title = max(enumerate(events), key=lambda pair: (pair[1].salience, -pair[0]))[1].title
    return Story(
        title=title,
        articles=[a.meta for a in articles],
        events=events,
        undated=happenings,
        errors=list(errors),
    )


def _clamp(span: tuple[int, int], length: int) -> tuple[int, int]:
    begin = min(max(0, span[0]), length)
    return begin, min(max(begin, span[1]), length)


def _main_language(articles: Sequence[ArticleInput]) -> str:
    counts = Counter(a.document.lang for a in articles)
    if not counts:
        return ""
    top = max(counts.values())
    return min(lang for lang, n in counts.items() if n == top)


def _chronological(event: StoryEvent) -> tuple[str, str, int, str]:
    first = event.sources[0] if event.sources else event.conflicts[0]
    return (event.start, event.end, -event.salience, f"{first.article}\0{first.span[0]:012d}")


class _Writer:
    """Turns clusters of reports into the output models."""

    def __init__(
        self,
        articles: Sequence[ArticleInput],
        origins: Sequence[_Origin],
        reports: Sequence[Report],
        story_lang: str,
    ) -> None:
        self.articles = articles
        self.origins = origins
        self.reports = reports
        self.story_lang = story_lang
        self.order = {a.meta.id: n for n, a in enumerate(articles)}

    def source(self, index: int) -> StorySource:
        origin = self.origins[index]
        article = self.articles[origin.article]
        event = origin.event
        begin, end = _clamp(event.sentence or event.span, len(article.text))
        raw = article.text[begin:end]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        box = origin.box
        return StorySource(
            article=article.meta.id,
            event=event.id,
            span=(begin + lead, begin + max(lead, trail)),
            text=raw.strip(),
            start=box.start if box else None,
            end=box.end if box else None,
            value=box.value if box else None,
            granularity=box.granularity if box else None,
        )

    def first_position(self, sources: Sequence[StorySource]) -> tuple[int, int]:
        return min((self.order[s.article], s.span[0]) for s in sources)

    def _sorted(self, indexes: Sequence[int]) -> list[int]:
        return sorted(
            indexes,
            key=lambda i: (self.origins[i].article, self.origins[i].event.span, i),
        )

    def _title_and_class(
        self, members: Sequence[int], centroid: dict[str, float]
    ) -> tuple[str, str]:
        titles, langs, centrality, dated = [], [], [], []
        for index in members:
            event = self.origins[index].event
            titles.append(without_dateline(event.title or event.text))
            langs.append(self.reports[index].lang)
            weights = self.reports[index].weights
            norm = self.reports[index].norm
            centrality.append(
                sum(w * centroid.get(f, 0.0) for f, w in weights.items()) / norm if norm else 0.0
            )
            dated.append(self.origins[index].box is not None)
        chosen = choose_title(titles, langs, centrality, dated, self.story_lang)
        classes = Counter(self.origins[i].event.event_class for i in members)
        top = max(classes.values())
        event_class = next(
            self.origins[i].event.event_class
            for i in members
            if classes[self.origins[i].event.event_class] == top
        )
        return titles[chosen], event_class

    def event(self, group: Cluster) -> StoryEvent:
        members = self._sorted(group.members)
        boxes = [b for b in (self.origins[i].box for i in members) if b is not None]
        box = agreed_box(boxes)
        title, event_class = self._title_and_class(members, group.centroid)
        conflicts = self._sorted(group.conflicts)
        articles = {self.origins[i].article for i in [*members, *conflicts]}
        return StoryEvent(
            id="s0",
            title=title,
            start=box.start,
            end=box.end,
            value=box.value,
            type=box.type,
            granularity=box.granularity,
            approximate=box.approximate,
            event_class=event_class,
            salience=len(articles),
            sources=[self.source(i) for i in members],
            conflicts=[self.source(i) for i in conflicts],
        )

    def undated(self, group: Cluster) -> UndatedHappening:
        members = self._sorted(group.members)
        title, event_class = self._title_and_class(members, group.centroid)
        return UndatedHappening(
            id="u0",
            title=title,
            event_class=event_class,
            salience=len({self.origins[i].article for i in members}),
            sources=[self.source(i) for i in members],
        )
