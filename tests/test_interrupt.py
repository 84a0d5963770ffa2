"""Ctrl-C during `extract` on a corpus, as a terminal sends it (SIGINT to the whole process
group): one line, exit 130, no traceback, no temporary file, no output file, no process left.

Each run starts in a session of its own, so the signal reaches the command and its workers and
nothing of the test runner. The signal is sent once output has started (the temporary output
file has bytes, or standard output has), so the run is in its steady state: workers busy,
records in flight. The corpus is large enough never to finish first.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

RECORDS = 20_000
INTERRUPTED = re.compile(rf"timeline: interrupted after (\d+) of {RECORDS} records\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The dev-set articles over and over, each record with its own id."""
    articles = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((FIXTURES / "devset").rglob("*.json"))
    ]
    lines = []
    for i in range(RECORDS):
        article = articles[i % len(articles)]
        record = {"id": f"{article['id']}-{i}", "text": article["text"]}
        lines.append(json.dumps({**record, "published": article["published"]}))
    path = tmp_path_factory.mktemp("interrupt") / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _started(path: Path, pattern: str) -> bool:
    return any(p.stat().st_size > 0 for p in path.glob(pattern))


def _interrupt(args: list[str], out: Path, started) -> tuple[int, str, bytes]:
    """Run `timeline extract ...`, send SIGINT to its process group once `started()`, and
    return its exit code, standard error and standard output; also check that every process of
    the group is gone within a few seconds."""
    stdout = out / "stdout"
    with stdout.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", "from timeline.cli import main; main()", "extract", *args],
            stdout=sink,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 120
            while not started() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            assert process.poll() is None, "the run ended before it could be interrupted"
            os.killpg(process.pid, signal.SIGINT)
            _, err = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the workers go with it
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("worker processes outlived the interrupted command")
    return process.returncode, err.decode(), stdout.read_bytes()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_to_an_output_file(corpus, tmp_path, jobs):
    target = tmp_path / "out.jsonl"
    args = [str(corpus), "-f", "jsonl", "--jobs", jobs, "-o", str(target)]
    code, err, out = _interrupt(args, tmp_path, lambda: _started(tmp_path, ".out.jsonl.*.tmp"))
    assert code == 130
    assert INTERRUPTED.fullmatch(err), err
    assert out == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stdout"]  # no output, no tmp file


def test_interrupt_to_standard_output_leaves_only_complete_lines(corpus, tmp_path):
    args = [str(corpus), "-f", "jsonl", "--jobs", "2"]
    code, err, out = _interrupt(args, tmp_path, lambda: _started(tmp_path, "stdout"))
    assert code == 130
    assert INTERRUPTED.fullmatch(err), err
    assert out.endswith(b"\n")
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [json.loads(line)["id"] for line in corpus.read_text().splitlines()[: len(ids)]]


def test_interrupt_a_local_dask_cluster(corpus, tmp_path):
    pytest.importorskip("distributed")
    folder = tmp_path / "out"
    args = [str(corpus), "-f", "jsonl", "--dask", "local", "--jobs", "2", "-o", f"{folder}/"]
    code, err, _ = _interrupt(args, tmp_path, lambda: _started(folder, ".big.jsonl.*.tmp"))
    assert code == 130
    assert INTERRUPTED.fullmatch(err), err
    assert list(folder.iterdir()) == []
