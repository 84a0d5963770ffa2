"""Scraping artefacts repaired before the text is read, with offsets back to the text as given.

Text scraped from web pages keeps traces of its markup: character references that were never
decoded ("Jakarta&nbsp;&ndash; Banjir"), and words glued together where two elements met
without a space ("Sejak2019", "Senin(23/6)pukul07.05"). The rules of the language files are
written for text as people type it, so such text loses the year or the clock time.

Why one repair step here rather than rules that accept glued tokens: the artefacts come from
markup, not from a language, so every language and every rule would have to learn each of them
(and the grammar's prefix index, sentence splitter and tense cues too); repaired once, every
part reads ordinary text. The pipeline reads `Normalised.text`, and every span it reports is
mapped back with `Normalised.original_span`, so offsets stay code points of the text the user
gave (a timex's `text` is the original's characters, "12&nbsp;Juni 2024"; a description, such
as an event's text, is the repaired one).

The repairs, each a general rule:
- a character reference with its semicolon (`&ndash;`, `&#8211;`, `&#x2013;`) becomes its
  character, as a browser shows it (the standard library's `html.unescape`, which knows every
  HTML5 name); `&nbsp;` becomes a plain space. Without the semicolon ("AT&T", "&copy2019") it
  stays as written.
- a space goes between a word and a year or a clock time glued to its end ("Sejak2019",
  "pukul07.05", "Juni2024"), between a year or a clock time and a word glued after it
  ("2019harga", "07.05WIB"), and after a closing parenthesis glued to a letter
  ("(23/6)pukul"). A word is at least three letters, lowercase after the first (after a
  number also all capitals); a year is four digits from 1000 to 2999, a clock time "07.05" or "19:00", a day and
  month "23/6". Codes, units, ordinals and names stay as written ("G20", "COVID19", "Frog7",
  "1990s", "21st", "10km", "iPhone15"), and so does anything in a link, a hashtag or a handle
  ("t.co/oMw78z3DVj", "#iddvol2").
- a space goes between a word and a capitalised word glued to it, where a link's words met the
  text around them ("PertandinganReal Madrid", "besarPiala Dunia", "lagaReal"): after a
  capitalised word of six lowercase letters or more, or a lowercase word of four or more.
  Names in camel case have shorter runs and stay ("YouTube", "WhatsApp", "MasterCard",
  "iPhone"), and so do hashtags, handles and links ("#ThrowbackThursday").
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

MIN_GLUED_NAME = 6
"""Lowercase letters a capitalised word needs before a capital glued to it for a space to go
between ('PertandinganReal' -> 'Pertandingan Real'): names written in camel case have shorter
runs before their capitals ('YouTube', 'WhatsApp', 'BlackBerry', 'MasterCard', 'LinkedIn')."""
MIN_GLUED_LOWER = 4
"""The same for a word in lowercase ('lagaReal', 'besarPiala'): names that open in lowercase
have one or two letters before their capital ('iPhone', 'eBay'). The candidate pattern spells
this number, the smaller."""

MIN_GLUED_WORD = 3
"""Letters a word needs before a space is put between it and glued digits: shorter runs are
units, ordinals and codes ("10km", "21st", "G20"), not words that lost their space."""

# Where a repair may be needed: a character reference, a digit after a letter, a digit before a
# letter, a parenthesis before a letter. The pattern opens with a set of three characters, so
# the engine skips to the next one of them (four times as fast as branches that open with
# lookarounds); repetitions are bounded.
_CANDIDATE = re.compile(
    r"[0-9&)A-Z](?:(?<=[^\W\d_][0-9])|(?<=[0-9])(?=[^\W\d_])|(?<=\))(?=[^\W\d_])"
    r"|(?<=&)(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|(?<=[a-z]{4}[A-Z])(?=[a-z]))"
)
_LETTERS_AFTER = re.compile(r"[^\W\d_]{1,64}")
# The numbers a glued word may carry: a year, or a clock time or day and month.
_NUMBER_AFTER = re.compile(r"[12][0-9]{3}(?![0-9])|[0-9]{1,2}[.:/][0-9]{1,2}(?![0-9])")
_NUMBER_BEFORE = re.compile(r"(?:[12][0-9]{3}|[0-9]{1,2}[.:][0-9]{2})$")
_NUMBER_CHARS = "0123456789.:,/"
_LINK_CHARS = "/@#_=\\.:"
WORD_REACH = 64
"""Letters read before glued digits to tell a word from a code (bounded: linear on any text)."""
_SPACE_LIKE = {"\xa0": " "}


@dataclass(frozen=True)
class Normalised:
    """The repaired text and where each of its changes came from in the original.

    `starts` holds, for each change, where its replacement begins in `text`; `spans` the
    original characters it replaced ([begin, end), empty for an inserted space); `shifts` the
    difference original - repaired offset after it. A text without artefacts has no changes,
    and every mapping is the identity at no cost.
    """

    text: str
    starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.starts)

    def original_start(self, offset: int) -> int:
        """Where the character at `offset` of the repaired text begins in the original."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset
        if offset < self.starts[index] + self.lengths[index]:
            return self.spans[index][0]
        return offset + self.shifts[index]

    def original_end(self, offset: int) -> int:
        """Where an (exclusive) end at `offset` of the repaired text falls in the original."""
        if offset <= 0:
            return 0
        index = bisect.bisect_right(self.starts, offset - 1) - 1
        if index >= 0 and offset - 1 < self.starts[index] + self.lengths[index]:
            return self.spans[index][1]
        return offset + (self.shifts[index] if index >= 0 else 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """A [start, end) span of the repaired text as a span of the original."""
        begin = self.original_start(start)
        return begin, max(begin, self.original_end(end))


def normalise(text: str) -> Normalised:
    """`text` with the scraping artefacts of the module docstring repaired."""
    pieces: list[str] = []
    result = Normalised("")
    done = 0  # original characters copied or replaced so far
    length = 0  # characters of the repaired text so far
    shift = 0
    for match in _CANDIDATE.finditer(text):
        found = match.group()
        begin = match.start()
        if found.startswith("&"):
            replacement = html.unescape(found)
            if replacement == found:
                continue
            replacement = _SPACE_LIKE.get(replacement, replacement)
            span = (begin, match.end())
        elif found.isupper():  # a capital glued after a lowercase run
            if not _glued_name(text, begin):
                continue
            replacement, span = " ", (begin, begin)
        else:
            place = _glue(text, begin)
            if place is None:
                continue
            replacement, span = " ", (place, place)
        pieces.append(text[done : span[0]])
        length += span[0] - done
        pieces.append(replacement)
        shift += (span[1] - span[0]) - len(replacement)
        result.starts.append(length)
        result.lengths.append(len(replacement))
        result.spans.append(span)
        result.shifts.append(shift)
        length += len(replacement)
        done = span[1]
    if not result.starts:
        return Normalised(text)
    pieces.append(text[done:])
    return Normalised("".join(pieces), result.starts, result.lengths, result.spans, result.shifts)


def _glue(text: str, position: int) -> int | None:
    """Where a space goes at a candidate of `_CANDIDATE` (a digit or ')' at `position` with a
    letter on one side), or None when the glued token is no word and time (see the module
    docstring)."""
    if text[position] == ")":
        return position + 1
    begin = position
    while begin > 0 and position - begin < WORD_REACH and text[begin - 1].isalpha():
        begin -= 1
    if begin < position:  # a word, then this digit: 'Sejak2019', 'pukul07.05'
        if (
            _is_word(text[begin:position], capitals=False)
            and _NUMBER_AFTER.match(text, position)
            and not _in_a_link(text, begin)
        ):
            return position
        return None
    number = _NUMBER_BEFORE.search(text, max(0, position - 5), position + 1)
    after = _LETTERS_AFTER.match(text, position + 1)
    if (
        number is not None
        and after is not None
        and _is_word(after.group(), capitals=True)
        and _starts_a_number(text, number.start())
        and not _in_a_link(text, number.start())
    ):  # a year or a clock time, then a word: '2019harga', '07.05WIB'
        return position + 1
    return None


def _glued_name(text: str, capital: int) -> bool:
    """Whether the capital at `capital` opens a word glued to the one before it (see
    MIN_GLUED_NAME and MIN_GLUED_LOWER), outside links, hashtags and handles."""
    begin = capital
    while begin > 0 and capital - begin < WORD_REACH and text[begin - 1].islower():
        begin -= 1
    run = capital - begin
    before = text[begin - 1] if begin > 0 else " "
    if before.isupper():
        needed = MIN_GLUED_NAME
        begin -= 1
    elif before.isalnum():
        return False
    else:
        needed = MIN_GLUED_LOWER
    return run >= needed and not _in_a_link(text, begin)


def _starts_a_number(text: str, start: int) -> bool:
    """True when a number begins at `start`: after a space or a sign, or glued to a word
    ('Sejak2019harga'), not inside a longer number or a code ('1.000.2019', 'A1257')."""
    if start == 0:
        return True
    if text[start - 1] in _NUMBER_CHARS:
        return False
    begin = start
    while begin > 0 and start - begin < WORD_REACH and text[begin - 1].isalpha():
        begin -= 1
    return begin == start or _is_word(text[begin:start], capitals=False)


def _is_word(letters: str, capitals: bool) -> bool:
    """A word as people write it: at least MIN_GLUED_WORD letters, lowercase after the first
    ('pukul', 'Juni'), or (where `capitals`) all capitals ('WIB'); not 'oMw' or 'DVj'."""
    if len(letters) < MIN_GLUED_WORD:
        return False
    return letters[1:].islower() or (capitals and letters.isupper())


def _in_a_link(text: str, start: int) -> bool:
    """True when the token that `start` ends a part of holds a link's or a tag's characters
    ('t.co/abcd2019', '#iddvol2'): those are names, not words that lost their space."""
    begin = start
    while begin > 0 and start - begin < WORD_REACH and not text[begin - 1].isspace():
        if text[begin - 1] in "()":
            break
        begin -= 1
    return any(char in _LINK_CHARS for char in text[begin:start])


def clean(text: str) -> str:
    """Just the repaired text: for titles and other descriptions that need no offsets."""
    return normalise(text).text
