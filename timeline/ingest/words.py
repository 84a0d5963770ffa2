"""The words just before a place in the text: how the tagger, the tense rules and the events look
back from an expression ('since', 'by', 'until', 'will be', 'ahead of', a name before a year).

Every look-back reads a bounded window of characters, so that a rule costs the same on any text
(linear overall), and each window has a name here that says how far it reaches and why.
"""

from __future__ import annotations

from enum import IntEnum


class Reach(IntEnum):
    """How many characters before a place a look-back reads."""

    AUXILIARY = 12
    """An auxiliary right before a past form: 'will be held', 'akan di-'."""
    SIGNAL = 20
    """The word right before an expression: 'by', 'until', 'hingga', 'sejak'."""
    PHRASE = 30
    """A short phrase before an expression: 'ahead of', a preposition with its comma."""
    CLAUSE_START = 40
    """A few words of the clause before an expression: 'since shortly after the'."""
    NAME = 45
    """A proper name (with a small number) before a year: 'Jakarta Marathon 2025'."""


def window_before(text: str, offset: int, reach: Reach, floor: int = 0) -> str:
    """The `reach` characters before `offset`, never before `floor` (a sentence's start)."""
    return text[max(floor, offset - reach) : offset]


def words_before(text: str, offset: int, reach: Reach, floor: int = 0) -> list[str]:
    """The whitespace-separated words of the window before `offset` (the first may be cut)."""
    return window_before(text, offset, reach, floor).split()


def last_word_before(text: str, offset: int, reach: Reach, floor: int = 0) -> str | None:
    """The last word before `offset`, lowercased; None when the window holds none."""
    words = words_before(text, offset, reach, floor)
    return words[-1].lower() if words else None
