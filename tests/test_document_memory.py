"""What keeps one big document's memory down (benchmarks/memory.py measures it): models that
share their set of given fields, and JSON written a line at a time."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, run_in_process
from timeline import extract
from timeline.render.document_json import json_lines

SEED = (FIXTURES / "tajukrakyat-putin-kim-pact.id.txt").read_text(encoding="utf-8")


def test_events_and_timexes_share_their_sets_of_given_fields():
    """pydantic keeps a set of given field names per instance (2 KB for an event): instances
    given the same fields share one."""
    document = extract(SEED, "2024-06-21", lang="id")
    models = [*document.timexes, *document.events, *document.undated_events]
    assert len(models) > 40
    distinct = {id(model.__pydantic_fields_set__) for model in models}
    assert len(distinct) <= 6
    for model in models:
        assert model.__pydantic_fields_set__ == set(model.model_fields_set)


def test_a_copy_never_changes_the_shared_set():
    first, second = extract(SEED, "2024-06-21", lang="id").timexes[:2]
    shared = first.__pydantic_fields_set__
    assert shared is second.__pydantic_fields_set__
    before = set(shared)
    copied = first.model_copy(update={"warnings": ["checked"]})
    assert "warnings" in copied.model_fields_set
    assert shared == before and second.__pydantic_fields_set__ == before


@pytest.mark.parametrize(
    "text",
    [
        SEED,
        "",
        'Pada 12&nbsp;Juni 2024 "banjir" – “kata” \\ warga; sejak2019.',
        "The bridge reopens next Monday. It closed in 2019.",
    ],
)
def test_json_lines_are_the_documents_json(text):
    document = extract(text, "2024-06-21", title='A "title" \\ with – marks')
    assert "\n".join(json_lines(document)) == document.model_dump_json(indent=2)


def test_extract_writes_the_same_json(monkeypatch, capsys, tmp_path):
    article = FIXTURES / "tajukrakyat-putin-kim-pact.id.txt"
    out = tmp_path / "out.json"
    code, _, _ = run_in_process(
        monkeypatch, capsys, "extract", str(article), "-p", "2024-06-21", "-o", str(out)
    )
    assert code == 0
    written = out.read_text(encoding="utf-8")
    expected = extract(SEED, "2024-06-21", doc_id=article.name, title=json.loads(written)["title"])
    assert written == expected.model_dump_json(indent=2) + "\n"
