"""TempEval-3 scores on hand-made system outputs with hand-computed answers, and `timeline eval`."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline.evaluation.baselines import dateparser_system, locate_in_order
from timeline.evaluation.gold import GoldDocument, GoldTimex, read_gold
from timeline.evaluation.timexes import (
    Evaluation,
    Predicted,
    evaluate,
    pair_timexes,
    score,
    span_key,
    text_key,
    value_key,
)

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO / "fixtures" / "eval"
REF = date(2024, 6, 21)


def at(text: str, phrase: str) -> tuple[int, int]:
    begin = text.index(phrase)
    return begin, begin + len(phrase)


def doc(text: str, *gold: tuple[str, str, str], doc_id: str = "d") -> GoldDocument:
    """A gold document from (phrase, type, value) triples; each phrase's first occurrence."""
    timexes = tuple(GoldTimex(at(text, p), p, t, v) for p, t, v in gold)
    return GoldDocument(doc_id, text, REF, None, timexes, "test", "json")


def sys_at(text: str, phrase: str, kind: str, value: str) -> Predicted:
    return Predicted(at(text, phrase), kind, value)


def run(*pairs: tuple[GoldDocument, list[Predicted]]) -> Evaluation:
    return score(pairs)


# --- Span matching edge cases --------------------------------------------------------------------


def test_one_system_span_over_two_gold_spans_is_relaxed_p_1_of_1_and_r_2_of_2():
    text = "Voting runs from March 3 to March 5 nationwide."
    gold = doc(text, ("March 3", "DATE", "2024-03-03"), ("March 5", "DATE", "2024-03-05"))
    result = run((gold, [sys_at(text, "March 3 to March 5", "DATE", "2024-03-03")]))
    r, s = result.relaxed, result.strict
    assert (r.system_matched, r.system, r.gold_matched, r.gold) == (1, 1, 2, 2)
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    assert (s.system_matched, s.gold_matched, s.f1) == (0, 0, 0.0)
    # One pair only, and on an overlap tie the earlier gold wins: its value is right.
    assert (result.value_accuracy.correct, result.value_accuracy.total) == (1, 1)
    assert result.value_f1 == 1.0
    assert result.error_counts["missed"] == 0 and result.error_counts["spurious"] == 0
    assert [c.key for c in result.errors["partial_span"]] == ["adds 'to march #' after"]


def test_touching_spans_do_not_overlap():
    text = "Sales fell on Monday morning."
    gold = doc(text, ("Monday", "DATE", "2024-06-17"))
    begin = at(text, "Monday")[1]
    system = [Predicted((begin, begin + len(" morning")), "TIME", "2024-06-17TMO")]
    result = run((gold, system))
    assert (result.relaxed.precision, result.relaxed.recall, result.relaxed.f1) == (0.0, 0.0, 0.0)
    assert result.value_accuracy.total == 0 and result.value_f1 == 0.0
    assert [c.key for c in result.errors["missed"]] == ["monday"]
    assert [c.key for c in result.errors["spurious"]] == ["morning"]


def test_exact_and_partial_matches():
    text = "Output fell last week, the lowest since 2019."
    gold = doc(text, ("last week", "DATE", "2024-W24"), ("2019", "DATE", "2019"))
    system = [sys_at(text, "week", "DATE", "2024-W24"), sys_at(text, "2019", "DATE", "2019")]
    result = run((gold, system))
    assert (result.strict.precision, result.strict.recall, result.strict.f1) == (0.5, 0.5, 0.5)
    assert (result.relaxed.precision, result.relaxed.recall) == (1.0, 1.0)
    assert result.value_accuracy.accuracy == 1.0
    [partial] = result.errors["partial_span"]
    assert (partial.key, partial.count) == ("lacks 'last' before", 1)
    assert partial.examples[0].system_text == "week"


def test_wrong_value_and_wrong_type_on_exact_spans():
    text = "On Friday the firm marked three years of losses."
    gold = doc(text, ("Friday", "DATE", "2024-06-21"), ("three years", "DURATION", "P3Y"))
    system = [
        sys_at(text, "Friday", "DATE", "2024-06-14"),
        sys_at(text, "three years", "DATE", "2021"),
    ]
    result = run((gold, system))
    assert result.strict.f1 == 1.0 and result.relaxed.f1 == 1.0
    assert (result.value_accuracy.correct, result.value_accuracy.total) == (0, 2)
    assert (result.type_accuracy.correct, result.type_accuracy.total) == (1, 2)
    assert (result.value_f1, result.type_f1) == (0.0, 0.5)
    assert sorted(c.key for c in result.errors["wrong_value"]) == [
        "9999-99-99 -> 9999-99-99 (day differs)",
        "P9Y -> 9999",
    ]
    [wrong_type] = result.errors["wrong_type"]
    assert wrong_type.key == "DURATION -> DATE"
    assert wrong_type.examples[0].gold == "DURATION P3Y"
    assert wrong_type.examples[0].system == "DATE 2021"


def test_empty_system_output():
    text = "It rained on Monday and on Tuesday."
    gold = doc(text, ("Monday", "DATE", "2024-06-17"), ("Tuesday", "DATE", "2024-06-18"))
    result = run((gold, []))
    assert result.strict.precision is None  # nothing to be precise about
    assert (result.strict.recall, result.strict.f1) == (0.0, 0.0)
    assert result.relaxed.f1 == 0.0
    assert result.value_accuracy.accuracy is None and result.value_f1 == 0.0
    assert result.error_counts["missed"] == 2


def test_empty_gold():
    text = "Nothing dated here, now or ever."
    result = run((doc(text), [sys_at(text, "now", "DATE", "PRESENT_REF")]))
    assert (result.relaxed.precision, result.relaxed.recall, result.relaxed.f1) == (0.0, None, 0.0)
    assert [c.key for c in result.errors["spurious"]] == ["now"]
    both_empty = run((doc(text), []))
    assert both_empty.strict.f1 is None and both_empty.value_f1 is None
    assert "  n/a" in both_empty.to_text()


def test_scores_are_micro_averaged_over_the_corpus():
    a = "The plant opened in 2019, closed last week and reopens on Friday."
    b = "Prices rose on Monday. Traders expect calm."
    gold_a = doc(
        a,
        ("2019", "DATE", "2019"),
        ("last week", "DATE", "2024-W24"),
        ("Friday", "DATE", "2024-06-21"),
        doc_id="a",
    )
    gold_b = doc(b, ("Monday", "DATE", "2024-06-17"), doc_id="b")
    result = run(
        (gold_a, [sys_at(a, "2019", "DATE", "2019"), sys_at(a, "week", "DATE", "2024-W24")]),
        (gold_b, [sys_at(b, "Monday", "DATE", "2024-06-10"), sys_at(b, "calm", "DATE", "X")]),
    )
    # strict: 2 of 4 system, 2 of 4 gold (a macro average would give recall (1/3 + 1) / 2)
    assert (result.strict.precision, result.strict.recall, result.strict.f1) == (0.5, 0.5, 0.5)
    assert (result.relaxed.precision, result.relaxed.recall, result.relaxed.f1) == (
        0.75,
        0.75,
        0.75,
    )
    assert (result.value_accuracy.correct, result.value_accuracy.total) == (2, 3)
    assert result.value_f1 == pytest.approx(0.5)
    assert result.type_f1 == 0.75
    [row] = result.by_type
    assert (row.type, row.gold) == ("DATE", 4)
    assert (row.strict_recall.correct, row.relaxed_recall.correct) == (2, 3)
    assert (row.value_accuracy.correct, row.value_accuracy.total) == (2, 3)
    assert (row.value_recall.correct, row.value_recall.total) == (2, 4)
    assert result.error_counts == {
        "missed": 1,
        "spurious": 1,
        "wrong_value": 1,
        "wrong_type": 0,
        "partial_span": 1,
    }


def test_by_type_is_by_gold_type_in_timex3_order():
    text = "Every week for two years, and on 5 May."
    gold = doc(
        text,
        ("5 May", "DATE", "2024-05-05"),
        ("two years", "DURATION", "P2Y"),
        ("Every week", "SET", "P1W"),
    )
    system = [sys_at(text, "two years", "DATE", "P2Y")]
    result = run((gold, system))
    assert [(row.type, row.gold) for row in result.by_type] == [
        ("DATE", 1),
        ("DURATION", 1),
        ("SET", 1),
    ]
    duration = result.by_type[1]
    assert duration.relaxed_recall.accuracy == 1.0
    assert duration.type_accuracy.accuracy == 0.0 and duration.value_accuracy.accuracy == 1.0
    assert result.by_type[0].relaxed_recall.accuracy == 0.0


# --- Pairing ---------------------------------------------------------------------------------


def test_pairing_is_by_largest_overlap_not_by_gold_order():
    gold = (
        GoldTimex((0, 10), "a" * 10, "DATE", "A"),
        GoldTimex((10, 20), "b" * 10, "DATE", "B"),
    )
    # Overlaps the first gold by 6 and the second by 10: it is the second's pair.
    system = [Predicted((4, 20), "DATE", "B")]
    assert pair_timexes(gold, system) == [(1, 0)]
    document = GoldDocument("d", "x" * 20, REF, None, gold, "test", "json")
    assert score([(document, system)]).value_accuracy.accuracy == 1.0


def test_pairing_is_one_to_one():
    gold = (GoldTimex((0, 5), "aaaaa", "DATE", "A"),)
    system = [Predicted((0, 5), "DATE", "A"), Predicted((2, 8), "DATE", "A")]
    assert pair_timexes(gold, system) == [(0, 0)]


# --- Intervals, languages, failures -----------------------------------------------------------


def test_interval_accuracy_counts_pairs_whose_gold_has_an_interval():
    [document] = read_gold([EVAL / "json" / "banjir-bekasi.id.json"])
    first, second, third = document.timexes
    system = [
        Predicted(first.span, "TIME", first.value, None, first.start, first.end),
        Predicted(second.span, "DATE", second.value, "START", second.start, "2024-07-01"),
        Predicted(third.span, "DURATION", "P3M", None, "2024-06-21", "2024-09-21"),
    ]
    result = score([(document, system)])
    assert (result.interval_accuracy.correct, result.interval_accuracy.total) == (1, 2)
    assert "interval  0.500" in result.to_text()


def test_documents_lang_is_passed_under_auto_and_overridden_by_an_explicit_lang():
    documents = list(read_gold([EVAL]))
    seen: list[str] = []

    def spy(text: str, published: date, lang: str) -> list[Predicted]:
        seen.append(lang)
        return []

    evaluate(documents, spy, "auto")
    assert seen == ["id", "en", "en", "auto"]  # the TimeML file has no language of its own
    seen.clear()
    evaluate(documents, spy, "en")
    assert seen == ["en"] * 4


def test_a_failing_document_is_listed_and_scored_as_empty():
    documents = list(read_gold([EVAL]))

    def flaky(text: str, published: date, lang: str) -> list[Predicted]:
        if "ferry" in text:
            raise RuntimeError("boom\nsecond line")
        if "council thanked" in text:
            return [Predicted((0, 999), "DATE", "2024")]
        return []

    result = evaluate(documents, flaky)
    assert result.documents == 4
    assert result.failed[0] == (
        "council-thanks",
        "ValueError: system span [0, 999] is not inside the text (50)",
    )
    assert result.failed[1] == ("harbour-ferry", "RuntimeError: boom")
    assert result.strict.gold == 11 and result.strict.system == 0


def test_system_output_is_sorted_and_lists_are_accepted_as_spans():
    text = "From Monday to Friday."
    gold = doc(text, ("Monday", "DATE", "2024-06-17"), ("Friday", "DATE", "2024-06-21"))
    friday, monday = at(text, "Friday"), at(text, "Monday")
    system = [
        Predicted(list(friday), "DATE", "2024-06-21"),  # type: ignore[arg-type]
        Predicted(list(monday), "DATE", "2024-06-17"),  # type: ignore[arg-type]
    ]
    result = score([(gold, system)])
    assert result.strict.f1 == 1.0 and result.value_accuracy.accuracy == 1.0


# --- Error classes -----------------------------------------------------------------------------


def test_error_classes_group_by_masked_lowercase_text_most_frequent_first():
    texts = ["Talks on Friday.", "Vote on friday.", "Due May 5.", "Due May 12.", "Friday!"]
    gold_values = {"Friday": "2024-06-21", "friday": "2024-06-21"}
    pairs = []
    for number, text in enumerate(texts):
        phrase = next(p for p in ("Friday", "friday", "May 5", "May 12") if p in text)
        value = gold_values.get(phrase, "2024-05")
        pairs.append((doc(text, (phrase, "DATE", value), doc_id=f"d{number}"), []))
    pairs.append((doc("Friday again.", ("Friday", "DATE", "X"), doc_id="d9"), []))
    result = score(pairs)
    classes = [(c.key, c.count, len(c.examples)) for c in result.errors["missed"]]
    assert classes == [("friday", 4, 3), ("may #", 2, 2)]
    assert [e.doc for e in result.errors["missed"][0].examples] == ["d0", "d1", "d4"]
    assert result.errors["missed"][0].examples[0].context == "Talks on [Friday]."


def test_value_key_shapes_and_differing_part():
    assert value_key("1998-01-08", "1998-01") == "9999-99-99 -> 9999-99"
    assert value_key("1998-01-08", "1999-01-08") == "9999-99-99 -> 9999-99-99 (year differs)"
    assert value_key("1998-W05", "1998-W06") == "9999-W99 -> 9999-W99 (month/week differs)"
    assert value_key("P3D", "P4D") == "P9D -> P9D (amount differs)"
    assert value_key("PAST_REF", "PRESENT_REF") == "PAST_REF -> PRESENT_REF"


def test_text_and_span_keys():
    assert text_key("  The  10:35 a.m.\nslot ") == "the #:# a.m. slot"
    text = "in the next 2 weeks"
    assert span_key(text, (3, 19), (12, 19)) == "lacks 'the next' before"
    assert span_key(text, (7, 19), (0, 13)) == "adds 'in the' before; lacks 'weeks' after"


# --- Output ------------------------------------------------------------------------------------


def _sample() -> Evaluation:
    text = "Output fell last week, the lowest since 2019, said analysts on Monday."
    gold = doc(text, ("last week", "DATE", "2024-W24"), ("2019", "DATE", "2019"))
    return score([(gold, [sys_at(text, "week", "DATE", "2024-W25")])])


def test_json_is_deterministic_and_complete():
    first, second = _sample().to_json(), _sample().to_json()
    assert first == second
    payload = json.loads(first)
    assert list(payload) == [
        "documents",
        "failed",
        "strict",
        "relaxed",
        "type",
        "value",
        "interval",
        "by_type",
        "error_counts",
        "errors",
    ]
    assert payload["relaxed"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
        "system_matched": 1,
        "system": 1,
        "gold_matched": 1,
        "gold": 2,
    }
    assert payload["value"] == {"accuracy": 0.0, "correct": 0, "total": 1, "f1": 0.0}
    assert payload["errors"]["missed"][0]["key"] == "#"


def test_show_errors_limits_the_classes():
    result = score(
        [
            (doc("On Monday.", ("Monday", "DATE", "A"), doc_id="a"), []),
            (doc("In 1998.", ("1998", "DATE", "1998"), doc_id="b"), []),
        ]
    )
    assert len(json.loads(result.to_json(show_errors=1))["errors"]["missed"]) == 1
    assert len(json.loads(result.to_json())["errors"]["missed"]) == 2
    assert "missed (2)" in result.to_text(5) and "missed" not in result.to_text(0)


def test_text_report_has_overall_by_type_and_errors():
    report = _sample().to_text(3)
    lines = report.splitlines()
    assert lines[0] == "1 documents, 2 gold timexes, 1 system timexes"
    assert any(line.startswith("strict    0.000  0.000  0.000") for line in lines)
    assert any(line.startswith("relaxed   1.000  0.500  0.667") for line in lines)
    assert any(line.startswith("DATE           2") for line in lines)
    assert "wrong value (1), most frequent:" in report
    assert "9999-W99 -> 9999-W99 (month/week differs)" in report


# --- dateparser as a baseline --------------------------------------------------------------------


def test_locate_in_order_finds_repeats_in_sequence():
    text = "Friday, then Friday again, then Monday."
    assert locate_in_order(text, ["Friday", "Friday", "Monday", "Sunday"]) == [
        (0, 6),
        (13, 19),
        (32, 38),
        None,
    ]


def test_dateparser_baseline_gives_day_valued_dates_with_spans():
    text = "The minister resigned on 5 March 2021 and left the country."
    found = dateparser_system(text, date(2021, 3, 9), "en")
    assert found, "dateparser found nothing"
    covering = [t for t in found if t.span[0] <= text.index("5 March") < t.span[1]]
    assert [(t.type, t.value) for t in covering] == [("DATE", "2021-03-05")]


# --- The command -------------------------------------------------------------------------------


def run_eval(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    from timeline.cli.app import main

    monkeypatch.setattr(sys, "argv", ["timeline", "eval", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


def test_eval_command_json_is_one_deterministic_object(monkeypatch, capsys):
    code, out, err = run_eval(monkeypatch, capsys, str(EVAL), "--json", "--show-errors", "2")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["documents"] == 4
    assert payload["strict"]["gold"] == 11 and payload["failed"] == []
    assert all(len(classes) <= 2 for classes in payload["errors"].values())
    assert payload["interval"]["total"] <= 4  # only the JSON gold gives intervals
    again = run_eval(monkeypatch, capsys, str(EVAL), "--json", "--show-errors", "2")
    assert again[1] == out


def test_eval_command_human_output(monkeypatch, capsys):
    code, out, _ = run_eval(monkeypatch, capsys, str(EVAL / "json"), "--show-errors", "1")
    assert code == 0
    assert out.startswith("3 documents, 6 gold timexes")
    assert "\nrelaxed " in out and "\ngold type " in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such/place"], "no such file or folder: no/such/place"),
        ([str(EVAL), "--lang", "xx"], "unknown language 'xx'"),
        ([str(EVAL), "--show-errors", "-1"], "invalid --show-errors -1"),
    ],
)
def test_eval_command_usage_errors_exit_2_with_one_line(monkeypatch, capsys, args, message):
    code, out, err = run_eval(monkeypatch, capsys, *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_eval_command_empty_folder_is_a_usage_error(monkeypatch, capsys, tmp_path):
    code, _, err = run_eval(monkeypatch, capsys, str(tmp_path))
    assert code == 2 and "no .tml or .json gold files" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x"', "not valid JSON"),
        (
            '{"id": "x", "text": "t", "published": "2024-01-01", "lang": "fr", "timexes": []}',
            "unknown language 'fr'",
        ),
    ],
)
def test_eval_command_bad_gold_data_exits_1(monkeypatch, capsys, tmp_path, content, message):
    (tmp_path / "gold.json").write_text(content, encoding="utf-8")
    code, out, err = run_eval(monkeypatch, capsys, str(tmp_path))
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
