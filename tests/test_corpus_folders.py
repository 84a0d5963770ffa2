"""Several corpora in, one JSONL file per corpus out: folders, globs, gzip, fsspec URLs, the
checks on what the user named, and the same bytes whatever runs it (without Dask here; the Dask
runs are in test_dask.py)."""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli, run_in_process

SUMMARY = re.compile(r"timeline: (\d+) records, (\d+) ok, (\d+) errors, [0-9.]+ s\n")


def devset_records(count: int, start: int = 0) -> list[str]:
    """JSONL lines of the dev-set articles, round robin, each with its own id."""
    articles = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((FIXTURES / "devset").rglob("*.json"))
    ]
    lines = []
    for i in range(start, start + count):
        article = articles[i % len(articles)]
        record = {"id": f"{article['id']}-{i}", "text": article["text"]}
        record["published"] = article["published"]
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


BAD_LINES = [
    b"{broken",
    b"[1, 2]",
    b'{"id": "notext", "published": "2024-06-21"}',
    b'{"id": "baddate", "text": "Kemarin.", "published": "21 Juni 2024"}',
    b'{"id": "latin", "text": "caf\xe9 kemarin", "published": "2024-06-21"}',
    b'{"id": "nolang", "text": "Kemarin.", "published": "2024-06-21", "lang": "xx"}',
]


def make_corpora(folder: Path) -> Path:
    """A folder of corpora of every kind: plain with bad records, gzip, .ndjson, empty, and a
    file that is no corpus (left alone)."""
    folder.mkdir(parents=True, exist_ok=True)
    plain = [line.encode() for line in devset_records(12)]
    plain[3:3] = BAD_LINES[:3]
    plain[9:9] = [b"", *BAD_LINES[3:]]
    (folder / "alpha.jsonl").write_bytes(b"\n".join(plain) + b"\n")
    with gzip.open(folder / "beta.jsonl.gz", "wb") as out:
        out.write("\n".join(devset_records(9, 5)).encode() + b"\n")
    (folder / "gamma.ndjson").write_text("\n".join(devset_records(7, 2)) + "\n", encoding="utf-8")
    (folder / "empty.jsonl").write_bytes(b"")
    (folder / "notes.txt").write_text("not a corpus", encoding="utf-8")
    return folder


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def single_run(monkeypatch, capsys, corpus: Path, tmp_path: Path) -> bytes:
    """What the one-corpus command writes for this file (decompressed first when gzip)."""
    source = corpus
    if corpus.name.endswith(".gz"):
        source = tmp_path / corpus.name.removesuffix(".gz")
        source.write_bytes(gzip.decompress(corpus.read_bytes()))
    target = tmp_path / f"single-{source.name}"
    code, _, err = run_in_process(
        monkeypatch, capsys, "extract", str(source), "-f", "jsonl", "-o", str(target)
    )
    assert code in (0, 1), err
    return target.read_bytes()


def test_folder_gives_one_file_per_corpus_as_the_single_run_writes_it(
    monkeypatch, capsys, tmp_path
):
    corpora = make_corpora(tmp_path / "in")
    code, out, err = run_in_process(
        monkeypatch, capsys, "extract", str(corpora), "-f", "jsonl", "-o", f"{tmp_path}/out/"
    )
    assert (code, out) == (1, "")  # bad records
    *failures, summary = err.splitlines(keepends=True)
    assert SUMMARY.fullmatch(summary), err
    assert SUMMARY.fullmatch(summary).groups() == ("34", "28", "6")
    assert failures == [
        f"timeline: {corpora / 'alpha.jsonl'}: 6 of 18 record(s) failed (lines 4, 5, 6, 11, "
        f"12, 13); see the error entries in {tmp_path / 'out' / 'alpha.jsonl'}\n"
    ]
    written = outputs(tmp_path / "out")
    assert sorted(written) == ["alpha.jsonl", "beta.jsonl.gz", "empty.jsonl", "gamma.ndjson"]
    assert written["empty.jsonl"] == b""
    for name in ("alpha.jsonl", "gamma.ndjson"):
        assert written[name] == single_run(monkeypatch, capsys, corpora / name, tmp_path)
    beta = single_run(monkeypatch, capsys, corpora / "beta.jsonl.gz", tmp_path)
    assert gzip.decompress(written["beta.jsonl.gz"]) == beta
    errors = [json.loads(line) for line in written["alpha.jsonl"].splitlines()][3:6]
    assert [e["error"] for e in errors] == [
        "not JSON: Expecting property name enclosed in double quotes at column 2",
        "not a JSON object",
        "no 'text' string",
    ]


def test_same_bytes_with_a_pool_and_on_every_run(monkeypatch, capsys, tmp_path):
    corpora = make_corpora(tmp_path / "in")
    runs = {}
    for name in ("one", "again"):
        target = tmp_path / name
        code, _, err = run_in_process(
            monkeypatch, capsys, "extract", str(corpora), "-f", "jsonl", "-o", str(target)
        )
        assert code == 1, err
        runs[name] = outputs(target)
    pool = run_cli("extract", str(corpora), "-f", "jsonl", "-o", str(tmp_path / "pool"), "-j", "2")
    assert pool.returncode == 1, pool.stderr
    assert runs["one"] == runs["again"] == outputs(tmp_path / "pool")
    # The gzip output holds no time or name: byte-identical from run to run.
    assert runs["one"]["beta.jsonl.gz"][3:8] == b"\0\0\0\0\0"


def test_genre_reaches_every_record_of_a_folder_run(monkeypatch, capsys, tmp_path):
    corpora = make_corpora(tmp_path / "in")
    target = tmp_path / "out"
    code, _, err = run_in_process(
        monkeypatch,
        capsys,
        "extract",
        str(corpora),
        "-f",
        "jsonl",
        "-o",
        str(target),
        "--genre",
        "narrative",
    )
    assert code == 1, err
    lines = (target / "gamma.ndjson").read_text(encoding="utf-8").splitlines()
    documents = [json.loads(line) for line in lines]
    assert documents and {d["genre"] for d in documents} == {"narrative"}


def test_inputs_in_the_order_given_and_globs(monkeypatch, capsys, tmp_path):
    corpora = make_corpora(tmp_path / "in")
    (tmp_path / "in" / "sub").mkdir()
    (tmp_path / "in" / "sub" / "delta.jsonl").write_text(
        "\n".join(devset_records(2)) + "\n", encoding="utf-8"
    )
    args = ["extract", f"{corpora}/**/*.jsonl", str(corpora / "gamma.ndjson"), "-f", "jsonl"]
    code, out, err = run_in_process(monkeypatch, capsys, *args, "-o", str(tmp_path / "out"))
    assert (code, out) == (1, "")
    assert sorted(os.listdir(tmp_path / "out")) == [
        "alpha.jsonl",
        "delta.jsonl",
        "empty.jsonl",
        "gamma.ndjson",
    ]
    assert SUMMARY.search(err).groups() == ("27", "21", "6")


def test_memory_and_file_urls_through_fsspec(monkeypatch, capsys, tmp_path):
    fsspec = pytest.importorskip("fsspec")
    corpora = make_corpora(tmp_path / "in")
    memory = fsspec.filesystem("memory")
    for name in ("alpha.jsonl", "beta.jsonl.gz", "gamma.ndjson"):
        memory.pipe(f"/timeline-test/{name}", (corpora / name).read_bytes())
    try:
        runs = {}
        for label, inputs in (
            (
                "local",
                [str(corpora / "alpha.jsonl"), f"{corpora}/*.gz", str(corpora / "gamma.ndjson")],
            ),
            (
                "memory",
                [
                    "memory://timeline-test/alpha.jsonl",
                    "memory://timeline-test/*.gz",
                    "memory://timeline-test/gamma.ndjson",
                ],
            ),
            ("memory-folder", ["memory://timeline-test/"]),
            ("memory-folder-no-slash", ["memory://timeline-test"]),
            (
                "file",
                [
                    f"file://{corpora}/alpha.jsonl",
                    f"file://{corpora}/*.gz",
                    f"file://{corpora}/gamma.ndjson",
                ],
            ),
        ):
            target = tmp_path / label
            code, _, err = run_in_process(
                monkeypatch, capsys, "extract", *inputs, "-f", "jsonl", "-o", str(target)
            )
            assert code == 1 and SUMMARY.search(err).groups() == ("34", "28", "6"), err
            runs[label] = outputs(target)
        assert runs["local"] == runs["memory"] == runs["memory-folder"] == runs["file"]
        assert runs["memory-folder-no-slash"] == runs["local"]
        code, _, err = run_in_process(
            monkeypatch, capsys, "extract", "memory://timeline-test", "-f", "jsonl"
        )
        assert code == 2 and "give -o OUT_DIR/" in err
        # One corpus alone, from a URL, to standard output: as from the local file.
        code, out, _ = run_in_process(
            monkeypatch, capsys, "extract", "memory://timeline-test/beta.jsonl.gz", "-f", "jsonl"
        )
        assert code == 0 and out.encode() == gzip.decompress(runs["local"]["beta.jsonl.gz"])
    finally:
        memory.rm("/timeline-test", recursive=True)


# (arguments, phrase of the one error line); {in} is a folder of corpora, {tmp} a scratch folder.
USAGE_ERRORS = [
    (["{in}", "{in}/../other", "-f", "jsonl", "-o", "{tmp}/o"], "would both be written to"),
    (["{in}/alpha.jsonl", "{in}/alpha.jsonl", "-f", "jsonl", "-o", "{tmp}/o"], "is given twice"),
    (["{in}", "-o", "{tmp}/o"], "needs --format jsonl"),
    (["{in}", "-f", "jsonl"], "give -o OUT_DIR/"),
    (["{in}", "-f", "jsonl", "-o", "{in}"], "would overwrite its own input"),
    (["{in}", "-f", "jsonl", "-o", "{in}/alpha.jsonl"], "is a file, not a folder"),
    (["{tmp}/*.nothing", "-f", "jsonl", "-o", "{tmp}/o"], "no file matches"),
    (
        ["{in}/*.txt", "-f", "jsonl", "-o", "{tmp}/o"],
        "no .jsonl, .ndjson, .jsonl.gz or .ndjson.gz file matches",
    ),
    (
        ["{in}/notes.txt", "{in}/alpha.jsonl", "-f", "jsonl", "-o", "{tmp}/o"],
        "is not a JSONL corpus",
    ),
    (["{in}/missing.jsonl", "{in}/alpha.jsonl", "-f", "jsonl", "-o", "{tmp}/o"], "no such file"),
    (["{tmp}/blank", "-f", "jsonl", "-o", "{tmp}/o"], "is a directory with no .jsonl"),
    (["-", "{in}/alpha.jsonl", "-f", "jsonl", "-o", "{tmp}/o"], "standard input ('-')"),
    (["nosuchfs://x/a.jsonl", "-f", "jsonl", "-o", "{tmp}/o"], "cannot read nosuchfs://x/a.jsonl"),
    (["{in}", "-f", "jsonl", "-o", "memory://out/"], "must be on the local disk"),
    (["{in}", "-f", "jsonl", "-o", "{tmp}/o", "--dask", "nowhere"], "give a scheduler address"),
]


@pytest.mark.parametrize(("args", "phrase"), USAGE_ERRORS, ids=lambda v: str(v)[:50])
def test_usage_errors_are_one_line_and_write_nothing(monkeypatch, capsys, tmp_path, args, phrase):
    corpora = make_corpora(tmp_path / "in")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "alpha.jsonl").write_bytes((corpora / "alpha.jsonl").read_bytes())
    (tmp_path / "blank").mkdir()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    argv = [a.replace("{in}", str(corpora)).replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = run_in_process(monkeypatch, capsys, "extract", *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("timeline: error: "), err
    assert phrase in err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_gzip_file_cut_short_becomes_an_error_entry_and_the_run_goes_on(
    monkeypatch, capsys, tmp_path
):
    folder = tmp_path / "in"
    folder.mkdir()
    whole = gzip.compress("\n".join(devset_records(30)).encode() + b"\n")
    (folder / "a-cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (folder / "b-fine.jsonl").write_text("\n".join(devset_records(3)) + "\n", encoding="utf-8")
    code, _, err = run_in_process(
        monkeypatch, capsys, "extract", str(folder), "-f", "jsonl", "-o", str(tmp_path / "out")
    )
    assert code == 1
    cut = gzip.decompress((tmp_path / "out" / "a-cut.jsonl.gz").read_bytes()).splitlines()
    last = json.loads(cut[-1])
    assert last["id"] is None and last["line"] == len(cut)
    assert last["error"].startswith(f"cannot read a-cut.jsonl.gz after line {len(cut) - 1}: ")
    assert all("error" not in json.loads(line) for line in cut[:-1])
    assert len((tmp_path / "out" / "b-fine.jsonl").read_bytes().splitlines()) == 3
    assert "a-cut.jsonl.gz: 1 of" in err


def test_one_corpus_into_a_folder_and_one_gzip_corpus_alone(monkeypatch, capsys, tmp_path):
    corpora = make_corpora(tmp_path / "in")
    code, _, err = run_in_process(
        monkeypatch,
        capsys,
        *("extract", str(corpora / "gamma.ndjson"), "-f", "jsonl", "-o", f"{tmp_path}/out/"),
    )
    assert code == 0 and SUMMARY.fullmatch(err).groups() == ("7", "7", "0")
    gamma = single_run(monkeypatch, capsys, corpora / "gamma.ndjson", tmp_path)
    assert (tmp_path / "out" / "gamma.ndjson").read_bytes() == gamma
    code, out, err = run_in_process(
        monkeypatch, capsys, "extract", str(corpora / "beta.jsonl.gz"), "-f", "jsonl"
    )
    assert (code, err) == (0, "")
    assert out.encode() == single_run(monkeypatch, capsys, corpora / "beta.jsonl.gz", tmp_path)
