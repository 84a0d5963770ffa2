"""The `timeline` command: a thin layer that parses arguments, calls the API and prints.

Exit codes: 0 success; 1 nothing found, a failed check or bad input data; 2 usage errors
(bad option values, unknown language, missing files). Errors are one line on stderr, never a
traceback. Heavy modules (matplotlib) are imported inside the commands that need them so that
`timeline resolve` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from timeline.cli.interrupt import EXIT_INTERRUPTED, one_interrupt, unreported_interrupt
from timeline.cli.options import (
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    Command,
    FormatOption,
    GenreOption,
    JsonOption,
    LangOption,
    UsageProblem,
    check_genre,
    check_language,
    examples,
    fail,
    output_format,
    parse_published,
)

if TYPE_CHECKING:
    from timeline.models.document import ResolvedTime

app = typer.Typer(
    name="timeline",
    help="Turn news text into a chronological timeline: find temporal expressions, resolve "
    "them against the publication date, and plot or export the events.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if not value:
        return
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        typer.echo(f"timeline {installed('timeline')}")
    except PackageNotFoundError:
        typer.echo("timeline (not installed)")
    raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    """Turn news text into a chronological timeline: find temporal expressions, resolve them
    against the publication date, and plot or export the events."""


@app.command(
    cls=Command,
    short_help="Resolve one phrase against a publication date.",
    epilog=examples(
        'timeline resolve "tiga minggu lalu" -p 2024-06-21',
        'timeline resolve "a few days ago" -p 2024-06-21 --json',
    ),
)
def resolve(
    phrase: Annotated[
        str, typer.Argument(metavar="PHRASE", help="The phrase to resolve, e.g. 'awal bulan ini'.")
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            metavar="DATE",
            # required, but checked by us: our message says why no default date exists
            help="Publication date (YYYY-MM-DD): the reference relative times count from.  "
            "[required]",
        ),
    ] = None,
    lang: LangOption = "auto",
    genre: GenreOption = "auto",
    format: FormatOption = "text",
    as_json: JsonOption = False,
) -> None:
    """Resolve one temporal phrase against a publication date (the longest expression in it).

    --genre picks the words read: social adds the words of posts ('tmrw', 'sat nite'); auto
    takes them when the phrase has the marks of a post. Exit 1 when the phrase holds no
    temporal expression.
    """
    from timeline.pipeline.phrase import phrase_profiles, resolve_phrase

    fmt = output_format(format, as_json)
    reference = parse_published(published)
    assert reference is not None  # required: a missing date is a usage error
    check_language(lang)
    check_genre(genre)
    result = resolve_phrase(phrase, reference, lang, phrase_profiles(phrase, genre, lang))
    if result is None:
        fail(f"no temporal expression found in {phrase!r}", EXIT_NOT_FOUND)
    if fmt == "json":
        typer.echo(result.model_dump_json())
        return
    typer.echo(format_resolution(result))


def format_resolution(r: ResolvedTime) -> str:
    """The resolution as `timeline resolve` prints it, one field a line."""
    mod = f", mod {r.mod}" if r.mod else ""
    lines = [
        f"{r.text!r} ({r.lang})",
        f"  value        {r.value}  ({r.type}{mod})",
    ]
    if r.start:
        lines.append(f"  interval     [{r.start}, {r.end})")
    else:
        lines.append("  interval     none (an unanchored duration, a set, or a vague reference)")
    lines += [
        f"  granularity  {r.granularity or '-'}",
        f"  approximate  {'yes' if r.approximate else 'no'}",
        f"  anchor       {r.anchor or _no_anchor(r)}",
        f"  rule         {r.rule}  (in the language file {r.lang}.toml)",
    ]
    lines += [f"  warning      {w}" for w in r.warnings]
    return "\n".join(lines)


def _no_anchor(r: ResolvedTime) -> str:
    if r.start is None:
        return "none (not tied to a date)"
    return "none: the text gives the date itself"


@app.command(
    cls=Command,
    short_help="Run a file of resolution cases: failures and 'N passed, N failed'.",
    epilog=examples(
        "timeline check fixtures/cases/boundaries.tsv",
        "timeline check mine.tsv --level core",
    ),
)
def check(
    cases: Annotated[
        Path,
        typer.Argument(
            metavar="CASES",
            help="A tab-separated file, one case a line, with the columns lang, ref, phrase, "
            "type, value, mod, start, end, level, note ('-' for null, '#' starts a comment; "
            "docs/cli.md).",
        ),
    ],
    level: Annotated[
        str | None,
        typer.Option("--level", metavar="LEVEL", help="Only rows of this level (core, stretch)."),
    ] = None,
) -> None:
    """Run a cases file: print each failure (expected vs got) and 'N passed, N failed'.

    Exit 1 when a case fails or the file holds none.
    """
    from timeline.evaluation.cases import CasesError, read_cases, run_case

    passed = failed = 0
    levels: set[str] = set()
    try:
        for case in read_cases(cases):
            levels.add(case.level)
            if level is not None and case.level != level:
                continue
            outcome = run_case(case)
            if outcome.passed:
                passed += 1
                continue
            failed += 1
            typer.echo(f"FAIL line {case.line} [{case.lang}] {case.phrase!r}: {outcome.message}")
    except CasesError as exc:
        raise UsageProblem(str(exc)) from None
    if level is not None and level not in levels:
        known = ", ".join(sorted(levels)) or "none"
        raise UsageProblem(f"no rows of level {level!r} in {cases} (its levels: {known})")
    typer.echo(f"{passed} passed, {failed} failed")
    if failed:
        raise typer.Exit(1)
    if not passed:
        typer.echo(f"timeline: error: {cases} holds no cases", err=True)
        raise typer.Exit(1)


def _register_commands() -> None:
    """Each command that lives in its own module exposes `register(app)`."""
    from timeline.cli import evaluate, extract, plot, story

    for module in (extract, evaluate, plot, story):
        module.register(app)


_register_commands()


def main() -> None:
    """Entry point: run the app, turning every usage error into one line and exit code 2."""
    command = typer.main.get_command(app)
    arguments = sys.argv[1:] or ["--help"]  # bare `timeline`: the help, on stdout, exit 0
    try:
        with one_interrupt():
            code = command.main(args=arguments, prog_name="timeline", standalone_mode=False)
    except UsageProblem as exc:
        typer.echo(f"timeline: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("timeline: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as exc:
        # Click's errors (vendored inside typer in recent releases) carry their own message
        # and exit code; anything else is a bug and keeps its traceback.
        if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
            raise
        typer.echo(f"timeline: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    if code == EXIT_INTERRUPTED and unreported_interrupt():  # typer turns Ctrl-C into 130
        typer.echo("timeline: interrupted", err=True)
    sys.exit(code if isinstance(code, int) else 0)
