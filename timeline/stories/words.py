"""What a report says, as features two reports can share: names, numbers, content words.

Two outlets tell one happening in their own words, so the words are normalised before they are
compared, with the language's `[stories]` data (timeline/languages/stories.py):

- content words are lowercased, stripped of stopwords, folded by the language's stemmer
  ('ditemukan' -> 'temu') and, where the language data gives one, replaced by a concept written
  in the concepts' language ('temu' -> 'find', 'discovered' -> 'find'), so an Indonesian and an
  English report can share words; a word with no concept stays in its own language ('id:rombong');
- names are capitalised words (and acronyms) that are not just the first word of a sentence;
  they are compared as written, lowercased, without dots ('H.W.' = 'HW') and in both languages;
- numbers are compared by value: '1,200', '1.200' and 'twelve hundred' are one number.

Time expressions are blanked out of the text first: 'Sabtu (21/6)' must not make two reports
look alike. Tokens come from one linear regex; each feature carries a kind weight (names and
numbers say more about which happening it is than a common verb).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from timeline import languages
from timeline.ingest.sentences import dateline_end
from timeline.languages.numbers import Numbers
from timeline.languages.stemmers import Stemmer, stemmer_named

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_][^\W_]*(?:[-'’.][^\W_]+)*")
"""A number with its separators ('1,200', '05.40') or a word with inner hyphens, apostrophes and
dots ('anak-anak', "company's", 'H.W'). Each repetition needs a separator: linear."""

_DATELINE = re.compile(r"\s{0,3}[A-Z][^\n]{0,60}?\s(?:--|[-–—])\s")
"""An outlet's dateline opening an article: 'Sukabumi, Lintas Nusantara --', 'Meridian Wire -',
'Sukabumi (KBN) -' (bounded, so linear)."""

_OPENERS = frozenset(".!?:;\"“”‘'(–—-\n")
"""After these a capital letter says nothing: a sentence, a quotation or a dateline begins."""

ACTION_WEIGHT = 2.5
"""What happens ('found', 'ditemukan') says most about which happening a report tells."""
NAME_WEIGHT = 1.5
NUMBER_WEIGHT = 1.5
WORD_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Token:
    """A word or number of a report, and whether it opens a sentence (so its capital is moot)."""

    text: str
    initial: bool


def tokens(text: str) -> list[Token]:
    """The tokens of a text; timexes should already be blanked (see `blank`)."""
    found: list[Token] = []
    for match in TOKEN.finditer(text):
        word = match.group()
        initial = False
        if word[0].isupper():  # only a capital needs to know whether it opens a sentence
            at = match.start() - 1
            while at >= 0 and text[at] in " \t":
                at -= 1
            initial = at < 0 or text[at] in _OPENERS
        found.append(Token(word, initial))
    return found


def blank(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> str:
    """text[start:end] with the given spans (absolute offsets) replaced by spaces, and a news
    dateline at its start ('SUKABUMI, Warta Nusa –') dropped: outlets are not happenings."""
    chars = list(text[start:end])
    for b, e in spans:
        for i in range(max(b, start), min(e, end)):
            chars[i - start] = " "
    piece = "".join(chars)
    if start == 0 or text[start - 1] == "\n":
        cut = dateline_end(piece)
        if start == 0 and cut == 0:
            found = _DATELINE.match(piece)
            cut = found.end() if found else 0
        piece = " " * cut + piece[cut:]
    return piece


def without_dateline(text: str) -> str:
    """A title or sentence without the outlet's dateline it may open with."""
    cut = dateline_end(text)
    if cut == 0:
        found = _DATELINE.match(text)
        cut = found.end() if found else 0
    return text[cut:].strip() or text


def name_key(word: str) -> str:
    """A name as compared: lowercase, no dots or apostrophes, no possessive ('H.W.' -> 'hw')."""
    lowered = word.lower()
    for possessive in ("'s", "’s"):
        lowered = lowered.removesuffix(possessive)
    return lowered.replace(".", "").replace("'", "").replace("’", "")


def is_name_form(token: Token) -> bool:
    """Capitalised ('Salsabila') or an acronym ('SAR', 'H.W')."""
    first = token.text[0]
    return first.isupper() and not first.isdigit()


class WordReader:
    """One language's normalisation of report text into features."""

    def __init__(self, code: str) -> None:
        language = languages.load(code)
        words = language.stories
        self.code = code
        self.stem: Stemmer = stemmer_named(words.stemmer)
        self.stopwords = words.stopwords | language.events.stopwords
        self.lemmas = words.lemmas
        self.min_length = words.min_length
        self.numbers: Numbers = language.vocabulary.numbers
        self._number_words = (
            set(self.numbers.words) | set(self.numbers.multipliers) | set(self.numbers.adders)
        ) - {"a", "an", "se"}
        concepts_in = words.concepts_in or code
        self.own_concepts = concepts_in == code
        self.concepts: dict[str, str] = {}  # stem -> 'a:find' (an action) or 'c:ship'
        # actions that only say a happening took place ('a:hold'): they disagree with none
        self.light_actions: frozenset[str] = frozenset()
        if self.own_concepts:
            self.light_actions = frozenset("a:" + self._stem_of(v) for v in words.light_actions)
            for value in _action_words(code):  # every language's actions written in this one
                self.concepts[self._stem_of(value)] = "a:" + self._stem_of(value)
            for key, value in words.concepts.items():
                self.concepts[self._stem_of(key)] = "c:" + self._stem_of(value)
            for key, value in words.actions.items():
                self.concepts[self._stem_of(key)] = "a:" + self._stem_of(value)
        else:
            target = reader(concepts_in)
            self.light_actions = (
                frozenset("a:" + target._stem_of(v) for v in words.light_actions)
                | target.light_actions
            )
            for key, value in words.concepts.items():
                self.concepts[self._stem_of(key)] = "c:" + target._stem_of(value)
            for key, value in words.actions.items():
                self.concepts[self._stem_of(key)] = "a:" + target._stem_of(value)

    def stems(self, texts: Iterable[str]) -> dict[str, str]:
        """The stems of every word of these texts, as the stemmer's memory keys them: what a
        worker process sends back with its articles (see `learn`)."""
        found: dict[str, str] = {}
        for text in texts:
            for token in tokens(text):
                word = token.text
                if word[0].isdigit():
                    continue
                for part in (word, *word.split("-")) if "-" in word else (word,):
                    key = name_key(part) if "'" in part or "’" in part else part.lower()
                    if part and len(key) >= 2 and key not in self.stopwords:
                        lemma = self.lemmas.get(key, key)
                        found[lemma] = self.stem(lemma)
        return found

    def learn(self, stems: dict[str, str]) -> None:
        """Take stems worked out elsewhere (same stemmer, same results) into the memory."""
        learn = getattr(self.stem, "learn", None)
        if learn is not None:
            learn(stems)

    def _stem_of(self, word: str) -> str:
        lowered = word.lower()
        return self.stem(self.lemmas.get(lowered, lowered))

    def word_feature(self, word: str) -> str | None:
        """The feature of a content word ('ditemukan' -> 'a:find', 'rombongan' ->
        'id:rombong'), or None for a stopword or a short word."""
        lowered = name_key(word) if "'" in word or "’" in word else word.lower()
        if lowered in self.stopwords or len(lowered) < self.min_length:
            return None
        stem = self._stem_of(lowered)
        if stem in self.stopwords or len(stem) < 2:
            return None
        concept = self.concepts.get(stem)
        if concept is not None:
            return concept
        return ("c:" if self.own_concepts else self.code + ":") + stem

    def number_value(self, text: str) -> str | None:
        """A number in digits as its canonical value: '1,200' and '1.200' are 1200, '2,5' is
        2.5 here and '2.5' too; clock times and dates are blanked before this is called."""
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
            return str(int(re.sub(r"[.,]", "", text)))
        if re.fullmatch(r"\d+[.,]\d{1,2}", text):
            return _canonical(float(text.replace(",", ".")))
        if text.isdigit():
            return str(int(text))
        return None

    def features(self, items: list[Token], names: set[str]) -> dict[str, float]:
        """The features of a report's tokens: feature -> kind weight. `names` are the words seen
        capitalised inside a sentence anywhere in the story, so a name that opens a sentence
        ('Salsabila mendaki ...') is still a name. A run of names is one name: its words share
        the weight of one, and its initials are a name too ('Salsabila Putri Anjani' = 'SPA')."""
        found: dict[str, float] = {}
        run: list[str] = []
        index = 0
        while index < len(items):
            token = items[index]
            end = self._number_run(items, index)
            if end:
                value = self.numbers.amount(" ".join(t.text.lower() for t in items[index:end]))
                if value is not None and value.value is not None and value.value >= 2:
                    found["#:" + _canonical(value.value)] = NUMBER_WEIGHT
                self._close_run(run, found)
                index = end
                continue
            following = items[index + 1] if index + 1 < len(items) else None
            name = self._name(token, following, names)
            if name is not None:
                run.append(name)
            else:
                self._close_run(run, found)
                self._add_token(token, found)
            index += 1
        self._close_run(run, found)
        return found

    def _name(self, token: Token, following: Token | None, names: set[str]) -> str | None:
        """The name key of a token that is part of a name, else None."""
        text = token.text
        if text[0].isdigit() or not is_name_form(token):
            return None
        key = name_key(text)
        if key in self.stopwords or len(key) < 2 or self.concepts.get(self._stem_of(key)):
            return None
        if not token.initial or key in names or text.isupper():
            return key
        if following is not None and not following.initial and is_name_form(following):
            return key  # 'Salsabila Putri ...' opening a sentence
        return None

    @staticmethod
    def _close_run(run: list[str], found: dict[str, float]) -> None:
        if not run:
            return
        share = NAME_WEIGHT / math.sqrt(len(run))
        for key in run:
            found["n:" + key] = max(found.get("n:" + key, 0.0), share)
        if len(run) >= 3:  # 'SPA'; two letters ('AS' of 'Alas Strait') match by chance
            found["n:" + "".join(k[0] for k in run)] = NAME_WEIGHT
        run.clear()

    def _add_token(self, token: Token, found: dict[str, float]) -> None:
        text = token.text
        if text[0].isdigit():
            if "-" in text:
                for part in text.split("-"):
                    if part:
                        self._add_token(Token(part, token.initial), found)
                return
            value = self.number_value(text)
            if value is not None and float(value) >= 2:
                found["#:" + value] = NUMBER_WEIGHT
            return
        if "-" in text and not _reduplication(text):  # '-year-old', 'K9-unit', not 'anak-anak'
            for part in text.split("-"):
                if part:
                    self._add_token(Token(part, token.initial), found)
            return
        feature = self.word_feature(text)
        if feature is not None:
            # a light action ('held') says only that something happened: an ordinary word
            action = feature.startswith("a:") and feature not in self.light_actions
            weight = ACTION_WEIGHT if action else WORD_WEIGHT
            found[feature] = max(found.get(feature, 0.0), weight)

    def _number_run(self, items: list[Token], index: int) -> int:
        """The end of a run of number words starting at `index` ('one hundred and twenty',
        'dua puluh'), or 0 when none starts there."""
        words = self._number_words
        if items[index].text.lower() not in words:
            return 0
        end = index + 1
        while end < len(items):
            word = items[end].text.lower()
            if word in words:
                end += 1
            elif (
                word in self.numbers.connectors
                and end + 1 < len(items)
                and items[end + 1].text.lower() in words
            ):
                end += 2
            else:
                break
        return end


def _action_words(code: str) -> set[str]:
    """The words of `code` that any language's actions map to (so an English 'erupted' is the
    action an Indonesian 'meletus' names even if en.toml does not list it)."""
    found: set[str] = set()
    for other in languages.available():
        words = languages.load(other).stories
        if (words.concepts_in or other) == code:
            found.update(words.actions.values())
    return found


def name_candidates(items: list[Token]) -> set[str]:
    """Words capitalised inside a sentence: the story's names ('Cidahu', 'Basarnas', 'HW')."""
    return {name_key(t.text) for t in items if not t.initial and is_name_form(t)}


def _reduplication(word: str) -> bool:
    """'anak-anak', 'korban-korban': a plural the stemmer folds, not two words."""
    parts = word.lower().split("-")
    return len(parts) == 2 and parts[0] == parts[1]


def _canonical(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


@cache
def reader(code: str) -> WordReader:
    """The reader of a language (loaded once: the stemmer and the concept table)."""
    return WordReader(code)
