"""How fast `timeline story` merges, and how its memory grows: 1,000 articles in at most 10 s.

    python benchmarks/story_speed.py [--articles 1000] [--jobs 2]

Two workloads of N articles each, extracted once (timed, --jobs workers), then merged
(timeline.stories.build.build_story, timed, best of --runs) with the peak of Python's memory
allocations during the merge at N/4, N/2 and N (tracemalloc), to see that it grows linearly:

- `news`: Indonesian news of June-July 2025 (../shared/corpora/id-news-raw, the articles with a
  publication date that no blind set names, see same_output.blind_ids), cycled to N with new ids:
  many stories, each article reported again by "another outlet" every ~600 articles;
- `one story`: the six invented Gunung Salak articles (fixtures/stories), repeated to N: every
  article about the same twelve days, the densest case for the merge (every day's reports are
  alike), in both languages.

Without ../shared only the second workload runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from _common import CORPORA, REPO, machine_lines

sys.path.insert(0, str(REPO / "benchmarks"))
from same_output import blind_ids

from timeline.engines.story import extract_texts
from timeline.pipeline.story import StoryText
from timeline.stories.build import ArticleInput, build_story


def _records(path: Path, skip: set[str]) -> list[dict]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("published") and record.get("id") not in skip and record.get("text"):
            found.append(record)
    return found


def _texts(records: list[dict], count: int) -> list[StoryText]:
    from timeline.ingest.published import record_date

    texts = []
    for index in range(count):
        record = records[index % len(records)]
        texts.append(
            StoryText(
                id=f"{record['id']}#{index // len(records)}",
                text=record["text"],
                input="benchmark",
                line=index + 1,
                title=record.get("title"),
                published=record_date(record["published"]),
                published_source="jsonl",
                lang=record.get("lang"),
            )
        )
    return texts


def _articles(texts: list[StoryText], jobs: int) -> tuple[list[ArticleInput], float]:
    start = time.perf_counter()
    documents = extract_texts(texts, "auto", jobs=jobs)
    elapsed = time.perf_counter() - start
    articles = []
    for text, outcome in zip(texts, documents, strict=True):
        if isinstance(outcome, str):
            continue
        document, stems = outcome
        articles.append(ArticleInput(text.meta(document), document, text.text, stems))
    return articles, elapsed


def _measure(name: str, articles: list[ArticleInput], extract_s: float, runs: int) -> None:
    reports = sum(len(a.document.events) + len(a.document.undated_events) for a in articles)
    timings, cpu = [], []
    story = None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        story = build_story(articles)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert story is not None
    peaks = []
    for share in (4, 2, 1):
        part = articles[: len(articles) // share]
        tracemalloc.start()
        build_story(part)
        peaks.append((len(part), tracemalloc.get_traced_memory()[1] / 2**20))
        tracemalloc.stop()
    print(f"\n## {name}: {len(articles)} articles, {reports} reports")
    print(f"extraction and word stems ({JOBS} workers): {extract_s:.1f} s wall")
    print(
        f"merge (build_story): wall best {min(timings):.2f} s, median "
        f"{statistics.median(timings):.2f} s; CPU best {min(cpu):.2f} s, median "
        f"{statistics.median(cpu):.2f} s (of {runs}); {len(story.events)} dated and "
        f"{len(story.undated)} undated happenings"
    )
    print("merge memory peak: " + ", ".join(f"{n} articles {mib:.1f} MiB" for n, mib in peaks))


JOBS = 2


def main() -> None:
    global JOBS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    JOBS = args.jobs
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print(
            f"note: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: wall "
            "times are inflated; the CPU times are the fairer figure"
        )
    print("\n".join(machine_lines()))
    corpus = CORPORA / "id-news-raw" / "articles.jsonl"
    if corpus.is_file():
        texts = _texts(_records(corpus, blind_ids()), args.articles)
        articles, extract_s = _articles(texts, args.jobs)
        _measure("news (id-news-raw, not blind)", articles, extract_s, args.runs)
    bundle = REPO / "fixtures" / "stories" / "gunung-salak-hiker" / "articles.jsonl"
    texts = _texts(_records(bundle, set()), args.articles)
    articles, extract_s = _articles(texts, args.jobs)
    _measure("one story (the invented bundle, repeated)", articles, extract_s, args.runs)


if __name__ == "__main__":
    main()
