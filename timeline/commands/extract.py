"""`timeline extract` and `timeline schema`: the JSON event list and its published schema."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from timeline.cli import LangOption, PublishedOption, UsageProblem, check_language, parse_published

FORMATS = ("json", "jsonl")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("schema")(schema_command)


def extract_command(
    input: Annotated[
        str, typer.Argument(help="A text file, '-' for standard input, or a .jsonl corpus.")
    ],
    published: PublishedOption = None,
    lang: LangOption = "auto",
    format: Annotated[
        str,
        typer.Option("--format", "-f", help="json (one object; an array for a corpus) or jsonl."),
    ] = "json",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    encoding: Annotated[str, typer.Option(help="Encoding of the input.")] = "utf-8",
) -> None:
    """Find every temporal expression in an article, resolve it, and list the events it dates."""
    from timeline.io.readers import InputError, is_jsonl, read_text

    if format not in FORMATS:
        raise UsageProblem(f"unknown --format {format!r}; choose one of {', '.join(FORMATS)}")
    check_language(lang)
    reference = parse_published(published, required=not is_jsonl(input))
    if is_jsonl(input):
        failed = _extract_corpus(input, reference, lang, format, output, encoding)
        if failed:
            lines = ", ".join(str(n) for n in failed[:10]) + (" ..." if len(failed) > 10 else "")
            typer.echo(f"timeline: {len(failed)} record(s) failed (lines {lines})", err=True)
            raise typer.Exit(1)
        return
    from timeline.extraction import extract
    from timeline.io.readers import title_of

    try:
        text = read_text(input, encoding)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None
    doc_id = "stdin" if input == "-" else _stem(input)
    document = extract(text, reference, lang, doc_id=doc_id, title=title_of(text))
    rendered = (
        document.model_dump_json(indent=2) if format == "json" else document.model_dump_json()
    )
    _emit([rendered], output)


def _stem(path: str) -> str:
    from pathlib import Path

    return Path(path).name


def _emit(chunks: list[str] | object, output: str | None) -> None:
    from timeline.io.atomic import OutputError, atomic_writer

    if output is None or output == "-":
        for chunk in chunks:  # type: ignore[union-attr]
            sys.stdout.write(chunk + "\n")
        sys.stdout.flush()
        return
    try:
        with atomic_writer(output) as out:
            for chunk in chunks:  # type: ignore[union-attr]
                out.write(chunk + "\n")
    except OutputError as exc:
        raise UsageProblem(str(exc)) from None


def _extract_corpus(
    source: str, reference: object, lang: str, format: str, output: str | None, encoding: str
) -> list[int]:
    """Stream a corpus record by record; returns the line numbers of records that failed."""
    from timeline.corpus import process_corpus
    from timeline.io.readers import InputError

    failed: list[int] = []
    try:
        lines = process_corpus(source, reference, lang, encoding, failed)
        if format == "jsonl":
            _emit(lines, output)
        else:
            _emit(_as_array(lines), output)
    except InputError as exc:
        raise UsageProblem(str(exc)) from None
    return failed


def _as_array(lines: object):  # type: ignore[no-untyped-def]
    first = True
    yield "["
    for line in lines:  # type: ignore[attr-defined]
        yield ("  " if first else ", ") + line
        first = False
    yield "]"


def schema_command() -> None:
    """Print the JSON Schema of `timeline extract` output (generated from the models)."""
    from timeline.models import Document

    typer.echo(json.dumps(Document.model_json_schema(), indent=2, ensure_ascii=False))
