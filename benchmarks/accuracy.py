"""Accuracy on the TimeML dev corpora: our extractor and dateparser, scored the same way.

    python benchmarks/accuracy.py [--errors N]

Reads ../shared/corpora/{timebank,aquaint} in place (skips with a message when absent), runs
`timeline.extract` and `dateparser.search.search_dates` on every document with the document's
DCT as the reference, and prints TempEval-3 Task A scores as a markdown table. `--errors N` also
prints our extractor's N most frequent error classes of each kind (they quote the corpus, so
they are for the terminal, not for committed docs).

dateparser is measured twice: with its default settings (RELATIVE_BASE set to the DCT, which
it needs), and with PREFER_DATES_FROM="past", the setting a news user would be tempted by.
TIMELINE_SHARED points to another shared folder than ../shared (e.g. from a clean worktree).
"""

from __future__ import annotations

import argparse
import time
from functools import partial

from _common import available_corpora, machine_lines

from timeline.evaluation.baselines import dateparser_system
from timeline.evaluation.gold import read_gold
from timeline.evaluation.timexes import Evaluation, evaluate, format_errors, timeline_system

SYSTEMS = (
    ("timeline", timeline_system),
    ("dateparser (defaults)", dateparser_system),
    ("dateparser (past)", partial(dateparser_system, prefer_dates_from="past")),
)


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def row(corpus: str, system: str, result: Evaluation, seconds: float) -> str:
    s, r = result.strict, result.relaxed
    cells = [
        corpus,
        system,
        str(s.gold),
        str(s.system),
        _f(s.precision),
        _f(s.recall),
        _f(s.f1),
        _f(r.precision),
        _f(r.recall),
        _f(r.f1),
        _f(result.type_accuracy.accuracy),
        _f(result.value_accuracy.accuracy),
        _f(result.type_f1),
        _f(result.value_f1),
        f"{seconds:.1f}",
    ]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| corpus | system | gold | found | strict P | strict R | strict F1 | relaxed P | relaxed R "
    "| relaxed F1 | type acc | value acc | type F1 | value F1 | seconds |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def by_type_table(results: dict[str, Evaluation]) -> list[str]:
    lines = [
        "| corpus | gold type | gold | strict R | relaxed R | type acc | value acc | value R |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for corpus, result in results.items():
        for t in result.by_type:
            lines.append(
                f"| {corpus} | {t.type} | {t.gold} | {_f(t.strict_recall.accuracy)} | "
                f"{_f(t.relaxed_recall.accuracy)} | {_f(t.type_accuracy.accuracy)} | "
                f"{_f(t.value_accuracy.accuracy)} | {_f(t.value_recall.accuracy)} |"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print our top N error classes")
    args = parser.parse_args()
    corpora = available_corpora()
    if not corpora:
        print("skipped: ../shared/corpora/{timebank,aquaint} not found beside the repository")
        return 0
    print("# Accuracy (TempEval-3 Task A, micro-averaged)\n")
    print("\n".join(machine_lines()))
    print()
    print(HEADER)
    ours: dict[str, Evaluation] = {}
    for corpus, path in corpora.items():
        documents = list(read_gold([path]))
        for name, system in SYSTEMS:
            started = time.perf_counter()
            result = evaluate(documents, system, "en")
            seconds = time.perf_counter() - started
            print(row(f"{corpus} ({len(documents)} docs)", name, result, seconds), flush=True)
            if result.failed:
                print(f"|  | {name}: {len(result.failed)} documents failed, scored as empty |")
            if name == "timeline":
                ours[corpus] = result
    print("\n## timeline by gold type\n")
    print("\n".join(by_type_table(ours)))
    if args.errors > 0:
        for corpus, result in ours.items():
            print(f"\n## timeline errors on {corpus}\n")
            print("\n".join(format_errors(result, args.errors)).strip("\n"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
