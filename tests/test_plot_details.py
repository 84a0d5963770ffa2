"""What a reader of the picture meets: characters the font lacks, dollar signs, the title, the
picture's language, short periods, and a height that stays bounded however long the text.

The plans are checked directly (what is drawn where, in which words); the command is run where
the user's experience is the point (a warning on stderr, an exit code).
"""

from __future__ import annotations

import io
import itertools
import tomllib
from string import Formatter

import pytest

from tests.conftest import SEED, run_in_process
from timeline.models.document import Document, Event, EventMention
from timeline.render.dates import date_words
from timeline.render.glyphs import REPLACEMENT, GlyphFilter
from timeline.render.items import build_timeline, headline
from timeline.render.plot import (
    POINTS,
    TITLE_SIZE,
    Painter,
    PlotOptions,
    TextMeter,
    _prepare,
    plan,
    render,
)
from timeline.render.samples import dense_document
from timeline.render.words import picture_words

PNG = b"\x89PNG\r\n\x1a\n"


def _document(events: list[Event], title: str | None = None, lang: str = "en") -> Document:
    return Document(id="d", published="2024-06-21", lang=lang, title=title, events=events)


def _event(n: int, start: str, end: str, text: str = "", **fields) -> Event:
    fields.setdefault("value", start[:10])
    return Event(
        id=f"e{n}",
        text=text or f"event number {n} happened",
        span=(n * 10, n * 10 + 5),
        start=start,
        end=end,
        type="DATE",
        **fields,
    )


# ---------------------------------------------------------------- characters the font lacks


def test_emoji_and_cjk_are_drawn_as_a_replacement_with_a_warning(monkeypatch, capsys, tmp_path):
    article = tmp_path / "fire.txt"
    article.write_text(
        "Kebakaran 🔥 besar terjadi di pasar 米 pada Senin (17/6/2024). Warga panik 👍🏽.\n",
        encoding="utf-8",
    )
    out = tmp_path / "fire.png"
    code, _, err = run_in_process(
        monkeypatch, capsys, "plot", str(article), "-p", "2024-06-21", "-o", str(out)
    )
    assert code == 0, err
    assert out.read_bytes().startswith(PNG)
    assert "Traceback" not in err
    warnings = [line for line in err.splitlines() if line.startswith("timeline: warning:")]
    assert len(warnings) == 1
    assert "U+1F525" in warnings[0] and "U+7C73" in warnings[0] and REPLACEMENT in warnings[0]


def test_a_symbol_with_joiners_and_skin_tones_gets_one_stand_in():
    clean = GlyphFilter()
    assert (
        clean("pasar 米米 👍🏽 👨\u200d👩\u200d👧 ok")
        == f"pasar {REPLACEMENT * 2} {REPLACEMENT} {REPLACEMENT} ok"
    )
    assert clean("café – “kutipan” ≈ 16–19 Jun →") == "café – “kutipan” ≈ 16–19 Jun →"
    assert list(clean.missing) == ["米", "👍", "👨"]


def test_dollar_signs_are_text_not_mathematics():
    """Two dollar amounts in a title must not be set as a formula (which drops the '$' and
    italicises the words between them): the drawn title is as wide as it was measured."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from timeline.render.plot import RC

    title = "Firm raised $5 million, up from $3 million"
    document = _document([_event(1, "2024-06-17", "2024-06-18")], title=title)
    with matplotlib.rc_context(RC):
        prepared, words, meter, _ = _prepare(document, PlotOptions())
        figure = Figure(figsize=(prepared.width / POINTS, prepared.height / POINTS), dpi=72)
        painter = Painter(figure, prepared, _light(), words, meter)
        painter.draw()
        renderer = FigureCanvasAgg(figure).get_renderer()
        drawn = [t for t in painter.ax.texts if t.get_text() == title]
        assert len(drawn) == 1
        width = drawn[0].get_window_extent(renderer).width * POINTS / figure.dpi
    assert width == pytest.approx(meter.width(title, TITLE_SIZE, bold=True), abs=2.0)


def _light() -> dict[str, str]:
    from timeline.render.plot import THEMES

    return THEMES["light"]


# ---------------------------------------------------------------- the title and the labels


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        (
            "Rusia dan Korea Utara mencapai kesepakatan.",
            "Rusia dan Korea Utara mencapai kesepakatan",
        ),
        ("Putin visits the U.S.", "Putin visits the U.S."),
        ("Talks go on...", "Talks go on..."),
        ("Who will win?", "Who will win?"),
    ],
)
def test_the_heading_drops_a_sentences_full_stop_only(title, heading):
    assert headline(title) == heading


def test_a_title_the_user_gives_is_kept_as_given():
    document = _document([_event(1, "2024-06-17", "2024-06-18")], title="From the page.")
    assert build_timeline(document, date_words("en")).title == "From the page"
    assert build_timeline(document, date_words("en"), title="Mine.").title == "Mine."


def test_labels_use_the_events_title_when_it_has_one():
    document = _document(
        [
            _event(1, "2024-06-17", "2024-06-18", text="a long clause", title="Short title"),
            _event(2, "2024-06-18", "2024-06-19", text="the clause itself"),
        ]
    )
    items = build_timeline(document, date_words("en")).items
    assert [item.text for item in items] == ["Short title", "the clause itself"]


# ---------------------------------------------------------------- the picture's language


def test_an_indonesian_article_gets_an_indonesian_picture_and_a_flag_changes_it():
    document = _document([_event(1, "2024-05-01", "2024-06-01")], lang="id")
    own = plan(build_timeline(document, date_words("id")), PlotOptions(), TextMeter())
    prepared, _, _, _ = _prepare(document, PlotOptions())
    assert prepared.timeline.phrases.lang == "id"
    assert prepared.timeline.published_text == "21 Jun 2024"
    assert prepared.timeline.items[0].when == "Mei 2024"
    assert "peristiwa bertanggal" in " ".join(prepared.subtitle)
    english, _, _, _ = _prepare(document, PlotOptions(language="en"))
    assert english.timeline.phrases.lang == "en"
    assert english.timeline.published_text == "Jun 21, 2024"
    assert english.timeline.items[0].when == "May 2024"
    assert "1 dated event" in " ".join(english.subtitle)
    assert own.legend  # the legend exists in both; its words come from the same table
    assert picture_words("id").say("legend_point") != picture_words("en").say("legend_point")


def test_every_language_file_has_the_pictures_words_with_the_same_placeholders():
    from importlib import resources

    from timeline.languages import available

    def table(code: str) -> dict:
        text = resources.files("timeline.languages").joinpath(f"{code}.toml").read_text("utf-8")
        return tomllib.loads(text).get("picture", {})

    def fields(phrase) -> set[str]:
        forms = [phrase] if isinstance(phrase, str) else list(phrase.values())
        return {name for form in forms for _, name, _, _ in Formatter().parse(form) if name}

    english = table("en")
    assert table("id")  # the shipped languages have one; another may rely on English
    for code in available():
        words = table(code)
        if not words:
            continue
        assert set(words) == set(english), code
        for key, phrase in words.items():
            assert fields(phrase) == fields(english[key]), (code, key)


def test_an_unknown_picture_language_is_a_usage_error(monkeypatch, capsys, tmp_path):
    out = tmp_path / "x.png"
    for value in ("xx", "auto"):
        code, _, err = run_in_process(
            monkeypatch, capsys, "plot", str(SEED), "-p", "2024-06-21", "-o", str(out),
            "--picture-lang", value,
        )  # fmt: skip
        assert code == 2 and len(err.strip().splitlines()) == 1
    assert not out.exists()


# ---------------------------------------------------------------- marks and their legend


def test_a_week_too_short_for_the_scale_is_not_called_a_day_or_less():
    yearly = [_event(10 + y, f"{2014 + y}-01-15", f"{2014 + y}-01-16") for y in range(10)]
    document = _document(
        [
            *yearly,  # one event a year for ten years: an axis with no cut
            _event(2, "2019-06-10", "2019-06-17", value="2019-W24"),
            _event(3, "2019-06-19", "2019-06-20"),
        ]
    )
    prepared, _, _, _ = _prepare(document, PlotOptions())
    kinds = dict(zip([i.event_id for i in prepared.timeline.items], prepared.kinds, strict=True))
    assert not prepared.scale.breaks
    assert (kinds["e2"], kinds["e3"], kinds["e10"]) == ("short", "point", "point")
    entries = [entry for entry, _, _ in prepared.legend]
    assert "short" in entries and "point" in entries
    assert picture_words("en").say("legend_short") == "a period too short to draw to scale"
    week = next(
        m for m, k in zip(prepared.layout.marks, prepared.kinds, strict=True) if k == "short"
    )
    day = next(
        m for m, k in zip(prepared.layout.marks, prepared.kinds, strict=True) if k == "point"
    )
    assert week.x1 - week.x0 > day.x1 - day.x0  # a pill, wider than a dot


def test_a_picture_of_days_only_has_no_short_period_in_its_legend():
    document = _document(
        [_event(1, "2024-06-17", "2024-06-18"), _event(2, "2024-06-19", "2024-06-20")]
    )
    prepared, _, _, _ = _prepare(document, PlotOptions())
    assert [entry for entry, _, _ in prepared.legend] == ["point", "published"]


# ---------------------------------------------------------------- a bounded height


def _told(document: Document, often: dict[str, int]) -> Document:
    events = []
    for event in document.events:
        times = often.get(event.id, 1)
        mentions = [EventMention(text=event.text, span=event.span)] * times
        events.append(event.model_copy(update={"mentions": mentions}))
    return document.model_copy(update={"events": events})


def test_a_long_text_gives_a_bounded_picture_of_its_most_told_events():
    document = _told(dense_document(400), {"e390": 3, "e395": 2})
    prepared, _, _, _ = _prepare(document, PlotOptions(dpi=40))
    timeline = prepared.timeline
    assert prepared.height <= 30 * POINTS + 0.5
    drawn = {item.event_id for item in timeline.items}
    left = {item.event_id for item in timeline.left_out}
    assert left and not drawn & left and len(drawn | left) == 400  # nothing silently lost
    assert {"e390", "e395"} <= drawn  # told more often than any other
    worst_kept = max(item.importance for item in timeline.items)
    assert all(item.importance > worst_kept for item in timeline.left_out)
    assert any(str(len(left)) in line for line, _ in prepared.note_lines)
    assert f"{len(drawn)} drawn" in " ".join(prepared.subtitle)


def test_the_command_says_how_many_events_were_left_out(monkeypatch, capsys, tmp_path):
    from PIL import Image

    source = tmp_path / "dense.json"
    source.write_text(dense_document(400).model_dump_json(), encoding="utf-8")
    out = tmp_path / "dense.png"
    code, _, err = run_in_process(
        monkeypatch, capsys, "plot", str(source), "-o", str(out), "--dpi", "20",
        "--max-height", "12",
    )  # fmt: skip
    assert code == 0, err
    with Image.open(io.BytesIO(out.read_bytes())) as image:
        assert image.size[1] <= 12 * 20
    assert "of 400 events left out" in err and "--max-height 12" in err


def test_a_fixed_height_is_kept_by_leaving_events_out():
    data, notes = render(dense_document(120), "png", PlotOptions(dpi=20, width=12, height=8))
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (240, 160)
    assert any(note.warning and "--height 8" in note.text for note in notes)


def test_max_height_out_of_range_is_a_usage_error(monkeypatch, capsys, tmp_path):
    code, _, err = run_in_process(
        monkeypatch, capsys, "plot", str(SEED), "-p", "2024-06-21", "-o",
        str(tmp_path / "x.png"), "--max-height", "1",
    )  # fmt: skip
    assert code == 2 and "--max-height" in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- events bunched before publication


def test_days_bunched_before_publication_get_a_magnified_piece_of_the_axis():
    """Events every month for a year keep the axis whole (no gap to cut); the four events of
    the last week would sit a few points apart. The last days get a magnified piece instead."""
    monthly = [
        _event(30 + m, f"{2023 + (6 + m) // 12}-{(6 + m) % 12 + 1:02d}-15",
               f"{2023 + (6 + m) // 12}-{(6 + m) % 12 + 1:02d}-16")
        for m in range(11)
    ]  # fmt: skip
    events = [
        *monthly,
        *[_event(10 + d, f"2024-06-{14 + d}", f"2024-06-{15 + d}") for d in range(0, 7, 2)],
    ]
    prepared, _, _, _ = _prepare(_document(events), PlotOptions())
    scale = prepared.scale
    zoomed = scale.zoomed
    assert zoomed is not None and zoomed.zoom >= 3
    assert not scale.breaks  # a seam, not a cut: time runs on
    last_week = [
        (m.x0 + m.x1) / 2
        for m, i in zip(prepared.layout.marks, prepared.timeline.items, strict=True)
        if i.event_id in ("e10", "e12", "e14", "e16")
    ]
    assert len(last_week) == 4
    assert min(b - a for a, b in itertools.pairwise(last_week)) >= 24
    assert scale.x(zoomed.t0) == pytest.approx(zoomed.x0)  # continuous across the seam
    assert picture_words("en").say("zoomed", 5) == "zoomed in ×5"


def test_events_spread_evenly_get_no_magnified_piece():
    yearly = [_event(10 + y, f"{2014 + y}-01-15", f"{2014 + y}-01-16") for y in range(10)]
    prepared, _, _, _ = _prepare(_document(yearly), PlotOptions())
    assert prepared.scale.zoomed is None
