"""Run corpus records on a Dask cluster: the same outcomes, in the same order, as one process.

Two ways in:

- `dask_outcomes(client, records, ...)`: what `timeline extract --dask` uses. This process reads
  the records (so the inputs need not be visible to the workers), sends them to the cluster in
  chunks with a bounded number in flight (memory stays flat however large the corpus), and yields
  the outcomes strictly in input order, so the output files are byte-identical to a run without
  Dask. Each chunk is a task that holds its records, so when a worker dies the scheduler simply
  runs the chunk again elsewhere: nothing is lost, and since this process writes each chunk's
  result once, in order, nothing is written twice.
- `extract_bag(bag)`: a Dask bag of records (dicts, or JSONL lines) in, a bag of output lines
  out, for pipelines that already live in Dask; `extract_partition` is the same per partition,
  for `map_partitions` on anything else (a DataFrame: see docs/io.md).

Every record goes through `timeline.engines.corpus.process_record`, the function a single process
uses, so a bad record becomes the same error entry everywhere.

`dask_client("local", jobs)` starts a LocalCluster of `jobs` worker processes (one thread each:
extraction is pure Python) listening on the loopback interface only, and stops it at the end;
its workers ignore Ctrl-C, which the parent handles (see timeline.cli.interrupt).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import uuid
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

import dask.config
from distributed import Client, LocalCluster, WorkerPlugin

from timeline.engines.corpus import Outcome, process_record
from timeline.ingest.inputs import DEFAULT_ENCODING
from timeline.ingest.readers import CorpusRecord, _parse_record

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Future

CHUNK = 32
"""Records per task: a task costs the scheduler about a millisecond, a record about two of work."""
IN_FLIGHT_PER_THREAD = 4
"""Tasks queued per worker thread: keeps every worker busy while bounding memory."""
RECOUNT_EVERY = 256
"""Tasks between two looks at the cluster's size (workers may join or leave during a run)."""
CONNECT_TIMEOUT = 15.0
"""Seconds to reach a scheduler before giving up with a usage error."""
WORKER_START_TIMEOUT = 60.0
"""Seconds for the workers of a local cluster to start (each imports timeline)."""
LOCAL = "local"


class DaskRunError(RuntimeError):
    """The cluster could not finish a chunk (its workers kept dying, or the scheduler went
    away); the message names the records and says why, in one line."""


class ChunkTask(Protocol):
    def __call__(
        self,
        records: list[CorpusRecord],
        published: date | None,
        lang: str,
        fmt: str,
        genre: str = "auto",
    ) -> list[Outcome]: ...


def process_chunk(
    records: list[CorpusRecord],
    published: date | None,
    lang: str,
    fmt: str,
    genre: str = "auto",
) -> list[Outcome]:
    """One task: the outcomes of a chunk of records, on a worker."""
    return [process_record(record, published, lang, fmt, genre) for record in records]


def dask_outcomes(
    client: Client,
    records: Iterable[CorpusRecord],
    published: date | None,
    lang: str,
    genre: str = "auto",
    fmt: str = "jsonl",
    chunk: int = CHUNK,
    task: ChunkTask = process_chunk,
) -> Generator[Outcome, None, None]:
    """Outcomes in input order, computed on the client's cluster (see the module docstring).

    `task` is what runs on a worker; tests give one that kills its worker once.
    """
    run = uuid.uuid4().hex[:12]
    pending: deque[tuple[Future, list[CorpusRecord]]] = deque()
    iterator = iter(records)
    number = 0
    limit = 0
    try:
        while batch := list(islice(iterator, chunk)):
            if number % RECOUNT_EVERY == 0:
                limit = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_THREAD
            key = f"timeline-extract-{run}-{number}"
            number += 1
            future = client.submit(task, batch, published, lang, fmt, genre, key=key, pure=False)
            pending.append((future, batch))
            while len(pending) >= limit or (pending and pending[0][0].done()):
                yield from _result(*pending.popleft())
        while pending:
            yield from _result(*pending.popleft())
    finally:
        if pending:  # stopped early: the cluster need not finish what nobody will read
            with contextlib.suppress(Exception):
                client.cancel([future for future, _ in pending])


def _result(future: Future, batch: list[CorpusRecord]) -> list[Outcome]:
    try:
        outcomes: list[Outcome] = future.result()
    except Exception as exc:
        lines = f"lines {batch[0].line}-{batch[-1].line}" if batch else "an empty chunk"
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise DaskRunError(
            f"the Dask cluster could not process records at {lines}: {reason}"
        ) from None
    if len(outcomes) != len(batch):  # a task must answer for every record it was given
        raise DaskRunError(
            f"a Dask task returned {len(outcomes)} outcomes for {len(batch)} records"
        )
    return outcomes


# --------------------------------------------------------------------------------------------
# Clusters


class _IgnoreInterrupts(WorkerPlugin):
    """Installed on every worker of a local cluster, the ones the nanny restarts included: Ctrl-C
    reaches the whole process group, and the parent alone should act on it. Where the workers
    come from a fork server (see _start_method) they are born ignoring SIGINT and this changes
    nothing; where they are spawned (no fork server), it covers them once they run."""

    name = "timeline-ignore-sigint"

    def setup(self, worker: Any) -> None:
        with contextlib.suppress(ValueError):  # only a process's main thread may do this
            signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def dask_client(address: str, jobs: int = 1) -> Iterator[Client]:
    """A client for `address` (a scheduler, or 'local' for a LocalCluster of `jobs` workers).

    A local cluster is stopped at the end; after an exception (an interrupt) its workers are
    killed first, so stopping takes a moment, not the minutes a busy worker could take to finish.
    Raises OSError when the scheduler cannot be reached.
    """
    if address != LOCAL:
        remote = Client(address, timeout=CONNECT_TIMEOUT)
        try:
            yield remote
        finally:
            with contextlib.suppress(Exception):
                remote.close(timeout=5)
        return
    settings = {
        "distributed.worker.multiprocessing-method": _start_method(),
        # The statistical profiler feeds a dashboard we do not run; it costs CPU, and its
        # history (one sample tree a second, up to 10,000) grows a worker's memory with time.
        "distributed.worker.profile.enabled": False,
    }
    with dask.config.set(settings):
        # Workers are added once the cluster object is ours (not in its constructor), so that a
        # Ctrl-C while they start is handled like any other: workers killed, cluster closed.
        cluster = LocalCluster(
            n_workers=0,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            worker_dashboard_address=None,
            # No dashboard; the scheduler's small HTTP server (health, metrics) on a free port
            # of the loopback interface, not on 8787, which another cluster may hold.
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.CRITICAL,  # failures reach the caller as exceptions
        )
        client: Client | None = None
        try:
            client = Client(cluster)
            client.register_plugin(_IgnoreInterrupts())
            cluster.scale(jobs)
            client.wait_for_workers(jobs, timeout=WORKER_START_TIMEOUT)
            yield client
        except BaseException:
            _kill_workers(cluster)
            raise
        finally:
            with contextlib.suppress(Exception):
                if client is not None:
                    client.close(timeout=5)
            with contextlib.suppress(Exception):
                cluster.close(timeout=5)


def _start_method() -> str:
    """How local workers are started: forked by a fork server that ignores SIGINT, so that every
    worker, a restarted one too, is born ignoring Ctrl-C (the fork server hands its children the
    SIGINT disposition it was started with). This process ignores SIGINT only for the moment it
    takes to start that server, and a Ctrl-C is never lost while the workers start, as it would
    be if this process ignored it for the whole second they take. Spawn where there is no fork
    server (Windows); the plugin then covers the workers once they run."""
    import multiprocessing
    from multiprocessing import forkserver

    from distributed.utils import get_mp_context

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        get_mp_context()  # distributed's list of modules the server imports once for all
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: the server is started with what we have
        forkserver.ensure_running()
        return "forkserver"
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)
    return "forkserver"


def _kill_workers(cluster: LocalCluster) -> None:
    """Kill the local worker processes at once, and keep their nannies from restarting them."""
    for nanny in list(cluster.workers.values()):
        with contextlib.suppress(Exception):
            nanny.auto_restart = False
            os.kill(nanny.process.process.pid, signal.SIGKILL)


# --------------------------------------------------------------------------------------------
# Bags and partitions


def extract_partition(
    items: Iterable[dict[str, Any] | str | bytes],
    published: date | None = None,
    lang: str = "auto",
    genre: str = "auto",
) -> list[str]:
    """The output line of each record, as `timeline extract --format jsonl` writes it.

    An item is a dict (fields `text`, `published`, optional `id`, `lang`, `title`; other
    fields are ignored) or one JSONL line (str or bytes). It is checked exactly as a line of a
    JSONL file is, so a bad record becomes the same error entry. Error entries carry the
    record's `line` when the dict has an integer `line` field, else null: a bag item has no line
    number of its own. Values JSON cannot hold (a pandas Timestamp) are written with str().
    """
    lines = []
    for item in items:
        if isinstance(item, dict):
            number = item.get("line")
            raw = json.dumps(item, ensure_ascii=False, default=str).encode("utf-8")
        else:
            number = None
            raw = item.encode("utf-8") if isinstance(item, str) else item
        if not raw.strip():
            continue  # a blank line holds no record, as in a file
        record = _parse_record(0, raw, "utf-8", DEFAULT_ENCODING)
        line = number if isinstance(number, int) and not isinstance(number, bool) else None
        record = _with_line(record, line)
        lines.append(process_record(record, published, lang, "jsonl", genre).text)
    return lines


def _with_line(record: CorpusRecord, line: int | None) -> CorpusRecord:
    """The record with its real line number, or None (written as null) when it has none."""
    from dataclasses import replace

    return replace(record, line=line)  # type: ignore[arg-type]


def extract_bag(
    bag: Bag, published: date | None = None, lang: str = "auto", genre: str = "auto"
) -> Bag:
    """A bag of output lines (str, no newline), one per record of `bag`, in the same order.

    Lazy like any bag: nothing runs until it is computed or written (`.to_textfiles`). See
    `extract_partition` for what a record may be.
    """
    return bag.map_partitions(extract_partition, published=published, lang=lang, genre=genre)
