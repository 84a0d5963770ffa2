"""Pydantic models: the one source of truth for the JSON the tool emits and its JSON Schema."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from timeline.models.kinds import (
    SCHEMA_VERSION,
    EventClass,
    EventRelation,
    Genre,
    PublishedSource,
    TimexType,
)


class ResolvedTime(BaseModel):
    """A temporal expression resolved against an anchor: TIMEX3 value plus a plottable interval."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The expression as it appears in the input.")
    lang: str = Field(description="Language code whose rules matched it.")
    type: TimexType = Field(description="TIMEX3 type.")
    value: str = Field(description="TIMEX3 value, e.g. 2024-06, 2024-W25, P3M, PAST_REF.")
    mod: str | None = Field(None, description="TIMEX3 mod: START, MID, END, APPROX, ...")
    start: str | None = Field(
        None, description="Inclusive interval start: YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]."
    )
    end: str | None = Field(None, description="Exclusive interval end, same format as start.")
    granularity: str | None = Field(
        None, description="Calendar unit of the value: day, week, month, year, minute, ..."
    )
    approximate: bool = Field(
        False, description="True for vague amounts, vague references and approximators."
    )
    anchor: str | None = Field(
        None, description="The date the value was computed from; null when the text fixed it alone."
    )
    rule: str = Field(description="Name of the rule that matched (see the language file).")
    warnings: list[str] = Field(default_factory=list, description="Things worth checking.")


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


class _Many(BaseModel):
    """A model a document holds thousands of (timexes, events and their parts).

    pydantic keeps, for each instance, the set of the fields it was given: about 2 KB for an
    event, a third of what a document's events take in memory (benchmarks/memory.py). Instances
    given the same fields share one set here; pydantic copies a set before changing it
    (`model_copy`), and these models are frozen, so a shared set is never changed in place."""

    def model_post_init(self, context: Any, /) -> None:
        given = self.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(self, "__pydantic_fields_set__", shared)


class Timex(_Many):
    """A temporal expression found in a document, resolved in its context."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="'t1', 't2', ... in textual order; 't0' is the publication date.")
    text: str
    span: tuple[int, int] = Field(description="[begin, end) in code points of the document text.")
    type: TimexType
    value: str
    mod: str | None = None
    start: str | None = None
    end: str | None = None
    granularity: str | None = None
    approximate: bool = False
    anchor: str | None = Field(
        None, description="The date the value was computed from; null when the text fixed it."
    )
    anchor_id: str | None = Field(
        None,
        description="What the value was counted from: 't0' (the publication date), a timex id, "
        "or an event id ('dua hari setelah insiden': the incident's event).",
    )
    rule: str
    warnings: list[str] = Field(default_factory=list)


class EventMention(_Many):
    """One place in the text where an event is told, with the expression that dates it."""

    model_config = ConfigDict(frozen=True)

    text: str
    span: tuple[int, int]
    timex: str | None = Field(None, description="Id of the timex dating this mention.")


class Trigger(_Many):
    """The word (verb or event noun) that names a happening."""

    model_config = ConfigDict(frozen=True)

    text: str
    span: tuple[int, int] = Field(description="[begin, end) in code points of the document text.")


class Event(_Many):
    """One happening (a predicate with its clause) and the one time expression that dates it."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, serialize_by_alias=True)

    id: str = Field(description="'e1', 'e2', ... in chronological order.")
    text: str = Field(description="The happening's clause, trimmed (no leading connective).")
    span: tuple[int, int] = Field(description="[begin, end) of the first mention's clause.")
    title: str = Field(
        "",
        description="A short label (about 12 words at most, in the article's language): the "
        "happening with its main participants, without attribution or time phrases.",
    )
    sentence: tuple[int, int] | None = Field(
        None, description="[begin, end) of the sentence of the first mention."
    )
    trigger: Trigger | None = Field(
        None, description="The word that names the happening (a verb or an event noun)."
    )
    event_class: EventClass = Field(
        "OCCURRENCE", alias="class", description="TimeML event class of the happening."
    )
    dated_by: str | None = Field(
        None, description="Id of the one timex that dates the happening; null when none does."
    )
    relative_to: str | None = Field(
        None,
        description="With relation after/before/since/until: the id of the event the text dates "
        "this one from ('dua hari setelah insiden'), when that event has no date of its own.",
    )
    start: str | None = Field(None, description="Inclusive start; null for a vague past/future.")
    end: str | None = Field(None, description="Exclusive end; null for a vague past/future.")
    type: TimexType | None = Field(None, description="TIMEX3 type of the dating expression.")
    value: str | None = Field(None, description="TIMEX3 value of the dating expression.")
    granularity: str | None = Field(None, description="Calendar unit of the dating expression.")
    mod: str | None = Field(None, description="TIMEX3 mod of the dating expression.")
    approximate: bool = False
    relation: EventRelation = Field(
        "at",
        description="'at': in the dating time; 'since': from its start up to the publication "
        "date; 'until': up to its end; 'after'/'before': only relative to `relative_to`.",
    )
    inherited: bool = Field(
        False, description="Dated by the discourse it continues, not by an expression of its own."
    )
    timexes: list[str] = Field(
        default_factory=list,
        description="Ids of the timexes of the happening's clause, the dating one first.",
    )
    mentions: list[EventMention] = Field(
        default_factory=list,
        description="Every place the article tells this happening (the lead and the body often "
        "tell it twice).",
    )


class Document(BaseModel):
    """The extraction result for one document: what `timeline extract` prints."""

    model_config = ConfigDict(frozen=True)

    schema_version: str = Field(
        SCHEMA_VERSION, description="Version of this JSON's schema (grows, never renames)."
    )
    id: str
    published: str = Field(description="Publication date YYYY-MM-DD: the reference time (DCT).")
    published_source: PublishedSource = "cli"
    published_evidence: str | None = Field(
        None,
        description="With published_source 'estimated': the text that supports the estimate "
        "(a dateline, a full date whose weekday agrees); with 'html-byline': the byline's "
        "words or <time> value that gave the date.",
    )
    genre: Genre = Field(
        "news", description="How relative times were anchored: news, narrative or social."
    )
    genre_reason: str | None = Field(
        None, description="Why this genre: 'given' (--genre or the record's), or the clues."
    )
    lang: str
    lang_source: Literal["cli", "detected", "jsonl"] | None = Field(
        None,
        description="How lang was chosen: given with --lang (cli), detected from the text "
        "(detected), or the corpus record's own 'lang' (jsonl); null when not recorded.",
    )
    title: str | None = None
    text_length: int = Field(0, description="Length of the document text in code points.")
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(
        default_factory=list,
        description="Dated events, chronological: start, then end, then position in the text. "
        "Vague past events (no interval) come first, vague future ones last.",
    )
    undated_events: list[Event] = Field(
        default_factory=list, description="Events the text never dates; flagged, never guessed."
    )
    warnings: list[str] = Field(default_factory=list)
