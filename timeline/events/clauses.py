"""A sentence's clauses: where one happening's words end and the next one's begin.

No parser: a clause begins at a word the language file lists as opening one (a coordinator
'dan'/'and' before a new predicate, a subordinator 'setelah'/'after', a relative 'yang'/'which',
a complementizer 'bahwa'/'that', an attribution opener 'menurut'/'according to'), at a semicolon
or a spaced dash, after a quotation that an attribution follows ('"...," kata Budi'), at the
comma that closes a fronted subordinate or attribution ('Setelah polisi tiba, ...', 'Menurut
polisi, ...') or opens a trailing attribution (', kata Budi', ', the minister said'), and after a
reporting verb's own time ('Qantas said on Monday | it would cut 300 jobs'). A time expression is
never split, and its words open nothing ('sejak 2019' is a time, 'sejak pandemi melanda' a
clause). A piece with no predicate of its own is no clause: it joins the one before (or, first in
its sentence, the one after).

Each clause knows what it is to the rest of its sentence (main, coordinated, subordinate with
its relation, relative, complement, attribution), which the attachment of times reads.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.events.predicates import Predicate, PredicateReader
from timeline.events.spans import Spans
from timeline.languages import Language

ClauseKind = str
"""'main', 'coordinated', 'subordinate', 'relative', 'complement' or 'attribution'."""

_HARD_BREAK = re.compile(r";|\s[-–—]{1,2}\s|:\s")
_QUOTE_CLOSE = re.compile(r"[\"”’']\s{0,2}[,.]?\s{0,3}|[,.]\s{0,2}[\"”’']\s{0,3}")
_COMMA = re.compile(r",\s{0,3}")
_WORD = re.compile(r"[^\W\d_][\w'’-]{0,40}")
_WORD_OR_STOP = re.compile(r"[^\W\d_][\w'’-]{0,40}|[,;:.]")
WORDS_AHEAD = 6
"""How many words after a coordinator a new predicate may stand for it to open a clause
('dan menyita', 'dan polisi kemudian menyita')."""
REPORTED_TIME_REACH = 25
"""Characters between a reporting verb and its own time ('said on Monday', 'told reporters
Tuesday')."""


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    kind: ClauseKind
    relation: str | None  # a subordinate's relation to the main clause: after, before, during...
    predicate: Predicate | None
    opener: str | None = None
    subject: tuple[int, int] | None = None  # its subject, cut off by a parenthetical


def split_clauses(
    text: str,
    start: int,
    end: int,
    time_spans: Iterable[tuple[int, int]],
    language: Language,
    reader: PredicateReader,
    day_times: Iterable[tuple[int, int]] | None = None,
) -> list[Clause]:
    """The clauses of the sentence [start, end), in order; `times` are the spans of its time
    expressions (never split, their words never open a clause), `day_times` those of them that
    name a day or a time of day (a reporting verb's own time: 'said Tuesday')."""
    times = Spans(time_spans)
    words = language.clauses
    cuts: dict[int, str | None] = {}  # clause start -> its opening word (None: punctuation)

    def in_time(offset: int) -> bool:
        return times.holds(offset)

    for match in _HARD_BREAK.finditer(text, start, end):
        if not in_time(match.start()):
            cuts[match.end()] = None
    if words.openers is not None:
        for match in words.openers.finditer(text, start, end):
            at = match.start()
            opener = match.group().lower()
            if in_time(at):
                continue
            if opener in words.subordinators and _time_follows(
                match.end(), times, text, language.events.signals
            ):
                continue  # 'sejak 2019', 'after Monday': the word is the time's preposition
            if at == start + _gap(text, start):  # 'Menurut data maskapai, ...': the first clause's
                cuts[start] = opener
                continue
            joins = opener in words.coordinators or opener in words.complementizers
            if joins and not _predicate_ahead(text, match.end(), end, reader, times):
                continue
            cuts.setdefault(at, opener)
    for match in _QUOTE_CLOSE.finditer(text, start, end):
        after = match.end()
        if (
            after < end
            and not in_time(match.start())
            and _reporting_at(text, after, end, language, times, reader)
        ):
            cuts.setdefault(after, None)
    for match in _COMMA.finditer(text, start, end):
        after = match.end()
        if after >= end or in_time(match.start()):
            continue
        if _reporting_at(text, after, end, language, times, reader):
            cuts.setdefault(after, None)  # ', kata Budi', ', the minister said'
        elif _verb_at(text, after, end, reader, times):
            cuts.setdefault(after, None)  # ', closing unchanged Friday', ', menyebabkan ...'
    _cut_after_reported_time(text, start, end, cuts, language, reader, Spans(day_times or []))
    pieces = _pieces(start, end, sorted(cuts), text)
    clauses = _classified(text, pieces, cuts, language, reader, times)
    clauses = _with_fronted_commas(text, clauses, reader, times)
    return _subjects(_attributions(text, clauses, language))


def _subjects(clauses: list[Clause]) -> list[Clause]:
    """A noun phrase cut off from its verb by a parenthetical attribution ('Kesepakatan
    pertahanan itu, menurut sejumlah analis, bisa mendorong ...') is the verb's subject, not a
    happening of its own."""
    result: list[Clause] = []
    for index, clause in enumerate(clauses):
        nxt = clauses[index + 1] if index + 1 < len(clauses) else None
        after = clauses[index + 2] if index + 2 < len(clauses) else None
        if (
            clause.kind == "main"
            and clause.predicate is not None
            and not clause.predicate.verb
            and nxt is not None
            and nxt.kind == "attribution"
            and after is not None
            and after.kind in ("main", "complement")
            and after.predicate is not None
            and after.predicate.verb
        ):
            clauses[index + 2] = Clause(
                after.start,
                after.end,
                after.kind,
                after.relation,
                after.predicate,
                after.opener,
                (clause.start, clause.end),
            )
            continue
        result.append(clause)
    return result


def _time_follows(
    offset: int, times: Spans, text: str, signals: frozenset[str] = frozenset()
) -> bool:
    """A time right after the word, maybe after another preposition ('sejak 2019', 'after
    Monday', 'hingga pada awal pekan ini'): the word is the time's preposition."""
    at = offset + _gap(text, offset)
    following = _WORD.match(text, at)
    if following is not None and following.group().lower() in signals:
        at = following.end() + _gap(text, following.end())
    return bool(times.starting(at, at))


def _gap(text: str, offset: int) -> int:
    """How many whitespace characters stand at `offset` (bounded: a clause is short)."""
    count = 0
    while offset + count < len(text) and count < 50 and text[offset + count].isspace():
        count += 1
    return count


def _predicate_ahead(
    text: str, offset: int, end: int, reader: PredicateReader, times: Spans
) -> bool:
    """Whether a verb stands within the next few words, before any punctuation (a coordinator
    then joins clauses, not nouns: 'menangkap X dan menyita Y' against 'Rusia dan Korea
    Utara')."""
    seen = 0
    after_auxiliary = False
    for match in _WORD_OR_STOP.finditer(text, offset, end):
        token = match.group()
        if token in ",;:.":
            return False
        if times.holds(match.start()):
            continue
        if reader.kind(token, after_auxiliary) == 2:
            return True
        after_auxiliary = token.lower() in reader.words.auxiliaries
        seen += 1
        if seen >= WORDS_AHEAD:
            return False
    return False


def _verb_at(text: str, offset: int, end: int, reader: PredicateReader, times: Spans) -> bool:
    """A verb as the first word after a comma (or the second, after an auxiliary): a clause of
    its own ('Its stock has slumped recently, closing unchanged Friday')."""
    after_auxiliary = False
    for count, match in enumerate(_WORD.finditer(text, offset, end)):
        if count >= 2 or times.holds(match.start()):
            return False
        if match.start() != offset and count == 0:
            return False
        if reader.kind(match.group(), after_auxiliary) == 2:
            return True
        after_auxiliary = match.group().lower() in reader.words.auxiliaries
        if not after_auxiliary:
            return False
    return False


def _reporting_at(
    text: str,
    offset: int,
    end: int,
    language: Language,
    times: Spans,
    reader: PredicateReader | None = None,
) -> bool:
    """Whether an attribution starts here: a reporting verb in the first three words ('kata
    Budi', 'ujar dia', 'the minister said', 'said Smith'), that names a speaker rather than
    an amount ('added $20 million') and holds no other verb ('added ... and established')."""
    reporting = language.clauses.reporting
    for count, match in enumerate(_WORD.finditer(text, offset, end)):
        if count >= 3 or times.holds(match.start()):
            return False
        if match.group().lower() in reporting:
            rest = text[match.end() : end].lstrip()
            if rest[:1].isdigit() or rest[:1] in "$€£¥%":
                return False
            return reader is None or not _predicate_ahead(text, match.end(), end, reader, times)
    return False


def _cut_after_reported_time(
    text: str,
    start: int,
    end: int,
    cuts: dict[int, str | None],
    language: Language,
    reader: PredicateReader,
    times: Spans,
) -> None:
    """A reporting verb followed by its day ('said on Monday', 'told reporters Tuesday'):
    what follows the day is what was reported ('Qantas said on Monday it would cut 300
    jobs'), a clause of its own when a verb follows. Only a day or a time of day: a longer
    period right after the verb names what is reported on ('report third-quarter net income')."""
    if not len(times):
        return  # most sentences name no day: nothing to look for
    reporting = language.clauses.reporting
    for match in _WORD.finditer(text, start, end):
        if match.group().lower() not in reporting:
            continue
        following = times.starting(match.end(), match.end() + REPORTED_TIME_REACH)
        if not following:
            continue
        after = following[0][1]
        if (
            after < end
            and text[after] not in ",.;:"
            and _predicate_ahead(text, after, end, reader, times)
        ):
            cuts.setdefault(after + _gap(text, after), None)


def _pieces(start: int, end: int, cuts: list[int], text: str) -> list[tuple[int, int]]:
    bounds = [start, *(c for c in cuts if start < c < end), end]
    pieces = []
    for a, b in itertools.pairwise(bounds):
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b))
    return pieces


def _classified(
    text: str,
    pieces: list[tuple[int, int]],
    cuts: dict[int, str | None],
    language: Language,
    reader: PredicateReader,
    times: Spans,
) -> list[Clause]:
    """Each piece as a clause of its kind; a piece without a predicate joins the one before
    (or, first in its sentence, the one after, which then counts as the main clause)."""
    words = language.clauses
    clauses: list[Clause] = []
    orphan: tuple[int, int] | None = None
    carried: str | None = None  # the opener of a piece that joined the one after it
    for index, (a, b) in enumerate(pieces):
        opener = cuts.get(a)
        predicate = reader.find(text, a, b, times)
        joined_orphan = orphan is not None
        if orphan is not None:
            a, orphan = orphan[0], None
            opener, carried = carried, None
        following = cuts.get(pieces[index + 1][0]) if index + 1 < len(pieces) else None
        first_nouns = (
            predicate is not None and not predicate.verb and not clauses and orphan is None
        )
        if (predicate is None or first_nouns) and following in words.coordinators:
            # 'bahwa dirinya dan Kim tidak menoleransi ...': the 'dan' joined nouns; so does
            # one after a sentence's opening nouns, even an event noun ('Perkumpulan untuk
            # Pemilu dan Demokrasi (Perludem) menegaskan ...': one subject, one happening)
            orphan, carried = (a, b), opener
            continue
        if predicate is None:
            if clauses:
                last = clauses[-1]
                clauses[-1] = Clause(
                    last.start, b, last.kind, last.relation, last.predicate, last.opener
                )
            else:
                orphan = (a, b)
            continue
        kind = "main" if opener is None else words.kind_of(opener)
        if joined_orphan and not clauses and kind not in ("subordinate", "attribution"):
            kind = "main"  # 'Rusia dan Korea Utara mencapai ...': the 'dan' joined names
        relation = words.subordinators.get(opener) if opener else None
        clauses.append(Clause(a, b, kind, relation, predicate, opener))
    if orphan is not None:
        clauses.append(Clause(orphan[0], orphan[1], "main", None, None))
    return clauses


def _with_fronted_commas(
    text: str, clauses: list[Clause], reader: PredicateReader, times: Spans
) -> list[Clause]:
    """A fronted subordinate or attribution ends at its first comma when a predicate follows:
    'Setelah polisi tiba, warga bubar' is two clauses, 'Menurut polisi, pelaku kabur' too; so
    does a relative clause between commas ('Williams shares, which were to be delisted, closed
    at $23.25')."""
    result: list[Clause] = []
    for clause in clauses:
        comma = None
        parenthetical = clause.kind == "relative" and text[: clause.start].rstrip().endswith(",")
        if parenthetical or (
            clause.kind in ("subordinate", "attribution") and clause.opener is not None
        ):
            comma = next(
                (
                    m
                    for m in _COMMA.finditer(text, clause.start, clause.end)
                    if not times.holds(m.start())
                ),
                None,
            )
        rest = reader.find(text, comma.end(), clause.end, times) if comma is not None else None
        if comma is None or rest is None:
            result.append(clause)
            continue
        head = reader.find(text, clause.start, comma.start(), times)
        result.append(
            Clause(clause.start, comma.start(), clause.kind, clause.relation, head, clause.opener)
        )
        # after a parenthetical relative ('X, which ..., closed at') the clause it interrupted
        # goes on
        result.append(Clause(comma.end(), clause.end, "main", None, rest))
    return result


def _attributions(text: str, clauses: list[Clause], language: Language) -> list[Clause]:
    """A main or coordinated clause whose predicate reports is an attribution when it follows
    what it reports (', kata Budi') or introduces it ('Budi mengatakan, ...', 'He said that
    ...'); what it introduces is then its complement."""
    reporting = language.clauses.reporting
    result = list(clauses)
    for index, clause in enumerate(clauses):
        word = clause.predicate.word.lower() if clause.predicate else ""
        if word not in reporting or clause.kind not in ("main", "coordinated"):
            continue
        introduces = text[clause.start : clause.end].rstrip().endswith((",", ":")) or (
            index + 1 < len(clauses) and clauses[index + 1].kind == "complement"
        )
        if index == 0 and not introduces and len(clauses) > 1:
            following = clauses[1]
            introduces = following.kind == "main" and following.start == clause.end + _gap(
                text, clause.end
            )
        if index == 0 and not introduces:
            continue
        result[index] = Clause(
            clause.start, clause.end, "attribution", None, clause.predicate, clause.opener
        )
        if introduces and index + 1 < len(clauses) and result[index + 1].kind == "main":
            following = result[index + 1]
            result[index + 1] = Clause(
                following.start,
                following.end,
                "complement",
                None,
                following.predicate,
                following.opener,
            )
    return result
