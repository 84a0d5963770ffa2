"""A pydantic validation error as the one line a user reads: where, then what."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


def first_problem(exc: ValidationError) -> str:
    """'events.3.start: Input should be a valid string': the first error's place in the JSON
    (or 'top level') and its message, for errors that name the file they came from."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "top level"
    return f"{where}: {first.get('msg')}"
