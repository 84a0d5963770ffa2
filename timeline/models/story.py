"""Pydantic models of `timeline story`: one timeline from many articles about the same story.

The one source of the story JSON and of its JSON Schema (`timeline schema story`). A story
event is one happening, told once, with every article event that reports it (`sources`) and the
reports that date it differently (`conflicts`); nothing an article said is dropped: a report
either supports an event, contradicts its date, or stands in `undated`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from timeline.models.kinds import EventClass, PublishedSource, TimexType

STORY_SCHEMA_VERSION = "1"
"""Version of the story JSON; it grows (new keys), never renames."""


class StoryArticle(BaseModel):
    """One article the story was built from."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="The article's id: the JSONL record's `id`, or the file name.")
    title: str | None = None
    url: str | None = None
    outlet: str | None = Field(None, description="The record's `outlet`, when it names one.")
    published: str = Field(description="Publication date YYYY-MM-DD: the article's reference.")
    published_source: PublishedSource | None = Field(
        None,
        description="Where the date came from, as in `timeline extract` ('estimated': the "
        "record or file gave none, and it was worked out from the article's own dates).",
    )
    lang: str
    input: str = Field(description="Where it was read: the INPUT path as given ('-': stdin).")
    line: int | None = Field(None, description="The line of a JSONL corpus it came from.")
    sha256: str = Field(
        description="sha256 of the article text (UTF-8): `timeline eval-story` checks that it "
        "reads the same text the spans point into."
    )
    text_length: int = Field(description="Length of the article text in code points.")


class StorySource(BaseModel):
    """One article's report of a happening: where it is, and the date that article gives it."""

    model_config = ConfigDict(frozen=True)

    article: str = Field(description="The article's id (see `articles`).")
    event: str = Field(description="That article's event id in `timeline extract` output.")
    span: tuple[int, int] = Field(
        description="[begin, end) of the sentence that reports it, in code points of the "
        "article's text."
    )
    text: str = Field(description="That sentence.")
    start: str | None = Field(None, description="The start this article gives; null: undated.")
    end: str | None = Field(None, description="The exclusive end this article gives.")
    value: str | None = Field(None, description="TIMEX3 value of the article's dating time.")
    granularity: str | None = None


class StoryEvent(BaseModel):
    """One happening of the story, told once, at the most specific date its sources agree on."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, serialize_by_alias=True)

    id: str = Field(description="'s1', 's2', ... in chronological order.")
    title: str = Field(description="The clearest of its sources' titles.")
    start: str = Field(description="Inclusive start: YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM].")
    end: str = Field(description="Exclusive end, same format as start.")
    value: str = Field(description="TIMEX3 value of the date, e.g. 2025-06-26, 2025-05.")
    type: TimexType = "DATE"
    granularity: str | None = Field(None, description="Calendar unit of the date.")
    approximate: bool = False
    event_class: EventClass = Field("OCCURRENCE", alias="class")
    salience: int = Field(
        description="Distinct articles that report the happening (sources and conflicts)."
    )
    sources: list[StorySource] = Field(
        description="The reports that agree on the date (and reports of it that give no date)."
    )
    conflicts: list[StorySource] = Field(
        default_factory=list,
        description="Reports of the same happening that give a different date, with that date.",
    )


class UndatedHappening(BaseModel):
    """A happening no source dates, with the reports of it."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, serialize_by_alias=True)

    id: str = Field(description="'u1', 'u2', ... by salience, then by first report.")
    title: str
    event_class: EventClass = Field("OCCURRENCE", alias="class")
    salience: int = Field(description="Distinct articles that report it.")
    sources: list[StorySource]


class StoryError(BaseModel):
    """An input or a record that could not be used, and why (also one line on stderr)."""

    model_config = ConfigDict(frozen=True)

    input: str = Field(description="The INPUT as given.")
    line: int | None = Field(None, description="The JSONL line, for a corpus record.")
    id: str | None = None
    error: str


class Story(BaseModel):
    """What `timeline story` prints: the articles, the merged happenings, the undated ones."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["story"] = Field(
        "story", description="Always 'story': how `timeline plot` tells a story from a document."
    )
    schema_version: str = STORY_SCHEMA_VERSION
    title: str | None = Field(None, description="The title of the most salient event.")
    articles: list[StoryArticle]
    events: list[StoryEvent] = Field(
        description="Chronological: start, then end, then salience (higher first)."
    )
    undated: list[UndatedHappening] = Field(default_factory=list)
    errors: list[StoryError] = Field(
        default_factory=list, description="Inputs and records left out, with the reason."
    )
