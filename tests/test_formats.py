"""Output formats of `timeline extract`: TimeML round trip, TimelineJS structure, CSV columns."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import jsonschema
import pytest

from tests.conftest import SEED, run_cli
from timeline.pipeline.document import extract_document as extract
from timeline.render.csv import COLUMNS, render_csv
from timeline.render.timelinejs import slide_dates, timelinejs_data
from timeline.render.timeml import render_timeml

TRICKY = (
    "Kemarin & hari ini <rapat> digelar.\r\nPada 5 Juni 2024 \"harga\" naik 'lagi'\x0b"
    " sejak Senin (17/6) \u2014 kata dia 😀.\tDua hari lalu? Ya; awal bulan ini."
)


def _read_back(path) -> tuple[str, date, list[tuple[tuple[int, int], str, str, str | None]]]:
    """Text, DCT and timexes of a TimeML file: with the project's gold reader when it is there,
    else with ElementTree (the same walk over .text and .tail pieces)."""
    try:
        from timeline.evaluation.gold import read_timeml
    except ImportError:
        read_timeml = None
    if read_timeml is not None:
        gold = read_timeml(path)
        return (
            gold.text,
            gold.published,
            [(t.span, t.type, t.value, t.mod) for t in gold.timexes],
        )
    root = ET.parse(path).getroot()
    text_element = root.find("TEXT")
    pieces, found = [text_element.text or ""], []
    for child in text_element:
        begin = sum(map(len, pieces))
        pieces.append(child.text or "")
        found.append(
            (
                (begin, begin + len(child.text or "")),
                child.get("type"),
                child.get("value"),
                child.get("mod"),
            )
        )
        pieces.append(child.tail or "")
    dct = root.find("DCT/TIMEX3").get("value")
    return "".join(pieces), date.fromisoformat(dct), found


@pytest.mark.parametrize(
    ("text", "lang"),
    [(SEED.read_text(encoding="utf-8"), "id"), (TRICKY, "id")],
    ids=["seed", "tricky-characters"],
)
def test_timeml_round_trip_gives_the_same_timexes(tmp_path, text, lang):
    document = extract(text, "2024-06-21", lang, doc_id="doc & <1>", title="A <b> title")
    assert document.timexes, "the round trip needs expressions to compare"
    path = tmp_path / "doc.tml"
    path.write_text(render_timeml(document, text), encoding="utf-8")
    back_text, dct, timexes = _read_back(path)
    # one code point per code point: only the vertical tab (not XML) became U+FFFD
    assert back_text == text.replace("\x0b", "\ufffd")
    assert dct == date(2024, 6, 21)
    assert timexes == [(tuple(t.span), t.type, t.value, t.mod) for t in document.timexes]
    root = ET.parse(path).getroot()
    assert root.tag == "TimeML"
    assert [child.tag for child in root] == ["DOCID", "DCT", "TITLE", "TEXT"]
    assert root.find("DOCID").text == "doc & <1>"
    dct_timex = root.find("DCT/TIMEX3")
    assert dct_timex.get("functionInDocument") == "CREATION_TIME"
    tagged = root.findall("TEXT/TIMEX3")
    ids = {t.get("tid") for t in tagged} | {"t0"}
    for timex, element in zip(document.timexes, tagged, strict=True):
        assert element.get("tid") == timex.id
        assert element.text == text[timex.span[0] : timex.span[1]].replace("\x0b", "\ufffd")
        assert element.get("temporalFunction") == ("true" if timex.anchor_id else "false")
        if timex.anchor_id:
            assert element.get("anchorTimeID") in ids


def test_overlapping_timexes_are_left_out_not_nested():
    from timeline.models.document import Timex
    from timeline.render.timeml import tagged_text

    def timex(tid: str, span: tuple[int, int]) -> Timex:
        return Timex(id=tid, text="x", span=span, type="DATE", value="2024", rule="r")

    tagged, skipped = tagged_text("abcdefgh", [timex("t1", (0, 4)), timex("t2", (2, 6))])
    assert skipped == ["t2"] and tagged.count("<TIMEX3") == 1


# --------------------------------------------------------------------------------------------
# TimelineJS

_DATE = {
    "type": "object",
    "required": ["year"],
    "additionalProperties": False,
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "display_date": {"type": "string"},
    },
    "dependentRequired": {"day": ["month"], "hour": ["day"], "minute": ["hour"]},
}
_TEXT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
TIMELINEJS_SCHEMA = {
    # The TimelineJS 3 JSON format as its documentation describes it, restricted to the parts we
    # write: a title slide, event slides with start_date (required), end_date and text.
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "title": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"text": _TEXT, "unique_id": {"type": "string"}},
        },
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "additionalProperties": False,
                "properties": {
                    "start_date": _DATE,
                    "end_date": _DATE,
                    "text": _TEXT,
                    "unique_id": {"type": "string"},
                },
            },
        },
        "scale": {"enum": ["human", "cosmological"]},
    },
}


def _key(point: dict[str, int]) -> tuple[int, ...]:
    return tuple(
        point.get(k, 1 if k in ("month", "day") else 0)
        for k in ("year", "month", "day", "hour", "minute")
    )


def test_timelinejs_output_has_the_structure_timelinejs_loads(tmp_path):
    text = SEED.read_text(encoding="utf-8") + "\nRapat digelar pukul 10.00 WIB hari ini & <besok>."
    document = extract(text, "2024-06-21", "id", doc_id="seed", title="Putin & Kim")
    data = timelinejs_data(document)
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    assert data["title"]["text"]["headline"] == "Putin &amp; Kim"
    dated = [e for e in document.events if e.start is not None]
    assert len(data["events"]) == len(dated) >= 5
    ids = [slide["unique_id"] for slide in data["events"]]
    assert len(set(ids)) == len(ids) and "title" not in ids
    for slide in data["events"]:
        if "end_date" in slide:
            assert _key(slide["start_date"]) < _key(slide["end_date"])
        assert "<" not in slide["text"]["headline"]
    vague = len(document.events) - len(dated) + len(document.undated_events)
    assert f"{vague} without a date on the axis" in data["title"]["text"]["text"]
    result = run_cli("extract", str(SEED), "-p", "2024-06-21", "-f", "timelinejs")
    assert result.returncode == 0
    jsonschema.validate(json.loads(result.stdout), TIMELINEJS_SCHEMA)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-06-19", "2024-06-20", ({"year": 2024, "month": 6, "day": 19}, None)),
        ("2024-06-01", "2024-07-01", ({"year": 2024, "month": 6}, None)),
        (
            "2024-06-01",
            "2024-06-11",
            ({"year": 2024, "month": 6, "day": 1}, {"year": 2024, "month": 6, "day": 10}),
        ),
        (
            "2024-06-17",
            "2024-06-24",
            ({"year": 2024, "month": 6, "day": 17}, {"year": 2024, "month": 6, "day": 23}),
        ),
        ("2024-03-01", "2024-06-01", ({"year": 2024, "month": 3}, {"year": 2024, "month": 5})),
        ("2024-01-01", "2025-01-01", ({"year": 2024}, None)),
        ("1990-01-01", "2000-01-01", ({"year": 1990}, {"year": 1999})),
        (
            "2024-06-19T14:30",
            "2024-06-19T14:31",
            ({"year": 2024, "month": 6, "day": 19, "hour": 14, "minute": 30}, None),
        ),
        (
            "2024-06-20T18:00+07:00",
            "2024-06-21T06:00+07:00",
            (
                {"year": 2024, "month": 6, "day": 20, "hour": 18, "minute": 0},
                {"year": 2024, "month": 6, "day": 21, "hour": 6, "minute": 0},
            ),
        ),
    ],
)
def test_timelinejs_dates_keep_the_granularity(start, end, expected):
    assert slide_dates(start, end) == expected


# --------------------------------------------------------------------------------------------
# CSV


def test_csv_has_a_stable_header_and_one_row_per_event():
    text = SEED.read_text(encoding="utf-8")
    document = extract(text, "2024-06-21", "id", doc_id="seed")
    rows = list(csv.reader(io.StringIO(render_csv(document))))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    assert len(body) == len(document.events) + len(document.undated_events)
    assert [r["event_id"] for r in body] == [e.id for e in document.events] + [
        e.id for e in document.undated_events
    ]
    first = body[0]
    event = document.events[0]
    assert (first["start"], first["end"], first["text"], first["dated"]) == (
        event.start or "",
        event.end or "",
        event.text,
        "true",
    )
    assert text[int(first["span_begin"]) : int(first["span_end"])].strip()


def test_csv_corpus_has_one_header_and_error_rows(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "Kemarin hujan, besok cerah.", "published": "2024-06-21"})
        + "\nnot json\n"
        + json.dumps({"id": "b", "text": "Tanpa tanggal.", "published": "2024-06-21"})
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("extract", str(corpus), "-f", "csv")
    assert result.returncode == 1
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == COLUMNS and rows.count(list(COLUMNS)) == 1
    records = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    assert {r["doc_id"] for r in records if not r["error"]} == {"a", "b"}
    errors = [r for r in records if r["error"]]
    assert (
        len(errors) == 1 and errors[0]["line"] == "2" and errors[0]["error"].startswith("not JSON")
    )


def test_timelinejs_since_starts_at_the_expressions_precision():
    from timeline.render.timelinejs import since_dates

    assert since_dates("2022-01-01", "2024-03-19", "year") == (
        {"year": 2022},
        {"year": 2024, "month": 3, "day": 18},
    )
    assert since_dates("2024-02-01", "2024-03-19", "month")[0] == {"year": 2024, "month": 2}
    assert since_dates("2024-02-05", None, "day") == ({"year": 2024, "month": 2, "day": 5}, None)
