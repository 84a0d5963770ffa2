"""A compiled language: one typed object per section of its data file.

`Language` holds no state that changes while text is read: caches the tagger builds on first
use (which rules can begin with which letters) live in timeline/tagging/index.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.languages.cues import EventWords, TenseWords
from timeline.languages.genre_words import GenreWords
from timeline.languages.happenings import ClauseWords, PredicateWords
from timeline.languages.rules import Rule
from timeline.languages.stories import StoryWords
from timeline.languages.vocabulary import Vocabulary


@dataclass(frozen=True, eq=False)
class Grammar:
    """The `[[rules]]` and `[joins]` sections: what the tagger runs over a text."""

    rules: tuple[Rule, ...]
    date_time_join: re.Pattern[str]  # 'Senin (17/6) malam': between a day and its time
    time_date_join: re.Pattern[str] | None  # '9 a.m. Tuesday': between a time and its day
    join_examples: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, eq=False)
class Language:
    """A language as the engine reads it: `[language]` facts plus the compiled sections, and the
    profiles (e.g. earnings reports) that were switched on when it was loaded."""

    code: str
    name: str
    date_order: str  # numeric dates: DMY or MDY
    detect_words: frozenset[str]  # common words that break ties under --lang auto
    abbreviations: frozenset[str]  # words with a period that do not end a sentence
    name_words_before_years: frozenset[str]  # 'Pemilu 2024' dates its year; 'SEA Games 2025' not
    vocabulary: Vocabulary
    grammar: Grammar
    tense: TenseWords
    events: EventWords
    clauses: ClauseWords = field(default_factory=ClauseWords)
    predicates: PredicateWords = field(default_factory=PredicateWords)
    profiles: tuple[str, ...] = ()
    genre_words: GenreWords = field(default_factory=GenreWords)  # [genre]: posts' own words
    stories: StoryWords = field(default_factory=StoryWords)  # how `timeline story` compares
