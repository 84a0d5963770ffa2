"""The `[stories]` section: what `timeline story` needs to tell whether two reports say the same.

Two articles tell one happening with different forms of the same words ('menemukan', 'penemuan',
'ditemukan'; 'searched', 'searching') and, across languages, with different words ('ditemukan',
'found'). The section names the stemmer that folds the forms (the engine's registry,
timeline/languages/stemmers.py, maps the name to a maintained library), the words that carry no
content, irregular forms the stemmer cannot fold ('found' -> 'find'), and words that name the
same thing, as a canonical word of the `concepts_in` language: actions, what happens ('temu' ->
'find', 'discover' -> 'find'), and concepts, who and what it happens to ('kapal' -> 'ship'). The section holds words only; it is compiled without importing a stemmer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from timeline.grammar.patterns import GrammarError

_STEMMER = re.compile(r"[a-z][a-z0-9_-]{0,30}(?::[a-z][a-z0-9_-]{0,30})?")


@dataclass(frozen=True, eq=False)
class StoryWords:
    """The `[stories]` section compiled (words lowercased)."""

    stemmer: str = (
        "none"  # a name in timeline/languages/stemmers.py: 'sastrawi', 'snowball:english'
    )
    stopwords: frozenset[str] = frozenset()
    lemmas: dict[str, str] = field(default_factory=dict)  # surface form -> base word
    actions: dict[str, str] = field(default_factory=dict)  # what happens -> word of `concepts_in`
    concepts: dict[str, str] = field(default_factory=dict)  # who, what -> word of `concepts_in`
    light_actions: frozenset[str] = frozenset()  # actions that only say a happening took place
    concepts_in: str | None = None  # the language the concepts are written in
    min_length: int = 3  # shorter words are not content ('di', 'of') unless they are names


def compile_stories(section: dict[str, Any], code: str, source: str) -> StoryWords:
    """Check and compile the section; an error names the file and the key."""
    if not isinstance(section, dict):
        raise GrammarError(f"{source}: [stories] must be a table")
    stemmer = section.get("stemmer", "none")
    if not isinstance(stemmer, str) or not _STEMMER.fullmatch(stemmer):
        raise GrammarError(f"{source}: [stories] stemmer {stemmer!r} is not a stemmer name")
    concepts_in = section.get("concepts_in", code)
    if not isinstance(concepts_in, str):
        raise GrammarError(f"{source}: [stories] concepts_in must be a language code")
    min_length = section.get("min_length", 3)
    if not isinstance(min_length, int) or not 1 <= min_length <= 10:
        raise GrammarError(f"{source}: [stories] min_length must be a whole number 1-10")
    return StoryWords(
        stemmer=stemmer,
        stopwords=frozenset(_words(section, "stopwords", source)),
        lemmas=_table(section, "lemmas", source),
        actions=_table(section, "actions", source),
        concepts=_table(section, "concepts", source),
        light_actions=frozenset(_words(section, "light_actions", source)),
        concepts_in=concepts_in,
        min_length=min_length,
    )


def _words(section: dict[str, Any], key: str, source: str) -> list[str]:
    words = section.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise GrammarError(f"{source}: [stories] {key} must be a list of words")
    return [w.lower() for w in words]


def _table(section: dict[str, Any], key: str, source: str) -> dict[str, str]:
    table = section.get(key, {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise GrammarError(f"{source}: [stories] {key} must map words to words")
    return {k.lower(): v.lower() for k, v in table.items()}
