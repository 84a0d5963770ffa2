"""Spans of a Document read from repaired text, moved back onto the text the user gave.

The pipeline reads the text with its scraping artefacts repaired (ingest/normalise.py): "Sejak
2019" for "Sejak2019", "–" for "&ndash;". Offsets in the output must count code points of the
user's own text, so every span of the Document is mapped back here, and a timex's `text`
becomes the original characters of its span ("12&nbsp;Juni 2024"), as TimeML marks an
expression. Descriptions (event text, titles) keep the repaired words.

Which fields are spans is read from the models themselves (every field typed `tuple[int, int]`,
at any depth), so a span added to the schema later is mapped without a change here.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from timeline.ingest.normalise import Normalised
from timeline.models.document import Timex

_SPAN = tuple[int, int]


def on_original(items: list[Any], normal: Normalised, original: str) -> None:
    """Move the spans of `items` (timexes or events, extracted from `normal.text`) onto
    `original`, in place: each item is replaced as it is moved, so a document's models are never
    held twice. A timex's text becomes the original characters of its span."""
    if not normal.changed:
        return
    for index, item in enumerate(items):
        moved = _moved(item, normal)
        if isinstance(moved, Timex):
            begin, end = moved.span
            if moved.text != original[begin:end]:
                moved = _copy(moved, {"text": original[begin:end]})
        items[index] = moved


def _copy(model: BaseModel, updates: dict[str, Any]) -> BaseModel:
    copied = model.model_copy(update=updates)
    copied.model_post_init(None)  # share its set of given fields again (models/document.py)
    return copied


def _moved(model: BaseModel, normal: Normalised) -> BaseModel:
    """`model` with its spans mapped; the same object when none of them moves (every span
    before the first repair), so a document pays only for what follows an artefact."""
    updates: dict[str, Any] = {}
    for name, kind in _fields(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        if kind == "span":
            moved: Any = normal.original_span(*value)
        elif kind == "model":
            moved = _moved(value, normal)
        else:
            items = [_moved(item, normal) for item in value]
            moved = items if any(a is not b for a, b in zip(items, value, strict=True)) else value
        if moved is not value and moved != value:
            updates[name] = moved
    return _copy(model, updates) if updates else model


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """The fields of `model` that hold spans ('span'), a model ('model') or a list of models
    ('models'), each possibly optional."""
    found = []
    hints = typing.get_type_hints(model)
    for name in model.model_fields:
        kind = _kind(hints[name])
        if kind is not None:
            found.append((name, kind))
    return tuple(found)


def _kind(annotation: Any) -> str | None:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        kinds = {_kind(arg) for arg in typing.get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 else None
    if annotation == _SPAN:
        return "span"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model"
    if origin is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "models"
    return None
