"""`timeline eval`: score the extractor against gold annotations (TimeML or our JSON format)."""

from __future__ import annotations

from typing import Annotated

import typer

from timeline.cli.options import (
    EXIT_NOT_FOUND,
    GenreOption,
    LangOption,
    UsageProblem,
    check_genre,
    check_language,
    fail,
)


def register(app: typer.Typer) -> None:
    app.command("eval", short_help="Score extraction against gold annotations (TempEval-3).")(
        eval_command
    )


def eval_command(
    gold: Annotated[
        list[str],
        typer.Argument(help="Gold files (.tml, .json) or folders searched recursively for them."),
    ],
    lang: LangOption = "auto",
    genre: GenreOption = "auto",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print exactly one JSON object instead of tables.")
    ] = False,
    show_errors: Annotated[
        int,
        typer.Option(
            "--show-errors", help="How many of the most frequent error classes of each kind."
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
    if as_json:
        typer.echo(result.to_json(show_errors))
    else:
        typer.echo(result.to_text(show_errors))
    if result.failed:
        typer.echo(f"timeline: {len(result.failed)} document(s) failed during extraction", err=True)
        raise typer.Exit(EXIT_NOT_FOUND)
