"""Which characters the picture's font can draw, and a visible stand-in for the others.

Scraped news carries emoji ("🔥") and CJK ("米") that DejaVu Sans, the one font the picture uses
(shipped with matplotlib, so every machine draws the same bytes), has no glyph for. matplotlib
would fail on them while measuring, or draw an empty box without saying so. Each such character
is drawn as U+FFFD '�', the Unicode replacement character, and the caller tells the user which
characters were replaced. A font with CJK and emoji coverage would have to be downloaded or
add tens of megabytes to the install; colour emoji fonts cannot be drawn by matplotlib at all.
"""

from __future__ import annotations

import unicodedata
from functools import cache

FONT = "DejaVu Sans"
REPLACEMENT = "\ufffd"
ZWJ = "\u200d"
SHOWN = 5
"""How many distinct replaced characters the warning names."""


@cache
def drawable() -> frozenset[int]:
    """Code points every face of the font the picture uses (regular, bold, oblique) can draw."""
    from matplotlib.font_manager import FontProperties, findfont, get_font

    faces = []
    for weight in ("normal", "bold"):
        for style in ("normal", "italic"):
            properties = FontProperties(family=FONT, weight=weight, style=style)
            faces.append(frozenset(get_font(findfont(properties)).get_charmap()))
    return frozenset.intersection(*faces)


class GlyphFilter:
    """Replaces characters the font lacks and remembers them, in order of first appearance."""

    def __init__(self, covered: frozenset[int] | None = None) -> None:
        self.covered = drawable() if covered is None else covered
        self.missing: dict[str, int] = {}
        """Each replaced character and how often it was met."""

    def __call__(self, text: str) -> str:
        if all(ord(char) in self.covered for char in text):
            return text
        out: list[str] = []
        joined = False
        for char in text:
            if (
                out
                and out[-1] == REPLACEMENT
                and (_modifies(char) or (joined and ord(char) not in self.covered))
            ):
                # a joiner, variation selector or skin tone of a symbol already replaced, or
                # the next emoji of a joined sequence: one symbol gets one stand-in
                # ("👍🏽" and "👨‍👩‍👧" are one '�' each)
                joined = char == ZWJ
                continue
            joined = False
            if ord(char) in self.covered or char in "\n\t":
                out.append(char)
            else:
                out.append(REPLACEMENT)
                self.missing[char] = self.missing.get(char, 0) + 1
        return "".join(out)

    def warning(self) -> str | None:
        """One line naming what was replaced, or None when nothing was."""
        if not self.missing:
            return None
        names = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in list(self.missing)[:SHOWN])
        more = f" and {len(self.missing) - SHOWN} more" if len(self.missing) > SHOWN else ""
        return (
            f"the picture's font ({FONT}) has no glyph for {names}{more}; "
            f"drawn as {REPLACEMENT!r} instead"
        )


def _modifies(char: str) -> bool:
    """Whether `char` only changes the symbol before it (joiners, marks, skin tones)."""
    return (
        char == ZWJ
        or unicodedata.category(char) in ("Mn", "Me", "Cf")
        or 0x1F3FB <= ord(char) <= 0x1F3FF
    )
