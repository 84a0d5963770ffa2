"""Gold readers: TimeML offsets and DCT, the JSON annotation format and its one-line errors."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

from timeline.evaluation.gold import (
    GoldError,
    GoldPathError,
    gold_files,
    read_gold,
    read_json,
    read_timeml,
)

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO / "fixtures" / "eval"
CORPORA = Path(__file__).parents[1] / ".." / "shared" / "corpora"
TAG = re.compile(r"<[^<>]*>")


# --- TimeML ----------------------------------------------------------------------------------


def test_timeml_text_is_the_text_element_with_tags_removed_and_entities_unescaped():
    document = read_timeml(EVAL / "timeml" / "harbour-ferry.tml")
    assert document.id == "harbour-ferry"
    assert document.format == "timeml" and document.lang is None
    assert document.text.startswith("\nThe harbour ferry resumed service Tuesday after")
    assert "Smith & Sons" in document.text  # &amp; unescaped
    assert "“We are relieved,”" in document.text  # numeric character references
    assert "<" not in document.text and "Harbour ferry back" not in document.text  # no TITLE


def test_timeml_dct_keeps_the_day_of_a_datetime_value():
    assert read_timeml(EVAL / "timeml" / "harbour-ferry.tml").published == date(2023, 3, 15)


def test_timeml_spans_are_code_point_offsets_with_attributes():
    document = read_timeml(EVAL / "timeml" / "harbour-ferry.tml")
    got = [(t.span, t.text, t.type, t.value, t.mod) for t in document.timexes]
    assert got == [
        ((35, 42), "Tuesday", "DATE", "2023-03-14", None),
        ((51, 61), "three-week", "DURATION", "P3W", None),
        # after the curly quotes (one code point each, three bytes in UTF-8)
        ((148, 157), "every day", "SET", "P1D", None),
        ((163, 178), "6 a.m. tomorrow", "TIME", "2023-03-16T06:00", None),
        ((216, 227), "early April", "DATE", "2023-04", "START"),
    ]
    for timex in document.timexes:
        assert document.text[timex.span[0] : timex.span[1]] == timex.text


def test_timeml_skips_non_consuming_timex():
    document = read_timeml(EVAL / "timeml" / "harbour-ferry.tml")
    assert "P1D" in [t.value for t in document.timexes]  # the SET "every day"
    assert len(document.timexes) == 5  # the empty TIMEX3 t6 is not a sixth


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<TimeML><TEXT>a <b></TEXT></TimeML>", "not well-formed XML"),
        ('<TimeML><DCT><TIMEX3 value="2020-01-01"/></DCT></TimeML>', "no <TEXT>"),
        ("<TimeML><TEXT>Monday</TEXT></TimeML>", "no document date"),
        ('<TimeML><DCT><TIMEX3 value="PRESENT_REF"/></DCT><TEXT>x</TEXT></TimeML>', "YYYY-MM-DD"),
        (
            '<TimeML><DCT><TIMEX3 value="2020-01-01"/></DCT>'
            '<TEXT><TIMEX3 tid="t1" type="date" value="2020">2020</TIMEX3></TEXT></TimeML>',
            "type 'date'",
        ),
    ],
)
def test_timeml_problems_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.tml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as raised:
        read_timeml(path)
    assert message in str(raised.value)
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)


# --- JSON ------------------------------------------------------------------------------------


def test_json_single_document_with_intervals():
    [document] = read_json(EVAL / "json" / "banjir-bekasi.id.json")
    assert (document.id, document.lang, document.published) == (
        "banjir-bekasi",
        "id",
        date(2024, 6, 21),
    )
    first, second, third = document.timexes
    assert (first.span, first.text, first.type, first.value) == (
        (36, 57),
        "Rabu (19/6) dini hari",
        "TIME",
        "2024-06-19TNI",
    )
    assert (first.start, first.end) == ("2024-06-19T00:00", "2024-06-19T06:00")
    assert (second.mod, second.start, second.end) == ("START", "2024-06-01", "2024-06-11")
    assert (third.text, third.start, third.end) == ("tiga bulan", None, None)


def test_json_list_and_annotation_without_span_found_in_order():
    budget, thanks = read_json(EVAL / "json" / "council.en.json")
    assert budget.timexes[2].text == "September"
    assert budget.timexes[2].span == (107, 116)
    assert budget.text[107:116] == "September"
    assert thanks.timexes == ()


def _document(**changes: object) -> dict:
    base: dict = {
        "id": "d1",
        "published": "2024-06-21",
        "lang": "id",
        "text": "Rapat digelar Rabu (19/6) dan dilanjutkan Juni depan oleh Juniarto.",
        "timexes": [{"span": [14, 25], "type": "DATE", "value": "2024-06-19"}],
    }
    base.update(changes)
    return base


def _timex(**changes: object) -> dict:
    base: dict = {"span": [14, 25], "type": "DATE", "value": "2024-06-19"}
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def _read(tmp_path: Path, data: object) -> list:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return read_json(path)


def test_json_valid_base_document_reads(tmp_path):
    [document] = _read(tmp_path, _document())
    assert document.timexes[0].text == "Rabu (19/6)"


def test_json_text_lookup_skips_longer_words_and_goes_in_order(tmp_path):
    text = "Juniarto bilang rapat Juni batal; Juni depan digelar lagi."
    juni = {"text": "Juni", "type": "DATE", "value": "2024-06"}
    [document] = _read(tmp_path, _document(text=text, timexes=[juni, juni]))
    assert [t.span for t in document.timexes] == [(22, 26), (34, 38)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_document(timexes=[_timex(span=[25, 14])]), "0 <= begin < end"),
        (_document(timexes=[_timex(span=[14, 14])]), "0 <= begin < end"),
        (_document(timexes=[_timex(span=[60, 99])]), "outside the text (67 characters)"),
        (_document(timexes=[_timex(span=[14])]), "'span' must be [begin, end]"),
        (_document(timexes=[_timex(span=[14.0, 25])]), "'span' must be [begin, end]"),
        (
            _document(timexes=[_timex(text="Rabu 19/6")]),
            "text at span [14, 25] is 'Rabu (19/6)', not 'Rabu 19/6'",
        ),
        (
            _document(timexes=[_timex(span=[0, 5], text="Rabu (19/6)")]),
            "('Rabu (19/6)' is at [14, 25])",
        ),
        (_document(timexes=[{"text": "Juli", "type": "DATE", "value": "2024-07"}]), "not found"),
        (_document(timexes=[{"type": "DATE", "value": "2024"}]), "give 'span'"),
        (_document(timexes=[_timex(type="date")]), "'type' 'date' is not one of"),
        (_document(timexes=[_timex(value="2024 06")]), "'value' must be a TIMEX3 value"),
        (_document(timexes=[_timex(mod="EARLY")]), "'mod' 'EARLY' is not one of"),
        (_document(timexes=[_timex(start="2024-06-19")]), "both 'start' and 'end'"),
        (
            _document(timexes=[_timex(start="19/06/2024", end="2024-06-20")]),
            "'start' must be YYYY-MM-DD",
        ),
        (
            _document(timexes=[_timex(start="2024-06-20", end="2024-06-20")]),
            "interval [2024-06-20, 2024-06-20) is empty",
        ),
        (_document(timexes=[_timex(vaule="x")]), "unknown key 'vaule'"),
        (_document(timexes=[_timex(), _timex(span=[20, 30])]), "overlaps"),
        (_document(published="21-06-2024"), "'published' must be a date YYYY-MM-DD"),
        (_document(published="2024-02-30"), "is no such date"),
        (_document(id=""), "'id' must be a non-empty string"),
        (_document(lang="Indonesian"), "'lang' must be a language code"),
        (_document(text=None), "'text' must be a string"),
        (_document(timexes={}), "'timexes' must be a list"),
        (_document(author="me"), "unknown key 'author'"),
        ("just a string", "expected a document object or a list"),
        ([_document(), "oops"], "document 2: expected a JSON object"),
    ],
)
def test_json_validation_errors_are_one_clear_line(tmp_path, data, message):
    with pytest.raises(GoldError) as raised:
        _read(tmp_path, data)
    text = str(raised.value)
    assert message in text
    assert text.startswith(str(tmp_path / "gold.json")) and "\n" not in text


def test_json_error_names_the_document_and_the_timex(tmp_path):
    data = [_document(), _document(id="d2", timexes=[_timex(), _timex(type="SOMETIME")])]
    with pytest.raises(GoldError, match=r"document 2 \(d2\): timex 2: 'type' 'SOMETIME'"):
        _read(tmp_path, data)


def test_json_syntax_error_gives_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"id": "x",\n "text": }', encoding="utf-8")
    with pytest.raises(GoldError, match=r"not valid JSON: .*\(line 2, column 10\)"):
        read_json(path)


# --- Paths -----------------------------------------------------------------------------------


def test_read_gold_recurses_and_sorts_whatever_the_argument_order():
    forward = [d.id for d in read_gold([EVAL / "timeml", EVAL / "json"])]
    backward = [d.id for d in read_gold([EVAL / "json", EVAL / "timeml", EVAL])]
    assert (
        forward
        == backward
        == ["banjir-bekasi", "council-budget", "council-thanks", "harbour-ferry"]
    )


def test_gold_files_ignores_other_files_and_hidden_folders(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.json").write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_text("{}", encoding="utf-8")
    assert gold_files([tmp_path]) == [tmp_path / "sub" / "a.json"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing", "no such file or folder"),
        (lambda p: p, "no .tml or .json gold files"),
        (lambda p: (p / "a.txt").write_text("x") and p / "a.txt", "not a gold file"),
    ],
)
def test_paths_without_gold_are_path_errors(tmp_path, make, message):
    with pytest.raises(GoldPathError, match=message):
        gold_files([make(tmp_path)])


def test_duplicate_ids_across_files_are_rejected(tmp_path):
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps(_document()), encoding="utf-8")
    with pytest.raises(GoldError, match=r"b\.json: document id 'd1' is already used by .*a\.json"):
        list(read_gold([tmp_path]))


# --- The shared research corpora (skipped when absent) ----------------------------------------


@pytest.mark.skipif(not (CORPORA / "timebank").is_dir(), reason="../shared/corpora is absent")
def test_timebank_documents_match_an_independent_tag_stripping():
    """Two corpus files: the text equals <TEXT> with tags stripped by a different method."""
    for path in sorted((CORPORA / "timebank").glob("*.tml"))[:2]:
        raw = path.read_text(encoding="utf-8")
        inner = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
        document = read_timeml(path)
        assert document.text == html.unescape(TAG.sub("", inner))
        assert len(document.timexes) == inner.count("<TIMEX3 ")
        assert len(document.timexes) > 0
        for timex in document.timexes:
            assert document.text[timex.span[0] : timex.span[1]] == timex.text
            assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
