"""--genre auto: tell news, a narrative and a social media post apart from the text itself.

The clues are the ones a reader uses, and all but one need no language:
- a **post** is short and has the marks of social media: a #hashtag, an @handle, a link, an
  emoticon or an emoji, or a word only posts use ('tmrw', 'lol'; the `[genre]` words of the
  language's `social` profile);
- a **narrative** dates itself with years and almost never counts from the day it was published:
  a Wikipedia history has dozens of stated years ('In June 1940') and hardly a 'yesterday' or a
  'last week', and its years often lie far from the publication date;
- anything else is **news**, the default: a report counts its times from its publication date
  ('kemarin', 'last week', 'Friday').

The expressions are the tagger's mentions before resolution (their specs say whether they count
from the reference), so deciding costs no second reading of the text. The choice comes with its
reason, which the output reports as `genre_reason`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from timeline.discourse.genres import NARRATIVE, NEWS, SOCIAL, Genre
from timeline.grammar.specs import (
    Anchoring,
    ClockSpec,
    DateSpec,
    MovingDateSpec,
    PeriodSpec,
    RelativeSpec,
    Spec,
    VagueShiftSpec,
    WeekendSpec,
)
from timeline.tagging.tag import Mention

SOCIAL_MAX_CHARS = 500
"""A post is short: a tweet is at most 280 characters; a longer text is read as a post only up to
this length (a long text with a hashtag is an article that quotes one)."""

NARRATIVE_MAX_DEICTIC_SHARE = 0.05
"""At most this share of a narrative's expressions count from the publication date or name a
weekday: news has several in every article ('yesterday', 'last week', 'Senin (30/6)'); the 16
WikiWars histories have 0 to 5 in a hundred."""

NARRATIVE_MIN_EXPRESSIONS = 20
"""A narrative is told with at least this many expressions: in a shorter text the few times it
has say too little (and a news story's background paragraph looks like history)."""

NARRATIVE_MIN_YEARS = 3
"""A narrative states at least this many years."""

FAR_YEARS = 10
"""A year more than this many years from the publication date is far from it."""

DATED_SHARE = 0.25
"""... or, in a text with at least DATED_MIN_EXPRESSIONS expressions, at least this share of
them state a year: a history of a recent war dates itself by years near the publication date."""

DATED_MIN_EXPRESSIONS = 40

_HASHTAG = re.compile(r"(?<![\w&#])#[^\W\d_][\w]{0,60}")
_HANDLE = re.compile(r"(?<![\w.@])@\w{1,30}")
_LINK = re.compile(r"\bhttps?://|\bwww\.\w")
_EMOTICON = re.compile(r"(?<![\w:;=])[:;=]-?[()DPp/|*]{1,3}(?![\w()])|<3")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_SHOUT = re.compile(r"[!?]{2,5}")
_DRAWN_OUT = re.compile(r"([^\W\d_])\1{3,6}")
_WORD = re.compile(r"[\w']{1,40}")


@dataclass(frozen=True)
class GenreChoice:
    """A genre and why: 'given' when the user named it, else the clues that decided."""

    genre: Genre
    reason: str


def social_markers(
    text: str, social_words: Iterable[str] = (), informal: Iterable[str] = ()
) -> list[str]:
    """The marks of a social media post in `text`, named for the reason ('a #hashtag', ...);
    `informal` are the time expressions only the social profile reads ('16days', 'sat nite')."""
    found = []
    for pattern, name in (
        (_HASHTAG, "a #hashtag"),
        (_HANDLE, "an @handle"),
        (_LINK, "a link"),
        (_EMOTICON, "an emoticon"),
        (_EMOJI, "an emoji"),
        (_SHOUT, "repeated '!' or '?'"),
        (_DRAWN_OUT, "a drawn-out word"),
    ):
        if pattern.search(text):
            found.append(name)
    words = frozenset(social_words)
    if words:
        used = sorted({w for w in _WORD.findall(text.lower()) if w in words})
        if used:
            found.append("the word " + ", ".join(repr(w) for w in used[:3]))
    spelled = sorted(set(informal))
    if spelled:
        found.append("the informal time word " + ", ".join(repr(w) for w in spelled[:3]))
    return found


def informal_mentions(formal: list[Mention], as_a_post: list[Mention]) -> list[Mention]:
    """The expressions only a post's reading finds ('tmrw', '16days', 'sat nite'): those of
    `as_a_post` (read with the social profile) where the formal reading found nothing. A part
    of the day or a weekend alone ('evening', 'weekend') is ordinary English, which the social
    reading merely dates, so it is no clue."""
    found = []
    for mention in as_a_post:
        spec = mention.spec
        ordinary = isinstance(spec, WeekendSpec) or (
            isinstance(spec, ClockSpec) and spec.hour is None and spec.date is None
        )
        overlaps = any(m.start < mention.end and mention.start < m.end for m in formal)
        if not ordinary and not overlaps:
            found.append(mention)
    return found


def counts_from_reference(spec: Spec, published: date | None = None) -> bool:
    """Whether a spec tells its time as news does, from the day of publication: 'yesterday',
    'last week', 'two years ago', 'last March', a weekday ('Friday', 'Senin (30/6)', 'Sabtu
    (28/6/2025)' in a 2025 text: a narrative names a weekday only with a date long past), but not
    'the next day', which continues the story, nor 'the past two weeks', told alike in both."""
    if isinstance(spec, ClockSpec):
        return spec.date is not None and counts_from_reference(spec.date, published)
    if isinstance(spec, RelativeSpec | VagueShiftSpec):
        return spec.anchoring is Anchoring.REFERENCE
    if isinstance(spec, WeekendSpec):
        return True
    if isinstance(spec, DateSpec) and spec.weekday is not None:
        if spec.year is None or spec.year_digits != 4:
            return True
        return published is not None and abs(spec.year - published.year) <= 1
    if isinstance(spec, DateSpec | PeriodSpec | MovingDateSpec):
        return spec.direction is not None and spec.year is None
    return False


def stated_year(spec: Spec) -> int | None:
    """The four-digit year an expression states ('June 1940', 'the summer of 1943', '1914')."""
    if isinstance(spec, ClockSpec):
        return None if spec.date is None else stated_year(spec.date)
    if isinstance(spec, DateSpec | PeriodSpec) and spec.year_digits == 4:
        return spec.year
    if isinstance(spec, MovingDateSpec):
        return spec.year
    return None


def decide_genre(
    text: str,
    mentions: list[Mention],
    published: date | None,
    social_words: Iterable[str] = (),
    informal: Iterable[str] = (),
) -> GenreChoice:
    """The genre the text reads as, and why (see the module's docstring for the clues)."""
    if len(text) <= SOCIAL_MAX_CHARS:
        markers = social_markers(text, social_words, informal)
        if markers:
            return GenreChoice(
                SOCIAL, f"a short text ({len(text)} characters) with {', '.join(markers)}"
            )
    total = len(mentions)
    deictic = sum(counts_from_reference(m.spec, published) for m in mentions)
    years = [y for y in (stated_year(m.spec) for m in mentions) if y is not None]
    far = sum(published is not None and abs(y - published.year) > FAR_YEARS for y in years)
    verb = "counts" if total == 1 else "count"
    counted = f"{deictic} of {_many(total, 'expression')} {verb} from the publication date"
    if (
        total >= NARRATIVE_MIN_EXPRESSIONS
        and len(years) >= NARRATIVE_MIN_YEARS
        and deictic <= NARRATIVE_MAX_DEICTIC_SHARE * total
        and (
            far * 2 >= len(years)
            or (total >= DATED_MIN_EXPRESSIONS and len(years) >= DATED_SHARE * total)
        )
    ):
        where = f", {far} of them more than {FAR_YEARS} years from the publication date"
        return GenreChoice(
            NARRATIVE,
            f"{_many(len(years), 'stated year')}{where if published else ''}; {counted}",
        )
    if total == 0:
        return GenreChoice(NEWS, "no temporal expression: news, the default")
    return GenreChoice(NEWS, f"{counted}; {_many(len(years), 'stated year')}")


def _many(count: int, noun: str) -> str:
    """'1 stated year', '3 stated years'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
