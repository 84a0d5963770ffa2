"""The closed vocabularies of the output (TIMEX3 types, where a date came from), as types that
modules can share without importing pydantic."""

from __future__ import annotations

from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

PublishedSource = Literal["cli", "jsonl", "html-metadata", "json", "timeml"]
"""Where a document's publication date came from: --published, a corpus record, a page's
metadata, an extract JSON or a TimeML DCT."""
