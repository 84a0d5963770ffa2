"""Pydantic models: the one source of truth for the JSON the tool emits and its JSON Schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


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
