"""Load a language's data file and compile it, section by section.

The set of languages is whatever `<code>.toml` files this folder holds; a profile is a file
`profiles/<profile>/<code>.toml` whose sections are added to the language's own when a genre
switches it on (see docs/adding-a-language.md). Each section has its own compiler; anything in a
file that does not fit the engine fails here, with one line naming the file and the rule.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from timeline.grammar.patterns import GrammarError
from timeline.languages.cues import compile_events, compile_tense
from timeline.languages.genre_words import GenreWords, compile_genre_words
from timeline.languages.happenings import compile_clauses, compile_predicates
from timeline.languages.language import Grammar, Language
from timeline.languages.numbers import compile_numbers
from timeline.languages.rules import compile_rules, parse_example
from timeline.languages.stories import compile_stories
from timeline.languages.vocabulary import compile_vocabulary

_PACKAGE = "timeline.languages"
_CODE = re.compile(r"[a-z]{2,3}")


def available() -> list[str]:
    """Codes of the languages this installation has data files for."""
    return list(_available())


@cache
def _available() -> tuple[str, ...]:
    folder = resources.files(_PACKAGE)
    names = (p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))
    return tuple(sorted(name for name in names if _CODE.fullmatch(name)))


def profiles_of(code: str) -> list[str]:
    """The profiles a language has a file for."""
    folder = resources.files(_PACKAGE).joinpath("profiles")
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.joinpath(f"{code}.toml").is_file())


@cache
def common_words(code: str) -> frozenset[str]:
    """A language's common words (`detect` in its [language] table), read without compiling
    the language: finding the sentences of a document that are in another language needs only
    these. Raises KeyError for an unknown code."""
    if code not in available():
        raise KeyError(code)
    text = resources.files(_PACKAGE).joinpath(f"{code}.toml").read_text(encoding="utf-8")
    table = _LANGUAGE_TABLE.search(text)
    try:
        data = tomllib.loads(table.group() if table else text)
    except tomllib.TOMLDecodeError:  # the table is not on its own lines: read it all
        data = tomllib.loads(text)
    return frozenset(w.lower() for w in data.get("language", {}).get("detect", []))


# The [language] table of a data file: from its header to the next table's (linear: one scan).
_LANGUAGE_TABLE = re.compile(r"^\[language\][^\n]{0,200}(?:\n(?!\[)[^\n]{0,2000}){0,500}", re.M)


@cache
def load(code: str, profiles: tuple[str, ...] = ()) -> Language:
    """Load and compile a language with the given profiles (those it has files for); raises
    KeyError for an unknown code."""
    if code not in available():
        raise KeyError(code)
    folder = resources.files(_PACKAGE)
    data = tomllib.loads(folder.joinpath(f"{code}.toml").read_text(encoding="utf-8"))
    sources = [f"{code}.toml"]
    active = tuple(p for p in profiles if p in profiles_of(code))
    for profile in active:
        extra = folder.joinpath("profiles", profile, f"{code}.toml").read_text(encoding="utf-8")
        data = with_profile(data, tomllib.loads(extra))
        sources.append(f"profiles/{profile}/{code}.toml")
    return compile_language(data, " + ".join(sources), active)


@cache
def genre_words(code: str, profiles: tuple[str, ...]) -> GenreWords:
    """The `[genre]` words of a language and profiles, read without compiling the language:
    what `timeline resolve --genre auto` needs to tell a post, at no cost to its start."""
    folder = resources.files(_PACKAGE)
    sources = [folder.joinpath(f"{code}.toml")]
    sources += [folder.joinpath("profiles", p, f"{code}.toml") for p in profiles]
    social: set[str] = set()
    for source in sources:
        if source.is_file():
            data = tomllib.loads(source.read_text(encoding="utf-8"))
            social |= compile_genre_words(data.get("genre", {}), source.name).social
    return GenreWords(social=frozenset(social))


def with_profile(data: dict[str, Any], profile: dict[str, Any]) -> dict[str, Any]:
    """A language's data with a profile's added: its rules after the language's own, its words
    added to the language's classes and lists (a profile adds; it never takes away)."""
    merged = dict(data)
    for section, content in profile.items():
        if section == "rules":
            merged["rules"] = _with_rules(data.get("rules", []), content)
        elif isinstance(content, dict):
            merged[section] = _merged_tables(data.get(section, {}), content)
        else:
            raise GrammarError(f"a profile may not change [{section}]")
    return merged


def _with_rules(rules: list[dict[str, Any]], added: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The language's rules with a profile's: each where its `before` says (the name of a rule
    of the language: among matches of the same length the earlier rule wins), else at the end."""
    merged = list(rules)
    for rule in added:
        rule = dict(rule)
        before = rule.pop("before", None)
        names = [r.get("name") for r in merged]
        if before is None:
            merged.append(rule)
        elif before in names:
            merged.insert(names.index(before), rule)
        else:
            raise GrammarError(f"profile rule {rule.get('name')}: no rule {before!r} to go before")
    return merged


def _merged_tables(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merged_tables(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = [*old, *value]
        else:
            merged[key] = value
    return merged


def compile_language(data: dict[str, Any], source: str, profiles: tuple[str, ...] = ()) -> Language:
    """Compile a language's data (a parsed TOML file); `source` names it in errors."""
    meta = data.get("language")
    if not isinstance(meta, dict) or not {"code", "name"} <= set(meta):
        raise GrammarError(f"{source}: [language] needs a code and a name")
    numbers = compile_numbers(data.get("numbers", {}))
    vocabulary = compile_vocabulary(data, numbers)
    joins = data.get("joins", {})
    grammar = Grammar(
        rules=tuple(compile_rules(data.get("rules", []), vocabulary, source)),
        date_time_join=re.compile(joins.get("date_time", r"\s{1,3}"), re.IGNORECASE),
        time_date_join=re.compile(joins["time_date"], re.IGNORECASE)
        if "time_date" in joins
        else None,
        join_examples=tuple(parse_example(e, source) for e in joins.get("examples", [])),
    )
    names = data.get("names", {})
    return Language(
        code=meta["code"],
        name=meta["name"],
        date_order=meta.get("date_order", "DMY"),
        detect_words=frozenset(w.lower() for w in meta.get("detect", [])),
        abbreviations=frozenset(w.lower() for w in meta.get("abbreviations", [])),
        name_words_before_years=frozenset(w.lower() for w in names.get("before_years", [])),
        vocabulary=vocabulary,
        grammar=grammar,
        tense=compile_tense(data.get("context", {})),
        events=compile_events(data.get("events", {})),
        clauses=compile_clauses(data.get("clauses", {})),
        predicates=compile_predicates(data.get("predicates", {})),
        profiles=profiles,
        genre_words=compile_genre_words(data.get("genre", {}), source),
        stories=compile_stories(data.get("stories", {}), meta["code"], source),
    )
