"""The words inside hashtags: '#MondayMotivation' says Monday, '#ThrowbackThursday' Thursday.

A hashtag glues its words together, so no rule matches inside it (a rule needs a word boundary on
both sides). In social media posts (genres.Social) each hashtag written in camel case or with
digits is read again as the words it joins ('#MondayMotivation' as 'Monday Motivation'), and what
the rules find there is mapped back onto the hashtag's own characters: the expression 'Monday'
spans the six letters after '#'. A hashtag in one case ('#mondaymotivation') cannot be split and
is left alone; one the text already tags as a whole ('#Friday') keeps that reading.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from timeline.languages import Language
from timeline.tagging.tag import Mention, find_mentions

_HASHTAG = re.compile(r"(?<![\w&#])#(\w{2,80})")
_PIECE = re.compile(r"[0-9]{1,12}|[A-Z]{2,40}(?![a-z])|[A-Z]?[a-z]{1,40}")


def split_hashtag(body: str, offset: int) -> list[tuple[int, str]]:
    """The words a hashtag joins, each with its offset in the text: 'MondayMotivation' at 1 is
    [(1, 'Monday'), (7, 'Motivation')]; 'TBT2014' is [(1, 'TBT'), (4, '2014')]."""
    return [(offset + m.start(), m.group()) for m in _PIECE.finditer(body)]


def hashtag_mentions(text: str, language: Language) -> list[Mention]:
    """The expressions inside the text's hashtags, with spans in the text itself."""
    found: list[Mention] = []
    for tag in _HASHTAG.finditer(text):
        pieces = split_hashtag(tag.group(1), tag.start(1))
        if len(pieces) < 2:
            continue  # one word: the text's own reading already saw it
        view = " ".join(word for _, word in pieces)
        places: list[int] = []  # the text offset of each character of the view
        for position, (start, word) in enumerate(pieces):
            if position:
                places.append(start)  # the space stands where the next word begins
            places.extend(range(start, start + len(word)))
        for mention in find_mentions(view, language):
            begin, end = places[mention.start], places[mention.end - 1] + 1
            found.append(replace(mention, start=begin, end=end, text=text[begin:end]))
    return found


def with_hashtag_mentions(text: str, mentions: list[Mention], language: Language) -> list[Mention]:
    """The text's mentions with those inside its hashtags that none of them overlaps, in order.
    The text's mentions are disjoint and sorted, so each check is a bisection."""
    starts = [m.start for m in mentions]
    extra = []
    for mention in hashtag_mentions(text, language):
        at = bisect.bisect_left(starts, mention.end)  # the ones that start before it ends
        if at == 0 or mentions[at - 1].end <= mention.start:
            extra.append(mention)
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: (m.start, m.end))
