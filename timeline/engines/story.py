"""Extract a story's articles in one process or in a pool of workers, results in input order.

A story holds all its articles at once (the merge compares them all), so unlike a corpus run
nothing is streamed: the texts are sent to the workers in chunks and the Documents come back in
input order, so the story is byte-identical whatever --jobs is.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from datetime import date

from timeline.discourse.genres import genre_named
from timeline.models.document import Document
from timeline.models.story import Story
from timeline.pipeline.story import StoryText, extract_story_text

CHUNK = 8
"""Articles per task: enough to amortise pickling, small enough to balance two workers."""


def _context() -> multiprocessing.context.BaseContext:
    """fork where the platform has it (workers inherit the loaded language data)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


Extracted = tuple[Document, dict[str, str]]
"""An article's Document and the stems of its events' words (stories/build.article_stems)."""


def _chunk_worker(args: tuple[list[StoryText], str, str]) -> list[Extracted | str]:
    from timeline.stories.build import article_stems

    texts, lang, genre = args
    chosen = genre_named(genre)
    results: list[Extracted | str] = []
    for text in texts:
        document = extract_story_text(text, lang, chosen)
        if isinstance(document, str):
            results.append(document)
        else:
            results.append((document, article_stems(document, text.text)))
    return results


def extract_texts(
    texts: Sequence[StoryText], lang: str, genre: str = "news", jobs: int = 1
) -> list[Extracted | str]:
    """Each text's Document and word stems, or the one-line reason it has none; `genre` by
    name. Stemming is done here, where the work is spread over the workers."""
    if jobs <= 1 or len(texts) <= CHUNK:
        return _chunk_worker((list(texts), lang, genre))
    from timeline.engines.corpus import preload

    preload(lang)
    chunks = [list(texts[i : i + CHUNK]) for i in range(0, len(texts), CHUNK)]
    with _context().Pool(min(jobs, len(chunks))) as pool:
        results = pool.map(_chunk_worker, [(chunk, lang, genre) for chunk in chunks])
    return [document for chunk in results for document in chunk]


def story_from_inputs(
    inputs: Sequence[str],
    published: date | None = None,
    lang: str = "auto",
    encoding: str | None = None,
    genre: str = "news",
    jobs: int = 1,
) -> Story:
    """The story of the INPUTs: read, extracted (in `jobs` processes) and merged. Inputs and
    records that cannot be used are in the story's `errors`; an INPUT that cannot be read at all
    (missing, a folder) raises InputUsageError before any work."""
    from timeline.models.story import StoryError
    from timeline.pipeline.story import check_inputs, read_story_inputs
    from timeline.stories.build import ArticleInput, build_story

    genre_named(genre)  # an unknown genre fails before any work
    check_inputs(inputs)
    texts, errors = read_story_inputs(inputs, published, encoding)
    articles: list[ArticleInput] = []
    for text, outcome in zip(texts, extract_texts(texts, lang, genre, jobs), strict=True):
        if isinstance(outcome, str):
            errors.append(StoryError(input=text.input, line=text.line, id=text.id, error=outcome))
        else:
            document, stems = outcome
            articles.append(ArticleInput(text.meta(document), document, text.text, stems))
    errors.sort(key=lambda e: (list(inputs).index(e.input), e.line or 0))
    return build_story(articles, errors)
