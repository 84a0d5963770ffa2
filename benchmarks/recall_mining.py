"""Recall mining: which temporal words does real news use where the rules find nothing?

    python benchmarks/recall_mining.py [--top 60] [--lang id] [--examples 2]

Reads ../shared/corpora/id-news-raw/articles.jsonl (every article with a publication date,
except the ones the blind sets name: a blind set must not be run before its measurement),
extracts each with the public API, and looks at every occurrence of a temporal head word that
no expression covers. A head word is a unit, month, weekday or part of the day of the language
file, or one of the few words below that head temporal phrases the file may lack. Each uncovered
occurrence is counted as a pattern: the word before, the head, the two words after, lowercased,
digits written '#'. The most frequent patterns, with examples, are what the rules miss; most
are not expressions at all ("jam tangan", "tahun anggaran" is), so the list is read, not
applied.

Deterministic: the same corpus and code give the same list.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _common import CORPORA
from same_output import blind_ids

# Heads of temporal phrases a language file's tables may lack (its units, months, weekdays and
# parts of the day are added from the file itself).
EXTRA_HEADS = {
    "id": [
        "musim",
        "masa",
        "periode",
        "era",
        "dekade",
        "saat",
        "ketika",
        "kala",
        "sekarang",
        "kini",
        "nanti",
        "tadi",
        "dulu",
        "dahulu",
        "kemudian",
        "harian",
        "mingguan",
        "bulanan",
        "tahunan",
        "setiap",
        "tiap",
        "lebaran",
        "hijriah",
        "pukul",
        "tanggal",
        "depannya",
        "selanjutnya",
        "sebelumnya",
        "berikutnya",
        "silam",
        "lampau",
    ],
    "en": [
        "season",
        "time",
        "era",
        "now",
        "then",
        "annually",
        "nightly",
        "every",
        "each",
        "ago",
        "later",
        "earlier",
        "recently",
        "currently",
    ],
}

_WORD = re.compile(r"[^\W_][\w'’./-]{0,30}")


def heads(lang: str) -> set[str]:
    """The head words of a language: its file's tables plus EXTRA_HEADS."""
    from timeline import languages

    language = languages.load(lang)
    words: set[str] = set(EXTRA_HEADS.get(lang, []))
    for table in ("unit", "month", "weekday", "part"):
        words.update(w.lower() for w in language.vocabulary.tables.get(table, {}))
    return {w for w in words if " " not in w}


def pattern_of(words: list[str], at: int) -> str:
    """The word before the head, the head and two words after, lowercased, digits as '#'."""
    window = words[max(0, at - 1) : at + 3]
    return re.sub(r"[0-9]+", "#", " ".join(window).lower())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=60, help="patterns to print [60]")
    parser.add_argument("--examples", type=int, default=2, help="examples per pattern [2]")
    parser.add_argument("--lang", default="id", help="language of the corpus [id]")
    args = parser.parse_args()
    corpus = CORPORA / "id-news-raw" / "articles.jsonl"
    if not corpus.is_file():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 1
    from timeline import extract

    hidden = blind_ids()
    wanted = heads(args.lang)
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    articles = 0
    for line in Path(corpus).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record.get("published") or record["id"] in hidden:
            continue
        articles += 1
        text = record["text"]
        document = extract(text, record["published"], lang=args.lang)
        covered = [timex.span for timex in document.timexes]
        matches = list(_WORD.finditer(text))
        words = [m.group() for m in matches]
        for at, match in enumerate(matches):
            head = match.group().lower().rstrip(".,")
            if head not in wanted:
                continue
            if any(start <= match.start() < end for start, end in covered):
                continue
            key = pattern_of(words, at)
            counts[key] += 1
            if len(examples[key]) < args.examples:
                context = text[max(0, match.start() - 50) : match.end() + 40].replace("\n", " ")
                examples[key].append(f"{record['id']}: ...{context}...")
    print(f"{articles} articles (blind ones left out), {sum(counts.values())} uncovered heads")
    for key, count in counts.most_common(args.top):
        print(f"{count:5d}  {key}")
        for example in examples[key]:
            print(f"         {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
