"""Genres: what a relative expression counts from when the text does not say.

A news report tells its times from the day it is published ('kemarin', 'next week'), so an
expression that does not say it continues the discourse counts from the publication date. Other
genres anchor differently (a narrative to the story's own times); each is one object here, and
the discourse asks it rather than testing for genres in its rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from timeline.discourse.anchors import Anchor
    from timeline.discourse.state import Discourse
    from timeline.grammar.specs import Spec


class Genre(Protocol):
    """How a genre chooses the anchor of an expression that counts from the reference, and
    which profiles of the language data it reads with (languages/profiles/)."""

    @property
    def name(self) -> str:
        """The genre's name in the output and on the command line."""
        ...

    @property
    def profiles(self) -> tuple[str, ...]:
        """The profiles of the language data this genre switches on."""
        ...

    def reference_anchor(self, discourse: Discourse, spec: Spec) -> Anchor:
        """The anchor of a spec that counts from the reference time."""
        ...


@dataclass(frozen=True)
class News:
    """News: the reference time is the publication date; business news compares periods,
    so the earnings profile is on."""

    name: str = "news"
    profiles: tuple[str, ...] = ("earnings",)

    def reference_anchor(self, discourse: Discourse, spec: Spec) -> Anchor:
        return discourse.publication


NEWS = News()


GENRES: dict[str, Genre] = {NEWS.name: NEWS}
"""The genres by name, as --genre and a record's 'genre' give them."""

AUTO = "auto"
"""--genre auto: decide from the text (pipeline/document.py)."""


def genre_named(name: str) -> Genre:
    """The genre of that name; ValueError naming the choices for any other."""
    try:
        return GENRES[name]
    except KeyError:
        choices = ", ".join([*GENRES, AUTO])
        raise ValueError(f"unknown genre {name!r}; choose one of {choices}") from None
