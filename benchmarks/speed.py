"""Speed and memory: our extractor vs dateparser, cold start, phrase resolution, peak memory.

    python benchmarks/speed.py [--runs 5]

- Throughput: characters per second of `timeline.extract` (the whole function: expressions,
  context, events) and of `dateparser.search.search_dates(text, languages=["en"])` on the same
  documents in the same run (the TimeML dev corpora; the project's own fixtures if they are
  absent). Median of --runs passes over all documents, after one warm-up pass each.
- Cold start: wall time of `timeline resolve ... --published ...` in a fresh process (median of
  11), and whether it imports matplotlib (`python -X importtime`).
- Phrases per second of `timeline.pipeline.phrase.resolve_phrase` over the phrases of
  ../shared/spec/resolution-cases.tsv (or fixtures/cases/*.tsv).
- Peak memory (max RSS) of a fresh process that imports timeline and extracts every document,
  and the tracemalloc peak of extracting the longest one.

The shared folder is ../shared beside the repository; set TIMELINE_SHARED to use another (for
instance when measuring a clean `git worktree` of a commit).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from datetime import date

from _common import REPO, SHARED, available_corpora, machine_lines, median

COLD_RUNS = 11
RESOLVE_ARGS = ["resolve", "two weeks ago", "--published", "2024-06-21", "--lang", "en"]


def load_documents() -> tuple[str, list[tuple[str, date, str]]]:
    """(description, [(text, reference date, lang)]) for the throughput tests."""
    from timeline.evaluation.gold import read_gold

    corpora = available_corpora()
    if corpora:
        documents = [(d.text, d.published, "en") for d in read_gold(list(corpora.values()))]
        return f"{' + '.join(corpora)} (English): {len(documents)} documents", documents
    # The seed article is Indonesian, published 2024-06-21 (see tests/conftest.py).
    seed = [
        (p.read_text(encoding="utf-8"), date(2024, 6, 21), "id")
        for p in REPO.glob("fixtures/*.id.txt")
    ]
    gold = [(d.text, d.published, d.lang or "en") for d in read_gold([REPO / "fixtures" / "eval"])]
    return f"project fixtures (corpora absent): {len(seed + gold)} documents", seed + gold


def throughput(documents: list[tuple[str, date, str]], runs: int) -> list[str]:
    """Both systems on the same documents, whole passes taken in turn (ours, theirs, ours, ...),
    so that a machine that slows down or speeds up during the run (shared CPUs) affects both
    alike while each pass still runs one system alone, as a pipeline would; the ratio is the
    median of the ratios of adjacent passes."""
    from dateparser.search import search_dates

    from timeline.pipeline.document import extract_document as extract

    def ours(text: str, published: date, lang: str) -> object:
        return extract(text, published, lang)

    def theirs(text: str, published: date, lang: str) -> object:
        return search_dates(text, languages=[lang])

    characters = sum(len(text) for text, _, _ in documents)
    for document in documents:  # warm-up: grammars, dateparser's caches
        ours(*document)
        theirs(*document)
    our_times, their_times, ratios = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        for document in documents:
            ours(*document)
        middle = time.perf_counter()
        for document in documents:
            theirs(*document)
        mine, other = middle - started, time.perf_counter() - middle
        our_times.append(mine)
        their_times.append(other)
        ratios.append(other / mine)
    ours_time, theirs_time = median(our_times), median(their_times)
    return [
        "| system | seconds per pass | characters/s |",
        "|---|---:|---:|",
        f"| timeline extract (expressions + events) | {ours_time:.2f} | "
        f"{characters / ours_time:,.0f} |",
        f"| dateparser search_dates (languages=[lang]) | {theirs_time:.2f} | "
        f"{characters / theirs_time:,.0f} |",
        "",
        f"timeline is {median(ratios):.1f}x the throughput of dateparser "
        f"({characters:,} characters; median of {runs} pairs of passes, ratios "
        f"{', '.join(f'{r:.1f}' for r in sorted(ratios))}).",
    ]


def timeline_command() -> list[str]:
    """What the `timeline` console script runs, importing this checkout's code (cwd=REPO)."""
    return [sys.executable, "-c", "from timeline.cli.app import main; main()"]


def cold_start() -> list[str]:
    command = timeline_command()
    baseline, timings = [], []
    for _ in range(COLD_RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True)
        baseline.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run([*command, *RESOLVE_ARGS], check=True, capture_output=True, cwd=REPO)
        timings.append(time.perf_counter() - started)
    traced = subprocess.run(
        [command[0], "-X", "importtime", *command[1:], *RESOLVE_ARGS],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    modules = []  # (cumulative microseconds, name, top-level?)
    for line in traced.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            top_level = not parts[2].startswith("  ")  # nesting is shown by indentation
            modules.append((int(parts[1]), parts[2].strip(), top_level))
    names = {name for _, name, _ in modules}
    packages = {name.split(".", 1)[0] for name in names}
    heavy = [m for m in ("matplotlib", "numpy", "dateparser", "pydantic") if m in packages]
    top = sorted((m for m in modules if m[2]), reverse=True)[:5]
    return [
        f"`timeline {' '.join(RESOLVE_ARGS)}`: median {median(timings) * 1000:.0f} ms wall "
        f"({COLD_RUNS} runs; a bare `python -c pass` takes {median(baseline) * 1000:.0f} ms here).",
        f"matplotlib imported: {'YES' if 'matplotlib' in packages else 'no'}; "
        f"heavy packages imported: {', '.join(heavy) or 'none'}.",
        "Slowest top-level imports under -X importtime (cumulative ms, inflated by tracing): "
        + ", ".join(f"{name} {micros / 1000:.0f}" for micros, name, _ in top)
        + ".",
    ]


def phrases(runs: int) -> list[str]:
    from timeline.evaluation.cases import read_cases
    from timeline.pipeline.phrase import resolve_phrase

    spec = SHARED / "spec" / "resolution-cases.tsv"
    sources = [spec] if spec.is_file() else sorted((REPO / "fixtures" / "cases").glob("*.tsv"))
    cases = []
    for source in sources:
        for case in read_cases(source):
            if case.problem is None:
                cases.append((case.phrase, date.fromisoformat(case.ref), case.lang or "auto"))
    if not cases:
        return ["no cases file found: skipped"]
    for phrase, reference, lang in cases:
        resolve_phrase(phrase, reference, lang)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        for phrase, reference, lang in cases:
            resolve_phrase(phrase, reference, lang)
        timings.append(time.perf_counter() - started)
    where = "../shared/spec/resolution-cases.tsv" if spec.is_file() else "fixtures/cases/*.tsv"
    return [
        f"{len(cases) / median(timings):,.0f} phrases/s ({len(cases)} phrases from {where}, "
        f"each with its own language and reference date; median of {runs} passes)."
    ]


def memory_probe() -> None:
    """Run in a fresh process: max RSS after imports, after extracting everything."""
    from timeline.pipeline.document import extract_document as extract

    after_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _, documents = load_documents()
    for text, published, lang in documents:
        extract(text, published, lang)
    after_all = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    longest = max(documents, key=lambda item: len(item[0]))
    tracemalloc.start()
    extract(*longest)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    print(
        json.dumps(
            {
                "after_import": after_import * scale,
                "after_all": after_all * scale,
                "longest_chars": len(longest[0]),
                "longest_peak": peak,
            }
        )
    )


def memory() -> list[str]:
    probe = subprocess.run(
        [sys.executable, __file__, "--memory-probe"], check=True, capture_output=True, text=True
    )
    m = json.loads(probe.stdout)
    mib = 1024 * 1024
    return [
        f"Peak RSS of a process that imports timeline and extracts every document: "
        f"{m['after_all'] / mib:.0f} MiB ({m['after_import'] / mib:.0f} MiB after imports alone).",
        f"tracemalloc peak while extracting the longest document ({m['longest_chars']:,} "
        f"characters): {m['longest_peak'] / mib:.1f} MiB.",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="passes per measurement (median)")
    parser.add_argument("--memory-probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_probe:
        memory_probe()
        return 0
    description, documents = load_documents()
    print("# Speed and memory\n")
    print("\n".join(machine_lines()))
    print(f"- documents: {description}\n")
    print("## Throughput\n")
    print("\n".join(throughput(documents, args.runs)), flush=True)
    print("\n## Cold start\n")
    print("\n".join(cold_start()), flush=True)
    print("\n## Phrase resolution\n")
    print("\n".join(phrases(args.runs)), flush=True)
    print("\n## Memory\n")
    print("\n".join(memory()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
