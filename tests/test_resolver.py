"""Resolver behaviour that the cases files cannot express: warnings, anchors, language choice."""

from __future__ import annotations

from datetime import date

import timeline
from tests.conftest import REFERENCE
from timeline.pipeline.phrase import resolve_phrase


def test_weekday_that_disagrees_with_the_numbers_trusts_the_numbers_and_warns():
    result = resolve_phrase("Kamis (19/6/2024)", REFERENCE, "id")  # 19 June 2024 is a Wednesday
    assert result is not None
    assert result.value == "2024-06-19"
    assert result.warnings and "Wednesday" in result.warnings[0]


def test_matching_weekday_gives_no_warning():
    result = resolve_phrase("Rabu (19/6/2024)", REFERENCE, "id")
    assert result is not None and result.warnings == []


def test_anchor_is_reported_only_when_the_value_depends_on_it():
    relative = resolve_phrase("kemarin", REFERENCE, "id")
    absolute = resolve_phrase("17 Juni 2024", REFERENCE, "id")
    assert relative.anchor == "2024-06-21"
    assert absolute.anchor is None


def test_auto_language_handles_both_languages():
    assert resolve_phrase("awal bulan ini", REFERENCE).lang == "id"
    assert resolve_phrase("a few days ago", REFERENCE).lang == "en"
    assert resolve_phrase("Senin lalu", REFERENCE).value == "2024-06-17"
    assert resolve_phrase("last Monday", REFERENCE).value == "2024-06-17"


def test_auto_language_breaks_a_tie_with_the_phrase_words():
    """'6/7/2024' is 7 June in English and 6 July in Indonesian: the other words decide."""
    assert resolve_phrase("pada 6/7/2024 yang lalu", REFERENCE).value == "2024-07-06"
    assert resolve_phrase("on 6/7/2024 at the meeting", REFERENCE).value == "2024-06-07"


def test_longest_expression_in_a_phrase_wins():
    result = resolve_phrase(
        "rapat digelar Rabu (19/6/2024) pukul 14.30 WIB di Jakarta", REFERENCE, "id"
    )
    assert result.text == "Rabu (19/6/2024) pukul 14.30 WIB"
    assert result.type == "TIME"


def test_the_reference_is_never_the_clock():
    """Two different publication dates give two different answers for the same phrase."""
    assert resolve_phrase("kemarin", date(2000, 1, 1), "id").value == "1999-12-31"
    assert resolve_phrase("kemarin", date(2030, 3, 1), "id").value == "2030-02-28"


def test_public_api_accepts_iso_strings():
    result = timeline.resolve("bulan lalu", "2024-06-21", lang="id")
    assert result.value == "2024-05"
    assert timeline.resolve("tidak ada", "2024-06-21", lang="id") is None


def test_rule_name_and_granularity_are_reported():
    result = resolve_phrase("tiga minggu lalu", REFERENCE, "id")
    assert result.rule == "shift"
    assert result.granularity == "week"
    assert result.approximate is False
    vague = resolve_phrase("beberapa hari lalu", REFERENCE, "id")
    assert vague.approximate is True


def test_shifts_beyond_the_calendar_find_nothing_instead_of_failing():
    assert resolve_phrase("3000 tahun yang lalu", REFERENCE, "id") is None
    assert resolve_phrase("in 8000 years", REFERENCE, "en") is None
    assert resolve_phrase("30 centuries ago", REFERENCE, "en") is None


def test_the_api_reports_how_the_language_was_chosen():
    assert (
        timeline.extract("Kemarin hujan deras di Jakarta.", "2024-06-21").lang_source == "detected"
    )
    assert timeline.extract("Kemarin hujan.", "2024-06-21", lang="id").lang_source == "cli"


def test_deadlines_in_a_phrase_point_ahead():
    assert resolve_phrase("by noon Friday", date(2024, 2, 29), "en").value == "2024-03-01T12:00"
    assert resolve_phrase("until May", date(2024, 10, 15), "en").value == "2025-05"
    assert resolve_phrase("May", date(2024, 10, 15), "en") is None  # 'May' alone is not a month


def test_number_word_connectors_come_from_the_language_file():
    from timeline import languages

    english = languages.load("en")
    assert "and" in english.vocabulary.numbers.connectors
    assert resolve_phrase("one hundred and twenty days", REFERENCE, "en").value == "P120D"
