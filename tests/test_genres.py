"""Genres: a narrative counts from its own times, a post speaks its own words, and --genre auto
tells them from news."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_in_process
from timeline import extract
from timeline.discourse.genre_choice import decide_genre, social_markers
from timeline.discourse.genres import NARRATIVE, NEWS, SOCIAL, UnknownGenre, genre_named
from timeline.discourse.ranges import with_range_year
from timeline.pipeline.document import genre_for
from timeline.tagging.hashtags import split_hashtag


def _values(document):
    return {t.text: t.value for t in document.timexes}


# --------------------------------------------------------------------------------------------
# Narrative: the story's own times


def test_narrative_counts_from_the_story_not_the_publication_date():
    text = (
        "The Kingdom of Valdoria was founded in 1802. In March 1848, riots spread through the "
        "capital. The following year, the king abdicated. In June, a republic was declared."
    )
    news = _values(extract(text, "2024-06-21", lang="en", genre="news"))
    story = extract(text, "2024-06-21", lang="en", genre="narrative")
    assert news["In June" if "In June" in news else "June"] == "2024-06"
    assert _values(story)["The following year"] == "1849"
    june = next(t for t in story.timexes if t.text == "June")
    assert june.value == "1849-06"
    assert june.anchor_id == "t3"  # the following year, not the publication date t0
    assert (story.genre, story.genre_reason) == ("narrative", "given")


def test_narrative_moves_forward_across_the_new_year():
    text = "On December 20, 1914, the offensive began. On 3 January, the line broke."
    assert _values(extract(text, "2009-12-19", lang="en", genre="narrative"))["3 January"] == (
        "1915-01-03"
    )


def test_narrative_asides_and_look_backs_do_not_move_the_story():
    aside = (
        "The war began in 1918. The siege of Orla (May 1920 - July 1923) was its longest "
        "battle. In March, the first peace talks opened."
    )
    assert _values(extract(aside, "2009-12-19", lang="en", genre="narrative"))["March"] == (
        "1918-03"
    )
    back = "In 1930 the dam was finished. The previous year, floods had struck. In May, the lake filled."
    values = _values(extract(back, "2009-12-19", lang="en", genre="narrative"))
    assert values["The previous year"] == "1929"
    assert values["May"] == "1930-05"


def test_narrative_clock_time_falls_on_the_story_day():
    text = "The armistice was signed on 11 November 1918. Fighting went on. At 10:57 a.m. the last shot fell."
    document = extract(text, "2009-12-19", lang="en", genre="narrative")
    assert _values(document)["10:57 a.m."] == "1918-11-11T10:57"


def test_range_opener_takes_the_year_of_its_end_in_every_genre():
    text = "German casualties between March and April 1918 were heavy."
    assert _values(extract(text, "2009-12-19", lang="en", genre="news"))["March"] == "1918-03"
    text = "Kemarau panjang berlangsung dari November hingga Februari 2024."
    assert _values(extract(text, "2024-06-21", lang="id", genre="news"))["November"] == "2023-11"


def test_range_year_needs_a_stated_year_at_the_end():
    from timeline.grammar.specs import DateSpec

    opener = DateSpec(month=3)
    assert with_range_year(opener, None) is opener


# --------------------------------------------------------------------------------------------
# Social: posts' words and hashtags


def test_social_words_and_short_weekdays():
    values = _values(
        extract("see u tmrw at 430pm, then sat nite!", "2024-06-21", "en", genre="social")
    )
    assert values["tmrw at 430pm"] == "2024-06-22T16:30"
    assert values["sat nite"] == "2024-06-15TNI"
    news = _values(extract("see u tmrw at 430pm, then sat nite!", "2024-06-21", "en", genre="news"))
    assert "tmrw at 430pm" not in news


def test_short_weekdays_only_where_a_day_is_meant():
    document = extract("I sat in the sun on wed.", "2024-06-21", "en", genre="social")
    assert [(t.text, t.value) for t in document.timexes] == [("wed", "2024-06-19")]


def test_hashtag_words_are_read_in_posts():
    document = extract("Happy #MondayMotivation everyone!", "2024-06-17", "en", genre="social")
    [monday] = document.timexes
    assert (monday.text, monday.span, monday.value) == ("Monday", (7, 13), "2024-06-17")
    assert not extract(
        "Happy #MondayMotivation everyone!", "2024-06-17", "en", genre="news"
    ).timexes


def test_split_hashtag_keeps_offsets():
    assert split_hashtag("MondayMotivation", 1) == [(1, "Monday"), (7, "Motivation")]
    assert split_hashtag("TBT2014", 5) == [(5, "TBT"), (8, "2014")]
    assert split_hashtag("mondaymotivation", 1) == [(1, "mondaymotivation")]


# --------------------------------------------------------------------------------------------
# --genre auto


def _history(published: str):
    text = " ".join(f"In {1700 + 7 * i}, the council of Orla met in the north." for i in range(25))
    return extract(text + " The following year, it was dissolved.", published, "en")


def test_auto_reads_a_history_as_a_narrative():
    document = _history("2024-06-21")
    assert document.genre == "narrative"
    assert "25 stated years" in document.genre_reason
    assert "25 of them more than 10 years from the publication date" in document.genre_reason
    assert _values(document)["The following year"] == "1869"


def test_auto_reads_news_as_news():
    text = (
        "The council met yesterday and will meet again next week. Last year it met in March "
        "2023, and in 2022 it did not meet at all."
    )
    document = extract(text, "2024-06-21", "en")
    assert document.genre == "news"
    assert document.genre_reason.startswith("3 of 5 expressions count from the publication date")


def test_auto_reads_a_short_text_with_the_marks_of_a_post_as_social():
    document = extract("omg the party tonite was epic #blessed @jo", "2024-06-21", "en")
    assert document.genre == "social"
    assert "a #hashtag" in document.genre_reason and "an @handle" in document.genre_reason
    assert _values(document)["tonite"] == "2024-06-21TNI"
    # an informal time word alone is a mark too
    assert extract("Haven't run in 16days", "2024-06-21", "en").genre == "social"
    # ... but a plain short sentence is news, and keeps news' profiles
    document = extract("In the 1988 period, costs fell.", "1990-10-26")
    assert (document.genre, _values(document)["the 1988 period"]) == ("news", "1988")


def test_social_markers_are_named():
    assert social_markers("see http://t.co/x :) #tbt @me \U0001f600", {"lol"}) == [
        "a #hashtag",
        "an @handle",
        "a link",
        "an emoticon",
        "an emoji",
    ]
    assert social_markers("lol ok", {"lol"}) == ["the word 'lol'"]
    assert social_markers("Price: $5 (20%). Email a@b.com #1") == []


def test_decide_genre_without_expressions_is_news():
    choice = decide_genre("No times here at all, just words.", [], None)
    assert choice.genre is NEWS and "default" in choice.reason


def test_genre_for_names_and_auto():
    assert genre_for("narrative", "anything").genre is NARRATIVE
    assert genre_for("social", "anything").reason == "given"
    assert genre_for(NEWS, "anything").genre is NEWS
    assert genre_for("auto", "cant wait 4 2nite lol", "2024-06-21").genre is SOCIAL
    with pytest.raises(UnknownGenre, match="choose one of news, narrative, social or auto"):
        genre_named("poetry")


# --------------------------------------------------------------------------------------------
# The command line


def test_extract_and_eval_take_genre(monkeypatch, capsys, tmp_path):
    article = tmp_path / "history.txt"
    article.write_text(
        "In March 1848, riots spread through the capital. In June, a republic was declared.",
        encoding="utf-8",
    )
    code, out, err = run_in_process(
        monkeypatch, capsys, "extract", str(article), "-p", "2024-06-21", "--genre", "narrative"
    )
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert (document["genre"], document["genre_reason"]) == ("narrative", "given")
    assert [t["value"] for t in document["timexes"]] == ["1848-03", "1848-06"]
    code, _, err = run_in_process(monkeypatch, capsys, "extract", str(article), "-g", "poetry")
    assert code == 2
    assert (
        err
        == "timeline: error: unknown genre 'poetry'; choose one of news, narrative, social or auto\n"
    )
    code, _, err = run_in_process(monkeypatch, capsys, "eval", str(article), "--genre", "epic")
    assert code == 2 and "unknown genre 'epic'" in err
    code, _, err = run_in_process(
        monkeypatch,
        capsys,
        "plot",
        str(article),
        "-p",
        "2024-06-21",
        "--genre",
        "x",
        "-o",
        str(tmp_path / "t.png"),
    )
    assert code == 2 and "unknown genre 'x'" in err


def test_corpus_record_genre(monkeypatch, capsys, tmp_path):
    corpus = tmp_path / "c.jsonl"
    text = "In March 1848, riots spread. In June, a republic was declared."
    records = [
        {"id": "a", "text": text, "published": "2024-06-21", "lang": "en", "genre": "narrative"},
        {"id": "b", "text": text, "published": "2024-06-21", "lang": "en"},
        {"id": "c", "text": text, "published": "2024-06-21", "genre": "epic"},
        {"id": "d", "text": text, "published": "2024-06-21", "genre": 3},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, _ = run_in_process(monkeypatch, capsys, "extract", str(corpus), "-f", "jsonl")
    a, b, c, d = (json.loads(line) for line in out.splitlines())
    assert code == 1
    assert (a["genre"], a["genre_reason"], a["timexes"][1]["value"]) == (
        "narrative",
        "given",
        "1848-06",
    )
    assert (b["genre"], b["timexes"][1]["value"]) == ("news", "2024-06")
    assert c["error"] == "unknown genre 'epic'; choose one of news, narrative, social or auto"
    assert d["error"] == "bad 'genre' 3: give its name as a string"
    # --genre applies to records without their own
    code, out, _ = run_in_process(
        monkeypatch, capsys, "extract", str(corpus), "-f", "jsonl", "--genre", "narrative"
    )
    a, b, *_ = (json.loads(line) for line in out.splitlines())
    assert (b["genre"], b["timexes"][1]["value"]) == ("narrative", "1848-06")


def test_narrative_now_is_the_writers_present():
    text = "In June 1940 Italy invaded. In December, the war widened. Now the site is a museum."
    values = {
        t.text: (t.value, t.start)
        for t in extract(text, "2009-12-19", "en", genre="narrative").timexes
    }
    assert values["December"] == ("1940-12", "1940-12-01")
    assert values["Now"] == ("PRESENT_REF", "2009-12-19")


def test_years_before_the_common_era_have_values_and_no_interval():
    text = "The revolt lasted from 499 to 493 BC. In April 480 BC the army crossed; by the 4th century BC the city had fallen."
    document = extract(text, "2009-12-19", "en", genre="narrative")
    values = {t.text: t.value for t in document.timexes}
    assert values == {
        "499": "BC0499",
        "493 BC": "BC0493",
        "April 480 BC": "BC0480-04",
        "the 4th century BC": "BC03",
    }
    april = next(t for t in document.timexes if t.text == "April 480 BC")
    assert (april.start, april.end, april.granularity) == (None, None, "month")
    assert april.warnings == [
        "before the common era: no interval (the calendar here starts in year 1)"
    ]


def test_a_story_before_the_common_era_counts_in_its_own_era():
    text = (
        "In 492 BC the fleet sailed. The following year, Darius sent envoys. "
        "In 1914 a museum opened. Two years later it closed."
    )
    values = _values(extract(text, "2009-12-19", "en", genre="narrative"))
    assert values["The following year"] == "BC0491"
    assert values["Two years later"] == "1916"


def test_resolve_and_eval_take_genre(monkeypatch, capsys, tmp_path):
    code, out, _ = run_in_process(
        monkeypatch,
        capsys,
        "resolve",
        "6pm tmrw",
        "-p",
        "2024-06-21",
        "--genre",
        "social",
        "--json",
    )
    assert code == 0 and json.loads(out)["value"] == "2024-06-22T18:00"
    code, out, _ = run_in_process(
        monkeypatch, capsys, "resolve", "6pm tmrw", "-p", "2024-06-21", "--genre", "news", "--json"
    )
    assert json.loads(out)["value"] == "2024-06-21T18:00"  # 'tmrw' is no word of news
    gold = tmp_path / "history.tml"
    gold.write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>h</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
        'value="2009-12-19" functionInDocument="CREATION_TIME">2009-12-19</TIMEX3></DCT><TEXT>'
        'In <TIMEX3 tid="t1" type="DATE" value="1848-03">March 1848</TIMEX3>, riots spread. In '
        '<TIMEX3 tid="t2" type="DATE" value="1848-06">June</TIMEX3>, a republic was declared.'
        "</TEXT></TimeML>",
        encoding="utf-8",
    )
    scores = {}
    for genre in ("news", "narrative"):
        code, out, _ = run_in_process(
            monkeypatch, capsys, "eval", str(gold), "--genre", genre, "--json"
        )
        scores[genre] = json.loads(out)["value"]["accuracy"]
    assert scores == {"news": 0.5, "narrative": 1.0}


def test_narratives_mark_the_storys_former_and_future_things():
    text = "In 1918 the former empire lost its recent gains, and the new state feared future wars."
    story = _values(extract(text, "2009-12-19", "en", genre="narrative"))
    assert (story["former"], story["recent"], story["future"]) == (
        "PAST_REF",
        "PAST_REF",
        "FUTURE_REF",
    )
    assert "former" not in _values(extract(text, "2009-12-19", "en", genre="news"))
