"""timeline on Dask: extract a bag of news records, or any partitioned collection.

    import dask.bag as db
    from timeline.dask import extract_bag

    lines = extract_bag(db.read_text("news/*.jsonl.gz"))   # or a bag of dicts
    lines.to_textfiles("out/*.jsonl", encoding="utf-8", last_endline=True)  # a file a partition

Each output item is the JSON line `timeline extract --format jsonl` writes for that record (a
Document, or an error entry `{"id", "line", "error"}`), in the order of the input. A record is a
dict with `text`, `published` (YYYY-MM-DD or an ISO date-time), optional `id`, `lang`, `title`
(other fields, such as `url`, are ignored), or one JSONL line. For a Dask DataFrame, apply
`extract_partition` with `map_partitions` (recipe in docs/io.md).

Needs the dask extra (`pip install 'timeline[dask]'`); the command line's `--dask` runs on the
same engine (timeline.engines.dask). Importing this module imports nothing of Dask.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from dask.bag import Bag

__all__ = ["extract_bag", "extract_partition"]


def extract_bag(
    bag: Bag, published: date | None = None, lang: str = "auto", genre: str = "auto"
) -> Bag:
    """A lazy bag of output lines (str, without newline), one per record of `bag`.

    `published` overrides every record's date and `lang` is the language of records without
    their own `lang`, and `genre` the genre of records without their own `genre`, as
    --published, --lang and --genre do on the command line.
    """
    from timeline.engines.dask import extract_bag as run

    return run(bag, published, lang, genre)


def extract_partition(
    items: Iterable[dict[str, Any] | str | bytes],
    published: date | None = None,
    lang: str = "auto",
    genre: str = "auto",
) -> list[str]:
    """The output lines of one partition's records (see `extract_bag`); blank lines are no
    records. Error entries carry the dict's integer `line` field if it has one, else null."""
    from timeline.engines.dask import extract_partition as run

    return run(items, published, lang, genre)
