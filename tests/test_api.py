"""The Python API and the command line take the same path: same checks, same warnings."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

import timeline
from tests.conftest import run_in_process
from timeline.ingest.published import BadPublicationDate

FRENCH = (
    "Le conseil municipal s'est réuni mardi soir pour voter le budget de la ville, "
    "a annoncé le maire dans un communiqué publié hier."
)


def test_auto_language_warns_in_the_api_as_in_the_cli(monkeypatch, capsys, tmp_path):
    document = timeline.extract(FRENCH, "2024-06-21", lang="auto")
    assert document.lang_source == "detected"
    assert any("looks like 'fr'" in warning for warning in document.warnings)
    page = tmp_path / "fr.txt"
    page.write_text(FRENCH, encoding="utf-8")
    code, out, _ = run_in_process(monkeypatch, capsys, "extract", str(page), "-p", "2024-06-21")
    assert code == 0
    assert json.loads(out)["warnings"] == document.warnings


def test_a_given_language_gets_no_detection_warning():
    document = timeline.extract(FRENCH, "2024-06-21", lang="en")
    assert (document.lang, document.lang_source, document.warnings) == ("en", "cli", [])


@pytest.mark.parametrize(
    "bad", ["20240621", "2024-W25-5", "2024-06-31", "21/06/2024", "9999-12-31"]
)
def test_the_api_refuses_the_dates_the_cli_refuses(monkeypatch, capsys, bad):
    with pytest.raises(BadPublicationDate) as refused:
        timeline.extract("kemarin", bad, lang="id")
    code, _, err = run_in_process(monkeypatch, capsys, "resolve", "kemarin", "-p", bad)
    assert code == 2
    assert (
        err.strip()
        == f"timeline: error: {str(refused.value).replace('publication date', '--published')}"
    )
    with pytest.raises(BadPublicationDate):
        timeline.resolve("kemarin", bad)


def test_dates_and_datetimes_are_accepted_as_their_day():
    expected = timeline.extract("kemarin", "2024-06-21", lang="id").timexes[0].value
    assert expected == "2024-06-20"
    assert timeline.extract("kemarin", date(2024, 6, 21), lang="id").timexes[0].value == expected
    moment = datetime(2024, 6, 21, 9, 12)
    assert timeline.extract("kemarin", moment, lang="id").timexes[0].value == expected


def test_bytes_and_other_types_get_a_clear_error():
    with pytest.raises(TypeError, match="text must be a str, got bytes"):
        timeline.extract(b"kemarin", "2024-06-21", lang="id")  # type: ignore[arg-type]
    with pytest.raises(BadPublicationDate, match="of type int"):
        timeline.extract("kemarin", 20240621, lang="id")


def test_the_package_says_its_version():
    assert timeline.__version__ and timeline.__version__[0].isdigit()
