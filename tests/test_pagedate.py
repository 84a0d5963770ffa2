"""An HTML page's publication date: its metadata, else its byline, never its boilerplate."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import FIXTURES
from timeline.ingest.readers import read_article, reference_date

pytest.importorskip("trafilatura", reason="the html extra is not installed")

BODY = (
    "<p>Sebagian warga yang mengungsi sejak pekan lalu mulai kembali ke rumah masing-masing "
    "setelah air surut. Petugas membersihkan lumpur di jalan desa dan sekolah.</p>"
    "<p>Kepala desa mengatakan bantuan air bersih masih dibutuhkan hingga akhir bulan ini, "
    "dan sekolah akan dibuka kembali dua hari kemudian.</p>"
)
TITLE = "Warga mulai kembali ke rumah"


def page(tmp_path, head="", before="", after="", around=""):
    """A small news page: `before` sits between the headline and the text, `after` below the
    article, `around` beside it (a sidebar)."""
    path = tmp_path / "page.html"
    path.write_text(
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{TITLE}</title>'
        f"{head}</head><body><nav><a href='/'>Beranda</a></nav><article><h1>{TITLE}</h1>"
        f"{before}{BODY}{after}</article>{around}<footer>Hak cipta</footer></body></html>",
        encoding="utf-8",
    )
    return str(path)


SIDEBAR = (
    '<aside class="related"><h3>Berita terkait</h3><ul><li><a href="/a">Banjir meluas</a> '
    '<span class="date">Rabu, 13 Maret 2024</span></li></ul></aside>'
)


def test_a_related_articles_date_is_not_the_publication_date(tmp_path):
    """Issue 14: htmldate took the sidebar's <span class="date"> as the page's date."""
    article = read_article(page(tmp_path, around=SIDEBAR))
    assert article.published is None and article.published_source is None
    with pytest.raises(Exception, match="no publication date in its metadata or byline"):
        reference_date(None, article)


def test_boilerplate_dates_of_every_kind_are_ignored(tmp_path):
    boilerplate = (
        '<div role="complementary"><span class="date">12 Maret 2024</span></div>'
        '<aside><meta itemprop="datePublished" content="2024-03-11"></aside>'
    )
    caption = "<figure><figcaption>Foto: warga, Selasa (12/3/2024)</figcaption></figure>"
    footer = '<footer><time datetime="2024-03-10">10 Maret 2024</time></footer>'
    article = read_article(page(tmp_path, before=caption, after=footer, around=boilerplate))
    assert article.published is None


def test_metadata_is_labelled_metadata(tmp_path):
    head = '<meta property="article:published_time" content="2024-03-18T09:15:00+07:00">'
    article = read_article(page(tmp_path, head=head, around=SIDEBAR))
    assert (article.published, article.published_source) == (date(2024, 3, 18), "html-metadata")


def test_a_byline_date_is_labelled_byline_with_its_words(tmp_path):
    byline = "<div class='meta'>Oleh Sekar - Senin, 18 Maret 2024 | 09:15 WIB</div>"
    article = read_article(page(tmp_path, before=byline, around=SIDEBAR))
    assert (article.published, article.published_source) == (date(2024, 3, 18), "html-byline")
    assert article.published_evidence == "Senin, 18 Maret 2024 | 09:15 WIB"


def test_a_time_element_in_the_byline_wins_over_its_words(tmp_path):
    byline = '<p>Published <time datetime="2023-11-08T06:30:00Z">8 Nov</time>, updated 9 Nov</p>'
    article = read_article(page(tmp_path, before=byline))
    assert (article.published, article.published_source) == (date(2023, 11, 8), "html-byline")
    assert article.published_evidence == '<time datetime="2023-11-08T06:30:00Z">'


def test_an_updated_byline_gives_the_original_date(tmp_path):
    byline = "<div>Diperbarui 20 Maret 2024, terbit 18 Maret 2024</div>"
    assert read_article(page(tmp_path, before=byline)).published == date(2024, 3, 18)


def test_relative_or_partial_bylines_give_no_date(tmp_path):
    for byline in ("<div>2 jam lalu</div>", "<div>Senin (18/3)</div>", "<div>Maret 2024</div>"):
        assert read_article(page(tmp_path, before=byline)).published is None, byline


def test_a_date_in_the_article_text_is_not_a_byline(tmp_path):
    """A short lead that dates its event is the article, not its byline."""
    lead = "<p>DEMAK - Tanggul jebol pada Minggu (17/3/2024).</p>"
    assert read_article(page(tmp_path, before=lead)).published is None
    later = "<p>Hujan turun lagi pada Selasa, 19 Maret 2024, dan air naik kembali.</p>"
    assert read_article(page(tmp_path, after=later)).published is None


def test_byline_kept_in_the_text_by_the_extractor(tmp_path):
    """The cp1252 fixture's byline paragraph is kept by trafilatura as the text's first line;
    without the page's metadata it still dates the page."""
    raw = (FIXTURES / "html" / "festival-kopi.cp1252.id.html").read_bytes()
    path = tmp_path / "kopi.html"
    path.write_bytes(b"\n".join(line for line in raw.split(b"\n") if b"published_time" not in line))
    article = read_article(str(path))
    assert article.text.startswith("Penulis: Rahmat Fauzi")
    assert (article.published, article.published_source) == (date(2023, 8, 14), "html-byline")
