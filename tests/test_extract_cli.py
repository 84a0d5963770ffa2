"""`timeline extract` end to end: HTML pages, standard input, corpora in parallel, progress."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, SEED, run_cli, run_in_process

HTML = FIXTURES / "html"
try:
    import trafilatura  # noqa: F401

    HAS_HTML = True
except ImportError:
    HAS_HTML = False
needs_html = pytest.mark.skipif(not HAS_HTML, reason="the html extra is not installed")


def run_main(monkeypatch, capsys, *args: str, stdin: bytes | None = None):
    return run_in_process(monkeypatch, capsys, *args, stdin=stdin)


@needs_html
def test_html_page_needs_no_published(monkeypatch, capsys):
    code, out, err = run_main(monkeypatch, capsys, "extract", str(HTML / "banjir-demak.id.html"))
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["published"] == "2024-03-18"
    assert document["published_source"] == "html-metadata"
    assert (document["lang"], document["lang_source"]) == ("id", "detected")
    assert document["title"].startswith("Banjir Demak Meluas")
    values = {t["text"]: t["value"] for t in document["timexes"]}
    assert values["31 Maret 2024"] == "2024-03-31"
    assert values["Februari lalu"] == "2024-02"


@needs_html
def test_published_option_overrides_the_page(monkeypatch, capsys):
    page = str(HTML / "harbour-bridge.en.html")
    code, out, _ = run_main(monkeypatch, capsys, "extract", page, "-p", "2023-11-10", "-l", "en")
    document = json.loads(out)
    assert code == 0
    assert (document["published"], document["published_source"]) == ("2023-11-10", "cli")
    assert (document["lang"], document["lang_source"]) == ("en", "cli")


@needs_html
def test_html_on_standard_input_is_recognised(monkeypatch, capsys):
    page = (HTML / "harbour-bridge.en.html").read_bytes()
    code, out, _ = run_main(monkeypatch, capsys, "extract", "-", "-f", "jsonl", stdin=page)
    document = json.loads(out)
    assert code == 0 and document["id"] == "stdin"
    assert document["published_source"] == "html-metadata"


@needs_html
def test_page_without_a_date_is_a_usage_error(monkeypatch, capsys):
    page = str(HTML / "press-release-undated.en.html")
    code, out, err = run_main(monkeypatch, capsys, "extract", page)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "has no publication date in its metadata or byline" in err
    code, out, _ = run_main(monkeypatch, capsys, "extract", page, "-p", "2024-05-02")
    assert code == 0 and json.loads(out)["published_source"] == "cli"


def test_text_on_standard_input(monkeypatch, capsys):
    text = b"Kemarin hujan deras."
    code, out, _ = run_main(monkeypatch, capsys, "extract", "-", "-p", "2024-06-21", stdin=text)
    document = json.loads(out)
    assert code == 0 and document["id"] == "stdin"
    assert document["timexes"][0]["value"] == "2024-06-20"


def test_empty_inputs_are_empty_timelines(monkeypatch, capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run_main(monkeypatch, capsys, "extract", str(empty), "-p", "2024-06-21")
    document = json.loads(out)
    assert (code, err, document["timexes"], document["events"]) == (0, "", [], [])
    corpus = tmp_path / "empty.jsonl"
    corpus.write_text("\n\n", encoding="utf-8")
    code, out, err = run_main(monkeypatch, capsys, "extract", str(corpus))
    assert (code, json.loads(out), err) == (0, [], "")
    code, out, _ = run_main(monkeypatch, capsys, "extract", str(corpus), "-f", "csv")
    assert code == 0 and out.startswith("doc_id,event_id,") and out.count("\n") == 1


def _corpus(tmp_path, records: int = 24):
    seed = SEED.read_text(encoding="utf-8")
    lines = []
    for i in range(records):
        if i % 11 == 5:
            lines.append("{broken")
            continue
        text = seed if i % 3 == 0 else "The council met on Tuesday and will vote next week."
        lines.append(json.dumps({"id": f"d{i}", "text": text, "published": f"2024-06-{1 + i:02d}"}))
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jobs_give_byte_identical_output_in_input_order(tmp_path):
    corpus = _corpus(tmp_path)
    outputs = {}
    for fmt in ("jsonl", "csv"):
        for jobs in ("1", "2"):
            target = tmp_path / f"out-{fmt}-{jobs}"
            result = run_cli("extract", str(corpus), "-f", fmt, "--jobs", jobs, "-o", str(target))
            assert result.returncode == 1  # two broken lines
            assert result.stderr.count("\n") == 1 and "2 of 24 record(s) failed" in result.stderr
            outputs[fmt, jobs] = target.read_bytes()
    assert outputs["jsonl", "1"] == outputs["jsonl", "2"]
    assert outputs["csv", "1"] == outputs["csv", "2"]
    ids = [json.loads(line).get("id") for line in outputs["jsonl", "1"].decode().splitlines()]
    assert ids == [None if i % 11 == 5 else f"d{i}" for i in range(24)]


def test_corpus_sources_of_date_and_language(monkeypatch, capsys, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "Kemarin hujan.", "published": "2024-06-21T09:15:00+07:00"})
        + "\n"
        + json.dumps({"id": "b", "text": "Yesterday.", "published": "2024-06-21", "lang": "en"})
        + "\n"
        + json.dumps({"id": "c", "text": "Kemarin.", "lang": "xx"})
        + "\n"
        + json.dumps({"id": "d", "text": "Kemarin."})
        + "\n",
        encoding="utf-8",
    )
    code, out, _ = run_main(monkeypatch, capsys, "extract", str(corpus), "-f", "jsonl")
    a, b, c, d = (json.loads(line) for line in out.splitlines())
    assert code == 1
    assert (a["published"], a["published_source"], a["lang_source"]) == (
        "2024-06-21",
        "jsonl",
        "detected",
    )
    assert (b["lang"], b["lang_source"]) == ("en", "jsonl")
    assert "unknown language 'xx'" in c["error"]
    # no date anywhere, and the text names none to estimate it from
    assert d["error"].startswith(
        "no 'published' date (YYYY-MM-DD), no --published, and the text names no date"
    )
    code, out, _ = run_main(
        monkeypatch, capsys, "extract", str(corpus), "-f", "jsonl", "-p", "2024-01-02"
    )
    a, b, c, d = (json.loads(line) for line in out.splitlines())
    assert (a["published"], a["published_source"]) == ("2024-01-02", "cli")
    assert "unknown language 'xx'" in c["error"]
    assert (d["published"], d["published_source"]) == ("2024-01-02", "cli")


def test_language_we_lack_is_flagged_in_the_output(monkeypatch, capsys, tmp_path):
    page = tmp_path / "fr.txt"
    page.write_text(
        "Le conseil municipal s'est réuni mardi soir pour voter le budget de la ville, "
        "a annoncé le maire dans un communiqué publié hier.",
        encoding="utf-8",
    )
    code, out, _ = run_main(monkeypatch, capsys, "extract", str(page), "-p", "2024-06-21")
    document = json.loads(out)
    assert code == 0 and document["lang_source"] == "detected"
    assert any("looks like 'fr'" in warning for warning in document["warnings"])


def test_progress_bar_only_on_a_terminal(tmp_path):
    corpus = _corpus(tmp_path, records=4)
    quiet = run_cli("extract", str(corpus), "-f", "jsonl", "-o", str(tmp_path / "q.jsonl"))
    assert (quiet.returncode, quiet.stderr) == (0, "")
    import pty

    leader, follower = pty.openpty()
    try:
        shown = subprocess.run(
            [
                *(sys.executable, "-c", "from timeline.cli.app import main; main()", "extract"),
                *(str(corpus), "-f", "jsonl", "-o", str(tmp_path / "t.jsonl")),
            ],
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=120,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    assert shown.returncode == 0
    assert (tmp_path / "t.jsonl").read_bytes() == (tmp_path / "q.jsonl").read_bytes()
    assert b"extracting" in b"".join(chunks)


def test_jobs_are_capped_at_the_cpus_available(monkeypatch, capsys, tmp_path):
    corpus = _corpus(tmp_path, records=4)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    args = ["extract", str(corpus), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl")]
    code, _, err = run_main(monkeypatch, capsys, *args, "--jobs", "64")
    assert code == 0
    assert err == "timeline: --jobs 64 is more than the 1 CPU available; using 1\n"
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 4
    for jobs in ("1", "0"):  # within the limit, and 'one per CPU': nothing to say
        code, _, err = run_main(monkeypatch, capsys, *args, "--jobs", jobs)
        assert (code, err) == (0, "")


def test_output_name_chooses_the_format_unless_one_is_given(monkeypatch, capsys, tmp_path):
    corpus = tmp_path / "c.jsonl"
    records = [{"id": f"r{i}", "text": "Kemarin hujan.", "published": "2024-06-21"} for i in (1, 2)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    lines = tmp_path / "out.jsonl"
    code, _, _ = run_main(monkeypatch, capsys, "extract", str(corpus), "-o", str(lines))
    assert code == 0
    assert [json.loads(line)["id"] for line in lines.read_text().splitlines()] == ["r1", "r2"]
    table = tmp_path / "out.csv"
    run_main(monkeypatch, capsys, "extract", str(corpus), "-o", str(table))
    assert table.read_text().startswith("doc_id,event_id,")
    # an explicit format wins over the name, and any other name gets json
    for args, name in (((), "out.json"), (("-f", "json"), "forced.jsonl")):
        target = tmp_path / name
        run_main(monkeypatch, capsys, "extract", str(corpus), *args, "-o", str(target))
        assert [d["id"] for d in json.loads(target.read_text())] == ["r1", "r2"]
