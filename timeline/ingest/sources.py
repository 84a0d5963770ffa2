"""The corpus files that `timeline extract`'s INPUT arguments name, and how to open each one.

An INPUT is a JSONL corpus (plain, or gzip when its name ends in `.gz`), a folder of them, or a
glob pattern; on the local disk, or on any filesystem fsspec knows, written as a URL
(`memory://`, `file://`, `s3://` with s3fs installed, ...). Everything is expanded before any
work starts, so whatever is wrong with what the user named (no such file, a folder or a glob
with no corpus in it, a filesystem whose package is missing) is a usage error up front, not a
surprise an hour into a run. Local paths never import fsspec: the core install stays light.

A folder gives the corpus files directly inside it and a glob the corpus files among its
matches (`**` reaches into subfolders), each sorted by name so runs are reproducible. Hidden
files (a leading '.') are left out, as a shell's glob does: that is where temporary files live.
"""

from __future__ import annotations

import glob
import gzip
import os
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from timeline.ingest.inputs import InputUsageError
from timeline.ingest.readers import JSONL_SUFFIXES, open_corpus

GZIP_SUFFIX = ".gz"
GLOB_CHARACTERS = frozenset("*?[")
CORPUS_KINDS = ".jsonl, .ndjson, .jsonl.gz or .ndjson.gz"
COUNT_BUDGET_SECONDS = 2.0
"""How long counting a corpus's records may take when an interrupt asks for the total."""


@dataclass(frozen=True)
class CorpusFile:
    """One corpus file to read: where it is, and how the user sees it named."""

    location: str
    """A local path, or a URL that fsspec opens."""
    remote: bool
    """True when `location` is a URL (read through fsspec)."""

    @property
    def name(self) -> str:
        """The file name: its output file in a folder has the same name (and compression)."""
        return PurePosixPath(self.location.split("://", 1)[-1]).name

    @property
    def gzip(self) -> bool:
        return self.name.lower().endswith(GZIP_SUFFIX)

    @property
    def size(self) -> int | None:
        """Bytes of uncompressed text, when cheap to know (progress); None otherwise."""
        if self.remote or self.gzip:
            return None
        try:
            return os.stat(self.location).st_size
        except OSError:
            return None


@dataclass(frozen=True)
class Expansion:
    """The corpus files, and whether the INPUTs asked for one output file per corpus."""

    files: list[CorpusFile]
    several: bool
    """More than one INPUT, or a folder or a glob (whatever it matched)."""


def is_corpus_name(name: str) -> bool:
    """A JSONL corpus by its name: .jsonl or .ndjson, optionally gzip-compressed (.gz)."""
    lower = name.lower()
    if lower.endswith(GZIP_SUFFIX):
        lower = lower[: -len(GZIP_SUFFIX)]
    return lower.endswith(JSONL_SUFFIXES)


def is_url(argument: str) -> bool:
    """A URL for fsspec (`scheme://...`), as opposed to a local path."""
    scheme, separator, _ = argument.partition("://")
    return bool(separator) and scheme.replace("+", "").replace("-", "").isalnum()


def is_glob(argument: str) -> bool:
    return any(character in GLOB_CHARACTERS for character in argument)


def names_several(argument: str) -> bool:
    """Whether one INPUT stands for a set of files (a folder or a glob), not one file.

    Decided without listing anything remote: a URL counts as several when it is a glob or its
    name is not a corpus file's; `expand_inputs` settles the rest.
    """
    if argument == "-":
        return False
    if is_url(argument):  # a folder at a URL: one whose name is no corpus's
        return is_glob(argument) or not is_corpus_name(PurePosixPath(argument).name)
    if Path(argument).exists():
        return Path(argument).is_dir()
    return is_glob(argument)


def expand_inputs(arguments: Sequence[str]) -> Expansion:
    """The corpus files the arguments name, in the order given (a folder's or glob's sorted).

    Raises InputUsageError (exit 2) with one line for anything that cannot be a corpus input.
    """
    files: list[CorpusFile] = []
    several = len(arguments) > 1
    for argument in arguments:
        if argument == "-":
            raise InputUsageError(
                "standard input ('-') is one corpus on its own; it cannot be combined with "
                "other inputs or written to a folder"
            )
        found, many = _expand_url(argument) if is_url(argument) else _expand_local(argument)
        files.extend(found)
        several = several or many
    return Expansion(files, several)


def _expand_local(argument: str) -> tuple[list[CorpusFile], bool]:
    path = Path(argument)
    if path.is_dir():
        names = sorted(entry.name for entry in path.iterdir() if entry.is_file())
        found = [str(path / name) for name in names if _wanted(name)]
        if not found:
            raise InputUsageError(f"{argument} is a directory with no {CORPUS_KINDS} file in it")
        return [CorpusFile(location, remote=False) for location in found], True
    if path.exists():
        if not is_corpus_name(path.name):
            raise InputUsageError(
                f"{argument} is not a JSONL corpus ({CORPUS_KINDS}); several inputs, a folder "
                "or a glob must all be corpora"
            )
        return [CorpusFile(argument, remote=False)], False
    if is_glob(argument):
        matches = sorted(glob.glob(argument, recursive=True))
        found = [m for m in matches if os.path.isfile(m) and _wanted(os.path.basename(m))]
        if not found:
            what = "no file" if not matches else f"no {CORPUS_KINDS} file"
            raise InputUsageError(f"{what} matches {argument!r}")
        return [CorpusFile(location, remote=False) for location in found], True
    raise InputUsageError(f"no such file: {argument}")


def _wanted(name: str) -> bool:
    return is_corpus_name(name) and not name.startswith(".")


def _expand_url(argument: str) -> tuple[list[CorpusFile], bool]:
    filesystem, path = _filesystem(argument)
    try:
        if is_glob(path):
            matches = sorted(filesystem.glob(path))
            found = [m for m in matches if _wanted(PurePosixPath(m).name) and filesystem.isfile(m)]
            if not found:
                what = "no file" if not matches else f"no {CORPUS_KINDS} file"
                raise InputUsageError(f"{what} matches {argument!r}")
            many = True
        elif filesystem.isdir(path):
            entries = filesystem.ls(path, detail=True)
            names = sorted(e["name"] for e in entries if e.get("type") == "file")
            found = [name for name in names if _wanted(PurePosixPath(name).name)]
            if not found:
                raise InputUsageError(
                    f"{argument} is a directory with no {CORPUS_KINDS} file in it"
                )
            many = True
        elif filesystem.isfile(path):
            if not is_corpus_name(PurePosixPath(path).name):
                raise InputUsageError(
                    f"{argument} is not a JSONL corpus ({CORPUS_KINDS}); only corpora are read "
                    "from URLs"
                )
            return [CorpusFile(argument, remote=True)], False
        else:
            raise InputUsageError(f"no such file: {argument}")
    except InputUsageError:
        raise
    except Exception as exc:  # a filesystem's own errors: permissions, network, credentials
        raise InputUsageError(f"cannot list {argument}: {_reason(exc)}") from None
    return [CorpusFile(filesystem.unstrip_protocol(name), remote=True) for name in found], many


def _filesystem(argument: str) -> tuple[Any, str]:
    """The fsspec filesystem of a URL; a missing package or protocol is a usage error."""
    try:
        import fsspec.core  # type: ignore[import-untyped]
    except ImportError:
        raise InputUsageError(
            f"reading {argument} needs fsspec: pip install 'timeline[dask]'"
        ) from None
    try:
        return fsspec.core.url_to_fs(argument)
    except ImportError as exc:  # fsspec knows the protocol, its package is not installed
        raise InputUsageError(f"cannot read {argument}: {exc}") from None
    except ValueError as exc:
        raise InputUsageError(f"cannot read {argument}: {exc}") from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def open_corpus_file(file: CorpusFile) -> BinaryIO:
    """The file's bytes as a stream, decompressed when its name ends in .gz."""
    if file.remote:
        import fsspec

        opened = fsspec.open(file.location, "rb", compression="gzip" if file.gzip else None)
        return opened.open()
    if file.gzip:
        return gzip.open(file.location, "rb")  # type: ignore[return-value]
    return open(file.location, "rb")


def count_records(files: Sequence[CorpusFile]) -> int | None:
    """How many records (non-blank lines) the files hold, or None when that is not quick to
    learn (a remote file, a read error, or more than COUNT_BUDGET_SECONDS of counting)."""
    deadline = time.monotonic() + COUNT_BUDGET_SECONDS
    total = 0
    for file in files:
        if file.remote:
            return None
        try:
            with open_corpus_file(file) as stream:
                for number, raw in enumerate(stream):
                    if raw.strip():
                        total += 1
                    if number % 65536 == 0 and time.monotonic() > deadline:
                        return None
        except (OSError, EOFError, ValueError, zlib.error):
            return None
    return total


def open_single(source: str) -> tuple[BinaryIO, int | None]:
    """One corpus given alone: standard input ('-'), a local file, gzip or not, or a URL; with
    its size in bytes when that is what the progress bar counts (plain local files)."""
    if source == "-" or not (is_url(source) or source.lower().endswith(GZIP_SUFFIX)):
        return open_corpus(source)
    files, several = _expand_url(source) if is_url(source) else _expand_local(source)
    if several:
        raise InputUsageError(f"{source} holds several corpora: give --format jsonl -o OUT_DIR/")
    file = files[0]
    try:
        return open_corpus_file(file), None
    except Exception as exc:
        raise InputUsageError(f"cannot read {source}: {_reason(exc)}") from None


def count_single(source: str) -> int | None:
    """The records of one corpus (None for standard input), for an interrupt's message."""
    if source == "-":
        return None
    return count_records([CorpusFile(source, remote=is_url(source))])
