"""The `timeline` command line: a thin typer app (app.py) over the public API, one module per
command that needs more than a few lines (extract, plot, evaluate), and the options they share."""

from timeline.cli.app import main

__all__ = ["main"]
