"""A language's rules: templates compiled into bounded regexes, each checked against the engine.

A rule names a production (the code that gives its words a meaning) and roles (which part of the
match means what). Both are checked when the language loads: an unknown production, a role the
production does not read, or a pattern that does not compile fails at once, with one line naming
the file, the rule and the name, instead of a KeyError at the first match or a role silently
ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from timeline.grammar.patterns import GrammarError, compile_rule
from timeline.grammar.productions import PRODUCTION_ROLES
from timeline.languages.vocabulary import Vocabulary

_NAMED_ROLE = re.compile(r"\{[a-z_][a-z_0-9]*:([a-z_][a-z_0-9]*)\}|\(\?P<([a-z_][a-z_0-9]*)>")
"""The roles a template names itself: `{class:role}` and `(?P<role>...)`. A plain `{class}` is
a role only if the production reads it; otherwise it is just words to match ('{every}')."""

RULE_KEYS = frozenset(
    {
        "name",
        "production",
        "pattern",
        "examples",
        "standalone",
        "defaults",
        "not_in_names",
        "after",
        "not_after",
        "not_before",
        "case_sensitive",
    }
)


@dataclass(frozen=True, eq=False)
class Rule:
    """One compiled rule: its regex, which class fills each role, and its examples (tests)."""

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


def compile_rules(
    specs: list[dict[str, Any]], vocabulary: Vocabulary, source: str, first: int = 0
) -> list[Rule]:
    """Compile and check the `[[rules]]` of a file; `first` numbers them after earlier ones."""
    return [
        compile_one(spec, vocabulary, source, order)
        for order, spec in enumerate(specs, start=first)
    ]


def compile_one(spec: dict[str, Any], vocabulary: Vocabulary, source: str, order: int) -> Rule:
    name = spec.get("name")
    where = f"{source}: rule {name or order}"
    unknown_keys = sorted(set(spec) - RULE_KEYS)
    if unknown_keys:
        raise GrammarError(f"{where}: unknown key {unknown_keys[0]!r}")
    for key in ("name", "production", "pattern"):
        if not isinstance(spec.get(key), str):
            raise GrammarError(f"{where}: missing {key!r}")
    production = spec["production"]
    if production not in PRODUCTION_ROLES:
        raise GrammarError(f"{where}: unknown production {production!r}")
    readable = PRODUCTION_ROLES[production]
    if readable is not None:
        named = {a or b for a, b in _NAMED_ROLE.findall(spec["pattern"])}
        for role in sorted(named | set(spec.get("defaults", {}))):
            if role not in readable:
                raise GrammarError(
                    f"{where}: production {production!r} reads no role {role!r} "
                    f"(it reads {', '.join(sorted(readable))})"
                )
    pattern, group_classes, group_roles = compile_rule(
        spec["pattern"],
        vocabulary.class_patterns,
        where,
        after=spec.get("after"),
        not_after=spec.get("not_after"),
        not_before=spec.get("not_before"),
        case_sensitive=spec.get("case_sensitive", False),
    )
    return Rule(
        name=spec["name"],
        production=production,
        pattern=pattern,
        group_classes=group_classes,
        group_roles=group_roles,
        order=order,
        standalone=spec.get("standalone", True),
        defaults=dict(spec.get("defaults", {})),
        not_in_names=spec.get("not_in_names", False),
        examples=tuple(parse_example(e, where) for e in spec.get("examples", [])),
    )


def parse_example(example: str, where: str) -> tuple[str, str]:
    """'phrase => value' (value '-' for a phrase that must yield nothing)."""
    phrase, sep, value = example.partition("=>")
    if not sep:
        raise GrammarError(f"{where}: example {example!r} needs 'phrase => value'")
    return phrase.strip(), value.strip()
