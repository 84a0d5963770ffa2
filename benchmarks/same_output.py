"""Does a change of code change what the tool outputs? Compare two revisions, document by document.

    python benchmarks/same_output.py --against REV            # REV's output vs the working tree's
    python benchmarks/same_output.py --against REV --show 5   # print the first 5 differing docs

A refactoring must not change behaviour. This script extracts every document we have with the
public API (`timeline.extract(text, published, lang=...)`, the same call in every revision), once
with the code of REV (checked out into a temporary git worktree) and once with the working tree,
and compares the JSON byte for byte. It also runs `timeline extract` on the fixture articles in
every output format (json, timeml, timelinejs, csv), so the renderers are covered too.

What it compares (each skipped with a message when absent):
- fixtures: the seed article, every gold document under fixtures/devset and fixtures/eval;
- ../shared/corpora: TimeBank, AQUAINT, the WikiWars training half and the tweets training half,
  each with its own document date (TIMELINE_SHARED points elsewhere);
- ../shared/corpora/id-news-raw: the articles that have a publication date, except the ones the
  blind sets in fixtures/blind name (a blind set must not be run before its first measurement).

Exit code 0 when every output is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import CORPORA, REPO

TIMEML_CORPORA = ("timebank", "aquaint", "wikiwars-train", "tweets-train")
SEED = ("fixtures/tajukrakyat-putin-kim-pact.id.txt", "2024-06-21", "id")
CLI_FORMATS = ("json", "timeml", "timelinejs", "csv")

# The code under test must come from its own tree: an editable install of the package puts a
# finder on sys.meta_path that would serve any module missing from that tree from the working
# copy, so the runners drop it first.
ISOLATE = (
    "import sys; sys.meta_path[:] = "
    "[f for f in sys.meta_path if 'editable' not in getattr(f, '__module__', '')]; "
)
# Runs inside the revision under test: only the public API, so every revision understands it.
RUNNER = (
    ISOLATE
    + r"""
import json, sys
from timeline import extract
out = open(sys.argv[2], "w", encoding="utf-8")
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    try:
        result = extract(doc["text"], doc["published"], lang=doc["lang"], doc_id=doc["name"])
        out.write(result.model_dump_json() + "\n")
    except Exception as exc:  # a crash is an output too, and must stay the same
        out.write(json.dumps({"crash": f"{type(exc).__name__}: {exc}"}) + "\n")
"""
)


def blind_ids() -> set[str]:
    """Article ids the blind sets name: never run on them outside their own measurement."""
    ids: set[str] = set()
    folder = REPO / "fixtures" / "blind"
    for path in folder.rglob("*.json") if folder.is_dir() else ():
        ids.update(_ids_in(path))
    for path in folder.rglob("articles.txt") if folder.is_dir() else ():
        ids.update(line.strip() for line in path.read_text().splitlines() if line.strip())
    return ids


def _ids_in(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    found: set[str] = set()
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict):
            source = item.get("source")
            if isinstance(source, dict) and "id" in source:
                found.add(str(source["id"]))
            for evidence in item.get("evidence", []) or []:
                if isinstance(evidence, dict) and "article" in evidence:
                    found.add(str(evidence["article"]))
    return found


def documents(without: set[str]) -> list[dict[str, str]]:
    """Every document to compare: name, text, published, lang; `without` names corpora to skip."""
    sys.path.insert(0, str(REPO))
    from timeline.evaluation.gold import read_gold

    docs = []
    seed = REPO / SEED[0]
    docs.append(
        {
            "name": "seed",
            "text": seed.read_text(encoding="utf-8"),
            "published": SEED[1],
            "lang": SEED[2],
        }
    )
    gold_roots = [REPO / "fixtures" / "devset", REPO / "fixtures" / "eval"]
    for name in TIMEML_CORPORA:
        if name in without:
            continue
        if (CORPORA / name).is_dir():
            gold_roots.append(CORPORA / name)
        else:
            print(f"skipped {name}: {CORPORA / name} is absent", file=sys.stderr)
    for root in gold_roots:
        for gold in read_gold([root]):
            docs.append(
                {
                    "name": f"{root.name}/{gold.id}",
                    "text": gold.text,
                    "published": gold.published.isoformat(),
                    "lang": gold.lang or "auto",
                }
            )
    raw = CORPORA / "id-news-raw" / "articles.jsonl"
    if "id-news-raw" in without:
        pass
    elif raw.is_file():
        hidden = blind_ids()
        for line in raw.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("published") and record["id"] not in hidden:
                docs.append(
                    {
                        "name": f"id-news-raw/{record['id']}",
                        "text": record["text"],
                        "published": record["published"],
                        "lang": "id",
                    }
                )
    else:
        print(f"skipped id-news-raw: {raw} is absent", file=sys.stderr)
    return docs


def cli_inputs() -> list[tuple[str, list[str]]]:
    """Fixture articles for the command line, with the options each needs."""
    runs = [(SEED[0], ["--published", SEED[1], "--lang", SEED[2]])]
    for page in sorted((REPO / "fixtures" / "html").glob("*.html")):
        runs.append((str(page.relative_to(REPO)), ["--published", "2024-06-21"]))
    return runs


def run_tree(tree: Path, inputs: Path, work: Path) -> dict[str, str]:
    """Every output of the code in `tree`: document outputs by name, CLI outputs by run."""
    env = dict(os.environ, PYTHONPATH=str(tree), MPLBACKEND="Agg")
    out = work / "documents.jsonl"
    where = ISOLATE + "import timeline; print(timeline.__file__)"
    # from a neutral folder: `python -c` puts the current folder first on sys.path
    found = subprocess.run(
        [sys.executable, "-c", where], env=env, capture_output=True, text=True, cwd=work
    )
    if not found.stdout.startswith(str(tree)):
        raise SystemExit(f"the package imports from {found.stdout.strip()}, not from {tree}")
    subprocess.run(
        [sys.executable, "-c", RUNNER, str(inputs), str(out)], env=env, check=True, cwd=work
    )
    names = [json.loads(line)["name"] for line in inputs.read_text(encoding="utf-8").splitlines()]
    results = dict(zip(names, out.read_text(encoding="utf-8").splitlines(), strict=True))
    for article, options in cli_inputs():
        for fmt in CLI_FORMATS:
            command = [
                sys.executable,
                "-c",
                ISOLATE + "from timeline.cli import main; main()",
                "extract",
            ]
            done = subprocess.run(
                [*command, str(tree / article), *options, "--format", fmt],
                env=env,
                capture_output=True,
                text=True,
                cwd=work,
            )
            results[f"cli:{article}:{fmt}"] = f"{done.returncode}\n{done.stdout}\n{done.stderr}"
    return results


def first_difference(before: str, after: str) -> str:
    at = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
        min(len(before), len(after)),
    )
    return f"at character {at}: before {before[max(0, at - 60) : at + 60]!r}\n    after  {after[max(0, at - 60) : at + 60]!r}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--against", default="HEAD", help="the revision to compare with [HEAD]")
    parser.add_argument("--show", type=int, default=3, help="differing documents to print [3]")
    parser.add_argument(
        "--without", action="append", default=[], help="a corpus of ../shared to leave out"
    )
    args = parser.parse_args()
    docs = documents(set(args.without))
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        inputs = work / "inputs.jsonl"
        inputs.write_text(
            "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8"
        )
        old_tree = work / "before"
        subprocess.run(
            [
                "git",
                "-C",
                str(REPO),
                "worktree",
                "add",
                "--detach",
                "--quiet",
                str(old_tree),
                args.against,
            ],
            check=True,
        )
        try:
            (work / "a").mkdir()
            (work / "b").mkdir()
            before = run_tree(old_tree, inputs, work / "a")
            # the old tree has no copy of the untracked seed article etc.: same inputs for both
            after = run_tree(REPO, inputs, work / "b")
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(old_tree)],
                check=False,
            )
    differing = [name for name in before if before[name] != after.get(name)]
    digest = hashlib.sha256("".join(after[name] for name in sorted(after)).encode()).hexdigest()[
        :16
    ]
    print(
        f"{len(before)} outputs compared ({len(docs)} documents, {len(before) - len(docs)} CLI runs)"
    )
    print(
        f"against {args.against}: {len(differing)} differ; digest of this tree's outputs {digest}"
    )
    for name in differing[: args.show]:
        print(f"- {name} {first_difference(before[name], after.get(name, ''))}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
