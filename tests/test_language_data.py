"""The language files: their examples are tests, their patterns stay linear, and a new language
is data only (no engine edits)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from tests.conftest import REFERENCE
from timeline import languages
from timeline.grammar.patterns import GrammarError, has_unbounded_repetition
from timeline.languages import compile_language
from timeline.pipeline.phrase import resolve_phrase
from timeline.tagging.tag import find_mentions


def _examples():
    for code in languages.available():
        language = languages.load(code, tuple(languages.profiles_of(code)))
        for rule in language.grammar.rules:
            for phrase, value in rule.examples:
                yield pytest.param(
                    code, rule.name, phrase, value, id=f"{code}:{rule.name}:{phrase}"
                )
        for phrase, value in language.grammar.join_examples:
            yield pytest.param(code, "+", phrase, value, id=f"{code}:join:{phrase}")


def test_both_languages_are_available():
    assert {"en", "id"} <= set(languages.available())


@pytest.mark.parametrize(("code", "rule", "phrase", "value"), list(_examples()))
def test_rule_example(code, rule, phrase, value):
    """Each example resolves (against 2024-06-21) to its value, by its own rule; the match lies
    inside the phrase (which may hold a preposition or context the extent leaves out)."""
    result = resolve_phrase(phrase, REFERENCE, code, tuple(languages.profiles_of(code)))
    if value == "-":  # a negative example: nothing may be found
        assert result is None, f"{phrase!r} gave {result}"
        return
    assert result is not None, f"nothing found in {phrase!r}"
    assert result.value == value
    assert result.text in phrase
    if rule == "+":
        assert "+" in result.rule  # a day joined with its time of day
    else:
        assert result.rule == rule


def test_every_rule_but_dependent_ones_has_examples():
    for code in languages.available():
        for rule in languages.load(code, tuple(languages.profiles_of(code))).grammar.rules:
            if rule.standalone:
                assert rule.examples, f"{code}: rule {rule.name} has no examples"


def test_no_template_has_unbounded_repetition():
    """Bounded repetitions keep every rule linear in the length of the text."""
    for code, data in _data_files():
        for rule in data.get("rules", []):
            assert not has_unbounded_repetition(rule["pattern"]), (code, rule["name"])
        for key in ("past_regex", "future_regex"):  # the tense-cue patterns too
            pattern = data.get("context", {}).get(key)
            assert pattern is None or not has_unbounded_repetition(pattern), (code, key)
        classes = data.get("classes", {})
        for name, entries in classes.items():
            if isinstance(entries.get("regex"), str):
                assert not has_unbounded_repetition(entries["regex"]), (code, name)


def _data_files():
    """Every language file and profile file, parsed."""
    folder = resources.files("timeline.languages")
    for code in languages.available():
        yield code, tomllib.loads((folder / f"{code}.toml").read_text("utf-8"))
        for profile in languages.profiles_of(code):
            path = folder / "profiles" / profile / f"{code}.toml"
            yield f"{profile}/{code}", tomllib.loads(path.read_text("utf-8"))


def test_unbounded_repetition_is_refused():
    data = {
        "language": {"code": "xx", "name": "Test"},
        "classes": {"word": {"foo": 1}},
        "rules": [{"name": "bad", "production": "reference", "pattern": "{word}\\s+x"}],
    }
    with pytest.raises(GrammarError, match="unbounded"):
        compile_language(data, "xx.toml")


def test_unknown_class_is_named_in_the_error():
    data = {
        "language": {"code": "xx", "name": "Test"},
        "rules": [{"name": "r", "production": "reference", "pattern": "{nosuchclass}"}],
    }
    with pytest.raises(GrammarError, match="nosuchclass"):
        compile_language(data, "xx.toml")


TOY_LANGUAGE = """
# A made-up language, written only as data, to show the engine needs no edits for a new one.
[language]
code = "xx"
name = "Toy"
date_order = "DMY"

[names]
months = { "moon-one" = 1, "moon-six" = 6, "moon-nine" = 9 }
units = { "sun" = "day", "moon" = "month", "circle" = "year" }

[numbers]
words = { "un" = 1, "du" = 2, "tri" = 3 }

[classes.direction]
"agone" = -1
"ahead" = 1

[classes.deictic]
"this" = 0
"prior" = -1

[[rules]]
name = "month_year"
production = "date"
pattern = '{month} {year}'
examples = ["moon-nine 2023 => 2023-09"]

[[rules]]
name = "shift"
production = "shift"
pattern = '{amount} {unit} {direction}'
examples = ["du sun agone => 2024-06-19", "tri moon ahead => 2024-09"]

[[rules]]
name = "relative_unit"
production = "relative_unit"
pattern = '{deictic} {unit}'
examples = ["prior circle => 2023"]
"""


def test_a_new_language_is_only_data():
    language = compile_language(tomllib.loads(TOY_LANGUAGE), "xx.toml")
    found = {}
    for rule in language.grammar.rules:
        for phrase, value in rule.examples:
            mentions = find_mentions(phrase, language)
            assert len(mentions) == 1 and mentions[0].text == phrase, phrase
            from timeline.resolution.resolve import resolve

            found[phrase] = resolve(mentions[0].spec, REFERENCE).value
            assert found[phrase] == value
    assert len(found) == 4


def test_dateparser_supplies_month_names():
    """Month names the files do not list come from dateparser's locale data."""
    indonesian = languages.load("id")
    assert indonesian.vocabulary.tables["month"]["agustus"] == 8
    assert indonesian.vocabulary.tables["month_abbr"]["agu"] == 8
    english = languages.load("en")
    assert english.vocabulary.tables["month"]["october"] == 10
    # abbreviations only count beside a day or a year
    assert "oct" not in english.vocabulary.tables["month"]


BROKEN_RULES = [
    (
        {"name": "r", "production": "no_such_production", "pattern": "{month} {year}"},
        "xx.toml: rule r: unknown production 'no_such_production'",
    ),
    (
        {"name": "r", "production": "date", "pattern": "{month:mnth} {year}"},
        "xx.toml: rule r: production 'date' reads no role 'mnth'",
    ),
    (
        {"name": "r", "production": "date", "pattern": "(?P<yaer>[0-9]{4})"},
        "xx.toml: rule r: production 'date' reads no role 'yaer'",
    ),
    (
        {"name": "r", "production": "date", "pattern": "{month}", "defaults": {"deictc": 1}},
        "xx.toml: rule r: production 'date' reads no role 'deictc'",
    ),
    ({"name": "r", "production": "date", "pattern": "{month} (unclosed"}, "xx.toml: rule r: "),
    ({"name": "r", "production": "date", "pattern": "{month}", "exampels": []}, "unknown key"),
]


@pytest.mark.parametrize(("rule", "message"), BROKEN_RULES)
def test_a_broken_language_fails_at_load_with_one_line(rule, message):
    data = tomllib.loads(TOY_LANGUAGE)
    data["rules"] = [*data["rules"], rule]
    with pytest.raises(GrammarError) as refused:
        compile_language(data, "xx.toml")
    text = str(refused.value)
    assert text.startswith(message) or message in text
    assert "\n" not in text


def test_every_rule_of_the_shipped_languages_names_known_roles():
    """The loader's check passes on the shipped files, with every profile switched on."""
    for code in languages.available():
        language = languages.load(code, tuple(languages.profiles_of(code)))
        assert language.grammar.rules
