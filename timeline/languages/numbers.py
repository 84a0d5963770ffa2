"""The numbers of a language: number words, vague amounts and years said in words.

A count is read additively from the language's words ('dua puluh tiga' is 2 x 10 + 3, 'twenty-one'
is 20 + 1), so a language gives its words and their values, never code. The compiled `Numbers`
also carries the regex of years in words ('nineteen ninety-six'), built from the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from timeline.grammar.patterns import words_alternation
from timeline.grammar.specs import Amount


def normalise(text: str) -> str:
    """A word as the tables key it: lowercase, single spaces, no final period."""
    return " ".join(text.lower().split()).rstrip(".")


@dataclass(frozen=True, eq=False)
class Numbers:
    """The `[numbers]` section compiled: number words and how they combine."""

    words: dict[str, float] = field(default_factory=dict)
    multipliers: dict[str, float] = field(default_factory=dict)
    adders: dict[str, float] = field(default_factory=dict)
    vague: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()  # 'and' in 'one hundred and twenty'
    # Years in words: 'nineteen ninety-six' is the century word's 1900 plus 'ninety-six'
    year_bases: dict[str, int] = field(default_factory=dict)
    amount_pattern: str = r"(?!)"
    spoken_year_pattern: str | None = None
    thousands: str = ""  # the separator of groups of three digits: '1.956 hari', '1,500 years'

    def amount(self, text: str) -> Amount | None:
        key = normalise(text)
        if key in self.vague:
            return Amount(None)
        if key[:1].isdigit():
            if self.thousands and _grouped(self.thousands).fullmatch(key):
                return Amount(float(key.replace(self.thousands, "")))
            return Amount(float(key.replace(",", ".")))
        return _parse_number_words(key, self)

    def spoken_year(self, text: str) -> int | None:
        """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001, 'nineteen hundred'
        -> 1900: the base word of the language file plus the number words after it."""
        key = normalise(text)
        for base, year in sorted(self.year_bases.items(), key=lambda item: -len(item[0])):
            if key.startswith(base + " ") or key.startswith(base + "-"):
                rest = key[len(base) + 1 :]
                if rest in self.multipliers:  # 'nineteen hundred'
                    return year
                amount = _parse_number_words(rest, self)
                return None if amount is None or amount.value is None else year + int(amount.value)
        return None


def _grouped(separator: str) -> re.Pattern[str]:
    """Digits in groups of three: '1.956' with '.' as the thousands separator."""
    return re.compile(rf"[0-9]{{1,3}}(?:{re.escape(separator)}[0-9]{{3}}){{1,3}}")


def compile_numbers(section: dict[str, Any]) -> Numbers:
    """The `[numbers]` section: words, multipliers, adders, singles, vague words, connectors and
    the optional years in words."""
    number_words = {k.lower(): float(v) for k, v in section.get("words", {}).items()}
    multipliers = {k.lower(): float(v) for k, v in section.get("multipliers", {}).items()}
    adders = {k.lower(): float(v) for k, v in section.get("adders", {}).items()}
    singles = {k.lower(): float(v) for k, v in section.get("singles", {}).items()}
    vague = frozenset(w.lower() for w in section.get("vague", []))
    word_alt = words_alternation(list(number_words) + list(multipliers) + list(adders))
    joiner = words_alternation(section.get("connectors", []))
    gap = rf"(?:\s{{1,3}}|-)(?:(?:{joiner})\s{{1,3}})?"
    number_sequence = rf"(?:{word_alt})(?:{gap}(?:{word_alt})){{0,4}}"
    thousands = str(section.get("thousands", ""))
    amount_pattern = "|".join(
        (
            words_alternation(list(vague)),
            words_alternation(list(singles)),
            # a count in groups of three digits: '1.956 hari', '1,500 years'
            *([rf"{_grouped(thousands).pattern}(?![0-9])"] if thousands else []),
            # a count in digits, but not one that reads as a year: "2024 tahun lalu" is a year
            # followed by "last year"; "3000 tahun yang lalu" is a count
            r"(?:[0-9]{1,3}|(?!1[0-9]{3}|20[0-9]{2}|21[0-9]{2})[0-9]{4})(?:[.,][0-9]{1,2})?",
            number_sequence,
        )
    )
    spoken = _spoken_year_pattern(section.get("years", {}), number_words, multipliers, joiner)
    year_bases, spoken_pattern = spoken if spoken is not None else ({}, None)
    number_words.update(singles)
    return Numbers(
        words=number_words,
        multipliers=multipliers,
        adders=adders,
        vague=vague,
        connectors=frozenset(w.lower() for w in section.get("connectors", [])),
        year_bases=year_bases,
        amount_pattern=amount_pattern,
        spoken_year_pattern=spoken_pattern,
        thousands=thousands,
    )


def roman_to_int(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total, previous = 0, 0
    for char in reversed(text.upper()):
        value = values[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if total > 0 and _int_to_roman(total) == text.upper() else None


def _int_to_roman(number: int) -> str:
    out = []
    for value, symbol in (
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            out.append(symbol)
            number -= value
    return "".join(out)


def _spoken_year_pattern(
    years: dict[str, Any],
    number_words: dict[str, float],
    multipliers: dict[str, float],
    joiner: str,
) -> tuple[dict[str, int], str] | None:
    """The regex of years said in words, built from the language's number words: a century
    word and a number from 10 to 99 ('nineteen ninety-six', 'twenty twenty-four'), or a
    thousands word and a number from 1 to 99 ('two thousand and one'). The same words count
    things ('twenty twenty-four tickets', 'nineteen hundred sheep'), so such a year is one only
    right after a word of the language file that introduces a year ('in', 'since', 'of'), or
    when no lowercase word follows it ('Atlanta, nineteen ninety-six.'); a century's hundred
    ('nineteen hundred') only after such a word. A thousands word alone ('two thousand') is a
    count, never a year here."""
    centuries = {k.lower(): int(v) for k, v in years.get("centuries", {}).items()}
    thousands = {k.lower(): int(v) for k, v in years.get("thousands", {}).items()}
    if not centuries and not thousands:
        return None
    ones = [w for w, v in number_words.items() if 1 <= v <= 9 and v.is_integer()]
    teens = [w for w, v in number_words.items() if 10 <= v <= 19 and v.is_integer()]
    tens = [w for w, v in number_words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    hundred = [w for w, v in multipliers.items() if v == 100]
    two_digits = (
        f"(?:{words_alternation(tens)})(?:[- ](?:{words_alternation(ones)}))?"
        f"|{words_alternation(teens)}"
    )
    forms, hundreds = [], []
    if centuries:
        century = f"(?:{words_alternation(list(centuries))})[ -]"
        forms.append(f"{century}(?:{two_digits})")
        if hundred:
            hundreds.append(f"{century}(?:{words_alternation(hundred)})")
    if thousands:
        connector = f"(?:(?:{joiner}) )?" if joiner else ""
        forms.append(
            f"(?:{words_alternation(list(thousands))}) {connector}"
            f"(?:{two_digits}|{words_alternation(ones)})"
        )
    core = "|".join(forms)
    introduced = "|".join(rf"(?<=\b{re.escape(word.lower())} )" for word in years.get("after", []))
    alternatives = [f"(?:{core})(?![ -](?-i:[a-z]))"]
    if introduced:
        alternatives.insert(0, f"(?:{introduced})(?:{'|'.join([core, *hundreds])})")
    # Not the start of a longer number: 'nineteen ninety-six thousand', 'two thousand five
    # hundred' (and no backtracking to 'nineteen ninety' before '-six').
    more = words_alternation(list(number_words) + list(multipliers))
    spoken = f"(?:{'|'.join(alternatives)})(?![- ](?:{more})(?!\\w))"
    return {**centuries, **thousands}, spoken


def _parse_number_words(key: str, numbers: Numbers) -> Amount | None:
    """'dua puluh tiga' -> 23, 'twenty-one' -> 21, 'dua belas' -> 12, 'two and a half' -> 2.5.

    Additive with multipliers; multi-word entries ('a half', 'satu setengah') are matched first.
    """
    tokens = [t for t in re.split(r"[\s-]{1,5}", key) if t]
    total, current, index = 0.0, 0.0, 0
    while index < len(tokens):
        for width in (3, 2, 1):
            word = " ".join(tokens[index : index + width])
            if len(tokens) - index >= width and (
                word in numbers.words
                or word in numbers.multipliers
                or word in numbers.adders
                or word in numbers.connectors
            ):
                break
        else:
            return None
        index += width
        if word in numbers.connectors:
            continue
        if word in numbers.words:
            current += numbers.words[word]
        elif word in numbers.multipliers:
            factor = numbers.multipliers[word]
            current = (current or 1) * factor
            if factor >= 1000:
                total, current = total + current, 0.0
        else:
            current += numbers.adders[word]
    return Amount(total + current)
