"""How often --genre auto picks the genre a corpus is: narrative, social media posts, or news.

    python benchmarks/genres.py            # a markdown table, one row per corpus
    python benchmarks/genres.py --show 3   # also the first 3 wrong choices of each, with reasons

Each document goes through `timeline.pipeline.document.genre_for('auto', text, published)`, the
decision `timeline extract` makes under --genre auto. What each corpus is:
- ../shared/corpora/wikiwars-train: Wikipedia histories of wars, narrative;
- ../shared/corpora/tweets-train: tweets, social;
- ../shared/corpora/timebank, aquaint: news wire (TimeML);
- fixtures/devset: the project's own news articles (Indonesian and English);
- ../shared/corpora/id-news-raw: Indonesian news with a publication date, except the articles
  the blind sets of fixtures/blind name (never run on before their measurement).
A corpus that is absent is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date

from _common import CORPORA, REPO, machine_lines

from timeline.evaluation.gold import read_gold
from timeline.pipeline.document import genre_for

TIMEML = (("wikiwars-train", "narrative"), ("tweets-train", "social"))
TIMEML += (("timebank", "news"), ("aquaint", "news"))


def _gold(path: str) -> Iterator[tuple[str, str, date]]:
    for document in read_gold([path]):
        yield document.id, document.text, document.published


def _raw_news() -> Iterator[tuple[str, str, date]]:
    from same_output import blind_ids

    blind = blind_ids()
    with (CORPORA / "id-news-raw" / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["published"] and record["id"] not in blind:
                yield record["id"], record["text"], date.fromisoformat(record["published"])


def corpora() -> Iterator[tuple[str, str, Iterator[tuple[str, str, date]]]]:
    """(name, the genre it is, its documents) for every corpus that is present."""
    for name, genre in TIMEML:
        if (CORPORA / name).is_dir():
            yield name, genre, _gold(str(CORPORA / name))
        else:
            print(f"skipped {name}: {CORPORA / name} is absent")
    yield "fixtures/devset", "news", _gold(str(REPO / "fixtures" / "devset"))
    if (CORPORA / "id-news-raw").is_dir():
        yield "id-news-raw (dated, not blind)", "news", _raw_news()
    else:
        print("skipped id-news-raw: absent")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="wrong choices to print per corpus")
    args = parser.parse_args()
    print("| corpus | is | documents | chosen | right |")
    print("|---|---|---:|---|---:|")
    wrong_lines: list[str] = []
    for name, genre, documents in corpora():
        chosen: Counter[str] = Counter()
        wrong = 0
        for doc_id, text, published in documents:
            choice = genre_for("auto", text, published)
            chosen[choice.genre.name] += 1
            if choice.genre.name != genre:
                wrong += 1
                if wrong <= args.show:
                    wrong_lines.append(f"- {name} {doc_id}: {choice.genre.name} ({choice.reason})")
        total = sum(chosen.values())
        counts = ", ".join(f"{g} {n}" for g, n in sorted(chosen.items(), key=lambda p: -p[1]))
        right = (total - wrong) / total if total else 0.0
        print(f"| {name} | {genre} | {total} | {counts} | {right:.3f} |")
    print()
    print("\n".join(wrong_lines + machine_lines()))


if __name__ == "__main__":
    main()
