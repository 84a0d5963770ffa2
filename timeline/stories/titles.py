"""The title of a merged happening: the clearest of its reports' titles.

Each article event has a short title (events/). Among the reports of a happening the one chosen
is in the language most of its reports use (the story's main language breaks a tie), reads as a
statement rather than a quotation or a pronoun's ('Ia ditemukan ...', 'She was ...'), is of a
readable length, and says most of what the reports share (its features' weight in the
happening's centroid): the report most like the others names the happening best.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

QUOTES = "\"“”'‘’«»"
SHORTEST = 3
LONGEST = 16
PRONOUNS = frozenset(
    {"ia", "dia", "mereka", "kami", "kita", "saya", "he", "she", "they", "it", "we", "i", "this"}
)


def clarity(title: str) -> float:
    """1.0 for a plain statement of readable length, less for a quotation, a pronoun subject,
    a fragment or a run-on."""
    words = title.split()
    if not words:
        return 0.0
    score = 1.0
    if len(words) < SHORTEST:
        score *= 0.6
    elif len(words) > LONGEST:
        score *= 0.8
    if any(mark in title for mark in QUOTES):
        score *= 0.7
    if words[0].lower().strip(",.") in PRONOUNS:
        score *= 0.7
    return score


def choose_title(
    titles: Sequence[str],
    langs: Sequence[str],
    centrality: Sequence[float],
    dated: Sequence[bool],
    story_lang: str,
) -> int:
    """The index of the clearest title among a happening's reports."""
    counts = Counter(langs)
    top = max(counts.values())
    leading = {lang for lang, n in counts.items() if n == top}
    lang = story_lang if story_lang in leading else min(leading)
    best, best_score = 0, -1.0
    for index, title in enumerate(titles):
        score = clarity(title) * (0.5 + centrality[index]) * (1.0 if dated[index] else 0.8)
        if langs[index] != lang:
            score *= 0.5
        if score > best_score:
            best, best_score = index, score
    return best
