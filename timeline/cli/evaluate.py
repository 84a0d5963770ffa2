"""`timeline eval`: score the extractor against gold annotations (TimeML or our JSON format)."""

from __future__ import annotations

from typing import Annotated

import typer

from timeline.cli.options import (
    EXIT_NOT_FOUND,
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
)


def register(app: typer.Typer) -> None:
    app.command(
        "eval",
        cls=Command,
        short_help="Score extraction against gold annotations (TempEval-3).",
        epilog=examples(
            "timeline eval ../shared/corpora/timebank",
            "timeline eval mine.json --lang id --json",
        ),
    )(eval_command)


def eval_command(
    gold: Annotated[
        list[str],
        typer.Argument(
            metavar="GOLD",
            help="Gold files (.tml, .json) or folders searched recursively for them.",
        ),
    ],
    lang: LangOption = "auto",
    genre: GenreOption = "auto",
    format: FormatOption = "text",
    as_json: JsonOption = False,
    show_errors: Annotated[
        int,
        typer.Option(
            "--show-errors",
            metavar="N",
            help="How many of the most frequent error classes of each kind.",
        ),
    ] = 10,
) -> None:
    """Score extraction with the TempEval-3 measures and list the most frequent errors.

    Under --lang auto a JSON document's own "lang" is used, else the language is detected;
    an explicit --lang applies to every document. --genre reads every document as news, a
    narrative or a social post; auto (the default) decides document by document.
    """
    from functools import partial

    from timeline.evaluation.gold import GoldError, GoldPathError, read_gold
    from timeline.evaluation.timexes import evaluate, timeline_system
    from timeline.languages import language_codes

    fmt = output_format(format, as_json)
    check_language(lang)
    check_genre(genre)
    if show_errors < 0:
        raise UsageProblem(f"invalid --show-errors {show_errors}: give 0 or more")
    try:
        documents = list(read_gold(gold))  # validate every file before the slow part
    except GoldPathError as exc:
        raise UsageProblem(str(exc)) from None
    except GoldError as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    if lang == "auto":
        for document in documents:
            if document.lang is None:
                continue
            try:
                language_codes(document.lang)
            except ValueError as exc:
                fail(f"{document.source} ({document.id}): {exc}", EXIT_NOT_FOUND)
    result = evaluate(documents, partial(timeline_system, genre=genre), lang)
    if fmt == "json":
        typer.echo(result.to_json(show_errors))
    else:
        typer.echo(result.to_text(show_errors))
    if result.failed:
        typer.echo(f"timeline: {len(result.failed)} document(s) failed during extraction", err=True)
        raise typer.Exit(EXIT_NOT_FOUND)
