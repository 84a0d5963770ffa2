"""Stemmers by the name a language file gives them (`[predicates] stemmer`, `[stories] stemmer`).

Reports of one happening use different forms of a word: 'menemukan', 'penemuan', 'ditemukan';
'searched', 'searching'. A stemmer folds them before reports are compared. Both are maintained
libraries that ship their data in the package (nothing is downloaded):

- 'sastrawi': PySastrawi, the Nazief-Adriani / ECS stemmer with a dictionary of 30,000 Indonesian
  root words, which strips only affixes that leave a dictionary word ('menemukan' -> 'temu',
  'rombongannya' -> 'rombong'), where a rule-only stemmer (Snowball's Indonesian) also cuts
  roots ('menemukan' -> 'emu', 'personel' -> 'sonel');
- 'snowball:LANG': Snowball's stemmer for LANG (snowballstemmer; 'snowball:english' is Porter2);
- 'none': lowercase only.

Each stemmer is loaded on first use and caches what it has stemmed: a story repeats its words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

Stemmer = Callable[[str], str]


class UnknownStemmer(ValueError):
    """A language file names a stemmer this installation does not have."""


@cache
def stemmer_named(name: str) -> Stemmer:
    """The stemmer of that name (see the module's docstring), with a cache in front."""
    if name == "none":
        return str.lower
    if name == "sastrawi":
        from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer

        # Sastrawi's own factory keeps its 30,000 root words in a list, so every lookup scans it
        # (about 50 ms a word, 11 s for the seed article): the same stemmer over a set of them.
        sastrawi = SastrawiStemmer(_Roots(root_words(name)))
        return _cached(sastrawi.stem)
    if name.startswith("snowball:"):
        import snowballstemmer

        try:
            snowball = snowballstemmer.stemmer(name.removeprefix("snowball:"))
        except KeyError:
            raise UnknownStemmer(f"no Snowball stemmer {name!r}") from None
        return _cached(snowball.stemWord)
    raise UnknownStemmer(f"unknown stemmer {name!r}; use sastrawi, snowball:LANG or none")


class CachedStemmer:
    """A stemmer with a memory of the words it has stemmed; `learn` adds stems worked out
    elsewhere (a worker process stems its articles' words, the merge then only looks them up)."""

    def __init__(self, stem: Callable[[str], str]) -> None:
        self._stem = stem
        self.memory: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        found = self.memory.get(word)
        if found is None:
            found = self._stem(word.lower()) or word.lower()
            self.memory[word] = found
        return found

    def learn(self, stems: dict[str, str]) -> None:
        self.memory.update(stems)


def _cached(stem: Callable[[str], str]) -> Stemmer:
    return CachedStemmer(stem)


@cache
def root_words(name: str) -> frozenset[str]:
    """The root words a stemmer knows (Sastrawi's dictionary), empty for stemmers without one:
    a word that is a root itself ('menteri') is no derived verb ('menulis')."""
    if name != "sastrawi":
        return frozenset()
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(w.lower() for w in StemmerFactory().get_words())


class _Roots:
    """Sastrawi's dictionary interface (`contains`) over a set: a lookup is a hash."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def contains(self, word: str) -> bool:
        return word in self.words
