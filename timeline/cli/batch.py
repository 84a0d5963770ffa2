"""`timeline extract INPUT... --format jsonl -o OUT_DIR/ [--jobs N] [--dask ADDRESS]`.

Several corpora (files, folders, globs; plain or gzip; local or any fsspec URL) each become one
JSONL file of the same name in OUT_DIR, in one process, a pool of `--jobs` workers, or on a Dask
cluster: the same bytes whichever runs it (timeline.engines.batch). Standard error gets a line
for each file with failed records and one summary line; the exit code is 1 when any record
failed. Ctrl-C stops everything within moments: one line, exit 130, no temporary file left.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Generator, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from timeline.cli.interrupt import report_interrupt
from timeline.cli.options import UsageProblem

if TYPE_CHECKING:
    from distributed import Client

    from timeline.engines.batch import BatchResult
    from timeline.engines.corpus import Outcome
    from timeline.ingest.readers import CorpusRecord

_ADDRESS = re.compile(r"([a-z][a-z0-9+.-]*://)?[^\s/:]+:[0-9]{1,5}", re.IGNORECASE)
LISTED_FILES = 10
"""Files with failed records named on standard error before the rest are only counted."""


def wants_folder(inputs: list[str], output: str | None, dask: str | None) -> bool:
    """Whether this run writes one file per input into a folder rather than one output.

    So it does with several INPUTs, a folder or a glob, --dask, or a single corpus whose -o is
    a folder (an existing one, or a path ending in '/').
    """
    from timeline.ingest.sources import is_corpus_name, names_several

    if dask is not None or len(inputs) > 1 or names_several(inputs[0]):
        return True
    if output is None or output == "-" or not is_corpus_name(inputs[0]):
        return False
    return output.endswith(("/", "\\")) or Path(output).is_dir()


def extract_to_folder(
    inputs: list[str],
    published: date | None,
    lang: str,
    format: str,
    output: str | None,
    encoding: str,
    jobs: int,
    dask: str | None,
    genre: str = "auto",
) -> None:
    """Check everything the user named, then run; see the module docstring."""
    from timeline.cli.extract import _input_failure
    from timeline.engines.batch import plan_outputs
    from timeline.ingest.inputs import InputError
    from timeline.ingest.sources import expand_inputs

    try:
        files = expand_inputs(inputs).files
    except InputError as exc:
        _input_failure(exc)
    if format != "jsonl":
        raise UsageProblem(
            f"--format {format}: a run writing one file per input into a folder needs "
            "--format jsonl"
        )
    if output is None or output == "-":
        raise UsageProblem(
            "several corpora (or a folder, a glob, --dask) write one file each: give -o OUT_DIR/"
        )
    if dask is not None:
        _check_address(dask)
    folder = _output_folder(output)
    try:
        result = plan_outputs(files, folder)
    except InputError as exc:
        _input_failure(exc)
    _create(folder, output)
    started = time.monotonic()
    try:
        _run(result, published, lang, encoding, jobs, dask, genre)
    except KeyboardInterrupt:
        from timeline.ingest.sources import count_records

        report_interrupt(result.records, count_records(files))
    _summarise(result, time.monotonic() - started)


def _output_folder(output: str) -> Path:
    """OUT_DIR as a local path; a usage error when it cannot be a folder."""
    if "://" in output and not output.startswith("file://"):
        raise UsageProblem(f"cannot write {output}: the output folder must be on the local disk")
    folder = Path(output.removeprefix("file://"))
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"cannot write {output}: it is a file, not a folder")
    return folder


def _create(folder: Path, output: str) -> None:
    """OUT_DIR and its parents, when missing."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageProblem(f"cannot write {output}: {exc.strerror or exc}") from None


def _check_address(address: str) -> None:
    """A usable --dask value, and the dask extra installed to use it."""
    import importlib.util

    if address != "local" and not _ADDRESS.fullmatch(address):
        raise UsageProblem(
            f"--dask {address!r}: give a scheduler address (tcp://host:8786) or 'local'"
        )
    if importlib.util.find_spec("distributed") is None:
        raise UsageProblem("--dask needs the dask extra: pip install 'timeline[dask]'")


def _run(
    result: BatchResult,
    published: date | None,
    lang: str,
    encoding: str,
    jobs: int,
    dask: str | None,
    genre: str = "auto",
) -> None:
    """Run every file through one pool or one cluster, with a progress bar on a terminal."""
    from timeline.cli.extract import _ProgressBar
    from timeline.engines.batch import run_batch

    sizes = [entry.file.size for entry in result.files]
    total = None if None in sizes else sum(size or 0 for size in sizes)
    with _ProgressBar(total) as (advance, start):
        if dask is None:
            from timeline.engines.corpus import process_records

            def local(records: Iterable[CorpusRecord]) -> Generator[Outcome, None, None]:
                # The bar's thread starts once the pool has forked its workers.
                return process_records(
                    records, published, lang, "jsonl", jobs, on_start=start, genre=genre
                )

            run_batch(result, local, encoding, advance)
            return
        from timeline.engines.dask import DaskRunError, dask_outcomes

        with _cluster(dask, jobs) as client:
            if start is not None:
                start()

            def on_cluster(records: Iterable[CorpusRecord]) -> Generator[Outcome, None, None]:
                return dask_outcomes(client, records, published, lang, genre)

            try:
                run_batch(result, on_cluster, encoding, advance)
            except DaskRunError as exc:
                typer.echo(f"timeline: error: {exc}", err=True)
                raise typer.Exit(1) from None


@contextlib.contextmanager
def _cluster(address: str, jobs: int) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a LocalCluster ('local') of `jobs` workers."""
    from timeline.engines.dask import dask_client

    with contextlib.ExitStack() as stack:
        try:
            client = stack.enter_context(dask_client(address, jobs))
        except (OSError, TimeoutError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if address == "local":
                raise UsageProblem(f"could not start a local Dask cluster: {reason}") from None
            raise UsageProblem(f"cannot reach the Dask scheduler at {address}: {reason}") from None
        yield client


def _summarise(result: BatchResult, seconds: float) -> None:
    """A line per file with failed records (the first few), then the summary; exit 1 on errors."""
    failing = [entry for entry in result.files if entry.failed]
    for entry in failing[:LISTED_FILES]:
        lines = ", ".join(str(n) for n in entry.failed[:10]) + (
            " ..." if len(entry.failed) > 10 else ""
        )
        typer.echo(
            f"timeline: {entry.file.location}: {len(entry.failed)} of {entry.records} record(s) "
            f"failed (lines {lines}); see the error entries in {entry.output}",
            err=True,
        )
    if len(failing) > LISTED_FILES:
        typer.echo(
            f"timeline: ... and {len(failing) - LISTED_FILES} more files with failed records",
            err=True,
        )
    typer.echo(
        f"timeline: {result.records} records, {result.ok} ok, {result.errors} errors, "
        f"{seconds:.1f} s",
        err=True,
    )
    if result.errors:
        raise typer.Exit(1)
