"""Throughput of `timeline extract --dask local --jobs 2` against one process, on a synthetic corpus.

    python benchmarks/dask_throughput.py [--records 100000] [--small 20000] [--files 4]
                                         [--jobs 2] [--no-pool] [--raw] [--keep DIR]

The corpus: the project's own articles (fixtures/devset, fixtures/stories, the seed article) and,
when ../shared/corpora/timebank is present, the TimeBank texts, repeated round robin to
--records records (each with its own id, no `lang`, so the language is detected as it would be
on raw news), written as --files JSONL files in a temporary folder. `--raw` uses
../shared/corpora/id-news-raw/articles.jsonl instead, repeated the same way, leaving out every
article named anywhere under fixtures/blind/ (benchmarks/same_output.py's blind_ids: a blind set
must not be run before its own measurement).

Each configuration is the command a user types, in a fresh process, on the whole folder:
`timeline extract DIR --format jsonl -o OUT/` (one process), the same with `--jobs N` (a pool;
skip with --no-pool), and with `--dask local --jobs N`. For each: wall time, records/s,
characters/s, and per process (sampled every 0.2 s with psutil over the process tree) the peak
resident memory and the CPU seconds: the main process (which reads, writes and, for a local
cluster, also runs the scheduler) and each worker. Both sizes (--small and --records) are run,
so the peak memory of a worker can be compared as the corpus grows: it should not grow. The
output folders of all runs of a size are compared byte for byte.

The cluster's own cost is measured apart: the same commands on one file of 40 records, where the
difference in wall time is the start and stop of the cluster (and of its workers' imports).

The machine may be shared (figures then move from run to run): the load average before and after
is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from _common import CORPORA, REPO, machine_lines, package_version

RAW = CORPORA / "id-news-raw" / "articles.jsonl"
SAMPLE_SECONDS = 0.2
COMMAND = [sys.executable, "-c", "from timeline.cli import main; main()", "extract"]


# --------------------------------------------------------------------------------------------
# The corpus


def fixture_articles() -> list[dict[str, str]]:
    """The project's own articles, and TimeBank's when ../shared has it: text and published."""
    articles = []
    for path in sorted((REPO / "fixtures" / "devset").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        articles.append({"id": data["id"], "text": data["text"], "published": data["published"]})
    for path in sorted((REPO / "fixtures" / "stories").glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            data = json.loads(line)
            articles.append(
                {"id": data["id"], "text": data["text"], "published": data["published"]}
            )
    seed = REPO / "fixtures" / "tajukrakyat-putin-kim-pact.id.txt"
    articles.append(
        {"id": "seed", "text": seed.read_text(encoding="utf-8"), "published": "2024-06-21"}
    )
    timebank = CORPORA / "timebank"
    if timebank.is_dir():
        sys.path.insert(0, str(REPO))
        from timeline.evaluation.gold import read_gold

        for document in read_gold([timebank]):
            articles.append(
                {
                    "id": f"timebank-{document.id}",
                    "text": document.text,
                    "published": document.published.isoformat(),
                }
            )
    return articles


def raw_articles() -> list[dict[str, str]]:
    """id-news-raw without the articles any blind set names (never run them here)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from same_output import blind_ids

    hidden = blind_ids()
    articles = []
    with RAW.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if str(record.get("id")) in hidden:
                continue
            articles.append(
                {"id": str(record["id"]), "text": record["text"], "published": record["published"]}
            )
    print(
        f"id-news-raw: {len(articles)} articles, {len(hidden)} blind ids left out", file=sys.stderr
    )
    return articles


def write_corpus(folder: Path, articles: list[dict[str, str]], records: int, files: int) -> int:
    """`records` records in `files` JSONL files; returns the characters of text written."""
    folder.mkdir(parents=True)
    per_file = -(-records // files)
    characters = 0
    number = 0
    for index in range(files):
        with (folder / f"part-{index:03d}.jsonl").open("w", encoding="utf-8") as out:
            for _ in range(min(per_file, records - number)):
                article = articles[number % len(articles)]
                record = {**article, "id": f"{article['id']}#{number}"}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                characters += len(article["text"])
                number += 1
    return characters


# --------------------------------------------------------------------------------------------
# Running and measuring


@dataclass
class Usage:
    """What one process of a run used: peak resident memory and CPU seconds (its own)."""

    name: str
    peak_rss: int = 0
    cpu: float = 0.0


@dataclass
class Run:
    label: str
    seconds: float
    records: int
    characters: int
    main: Usage
    workers: list[Usage] = field(default_factory=list)
    output: Path | None = None

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds

    @property
    def characters_per_second(self) -> float:
        return self.characters / self.seconds


def run(label: str, args: list[str], records: int, characters: int, output: Path) -> Run:
    """One command in a fresh process, its process tree sampled until it ends."""
    import psutil

    started = time.monotonic()
    process = subprocess.Popen([*COMMAND, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(process.pid)
    seen: dict[int, Usage] = {}
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for member in tree:
            try:
                memory = member.memory_info().rss
                times = member.cpu_times()
                usage = seen.setdefault(member.pid, Usage(" ".join(member.cmdline())[:80]))
            except psutil.Error:
                continue
            usage.peak_rss = max(usage.peak_rss, memory)
            usage.cpu = max(usage.cpu, times.user + times.system)
        time.sleep(SAMPLE_SECONDS)
    _, err = process.communicate()
    seconds = time.monotonic() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"{label}: exit {process.returncode}: {err.decode()[-2000:]}")
    main = seen.pop(process.pid, Usage("main"))
    # Workers are the processes that did real work (a fork server, a resource tracker do not).
    workers = sorted((u for u in seen.values() if u.cpu > 0.05 * seconds), key=lambda u: -u.cpu)
    return Run(label, seconds, records, characters, main, workers, output)


def same_output(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in names)


def configurations(jobs: int, pool: bool) -> list[tuple[str, list[str]]]:
    runs = [("one process", [])]
    if pool:
        runs.append((f"--jobs {jobs} (pool)", ["--jobs", str(jobs)]))
    runs.append((f"--dask local --jobs {jobs}", ["--dask", "local", "--jobs", str(jobs)]))
    return runs


def measure_size(
    work: Path, articles: list[dict[str, str]], records: int, files: int, jobs: int, pool: bool
) -> list[Run]:
    corpus = work / f"corpus-{records}"
    characters = write_corpus(corpus, articles, records, files)
    runs = []
    for number, (label, extra) in enumerate(configurations(jobs, pool)):
        output = work / f"out-{records}-{number}"
        args = [str(corpus), "--format", "jsonl", "-o", f"{output}/", *extra]
        runs.append(run(label, args, records, characters, output))
        print(f"  {records} records, {label}: {runs[-1].seconds:.1f} s", file=sys.stderr)
    for other in runs[1:]:
        assert other.output and runs[0].output
        if not same_output(runs[0].output, other.output):
            raise SystemExit(f"{other.label}: output differs from {runs[0].label}")
    shutil.rmtree(corpus)
    for other in runs:
        if other.output:
            shutil.rmtree(other.output)
    return runs


def overhead(work: Path, articles: list[dict[str, str]], jobs: int) -> tuple[float, float]:
    """Wall seconds of one process and of a local cluster on 40 records (median of 3 each)."""
    corpus = work / "tiny"
    characters = write_corpus(corpus, articles, 40, 1)
    times: dict[str, list[float]] = {"one": [], "dask": []}
    for attempt in range(3):
        for key, extra in (("one", []), ("dask", ["--dask", "local", "--jobs", str(jobs)])):
            output = work / f"tiny-{key}-{attempt}"
            args = [str(corpus), "--format", "jsonl", "-o", f"{output}/", *extra]
            times[key].append(run(key, args, 40, characters, output).seconds)
    return sorted(times["one"])[1], sorted(times["dask"])[1]


# --------------------------------------------------------------------------------------------
# Report


def mib(size: int) -> str:
    return f"{size / 2**20:.0f}"


def report(sizes: dict[int, list[Run]], tiny: tuple[float, float], source: str) -> list[str]:
    lines = [
        "# Dask throughput",
        "",
        *machine_lines(),
        f"- dask {package_version('dask')}, distributed {package_version('distributed')}",
        f"- corpus: {source}",
        f"- load average before: {LOAD_BEFORE}, after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "",
        "| records | run | seconds | records/s | characters/s | main: peak MiB, CPU s | workers: peak MiB, CPU s |",
        "|---:|---|---:|---:|---:|---|---|",
    ]
    for records, runs in sizes.items():
        for entry in runs:
            workers = "; ".join(f"{mib(w.peak_rss)}, {w.cpu:.0f}" for w in entry.workers) or "-"
            lines.append(
                f"| {records:,} | {entry.label} | {entry.seconds:.1f} | "
                f"{entry.records_per_second:,.0f} | {entry.characters_per_second:,.0f} | "
                f"{mib(entry.main.peak_rss)}, {entry.main.cpu:.0f} | {workers} |"
            )
    one, dask = tiny
    lines += [
        "",
        f"40 records, median of 3: one process {one:.2f} s, --dask local {dask:.2f} s: the local "
        f"cluster costs {dask - one:.2f} s to start and stop.",
    ]
    largest = max(sizes)
    for entry in sizes[largest]:
        work = sum(w.cpu for w in entry.workers)
        per = (work or entry.main.cpu) / entry.records * 1000
        main = entry.main.cpu / entry.records * 1000
        lines.append(
            f"- {entry.label}, {largest:,} records: {per:.2f} ms of worker CPU a record, "
            f"{main:.2f} ms of main-process CPU a record"
        )
    return lines


LOAD_BEFORE = ""


def main() -> None:
    global LOAD_BEFORE
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=20_000, help="the smaller corpus size")
    parser.add_argument("--files", type=int, default=4, help="JSONL files the corpus is split in")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-pool", action="store_true", help="skip the --jobs N pool runs")
    parser.add_argument(
        "--raw",
        action="store_true",
        help="../shared/corpora/id-news-raw repeated, without the articles of fixtures/blind",
    )
    parser.add_argument("--keep", type=Path, help="work here and keep it (default: a temp dir)")
    options = parser.parse_args()
    LOAD_BEFORE = " ".join(f"{x:.2f}" for x in os.getloadavg())
    if options.raw:
        articles = raw_articles()
        source = f"id-news-raw minus the blind sets' articles ({len(articles)} distinct)"
    else:
        articles = fixture_articles()
        source = f"project fixtures (+ TimeBank when present): {len(articles)} distinct articles"
    average = sum(len(a["text"]) for a in articles) / len(articles)
    source += f", {average:,.0f} characters on average, no 'lang' (detected)"
    work = options.keep or Path(tempfile.mkdtemp(prefix="timeline-dask-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        sizes = {}
        for records in sorted({options.small, options.records}):
            sizes[records] = measure_size(
                work, articles, records, options.files, options.jobs, not options.no_pool
            )
        tiny = overhead(work, articles, options.jobs)
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(report(sizes, tiny, source)))


if __name__ == "__main__":
    main()
