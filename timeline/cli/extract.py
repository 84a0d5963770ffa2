"""`timeline extract` and `timeline schema`: an article's or a corpus's timeline, in the format
a reader or a pipeline wants, and the JSON Schema of the JSON output.

Inputs: a text file, an HTML page (text, title and date read from the page), standard input
('-', sniffed for HTML), or a JSONL corpus (streamed, optionally in parallel). Outputs: json and
jsonl (the pinned Document contract), timeml, timelinejs, csv. Every file is written atomically.
Heavy modules (the extractor, the language detector, HTML parsing, rich) are imported inside the
command so `timeline resolve` does not pay for them.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from timeline.cli.options import (
    Command,
    GenreOption,
    LangOption,
    PublishedOption,
    UsageProblem,
    check_genre,
    check_language,
    examples,
    parse_published,
)

if TYPE_CHECKING:
    from datetime import date

    from rich.progress import Progress

    from timeline.ingest.inputs import InputError
    from timeline.models.document import Document

FORMATS = ("json", "jsonl", "timeml", "timelinejs", "csv")
SINGLE_DOCUMENT_FORMATS = ("timeml", "timelinejs")


def register(app: typer.Typer) -> None:
    app.command(
        "extract",
        cls=Command,
        short_help="Timexes and events of an article or a corpus.",
        epilog=examples(
            "timeline extract article.txt -p 2024-06-21 -o article.json",
            "timeline extract page.html --json",
            "timeline extract corpus.jsonl -f jsonl --jobs 2 -o out.jsonl",
        ),
    )(extract_command)
    app.command(
        "schema",
        cls=Command,
        short_help="The JSON Schema of extract's output.",
        epilog=examples("timeline schema > document.schema.json"),
    )(schema_command)


def extract_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT",
            help="A text file, an HTML page (.html/.htm), '-' for standard input, "
            "or a .jsonl corpus (one JSON object per line with text, published, id, lang). "
            "Corpora may be gzip (.jsonl.gz), folders of corpora, quoted glob patterns, or "
            "fsspec URLs; several of them write one file each into -o OUT_DIR/.",
        ),
    ],
    published: PublishedOption = None,
    lang: LangOption = "auto",
    genre: GenreOption = "auto",
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=(
                "json (one object; an array for a corpus), jsonl, timeml, timelinejs or csv. "
                "[default: jsonl or csv when -o ends in .jsonl, .jsonl.gz or .csv; else json]"
            ),
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="The same as -f json (the default), as on the other commands."),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write here (atomically) instead of stdout; a folder for several corpora.",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Encoding of the input [default: utf-8; an HTML page's own charset].",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            metavar="N",
            help="Worker processes for corpora (0: one per CPU; at most the CPUs available) "
            "[default: 1]. Same output as 1.",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Run corpora on a Dask cluster: a scheduler address (tcp://host:8786), or "
            "'local' for a LocalCluster of --jobs workers. Needs the dask extra.",
        ),
    ] = None,
) -> None:
    """Find every temporal expression in an article, resolve it, and list the events it dates.

    An HTML page needs no --published when its metadata gives the publication date, and any
    text none when it names its own dates (a dateline, 'Sabtu (28/6/2025)'): the date is then
    estimated. --published always wins, and the output says where the date came from
    (published_source, published_evidence) and why the genre was chosen (genre_reason).
    """
    from timeline.cli.batch import extract_to_folder, wants_folder
    from timeline.cli.interrupt import report_interrupt
    from timeline.ingest.inputs import DEFAULT_ENCODING, InputError, check_encoding
    from timeline.ingest.sources import is_corpus_name

    if format is not None and format not in FORMATS:
        raise UsageProblem(f"unknown --format {format!r}; choose one of {', '.join(FORMATS)}")
    if as_json and format not in (None, "json"):
        raise UsageProblem(f"give either --json or --format {format}, not both")
    if format is None:
        format = "json" if as_json else format_for_output(output)
    check_language(lang)
    check_genre(genre)
    reference = parse_published(published, required=False)
    if encoding is not None:
        try:
            check_encoding(encoding)
        except InputError as exc:
            _input_failure(exc)
    if dask is not None and dask != "local" and jobs is not None:
        raise UsageProblem(
            f"--jobs sets the workers of --dask local; the scheduler at {dask} has its own"
        )
    if wants_folder(inputs, output, dask):
        workers = 1 if dask is not None and dask != "local" else _job_count(jobs)
        extract_to_folder(
            inputs,
            reference,
            lang,
            format,
            output,
            encoding or DEFAULT_ENCODING,
            workers,
            dask,
            genre,
        )
        return
    input = inputs[0]
    if is_corpus_name(input):
        if format in SINGLE_DOCUMENT_FORMATS:
            raise UsageProblem(
                f"--format {format} describes one document; for a corpus use json, jsonl or csv"
            )
        _extract_corpus(input, reference, lang, format, output, encoding, _job_count(jobs), genre)
        return
    try:
        _extract_article(input, reference, lang, format, output, encoding, genre)
    except KeyboardInterrupt:
        report_interrupt(0, 1)


def _job_count(jobs: int | None) -> int:
    """Worker processes for --jobs: 1 by default, 0 for one per CPU, never more than the CPUs
    this process may run on (more only adds memory and switching; said in one line)."""
    available = available_cpus()
    if jobs is None:
        return 1
    if jobs == 0:
        return available
    if jobs > available:
        cpus = f"{available} CPU" + ("" if available == 1 else "s")
        typer.echo(
            f"timeline: --jobs {jobs} is more than the {cpus} available; using {available}",
            err=True,
        )
        return available
    return jobs


def available_cpus() -> int:
    """CPUs this process may use: its affinity mask where the platform has one (a container or
    `taskset` may allow fewer than the machine has), else the machine's count."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _input_failure(exc: InputError) -> NoReturn:
    """One line on stderr; exit 2 for what the command line got wrong, 1 for bad content."""
    if exc.exit_code == 2:
        raise UsageProblem(str(exc)) from None
    typer.echo(f"timeline: error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def _extract_article(
    source: str,
    published: date | None,
    lang: str,
    format: str,
    output: str | None,
    encoding: str | None,
    genre: str = "auto",
) -> None:
    from timeline.ingest.inputs import InputError
    from timeline.ingest.readers import read_article
    from timeline.pipeline.document import document_from_article

    try:
        article = read_article(source, encoding)
        document = document_from_article(article, published, lang, genre)
    except InputError as exc:
        _input_failure(exc)
    if format == "json":  # line by line: a big document's JSON is never held whole
        from timeline.render.document_json import json_lines

        _emit(json_lines(document), output)
        return
    _emit([render_document(document, article.text, format)], output)


def format_for_output(output: str | None) -> str:
    """The format a user means when they name only the output file: `-o out.jsonl` asks for
    JSON Lines (and `.jsonl.gz`, `.csv` likewise); anything else, or stdout, gets json."""
    name = (output or "").lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    return "json"


def render_document(document: Document, text: str, format: str) -> str:
    """One document in an output format (json, jsonl, timeml, timelinejs, csv)."""
    if format == "json":
        return document.model_dump_json(indent=2)
    if format == "jsonl":
        return document.model_dump_json()
    if format == "timeml":
        from timeline.render.timeml import render_timeml

        return render_timeml(document, text)
    if format == "timelinejs":
        from timeline.render.timelinejs import render_timelinejs

        return render_timelinejs(document)
    from timeline.render.csv import render_csv

    return render_csv(document)


def _emit(chunks: Iterable[str], output: str | None) -> None:
    """Write each chunk and a newline to stdout, or atomically to `output`.

    Output problems are usage errors (exit 2): a missing folder, a directory, no permission, a
    full disk. The temporary file is removed whatever goes wrong, so no partial file is left.
    """
    from timeline.render.atomic import OutputError, atomic_writer

    if output is None or output == "-":
        try:
            for chunk in chunks:
                sys.stdout.write(chunk + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            _drop_stdout()
            typer.echo(f"timeline: error: cannot write standard output: {exc.strerror}", err=True)
            raise typer.Exit(1) from None
        return
    try:
        with atomic_writer(output) as out:
            for chunk in chunks:
                out.write(chunk + "\n")
    except OutputError as exc:
        raise UsageProblem(str(exc)) from None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        raise UsageProblem(f"cannot write {output}: {exc.strerror or exc}") from None


def _drop_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _extract_corpus(
    source: str,
    reference: date | None,
    lang: str,
    format: str,
    output: str | None,
    encoding: str | None,
    jobs: int,
    genre: str = "auto",
) -> None:
    """Stream a corpus record by record; failed records are error entries, then exit 1."""
    from timeline.cli.interrupt import report_interrupt
    from timeline.engines.corpus import process_corpus
    from timeline.ingest.inputs import DEFAULT_ENCODING, InputError
    from timeline.ingest.sources import count_single, open_single

    failed: list[int] = []
    total = 0
    try:
        stream, size = open_single(source)
    except InputError as exc:
        _input_failure(exc)
    closing = contextlib.nullcontext() if source == "-" else stream
    with closing, _ProgressBar(size) as (advance, start):
        chunks = process_corpus(
            source,
            reference,
            lang,
            encoding or DEFAULT_ENCODING,
            failed,
            fmt=format,
            jobs=jobs,
            progress=advance,
            on_start=start,
            stream=stream,
            genre=genre,
        )
        counted = _Counter(chunks)
        try:
            if format == "jsonl":
                _emit(counted, output)
            elif format == "csv":
                _emit(_with_csv_header(counted), output)
            else:
                _emit(_as_array(counted), output)
        except KeyboardInterrupt:
            chunks.close()  # stops the workers before the line is printed
            report_interrupt(counted.count, count_single(source))
        total = counted.count
    if failed:
        lines = ", ".join(str(n) for n in failed[:10]) + (" ..." if len(failed) > 10 else "")
        typer.echo(
            f"timeline: {len(failed)} of {total} record(s) failed (lines {lines}); "
            "see the error entries in the output",
            err=True,
        )
        raise typer.Exit(1)


class _Counter:
    """Counts the records that pass through, for the closing summary."""

    def __init__(self, chunks: Iterable[str]) -> None:
        self.chunks = chunks
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        for chunk in self.chunks:
            self.count += 1
            yield chunk


def _with_csv_header(rows: Iterable[str]) -> Iterator[str]:
    from timeline.render.csv import header

    yield header()
    for chunk in rows:
        if chunk:  # a document with no events has no rows
            yield chunk


def _as_array(lines: Iterable[str]) -> Iterator[str]:
    first = True
    yield "["
    for line in lines:
        yield ("  " if first else ", ") + line
        first = False
    yield "]"


class _ProgressBar:
    """A rich progress bar on stderr, only when stderr is a terminal; silent otherwise.

    Yields (advance, start): `advance(n)` adds n bytes done; `start()` shows the bar, called
    once worker processes exist (the bar's refresh thread must not be forked).
    """

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.progress: Progress | None = None

    def __enter__(self) -> tuple[Callable[[int], None] | None, Callable[[], None] | None]:
        if not sys.stderr.isatty():
            return None, None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        progress = Progress(
            TextColumn("extracting"),
            BarColumn(),
            DownloadColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        task = progress.add_task("extract", total=self.total)
        self.progress = progress

        def advance(size: int) -> None:
            progress.advance(task, size)

        return advance, progress.start

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def schema_command(
    what: Annotated[
        str,
        typer.Argument(help="document (extract's output, the default) or story (story's)."),
    ] = "document",
) -> None:
    """Print the JSON Schema of `timeline extract` output, or with `story` of `timeline story`
    output (generated from the models)."""
    if what == "story":
        from timeline.models.story import Story

        typer.echo(json.dumps(Story.model_json_schema(), indent=2, ensure_ascii=False))
        return
    if what != "document":
        raise UsageProblem(f"unknown schema {what!r}; choose document or story")
    from timeline.models.document import Document

    typer.echo(json.dumps(Document.model_json_schema(), indent=2, ensure_ascii=False))
