"""Attributions: a time that dates the saying of a report, not what the report tells.

News closes a quotation or a reported clause with who said it and when: '"Jalan ditutup mulai
pukul 05.00 WIB," kata Budi, Jumat (14/3).', '"The road will close," the minister said on
Friday.'. That Friday is when Budi spoke; the times of the next sentences belong to the story
(the closure), so an attribution's time anchors nothing after it: no clock time of a later
sentence takes its day, no 'keesokan harinya' counts from it. The words of an attribution come
from the language file (`[context] attribution`); this module says where they date a time.
"""

from __future__ import annotations

import re

from timeline.ingest.sentences import Sentence
from timeline.languages import Language
from timeline.tagging.tag import Mention

ATTRIBUTION_REACH = 120
"""Characters before a time where its attribution word may stand: the speaker's name, title and
place ('ujar Wakil Gubernur Jakarta Rano Karno di Balai Kota Jakarta, Rabu (2/7)')."""

SPEAKER_WORDS = 4
"""Words at most between the clause break (a comma, a closing quotation mark) and a reporting
word that comes after what it reports: the speaker's name ('," Smith told reporters')."""

_CLAUSE_BREAK = re.compile(r"[,;:\"“”'’]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]{0,40}")


def in_attribution(text: str, sentence: Sentence, mention: Mention, language: Language) -> bool:
    """Whether the time is the date of an attribution: an attribution word of the language
    stands before it in its sentence, within ATTRIBUTION_REACH, with no quotation mark, tense
    word or other clause between them, and either
    - only punctuation and prepositions lie between ('said Friday', 'said on Friday',
      'mengatakan, Jumat (14/3), bahwa'), or
    - the attribution comes after what it reports (its word follows a comma or a closing
      quotation mark, past a speaker's name at most: ', kata Budi', '," Smith told') and the
      time closes the clause ('kata Budi, Jumat (14/3).')."""
    tense = language.tense
    if tense.attribution_cues is None:
        return False
    floor = max(sentence.start, mention.start - ATTRIBUTION_REACH)
    cue = _last(tense.attribution_cues, text, floor, mention.start)
    if cue is None:
        return False
    between = text[cue.end() : mention.start]
    if _interrupted(between, language):
        return False
    words = [word.lower() for word in _WORD.findall(between)]
    if all(word in language.events.signals for word in words):
        return True
    return _after_what_it_reports(text, cue.start(), sentence.start) and _closes_clause(
        text, mention.end, sentence.end, language
    )


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of `pattern` in text[start:end], if any."""
    matches = list(pattern.finditer(text, start, end))  # a window of ATTRIBUTION_REACH at most
    return matches[-1] if matches else None


def _interrupted(between: str, language: Language) -> bool:
    """A quotation mark, a tense word or a sentence's worth of clauses between the attribution
    word and the time: the time is in what is reported ('kata Budi, acara akan digelar Sabtu',
    'said the plant closed on Friday')."""
    tense = language.tense
    if tense.quote_marks is not None and tense.quote_marks.search(between):
        return True
    if tense.past_cues.search(between) or tense.future_cues.search(between):
        return True
    words = {word.lower() for word in _WORD.findall(between)}
    return bool(words & tense.subordinators)


def _after_what_it_reports(text: str, start: int, floor: int) -> bool:
    """Whether the attribution word follows a clause break, with at most a speaker's name
    between (', kata Budi', '," ujar Rano', '," Smith told')."""
    before = text[max(floor, start - 60) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if not breaks:
        return start == floor  # 'Kata Budi, ...' opening the sentence
    return len(_WORD.findall(before[breaks[-1].end() :])) <= SPEAKER_WORDS


def _closes_clause(text: str, end: int, sentence_end: int, language: Language) -> bool:
    """Whether the time ends its clause: the sentence ends, punctuation follows, or a word that
    opens the reported clause ('kata dia, Sabtu (28/6), bahwa')."""
    rest = text[end:sentence_end].lstrip()
    if not rest or not (rest[0].isalnum()):
        return True
    word = _WORD.match(rest)
    return word is not None and word.group().lower() in language.tense.subordinators
