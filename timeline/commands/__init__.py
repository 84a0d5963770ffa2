"""Subcommands that live in their own modules; each exposes `register(app)`.

cli.py registers every module listed in COMMAND_MODULES, so a new command is a new module here.
"""

COMMAND_MODULES: tuple[str, ...] = ("extract", "evaluate", "plot")
