"""The closed vocabularies of the output (TIMEX3 types, where a date came from), as types that
modules can share without importing pydantic."""

from __future__ import annotations

from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

PublishedSource = Literal[
    "cli", "jsonl", "html-metadata", "html-byline", "json", "timeml", "estimated"
]
"""Where a document's publication date came from: --published, a corpus record, a page's
metadata, the byline or dateline of a page's article, an extract JSON, a TimeML DCT, or an
estimate from the text itself (the evidence is in `published_evidence`)."""

EventClass = Literal[
    "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "ASPECTUAL", "PERCEPTION", "I_STATE"
]
"""TimeML's event classes."""

EventRelation = Literal["at", "since", "until", "after", "before"]
"""How an event stands to the time that dates it: in it ('at'), from it up to the publication
date ('since'), up to it ('until'), or after / before another event (`relative_to`) when the text
dates it only from that event and the event itself is undated."""

Genre = Literal["news", "narrative", "social"]
"""Kinds of text that anchor their times differently (discourse/genres.py)."""

SCHEMA_VERSION = "2"
"""Version of the JSON that `timeline extract` emits; bumped whenever the schema grows (new
keys are added, none renamed or removed). 1: session 2; 2: events as happenings (title,
dated_by, sentence, class, trigger, relative_to), genres, estimated publication dates."""
