"""`timeline story` and `timeline eval-story`: one timeline from many articles, and its score
against a reference timeline (docs/stories.md)."""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated

import typer

from timeline.cli.options import (
    LangOption,
    PublishedOption,
    UsageProblem,
    check_language,
    parse_published,
)

STORY_FORMATS = ("json", "timelinejs", "csv")


def register(app: typer.Typer) -> None:
    app.command("story", short_help="One timeline from many articles about the same story.")(
        story_command
    )
    app.command("eval-story", short_help="Score a story against a reference timeline.")(
        eval_story_command
    )


def story_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Articles (.txt, .html) and .jsonl corpora (records with id, text, published, "
            "and optional lang, url, title), mixed freely; '-' reads one article from stdin.",
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    lang: LangOption = "auto",
    format: Annotated[
        str, typer.Option("--format", "-f", help="json (the story), timelinejs or csv.")
    ] = "json",
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help="Worker processes (0: one per CPU). Same output as 1."
        ),
    ] = 1,
    published: PublishedOption = None,
    genre: Annotated[
        str, typer.Option("--genre", help="How relative times are anchored (news).")
    ] = "news",
    encoding: Annotated[
        str | None,
        typer.Option(help="Encoding of the inputs [default: utf-8; an HTML page's own charset]."),
    ] = None,
) -> None:
    """Merge the happenings that many articles report into one chronological timeline: each
    happening once, at its date, with the articles that report it and the dates they dispute.

    --published dates the inputs that carry no date of their own (plain text files); records
    and HTML pages keep theirs. Without either, an article's date is estimated from the dates
    it names, as `timeline extract` does (the story's `articles[].published_source` says
    'estimated'). An input or record that cannot be used is one error line on
    stderr and an entry in the story's `errors`; the story is still written, and the exit code
    is 1.
    """
    from timeline.discourse.genres import genre_named
    from timeline.engines.story import story_from_inputs
    from timeline.ingest.inputs import InputError, check_encoding

    if format not in STORY_FORMATS:
        raise UsageProblem(f"unknown --format {format!r}; choose one of {', '.join(STORY_FORMATS)}")
    check_language(lang)
    reference = parse_published(published, required=False)
    try:
        genre_named(genre)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None
    try:
        if encoding is not None:
            check_encoding(encoding)
        story = story_from_inputs(
            inputs, reference, lang, encoding, genre, jobs if jobs > 0 else (os.cpu_count() or 1)
        )
    except InputError as exc:
        if exc.exit_code == 2:
            raise UsageProblem(str(exc)) from None
        typer.echo(f"timeline: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    _write(_render(story, format), output)
    for error in story.errors:
        where = error.input + (f" line {error.line}" if error.line is not None else "")
        said = error.error if error.error.startswith(error.input) else f"{where}: {error.error}"
        typer.echo(f"timeline: error: {said}", err=True)
    if story.errors:
        raise typer.Exit(1)


def _render(story: object, format: str) -> str:
    from timeline.models.story import Story

    assert isinstance(story, Story)
    if format == "timelinejs":
        from timeline.render.story_formats import story_timelinejs

        return story_timelinejs(story)
    if format == "csv":
        from timeline.render.story_formats import story_csv

        return story_csv(story)
    return story.model_dump_json(indent=2)


def _write(text: str, output: str | None) -> None:
    from timeline.render.atomic import OutputError, atomic_writer

    if output is None or output == "-":
        try:
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            typer.echo(f"timeline: error: cannot write standard output: {exc.strerror}", err=True)
            raise typer.Exit(1) from None
        return
    try:
        with atomic_writer(output) as out:
            out.write(text + "\n")
    except OutputError as exc:
        raise UsageProblem(str(exc)) from None
    except OSError as exc:
        raise UsageProblem(f"cannot write {output}: {exc.strerror or exc}") from None


def eval_story_command(
    story: Annotated[
        str, typer.Argument(metavar="STORY.json", help="What `timeline story` wrote.")
    ],
    reference: Annotated[
        str,
        typer.Argument(
            metavar="REFERENCE.json",
            help="A reference timeline: [{date, summary, evidence: [{article, quote}]}].",
        ),
    ],
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[INPUT...]",
            help="The articles the story was built from [default: the inputs the story names].",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list each reference entry's outcome.")
    ] = False,
) -> None:
    """Score a story against a reference timeline: date F1 of the most salient days, event
    recall, and how many events each happening reported by several articles is split into.

    The quotes of the reference are found in the articles' texts: those of the INPUTs, or of
    the inputs the story records (its `articles[].input`), checked against the story's sha256.
    """
    from timeline.evaluation.stories import ReferenceError, evaluate_story, format_scores

    try:
        scores = evaluate_story(story, reference, inputs or None)
    except ReferenceError as exc:
        typer.echo(f"timeline: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    if as_json:
        typer.echo(json.dumps(scores.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(format_scores(scores, verbose))
