"""Many corpus files in, one JSONL file per input out, through any record engine.

The engine is whatever turns records into outcomes in input order: `process_records` (this
process or a pool of workers, timeline.engines.corpus) or `dask_outcomes` (a Dask cluster,
timeline.engines.dask). All files are read as one stream of records, so a pool or a cluster is
started once and kept busy across file boundaries; each outcome is routed back to its file by
position, since the engine keeps input order. That is also why the output does not depend on
the engine: the same bytes with one process, a pool, or a cluster.

Each output file is written atomically (timeline.render.atomic): complete, or absent. A file
that cannot be read to its end (a truncated gzip, a network error) gets an error entry where
reading stopped, like a bad record, and the run goes on with the next file.
"""

from __future__ import annotations

import contextlib
import gzip
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from timeline.engines.corpus import Outcome
from timeline.ingest.inputs import InputUsageError
from timeline.ingest.readers import CorpusRecord, read_jsonl
from timeline.ingest.sources import CorpusFile, open_corpus_file
from timeline.render.atomic import atomic_writer

Engine = Callable[[Iterable[CorpusRecord]], Generator[Outcome, None, None]]
"""Records in, their outcomes out, one for one and in the same order."""

GZIP_LEVEL = 6
"""zlib's default: about as small as 9 for text, several times faster."""


@dataclass
class FileResult:
    """One input file, its output file, and what became of its records so far."""

    file: CorpusFile
    output: Path
    records: int = 0
    failed: list[int] = field(default_factory=list)
    """Line numbers of the records that became error entries."""
    done: bool = False
    """The output file is complete and in place."""


@dataclass
class BatchResult:
    """The files of a run; filled in as it goes, so an interrupted run can still be counted."""

    files: list[FileResult]

    @property
    def records(self) -> int:
        return sum(result.records for result in self.files)

    @property
    def errors(self) -> int:
        return sum(len(result.failed) for result in self.files)

    @property
    def ok(self) -> int:
        return self.records - self.errors


def plan_outputs(files: Sequence[CorpusFile], folder: Path) -> BatchResult:
    """Each input's output path in `folder`: the same file name (and so the same compression).

    Two inputs with the same name would overwrite each other, and an output that is its own
    input would destroy it: both are usage errors before anything is written.
    """
    by_name: dict[str, CorpusFile] = {}
    results = []
    for file in files:
        output = folder / file.name
        first = by_name.setdefault(file.name, file)
        if first.location == file.location and first is not file:
            raise InputUsageError(f"{file.location} is given twice")
        if first is not file:
            raise InputUsageError(
                f"{first.location} and {file.location} would both be written to {output}; "
                "inputs written to one folder need different file names"
            )
        if not file.remote and _same_file(output, Path(file.location)):
            raise InputUsageError(
                f"{output} would overwrite its own input; choose another output folder"
            )
        results.append(FileResult(file, output))
    return BatchResult(results)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def run_batch(
    result: BatchResult,
    engine: Engine,
    encoding: str,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Extract every file of `result` into its output file, in order; counts go into `result`.

    On any exception (an interrupt included) the output being written is removed and the
    engine is closed before the exception goes on; outputs already complete stay.
    """
    files = [entry.file for entry in result.files]
    owners: deque[int] = deque()  # the file of each record read and not yet written
    outcomes = engine(_records(files, encoding, owners))
    current: _Output | None = None
    next_file = 0
    try:
        for outcome in outcomes:
            index = owners.popleft()
            if current is None or current.index != index:
                if current is not None:
                    current.commit()
                    result.files[current.index].done = True
                for empty in range(next_file, index):  # files with no record at all
                    _Output(empty, result.files[empty].output).commit()
                    result.files[empty].done = True
                current = _Output(index, result.files[index].output)
                next_file = index + 1
            current.write(outcome.text)
            entry = result.files[index]
            entry.records += 1
            if not outcome.ok:
                entry.failed.append(outcome.line)
            if progress is not None:
                progress(outcome.size)
        if current is not None:
            current.commit()
            result.files[current.index].done = True
        for empty in range(next_file, len(files)):
            _Output(empty, result.files[empty].output).commit()
            result.files[empty].done = True
    except BaseException as exc:
        if current is not None:
            current.abort(exc)
        raise
    finally:
        outcomes.close()  # stop the workers now, whatever happened


def _records(
    files: Sequence[CorpusFile], encoding: str, owners: deque[int]
) -> Iterator[CorpusRecord]:
    """Every record of every file in order; `owners` gets each record's file index."""
    for index, file in enumerate(files):
        last = 0
        try:
            with open_corpus_file(file) as stream:
                for record in read_jsonl(file.location, encoding, stream):
                    last = record.line
                    owners.append(index)
                    yield record
        except Exception as exc:  # any read failure becomes the file's last entry
            owners.append(index)
            yield CorpusRecord(last + 1, None, error=_read_failure(file, last, exc))


def _read_failure(file: CorpusFile, last: int, exc: Exception) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    where = f"after line {last}" if last else "at all"
    return f"cannot read {file.name} {where}: {reason or type(exc).__name__}"


class _Output:
    """One output file being written: a temporary file until `commit` renames it in place."""

    def __init__(self, index: int, path: Path) -> None:
        self.index = index
        self._stack = contextlib.ExitStack()
        try:
            raw: IO[bytes] = self._stack.enter_context(atomic_writer(path, binary=True))
            self._write: Callable[[bytes], object] = raw.write
            if path.name.lower().endswith(".gz"):
                # No name and no time in the header: the same records give the same bytes.
                compressed = gzip.GzipFile(
                    filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=GZIP_LEVEL
                )
                self._stack.callback(compressed.close)  # before the file is renamed in place
                self._write = compressed.write
        except BaseException as exc:  # an interrupt right here must not leave the temporary file
            self.abort(exc)
            raise

    def write(self, text: str) -> None:
        self._write(text.encode("utf-8") + b"\n")

    def commit(self) -> None:
        self._stack.close()

    def abort(self, exc: BaseException) -> None:
        traceback: TracebackType | None = exc.__traceback__
        self._stack.__exit__(type(exc), exc, traceback)
