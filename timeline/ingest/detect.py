"""Which language a document is written in, among the languages we have data files for.

Why py3langid: it ships its trained model inside the wheel (4.6 MB, nothing is downloaded at run
time), needs only numpy (already here through matplotlib), is deterministic (langdetect samples at
random unless seeded), is linear in the input (a byte automaton, then one matrix product), can be
restricted to a subset of languages, and is maintained (langid.py, which it forks, is not).
lingua is more accurate on very short texts but its wheels carry every model (tens of MB) and
documents here are whole articles, where the n-gram model is reliable.

The model is loaded lazily, once per process: `timeline resolve` never imports this module, and
`timeline extract --jobs N` loads it in the parent before forking so workers share it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

SAMPLE = 20000
"""Code points read from the start of a text: plenty for an article, and bounds the cost."""

NEIGHBOURS: dict[str, str] = {"ms": "id"}
"""Languages the model confuses with one of ours on news text (Malay and Indonesian share most
words); detecting one of these is no reason to warn that the text has no language data."""

WARN_CONFIDENCE = 0.9
"""Warn that a text looks like a language we lack only when the model is this sure of it."""


@dataclass(frozen=True)
class Detection:
    """The chosen language and, when the text looks like another one we lack, a warning."""

    lang: str
    top: str | None = None
    confidence: float = 0.0
    warning: str | None = None


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def preload() -> None:
    """Load the model now (before forking worker processes, so they share it)."""
    _identifier()


def detect(text: str, candidates: list[str] | None = None) -> Detection:
    """The most likely of `candidates` (default: every language with a data file).

    A text with no letters has no evidence either way: it gets the first candidate, as the
    word-count detector did, so the answer never depends on noise.
    """
    from timeline import languages

    codes = list(candidates) if candidates is not None else languages.available()
    if not codes:
        raise ValueError("no languages to choose from")
    sample = text[:SAMPLE]
    if len(codes) == 1 or not any(ch.isalpha() for ch in sample):
        return Detection(codes[0])
    identifier = _identifier()
    known = set(identifier.labels)
    if not any(code in known for code in codes):
        return Detection(_by_common_words(sample, codes))
    ranked = identifier.rank(sample)  # [(label, log-score)], best first, ties in label order
    scores = dict(ranked)
    best = max(
        (code for code in codes if code in known),
        key=lambda code: (scores[code], -codes.index(code)),
    )
    top, top_score = ranked[0]
    confidence = _probability(ranked, top_score, len(sample.encode("utf-8", "surrogatepass")))
    warning = None
    if (
        top not in codes
        and NEIGHBOURS.get(top) not in codes
        and top != "zxx"  # the model's label for "no language" (numbers, symbols)
        and confidence >= WARN_CONFIDENCE
    ):
        warning = (
            f"the text looks like {top!r}, which has no language data here; "
            f"read as {best!r} (languages: {', '.join(codes)})"
        )
    return Detection(best, top, confidence, warning)


def _probability(ranked: list[tuple[str, float]], top_score: float, size: int) -> float:
    """The top label's probability: a softmax of the log-scores, tempered by sqrt(bytes) as
    py3langid does, so long texts do not always look certain."""
    temperature = math.sqrt(size or 1)
    total = sum(math.exp((score - top_score) / temperature) for _, score in ranked)
    return 1.0 / total if total else 0.0


def _by_common_words(text: str, codes: list[str]) -> str:
    """Fallback for languages the model does not know: count each language's common words."""
    from timeline.languages import detection_score

    return max(codes, key=lambda code: (detection_score(text, code), -codes.index(code)))
