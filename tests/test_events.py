"""Events are happenings: each dated by the time its clause structure attaches to it, titled
briefly, told once per article; in Indonesian and in English."""

from __future__ import annotations

import pytest

from timeline import extract
from timeline.models.document import Document, Event


def _time(document: Document, event: Event) -> str | None:
    """The text of the time expression that dates the event."""
    if event.dated_by is None:
        return None
    return next(t.text for t in document.timexes if t.id == event.dated_by)


def _event(document: Document, word: str) -> Event:
    """The event whose predicate is `word` (dated or not)."""
    for event in [*document.events, *document.undated_events]:
        if event.trigger is not None and event.trigger.text == word:
            return event
    found = [e.trigger.text for e in [*document.events, *document.undated_events] if e.trigger]
    raise AssertionError(f"no event named by {word!r}: {found}")


def test_two_happenings_at_two_times_are_two_events_id():
    text = (
        "Landasan pacu diperpanjang pada kuartal ketiga 2024, sementara terminal lamanya "
        "dibangun pada tahun 1990-an."
    )
    document = extract(text, "2025-06-25", lang="id")
    extended, built = _event(document, "diperpanjang"), _event(document, "dibangun")
    assert _time(document, extended) == "kuartal ketiga 2024"
    assert _time(document, built) == "tahun 1990-an"
    assert extended.id != built.id


def test_each_clause_takes_its_own_time_en():
    text = (
        "Qantas said on Monday it would cut 300 jobs after its profit fell 12 per cent in Q3 2024."
    )
    document = extract(text, "2024-10-30", lang="en")
    said, fell = _event(document, "said"), _event(document, "fell")
    assert said.event_class == "REPORTING" and _time(document, said) == "Monday"
    assert _time(document, fell) == "Q3 2024"
    assert _event(document, "cut").dated_by is None  # the reported plan has no time of its own


@pytest.mark.parametrize(
    ("text", "lang", "verb"),
    [
        (
            "Perkumpulan untuk Pemilu dan Demokrasi (Perludem) menegaskan pentingnya revisi "
            "pada Senin (23/6).",
            "id",
            "menegaskan",
        ),
        ("The election and the referendum took place on Sunday.", "en", "took"),
    ],
)
def test_opening_nouns_joined_by_and_are_one_subject(text, lang, verb):
    document = extract(text, "2025-06-25", lang=lang)
    happenings = [*document.events, *document.undated_events]
    assert len(happenings) == 1
    assert _event(document, verb).dated_by == "t1"


def test_an_attribution_time_dates_the_saying_only():
    text = (
        '"Penangkapan Kadis PUPR bisa dilihat sebagai bagian dari aksi bersih-bersih," '
        "kata Walid, Senin (30/6)."
    )
    document = extract(text, "2025-07-02", lang="id")
    saying = _event(document, "kata")
    assert saying.event_class == "REPORTING" and _time(document, saying) == "Senin (30/6)"
    assert _event(document, "dilihat").dated_by is None
    # the saying is titled by what was said: a title drops the attribution
    assert saying.title.startswith("Penangkapan Kadis PUPR")


def test_a_fronted_time_governs_the_main_clauses():
    text = "Pada Senin, polisi menangkap dua pelaku dan menyita barang bukti."
    document = extract(text, "2025-06-25", lang="id")
    assert _time(document, _event(document, "menangkap")) == "Senin"
    assert _time(document, _event(document, "menyita")) == "Senin"


def test_a_finer_time_a_preposition_introduces_dates_the_happening():
    text = "The company expects to report fourth-quarter results on Feb. 4."
    document = extract(text, "2024-10-29", lang="en")
    assert _time(document, _event(document, "expects")) == "Feb. 4"


@pytest.mark.parametrize(
    ("text", "lang", "published", "word", "day"),
    [
        (
            "Pesawat itu tergelincir di Bandara Soekarno-Hatta pada Senin (23/6). Dua hari "
            "setelah insiden, Kementerian Perhubungan memanggil direksi maskapai.",
            "id",
            "2025-06-27",
            "memanggil",
            "2025-06-25",
        ),
        (
            "Polisi memanggil pilot pada Rabu (25/6). Sehari sebelum pemanggilan, petugas "
            "memeriksa kotak hitam.",
            "id",
            "2025-06-27",
            "memeriksa",
            "2025-06-24",
        ),
        (
            "The plane crashed on Monday. Two days after the crash, the ministry summoned the "
            "airline.",
            "en",
            "2025-06-27",
            "summoned",
            "2025-06-25",
        ),
    ],
)
def test_a_time_counted_from_a_dated_happening(text, lang, published, word, day):
    document = extract(text, published, lang=lang)
    event = _event(document, word)
    assert event.start == day
    counted = next(t for t in document.timexes if t.id == event.dated_by)
    named = next(e for e in document.events if e.id == counted.anchor_id)
    assert named.start is not None and named.id != event.id
    # the expression is the amount, as TimeML marks it; the title keeps neither it nor its signal
    assert counted.text.lower() in ("dua hari", "sehari", "two days")
    assert counted.type == "DATE" and counted.start == day
    relation_words = ("setelah", "sebelum", "after")
    assert not any(w in event.title.lower().split() for w in relation_words)


def test_a_happening_never_told_before_leaves_the_amount_a_duration():
    """'a year after rail strikes cut the 2024 edition': the strikes are told only in the
    clause that counts from them, so nothing dates the year from them."""
    text = (
        "The festival will open on Saturday with 310 events, organisers said on Friday, a year "
        "after rail strikes cut the 2024 edition short."
    )
    document = extract(text, "2025-03-14", lang="en")
    counted = next(t for t in document.timexes if t.text == "a year")
    assert counted.type == "DURATION" and counted.value == "P1Y"
    assert counted.anchor_id is None


def test_a_time_counted_from_an_undated_happening_keeps_the_relation():
    text = (
        "Warga melaporkan kebakaran gudang itu. Dua jam setelah kebakaran, petugas memadamkan api."
    )
    document = extract(text, "2025-06-27", lang="id")
    event = _event(document, "memadamkan")
    assert event.start is None and event.relation == "after"
    assert event.relative_to is not None


def test_one_happening_told_twice_is_one_event_with_both_mentions():
    text = (
        "Beberapa hari lalu, Presiden Rusia Vladimir Putin dan Kim Jong Un menandatangani "
        "perjanjian pertahanan. Putin dan Kim menandatangani perjanjian itu di Pyongyang."
    )
    document = extract(text, "2024-06-21", lang="id")
    signings = [e for e in document.events if e.trigger and e.trigger.text == "menandatangani"]
    assert len(signings) == 1 and len(signings[0].mentions) == 2
    assert signings[0].start == "2024-06-16"


def test_two_sayings_are_never_merged():
    text = "Budi mengatakan harga naik pada Senin. Budi mengatakan harga turun pada Selasa."
    document = extract(text, "2025-06-25", lang="id")
    sayings = [e for e in document.events if e.trigger and e.trigger.text == "mengatakan"]
    assert len(sayings) == 2


def test_a_sentence_without_a_time_continues_the_story_marked_inherited():
    text = "Banjir merendam Demak pada Rabu (19/6). Warga mengungsi ke balai desa."
    document = extract(text, "2024-06-21", lang="id")
    fled = _event(document, "mengungsi")
    assert fled.inherited and fled.start == "2024-06-19"
    assert _time(document, fled) == "Rabu (19/6)"
    # but nothing gets the publication date when the story has no time yet
    lone = extract("Warga mengungsi ke balai desa.", "2024-06-21", lang="id")
    assert lone.events == [] and lone.undated_events[0].dated_by is None


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        (
            "Beberapa hari lalu, pemimpin Rusia Vladimir Putin dan pemimpin Korea Utara Kim "
            "Jong Un telah menandatangani kesepakatan bersama.",
            "id",
            "Rusia Vladimir Putin dan Kim Jong Un menandatangani kesepakatan bersama",
        ),
        (
            "Menurut data maskapai, jumlah penumpang melonjak selama Ramadan.",
            "id",
            "Jumlah penumpang melonjak",
        ),
        (
            "On Tuesday, the council approved the new budget.",
            "en",
            "The council approved the new budget",
        ),
        # no joiner left dangling where the times were taken out
        ("Harga naik pada Februari 2021 dan awal tahun lalu.", "id", "Harga naik"),
        ("Prices rose in February 2021 and in early 2024.", "en", "Prices rose"),
    ],
)
def test_titles_drop_times_attribution_and_auxiliaries(text, lang, title):
    document = extract(text, "2025-06-25", lang=lang)
    titles = [e.title for e in [*document.events, *document.undated_events]]
    assert title in titles
    assert all(len(t.split()) <= 12 for t in titles)


def test_two_dates_joined_by_and_are_two_times_unless_adjacent():
    text = "Harga naik pada Februari 2021 dan awal tahun lalu."
    document = extract(text, "2025-06-25", lang="id")
    event = _event(document, "naik")
    assert (event.start, event.end) == ("2021-02-01", "2021-03-01")  # not up to 2024
    weekend = extract("Festival digelar pada Sabtu (22/6) dan Minggu (23/6).", "2024-06-21", "id")
    held = _event(weekend, "digelar")
    assert (held.start, held.end) == ("2024-06-22", "2024-06-24")


def test_events_are_validated_by_the_versioned_schema():
    document = extract("Polisi menangkap pelaku pada Senin.", "2025-06-25", lang="id")
    data = document.model_dump(mode="json")
    assert data["schema_version"] == "2"
    event = data["events"][0]
    for key in ("title", "dated_by", "sentence", "class", "trigger", "relative_to", "text"):
        assert key in event
    assert event["class"] == "OCCURRENCE"
