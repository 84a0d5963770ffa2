"""What every command shares: option types, usage errors, and the checks of dates and languages.

The command modules import this, never `timeline.cli.app`, so that the app can import them to
register them without an import cycle.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, NoReturn

import typer

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        "-p",
        help="Publication date (YYYY-MM-DD): the reference every relative expression counts from.",
    ),
]
LangOption = Annotated[
    str,
    typer.Option("--lang", "-l", help="Language code (id, en, ...) or 'auto' to try them all."),
]


class UsageProblem(Exception):
    """A usage error detected by our own validation; printed as one line, exit 2."""


def fail(message: str, code: int) -> NoReturn:
    typer.echo(f"timeline: error: {message}", err=True)
    raise typer.Exit(code)


def parse_published(value: str | None, required: bool = True) -> date | None:
    if value is None:
        if required:
            raise UsageProblem("--published YYYY-MM-DD is required (the tool never assumes today)")
        return None
    if not _ISO_DATE.fullmatch(value.strip()):
        raise UsageProblem(f"invalid --published {value!r}: expected YYYY-MM-DD")
    try:
        published = date.fromisoformat(value.strip())
    except ValueError:
        raise UsageProblem(f"invalid --published {value!r}: no such date") from None
    if published == date.max:
        raise UsageProblem(f"invalid --published {value!r}: the last date allowed is 9999-12-30")
    return published


def check_language(lang: str) -> str:
    from timeline.pipeline.phrase import language_codes

    try:
        language_codes(lang)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None
    return lang
