"""The seed article (fixtures/, published 2024-06-21): every expression and event the issue
names, resolved in context."""

from __future__ import annotations

import pytest

from tests.conftest import SEED, SEED_PUBLISHED
from timeline import extract

TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document():
    return extract(TEXT, SEED_PUBLISHED, lang="id", doc_id="seed")


def _timex(document, text):
    found = [t for t in document.timexes if t.text == text]
    assert found, f"{text!r} not found; got {[t.text for t in document.timexes]}"
    return found[0]


def test_spans_point_at_the_text(document):
    for timex in document.timexes:
        begin, end = timex.span
        assert TEXT[begin:end] == timex.text


def test_a_few_days_ago(document):
    timex = _timex(document, "Beberapa hari lalu")
    assert (timex.type, timex.value) == ("DATE", "PAST_REF")
    assert (timex.start, timex.end) == ("2024-06-16", "2024-06-20")
    assert timex.approximate


def test_the_future(document):
    timex = _timex(document, "masa depan")
    assert (timex.type, timex.value, timex.start) == ("DATE", "FUTURE_REF", None)


def test_recent_months_and_weeks(document):
    months = _timex(document, "beberapa bulan terakhir")
    assert (months.type, months.value) == ("DURATION", "PXM")
    assert (months.start, months.end) == ("2024-01-21", "2024-06-22")
    weeks = _timex(document, "beberapa minggu terakhir")
    assert (weeks.type, weeks.value) == ("DURATION", "PXW")
    assert (weeks.start, weeks.end) == ("2024-05-17", "2024-06-22")


def test_bare_september_takes_the_year_the_document_gives(document):
    bare = _timex(document, "September")
    assert bare.value == "2023-09"
    explicit = _timex(document, "bulan September 2023")
    assert explicit.value == "2023-09"
    assert explicit.anchor is None  # the text fixed it alone


def test_early_this_month(document):
    timex = _timex(document, "Awal bulan ini")
    assert (timex.value, timex.mod) == ("2024-06", "START")
    assert (timex.start, timex.end) == ("2024-06-01", "2024-06-11")


def test_nothing_else_is_tagged(document):
    """No expression hides in 'sanksi', 'bersejarah' or the site name."""
    assert len(document.timexes) == 7


def _event_with(document, *words):
    for event in document.events:
        if all(w.lower() in event.text.lower() for w in words):
            return event
    raise AssertionError(f"no event with {words}: {[e.text for e in document.events]}")


def test_the_september_meeting_is_one_event_with_two_mentions(document):
    meeting = _event_with(document, "pertemuan", "membahas")
    assert (meeting.start, meeting.end) == ("2023-09-01", "2023-10-01")
    assert len(meeting.mentions) == 2
    assert {document.timexes[int(i[1:]) - 1].text for i in meeting.timexes} == {
        "September",
        "bulan September 2023",
    }


def test_missiles_since_then(document):
    missiles = _event_with(document, "rudal")
    assert missiles.relation == "since"
    assert (missiles.start, missiles.end) == ("2023-09-01", "2024-06-22")


def test_recent_difficulties_permission_and_remark(document):
    difficulties = _event_with(document, "kesulitan")
    assert (difficulties.start, difficulties.end) == ("2024-01-21", "2024-06-22")
    permission = _event_with(document, "izin")
    assert (permission.start, permission.end) == ("2024-05-17", "2024-06-22")
    assert permission.text.startswith("AS dan negara-negara NATO")  # connective and time cut
    # 'Awal bulan ini, dia mengatakan, sedang mempertimbangkan ...': the time dates the saying,
    # which is titled by what was said; the consideration itself has no time of its own
    saying = next(e for e in document.events if e.title.startswith("Mempertimbangkan"))
    assert saying.event_class == "REPORTING" and not saying.inherited
    assert (saying.start, saying.end) == ("2024-06-01", "2024-06-11")
    assert document.timexes[int(saying.dated_by[1:]) - 1].text == "Awal bulan ini"
    considering = next(e for e in document.undated_events if "mempertimbangkan" in e.text)
    assert considering.dated_by is None


def test_the_signing_and_the_future(document):
    signing = _event_with(document, "menandatangani")
    assert signing.value == "PAST_REF"
    assert (signing.start, signing.end) == ("2024-06-16", "2024-06-20")
    assert signing.text.startswith("Pemimpin Rusia")  # "Beberapa hari lalu," cut
    future = _event_with(document, "Semenanjung Korea")
    assert future.value == "FUTURE_REF" and future.start is None


def test_events_are_chronological_with_vague_future_last(document):
    dated = [e for e in document.events if e.start is not None]
    keys = [(e.start, e.end or "") for e in dated]
    assert keys == sorted(keys)
    assert document.events[-1].value == "FUTURE_REF"
    assert [e.id for e in document.events] == [f"e{i}" for i in range(1, len(document.events) + 1)]


def test_undated_sentences_are_flagged_not_given_the_publication_date(document):
    assert document.undated_events
    assert all(e.start is None and e.end is None for e in document.undated_events)
    assert not any(e.start == "2024-06-21" for e in document.events)
