"""Reading inputs (text, HTML pages, JSONL records), detecting the language, writing atomically."""

from __future__ import annotations

import codecs
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from timeline.ingest.inputs import InputError, InputUsageError, decode
from timeline.ingest.readers import is_html, read_article, read_jsonl, reference_date
from timeline.render.atomic import OutputError, atomic_writer, write_text

HTML = FIXTURES / "html"
trafilatura = pytest.importorskip("trafilatura", reason="the html extra is not installed")


# --------------------------------------------------------------------------------------------
# Plain text


def test_utf8_bom_is_dropped_and_title_is_the_first_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"\n  Judul berita  \nKemarin hujan.")
    article = read_article(str(path))
    assert article.text.startswith("\n  Judul")
    assert article.title == "Judul berita"
    assert article.published is None and article.kind == "text"
    assert article.doc_id == "a.txt"


def test_decode_names_the_expected_encoding_and_the_way_out():
    with pytest.raises(InputError, match=r"not valid utf-8 \(byte 3\); pass --encoding"):
        decode(b"caf\xe9", "utf-8", "x.txt")
    assert decode(b"caf\xe9", "latin-1", "x.txt") == "café"


def test_binary_and_utf16_are_told_apart():
    with pytest.raises(InputError, match="looks binary"):
        decode(b"\x7fELF\x02\x01\x00\x00", "utf-8", "prog")
    with pytest.raises(InputError, match=r"UTF-16 text.*--encoding utf-16"):
        decode("Kemarin".encode("utf-16"), "utf-8", "u16.txt")
    assert decode("Kemarin".encode("utf-16"), "utf-16", "u16.txt") == "Kemarin"


def test_path_problems_are_usage_errors(tmp_path):
    for source, message in (
        (str(tmp_path / "nope.txt"), "no such file"),
        (str(tmp_path), "directory"),
    ):
        with pytest.raises(InputUsageError, match=message) as caught:
            read_article(source)
        assert caught.value.exit_code == 2
    with pytest.raises(InputUsageError, match="unknown encoding"):
        decode(b"x", "no-such-codec", "x.txt")


def test_reference_date_prefers_the_command_line():
    text = read_article(str(FIXTURES / "tajukrakyat-putin-kim-pact.id.txt"))
    with pytest.raises(InputUsageError, match="--published YYYY-MM-DD is required"):
        reference_date(None, text)
    assert reference_date(date(2024, 6, 21), text) == (date(2024, 6, 21), "cli")


# --------------------------------------------------------------------------------------------
# HTML pages


def test_indonesian_page_text_title_and_date_from_its_metadata():
    article = read_article(str(HTML / "banjir-demak.id.html"))
    assert article.kind == "html"
    assert article.title == "Banjir Demak Meluas, 12 Desa Terendam dan Ribuan Warga Mengungsi"
    # the article published on the 18th, modified on the 19th: the original date counts
    assert article.published == date(2024, 3, 18)
    assert article.published_source == "html-metadata"
    assert "Tanggul itu jebol pada Minggu (17/3/2024) dini hari" in article.text
    for boilerplate in ("Indeks Berita", "Berita Terkait", "hak cipta", "Bagikan", "Terpopuler"):
        assert boilerplate not in article.text


def test_english_page_dated_by_json_ld_only():
    article = read_article(str(HTML / "harbour-bridge.en.html"))
    assert article.published == date(2023, 11, 8)
    assert article.title == "Harbour bridge to close for three weeks of repairs"
    assert "corroded support cables" in article.text
    for boilerplate in ("cookies", "About time too", "Subscribe", "Privacy"):
        assert boilerplate not in article.text
    assert reference_date(date(2023, 11, 9), article) == (date(2023, 11, 9), "cli")
    assert reference_date(None, article) == (date(2023, 11, 8), "html-metadata")


def test_page_without_a_date_asks_for_published():
    article = read_article(str(HTML / "press-release-undated.en.html"))
    assert article.published is None
    assert "open on Sundays" in article.text
    with pytest.raises(InputUsageError, match="no publication date in its metadata or byline"):
        reference_date(None, article)


def test_page_in_its_declared_legacy_charset():
    raw = (HTML / "festival-kopi.cp1252.id.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = read_article(str(HTML / "festival-kopi.cp1252.id.html"))
    assert "“Kami ingin kopi Gayo dikenal lagi di pasar dunia,”" in article.text
    assert "café" in article.text
    assert article.published == date(2023, 8, 14)


def test_html_is_sniffed_on_standard_input_but_not_in_a_txt_file():
    page = b"\xef\xbb\xbf\n  <!DOCTYPE html><html><body><p>x</p></body></html>"
    assert is_html("-", page)
    assert is_html("page.HTM", b"")
    assert not is_html("notes.txt", page)
    assert not is_html("-", b"Kemarin <b>hujan</b>")


def test_empty_or_textless_page_gives_empty_text(tmp_path):
    for content in ("", "<html><head><title>x</title></head><body></body></html>"):
        path = tmp_path / "empty.html"
        path.write_text(content, encoding="utf-8")
        assert read_article(str(path)).text == ""


def test_missing_html_extra_is_one_clear_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    with pytest.raises(InputUsageError) as caught:
        read_article(str(HTML / "harbour-bridge.en.html"))
    assert str(caught.value) == "reading HTML needs the html extra: pip install 'timeline[html]'"


# --------------------------------------------------------------------------------------------
# JSONL records


def test_jsonl_records_errors_and_blank_lines(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        b'{"id": 7, "text": "a", "published": "2024-06-21", "lang": "id", "title": "T"}\n'
        b"\n"
        b"   \n"
        b"[1, 2]\n"
        b'{"text": 5}\n'
        b'{"text": "caf\xe9"}\n' + b"[" * 100000 + b"\n"
        b'{"text": "no date"}'
    )
    records = list(read_jsonl(str(corpus)))
    assert [r.line for r in records] == [1, 4, 5, 6, 7, 8]
    first = records[0]
    assert (first.id, first.text, first.published, first.lang, first.title) == (
        "7",
        "a",
        "2024-06-21",
        "id",
        "T",
    )
    assert [r.error for r in records[1:]] == [
        "not a JSON object",
        "no 'text' string",
        "line is not valid utf-8 (byte 13)",
        "not JSON: nested too deeply",
        None,
    ]
    assert records[-1].published is None


# --------------------------------------------------------------------------------------------
# Language detection


def test_detector_picks_among_our_languages_and_warns_about_others():
    from timeline.ingest.detect import detect

    assert detect("Presiden bertemu pemimpin Korea Utara pada Rabu malam.").lang == "id"
    assert detect("The council met on Tuesday to approve the budget.").lang == "en"
    # Malay is Indonesian's neighbour: read as Indonesian, no warning
    malay = detect("Kerajaan Malaysia akan melaksanakan dasar baharu itu pada tahun depan.")
    assert (malay.lang, malay.warning) == ("id", None)
    french = detect(
        "Le conseil municipal s'est réuni mardi soir pour voter le budget de la ville, "
        "a annoncé le maire dans un communiqué publié hier."
    )
    assert french.lang in ("en", "id") and "looks like 'fr'" in (french.warning or "")
    assert detect("").lang == detect("12345 ... !!!").lang == "en"  # no letters: the first code
    assert detect("Kemarin hujan.", ["id"]).lang == "id"


def test_detector_is_not_imported_by_the_cli_module():
    import subprocess

    code = "import sys, timeline.cli.app; print('timeline.ingest.detect' in sys.modules, 'py3langid' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


# --------------------------------------------------------------------------------------------
# Atomic output


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_exception_mid_write_leaves_no_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.json"
    with pytest.raises(RuntimeError), atomic_writer(target) as out:
        out.write("half of it")
        raise RuntimeError("interrupted")
    assert _leftovers(tmp_path) == []


def test_exception_mid_write_keeps_the_previous_file(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o600)
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as out:
        out.write("new")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old"
    write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert _leftovers(tmp_path) == ["out.json"]


def test_unwritable_targets_are_one_line_errors(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    cases = {
        tmp_path / "missing" / "out.json": "does not exist",
        tmp_path: "is a directory",
        afile / "out.json": "is a file, not a folder",
    }
    for target, message in cases.items():
        with pytest.raises(OutputError, match=message), atomic_writer(target) as out:
            out.write("x")
    assert _leftovers(tmp_path) == ["afile"]


def test_symlink_target_is_replaced_through_the_link(tmp_path):
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text(link, "data")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "data"


def test_devices_are_written_directly():
    with atomic_writer(os.devnull) as out:
        out.write("nothing")
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_page_date_does_not_depend_on_the_clock(tmp_path):
    """htmldate rejects dates after today by default; we fix its bounds so a page gives the
    same date whenever it is processed (here one dated years ahead of any test run)."""
    page = tmp_path / "future.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2031-05-04T10:00:00+07:00">'
        "<title>Masa depan</title></head><body><article><h1>Masa depan</h1><p>Kemarin hujan "
        "deras mengguyur kota dan besok diperkirakan cerah kembali.</p></article></body></html>",
        encoding="utf-8",
    )
    assert read_article(str(page)).published == date(2031, 5, 4)
