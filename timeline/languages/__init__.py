"""Languages: one data file each (`<code>.toml` in this folder), compiled for the engine.

Adding a language means adding a data file here, nothing else: the set of languages is whatever
`*.toml` files this folder holds. See docs/adding-a-language.md; the loader (loader.py) compiles
each section with its own module (vocabulary, numbers, rules, cues) and checks the rules against
the engine's productions.
"""

from __future__ import annotations

from timeline.languages.language import Grammar, Language
from timeline.languages.loader import (
    available,
    common_words,
    compile_language,
    genre_words,
    load,
    profiles_of,
)
from timeline.languages.vocabulary import DATEPARSER_MONTHS

__all__ = [
    "AUTO",
    "DATEPARSER_MONTHS",
    "Grammar",
    "Language",
    "UnknownLanguage",
    "available",
    "common_words",
    "compile_language",
    "detection_score",
    "genre_words",
    "language_codes",
    "load",
    "profiles_of",
]

AUTO = "auto"


class UnknownLanguage(ValueError):
    """A language code with no data file; the message lists the ones there are."""


def language_codes(lang: str) -> list[str]:
    """The languages to try for `lang`: one code, or all of them for 'auto'."""
    codes = available()
    if lang == AUTO:
        return codes
    if lang not in codes:
        raise UnknownLanguage(
            f"unknown language {lang!r}; choose one of {', '.join(codes)} or auto"
        )
    return [lang]


def detection_score(text: str, code: str) -> int:
    """How many of a language's common words the text holds: breaks ties under --lang auto."""
    words = load(code).detect_words
    return sum(1 for token in text.lower().split() if token in words)
