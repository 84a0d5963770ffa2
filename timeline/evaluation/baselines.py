"""Other libraries as systems for `timeline.evaluation.timexes`, so comparisons are measured the same way.

dateparser's `search_dates` is the library people reach for first. It returns (substring,
datetime) pairs: no spans, no TIMEX3 type, always a point in time. The mapping below is the most
favourable honest reading of that output: every hit is a DATE whose value is its day, and its
span is found by looking the substring up in the text in order. Nothing is invented for it
(no durations, no granularity), since it gives none.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from timeline.evaluation.timexes import Predicted


def locate_in_order(text: str, found: Iterable[str]) -> list[tuple[int, int] | None]:
    """The span of each substring, in textual order: each one searched after the previous.

    A substring not found after the previous one is searched from the start; one not in the
    text at all gets None, since it cannot be scored.
    """
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for substring in found:
        position = text.find(substring, cursor) if substring else -1
        if position < 0 and substring:
            position = text.find(substring)
        if position < 0:
            spans.append(None)
            continue
        spans.append((position, position + len(substring)))
        cursor = position + len(substring)
    return spans


def dateparser_system(
    text: str, published: date, lang: str, prefer_dates_from: str | None = None
) -> list[Predicted]:
    """`dateparser.search.search_dates` on the whole text, relative to the publication date.

    Only RELATIVE_BASE is set (to the reference date, without which every relative expression
    would count from today). `prefer_dates_from` ("past", "future") is dateparser's own
    PREFER_DATES_FROM; its default, the current period, resolves a bare weekday on that weekday
    to the reference day itself, which is what TimeML annotators do. English is assumed for
    'auto' (the public TimeML corpora are English news).
    """
    from dateparser.search import search_dates

    languages = ["en"] if lang == "auto" else [lang]
    settings: dict[str, Any] = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day)
    }
    if prefer_dates_from is not None:
        settings["PREFER_DATES_FROM"] = prefer_dates_from
    results = search_dates(text, languages=languages, settings=settings) or []
    spans = locate_in_order(text, (substring for substring, _ in results))
    predicted: dict[tuple[int, int], Predicted] = {}
    for (_, moment), span in zip(results, spans, strict=True):
        if span is not None:  # the same span twice would count twice: keep the first
            predicted.setdefault(span, Predicted(span, "DATE", moment.date().isoformat()))
    return sorted(predicted.values(), key=lambda t: t.span)
