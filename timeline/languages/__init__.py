"""Load a language's data file (`<code>.toml` in this folder) and compile it for the engine.

Adding a language means adding a data file here, nothing else: the set of languages is whatever
`*.toml` files this folder holds. Month and weekday names come from dateparser's locale data
(maintained upstream for 200+ languages) when the file names a `dateparser_locale`; the file adds
what dateparser lacks and marks words that are ambiguous in running text.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from timeline.grammar import patterns as grammar
from timeline.grammar.patterns import (
    GrammarError,
    compile_rule,
    first_prefixes,
    grouped_alternation,
    not_followed_by,
    prefix_trie,
    words_alternation,
)

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
_DATEPARSER_UNITS = (
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


@dataclass(frozen=True)
class Amount:
    """A counted amount; `value` None is a vague one ('beberapa', 'a few': 2 to 5 units)."""

    value: float | None

    @property
    def vague(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Rule:
    name: str
    production: str
    pattern: re.Pattern[str]
    group_classes: dict[str, tuple[str, ...]]
    group_roles: dict[str, str]
    order: int
    standalone: bool
    examples: tuple[tuple[str, str], ...]
    defaults: dict[str, Any] = field(default_factory=dict)  # role values the words imply
    not_in_names: bool = False  # a year in 'Jakarta Marathon 2025' is part of a name


@dataclass
class Language:
    code: str
    name: str
    date_order: str
    rules: list[Rule]
    date_time_join: re.Pattern[str]
    time_date_join: re.Pattern[str] | None
    past_cues: re.Pattern[str]
    future_cues: re.Pattern[str]
    detect_words: frozenset[str]
    abbreviations: frozenset[str] = frozenset()
    since_then: re.Pattern[str] | None = None
    since_signals: frozenset[str] = frozenset()
    until_words: frozenset[str] = frozenset()
    signals: frozenset[str] = frozenset()
    connectives: re.Pattern[str] | None = None
    stopwords: frozenset[str] = frozenset()
    name_words_before_years: frozenset[str] = frozenset()  # 'Pemilu 2024' is an election year
    deadline_words: frozenset[str] = frozenset()  # 'by Friday': the time lies ahead
    # 'compared with ... last year': a year-on-year comparison, about the period in focus
    comparison_cues: re.Pattern[str] | None = None
    # 'had filed reports by Wednesday': a past perfect makes a deadline word mean 'as of'
    perfect_cues: re.Pattern[str] | None = None
    # 'will be held': after these a past form is a participle, not a past tense
    participle_after: frozenset[str] = frozenset()
    possessives: tuple[str, ...] = ()  # "Friday's": a weekday naming a known event
    possessive_ahead: frozenset[str] = frozenset()  # "ahead of Sunday's election"
    past_words: frozenset[str] = frozenset()  # the listed past words (not the -ed pattern's)
    quote_marks: re.Pattern[str] | None = None  # a quotation keeps its own tense
    perfect_after_time: bool = False  # 'hingga Jumat ... telah': the perfect follows the time
    reporting_verbs: frozenset[str] = frozenset()  # 'said': the tense of the report, not the news
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    number_words: dict[str, float] = field(default_factory=dict)
    multipliers: dict[str, float] = field(default_factory=dict)
    adders: dict[str, float] = field(default_factory=dict)
    vague_amounts: frozenset[str] = frozenset()
    number_connectors: frozenset[str] = frozenset()  # 'and' in 'one hundred and twenty'
    # Years in words: 'nineteen ninety-six' is the century word's 1900 plus 'ninety-six'
    year_bases: dict[str, int] = field(default_factory=dict)
    join_examples: tuple[tuple[str, str], ...] = ()
    class_patterns: dict[str, str] = field(default_factory=dict)
    _rule_index: tuple[dict[str, tuple[int, ...]], tuple[int, ...]] | None = None
    _starting: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _start_places: re.Pattern[str] | None = None
    _opening_places: tuple[re.Pattern[str], re.Pattern[str]] | None = None

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
            return self.spoken_year(text)
        if class_name in ("year", "day", "num", "hour", "minute", "digit"):
            return int(text)
        if class_name == "year2":
            return int(text.lstrip("'"))
        if class_name == "roman":
            return roman_to_int(text)
        if class_name == "amount":
            return self.amount(text)
        key = normalise(text)
        table = self.tables.get(class_name)
        if table is None:
            return text  # a regex class: the production reads the text itself
        return table.get(key)

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

    def amount(self, text: str) -> Amount | None:
        key = normalise(text)
        if key in self.vague_amounts:
            return Amount(None)
        if key[:1].isdigit():
            return Amount(float(key.replace(",", ".")))
        return _parse_number_words(key, self)


@cache
def _fullmatcher(code: str, class_name: str, pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def normalise(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


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


def _parse_number_words(key: str, language: Language) -> Amount | None:
    """'dua puluh tiga' -> 23, 'twenty-one' -> 21, 'dua belas' -> 12, 'two and a half' -> 2.5.

    Additive with multipliers; multi-word entries ('a half', 'satu setengah') are matched first.
    """
    tokens = [t for t in re.split(r"[\s-]{1,5}", key) if t]
    total, current, index = 0.0, 0.0, 0
    while index < len(tokens):
        for width in (3, 2, 1):
            word = " ".join(tokens[index : index + width])
            if len(tokens) - index >= width and (
                word in language.number_words
                or word in language.multipliers
                or word in language.adders
                or word in language.number_connectors
            ):
                break
        else:
            return None
        index += width
        if word in language.number_connectors:
            continue
        if word in language.number_words:
            current += language.number_words[word]
        elif word in language.multipliers:
            factor = language.multipliers[word]
            current = (current or 1) * factor
            if factor >= 1000:
                total, current = total + current, 0.0
        else:
            current += language.adders[word]
    return Amount(total + current)


def available() -> list[str]:
    """Codes of the languages this installation has data files for."""
    return list(_available())


@cache
def _available() -> tuple[str, ...]:
    folder = resources.files(__name__)
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


@cache
def load(code: str) -> Language:
    """Load and compile a language; raises KeyError for an unknown code."""
    if code not in available():
        raise KeyError(code)
    text = resources.files(__name__).joinpath(f"{code}.toml").read_text(encoding="utf-8")
    return compile_language(tomllib.loads(text), f"{code}.toml")


def _dateparser_names(locale: str) -> dict[str, dict[str, Any]]:
    module = importlib.import_module(f"dateparser.data.date_translation_data.{locale}")
    info = module.info
    months = {i + 1: info.get(name, []) for i, name in enumerate(DATEPARSER_MONTHS)}
    weekdays = {i + 1: info.get(name, []) for i, name in enumerate(_DATEPARSER_WEEKDAYS)}
    units = {name: info.get(name, []) for name in _DATEPARSER_UNITS}
    return {"months": months, "weekdays": weekdays, "units": units}


def _split_abbreviations(names: list[str]) -> tuple[list[str], list[str]]:
    """Full names vs abbreviations ('jun', 'Sept'): abbreviations need a day or year beside them."""
    lowered = sorted({n.lower() for n in names})
    full, short = [], []
    for name in lowered:
        # 'jun' beside 'juni' is short; 'day' beside its plural 'days' is not.
        longer = [o for o in lowered if len(o) > len(name) and o != name + "s"]
        is_prefix = any(o.startswith(name) and len(o) - len(name) >= 3 for o in longer)
        (short if (len(name) <= 3 and longer) or is_prefix else full).append(name)
    return full, short


def compile_language(data: dict[str, Any], source: str) -> Language:
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

    numbers = data.get("numbers", {})
    number_words = {k.lower(): float(v) for k, v in numbers.get("words", {}).items()}
    multipliers = {k.lower(): float(v) for k, v in numbers.get("multipliers", {}).items()}
    adders = {k.lower(): float(v) for k, v in numbers.get("adders", {}).items()}
    singles = {k.lower(): float(v) for k, v in numbers.get("singles", {}).items()}
    vague = frozenset(w.lower() for w in numbers.get("vague", []))
    word_alt = words_alternation(list(number_words) + list(multipliers) + list(adders))
    joiner = words_alternation(numbers.get("connectors", []))
    gap = rf"(?:\s{{1,3}}|-)(?:(?:{joiner})\s{{1,3}})?"
    number_sequence = rf"(?:{word_alt})(?:{gap}(?:{word_alt})){{0,4}}"
    class_patterns["amount"] = "|".join(
        (
            words_alternation(list(vague)),
            words_alternation(list(singles)),
            # a count in digits, but not one that reads as a year: "2024 tahun lalu" is a year
            # followed by "last year"; "3000 tahun yang lalu" is a count
            r"(?:[0-9]{1,3}|(?!1[0-9]{3}|20[0-9]{2}|21[0-9]{2})[0-9]{4})(?:[.,][0-9]{1,2})?",
            number_sequence,
        )
    )
    spoken_years = _spoken_year_pattern(numbers.get("years", {}), number_words, multipliers, joiner)
    year_bases: dict[str, int] = {}
    if spoken_years is not None:
        # its own class, used only by the rules that name it: in every {year} it would triple
        # the time the language takes to compile (cold start)
        year_bases, class_patterns["year_words"] = spoken_years
    number_words.update(singles)

    for class_name, entries in data.get("classes", {}).items():
        if "regex" in entries and isinstance(entries["regex"], str):
            class_patterns[class_name] = entries["regex"]
            continue
        table, alternatives = {}, []
        for word, meaning in entries.items():
            options = meaning if isinstance(meaning, dict) and "value" in meaning else None
            table[normalise(word)] = options["value"] if options else meaning
            alternative = words_alternation([word])
            if options and options.get("not_before"):
                alternative += not_followed_by(options["not_before"])
            alternatives.append((len(word), alternative))
        tables[class_name] = table
        alternatives.sort(key=lambda pair: -pair[0])
        class_patterns[class_name] = "|".join(a for _, a in alternatives) or r"(?!)"

    rules = []
    for order, spec in enumerate(data.get("rules", [])):
        where = f"{source}: rule {spec.get('name', order)}"
        try:
            pattern, group_classes, group_roles = compile_rule(
                spec["pattern"],
                class_patterns,
                where,
                after=spec.get("after"),
                not_after=spec.get("not_after"),
                not_before=spec.get("not_before"),
                case_sensitive=spec.get("case_sensitive", False),
            )
        except KeyError as exc:
            raise GrammarError(f"{where}: missing {exc}") from exc
        rules.append(
            Rule(
                name=spec["name"],
                production=spec["production"],
                pattern=pattern,
                group_classes=group_classes,
                group_roles=group_roles,
                order=order,
                standalone=spec.get("standalone", True),
                defaults=dict(spec.get("defaults", {})),
                not_in_names=spec.get("not_in_names", False),
                examples=tuple(_parse_example(e, where) for e in spec.get("examples", [])),
            )
        )

    joins = data.get("joins", {})
    context = data.get("context", {})
    events = data.get("events", {})
    return Language(
        code=meta["code"],
        name=meta["name"],
        date_order=meta.get("date_order", "DMY"),
        rules=rules,
        date_time_join=re.compile(joins.get("date_time", r"\s{1,3}"), re.IGNORECASE),
        time_date_join=re.compile(joins["time_date"], re.IGNORECASE)
        if "time_date" in joins
        else None,
        past_cues=_cue_pattern(
            context.get("past", []), _except(context.get("past_regex"), context.get("not_past", []))
        ),
        future_cues=_cue_pattern(context.get("future", []), context.get("future_regex")),
        detect_words=frozenset(w.lower() for w in meta.get("detect", [])),
        abbreviations=frozenset(w.lower() for w in meta.get("abbreviations", [])),
        since_then=_phrase_at_start(events.get("since_then", [])),
        since_signals=frozenset(w.lower() for w in events.get("since", [])),
        until_words=frozenset(w.lower() for w in events.get("until", [])),
        signals=frozenset(w.lower() for w in events.get("signals", [])),
        connectives=_phrase_at_start(events.get("connectives", [])),
        stopwords=frozenset(w.lower() for w in events.get("stopwords", [])),
        name_words_before_years=frozenset(w.lower() for w in names.get("before_years", [])),
        deadline_words=frozenset(w.lower() for w in context.get("deadline", [])),
        comparison_cues=_cue_pattern(context["comparison"]) if "comparison" in context else None,
        perfect_cues=_cue_pattern(context["perfect"]) if "perfect" in context else None,
        participle_after=frozenset(w.lower() for w in context.get("participle_after", [])),
        possessives=tuple(context.get("possessive", [])),
        possessive_ahead=frozenset(w.lower() for w in context.get("possessive_ahead", [])),
        past_words=frozenset(w.lower() for w in context.get("past", [])),
        quote_marks=_marks_pattern(context.get("quotes", [])),
        perfect_after_time=bool(context.get("perfect_after_time", False)),
        reporting_verbs=frozenset(w.lower() for w in context.get("reporting", [])),
        tables=tables,
        number_words=number_words,
        multipliers=multipliers,
        adders=adders,
        vague_amounts=vague,
        number_connectors=frozenset(w.lower() for w in numbers.get("connectors", [])),
        year_bases=year_bases,
        join_examples=tuple(_parse_example(e, source) for e in joins.get("examples", [])),
        class_patterns=class_patterns,
    )


def _phrase_at_start(words: list[str]) -> re.Pattern[str]:
    """Matches one of `words` at the start of a text, with the comma or space after it."""
    return re.compile(rf"(?:{grouped_alternation(words)})(?!\w)[\s,]{{0,5}}", re.IGNORECASE)


def _marks_pattern(marks: list[str]) -> re.Pattern[str] | None:
    """Punctuation marks (quotation marks) as one pattern, longest first."""
    if not marks:
        return None
    return re.compile("|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)))


def _except(pattern: str | None, words: list[str]) -> str | None:
    """A cue regex that does not match the listed words ('hundred', 'succeed' are no -ed past)."""
    if pattern is None or not words:
        return pattern
    return f"(?!(?:{words_alternation(words)})(?!\\w))(?:{pattern})"


def _cue_pattern(words: list[str], extra: str | None = None) -> re.Pattern[str]:
    alternatives = grouped_alternation(words) + (f"|{extra}" if extra else "")
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _parse_example(example: str, where: str) -> tuple[str, str]:
    phrase, sep, value = example.partition("=>")
    if not sep:
        raise GrammarError(f"{where}: example {example!r} needs 'phrase => value'")
    return phrase.strip(), value.strip()


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
