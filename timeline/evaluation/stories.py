"""`timeline eval-story`: a story against a reference timeline (docs/stories.md, "Measuring").

A reference is a JSON list of entries `{date, summary, evidence: [{article, quote}]}` (optional
`conflict: [{article, quote, date}]` and `note`); `date` is YYYY-MM-DD, YYYY-MM or YYYY; each
quote is an exact substring of its article's text and contains the time that dates the entry.

- date F1: the K most salient distinct days of the story (K = the reference's distinct days)
  against the reference's days, the date-selection metric of timeline summarisation research
  (month and year entries count in event recall only). A story event's day is the day its
  interval lies within; a day's salience is the number of distinct articles reporting an event
  on it that is not a saying (class REPORTING: "kata X, Rabu" dates a statement, not the
  story), then with the sayings, then the number of events, then the day nearer the articles'
  own days, then the earlier day.
- event recall: an entry is found when a story event on its date (or inside its month or year,
  for a coarser entry) has a source whose span overlaps one of the entry's evidence quotes.
- fragments: for each entry with evidence from two or more articles, the number of distinct
  dated story events that carry a report of it: a source or conflict overlapping an evidence
  quote on the entry's date, or a conflict quote on that quote's date; the mean over those
  entries carried at all. 1.0: every report of a happening was merged into one event. Undated
  events and events on other dates are not counted: a sentence that also mentions an earlier
  happening is that happening's report, not a fragment of this one.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.models.problems import first_problem
from timeline.models.story import Story, StoryEvent, StorySource

_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


class ReferenceError(ValueError):
    """A story, a reference or an article that cannot be used; one line, with an exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Quote:
    article: str  # the story's article id
    span: tuple[int, int]
    date: str | None = None  # a conflict quote's own date


@dataclass(frozen=True)
class Entry:
    date: str
    summary: str
    evidence: tuple[Quote, ...]
    conflicts: tuple[Quote, ...]

    @property
    def articles(self) -> set[str]:
        return {q.article for q in self.evidence}


@dataclass
class EntryOutcome:
    date: str
    summary: str
    found: bool
    fragments: int
    articles: int


@dataclass
class Scores:
    reference_dates: list[str]
    chosen_dates: list[str]
    date_precision: float
    date_recall: float
    date_f1: float
    recall: float
    found: int
    entries: int
    fragments: float | None
    fragment_entries: int
    outcomes: list[EntryOutcome] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # quoted articles the story could not use

    def as_dict(self) -> dict[str, Any]:
        return {
            "date_f1": round(self.date_f1, 4),
            "date_precision": round(self.date_precision, 4),
            "date_recall": round(self.date_recall, 4),
            "reference_dates": self.reference_dates,
            "chosen_dates": self.chosen_dates,
            "event_recall": round(self.recall, 4),
            "entries_found": self.found,
            "entries": self.entries,
            "fragments": None if self.fragments is None else round(self.fragments, 4),
            "fragment_entries": self.fragment_entries,
            "left_out_articles": self.left_out,
            "outcomes": [vars(o) for o in self.outcomes],
        }


def event_date(event: StoryEvent) -> str | None:
    """The date a story event stands for: a day, a month or a year (None: a week, a range)."""
    if event.start[:10] == _last_day(event.end) or (
        len(event.start) == 10 and len(event.end) >= 10 and _next(event.start) == event.end[:10]
    ):
        return event.start[:10]
    if _DATE.fullmatch(event.value) and len(event.value) in (4, 7):
        return event.value
    return None


def _next(day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _last_day(end: str) -> str:
    """The day of the last minute before an exclusive end."""
    from datetime import date, timedelta

    if len(end) > 10 and end[10] == "T" and end[11:16] != "00:00":
        return end[:10]
    return (date.fromisoformat(end[:10]) - timedelta(days=1)).isoformat()


def _ordinal(day: str) -> int:
    from datetime import date

    return date.fromisoformat(day[:10]).toordinal()


def _first_day(value: str) -> int:
    """The first day of a day, month or year, as an ordinal."""
    return _ordinal({4: value + "-01-01", 7: value + "-01"}.get(len(value), value))


def _end_of(value: str) -> str:
    """The exclusive end of a day, month or year (YYYY-MM-DD)."""
    from datetime import date, timedelta

    if len(value) == 4:
        return f"{int(value) + 1:04d}-01-01"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}-01"
    return (date.fromisoformat(value) + timedelta(days=1)).isoformat()


def _within(system: str, entry: str) -> bool:
    return system == entry or (len(entry) < len(system) and system.startswith(entry + "-"))


def _overlaps(source: StorySource, quotes: tuple[Quote, ...]) -> bool:
    return any(
        q.article == source.article and q.span[0] < source.span[1] and source.span[0] < q.span[1]
        for q in quotes
    )


def _carries(event: StoryEvent, day: str, entry: Entry) -> bool:
    """Whether a dated story event carries a report of an entry's happening: one of its
    sources or conflicts overlaps an evidence quote and the event is on the entry's date, or
    overlaps a conflict quote and is on that quote's date (or the entry's)."""
    reports = [*event.sources, *event.conflicts]
    if _within(day, entry.date) and any(_overlaps(s, entry.evidence) for s in reports):
        return True
    return any(
        (_within(day, entry.date) or (q.date is not None and _within(day, q.date)))
        and any(_overlaps(s, (q,)) for s in reports)
        for q in entry.conflicts
    )


DAY_LENGTH = len("YYYY-MM-DD")


def score(story: Story, entries: list[Entry]) -> Scores:
    """The three measures of a story against reference entries already located in the texts."""
    # Date F1 is over days, as issue 12 and timeline summarisation research define it: the
    # reference's month and year entries count in event recall only.
    reference_dates = sorted({e.date for e in entries if len(e.date) == DAY_LENGTH})
    salience: dict[str, set[str]] = defaultdict(set)
    told: dict[str, set[str]] = defaultdict(set)  # by events other than sayings
    counts: dict[str, int] = defaultdict(int)
    dates: list[str | None] = []
    for event in story.events:
        day = event_date(event)
        dates.append(day)
        if day is not None and len(day) == DAY_LENGTH:
            articles = {s.article for s in [*event.sources, *event.conflicts]}
            salience[day] |= articles
            if event.event_class != "REPORTING":
                told[day] |= articles
            counts[day] += 1
    published = sorted(a.published for a in story.articles)

    def distance(day: str) -> int:
        """Days from the date to the span of the articles' own days (0 inside it)."""
        if not published:
            return 0
        begin, end = _first_day(day), _first_day(_last_day(_end_of(day)))
        return max(0, _ordinal(published[0]) - end, begin - _ordinal(published[-1]))

    ranked = sorted(
        salience,
        key=lambda d: (-len(told[d]), -len(salience[d]), -counts[d], distance(d), d),
    )
    chosen = sorted(ranked[: len(reference_dates)])
    hits = len(set(chosen) & set(reference_dates))
    precision = hits / len(chosen) if chosen else 0.0
    recall_dates = hits / len(reference_dates) if reference_dates else 0.0
    f1 = 2 * precision * recall_dates / (precision + recall_dates) if hits else 0.0

    outcomes: list[EntryOutcome] = []
    for entry in entries:
        found = any(
            day is not None
            and _within(day, entry.date)
            and any(_overlaps(s, entry.evidence) for s in event.sources)
            for event, day in zip(story.events, dates, strict=True)
        )
        carriers = sum(
            1
            for event, day in zip(story.events, dates, strict=True)
            if day is not None and _carries(event, day, entry)
        )
        outcomes.append(
            EntryOutcome(entry.date, entry.summary, found, carriers, len(entry.articles))
        )
    found_count = sum(o.found for o in outcomes)
    spread = [o.fragments for o in outcomes if o.articles >= 2 and o.fragments >= 1]
    return Scores(
        reference_dates=reference_dates,
        chosen_dates=chosen,
        date_precision=precision,
        date_recall=recall_dates,
        date_f1=f1,
        recall=found_count / len(entries) if entries else 0.0,
        found=found_count,
        entries=len(entries),
        fragments=sum(spread) / len(spread) if spread else None,
        fragment_entries=len(spread),
        outcomes=outcomes,
    )


def load_story(path: str) -> Story:
    from pydantic import ValidationError

    try:
        return Story.model_validate_json(Path(path).read_bytes())
    except OSError as exc:
        raise ReferenceError(f"cannot read {path}: {exc.strerror or exc}", 2) from None
    except ValidationError as exc:
        raise ReferenceError(
            f"{path} is not a `timeline story` JSON: {first_problem(exc)}", 2
        ) from None


def load_reference(path: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReferenceError(f"cannot read {path}: {exc.strerror or exc}", 2) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReferenceError(f"{path} is not valid JSON: {exc}", 2) from None
    if not isinstance(data, list):
        raise ReferenceError(f"{path}: a reference is a JSON list of entries", 2)
    for number, entry in enumerate(data, 1):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("date"), str)
            or not _DATE.fullmatch(entry["date"])
            or not isinstance(entry.get("evidence"), list)
        ):
            raise ReferenceError(
                f"{path}: entry {number} needs a date (YYYY-MM-DD, YYYY-MM or YYYY) and an "
                "evidence list",
                2,
            )
    return data


def article_texts(story: Story, inputs: list[str] | None) -> dict[str, str]:
    """The text of each article of the story, read from the INPUTs (or the story's own), each
    checked against the sha256 the story recorded."""
    from timeline.ingest.inputs import InputError
    from timeline.pipeline.story import check_inputs, read_story_inputs, text_digest

    sources = inputs or list(dict.fromkeys(a.input for a in story.articles))
    try:
        check_inputs(sources)
        texts, _ = read_story_inputs(sources, None, None)
    except InputError as exc:
        raise ReferenceError(f"reading the articles: {exc}", exc.exit_code) from None
    by_id = {t.id: t.text for t in texts}
    found: dict[str, str] = {}
    for article in story.articles:
        text = by_id.get(article.id)
        if text is None:
            raise ReferenceError(
                f"article {article.id!r} of the story is not in {', '.join(sources)}"
            )
        if text_digest(text) != article.sha256:
            raise ReferenceError(
                f"the text of article {article.id!r} differs from the one the story was built "
                "from (sha256)"
            )
        found[article.id] = text
    return found


def _story_id(reference_id: str, ids: dict[str, str]) -> str | None:
    return ids.get(reference_id) or ids.get(reference_id.split(".")[0])


def locate(
    raw: list[dict[str, Any]],
    texts: dict[str, str],
    path: str,
    left_out: set[str] | None = None,
    dropped: set[str] | None = None,
) -> list[Entry]:
    """The reference entries with each quote's span in the story's article texts. A quote from an
    article the story names among its errors (`left_out`: it could not be read or dated) is
    dropped, its article added to `dropped`: the story had no way to report it, and the entry
    counts against the story when no other quote is left (an error the measure should see, not
    a broken reference)."""
    left_out = left_out or set()
    ids: dict[str, str] = {}
    for article_id in texts:
        ids.setdefault(article_id.split(".")[0], article_id)
    for article_id in texts:
        ids[article_id] = article_id

    def quotes(items: Any, number: int) -> tuple[Quote, ...]:
        found = []
        for item in items or []:
            if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
                raise ReferenceError(f"{path}: entry {number}: evidence needs article and quote", 2)
            article = _story_id(str(item.get("article")), ids)
            if article is None and str(item.get("article")) in left_out:
                if dropped is not None:
                    dropped.add(str(item.get("article")))
                continue
            if article is None:
                raise ReferenceError(
                    f"{path}: entry {number}: article {item.get('article')!r} is not in the story"
                )
            begin = texts[article].find(item["quote"])
            if begin < 0:
                raise ReferenceError(
                    f"{path}: entry {number}: quote not found in {article}: {item['quote'][:60]!r}"
                )
            date = item.get("date")
            found.append(
                Quote(
                    article,
                    (begin, begin + len(item["quote"])),
                    date if isinstance(date, str) else None,
                )
            )
        return tuple(found)

    return [
        Entry(
            date=entry["date"],
            summary=str(entry.get("summary", "")),
            evidence=quotes(entry["evidence"], number),
            conflicts=quotes(entry.get("conflict"), number),
        )
        for number, entry in enumerate(raw, 1)
    ]


def evaluate_story(story_path: str, reference_path: str, inputs: list[str] | None) -> Scores:
    story = load_story(story_path)
    raw = load_reference(reference_path)
    texts = article_texts(story, inputs)
    left_out = {e.id for e in story.errors if e.id is not None}
    dropped: set[str] = set()
    scores = score(story, locate(raw, texts, reference_path, left_out, dropped))
    scores.left_out = sorted(dropped)
    return scores


def format_scores(scores: Scores, verbose: bool = False) -> str:
    fragments = "-" if scores.fragments is None else f"{scores.fragments:.2f}"
    lines = [
        f"date F1         {scores.date_f1:.3f}  (P {scores.date_precision:.3f}, "
        f"R {scores.date_recall:.3f}; top {len(scores.reference_dates)} dates)",
        f"event recall    {scores.recall:.3f}  ({scores.found} of {scores.entries} entries)",
        f"fragments       {fragments}  (over {scores.fragment_entries} entries reported by "
        "2+ articles)",
    ]
    missed = sorted(set(scores.reference_dates) - set(scores.chosen_dates))
    extra = sorted(set(scores.chosen_dates) - set(scores.reference_dates))
    if missed or extra:
        lines.append(f"dates missed    {' '.join(missed) or '-'}")
        lines.append(f"dates extra     {' '.join(extra) or '-'}")
    if scores.left_out:
        lines.append(
            f"left out        {' '.join(scores.left_out)} (in the story's errors: their quotes "
            "count as not found)"
        )
    if verbose:
        for o in scores.outcomes:
            mark = "found " if o.found else "MISSED"
            lines.append(
                f"  {mark} {o.date:<10} in {o.fragments} event(s), {o.articles} article(s): "
                f"{o.summary[:70]}"
            )
    return "\n".join(lines)
