"""The words that show a sentence's happenings: where its clauses begin (`[clauses]`) and which
word of a clause names its happening (`[predicates]`).

Without a parser, clause structure is read from the words that open clauses (coordinators,
subordinators, relative and complement words, attributions) and the punctuation around them;
a predicate is read from the word's shape (Indonesian affixes, English past forms), checked
against the language's stemmer, and from word lists. All of it is data: a language lists its
words, the engine (timeline/events/) says how they combine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from timeline.grammar.patterns import grouped_alternation

EVENT_CLASSES = ("reporting", "i_action", "i_state", "aspectual", "perception", "state")
"""The TimeML classes a language lists predicates for; every other predicate is an OCCURRENCE."""


@dataclass(frozen=True, eq=False)
class ClauseWords:
    """The `[clauses]` section compiled."""

    coordinators: frozenset[str] = frozenset()
    subordinators: dict[str, str] = field(default_factory=dict)  # word -> relation
    relatives: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    attribution_openers: frozenset[str] = frozenset()
    reporting: frozenset[str] = frozenset()
    openers: re.Pattern[str] | None = None  # any opening word or phrase, at a word start

    def kind_of(self, opener: str) -> str:
        """What a clause opened by `opener` is: coordinated, subordinate, relative, complement
        or attribution."""
        word = opener.lower()
        if word in self.attribution_openers:
            return "attribution"
        if word in self.complementizers:
            return "complement"
        if word in self.relatives:
            return "relative"
        if word in self.subordinators:
            return "subordinate"
        return "coordinated"


@dataclass(frozen=True, eq=False)
class PredicateWords:
    """The `[predicates]` section compiled."""

    stemmer: str = "none"
    verb_prefixes: tuple[str, ...] = ()
    noun_circumfixes: tuple[tuple[str, str], ...] = ()
    verbs: frozenset[str] = frozenset()
    verb_endings: tuple[str, ...] = ()
    event_nouns: frozenset[str] = frozenset()
    general_events: frozenset[str] = frozenset()  # 'insiden': names no kind of happening
    not_verbs: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    participle_before: frozenset[str] = frozenset()  # 'led by': a participle, no predicate
    keep_in_titles: frozenset[str] = frozenset()
    classes: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> stems or words


def _lowered(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def compile_clauses(section: dict[str, Any]) -> ClauseWords:
    coordinators = _lowered(section.get("coordinators", []))
    subordinators = {k.lower(): str(v) for k, v in section.get("subordinators", {}).items()}
    relatives = _lowered(section.get("relatives", []))
    complementizers = _lowered(section.get("complementizers", []))
    attribution = _lowered(section.get("attribution_openers", []))
    words = [*coordinators, *subordinators, *relatives, *complementizers, *attribution]
    openers = (
        re.compile(rf"(?<![\w-])(?:{grouped_alternation(words)})(?![\w-])", re.IGNORECASE)
        if words
        else None
    )
    return ClauseWords(
        coordinators=coordinators,
        subordinators=subordinators,
        relatives=relatives,
        complementizers=complementizers,
        attribution_openers=attribution,
        reporting=_lowered(section.get("reporting", [])),
        openers=openers,
    )


def compile_predicates(section: dict[str, Any]) -> PredicateWords:
    return PredicateWords(
        stemmer=str(section.get("stemmer", "none")),
        verb_prefixes=tuple(
            sorted((p.lower() for p in section.get("verb_prefixes", [])), key=len, reverse=True)
        ),
        noun_circumfixes=tuple(
            (str(a).lower(), str(b).lower()) for a, b in section.get("noun_circumfixes", [])
        ),
        verbs=_lowered(section.get("verbs", [])),
        verb_endings=tuple(e.lower() for e in section.get("verb_endings", [])),
        event_nouns=_lowered(section.get("event_nouns", [])),
        general_events=_lowered(section.get("general_events", [])),
        not_verbs=_lowered(section.get("not_verbs", [])),
        auxiliaries=_lowered(section.get("auxiliaries", [])),
        participle_before=_lowered(section.get("participle_before", [])),
        keep_in_titles=_lowered(section.get("keep_in_titles", [])),
        classes={name: _lowered(section.get(name, [])) for name in EVENT_CLASSES},
    )
