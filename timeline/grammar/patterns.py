"""Compile the pattern templates of a language file into regular expressions.

A template is a regular expression with two additions, so that language files stay readable:
- `{class}` becomes a named group matching any word of that class; `{class:role}` names the group
  `role` instead (a rule may need two numbers, or a month spelled two ways).
- a literal space matches one to three whitespace characters.

Compiled with the standard library's `re` (its compiler is several times faster than the `regex`
module's, which matters for cold start): a role used twice in one template gets numbered group
names (`month`, `month__2`) that the tagger folds back into one role.

Why hand-written instead of a parser library: the templates are regexes with word-list macros,
and the result must stay a single backtracking-safe regex per rule; a grammar library would add a
dependency and a second notation for users who add a language.

Linearity: every repetition the engine generates is bounded (`\\s{1,3}`, `\\d{1,4}`, number words
at most five in a row), and the word lists are alternations of literals, so each rule matches in
time linear in the text. Language files must keep to bounded repetitions too (the tests check
every template for unbounded `*` and `+`).
"""

from __future__ import annotations

import re
from typing import Any

SPACE = r"(?:\s{1,3})"
# Where nothing quantifies the space (inside a literal word, or before anything but '?' or '{')
# it needs no group: shorter patterns parse faster, and every language compiles its rules at
# start-up.
WORD_SPACE = r"\s{1,3}"
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z_0-9]*)(?::([a-z_][a-z_0-9]*))?\}")
_UNBOUNDED = re.compile(r"(?<!\\)[*+]|\{\d+,\}")
_RAW_GROUP = re.compile(r"\(\?P<([a-z_][a-z_0-9]*)>")


class GrammarError(ValueError):
    """A language file that cannot be compiled; the message names the file, rule and problem."""


def words_alternation(words: list[str], case_sensitive: frozenset[str] = frozenset()) -> str:
    """Alternation of literal words, longest first so that 'kemarin lusa' beats 'kemarin'."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        escaped = WORD_SPACE.join(re.escape(piece) for piece in word.split())
        if word in case_sensitive:
            escaped = f"(?-i:{escaped})"
        parts.append(escaped)
    return "|".join(parts) if parts else r"(?!)"


def grouped_alternation(words: list[str]) -> str:
    """words_alternation for patterns searched through running text (tense cues) or matched at
    every sentence (connectives): the words behind one lookahead per first letter, so that a
    place costs one test per letter instead of one per word. Same matches: two words can only
    both match at a place when their first letters are the same letter, and those keep their
    order (longest first). Falls back to the flat alternation when a word begins with a
    non-ASCII character, whose case-insensitive matches are harder to tell apart."""
    if not all(word[:1].isascii() for word in words):
        return words_alternation(words)
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        groups.setdefault(word[:1].lower(), []).append(word)
    parts = []
    for first, members in groups.items():
        alternation = words_alternation(members)
        if len(members) > 1:
            alternation = f"(?=(?i:{re.escape(first)}))(?:{alternation})"
        parts.append(alternation)
    return "|".join(parts) if parts else r"(?!)"


def not_followed_by(words: list[str]) -> str:
    """A lookahead refusing `words` after a match: separated by spaces, or glued when the word
    starts with a hyphen ('sehari' is not a duration in 'sehari-hari')."""
    spaced = [w for w in words if not w.startswith("-")]
    glued = [w for w in words if w.startswith("-")]
    parts = []
    if spaced:
        parts.append(rf"(?!\s{{0,3}}(?:{words_alternation(spaced)})(?!\w))")
    if glued:
        parts.append(rf"(?!(?:{words_alternation(glued)})(?!\w))")
    return "".join(parts)


def has_unbounded_repetition(template: str) -> bool:
    """True when a template uses `*`, `+` or `{n,}`: these can make a regex superlinear."""
    return bool(_UNBOUNDED.search(template))


def expand(
    template: str, class_patterns: dict[str, str], where: str
) -> tuple[str, dict[str, tuple[str, ...]], dict[str, str]]:
    """Expand placeholders and spaces.

    Returns the regex source, the classes each role may be filled by (one role may be filled by
    different classes in different alternatives: 'ke-21', 'XXI' and 'pertama' are all an
    ordinal; the tagger tells them apart by which class matches the text), and the role of every
    group name.
    """
    group_classes: dict[str, tuple[str, ...]] = {}
    group_roles: dict[str, str] = {}

    def unique(role: str) -> str:
        name, count = role, 1
        while name in group_roles:
            count += 1
            name = f"{role}__{count}"
        group_roles[name] = role
        return name

    def substitute(match: re.Match[str]) -> str:
        class_name, role = match.group(1), match.group(2) or match.group(1)
        if class_name not in class_patterns:
            raise GrammarError(f"{where}: unknown class {{{class_name}}}")
        known = group_classes.get(role, ())
        if class_name not in known:
            group_classes[role] = (*known, class_name)
        return f"(?P<{unique(role)}>{class_patterns[class_name]})"

    if has_unbounded_repetition(template):
        raise GrammarError(f"{where}: unbounded repetition in {template!r}; use {{m,n}}")
    pieces = []
    for chunk in template.split(" "):
        chunk = _RAW_GROUP.sub(lambda m: f"(?P<{unique(m.group(1))}>", chunk)
        pieces.append(_PLACEHOLDER.sub(substitute, chunk))
    # the group is needed only where a quantifier follows the space (' ?' in 'H ?-'); elsewhere
    # the bare repetition is the same regex, shorter to parse
    joined = pieces[0]
    for piece in pieces[1:]:
        joined += (SPACE if piece[:1] in ("?", "{", "*", "+") else WORD_SPACE) + piece
    return joined, group_classes, group_roles


def _fixed_lookbehinds(words: list[str], variants: tuple[str, ...], negative: bool) -> str:
    """Lookbehinds must have a fixed width in `re`: one per word and spacing variant."""
    sign = "!" if negative else "="
    parts = [
        f"(?<{sign}(?<!\\w){re.escape(word)}{variant})" for word in words for variant in variants
    ]
    return "".join(parts) if negative else f"(?:{'|'.join(parts)})"


def compile_rule(
    template: str,
    class_patterns: dict[str, str],
    where: str,
    after: list[str] | None = None,
    not_after: list[str] | None = None,
    not_before: list[str] | None = None,
    case_sensitive: bool = False,
) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]], dict[str, str]]:
    """Compile one rule; `after` words must precede the match, `not_*` words must not touch it."""
    body, group_classes, group_roles = expand(template, class_patterns, where)
    prefix = r"(?<![\w])(?<!\d[.,/:-])"
    suffix = r"(?![\w])(?![.,/:-]\d)"
    if after:
        prefix += _fixed_lookbehinds(after, (r"\s",), negative=False)
    if not_after:
        prefix += _fixed_lookbehinds(not_after, ("", r"\s", r"\.", r"\.\s"), negative=True)
    if not_before:
        suffix += not_followed_by(not_before)
    source = f"{prefix}(?:{body}){suffix}"
    try:
        flags = 0 if case_sensitive else re.IGNORECASE
        return re.compile(source, flags), group_classes, group_roles
    except re.error as exc:
        raise GrammarError(f"{where}: {exc}") from exc


# How many letters of a place the tagger reads to choose the rules it tries there: eight tell
# most rules that cannot match apart ('the comp' from 'the comi'), and the index of eight-letter
# prefixes builds in about 0.1 s per language on first use. The scan for places where any rule
# can begin reads only the first PLACE_PREFIX_LENGTH: as selective there, and its pattern
# compiles three times faster.
PREFIX_LENGTH = 8
PLACE_PREFIX_LENGTH = 7


def fold_char(char: str) -> str:
    """How prefixes see a character: lowercased, every ASCII digit as '9' (so that '19/6' and
    '20/7' share the prefix '99/9' and digit-led rules keep a small index)."""
    return "9" if "0" <= char <= "9" else char.lower()


_MAX_PREFIXES = 20000


def first_prefixes(pattern: re.Pattern[str], length: int = PREFIX_LENGTH) -> frozenset[str]:
    """The lowercased texts (up to `length` characters) a match of `pattern` can begin with.

    A shorter entry means 'followed by anything'; an empty entry means the rule can begin
    anywhere. The tagger uses these to try a rule only where the text could start it, which is
    what makes extraction of a long article fast. Computed from the parsed pattern (the standard
    library's regex parser); if that parser is unavailable the rule is simply always tried.
    """
    try:
        from re import _parser  # type: ignore[attr-defined]

        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser we do not know: never filter
        return frozenset({""})
    open_, done = _walk(list(tree), {""}, length, _parser)
    return frozenset(open_ | done)


def _walk(
    items: list[tuple[Any, Any]], current: set[str], length: int, parser: object
) -> tuple[set[str], set[str]]:
    """Extend the open prefixes through a parsed sequence (the private regex parser's (opcode,
    argument) pairs, hence Any); returns (open, finished)."""
    names = parser  # opcodes are compared by name so the code does not import private constants
    finished: set[str] = set()
    for op, arg in items:
        if not current:
            break
        kind = str(op)
        if kind == "ASSERT_NOT" and not list(arg[1]):
            current = set()  # '(?!)': an empty word list, which never matches
            continue
        if kind in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width
        if kind == "LITERAL":
            current = {p + fold_char(chr(arg)) for p in current}
        elif kind == "IN" and (chars := _small_set(arg)) is not None:
            current = {p + c for p in current for c in chars}
        elif kind == "SUBPATTERN":
            current, more = _walk(list(arg[-1]), current, length, names)
            finished |= more
        elif kind == "BRANCH":
            union: set[str] = set()
            for branch in arg[1]:
                opened, more = _walk(list(branch), current, length, names)
                union |= opened
                finished |= more
            current = union
        elif kind in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = arg
            reachable = set(current) if low == 0 else set()
            step = current
            for count in range(1, min(high, length + 1) + 1):
                step, more = _walk(list(body), step, length, names)
                finished |= more
                if count >= low:
                    reachable |= step
                if not step:
                    break
            current = reachable
        else:  # any other construct: the prefix can go on with anything
            finished |= current
            current = set()
        full = {p for p in current if len(p) >= length}
        finished |= {p[:length] for p in full}
        current -= full
        if len(current) > _MAX_PREFIXES:
            finished |= {p for p in current}
            current = set()
    return current, finished


def _small_set(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters a class can match, lowercased; whitespace counts as one space (the
    tagger looks prefixes up in text with its whitespace folded the same way)."""
    chars: list[str] = []
    for op, arg in items:
        kind = str(op)
        if kind == "CATEGORY" and str(arg) == "CATEGORY_SPACE":
            chars.append(" ")
        elif kind == "CATEGORY" and str(arg) == "CATEGORY_DIGIT":
            chars.append("9")
        elif kind == "LITERAL":
            chars.append(fold_char(chr(arg)))
        elif kind == "RANGE" and arg[1] - arg[0] <= 25:
            chars.extend(fold_char(chr(c)) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return sorted(set(chars))


def prefix_trie(prefixes: list[str]) -> str:
    """A regex matching where one of the literal `prefixes` begins, written as a trie
    ('(?:9(?:9|/)|a(?:b|g))'). Why a trie: `re` tries an alternation's branches one by one, so
    thousands of literal prefixes side by side cost thousands of tries per place; nested by
    character, each place costs at most one test per character of the longest prefix (linear)."""
    if not prefixes:
        return r"(?!)"
    trie: dict[str, dict] = {}
    for prefix in prefixes:
        node = trie
        for char in prefix:
            node = node.setdefault(char, {})
        node[""] = {}  # a prefix ends here: whatever follows, it has matched

    def source(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        branches = [re.escape(char) + source(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return source(trie)
