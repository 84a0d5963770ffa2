"""Deictic words inside a quotation count from the day its attribution gives for the saying."""

from __future__ import annotations

import pytest

from timeline import extract


def _values(text: str, published: str, lang: str) -> dict[str, tuple[str, str | None]]:
    document = extract(text, published, lang=lang)
    ids = {t.id: t.text for t in document.timexes}
    return {t.text: (t.value, ids.get(t.anchor_id or "")) for t in document.timexes}


@pytest.mark.parametrize(
    ("text", "lang", "word", "value", "said"),
    [
        (
            '"Besok kami akan memanggil aplikator," kata Aan, Senin (30/6).',
            "id",
            "Besok",
            "2025-07-01",
            "Senin (30/6)",
        ),
        (
            '"We will meet them tomorrow," the minister said on Monday.',
            "en",
            "tomorrow",
            "2025-07-01",
            "Monday",
        ),
        (
            "\u201cKemarin kami sudah rapat,\u201d ujar Budi, Senin (30/6).",
            "id",
            "Kemarin",
            "2025-06-29",
            "Senin (30/6)",
        ),
    ],
)
def test_a_quoted_deictic_counts_from_the_dated_saying(text, lang, word, value, said):
    found = _values(text, "2025-07-02", lang)
    assert found[word] == (value, said)


def test_outside_the_quotation_or_without_a_dated_saying_nothing_moves():
    text = (
        '"Besok kami memanggil aplikator," kata Aan, Senin (30/6). Polisi tiba besok. '
        '"Kemarin kami rapat," kata Budi.'
    )
    document = extract(text, "2025-07-02", lang="id")
    values = [(t.text, t.value) for t in document.timexes]
    assert ("besok", "2025-07-03") in values  # the article's own 'besok'
    assert ("Kemarin", "2025-07-01") in values  # an undated saying: from publication


def test_months_and_years_in_a_quotation_keep_the_publication_date():
    found = _values('"Bulan lalu harga naik," kata Aan, Senin (30/6).', "2025-07-02", "id")
    assert found["Bulan lalu"][0] == "2025-06"
