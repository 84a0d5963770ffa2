"""A Document as indented JSON, written a piece at a time.

`Document.model_dump_json(indent=2)` builds the whole text at once, and pydantic holds it twice
while it does (its own buffer, then the Python string): for a big document that is more memory
than the document's models themselves. The pieces here are the same text, byte for byte (a test
compares them): the document without its lists, then each timex and event serialized on its
own and indented to its place in the list.
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.models.document import Document

LISTS = ("timexes", "events", "undated_events")
"""The fields that grow with the document, streamed item by item."""


def json_lines(document: Document, indent: int = 2) -> Iterator[str]:
    """The lines of `document.model_dump_json(indent=indent)`, in pieces of whole lines: joined
    with newlines they are that text. A piece is one line of the document or one list item."""
    pad = " " * indent
    shell = document.model_copy(update={name: [] for name in LISTS}).model_dump_json(indent=indent)
    openings = {f'{pad}"{name}": []': name for name in LISTS}
    for line in shell.split("\n"):
        comma = line.endswith(",")
        name = openings.get(line[:-1] if comma else line)
        items = getattr(document, name) if name else None
        if not items:
            yield line
            continue
        yield f'{pad}"{name}": ['
        last = len(items) - 1
        for number, item in enumerate(items):
            text = item.model_dump_json(indent=indent)
            nested = "\n".join(pad * 2 + part for part in text.split("\n"))
            yield nested + ("," if number < last else "")
        yield pad + "]" + ("," if comma else "")
