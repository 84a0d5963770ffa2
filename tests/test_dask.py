"""Dask: the same bytes as without it, a worker killed mid-run costs nothing, bags and partitions
give the lines the command line writes, and a cluster that cannot be reached is one line."""

from __future__ import annotations

import functools
import gzip
import json
import os
import signal
from pathlib import Path

import pytest

from tests.conftest import run_cli, run_in_process
from tests.test_corpus_folders import SUMMARY, devset_records, make_corpora, outputs

pytest.importorskip("distributed")

from timeline.engines.batch import plan_outputs, run_batch
from timeline.engines.corpus import process_record
from timeline.engines.dask import (
    DaskRunError,
    dask_client,
    dask_outcomes,
    extract_partition,
    process_chunk,
)
from timeline.ingest.readers import read_jsonl
from timeline.ingest.sources import expand_inputs


@pytest.fixture(scope="module")
def client():
    """One local cluster of two worker processes for the tests that use the Python API."""
    with dask_client("local", 2) as running:
        yield running


def test_dask_local_writes_the_same_bytes_as_one_process(tmp_path):
    corpora = make_corpora(tmp_path / "in")
    runs = {}
    for name, extra in (("plain", []), ("dask", ["--dask", "local", "--jobs", "2"])):
        target = tmp_path / name
        result = run_cli("extract", str(corpora), "-f", "jsonl", "-o", str(target), *extra)
        assert result.returncode == 1, result.stderr
        assert SUMMARY.search(result.stderr).groups() == ("34", "28", "6")
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 2
        runs[name] = outputs(target)
    assert runs["plain"] == runs["dask"]
    assert len(runs["dask"]["alpha.jsonl"].splitlines()) == 18


def _run_on_cluster(client, corpora: Path, out: Path, task) -> None:
    files = expand_inputs([str(corpora)]).files
    result = plan_outputs(files, out)
    out.mkdir()

    def engine(records):
        return dask_outcomes(client, records, None, "auto", chunk=3, task=task)

    run_batch(result, engine, "utf-8")


def _kill_worker_once(marker: str, records, published, lang, fmt, genre="auto"):
    """A task that kills the worker running it, the first time it sees line 8 of a corpus: at
    a fixed record, whatever the timing, and only once (the file is created exclusively), so
    the rerun of the same task on a live worker goes through."""
    if any(record.line == 8 for record in records):
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            pass
        else:
            os.kill(os.getpid(), signal.SIGKILL)
    return process_chunk(records, published, lang, fmt, genre)


def test_a_worker_killed_mid_run_costs_nothing(client, monkeypatch, capsys, tmp_path):
    corpora = make_corpora(tmp_path / "in")
    marker = tmp_path / "killed"
    before = set(client.run(os.getpid).values())
    _run_on_cluster(
        client, corpora, tmp_path / "dask", functools.partial(_kill_worker_once, str(marker))
    )
    assert marker.exists()  # a worker did die, in the middle of the run
    args = ["extract", str(corpora), "-f", "jsonl", "-o", str(tmp_path / "plain")]
    assert run_in_process(monkeypatch, capsys, *args)[0] == 1
    # Every record once, in order: no record lost, none written twice.
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "plain")
    client.wait_for_workers(2, timeout=60)  # the nanny started a new one
    assert set(client.run(os.getpid).values()) != before


def _fail(records, published, lang, fmt, genre="auto"):
    raise RuntimeError("the cluster broke")


def test_a_task_that_fails_is_an_error_naming_its_records(client, tmp_path):
    corpora = make_corpora(tmp_path / "in")
    with pytest.raises(
        DaskRunError, match=r"records at lines 1-3: RuntimeError: the cluster broke"
    ):
        _run_on_cluster(client, corpora, tmp_path / "out", _fail)
    assert os.listdir(tmp_path / "out") == []  # nothing half-written


def test_extract_partition_gives_the_lines_of_the_command_line(tmp_path):
    corpora = make_corpora(tmp_path / "in")
    source = corpora / "alpha.jsonl"
    expected = [process_record(r, None, "auto").text for r in read_jsonl(str(source))]
    raw_lines = [line for line in source.read_bytes().splitlines() if line.strip()]
    got = extract_partition(raw_lines)
    # Same lines, except that a bag item has no line number of its own.
    for mine, theirs in zip(got, expected, strict=True):
        theirs_record = json.loads(theirs)
        if "error" in theirs_record:
            theirs_record["line"] = None
        assert json.loads(mine) == theirs_record
    dicts = [
        {"id": "a", "text": "Kemarin hujan.", "published": "2024-06-21", "line": 7},
        {"id": "b", "text": "Yesterday it rained.", "published": "2024-06-21", "lang": "en"},
        {"id": "c", "text": 5, "published": "2024-06-21", "line": 9},
        {"id": "d", "text": "Besok.", "published": "21/06/2024"},
    ]
    a, b, c, d = (json.loads(line) for line in extract_partition(dicts))
    assert a["timexes"][0]["value"] == "2024-06-20" and a["lang_source"] == "detected"
    assert (b["lang"], b["lang_source"]) == ("en", "jsonl")
    assert c == {"id": "c", "line": 9, "error": "no 'text' string"}
    assert d == {"id": "d", "line": None, "error": "bad 'published' '21/06/2024': use YYYY-MM-DD"}


def test_extract_bag_on_the_cluster(client, tmp_path):
    import dask.bag as db

    from timeline.dask import extract_bag

    corpora = make_corpora(tmp_path / "in")
    lines = (corpora / "gamma.ndjson").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    bag = db.from_sequence(records, npartitions=3)
    got = extract_bag(bag).compute()
    assert got == extract_partition(records)
    assert [json.loads(line)["id"] for line in got] == [r["id"] for r in records]
    # From text files, as a pipeline would read them; written back as JSONL files.
    texts = db.read_text(str(corpora / "*.ndjson"))
    extract_bag(texts).to_textfiles(
        str(tmp_path / "bag" / "*.jsonl"), encoding="utf-8", last_endline=True
    )
    written = b"".join(path.read_bytes() for path in sorted((tmp_path / "bag").iterdir()))
    assert written == b"".join((line + "\n").encode() for line in got)


def test_dataframe_recipe(tmp_path):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from timeline.dask import extract_partition as partition

    frame = pd.DataFrame(
        [json.loads(line) for line in devset_records(6)]
        + [{"id": "x", "text": None, "published": "2024-06-21"}]
    )
    frame["published"] = pd.to_datetime(frame["published"])  # as a parquet file would give it

    def extract_frame(part):  # the recipe in docs/io.md
        return pd.Series(partition(part.to_dict("records")), index=part.index, dtype="string")

    lines = (
        dd.from_pandas(frame, npartitions=2)
        .map_partitions(extract_frame, meta=("timeline", "string"))
        .compute(scheduler="sync")
    )
    documents = [json.loads(line) for line in lines]
    assert [d["id"] for d in documents] == list(frame["id"])
    assert documents[0]["published"] == json.loads(devset_records(1)[0])["published"]
    assert documents[-1]["error"] == "no 'text' string"


def test_unreachable_scheduler_is_a_usage_error(monkeypatch, capsys, tmp_path):
    import timeline.engines.dask as engine

    corpora = make_corpora(tmp_path / "in")
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 0.5)
    args = ["extract", str(corpora), "-f", "jsonl", "-o", str(tmp_path / "o")]
    code, out, err = run_in_process(monkeypatch, capsys, *args, "--dask", "tcp://127.0.0.1:9")
    assert (code, out) == (2, "")
    assert err.startswith("timeline: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert err.count("\n") == 1
    code, _, err = run_in_process(
        monkeypatch, capsys, *args, "--dask", "tcp://127.0.0.1:9", "--jobs", "2"
    )
    assert code == 2 and "--jobs sets the workers of --dask local" in err


def test_gzip_outputs_from_the_cluster_decompress_to_the_plain_run(
    client, monkeypatch, capsys, tmp_path
):
    corpora = make_corpora(tmp_path / "in")
    _run_on_cluster(client, corpora, tmp_path / "dask", process_chunk)
    code, plain, _ = run_in_process(
        monkeypatch, capsys, "extract", str(corpora / "beta.jsonl.gz"), "-f", "jsonl"
    )
    assert code == 0
    assert gzip.decompress((tmp_path / "dask" / "beta.jsonl.gz").read_bytes()) == plain.encode()
