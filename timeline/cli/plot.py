"""`timeline plot`: draw an article's events, or an edited `timeline extract` JSON, as a picture."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.options import (
    Command,
    GenreOption,
    LangOption,
    PublishedOption,
    UsageProblem,
    check_genre,
    check_language,
    examples,
    parse_published,
)

SUFFIXES = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
THEMES = ("light", "dark")
_SIZE = re.compile(r"\s*([0-9]{1,3}(?:\.[0-9]{1,3})?)\s*[xX×]\s*([0-9]{1,3}(?:\.[0-9]{1,3})?)\s*")
MIN_INCHES = 3.0
MAX_INCHES = 100.0


def register(app: typer.Typer) -> None:
    app.command(
        "plot",
        cls=Command,
        short_help="Draw an article's timeline as PNG, SVG or PDF.",
        epilog=examples(
            "timeline plot article.txt -p 2024-06-21 -o timeline.png",
            "timeline plot page.html --picture-lang en -o timeline.svg",
            "timeline extract article.txt -p 2024-06-21 -o a.json   # edit a.json, then:",
            "timeline plot a.json --size 12x6 -o slide.pdf",
        ),
    )(plot_command)


def plot_command(
    input: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="An article (a text file, an HTML page, '-' for standard input) or a JSON "
            "file written by `timeline extract`.",
        ),
    ],
    published: PublishedOption = None,
    lang: LangOption = "auto",
    genre: GenreOption = "auto",
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Picture to write: .png, .svg or .pdf."
        ),
    ] = None,
    picture_lang: Annotated[
        str | None,
        typer.Option(
            "--picture-lang",
            metavar="LANG",
            help="Language of the picture's dates, legend and notes (id, en, ...) "
            "[default: the article's].",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Title; default: the document's title or first line."),
    ] = None,
    width: Annotated[
        float | None, typer.Option(metavar="INCHES", help="Width in inches (default 12).")
    ] = None,
    height: Annotated[
        float | None,
        typer.Option(
            metavar="INCHES",
            help="Height in inches (default: what the labels need, up to --max-height).",
        ),
    ] = None,
    size: Annotated[
        str | None, typer.Option(metavar="WxH", help="Width and height in inches, e.g. 12x6.")
    ] = None,
    max_height: Annotated[
        float,
        typer.Option(
            metavar="INCHES",
            help="Tallest picture: beyond it the least told events are left out, and the "
            "picture says how many.",
        ),
    ] = 30.0,
    dpi: Annotated[float, typer.Option(metavar="DPI", help="Resolution of PNG output.")] = 150.0,
    theme: Annotated[str, typer.Option(metavar="light|dark", help="Colours.")] = "light",
    show: Annotated[bool, typer.Option("--show", help="Also open it in a window.")] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Encoding of the input [default: utf-8; an HTML page's own charset].",
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            min=1, metavar="N", help="A story JSON: draw its N most reported happenings [12]."
        ),
    ] = None,
) -> None:
    """Plot the events of an article on a time axis: points, periods, vague times, publication.

    The picture's words and dates are in the article's language unless --picture-lang says
    otherwise. Characters its font cannot draw (emoji, CJK) are drawn as '�', with a warning.
    """
    fmt = _format_of(output, show)
    if theme not in THEMES:
        raise UsageProblem(f"unknown --theme {theme!r}; choose light or dark")
    if not 10 <= dpi <= 1200:
        raise UsageProblem(f"--dpi {dpi:g} is out of range (10 to 1200)")
    width, height = _dimensions(width, height, size)
    if not MIN_INCHES <= max_height <= MAX_INCHES:
        raise UsageProblem(
            f"--max-height {max_height:g} is out of range ({MIN_INCHES:g} to {MAX_INCHES:g} inches)"
        )
    check_language(lang)
    if picture_lang is not None:
        if picture_lang == "auto":
            raise UsageProblem("--picture-lang needs a language code (id, en, ...), not auto")
        check_language(picture_lang)
    check_genre(genre)
    reference = parse_published(published, required=False)

    from timeline.ingest.inputs import InputError, check_encoding
    from timeline.pipeline.sources import load_document
    from timeline.pipeline.story import read_story_json

    try:
        if encoding is not None:
            check_encoding(encoding)
        story = read_story_json(input, encoding)
        if story is not None:  # `timeline story` output: its own picture (docs/stories.md)
            _plot_story(story, fmt, output, show, top, title, width, height, dpi, theme)
            return
        if top is not None:
            raise UsageProblem("--top applies to a story JSON (what `timeline story` writes)")
        document = load_document(input, reference, lang, encoding, genre)
    except InputError as exc:
        # as in `timeline extract`: 2 for what the command line got wrong, 1 for bad content
        if exc.exit_code == 2:
            raise UsageProblem(str(exc)) from None
        typer.echo(f"timeline: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None

    import matplotlib

    if not show:  # headless: no display is touched, and pyplot (if anything loads it) uses Agg
        matplotlib.use("Agg")
    from timeline.render.plot import Note, PlotOptions, render
    from timeline.render.plot import show as show_window

    options = PlotOptions(
        title=title,
        width=width,
        height=height,
        dpi=dpi,
        theme=theme,
        language=picture_lang,
        max_height=max_height,
    )
    notes: list[Note] = []
    if output is not None:
        from timeline.render.atomic import OutputError, write_bytes

        data, notes = render(document, fmt, options)
        try:
            write_bytes(output, data)
        except OutputError as exc:
            raise UsageProblem(str(exc)) from None
    if show:
        notes += [n for n in show_window(document, options) if n not in notes]
    for note in notes:
        typer.echo(f"timeline: {'warning' if note.warning else 'note'}: {note}", err=True)


def _plot_story(
    story: object,
    fmt: str,
    output: str | None,
    show: bool,
    top: int | None,
    title: str | None,
    width: float,
    height: float | None,
    dpi: float,
    theme: str,
) -> None:
    """Draw a story JSON (timeline/render/story_plot.py); --show is not offered for stories."""
    import matplotlib

    matplotlib.use("Agg")
    from timeline.models.story import Story
    from timeline.render.atomic import OutputError, write_bytes
    from timeline.render.plot import PlotOptions
    from timeline.render.story_plot import TOP, render_story

    assert isinstance(story, Story)
    if output is None:
        raise UsageProblem("give -o FILE (.png, .svg or .pdf) to draw a story")
    options = PlotOptions(title=title, width=width, height=height, dpi=dpi, theme=theme)
    data, notes = render_story(story, fmt, options, top or TOP)
    try:
        write_bytes(output, data)
    except OutputError as exc:
        raise UsageProblem(str(exc)) from None
    if show:
        notes.append("--show is not available for a story; the picture is in the file")
    for note in notes:
        typer.echo(f"timeline: note: {note}", err=True)


def _format_of(output: str | None, show: bool) -> str:
    """The format named by the output's suffix; checked before any work is done."""
    if output is None:
        if show:
            return "png"
        raise UsageProblem("give -o FILE (.png, .svg or .pdf) or --show")
    path = Path(output)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageProblem(
            f"cannot tell the format of {output!r}: the name must end in .png, .svg or .pdf"
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageProblem(f"cannot write {output}: folder {folder} does not exist")
    if path.is_dir():
        raise UsageProblem(f"cannot write {output}: it is a directory")
    return SUFFIXES[suffix]


def _dimensions(
    width: float | None, height: float | None, size: str | None
) -> tuple[float, float | None]:
    if size is not None:
        if width is not None or height is not None:
            raise UsageProblem("give either --size or --width/--height, not both")
        match = _SIZE.fullmatch(size)
        if match is None:
            raise UsageProblem(
                f"invalid --size {size!r}: expected WIDTHxHEIGHT in inches, e.g. 12x6"
            )
        width, height = float(match.group(1)), float(match.group(2))
    width = 12.0 if width is None else width
    for name, value in (("width", width), ("height", height)):
        if value is not None and not MIN_INCHES <= value <= MAX_INCHES:
            raise UsageProblem(
                f"--{name} {value:g} is out of range ({MIN_INCHES:g} to {MAX_INCHES:g} inches)"
            )
    return width, height
