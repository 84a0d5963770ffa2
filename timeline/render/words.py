"""The picture's own words (captions, legend, notes) in the language the picture is drawn in.

They live in the `[picture]` table of each language file, beside the words the extractor reads,
so a new language brings its picture along; a language without the table, or without one of
its entries, gets the English words rather than a picture that mixes in a key name.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

FALLBACK = "en"

Phrase = str | Mapping[str, str]
"""A phrase, or its forms for one and for more: {"one": ..., "other": ...}."""


@dataclass(frozen=True)
class PictureWords:
    """The phrases of one language; `say` fills in their {n}, {date} and {span}."""

    lang: str
    phrases: Mapping[str, Phrase]

    def say(self, key: str, n: int | None = None, **values: str) -> str:
        phrase = self.phrases[key]
        if not isinstance(phrase, str):
            phrase = phrase["one"] if n == 1 else phrase["other"]
        return phrase.format(n="" if n is None else n, **values)


@cache
def picture_words(lang: str) -> PictureWords:
    """The picture's words for `lang`, completed from English where the language has none."""
    english = _table(FALLBACK)
    own = _table(lang) if lang != FALLBACK else {}
    return PictureWords(lang if own else FALLBACK, {**english, **own})


def _table(lang: str) -> dict[str, Phrase]:
    try:
        text = resources.files("timeline.languages").joinpath(f"{lang}.toml").read_text("utf-8")
        table = tomllib.loads(text).get("picture", {})
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return table if isinstance(table, dict) else {}
