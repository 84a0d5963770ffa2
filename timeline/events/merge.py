"""One happening, one event: the lead and the body of an article often tell the same happening
twice ('Putin dan Kim menandatangani ...' in both); such drafts become one event with both
mentions.

Two drafts are one happening when they name it with a word of the same stem (their predicates
or event nouns: 'menandatangani' / 'ditandatangani', 'bertemu' / 'pertemuan'), they share names
or numbers of their clauses (outside their times), and their times agree: the same time, and
then one shared name suffices ('Pada pertemuan ... antara Kim dan Putin di Rusia pada
September' and 'Keduanya terakhir bertemu di Rusia pada bulan September 2023'), or one of them
undated or only inherited, and then two names must be shared. The undated telling joins the
dated one. Only a bounded window of earlier drafts is compared, so a long text stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from timeline.events.predicates import WORD, PredicateReader
from timeline.events.spans import Spans
from timeline.languages import Language

if TYPE_CHECKING:
    from timeline.events.build import Draft

MERGE_WINDOW = 40
MERGED_CLASSES = frozenset({"OCCURRENCE", "I_ACTION"})
"""Only happenings are merged: 'said', 'is', 'began' recur in every article without telling
the same thing twice."""
SHARED_WHEN_UNDATED = 2
"""Names or numbers two tellings must share when only one of them is dated ('Putin', 'Kim')."""
_NAME_OR_NUMBER = re.compile(r"\b(?:[A-Z][\w'’-]{1,40}|\d[\d.,]{0,20})")


def merge_happenings(
    drafts: list[Draft], text: str, language: Language, reader: PredicateReader
) -> list[Draft]:
    kept: list[Draft] = []
    by_stem: dict[str, list[Draft]] = {}
    known: dict[int, set[str]] = {}  # a draft's names, read once: a kept draft meets many

    def names_of(draft: Draft) -> set[str]:
        found = known.get(id(draft))
        if found is None:
            found = known[id(draft)] = _names(draft, text, language.events.stopwords)
        return found

    for draft in drafts:
        if draft.clause.predicate is None or draft.event_class not in MERGED_CLASSES:
            kept.append(draft)
            continue
        stems = _happening_stems(draft, text, reader)
        candidates = {id(k): k for stem in stems for k in by_stem.get(stem, [])[-MERGE_WINDOW:]}
        twin = next(
            (
                k
                for k in sorted(candidates.values(), key=lambda d: -d.position)
                if _one_happening(k, draft, names_of)
            ),
            None,
        )
        if twin is None:
            kept.append(draft)
            for stem in stems:
                by_stem.setdefault(stem, []).append(draft)
            continue
        _absorb(twin, draft)
    return kept


def _happening_stems(draft: Draft, text: str, reader: PredicateReader) -> set[str]:
    """The stems of the words that name the happening: its predicate and its event nouns."""
    clause = draft.clause
    stems = {reader.stem(clause.predicate.word)} if clause.predicate else set()
    for match in WORD.finditer(text, clause.start, clause.end):
        if reader.kind(match.group()) == 1:
            stems.add(reader.stem(match.group()))
    return stems


def _names(draft: Draft, text: str, stopwords: frozenset[str]) -> set[str]:
    """Capitalised words and numbers of the clause, outside its times; a capitalised word the
    language lists as carrying no content ('Dia', 'The': sentences capitalise their first word)
    is no name."""
    clause = draft.clause
    names = set()
    times = Spans(draft.time_spans)
    for match in _NAME_OR_NUMBER.finditer(text, clause.start, clause.end):
        word = match.group()
        if word.lower() in stopwords or times.holds(match.start()):
            continue
        names.add(word)
    return names


def _one_happening(kept: Draft, draft: Draft, names_of: Callable[[Draft], set[str]]) -> bool:
    if kept.sentence.start == draft.sentence.start:
        return False  # one sentence tells two happenings, not one twice
    own = not (kept.inherited or draft.inherited)
    both_dated = kept.dating is not None and draft.dating is not None and own
    same_time = (kept.start, kept.end, kept.value) == (draft.start, draft.end, draft.value)
    if both_dated and not same_time:
        return False
    shared = len(names_of(kept) & names_of(draft))
    return shared >= (1 if both_dated else SHARED_WHEN_UNDATED)


def _absorb(twin: Draft, draft: Draft) -> None:
    """The draft becomes a mention of its twin; a dated telling dates the happening."""
    if (twin.dating is None or twin.inherited) and draft.dating is not None and not draft.inherited:
        twin.dating, twin.start, twin.end = draft.dating, draft.start, draft.end
        twin.relation, twin.inherited = draft.relation, False
        twin.title, twin.text = draft.title, draft.text  # the dated telling names it
        twin.mentions[0:0] = draft.mentions  # the dated telling first
        twin.timexes = [*draft.timexes, *(t for t in twin.timexes if t not in draft.timexes)]
        return
    twin.mentions.extend(draft.mentions)
    twin.timexes.extend(t for t in draft.timexes if t not in twin.timexes)
