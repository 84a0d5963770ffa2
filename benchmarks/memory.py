"""Memory for one document: peak resident memory of `timeline extract` on one big text.

    python benchmarks/memory.py [--sizes 1,4,16] [--source corpora|seed] [--stages 2]

Builds one plain-text document of each size (megabytes of UTF-8), runs
`timeline extract FILE -p 2024-06-21 -o OUT.json` on it in a fresh process, and reports the
process's peak resident set size (getrusage), the same for a document of one article (what any
run costs: Python, the libraries, the grammars of both languages, the stemmers, the language
model), the difference per megabyte of input, and how much the peak grew per megabyte from the
size before (what a bigger document costs, once the caches that grow with the vocabulary have
filled). The goal (issue 14): at most about 20 times the document's size.

The text is made of news articles, so its density of times and events is that of news:
`corpora` (the default when ../shared/corpora is present) joins the TimeBank and AQUAINT
documents and the Indonesian articles of id-news-raw that no blind set names, each once in turn,
then again; `seed` repeats the bundled seed article. Read in place, never copied.

--stages N extracts an N-megabyte document in this process under tracemalloc and prints what
each step of the pipeline holds and its peak: where the memory goes.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import CORPORA, REPO, machine_lines

SEED = REPO / "fixtures" / "tajukrakyat-putin-kim-pact.id.txt"
PUBLISHED = "2024-06-21"
ONE_ARTICLE = (
    'Pabrik itu ditutup pada Senin (23/6). "We signed the deal last March," kata manajer '
    "pabrik itu. Warga mengungsi sejak kemarin."
)
"""The baseline: both languages read, so every grammar, stemmer and model is loaded."""


def articles(source: str) -> list[str]:
    """The texts the document is made of, in a fixed order."""
    if source == "corpora" and CORPORA.is_dir():
        from same_output import blind_ids

        from timeline.evaluation.gold import read_timeml

        texts = []
        for name in ("timebank", "aquaint"):
            folder = CORPORA / name
            for path in sorted(folder.glob("*.tml")) if folder.is_dir() else ():
                texts.append(read_timeml(path).text)
        raw = CORPORA / "id-news-raw" / "articles.jsonl"
        blind = blind_ids()
        if raw.is_file():
            for line in raw.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                if record.get("id") not in blind and isinstance(record.get("text"), str):
                    texts.append(record["text"])
        if texts:
            return texts
    return [SEED.read_text(encoding="utf-8")]


def document(size: int, texts: list[str]) -> str:
    """`size` bytes of UTF-8 (about): the texts one after another, as paragraphs."""
    parts: list[str] = []
    length = 0
    index = 0
    while length < size:
        text = texts[index % len(texts)].strip() + "\n\n"
        parts.append(text)
        length += len(text.encode("utf-8"))
        index += 1
    return "".join(parts)


def peak_mib(path: Path, output: Path) -> float:
    """Peak RSS in MiB of `timeline extract path` in a fresh process."""
    code = (
        "import resource, sys\n"
        # the code of this checkout, not an editable install's (see same_output.py)
        "sys.meta_path[:] = [f for f in sys.meta_path "
        "if 'editable' not in getattr(f, '__module__', '')]\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from timeline.cli.app import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    if exc.code:\n"
        "        raise\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "extract", str(path), "-p", PUBLISHED, "-o", str(output)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def stages(size: int, texts: list[str]) -> None:
    """Extract one document under tracemalloc, step by step (the steps of extract_document)."""
    import tracemalloc
    from datetime import date

    from timeline import extract, languages
    from timeline.discourse.genres import NEWS
    from timeline.discourse.state import resolve_in_context
    from timeline.events.build import build_events
    from timeline.grammar.specs import EventRelativeSpec
    from timeline.ingest.mixed import other_language_sentences
    from timeline.ingest.normalise import normalise
    from timeline.ingest.sentences import split_sentences
    from timeline.models.document import Document
    from timeline.pipeline.document import choose_language
    from timeline.render.document_json import json_lines
    from timeline.tagging.tag import find_mentions

    text = document(size, texts)
    extract(texts[0], PUBLISHED)  # languages compiled, caches warm
    reference = date.fromisoformat(PUBLISHED)
    print(
        f"document: {len(text.encode('utf-8')) / 2**20:.1f} MiB UTF-8, "
        f"{sys.getsizeof(text) / 2**20:.1f} MiB as a Python str"
    )
    tracemalloc.start()

    def mark(step: str) -> None:
        held, peak = tracemalloc.get_traced_memory()
        print(f"  {step:<22} holds {held / 2**20:8.1f} MiB   peak {peak / 2**20:8.1f} MiB")
        tracemalloc.reset_peak()

    normal = normalise(text)
    mark("normalise")
    code = choose_language(normal.text, "auto").code
    language = languages.load(code, NEWS.profiles)
    print(f"  (read as {code!r})")
    sentences = split_sentences(normal.text, language.abbreviations)
    mark("sentences")
    other_language_sentences(normal.text, sentences, code, languages.available())
    mark("other languages")
    mentions = find_mentions(normal.text, language)
    mark("find_mentions")
    timexes = resolve_in_context(mentions, normal.text, reference, language, sentences, NEWS)
    mark("resolve_in_context")
    counted = {(m.start, m.end): m.spec for m in mentions if isinstance(m.spec, EventRelativeSpec)}
    events, undated, timexes = build_events(
        normal.text, timexes, reference, language, sentences, counted
    )
    mark("build_events")
    result = Document(
        id="doc",
        published=PUBLISHED,
        lang=code,
        timexes=timexes,
        events=events,
        undated_events=undated,
    )
    mark("Document")
    written = 0
    for line in json_lines(result):  # as `timeline extract -o` writes it
        written += len(line) + 1
    mark("JSON, line by line")
    print(
        f"  ({len(mentions)} mentions, {len(timexes)} timexes, {len(events)} events, "
        f"{len(undated)} undated, JSON {written / 2**20:.1f} MiB)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,4,16", help="megabytes, comma-separated")
    parser.add_argument("--source", choices=("corpora", "seed"), default="corpora")
    parser.add_argument("--stages", type=float, default=0, help="MB to break down by step")
    args = parser.parse_args()
    texts = articles(args.source)
    if args.stages:
        stages(int(args.stages * 1_000_000), texts)
        return 0
    print("\n".join(machine_lines()))
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text(ONE_ARTICLE, encoding="utf-8")
        base = peak_mib(small, Path(folder) / "small.json")
        print(
            f"- source: {args.source} ({len(texts)} texts); a one-article document peaks at "
            f"{base:.0f} MiB"
        )
        print(
            "\n| input MB | peak RSS MiB | above the one-article run, per MB of input "
            "| growth from the size before, per MB |"
        )
        print("|---:|---:|---:|---:|")
        before: tuple[float, float] | None = None
        for megabytes in (float(size) for size in args.sizes.split(",")):
            path = Path(folder) / "big.txt"
            path.write_text(document(int(megabytes * 1_000_000), texts), encoding="utf-8")
            size = path.stat().st_size / 2**20
            peak = peak_mib(path, Path(folder) / "big.json")
            growth = f"{(peak - before[1]) / (size - before[0]):.1f}x" if before else ""
            print(
                f"| {megabytes:g} | {peak:.0f} | {(peak - base) / size:.1f}x | {growth} |",
                flush=True,
            )
            before = (size, peak)
            path.unlink()
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
