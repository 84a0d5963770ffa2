"""Documents in two languages: an Indonesian article quoting English keeps both languages'
expressions, whichever language the document is read in."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, run_in_process
from timeline import extract
from timeline.ingest.mixed import other_language_sentences
from timeline.ingest.sentences import split_sentences

ARTICLE = (
    "Pabrik tekstil di Bandung ditutup pada Senin (23/6). "
    '"We signed the deal last March, and two days later the factory was closed," kata manajer '
    'pabrik itu. Ia menambahkan, "The workers will be paid on Friday." '
    "Warga mengungsi ke balai desa sejak kemarin."
)
PUBLISHED = "2024-06-25"  # a Tuesday


def found(lang: str) -> dict[str, str]:
    document = extract(ARTICLE, PUBLISHED, lang=lang)
    return {timex.text: timex.value for timex in document.timexes}


@pytest.mark.parametrize("lang", ["auto", "id", "en"])
def test_both_languages_expressions_are_kept(lang):
    """Issue 14: under auto (and --lang id) the English ones were lost, under --lang en the
    Indonesian ones."""
    assert found(lang) == {
        "Senin (23/6)": "2024-06-23",
        "last March": "2024-03",
        "two days later": "2024-03-03",
        "Friday": "2024-06-28",  # 'will be paid': the English tense words count in English
        "kemarin": "2024-06-24",
    }


def test_the_document_keeps_its_main_language_and_says_which_sentences_were_mixed():
    document = extract(ARTICLE, PUBLISHED)
    assert (document.lang, document.lang_source) == ("id", "detected")
    first = ARTICLE.index('"We signed')
    second = ARTICLE.index("Ia menambahkan")
    assert document.warnings == [
        f"2 sentence(s) read with the rules of 'en' as well: [{first}, {ARTICLE.index(' Ia')}),"
        f" [{second}, {ARTICLE.index(' Warga')})"
    ]


def test_a_numeric_date_is_read_in_the_language_of_its_sentence():
    text = (
        "Rapat digelar pada 5/6/2024 di Jakarta dan dihadiri para menteri. "
        '"The company will announce its results on 5/6/2024 at the latest," the spokesman said.'
    )
    document = extract(text, "2024-04-20", lang="id")
    assert [t.value for t in document.timexes] == ["2024-06-05", "2024-05-06"]


def test_english_names_in_an_indonesian_sentence_are_not_english_times():
    text = (
        "Ada juga Nijinsky, Rimbaud, Goddess is Watching, Fan Letter, Smoke, Letters for You, "
        "Goodbye, Summer, dan banyak lagi yang dipentaskan sejak 2019."
    )
    document = extract(text, "2025-06-25", lang="id")
    assert [t.text for t in document.timexes] == ["2019"]
    assert document.warnings == []


def test_one_language_documents_have_no_mixed_sentences():
    seed = (FIXTURES / "tajukrakyat-putin-kim-pact.id.txt").read_text(encoding="utf-8")
    english = "The bridge reopens next Monday. Work began in 2019 and took three years."
    for text, main in ((seed, "id"), (english, "en")):
        sentences = split_sentences(text)
        assert other_language_sentences(text, sentences, main, ["en", "id"]) == []


@pytest.mark.parametrize("command", ["extract", "plot"])
def test_help_says_what_auto_does_with_a_document(monkeypatch, capsys, command):
    """Issue 14: --help said auto 'tries them all', which a document never did."""
    code, out, _ = run_in_process(monkeypatch, capsys, command, "--help")
    flat = " ".join(out.split())
    assert code == 0 and "try them all" not in flat
    assert "sentences in another language are read with that language's rules as well" in flat
