"""Which word of a clause names its happening, and what kind of happening it is.

No parser: a predicate is recognised by the word's shape and the language's lists
(`[predicates]` of the language file). In Indonesian a verb carries a verb prefix whose stem
(Sastrawi) is another word ('ditangkap' -> 'tangkap'), or is a listed root verb ('tewas'); an
event noun carries a nominalising circumfix ('penangkapan', 'kesepakatan') or is listed
('banjir', 'gencatan senjata'). In English a verb is a past form ('-ed' or a listed irregular
past), a form of a listed verb, or the word after an auxiliary ('will sign'); event nouns are
listed ('the crash', 'the election'). The first verb of a clause is its predicate, else its first
event noun: 'Polisi menangkap dua pelaku' -> 'menangkap'; 'the crash of flight 12' -> 'crash'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.events.spans import Spans
from timeline.languages import Language
from timeline.languages.stemmers import root_words, stemmer_named
from timeline.models.kinds import EventClass

WORD = re.compile(r"[^\W\d_][\w'’-]{0,40}")
"""A word: letters first, then letters, digits, apostrophes or hyphens (bounded)."""

_CLASS_NAMES: dict[str, EventClass] = {
    "reporting": "REPORTING",
    "i_action": "I_ACTION",
    "i_state": "I_STATE",
    "aspectual": "ASPECTUAL",
    "perception": "PERCEPTION",
    "state": "STATE",
}


@dataclass(frozen=True, slots=True)
class Predicate:
    """The word that names a clause's happening, where it is, and whether it is a verb."""

    start: int
    end: int
    word: str
    verb: bool


class PredicateReader:
    """Reads predicates in one language's text; remembers the words it has judged, since news
    repeats its verbs."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.words = language.predicates
        self.stem = stemmer_named(self.words.stemmer)
        self.roots = root_words(self.words.stemmer)
        self._verbs = _verb_forms(language)
        self._judged: dict[str, int] = {}  # word -> 2 verb, 1 event noun, 0 neither
        self._classes: dict[str, EventClass] = {}  # lowercased word -> its TimeML class
        # event nouns of several words, shortest first; ties in alphabetical order, so that
        # the choice never depends on a set's (hash-seeded) order
        self._phrases = sorted(
            (p for p in self.words.event_nouns if " " in p), key=lambda p: (len(p), p)
        )

    def kind(self, word: str, after_auxiliary: bool = False) -> int:
        """2 for a verb, 1 for an event noun, 0 for neither."""
        key = word.lower()
        found = self._judged.get(key)
        if found is None:
            found = self._judge(key)
            self._judged[key] = found
        if found == 0 and after_auxiliary and key not in self.words.not_verbs and len(key) > 2:
            return 2  # 'will sign', 'akan hadir': what follows an auxiliary is the verb
        return found

    def _judge(self, word: str) -> int:
        words = self.words
        if word in self._verbs:
            return 2
        if word in words.event_nouns:
            return 1
        if word in words.not_verbs or word in words.auxiliaries:
            return 0
        if self.language.tense.past_cues.fullmatch(word):
            return 2
        prefix = next((p for p in words.verb_prefixes if word.startswith(p)), None)
        if prefix is not None and len(word) >= len(prefix) + 3:
            stem = self.stem(word)
            derived = stem != word and len(stem) >= 3
            if (derived or (self.roots and word not in self.roots)) and not self._nominal(
                word, stem
            ):
                return 2
        if self._nominal(word, self.stem(word)):
            return 1
        return 0

    def _nominal(self, word: str, stem: str) -> bool:
        """A noun made from a verb by a circumfix ('pertemuan' from 'temu')."""
        return any(
            word.startswith(before) and word.endswith(after) and stem != word and len(stem) >= 3
            for before, after in self.words.noun_circumfixes
        )

    def find(self, text: str, start: int, end: int, skipped: Spans) -> Predicate | None:
        """The clause's predicate: its first verb, else its first event noun; words inside the
        `skipped` spans (its time expressions) do not count."""
        noun: Predicate | None = None
        modifier: Predicate | None = None
        after_auxiliary = False
        first = True
        for match in WORD.finditer(text, start, end):
            if skipped.holds(match.start()):
                after_auxiliary = False
                continue
            word = match.group()
            kind = self.kind(word, after_auxiliary)
            if kind == 2 and not first and word[:1].isupper() and not word.isupper():
                kind = 0  # a capitalised word inside a clause is a name ('Perludem'), no verb
            first = False
            if kind == 2 and not after_auxiliary and self._modifies(text, match.end(), end):
                modifier = modifier or Predicate(match.start(), match.end(), word, True)
                kind = 0  # 'a group led by three directors': a participle, not the predicate
            if kind == 2:
                return Predicate(match.start(), match.end(), word, True)
            if kind == 1 and noun is None:
                noun = Predicate(match.start(), match.end(), word, False)
            after_auxiliary = word.lower() in self.words.auxiliaries
        if noun is None:
            noun = self._event_phrase(text, start, end, skipped)
        return noun or modifier

    def _modifies(self, text: str, offset: int, end: int) -> bool:
        """A participle that modifies a noun: followed by its agent ('led by', 'distributed
        by'), as the language file's `participle_before` words say."""
        if not self.words.participle_before:
            return False
        following = WORD.match(text, offset + _spaces(text, offset), end)
        return following is not None and following.group().lower() in self.words.participle_before

    def _event_phrase(self, text: str, start: int, end: int, skip: Spans) -> Predicate | None:
        """A listed event noun of several words ('gencatan senjata', 'unjuk rasa')."""
        lowered = text[start:end].lower()
        for phrase in self._phrases:
            at = lowered.find(phrase)
            if at >= 0 and not skip.holds(start + at):
                return Predicate(start + at, start + at + len(phrase), phrase, False)
        return None

    def event_class(self, word: str) -> EventClass:
        """The TimeML class of a predicate, by its stem or the word itself ('mengatakan' ->
        'kata' -> REPORTING)."""
        key = word.lower()
        found = self._classes.get(key)
        if found is None:
            found = self._classes[key] = self._judge_class(key)
        return found

    def _judge_class(self, key: str) -> EventClass:
        stem = self.stem(key)
        for name, members in self.words.classes.items():
            if (
                key in members
                or stem in members
                or any(len(m) >= 4 and key.startswith(m) for m in members)
            ):
                return _CLASS_NAMES[name]
        return "OCCURRENCE"


def _spaces(text: str, offset: int) -> int:
    count = 0
    while offset + count < len(text) and count < 5 and text[offset + count] == " ":
        count += 1
    return count


@cache
def _verb_forms(language: Language) -> frozenset[str]:
    """The listed verbs with their inflected forms (English 'sign', 'signs', 'signed',
    'signing'), the past words of the tense cues, and the reporting verbs."""
    words = language.predicates
    forms: set[str] = set()
    for verb in words.verbs:
        forms.add(verb)
        for ending in words.verb_endings:
            forms.add(verb + ending)
            if verb.endswith("e") and ending[0] in "ei":
                forms.add(verb[:-1] + ending)
    forms |= language.tense.past_words
    forms |= language.clauses.reporting
    return frozenset(forms - words.not_verbs - words.auxiliaries)


def reader_for(language: Language) -> PredicateReader:
    """One reader per language for the process (its memo grows with the words it sees)."""
    return _readers(language)


@cache
def _readers(language: Language) -> PredicateReader:
    return PredicateReader(language)
