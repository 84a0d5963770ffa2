"""What every command shares: option types, usage errors, and the checks of dates and languages.

The command modules import this, never `timeline.cli.app`, so that the app can import them to
register them without an import cycle.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2


PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        "-p",
        metavar="DATE",
        help="Publication date (YYYY-MM-DD): the reference every relative expression counts from.",
    ),
]
LangOption = Annotated[
    str,
    typer.Option(
        "--lang",
        "-l",
        metavar="LANG",
        help="Language code (id, en, ...) or 'auto'. A phrase under auto is tried in every "
        "language; a document's language is detected, and a document's sentences in another "
        "language are read with that language's rules as well (a warning names them).",
    ),
]
OUTPUT_FORMATS = ("text", "json")
FormatOption = Annotated[
    str,
    typer.Option("--format", "-f", metavar="FORMAT", help="text or json."),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print exactly one JSON object (the same as -f json).")
]


def output_format(format: str, as_json: bool) -> str:
    """The format asked for with `--format` or its shorthand `--json` (both spellings work on
    every command that prints a report, so a user need not remember which one takes which)."""
    if format not in OUTPUT_FORMATS:
        raise UsageProblem(f"unknown --format {format!r}; choose text or json")
    return "json" if as_json else format


class Command(TyperCommand):
    """typer's command with a plain usage line: arguments by their upper-case names only.

    typer (0.29) prints a required argument as `{PHRASE}` and adds its Python type to the help
    (`PHRASE <str>`, `GOLD... <list[str]>`); a user reads neither. Options name their values by
    their metavars (DATE, LANG, FILE) for the same reason.
    """

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_argument_name(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), record[1]))
            else:
                options.append(record)
        for heading, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(heading):
                    formatter.write_dl(rows)


def _argument_name(param: Any) -> str:
    name = str(param.metavar or param.name).upper()
    name = name if param.required else f"[{name}]"
    return name + ("..." if param.nargs != 1 else "")


def examples(*lines: str) -> str:
    """A help epilog that lists example command lines as written (click rewraps a paragraph
    unless it starts with a line holding only \\b)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


GenreOption = Annotated[
    str,
    typer.Option(
        "--genre",
        "-g",
        metavar="GENRE",
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
