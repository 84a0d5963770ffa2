"""A short label for a happening: what the picture prints beside it.

About twelve words at most, in the article's language: the happening with its main
participants, without the time phrases (the axis shows the time), the attribution (a separate
clause), the leading connective, auxiliaries and quotation marks. A long clause keeps its
predicate, the words just before it (the subject, proper names first) and the first words after
it (the object), cut at a word that opens a modifier ('yang', 'untuk', 'which', 'in').
'Beberapa hari lalu, pemimpin Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un telah
menandatangani kesepakatan bersama' -> 'Vladimir Putin dan Kim Jong Un menandatangani
kesepakatan bersama'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.events.clauses import Clause
from timeline.events.predicates import PredicateReader
from timeline.events.spans import Spans
from timeline.ingest.sentences import dateline_end
from timeline.languages import Language
from timeline.models.document import Timex

MAX_WORDS = 12
SUBJECT_WORDS = 5
NAME_WORDS = 3
_TOKEN = re.compile(r"[^\s\"“”‘’«»()\[\]]{1,60}")
_TRAILING = ",;:.!?—–-"


@dataclass(frozen=True)
class _TitleWords:
    """The word sets a title is cut by, joined once per language (titles are made for every
    clause)."""

    dropped: frozenset[str]  # auxiliaries a title leaves out
    stops: frozenset[str]  # words that open a modifier, where a long object is cut
    joiners: frozenset[str]  # words that join names in a subject
    dangling: frozenset[str]  # words a title never ends with


@cache
def _title_words(language: Language) -> _TitleWords:
    clauses, events, predicates = language.clauses, language.events, language.predicates
    return _TitleWords(
        dropped=frozenset(predicates.auxiliaries - predicates.keep_in_titles),
        stops=frozenset(clauses.relatives | events.signals | set(clauses.subordinators)),
        joiners=frozenset(clauses.coordinators | events.pair_words),
        dangling=frozenset(clauses.coordinators | events.signals),
    )


def title_of(
    text: str, clause: Clause, times: list[Timex], language: Language, reader: PredicateReader
) -> str:
    """The clause as a short label (see the module docstring)."""
    start = dateline_end(text, clause.start, clause.end)
    for opening in (language.events.connectives, language.events.since_then):
        if opening is not None and (found := opening.match(text, start, clause.end)):
            start = found.end()
    signals = language.events.signals
    dropped = _title_words(language).dropped
    tokens: list[tuple[int, str]] = []
    spans = [(start, clause.end)]
    if clause.subject is not None:  # 'Kesepakatan pertahanan itu, menurut analis, bisa ...'
        spans.insert(0, clause.subject)
    matches = [m for a, b in spans for m in _TOKEN.finditer(text, a, b)]
    inside_times = Spans(t.span for t in times)
    for match in matches:
        if inside_times.holds(match.start()):
            if tokens and tokens[-1][1].lower().strip(_TRAILING) in signals:
                tokens.pop()  # the time's preposition goes with it
            if match.group().endswith(",") and tokens:  # keep the comma the time closed
                tokens[-1] = (tokens[-1][0], tokens[-1][1].rstrip(",") + ",")
            continue
        raw = match.group()
        word = raw.strip(_TRAILING)
        if not word or word.lower() in dropped:
            continue
        tokens.append((match.start(), word + ("," if raw.endswith(",") else "")))
    if clause.opener is not None and tokens and tokens[0][1].lower() == clause.opener:
        tokens = tokens[1:]
    if not tokens:
        return ""
    words = [w for _, w in tokens]
    if len(words) > MAX_WORDS:
        words = _shortened(tokens, clause, language)
    # a joiner or preposition left dangling where a time was taken out ('Harga naik pada
    # Februari 2021 dan awal tahun lalu' -> 'Harga naik', not 'Harga naik dan')
    dangling = _title_words(language).dangling
    while len(words) > 1 and words[-1].lower().strip(_TRAILING) in dangling:
        words.pop()
    title = " ".join(w.rstrip(",") for w in words)
    return title[:1].upper() + title[1:]


def _shortened(tokens: list[tuple[int, str]], clause: Clause, language: Language) -> list[str]:
    """Predicate, the subject just before it (proper names preferred), the object after it."""
    predicate = clause.predicate
    at = 0
    if predicate is not None:
        at = next((i for i, (s, _) in enumerate(tokens) if s >= predicate.start), 0)
    before = [w for _, w in tokens[:at]]
    commas = [i for i, word in enumerate(before) if word.endswith(",")]
    if commas:  # what precedes the subject's comma is a fronted phrase ('Pada pertemuan ...,')
        before = before[commas[-1] + 1 :]
    after = [w for _, w in tokens[at:]]
    subject = _subject(before, language)
    room = MAX_WORDS - len(subject)
    stops = _title_words(language).stops
    obj: list[str] = []
    for index, word in enumerate(after):
        if index > 0 and (word.lower() in stops and len(obj) >= 3):
            break
        obj.append(word)
        if len(obj) >= room:
            break
    return [*subject, *obj]


def _subject(words: list[str], language: Language) -> list[str]:
    """The subject kept in a title: its proper names joined as the text joins them ('Vladimir
    Putin dan Kim Jong Un'), else its last few words."""
    if len(words) <= SUBJECT_WORDS:
        return words
    joiners = _title_words(language).joiners
    names: list[list[str]] = []
    current: list[str] = []
    for word in words:
        if word[:1].isupper():
            current.append(word)
            continue
        if current:
            names.append(current)
            current = []
        if word.lower() in joiners and names:
            names.append([word])
    if current:
        names.append(current)
    # a long name keeps its last words ('pemimpin Rusia Vladimir Putin' -> 'Rusia Vladimir
    # Putin'): titles, descriptors and first names go first
    kept = [w for group in names for w in group[-NAME_WORDS:]]
    while kept and kept[-1].lower() in joiners:
        kept.pop()
    if kept and len(kept) <= SUBJECT_WORDS + 3:
        return kept
    return words[-SUBJECT_WORDS:]
