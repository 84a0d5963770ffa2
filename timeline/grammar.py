"""Compile the pattern templates of a language file into regular expressions.

A template is a regular expression with two additions, so that language files stay readable:
- `{class}` becomes a named group matching any word of that class; `{class:role}` names the group
  `role` instead (a rule may need two numbers, or a month spelled two ways).
- a literal space matches one to three whitespace characters.

Why hand-written instead of a parser library: the templates are regexes with word-list macros,
and the result must stay a single backtracking-safe regex per rule; a grammar library would add a
dependency and a second notation for users who add a language.

Linearity: every repetition the engine generates is bounded (`\\s{1,3}`, `\\d{1,4}`, number words
at most five in a row), and the word lists are alternations of literals, so each rule matches in
time linear in the text. Language files must keep to bounded repetitions too (the tests check
every template for unbounded `*` and `+`).
"""

from __future__ import annotations

import regex

SPACE = r"(?:\s{1,3})"
_PLACEHOLDER = regex.compile(r"\{([a-z_][a-z_0-9]*)(?::([a-z_][a-z_0-9]*))?\}")
_UNBOUNDED = regex.compile(r"(?<!\\)[*+]|\{\d+,\}")


class GrammarError(ValueError):
    """A language file that cannot be compiled; the message names the file, rule and problem."""


def words_alternation(words: list[str], case_sensitive: frozenset[str] = frozenset()) -> str:
    """Alternation of literal words, longest first so that 'kemarin lusa' beats 'kemarin'."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        escaped = SPACE.join(regex.escape(piece) for piece in word.split())
        if word in case_sensitive:
            escaped = f"(?-i:{escaped})"
        parts.append(escaped)
    return "|".join(parts) if parts else r"(?!)"


def has_unbounded_repetition(template: str) -> bool:
    """True when a template uses `*`, `+` or `{n,}`: these can make a regex superlinear."""
    return bool(_UNBOUNDED.search(template))


def expand(
    template: str, class_patterns: dict[str, str], where: str
) -> tuple[str, dict[str, tuple[str, ...]]]:
    """Expand placeholders and spaces; returns the regex source and the classes of each group.

    One role may be filled by different classes in different alternatives ('ke-21', 'XXI',
    'pertama' are all an ordinal); the tagger tells them apart by which class matches the text.
    """
    group_classes: dict[str, tuple[str, ...]] = {}

    def substitute(match: regex.Match[str]) -> str:
        class_name, role = match.group(1), match.group(2) or match.group(1)
        if class_name not in class_patterns:
            raise GrammarError(f"{where}: unknown class {{{class_name}}}")
        known = group_classes.get(role, ())
        if class_name not in known:
            group_classes[role] = (*known, class_name)
        return f"(?P<{role}>{class_patterns[class_name]})"

    if has_unbounded_repetition(template):
        raise GrammarError(f"{where}: unbounded repetition in {template!r}; use {{m,n}}")
    pieces = []
    for chunk in template.split(" "):
        pieces.append(_PLACEHOLDER.sub(substitute, chunk))
    return SPACE.join(pieces), group_classes


def compile_rule(
    template: str,
    class_patterns: dict[str, str],
    where: str,
    after: list[str] | None = None,
    not_after: list[str] | None = None,
    not_before: list[str] | None = None,
    case_sensitive: bool = False,
) -> tuple[regex.Pattern[str], dict[str, tuple[str, ...]]]:
    """Compile one rule; `after` words must precede the match, `not_*` words must not touch it."""
    body, group_classes = expand(template, class_patterns, where)
    prefix = r"(?<![\w])(?<!\d[.,/:-])"
    suffix = r"(?![\w])(?![.,/:-]\d)"
    if after:
        prefix += rf"(?<=(?<!\w)(?:{words_alternation(after)}){SPACE})"
    if not_after:
        prefix += rf"(?<!(?<!\w)(?:{words_alternation(not_after)})\.?\s{{0,3}})"
    if not_before:
        suffix += rf"(?!\s{{0,3}}(?:{words_alternation(not_before)})(?!\w))"
    source = f"{prefix}(?:{body}){suffix}"
    try:
        flags = regex.VERSION0 if case_sensitive else regex.IGNORECASE | regex.VERSION0
        return regex.compile(source, flags), group_classes
    except regex.error as exc:
        raise GrammarError(f"{where}: {exc}") from exc
