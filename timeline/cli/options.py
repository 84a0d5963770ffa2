"""What every command shares: option types, usage errors, and the checks of dates and languages.

The command modules import this, never `timeline.cli.app`, so that the app can import them to
register them without an import cycle.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, NoReturn

import typer

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2


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
GenreOption = Annotated[
    str,
    typer.Option(
        "--genre",
        "-g",
        help="news, narrative (history, biography: times count from the story's own), social "
        "(posts: 'tmrw', '#MondayMotivation') or auto (decide from the text).",
    ),
]


class UsageProblem(Exception):
    """A usage error detected by our own validation; printed as one line, exit 2."""


def fail(message: str, code: int) -> NoReturn:
    typer.echo(f"timeline: error: {message}", err=True)
    raise typer.Exit(code)


def parse_published(value: str | None, required: bool = True) -> date | None:
    """--published as a date, by the same rule as the API (timeline.ingest.published)."""
    from timeline.ingest.published import BadPublicationDate, publication_date

    if value is None:
        if required:
            raise UsageProblem("--published YYYY-MM-DD is required (the tool never assumes today)")
        return None
    try:
        return publication_date(value, "--published")
    except BadPublicationDate as exc:
        raise UsageProblem(str(exc)) from None


def check_language(lang: str) -> str:
    from timeline.languages import language_codes

    try:
        language_codes(lang)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None
    return lang


def check_genre(genre: str) -> str:
    """A genre's name or 'auto'; anything else is a usage error naming the choices."""
    from timeline.discourse.genres import AUTO, UnknownGenre, genre_named

    if genre != AUTO:
        try:
            genre_named(genre)
        except UnknownGenre as exc:
            raise UsageProblem(str(exc)) from None
    return genre
