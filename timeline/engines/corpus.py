"""Process a JSONL corpus as a stream, in input order, nothing lost.

Each record goes through timeline.pipeline.document.extract_document, the one path every text
takes; what is wrong with a record (no date, an unknown language, even a bug) becomes an error
line in the output and the run goes on.

A corpus is read lazily and written as it goes, so memory stays constant whatever its size.
With `jobs` > 1 records are sent to worker processes in small chunks, with a bounded number of
chunks in flight (Pool.imap would read the whole input ahead), and results are yielded strictly
in input order: the output is byte-identical to a run with one job.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, BinaryIO

from timeline.ingest.readers import CorpusRecord, read_jsonl
from timeline.models.kinds import PublishedSource
from timeline.pipeline.document import LangSource

if TYPE_CHECKING:
    from timeline.models.document import Document

CORPUS_FORMATS = ("json", "jsonl", "csv")
CHUNK = 8
"""Records per task sent to a worker: enough to amortise pickling, small enough to balance."""
IN_FLIGHT_PER_JOB = 4
"""Chunks queued per worker: keeps every worker busy while bounding memory."""


@dataclass(frozen=True)
class Outcome:
    """What one corpus record became: its output text ('' for a CSV document with no rows)."""

    line: int
    text: str
    ok: bool
    size: int


def error_line(record: CorpusRecord, message: str) -> str:
    return json.dumps({"id": record.id, "line": record.line, "error": message}, ensure_ascii=False)


def _failure(record: CorpusRecord, message: str, fmt: str) -> Outcome:
    if fmt == "csv":
        from timeline.render.csv import error_row, format_rows

        text = format_rows([error_row(record.id, record.line, message)])
    else:
        text = error_line(record, message)
    return Outcome(record.line, text, False, record.size)


def process_record(
    record: CorpusRecord,
    published: date | None,
    lang: str,
    fmt: str = "jsonl",
    genre: str = "auto",
) -> Outcome:
    """The output of one record in format `fmt` (json and jsonl: one compact JSON line).

    --published overrides the record's own date, and without either the date is estimated from
    the text; a record's own 'lang' overrides --lang, its 'genre' overrides --genre. Anything
    wrong with the record, even an unexpected failure of the extractor, becomes an error in the
    output and the run goes on.
    """
    from timeline.discourse.genres import UnknownGenre
    from timeline.ingest.published import BadPublicationDate, record_date
    from timeline.languages import UnknownLanguage
    from timeline.pipeline.document import NoPublicationDate, extract_document

    if record.error:
        return _failure(record, record.error, fmt)
    source: PublishedSource = "cli" if published is not None else "jsonl"
    reference = published
    if reference is None and record.published is not None:
        try:
            reference = record_date(record.published)
        except BadPublicationDate as exc:
            return _failure(record, str(exc), fmt)
    if reference is None:
        source = "estimated"
    record_lang = record.lang
    lang_source: LangSource = "jsonl" if record_lang and record_lang != "auto" else "cli"
    try:
        document = extract_document(
            record.text or "",
            reference,
            record_lang or lang,
            doc_id=record.id if record.id is not None else f"line-{record.line}",
            title=record.title,
            published_source=source,
            lang_source=lang_source,
            genre=record.genre or genre,
        )
    except NoPublicationDate as exc:
        return _failure(record, f"no 'published' date (YYYY-MM-DD), no --published, and {exc}", fmt)
    except (UnknownLanguage, UnknownGenre) as exc:
        return _failure(record, str(exc), fmt)
    except Exception as exc:  # a bug must not cost the rest of a long corpus run
        return _failure(record, f"internal error ({type(exc).__name__}: {exc}); please report", fmt)
    return Outcome(record.line, render_record(document, fmt), True, record.size)


def render_record(document: Document, fmt: str) -> str:
    """One document of a corpus in format `fmt`."""
    if fmt == "csv":
        from timeline.render.csv import event_rows, format_rows

        return format_rows(event_rows(document))
    return document.model_dump_json()


def _chunk_worker(
    args: tuple[list[CorpusRecord], date | None, str, str, str],
) -> list[Outcome]:
    records, published, lang, fmt, genre = args
    return [process_record(record, published, lang, fmt, genre) for record in records]


def _chunks(records: Iterable[CorpusRecord], size: int) -> Iterator[list[CorpusRecord]]:
    chunk: list[CorpusRecord] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def preload(lang: str) -> None:
    """Load language data (and the detector under 'auto') before forking, so workers share it."""
    from timeline import languages
    from timeline.discourse.genres import GENRES
    from timeline.languages import AUTO

    for code in languages.available():
        for genre in GENRES.values():
            languages.load(code, genre.profiles)
    if lang == AUTO:
        from timeline.ingest.detect import preload as load_detector

        load_detector()


def _context() -> multiprocessing.context.BaseContext:
    """fork where the platform has it (workers inherit loaded data); spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def process_records(
    records: Iterable[CorpusRecord],
    published: date | None,
    lang: str,
    fmt: str = "jsonl",
    jobs: int = 1,
    on_start: Callable[[], None] | None = None,
    genre: str = "auto",
) -> Generator[Outcome, None, None]:
    """Outcomes in input order, from `jobs` processes (1: in this process).

    `on_start` runs once the workers exist: a progress bar's thread must start after the fork.
    """
    if jobs <= 1:
        if on_start is not None:
            on_start()
        for record in records:
            yield process_record(record, published, lang, fmt, genre)
        return
    preload(lang)
    pool: multiprocessing.pool.Pool | None = None
    try:
        with _interrupts_held():
            pool = _context().Pool(jobs, initializer=_ignore_interrupts)
        if on_start is not None:
            on_start()
        pending: deque[multiprocessing.pool.AsyncResult[list[Outcome]]] = deque()
        limit = jobs * IN_FLIGHT_PER_JOB
        for chunk in _chunks(records, CHUNK):
            task = (chunk, published, lang, fmt, genre)
            pending.append(pool.apply_async(_chunk_worker, (task,)))
            while len(pending) >= limit or (pending and pending[0].ready()):
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    finally:
        # Also on an interrupt or when the consumer stops early (GeneratorExit): the workers are
        # stopped now, not when the interpreter exits, where waiting on them could hang.
        if pool is not None:
            pool.terminate()
            pool.join()


def _ignore_interrupts() -> None:
    """Pool workers ignore Ctrl-C: the terminal sends SIGINT to the whole process group, and a
    worker that died of it mid-task printed a traceback and could leave the pool waiting forever.
    The parent alone decides, and terminates the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold SIGINT back while the pool forks its workers, so that they never see one, not even
    before their initializer runs (a forked process inherits the blocked signal, and so do the
    pool's threads that fork replacements later). Held, not ignored: a Ctrl-C in the meantime
    reaches this process as soon as the pool exists."""
    if not hasattr(signal, "pthread_sigmask"):
        yield  # no signal masks here: the initializer alone
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def process_corpus(
    source: str,
    published: date | None,
    lang: str,
    encoding: str,
    failed: list[int],
    fmt: str = "jsonl",
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    on_start: Callable[[], None] | None = None,
    stream: BinaryIO | None = None,
    genre: str = "auto",
) -> Generator[str, None, None]:
    """Yield output texts in input order; line numbers of failed records go into `failed`.

    `progress` is called with the bytes of input each finished record covered; `stream` is the
    corpus already opened (see timeline.ingest.readers.open_corpus), else `source` is opened.
    """
    outcomes = process_records(
        read_jsonl(source, encoding, stream),
        published,
        lang,
        fmt,
        jobs,
        on_start=on_start,
        genre=genre,
    )
    try:
        for outcome in outcomes:
            if not outcome.ok:
                failed.append(outcome.line)
            if progress is not None:
                progress(outcome.size)
            yield outcome.text
    finally:
        outcomes.close()  # stop the workers now when the consumer stops early or is interrupted
