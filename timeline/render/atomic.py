"""Atomic output files: a temporary file in the target's folder, then a rename.

An interrupted run never leaves a half-written file at the target path, and an existing file
is replaced only once the new one is complete.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class OutputError(OSError):
    """The output path cannot be written; the message names it and says why."""


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], binary: bool = False) -> Iterator[IO]:
    """Open a temporary file next to `path`; on success it replaces `path` in one rename."""
    target = Path(path)
    if _is_special(target):
        # A device, a pipe or a terminal (/dev/stdout, a FIFO): it cannot be renamed onto,
        # and replacing it would be wrong; it has no partial state to protect either.
        yield from _direct(target, binary)
        return
    if target.is_symlink():
        # Replace the file the link points to, not the link itself (a rename would).
        target = target.resolve()
    folder = target.parent if str(target.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot write {path}: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with os.fdopen(handle, mode, encoding=encoding, newline=None if binary else "\n") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        # Keep an existing file's permissions; a new file gets the usual rw-r--r--.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _is_special(target: Path) -> bool:
    """An existing path (after symlinks) that is neither a regular file nor a folder."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _direct(target: Path, binary: bool) -> Iterator[IO]:
    """Write straight to a device or pipe (see atomic_writer)."""
    try:
        out = target.open("wb" if binary else "w", encoding=None if binary else "utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    with out:
        yield out


def write_text(path: str | os.PathLike[str], text: str) -> None:
    with atomic_writer(path) as out:
        out.write(text)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_writer(path, binary=True) as out:
        out.write(data)
