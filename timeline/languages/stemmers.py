"""Stemmers: the stem of a word in a language, for telling that two words name one happening
('ditangkap' / 'menangkap' / 'penangkapan', 'killed' / 'killing').

A language file names its stemmer (`[predicates] stemmer`); the stemmers are maintained
libraries rather than hand-written affix rules: Sastrawi (Nazief-Adriani with a root
dictionary) for Indonesian, Snowball for English (and the other languages Snowball covers).
Both are pure Python and ship their data; each is imported on first use only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

Stemmer = Callable[[str], str]


@cache
def stemmer_named(name: str) -> Stemmer:
    """The stemmer of that name ('sastrawi', or a Snowball language such as 'english'); a word
    is lowercased before stemming. Unknown names stem nothing (the word itself)."""
    if not name:
        return str.lower
    if name == "sastrawi":
        from Sastrawi.Stemmer.Cache.ArrayCache import ArrayCache
        from Sastrawi.Stemmer.CachedStemmer import CachedStemmer
        from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer

        # Sastrawi's own factory keeps its 30,000 root words in a list, so every lookup scans it
        # (about 50 ms a word, 11 s for the seed article); the same stemmer over a set of them.
        roots = _Roots(root_words(name))
        sastrawi = CachedStemmer(ArrayCache(), SastrawiStemmer(roots))  # caches words seen

        def stem_id(word: str) -> str:
            return str(sastrawi.stem(word.lower())) or word.lower()

        return stem_id
    import snowballstemmer

    try:
        snowball = snowballstemmer.stemmer(name)
    except KeyError:
        return str.lower

    @cache
    def stem(word: str) -> str:
        return str(snowball.stemWord(word.lower()))

    return stem


@cache
def root_words(name: str) -> frozenset[str]:
    """The root words a stemmer knows (Sastrawi's dictionary), empty for stemmers without one:
    a word that is a root itself ('menteri') is no derived verb ('menulis')."""
    if name != "sastrawi":
        return frozenset()
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    words = StemmerFactory().get_words()
    return frozenset(w.lower() for w in words)


class _Roots:
    """Sastrawi's dictionary interface (`contains`) over a set: a lookup is a hash."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def contains(self, word: str) -> bool:
        return word in self.words
