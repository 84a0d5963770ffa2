"""The words of a language: month, weekday and unit names, and the word classes rules use.

Month and weekday names come from dateparser's locale data (maintained upstream for 200+
languages) when the file names a `dateparser_locale`; the file adds what dateparser lacks and marks
words that are ambiguous in running text ('Minggu' is a Sunday, 'minggu' a week). Each class
becomes a table (word -> meaning) and a regex alternation the rule templates use as `{class}`.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypedDict

from timeline.grammar.patterns import not_followed_by, words_alternation
from timeline.languages.numbers import Numbers, normalise, roman_to_int

# The month keys of dateparser's locale tables (its schema, in calendar order); the renderer
# reads month names through them too.
DATEPARSER_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATEPARSER_WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
_DATEPARSER_UNITS: tuple[str, ...] = (
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "decade",
    "century",
)
_DATEPARSER_UNITS += ("fortnight",)

# Language-free lexical classes: numerals and numeric shapes.
BUILTIN_CLASSES: dict[str, str] = {
    "year": r"1[0-9]{3}|20[0-9]{2}|21[0-9]{2}",
    "year2": r"'?[0-9]{2}",
    "day": r"[0-9]{1,2}",
    "num": r"[0-9]{1,3}",
    "hour": r"[0-9]{1,2}",
    "minute": r"[0-9]{2}",
    "digit": r"[0-9]",
    "roman": r"(?-i:[IVXL]{1,6})",
}


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The language's word tables and the regex source of every class a rule can name."""

    code: str
    tables: dict[str, dict[str, Any]]
    class_patterns: dict[str, str]
    numbers: Numbers = field(default_factory=Numbers)

    def is_time_word(self, word: str) -> bool:
        """Whether a word belongs to any of the language's word lists (months, units, ...)."""
        return any(word in table for table in self.tables.values())

    def class_of(self, classes: tuple[str, ...], text: str) -> str:
        """Which of a group's classes matched `text` (the first, when only one is possible)."""
        if len(classes) == 1:
            return classes[0]
        for name in classes:
            if _fullmatcher(self.code, name, self.class_patterns[name]).fullmatch(text):
                return name
        return classes[-1]

    def value(self, class_name: str, text: str) -> Any:
        """Meaning of a matched word of a class: a table lookup, or a numeral parsed."""
        if class_name == "year_words":
            return self.numbers.spoken_year(text)
        if class_name in ("year", "day", "num", "hour", "minute", "digit"):
            return int(text)
        if class_name == "year2":
            return int(text.lstrip("'"))
        if class_name == "roman":
            return roman_to_int(text)
        if class_name == "amount":
            return self.numbers.amount(text)
        table = self.tables.get(class_name)
        if table is None:
            return text  # a regex class: the production reads the text itself
        return table.get(normalise(text))


@cache
def _fullmatcher(code: str, class_name: str, pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


class _UpstreamNames(TypedDict):
    months: dict[int, list[str]]
    weekdays: dict[int, list[str]]
    units: dict[str, list[str]]


def _dateparser_names(locale: str) -> _UpstreamNames:
    module = importlib.import_module(f"dateparser.data.date_translation_data.{locale}")
    info = module.info
    months = {i + 1: info.get(name, []) for i, name in enumerate(DATEPARSER_MONTHS)}
    weekdays = {i + 1: info.get(name, []) for i, name in enumerate(_DATEPARSER_WEEKDAYS)}
    units = {name: info.get(name, []) for name in _DATEPARSER_UNITS}
    return {"months": months, "weekdays": weekdays, "units": units}


def _split_abbreviations(names: list[str]) -> tuple[list[str], list[str]]:
    """Full names vs abbreviations ('jun', 'Sept'): abbreviations need a day or year beside them."""
    lowered = sorted({n.lower() for n in names})
    full: list[str] = []
    short: list[str] = []
    for name in lowered:
        # 'jun' beside 'juni' is short; 'day' beside its plural 'days' is not.
        longer = [o for o in lowered if len(o) > len(name) and o != name + "s"]
        is_prefix = any(o.startswith(name) and len(o) - len(name) >= 3 for o in longer)
        (short if (len(name) <= 3 and longer) or is_prefix else full).append(name)
    return full, short


def compile_vocabulary(data: dict[str, Any], numbers: Numbers) -> Vocabulary:
    """The `[names]` and `[classes.*]` sections (and dateparser's names) as tables and class
    patterns."""
    meta = data["language"]
    names = data.get("names", {})
    drop = {w.lower() for w in names.get("drop", [])}
    tables: dict[str, dict[str, Any]] = {}
    class_patterns = dict(BUILTIN_CLASSES)
    case_sensitive: set[str] = set()

    month_full: dict[str, int] = {}
    month_abbr: dict[str, int] = {}
    weekday_full: dict[str, int] = {}
    unit_words: dict[str, str] = {}
    if meta.get("dateparser_locale"):
        upstream = _dateparser_names(meta["dateparser_locale"])
        for number, spellings in upstream["months"].items():
            full, short = _split_abbreviations(spellings)
            month_full.update((w, number) for w in full)
            month_abbr.update((w, number) for w in short)
        for number, spellings in upstream["weekdays"].items():
            full, _ = _split_abbreviations(spellings)
            weekday_full.update((w, number) for w in full)
        for unit, spellings in upstream["units"].items():
            full, _ = _split_abbreviations(spellings)
            unit_words.update((w, unit) for w in full)
    month_full.update({k.lower(): v for k, v in names.get("months", {}).items()})
    month_abbr.update({k.lower(): v for k, v in names.get("month_abbreviations", {}).items()})
    weekday_full.update({k.lower(): v for k, v in names.get("weekdays", {}).items()})
    unit_words.update({k.lower(): v for k, v in names.get("units", {}).items()})
    for table in (month_full, month_abbr, weekday_full, unit_words):
        for word in drop:
            table.pop(word, None)

    ambiguous_months = {w.lower() for w in names.get("ambiguous_months", [])}
    ambiguous_weekdays = {w.lower() for w in names.get("ambiguous_weekdays", [])}
    month_clear = {w: n for w, n in month_full.items() if w not in ambiguous_months}
    weekday_clear = {w: n for w, n in weekday_full.items() if w not in ambiguous_weekdays}
    # Ambiguous names match only capitalised ('Minggu', 'May'), and only where a rule allows them.
    ambiguous_forms = {}
    for word in ambiguous_months | ambiguous_weekdays:
        for form in (word.capitalize(), word.upper()):
            ambiguous_forms[form] = word
    case_sensitive.update(ambiguous_forms)

    def add_table(name: str, table: dict[str, Any], pattern_words: list[str] | None = None) -> None:
        tables[name] = table
        words = pattern_words if pattern_words is not None else list(table)
        class_patterns[name] = words_alternation(words, frozenset(case_sensitive))

    add_table("month", month_clear)
    add_table("month_abbr", month_abbr)
    # An abbreviation may carry its period ('Sept.'); a full name never takes the sentence's.
    abbreviated = f"(?:{class_patterns['month_abbr']})\\.?"
    class_patterns["month_abbr"] = abbreviated
    any_months = {**month_clear, **month_abbr}
    any_months.update({w: month_full[w] for w in ambiguous_months if w in month_full})
    full_forms = [w for w in month_clear]
    full_forms += [f for f, w in ambiguous_forms.items() if w in ambiguous_months]
    add_table("month_any", any_months, full_forms)
    # Full names, the ambiguous ones included ('in May'), never an abbreviation alone.
    add_table(
        "month_named", {w: n for w, n in any_months.items() if w not in month_abbr}, full_forms
    )
    class_patterns["month_any"] = f"{abbreviated}|{class_patterns['month_any']}"
    add_table("weekday", weekday_clear)
    any_weekdays = dict(weekday_clear)
    any_weekdays.update({w: weekday_full[w] for w in ambiguous_weekdays if w in weekday_full})
    weekday_forms = list(weekday_clear)
    weekday_forms += [f for f, w in ambiguous_forms.items() if w in ambiguous_weekdays]
    add_table("weekday_any", any_weekdays, weekday_forms)
    add_table("unit", unit_words)

    class_patterns["amount"] = numbers.amount_pattern
    if numbers.spoken_year_pattern is not None:
        # its own class, used only by the rules that name it: in every {year} it would triple
        # the time the language takes to compile (cold start)
        class_patterns["year_words"] = numbers.spoken_year_pattern

    for class_name, entries in data.get("classes", {}).items():
        if "regex" in entries and isinstance(entries["regex"], str):
            class_patterns[class_name] = entries["regex"]
            continue
        words: dict[str, Any] = {}
        alternatives: list[tuple[int, str]] = []
        for word, meaning in entries.items():
            options = meaning if isinstance(meaning, dict) and "value" in meaning else None
            words[normalise(word)] = options["value"] if options else meaning
            alternative = words_alternation([word])
            if options and options.get("not_before"):
                alternative += not_followed_by(options["not_before"])
            alternatives.append((len(word), alternative))
        tables[class_name] = words
        alternatives.sort(key=lambda pair: -pair[0])
        class_patterns[class_name] = "|".join(a for _, a in alternatives) or r"(?!)"

    return Vocabulary(meta["code"], tables, class_patterns, numbers)
