"""How long `timeline plot` takes for a dense picture: 200 synthetic events to PNG.

    python benchmarks/plot_speed.py [--runs 5] [--events 200]

- Render: median wall time of `timeline.render.plot.render(document, "png")` in one process
  (after a warm-up render), split into planning (measuring text, axis pieces, label layout) and
  drawing (matplotlib drawing and PNG encoding). The document is `dense_document(events)`:
  two years of events, most of them in the last weeks before publication, with periods, vague
  references and 'since' events (timeline/render/samples.py). Also SVG and PDF.
- Command: median wall time of `timeline plot dense.json -o dense.png` in a fresh process
  (Python start-up, imports and all), over the same document written as extract JSON.

The target is a median render of at most 3 seconds on the machine in docs/plotting.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, machine_lines, median

TARGET_SECONDS = 3.0


def timed(function, runs: int) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return median(times), times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", type=int, default=200)
    args = parser.parse_args()

    import timeline.cli.app  # noqa: F401  (registers the commands, as the CLI does)
    from timeline.render.plot import PlotOptions, TextMeter, _prepare, plan, render
    from timeline.render.samples import dense_document

    document = dense_document(args.events)
    options = PlotOptions()
    render(document, "png", options)  # warm-up: imports, font cache

    png, png_runs = timed(lambda: render(document, "png", options), args.runs)
    prepared, _, _ = _prepare(document, options)
    planning, _ = timed(lambda: plan(prepared.timeline, options, TextMeter()), args.runs)
    svg, _ = timed(lambda: render(document, "svg", options), max(3, args.runs // 2))
    pdf, _ = timed(lambda: render(document, "pdf", options), max(3, args.runs // 2))
    data, _ = render(document, "png", options)

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "dense.json"
        source.write_text(document.model_dump_json(), encoding="utf-8")
        command = [
            sys.executable,
            "-c",
            "from timeline.cli.app import main; main()",
            "plot",
            str(source),
            "-o",
            str(Path(folder) / "dense.png"),
        ]
        cold, _ = timed(lambda: subprocess.run(command, check=True, cwd=REPO), 3)

    width, height = prepared.width / 72 * options.dpi, prepared.height / 72 * options.dpi
    print(f"## Plot speed: {args.events} synthetic events\n")
    print(*machine_lines(), sep="\n")
    print(f"- matplotlib {_version('matplotlib')}, Pillow {_version('pillow')}\n")
    print(f"| step | median of {args.runs} |")
    print("|---|---|")
    print(
        f"| render to PNG ({int(width)}x{int(height)} px, {len(data) // 1024} KiB) | {png:.2f} s |"
    )
    print(f"| of which planning (text sizes, axis, layout) | {planning:.2f} s |")
    print(f"| render to SVG | {svg:.2f} s |")
    print(f"| render to PDF | {pdf:.2f} s |")
    print(f"| `timeline plot dense.json -o dense.png`, fresh process | {cold:.2f} s |")
    print(f"\nPNG runs: {', '.join(f'{t:.2f}' for t in png_runs)} s")
    verdict = "meets" if png <= TARGET_SECONDS else "MISSES"
    print(f"Median PNG render {png:.2f} s {verdict} the {TARGET_SECONDS:g} s target.")
    return 0 if png <= TARGET_SECONDS else 1


def _version(name: str) -> str:
    from _common import package_version

    return package_version(name)


if __name__ == "__main__":
    sys.exit(main())
