"""`timeline plot` as a user runs it: formats, determinism, JSON round trip, errors, start-up cost.

No pixel comparisons: the files are checked for being valid pictures of the expected kind and
size, and for being byte-identical whenever their input is the same.
"""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.conftest import SEED, run_cli
from timeline.render.plot import PlotOptions, render
from timeline.render.samples import dense_document, wide_document

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """Run the CLI entry point in this process (fast): exit code and stderr."""
    from timeline.cli.app import main

    monkeypatch.setattr(sys, "argv", ["timeline", *args])
    with pytest.raises(SystemExit) as stop:
        main()
    return int(stop.value.code or 0), capsys.readouterr().err


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    path = folder / "seed.json"
    result = run_cli("extract", str(SEED), "--published", "2024-06-21", "-o", str(path))
    assert result.returncode == 0, result.stderr
    return path


def test_png_svg_pdf_are_written_and_valid(monkeypatch, capsys, tmp_path):
    for suffix in ("png", "svg", "pdf"):
        out = tmp_path / f"seed.{suffix}"
        code, err = _main(
            monkeypatch, capsys, "plot", str(SEED), "--published", "2024-06-21", "-o", str(out)
        )
        assert code == 0, err
        data = out.read_bytes()
        if suffix == "png":
            from PIL import Image

            assert data.startswith(PNG_SIGNATURE)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                assert image.size[0] == 12 * 150  # default width and dpi
        elif suffix == "svg":
            root = ElementTree.fromstring(data)
            assert root.tag.endswith("svg")
        else:
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary files


def test_matplotlib_can_read_the_png_back(monkeypatch, capsys, tmp_path):
    import matplotlib.image

    out = tmp_path / "wide.png"
    data, _ = render(wide_document(), "png", PlotOptions(dpi=60))
    out.write_bytes(data)
    pixels = matplotlib.image.imread(out)
    assert pixels.shape[1] == 12 * 60 and pixels.shape[2] in (3, 4)


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_the_same_input_gives_the_same_bytes(fmt):
    document = wide_document()
    options = PlotOptions(dpi=72)
    first, _ = render(document, fmt, options)
    second, _ = render(document, fmt, options)
    assert first == second


def test_json_and_article_give_the_same_picture(monkeypatch, capsys, tmp_path, seed_json):
    from_text, from_json = tmp_path / "text.png", tmp_path / "json.png"
    code, err = _main(
        monkeypatch, capsys, "plot", str(SEED), "-p", "2024-06-21", "-o", str(from_text)
    )
    assert code == 0, err
    code, err = _main(monkeypatch, capsys, "plot", str(seed_json), "-o", str(from_json))
    assert code == 0, err
    assert from_text.read_bytes() == from_json.read_bytes()


def test_an_html_page_plots_like_its_extract_json(monkeypatch, capsys, tmp_path):
    pytest.importorskip("trafilatura")
    page = SEED.parent / "html" / "banjir-demak.id.html"
    if not page.is_file():
        pytest.skip("no HTML fixture")
    extracted = tmp_path / "page.json"
    assert run_cli("extract", str(page), "-o", str(extracted)).returncode == 0
    from_page, from_json = tmp_path / "page.svg", tmp_path / "json.svg"
    assert _main(monkeypatch, capsys, "plot", str(page), "-o", str(from_page))[0] == 0
    assert _main(monkeypatch, capsys, "plot", str(extracted), "-o", str(from_json))[0] == 0
    assert from_page.read_bytes() == from_json.read_bytes()


def test_an_edited_json_plots_as_edited(monkeypatch, capsys, tmp_path, seed_json):
    import json

    data = json.loads(seed_json.read_text(encoding="utf-8"))
    data["events"] = data["events"][:2]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    before, after = tmp_path / "before.svg", tmp_path / "after.svg"
    assert _main(monkeypatch, capsys, "plot", str(seed_json), "-o", str(before))[0] == 0
    assert _main(monkeypatch, capsys, "plot", str(edited), "-o", str(after))[0] == 0
    assert before.read_bytes() != after.read_bytes()


def test_options_title_size_theme(monkeypatch, capsys, tmp_path, seed_json):
    from PIL import Image

    out = tmp_path / "sized.png"
    args = ["plot", str(seed_json), "-o", str(out), "--size", "10x7", "--dpi", "50"]
    code, err = _main(monkeypatch, capsys, *args, "--theme", "dark", "--title", "Judul")
    assert code == 0, err
    with Image.open(out) as image:
        assert image.size == (500, 350)
        assert image.getpixel((2, 2))[:3] == (0x15, 0x18, 0x1D)  # the dark background


def test_dense_picture_renders_every_event():
    from timeline.render.plot import _prepare

    document = dense_document(200)
    options = PlotOptions(dpi=40, max_height=100.0)  # room for all 200 (34 inches)
    plan, _, _, _ = _prepare(document, options)
    assert len(plan.layout.marks) == 200
    assert sum(len(text.lines) for text in plan.texts) >= 200  # one line per event at least
    assert plan.layout.crossings == 0
    data, notes = render(document, "png", options)
    assert data.startswith(PNG_SIGNATURE) and notes == []


@pytest.mark.parametrize(
    "args",
    [
        ["plot", "no-such-file.txt", "-p", "2024-06-21", "-o", "x.png"],
        ["plot", str(SEED), "-o", "x.png"],  # an article needs --published
        ["plot", str(SEED), "-p", "2024-06-21", "-o", "x.gif"],  # unknown suffix
        ["plot", str(SEED), "-p", "2024-06-21"],  # no output and no --show
        ["plot", str(SEED), "-p", "2024-06-21", "-o", "x.png", "--theme", "sepia"],
        ["plot", str(SEED), "-p", "2024-06-21", "-o", "x.png", "--size", "big"],
        ["plot", str(SEED), "-p", "2024-06-21", "-o", "x.png", "--size", "5x5", "--width", "5"],
        ["plot", str(SEED), "-p", "2024-06-21", "-o", "x.png", "--dpi", "0"],
        ["plot", str(SEED), "-p", "2024-06-21", "-o", "no/such/folder/x.png"],
    ],
)
def test_usage_errors_exit_2_with_one_line(args, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "from timeline.cli.app import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_bad_json_inputs_exit_2(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ', encoding="utf-8")
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"id": "x", "events": 3}', encoding="utf-8")
    for path in (broken, foreign):
        result = run_cli("plot", str(path), "-o", str(tmp_path / "x.png"))
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_json_on_standard_input_is_recognised(tmp_path, seed_json):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from timeline.cli.app import main; main()",
            "plot",
            "-",
            "-o",
            "x.png",
        ],
        input=seed_json.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.png").read_bytes().startswith(PNG_SIGNATURE)


def test_published_must_agree_with_the_json(tmp_path, seed_json):
    result = run_cli("plot", str(seed_json), "-p", "2024-06-22", "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "differs" in result.stderr


def test_importing_the_cli_does_not_import_matplotlib():
    probe = "import timeline.cli.app, sys; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr
