"""A publication date the input does not give is estimated from the dates the text names, and
only from dates whose weekday vouches for them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import run_in_process
from timeline import extract
from timeline.ingest.published_estimate import DateClue, estimate_publication
from timeline.pipeline.document import NoPublicationDate


def _estimate(text: str, lang: str = "id"):
    document = extract(text, None, lang=lang)
    assert document.published_source == "estimated"
    return document.published, document.published_evidence


def test_latest_full_date_whose_weekday_agrees():
    text = (
        "JAKARTA, KOMPAS.com - Banjir melanda Demak pada Sabtu (28/6/2025). "
        "Warga mengungsi sejak Jumat (27/6/2025)."
    )
    assert _estimate(text) == (
        "2025-06-28",
        "'Sabtu (28/6/2025)', the latest date with its weekday and year",
    )
    english = "The mayor spoke on Monday, June 30, 2025, and the council met Friday, June 27, 2025."
    assert _estimate(english, "en")[0] == "2025-06-30"


def test_a_dateline_wins():
    text = "JAKARTA, Rabu (2/7/2025) - Harga beras naik. Pedagang mengeluh sejak Senin (30/6/2025)."
    assert _estimate(text) == ("2025-07-02", "the dateline 'Rabu (2/7/2025)'")


def test_a_date_told_as_today_or_tomorrow():
    today = "Harga BBM naik hari ini, Selasa (1/7/2025). Kenaikan diumumkan Senin (30/6/2025)."
    assert _estimate(today) == ("2025-07-01", "'Selasa (1/7/2025)', told as today")
    tomorrow = (
        "Polisi akan menggelar razia Kamis (3/7/2025) besok. Razia terakhir Selasa (1/7/2025)."
    )
    assert _estimate(tomorrow)[0] == "2025-07-02"


def test_a_weekday_date_without_a_year_takes_the_year_stated_most_often():
    text = "Gempa terjadi Sabtu (28/6). Sepanjang 2025 tercatat 12 gempa, dan 30 pada 2024."
    assert _estimate(text) == (
        "2025-06-28",
        "'Sabtu (28/6)', the latest date with its weekday, in 2025 "
        "(the year the text states most often)",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hujan turun kemarin.",  # no date at all
        "Banjir terjadi Jumat (28/6/2025).",  # 28 June 2025 was a Saturday: a typo, not evidence
        "Rapat digelar 28 Juni 2025.",  # no weekday to vouch for it
        "Gempa terjadi Sabtu (28/6).",  # no year anywhere
    ],
)
def test_no_estimate_without_evidence(text):
    with pytest.raises(NoPublicationDate, match="the text names no date to estimate it from"):
        extract(text, None, lang="id")


def test_estimator_rules_on_clues():
    clue = DateClue(start=0, end=10, text="Sabtu (28/6)", month=6, day=28, weekday=6)
    assert estimate_publication("Sabtu (28/6)", [clue], []) is None
    found = estimate_publication("Sabtu (28/6)", [clue], [2019, 2025])
    assert found is not None and found.day == date(2025, 6, 28)
    # the weekday must agree in that latest year: 28/6/2024 was a Friday
    assert estimate_publication("Sabtu (28/6)", [clue], [2024]) is None


def test_command_line_estimates_and_fails_clearly(monkeypatch, capsys, tmp_path):
    dated = tmp_path / "dated.txt"
    dated.write_text("Banjir melanda Demak pada Sabtu (28/6/2025) malam.", encoding="utf-8")
    code, out, err = run_in_process(monkeypatch, capsys, "extract", str(dated))
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert (document["published"], document["published_source"]) == ("2025-06-28", "estimated")
    assert document["published_evidence"].startswith("'Sabtu (28/6/2025) malam'")
    undated = tmp_path / "undated.txt"
    undated.write_text("Hujan turun kemarin.", encoding="utf-8")
    code, out, err = run_in_process(monkeypatch, capsys, "extract", str(undated))
    assert (code, out) == (2, "")
    assert err == (
        "timeline: error: --published YYYY-MM-DD is required: the text names no date to "
        "estimate it from (a dateline, or a date with its weekday, like 'Sabtu (28/6/2025)') "
        "(the tool never assumes today)\n"
    )
    # --published always wins
    code, out, _ = run_in_process(monkeypatch, capsys, "extract", str(dated), "-p", "2025-07-01")
    assert json.loads(out)["published_source"] == "cli"
