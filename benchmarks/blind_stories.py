"""The blind story references (fixtures/blind/stories-id) scored: build each story, then score it.

    python benchmarks/blind_stories.py                 # every story, a table of the three measures
    python benchmarks/blind_stories.py --out DIR -v    # keep the JSONL and story files; per entry

For each `fixtures/blind/stories-id/<story>/articles.txt` the script writes the listed records of
`../shared/corpora/id-news-raw/articles.jsonl` (TIMELINE_SHARED points elsewhere) to a corpus
file as they are, runs `timeline story` on it and `timeline eval-story` against the story's
`reference.json`: the commands a user would run, so what is measured is what they get. Records
without a `published` date stay without one (the story estimates it, as for any input).

Skips with a message (exit 0) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "fixtures" / "blind" / "stories-id"
SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "id-news-raw" / "articles.jsonl"


def _timeline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], capture_output=True, text=True, check=False
    )


def _corpus_lines(ids: set[str]) -> list[str]:
    lines = []
    with CORPUS.open(encoding="utf-8") as corpus:
        for line in corpus:
            if json.loads(line)["id"] in ids:
                lines.append(line if line.endswith("\n") else line + "\n")
    return lines


def run_story(folder: Path, out: Path, verbose: bool) -> dict[str, object]:
    ids = set((folder / "articles.txt").read_text(encoding="utf-8").split())
    corpus = out / f"{folder.name}.jsonl"
    corpus.write_text("".join(_corpus_lines(ids)), encoding="utf-8")
    story = out / f"{folder.name}.story.json"
    built = _timeline("story", str(corpus), "-o", str(story))
    if built.returncode not in (0, 1):  # 1: some articles are errors, the story is written
        raise SystemExit(f"timeline story failed on {folder.name}: {built.stderr.strip()}")
    scored = _timeline("eval-story", "--json", str(story), str(folder / "reference.json"))
    if scored.returncode != 0:
        raise SystemExit(f"timeline eval-story failed on {folder.name}: {scored.stderr.strip()}")
    if verbose:
        shown = _timeline("eval-story", "-v", str(story), str(folder / "reference.json"))
        print(f"== {folder.name}\n{shown.stdout}")
    scores: dict[str, object] = json.loads(scored.stdout)
    scores["articles"] = len(ids)
    scores["errors"] = len(json.loads(story.read_text(encoding="utf-8"))["errors"])
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="keep the corpora and stories in this folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="each entry's outcome")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(args.out) if args.out else Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        rows = [(f.name, run_story(f, out, args.verbose)) for f in sorted(STORIES.iterdir())]
    print("| story | articles | errors | date F1 | event recall | fragments |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, s in rows:
        fragments = "-" if s["fragments"] is None else f"{s['fragments']:.2f}"
        print(
            f"| {name} | {s['articles']} | {s['errors']} | {s['date_f1']:.3f} | "
            f"{s['event_recall']:.3f} ({s['entries_found']}/{s['entries']}) | {fragments} |"
        )
    mean = {
        key: sum(float(s[key]) for _, s in rows if s[key] is not None)  # type: ignore[arg-type]
        / max(1, sum(1 for _, s in rows if s[key] is not None))
        for key in ("date_f1", "event_recall", "fragments")
    }
    print(
        f"| mean | | | {mean['date_f1']:.3f} | {mean['event_recall']:.3f} | "
        f"{mean['fragments']:.2f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
