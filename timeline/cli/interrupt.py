"""Ctrl-C: one line, exit code 130, nothing half-written and no worker left behind.

A terminal sends SIGINT to the whole process group. Worker processes ignore it (see
timeline.engines.corpus and timeline.engines.dask): the parent alone decides, stops them and
removes its temporary output file while the KeyboardInterrupt unwinds. The first SIGINT raises
KeyboardInterrupt as usual; from then on SIGINT is ignored, so a second Ctrl-C (an impatient
user) cannot cut that cleanup short and leave a temporary file or a stray worker behind.

A command that knows how far it got says so (`report_interrupt`: "interrupted after N of M
records"); otherwise `timeline.cli.app.main` prints "timeline: interrupted".
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import NoReturn

import typer

EXIT_INTERRUPTED = 130
_state = {"interrupted": False, "reported": False}


@contextlib.contextmanager
def one_interrupt() -> Iterator[None]:
    """Within the block, the first SIGINT raises KeyboardInterrupt and later ones are ignored.

    The previous handler comes back when the block ends without an interrupt; after one, SIGINT
    stays ignored until the process exits, which it is about to do.
    """
    _state.update(interrupted=False, reported=False)
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers; leave them alone
        return
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, _first_interrupt)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGINT) is _first_interrupt:  # no interrupt came
            signal.signal(signal.SIGINT, previous)


def _first_interrupt(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _state["interrupted"] = True
    raise KeyboardInterrupt


def unreported_interrupt() -> bool:
    """A Ctrl-C came and no command has said how far it got."""
    return _state["interrupted"] and not _state["reported"]


def report_interrupt(done: int, total: int | None) -> NoReturn:
    """The one line the user sees, then exit 130 (128 + SIGINT, what shells expect)."""
    _state["reported"] = True
    shown = "?" if total is None else str(total)
    typer.echo(f"timeline: interrupted after {done} of {shown} records", err=True)
    raise typer.Exit(EXIT_INTERRUPTED)
