"""Which rules can begin where: the tagger's index over a language's rules, built on first use.

Kept out of the language data: it is a cache the tagger fills as it reads texts (the rules that
can begin with each opening seen), not something a language file says.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.grammar import patterns as grammar
from timeline.grammar.patterns import first_prefixes, prefix_trie
from timeline.languages.language import Grammar


@cache
def index_of(rules: Grammar) -> RuleIndex:
    """The index of a language's grammar (one per loaded language, kept for the process)."""
    return RuleIndex(rules)


class RuleIndex:
    """Positions in a grammar's rules by the first letters their matches can begin with."""

    def __init__(self, rules: Grammar) -> None:
        self.rules = rules.rules
        self._rule_index: tuple[dict[str, tuple[int, ...]], tuple[int, ...]] | None = None
        self._starting: dict[str, tuple[int, ...]] = {}
        self._start_places: re.Pattern[str] | None = None
        self._opening_places: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def rule_index(self) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
        """Positions in `rules` by the first letters their matches can begin with, and those
        that can begin anywhere; built on first use (resolving a phrase does not need it)."""
        if self._rule_index is None:
            index: dict[str, list[int]] = {}
            anywhere = []
            for number, rule in enumerate(self.rules):
                prefixes = first_prefixes(rule.pattern, grammar.PREFIX_LENGTH)
                if "" in prefixes:
                    anywhere.append(number)
                    continue
                for prefix in prefixes:
                    index.setdefault(prefix, []).append(number)
            self._rule_index = ({k: tuple(v) for k, v in index.items()}, tuple(anywhere))
        return self._rule_index

    def start_places(self) -> re.Pattern[str]:
        """Where a match can begin: a word's first letter, or a sign some rule starts with
        ("'" in "'90s"); other punctuation is skipped without trying any rule."""
        if self._start_places is None:
            index, anywhere = self.rule_index()
            signs = sorted({key[0] for key in index if not key[0].isalnum()})
            letters = sorted({key[0] for key in index if key[0].isalpha()})
            if anywhere:  # a rule that can begin with anything: every place is a start
                signs_class = r"[^\w\s]"
            else:
                signs_class = "[" + "".join(re.escape(c) for c in signs) + "]" if signs else ""
            # a word start whose first letter begins some rule (any letter when a rule can
            # begin anywhere; digits always, as they fold to '9')
            if anywhere:
                word_start = r"(?<![^\W_])[^\W_]"
            else:
                initials = "".join(re.escape(c) for c in letters)
                word_start = (
                    rf"(?<![^\W_])(?:[0-9]|(?i:[{initials}]))" if initials else r"(?<![^\W_])[0-9]"
                )
            source = word_start + (f"|{signs_class}" if signs_class else "")
            self._start_places = re.compile(source)
        return self._start_places

    def opening_places(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """Where, in the folded text (tag.folded), some rule's prefix begins, as two patterns:
        one matching the character before a word that opens a prefix (search it in the folded
        text with a space put in front, so that the text's first word counts), one matching the
        sign that opens a prefix. Found by the regex engine in one pass each, so that the
        tagger's Python loop visits only places where some rule can match (about one word in
        ten of news text) instead of every word. Each pattern starts with a set of characters,
        which lets the engine skip ahead to the next candidate instead of trying the pattern at
        every place. None when a rule can begin anywhere."""
        if self._opening_places is None:
            index, anywhere = self.rule_index()
            if anywhere:
                return None
            keys = sorted({key[: grammar.PLACE_PREFIX_LENGTH] for key in index})
            words = [key for key in keys if key[0].isalnum()]
            by_sign: dict[str, list[str]] = {}
            for key in keys:
                if not key[0].isalnum():
                    by_sign.setdefault(key[0], []).append(key[1:])
            # one character per match: a sign inside a longer match may open a prefix too
            signs = "|".join(
                f"{re.escape(sign)}(?={prefix_trie(rests)})" for sign, rests in by_sign.items()
            )
            self._opening_places = (
                re.compile(rf"[\W_](?={prefix_trie(words)})"),
                re.compile(signs or r"(?!)"),
            )
        return self._opening_places

    def openings_seen(self) -> dict[str, tuple[int, ...]]:
        """The memo behind rules_starting, for the tagger's inner loop to read directly."""
        return self._starting

    def rules_starting(self, opening: str) -> tuple[int, ...]:
        """Which rules can begin with `opening` (the next PREFIX_LENGTH folded characters)."""
        found = self._starting.get(opening)
        if found is None:  # first time this opening is seen: union of its prefixes' rules
            index, anywhere = self.rule_index()
            numbers = set(anywhere)
            for width in range(1, len(opening) + 1):
                numbers.update(index.get(opening[:width], ()))
            found = self._starting[opening] = tuple(sorted(numbers))
        return found
