"""The `timeline` command line: a thin typer app (app.py) over the public API, one module per
command that needs more than a few lines (extract, plot, evaluate), and the options they share."""

from __future__ import annotations

import contextlib
import signal
import sys
from types import FrameType

__all__ = ["main"]


def main() -> None:
    """The console entry point. A Ctrl-C while the command's modules are still loading (the
    first few tenths of a second) ends quietly with one line and exit code 130, instead of a
    traceback from the middle of an import; app.main then takes over (timeline.cli.interrupt)."""
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGINT, _interrupted_while_starting)
    from timeline.cli.app import main as run

    run()


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stderr.write("timeline: interrupted\n")
    raise SystemExit(130)
