"""Pathological input: the extractor must stay linear, whatever a scraper hands it.

    python benchmarks/adversarial.py [--size 1000000] [--limit 20] [--only NAME] [--profile NAME]

Each case repeats a pattern that could make a regular expression backtrack or a loop go
quadratic (long digit runs, thousands of '(' and 'Senin (', '/6/' repeated, runs of spaces and
periods, month names repeated, ...) up to --size characters, and times `timeline.extract` on it
for each language, each case in a fresh process with a time limit so one runaway case cannot hang
the run. It prints seconds per case and language and the throughput, and exits 1 if any case
takes more than --limit seconds. --profile NAME runs one case under cProfile and prints the
functions where the time goes, to find the rule or pattern responsible.

The default limit, 20 s a megabyte, is set by the cases where nearly every word is a time
expression ("2024 " or "Juni " repeated: 200,000 expressions to resolve, 11-15 s here); every
case that is only hostile to regular expressions takes under 7 s. All are linear: check with
--size 250000 and 1000000.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# fmt: off
_TOKENS = [
    'Senin', '(', '19/6', ')', '/6/', '2024', 'Juni', 'June', 'lalu', 'last', 'ago', 'yang',
    'akan', 'depan', 'next', 'pukul', '10.00', 'WIB', 'awal', 'pertengahan', 'akhir', 'bulan',
    'tahun', 'minggu', 'week', 'hari', 'day', 'tiga', 'three', 'beberapa', 'several', 'sejak',
    'since', 'sampai', 'until', '-', '–', ',', '.', ':', ';', '1', '12', '123', '1234',
    '12345', "'", '"', '\n',
]
# fmt: on


def _repeat(pattern: str) -> Callable[[int], str]:
    return lambda size: (pattern * (size // len(pattern) + 1))[:size]


def _mixture(size: int) -> str:
    """A deterministic mixture of the tokens the grammars care about (no randomness)."""
    out: list[str] = []
    length = 0
    state = 12345
    while length < size:
        state = (state * 1103515245 + 12345) % 2**31  # a fixed linear congruential sequence
        token = _TOKENS[state % len(_TOKENS)]
        out.append(token)
        out.append(" " if state % 7 else "")
        length += len(token) + 1
    return "".join(out)[:size]


CASES: dict[str, Callable[[int], str]] = {
    "digit-run": _repeat("1234567890"),
    "years": _repeat("2024 "),
    "open-parens": _repeat("("),
    "senin-paren": _repeat("Senin ("),
    "senin-date-unclosed": _repeat("Senin (19/6"),
    "slash-6-slash": _repeat("/6/"),
    "day-month-chain": _repeat("19/6/"),
    "dotted-numbers": _repeat("1.2."),
    "spaces": _repeat(" "),
    "periods": _repeat("."),
    "newlines": _repeat("\n"),
    "dashes": _repeat("-"),
    "number-dash-chain": _repeat("1-2-"),
    "months-id": _repeat("Juni "),
    "months-en": _repeat("June "),
    "month-list": _repeat(
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember "
    ),
    "weekdays": _repeat("Senin Selasa Rabu Kamis Jumat Sabtu Minggu Monday Tuesday "),
    "relative-words": _repeat("beberapa hari lalu yang "),
    "clock-times": _repeat("pukul 10.00 WIB "),
    "one-long-word": _repeat("a"),
    "no-sentence-end": _repeat("dan kemudian pada tahun "),
    "mixture": _mixture,
}
LANGS = ("id", "en")


def _warm_up(extract: Callable[[str, str, str], object]) -> None:
    """Build what a process builds once (each language's tagger index, and that of the
    narrative reading `--genre auto` tries on a long text without deictic words), so that the
    timings are the per-character cost only: about 1.5 s for Indonesian otherwise."""
    extract("warm up 19/6/2024", "2024-06-21", "id")
    extract("warm up June 19, 2024", "2024-06-21", "en")
    for lang in LANGS:
        extract("Pada 1812 pasukan menyeberang sungai. " * 20, "2024-06-21", lang)


def run_case(name: str, size: int) -> dict[str, float]:
    """Seconds of extract() per language on one case (run inside the child process)."""
    from timeline.pipeline.document import extract_document as extract

    text = CASES[name](size)
    _warm_up(extract)
    timings: dict[str, float] = {}
    for lang in LANGS:
        start = time.perf_counter()
        extract(text, "2024-06-21", lang)
        timings[lang] = time.perf_counter() - start
    return timings


def profile_case(name: str, size: int) -> None:
    import cProfile
    import pstats

    from timeline.pipeline.document import extract_document as extract

    text = CASES[name](size)
    _warm_up(extract)
    profiler = cProfile.Profile()
    for lang in LANGS:
        profiler.enable()
        extract(text, "2024-06-21", lang)
        profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per case")
    parser.add_argument("--limit", type=float, default=20.0, help="seconds allowed per case")
    parser.add_argument("--only", action="append", help="run only these cases")
    parser.add_argument("--profile", help="profile one case and print where the time goes")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child, args.size)))
        return 0
    if args.profile:
        profile_case(args.profile, args.size)
        return 0
    names = args.only or list(CASES)
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}; cases: {', '.join(CASES)}")
    print(f"extract() on {args.size:,} characters per case; limit {args.limit:g} s per language")
    print(f"{'case':22} " + " ".join(f"{lang + ' s':>9}" for lang in LANGS) + "   chars/s (worst)")
    slow: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in names:
        command = [sys.executable, __file__, "--child", name, "--size", str(args.size)]
        try:
            child = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=args.limit * len(LANGS) + 30,
                env=env,
            )
        except subprocess.TimeoutExpired:
            print(f"{name:22} {'timeout':>9}")
            slow.append(name)
            continue
        if child.returncode != 0:
            last = (child.stderr.strip().splitlines() or ["?"])[-1]
            print(f"{name:22} {'error':>9}  {last}")
            slow.append(name)
            continue
        timings = json.loads(child.stdout)
        worst = max(timings.values())
        rate = args.size / worst if worst else float("inf")
        cells = " ".join(f"{timings[lang]:9.2f}" for lang in LANGS)
        flag = "  SLOW" if worst > args.limit else ""
        print(f"{name:22} {cells}   {rate:12,.0f}{flag}")
        if worst > args.limit:
            slow.append(name)
    if slow:
        print(f"over the limit: {', '.join(slow)} (profile with --profile NAME)")
        return 1
    print("all cases within the limit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
