"""Genres: what a relative expression counts from when the text does not say.

A news report tells its times from the day it is published ('kemarin', 'next week'), so an
expression that does not say it continues the discourse counts from the publication date. A
narrative (a history, a biography, an encyclopedia article) tells its times from the story's own:
in "Germany invaded Poland on September 1, 1939 ... By early October, Poland was divided", early
October is 1939's, whatever day the page was published. Social posts are news in miniature: they
count from the day they were posted, in a vocabulary of their own ('tmrw', 'sat nite').

Each genre is one object here, and the discourse asks it rather than testing for genres in its
rules (HeidelTime's document types, done as objects): which anchor, whether the sentence's tense
decides the side of that anchor, whether a month the document dates elsewhere keeps that year,
and which profiles of the language data the genre reads with (languages/profiles/).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from timeline.models.kinds import Genre as GenreName

if TYPE_CHECKING:
    from timeline.discourse.anchors import Anchor
    from timeline.discourse.state import Discourse
    from timeline.grammar.specs import Direction, Spec


class Genre(Protocol):
    """How a genre chooses the anchor of an expression that counts from the reference, how it
    reads tense, and which profiles of the language data it reads with."""

    @property
    def name(self) -> GenreName:
        """The genre's name in the output and on the command line."""
        ...

    @property
    def hashtags(self) -> bool:
        """Whether the words inside hashtags are read ('#MondayMotivation': Monday)."""
        ...

    @property
    def profiles(self) -> tuple[str, ...]:
        """The profiles of the language data this genre switches on."""
        ...

    @property
    def document_years(self) -> bool:
        """Whether a bare month takes the year the document gives that month elsewhere
        ('September 2023' ... 'pada September'): true where one reference date holds the
        whole text, false where the story moves through the years."""
        ...

    def reference_anchor(self, discourse: Discourse, spec: Spec) -> Anchor:
        """The anchor of a spec that counts from the reference time."""
        ...

    def cue(self, cue: Direction | None) -> Direction | None:
        """The side of the anchor that a sentence's tense cue ('said', 'will') gives an
        expression with no year or side of its own ('Friday', 'in March')."""
        ...

    def moves_story(self, spec: Spec, aside: Callable[[], bool]) -> bool:
        """Whether a time the text has just told becomes the story's time, which the next
        'the following day' (and, in a narrative, every relative expression) counts from.
        `aside()` says whether the time stands in parentheses or in a clause in the past
        perfect (asked only by the genres that care)."""
        ...


@dataclass(frozen=True)
class News:
    """News: the reference time is the publication date, and the tense says which side of it
    a bare weekday or month lies on; business news compares periods, so the earnings profile
    is on."""

    name: GenreName = "news"
    profiles: tuple[str, ...] = ("earnings",)
    document_years: bool = True
    hashtags: bool = False

    def reference_anchor(self, discourse: Discourse, spec: Spec) -> Anchor:
        return discourse.publication

    def cue(self, cue: Direction | None) -> Direction | None:
        return cue

    def moves_story(self, spec: Spec, aside: Callable[[], bool]) -> bool:
        return True


@dataclass(frozen=True)
class Social(News):
    """Social media posts: news' anchoring (the day of the post), with the informal words of
    the `social` profile ('tmrw', 'tonite', 'sat nite', lower-case weekdays, hashtags)."""

    name: GenreName = "social"
    profiles: tuple[str, ...] = ("social",)
    hashtags: bool = True


@dataclass(frozen=True)
class Narrative:
    """Narratives: an expression that counts from the reference counts from the latest time the
    story has established (its `story_time`), not from the publication date: 'the following
    year', 'in December', 'that winter' after 'In June 1940' are 1941, 1940-12, 1940-WI. The story
    is told in the past tense throughout, so the tense says nothing about which side of the
    story's time a bare month lies on; a story moves forward, so it is the first such month
    from the story's time on ('On December 20, 1914 ... On 3 January' is 1915), unless the one
    before is four times nearer. 'Now' and 'currently' stay the writer's present, the
    publication date, which also counts until the story has a time of its own. The `narrative`
    profile marks the story's 'former', 'current' and 'future' things as vague references."""

    name: GenreName = "narrative"
    profiles: tuple[str, ...] = ("narrative",)
    document_years: bool = False
    hashtags: bool = False

    def reference_anchor(self, discourse: Discourse, spec: Spec) -> Anchor:
        from timeline.grammar.specs import ReferenceSpec

        if isinstance(spec, ReferenceSpec):
            return (
                discourse.publication
            )  # 'now', 'currently': the writer's present, not the story's
        return discourse.story_time()

    def cue(self, cue: Direction | None) -> Direction | None:
        from timeline.grammar.specs import Direction

        return Direction.FUTURE

    def moves_story(self, spec: Spec, aside: Callable[[], bool]) -> bool:
        """A narrative's asides do not move it on: a time in parentheses ('the Battle of Old
        Baldy (26 June - 4 August 1952)'), a flashback in the past perfect ('forces that had
        invaded Burma in late 1943') and a look back ('the previous year', 'two years
        earlier') are told from the story's time, which stays where it was."""
        return not looks_back(spec) and not aside()


def looks_back(spec: Spec) -> bool:
    """A time counted back from another: 'the previous year', 'two days earlier', 'a few weeks
    before'."""
    from timeline.grammar.specs import Direction, RelativeSpec, VagueShiftSpec

    if isinstance(spec, RelativeSpec):
        return spec.offset < 0
    return isinstance(spec, VagueShiftSpec) and spec.direction < Direction.THIS


NEWS = News()
SOCIAL = Social()
NARRATIVE = Narrative()


GENRES: dict[str, Genre] = {NEWS.name: NEWS, NARRATIVE.name: NARRATIVE, SOCIAL.name: SOCIAL}
"""The genres by name, as --genre and a record's 'genre' give them."""

AUTO = "auto"
"""--genre auto: decide from the text (discourse/genre_choice.py)."""


class UnknownGenre(ValueError):
    """A genre name that is neither a genre nor 'auto'; the message names the choices."""


def genre_named(name: str) -> Genre:
    """The genre of that name; UnknownGenre (a ValueError) naming the choices for any other."""
    try:
        return GENRES[name]
    except KeyError:
        raise UnknownGenre(f"unknown genre {name!r}; choose one of {genre_choices()}") from None


def genre_choices() -> str:
    """'news, narrative, social or auto': the names a user may give."""
    names = [*GENRES, AUTO]
    return ", ".join(names[:-1]) + " or " + names[-1]
