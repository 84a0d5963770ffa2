"""How well is a missing publication date estimated from the text? Measured where the date is known.

    python benchmarks/published_estimate.py            # the table for docs/accuracy.md
    python benchmarks/published_estimate.py --show 5   # also the first 5 of each kind of miss

Reads ../shared/corpora/id-news-raw/articles.jsonl in place (skips with a message when absent).
Of its 832 articles, 623 have a publication date; the articles the blind sets of fixtures/blind
name are left out (they must not be run before their own measurement). Each remaining dated
article's text goes through `timeline.pipeline.document.estimate_from_text`, the estimate
`timeline extract` makes when no date is given, and the estimate is compared with the known date:
the same day, one day off (either side), further off, or no estimate. The 209 undated articles
are counted too (how many would now get an estimate), without a score: their date is unknown.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date

from _common import CORPORA, machine_lines
from same_output import blind_ids

from timeline.pipeline.document import estimate_from_text

KINDS = ("same day", "one day off", "further off", "no estimate")


def kind_of(estimated: date | None, known: date) -> str:
    if estimated is None:
        return "no estimate"
    off = abs((estimated - known).days)
    return KINDS[0] if off == 0 else KINDS[1] if off == 1 else KINDS[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="misses to print of each kind")
    args = parser.parse_args()
    path = CORPORA / "id-news-raw" / "articles.jsonl"
    if not path.is_file():
        print(f"skipped: {path} is absent")
        return
    blind = blind_ids()
    counts: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    undated: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    skipped = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in blind:
                skipped += 1
                continue
            estimate = estimate_from_text(record["text"], record.get("lang") or "auto")
            if record["published"] is None:
                undated["estimated" if estimate else "no estimate"] += 1
                continue
            known = date.fromisoformat(record["published"])
            kind = kind_of(estimate.day if estimate else None, known)
            counts[kind] += 1
            if estimate is not None:
                tier = (
                    estimate.evidence.split(", ")[-1] if "'," in estimate.evidence else "dateline"
                )
                evidence[f"{tier}: {kind}"] += 1
            if kind != KINDS[0] and shown[kind] < args.show:
                shown[kind] += 1
                found = f"{estimate.day} from {estimate.evidence}" if estimate else "none"
                print(f"- {record['id']} published {known}: {found}")
    total = sum(counts.values())
    print(f"\n{total} dated articles ({skipped} named by the blind sets left out)\n")
    print("| estimate | articles | share |")
    print("|---|---:|---:|")
    for kind in KINDS:
        print(f"| {kind} | {counts[kind]} | {counts[kind] / total:.3f} |")
    estimated = total - counts["no estimate"]
    within = counts[KINDS[0]] + counts[KINDS[1]]
    print(
        f"\nof the {estimated} estimated: {counts[KINDS[0]] / estimated:.3f} the same day, "
        f"{within / estimated:.3f} within one day"
    )
    print(f"undated articles: {undated['estimated']} estimated, {undated['no estimate']} not\n")
    print("by evidence:")
    for key in sorted(evidence):
        print(f"- {key}: {evidence[key]}")
    print("\n".join(machine_lines()))


if __name__ == "__main__":
    main()
