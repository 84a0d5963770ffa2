"""Bytes to text: what every input shares (decoding, the one-line input errors, the Article).

Every problem becomes an InputError with one line that says what was expected, so the CLI can
print it without a traceback. Its `exit_code` says whose problem it is: 2 (InputUsageError) when
the command line names something that cannot be read at all (a missing file, a folder, a missing
optional extra, no publication date), 1 when the content itself is unusable (binary data, the
wrong encoding). The readers of text, HTML and JSONL (readers.py, html.py) all build on it.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from timeline.models.kinds import PublishedSource

DEFAULT_ENCODING = "utf-8"


class InputError(ValueError):
    """Input whose content cannot be used; the message is one line naming the input and why."""

    exit_code = 1


class InputUsageError(InputError):
    """The command line names an input that cannot be read at all: a usage error (exit 2)."""

    exit_code = 2


@dataclass(frozen=True)
class Article:
    """One document read from a file or standard input, with what its markup told about it.

    `published` and `published_source` are set only when the input itself carries a date
    (an HTML page's metadata or byline; `published_evidence` holds the byline's words, e.g.
    "Senin, 18 Maret 2024 | 09:15 WIB"); `lang` only when it names its language in a way we
    trust.
    """

    text: str
    title: str | None
    source: str  # the path as given, or '-'
    published: date | None = None
    published_source: PublishedSource | None = None
    published_evidence: str | None = None
    lang: str | None = None
    kind: Literal["text", "html"] = "text"

    @property
    def doc_id(self) -> str:
        """The document id printed in the output: the file name, or 'stdin'."""
        return "stdin" if self.source == "-" else Path(self.source).name


def display_name(source: str) -> str:
    return "standard input" if source == "-" else source


def read_bytes(source: str) -> bytes:
    """All bytes of a file or of standard input ('-'); path problems are usage errors."""
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if path.is_dir():
        raise InputUsageError(f"{source} is a directory; give a file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(source, exc) from None


def unreadable(source: str, error: OSError) -> InputUsageError:
    """The one-line error for a file that cannot be opened."""
    if isinstance(error, FileNotFoundError):
        return InputUsageError(f"no such file: {source}")
    if isinstance(error, PermissionError):
        return InputUsageError(f"cannot read {source}: permission denied")
    return InputUsageError(f"cannot read {source}: {error.strerror or error}")


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; an unknown encoding is a usage error."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputUsageError(f"unknown encoding {encoding!r}") from None


def decode(data: bytes, encoding: str, name: str) -> str:
    """Decode a whole input, refusing binary data with a message that says what was expected.

    A UTF-8 byte order mark is dropped (it is not part of the text, and would shift the title).
    """
    codec = check_encoding(encoding)
    if codec != "utf-16" and data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise InputError(f"{name} looks like UTF-16 text, not {encoding}; pass --encoding utf-16")
    if not codec.startswith("utf-16") and not codec.startswith("utf-32") and b"\x00" in data[:8192]:
        raise InputError(f"{name} looks binary, not {encoding} text")
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not valid {encoding} (byte {exc.start}); pass --encoding, e.g. latin-1"
        ) from None
