"""Bad input gets one line and an exit code, never a traceback; any text extracts; same bytes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEED, run_in_process
from timeline.cli.app import main
from timeline.pipeline.document import extract_document as extract

S = str(SEED)


def run_main(monkeypatch, capsys, args: list[str], stdin: bytes | None = None):
    return run_in_process(monkeypatch, capsys, *args, stdin=stdin)


def _files(tmp: Path) -> dict[str, Path]:
    (tmp / "binary.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20)
    (tmp / "latin1.txt").write_bytes("Kemarin café ditutup.".encode("latin-1"))
    (tmp / "utf16.txt").write_bytes("Kemarin hujan.".encode("utf-16"))
    (tmp / "afile").write_text("x", encoding="utf-8")
    (tmp / "folder.jsonl").mkdir()
    return {p.name: p for p in tmp.iterdir()}


# (arguments, exit code, a phrase the one error line must contain); {tmp} is a scratch folder.
BAD_INPUTS = [
    ([S, "-p", "21/06/2024"], 2, "expected YYYY-MM-DD"),
    ([S, "-p", "2024-02-30"], 2, "no such date"),
    ([S, "-p", "2024-06-21", "-l", "fr"], 2, "unknown language 'fr'"),
    ([S], 2, "--published YYYY-MM-DD is required"),
    (["{tmp}/missing.txt", "-p", "2024-06-21"], 2, "no such file"),
    (["{tmp}", "-p", "2024-06-21"], 2, "is a directory"),
    (["{tmp}/folder.jsonl"], 2, "is a directory"),
    (["{tmp}/missing.jsonl"], 2, "no such file"),
    (["{tmp}/binary.bin", "-p", "2024-06-21"], 1, "looks binary"),
    (["{tmp}/latin1.txt", "-p", "2024-06-21"], 1, "not valid utf-8 (byte 11); pass --encoding"),
    (["{tmp}/utf16.txt", "-p", "2024-06-21"], 1, "pass --encoding utf-16"),
    ([S, "-p", "2024-06-21", "--encoding", "klingon"], 2, "unknown encoding 'klingon'"),
    ([S, "-p", "2024-06-21", "-o", "{tmp}/no/such/out.json"], 2, "does not exist"),
    ([S, "-p", "2024-06-21", "-o", "{tmp}"], 2, "is a directory"),
    ([S, "-p", "2024-06-21", "-o", "{tmp}/afile/out.json"], 2, "is a file, not a folder"),
    ([S, "-p", "2024-06-21", "-f", "pdf"], 2, "unknown --format 'pdf'"),
    ([S, "-p", "2024-06-21", "--jobs", "-1"], 2, "--jobs"),
    ([S, "-p", "2024-06-21", "--no-such-option"], 2, "No such option"),
]


@pytest.mark.parametrize(("args", "code", "phrase"), BAD_INPUTS, ids=lambda v: str(v)[:40])
def test_bad_input_is_one_line_and_an_exit_code(monkeypatch, capsys, tmp_path, args, code, phrase):
    _files(tmp_path)
    argv = ["extract", *(a.replace("{tmp}", str(tmp_path)) for a in args)]
    got, out, err = run_main(monkeypatch, capsys, argv)
    assert got == code, err
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("timeline: error: "), err
    assert phrase in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "afile",
        "binary.bin",
        "folder.jsonl",
        "latin1.txt",
        "utf16.txt",
    ]  # nothing half-written left behind


def test_encoding_option_reads_the_file(monkeypatch, capsys, tmp_path):
    files = _files(tmp_path)
    args = ["extract", str(files["latin1.txt"]), "-p", "2024-06-21", "--encoding", "latin-1"]
    code, out, _ = run_main(monkeypatch, capsys, args)
    assert code == 0 and json.loads(out)["timexes"][0]["value"] == "2024-06-20"


def test_a_corpus_with_bad_records_goes_on_and_sums_up(monkeypatch, capsys, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        b'{"id": "ok", "text": "Kemarin hujan.", "published": "2024-06-21"}\n'
        b"this is not json\n"
        b'{"id": "notext", "published": "2024-06-21"}\n'
        b'{"id": "baddate", "text": "x", "published": "21 Juni 2024"}\n'
        b'{"id": "impossible", "text": "x", "published": "2024-02-30"}\n'
        b'{"id": "latin", "text": "caf\xe9", "published": "2024-06-21"}\n'
        b'{"id": "last", "text": "Besok cerah.", "published": "2024-06-21"}\n'
    )
    code, out, err = run_main(monkeypatch, capsys, ["extract", str(corpus)])
    entries = json.loads(out)
    assert code == 1
    assert err == (
        "timeline: 5 of 7 record(s) failed (lines 2, 3, 4, 5, 6); "
        "see the error entries in the output\n"
    )
    assert [e.get("id") for e in entries] == [
        "ok",
        None,
        "notext",
        "baddate",
        "impossible",
        None,
        "last",
    ]
    errors = {e["line"]: e["error"] for e in entries if "error" in e}
    assert errors[2].startswith("not JSON")
    assert errors[3] == "no 'text' string"
    assert errors[4] == "bad 'published' '21 Juni 2024': use YYYY-MM-DD"
    assert errors[5] == "bad 'published' '2024-02-30': use YYYY-MM-DD"
    assert errors[6] == "line is not valid utf-8 (byte 28)"


def test_write_failure_mid_run_leaves_no_file(monkeypatch, capsys, tmp_path):
    """An exception while the output is being written: no target, no temporary file."""
    from timeline.engines import corpus as corpus_module

    source = tmp_path / "c.jsonl"
    source.write_text(
        "\n".join(
            json.dumps({"id": str(i), "text": "Kemarin.", "published": "2024-06-21"})
            for i in range(5)
        ),
        encoding="utf-8",
    )
    original = corpus_module.process_record
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise MemoryError("simulated")
        return original(*args, **kwargs)

    monkeypatch.setattr(corpus_module, "process_record", failing)
    monkeypatch.setattr(
        sys, "argv", ["timeline", "extract", str(source), "-o", str(tmp_path / "out.json")]
    )
    with pytest.raises(MemoryError):
        main()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_same_input_same_bytes(monkeypatch, capsys):
    outputs = set()
    for _ in range(2):
        for fmt in ("json", "timeml", "timelinejs", "csv"):
            code, out, _ = run_main(
                monkeypatch, capsys, ["extract", S, "-p", "2024-06-21", "-f", fmt]
            )
            assert code == 0
            outputs.add((fmt, out))
    assert len(outputs) == 4


# --------------------------------------------------------------------------------------------
# Any text at all

_TOKENS = [
    "Senin",
    "(",
    ")",
    "19/6",
    "/6/",
    "2024",
    "Juni",
    "June",
    "lalu",
    "ago",
    "last",
    "depan",
    "next",
    "pukul",
    "10.00",
    "WIB",
    "awal",
    "akhir",
    "bulan",
    "tahun",
    "minggu",
    "week",
    "hari",
    "days",
    "tiga",
    "three",
    "beberapa",
    "a few",
    "sejak",
    "since",
    "-",
    "–",
    ".",
    ",",
    "\n",
    "kemarin",
    "yesterday",
    "1-2",
    "17-19",
    "ke-3",
    "1990-an",
    "'90s",
    "Q3",
    "pagi",
    "malam",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        st.text(max_size=120),
        st.lists(st.sampled_from(_TOKENS), max_size=30).map(" ".join),
        st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join),
    ),
    lang=st.sampled_from(["id", "en", "auto"]),
)
def test_random_text_never_raises_and_spans_stay_inside(text, lang):
    document = extract(text, "2024-06-21", lang)
    assert document.text_length == len(text)
    for timex in document.timexes:
        begin, end = timex.span
        assert 0 <= begin < end <= len(text)
        assert text[begin:end] == timex.text
    for event in [*document.events, *document.undated_events]:
        begin, end = event.span
        assert 0 <= begin <= end <= len(text)
        for mention in event.mentions:
            assert 0 <= mention.span[0] <= mention.span[1] <= len(text)


@pytest.mark.parametrize("pattern", ["(", "Senin (", "/6/", " ", ".", "1234567890", "Juni "])
def test_pathological_patterns_extract(pattern):
    """A smoke test on a few KB; benchmarks/adversarial.py measures megabytes."""
    text = pattern * (2000 // len(pattern))
    document = extract(text, "2024-06-21", "id")
    assert document.text_length == len(text)
