"""Draw docs/architecture.png: the data flow of `timeline`, one box per folder.

    python docs/architecture.py        # rewrites docs/architecture.png

The picture is generated from the table below, so the boxes say the same as docs/architecture.md
and the folders of timeline/ (tests/test_architecture.py checks the folder order).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

OUT = Path(__file__).with_name("architecture.png")

FLOW = [  # the pipeline, left to right
    ("ingest", "text, HTML, JSONL;\npublication date; language;\nsentences"),
    ("tagging", "find expressions\n(every rule, linear time)"),
    ("resolution", "spec + anchor ->\nTIMEX3 value, interval"),
    ("discourse", "which anchor, which tense;\ngenre; report focus"),
    ("events", "happenings dated\nby their times; titles"),
    ("stories", "many articles ->\none timeline"),
    ("render", "PNG/SVG/PDF, TimeML,\nTimelineJS, CSV"),
]
BASE = [  # what the pipeline stands on
    ("calendar", "units, arithmetic,\nholidays"),
    ("grammar", "templates -> regexes;\nroles -> specs"),
    ("languages", "id.toml, en.toml,\nprofiles/ (data)"),
    ("models", "pydantic: the JSON\nand its schema"),
]
TOP = [  # what runs the pipeline
    ("cli", "typer commands (thin)"),
    ("pipeline", "one phrase, one document:\nthe one path of every input"),
    ("engines", "a corpus: one process,\nworkers, Dask"),
    ("evaluation", "TempEval-3, anchoring,\nstories, cases"),
]
COLOURS = {"flow": "#dbe9f6", "base": "#eeeeee", "top": "#fdebd0", "edge": "#4a4a4a"}


def box(ax, x, y, w, h, name, job, colour):  # type: ignore[no-untyped-def]
    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle="round,pad=0.02,rounding_size=0.08",
            facecolor=colour,
            edgecolor=COLOURS["edge"],
            linewidth=1.0,
        )
    )
    ax.text(x + w / 2, y + h - 0.18, name + "/", ha="center", va="top", fontsize=11, weight="bold")
    ax.text(x + w / 2, y + h - 0.5, job, ha="center", va="top", fontsize=8, linespacing=1.3)


def arrow(ax, start, end, style="-|>", colour="#4a4a4a", dashed=False):  # type: ignore[no-untyped-def]
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle=style,
            mutation_scale=12,
            color=colour,
            linewidth=1.2,
            linestyle="--" if dashed else "-",
            shrinkA=2,
            shrinkB=2,
        )
    )


def main() -> None:
    width, height = 16.5, 7.6
    fig, ax = plt.subplots(figsize=(width, height))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    w, h, gap = 2.05, 1.35, 0.28
    flow_y = 3.2
    left = 0.4
    centres = []
    for i, (name, job) in enumerate(FLOW):
        x = left + i * (w + gap)
        box(ax, x, flow_y, w, h, name, job, COLOURS["flow"])
        centres.append((x, x + w))
        if i:
            arrow(ax, (centres[i - 1][1], flow_y + h / 2), (x, flow_y + h / 2))
    ax.text(left, flow_y + h + 0.12, "text in", fontsize=9, color="#555555")
    ax.text(
        left + len(FLOW) * (w + gap) - gap,
        flow_y + h + 0.12,
        "picture, JSON out",
        fontsize=9,
        color="#555555",
        ha="right",
    )
    base_w = 3.3
    base_y = 0.5
    for i, (name, job) in enumerate(BASE):
        x = left + 0.6 + i * (base_w + 0.75)
        box(ax, x, base_y, base_w, h, name, job, COLOURS["base"])
        arrow(ax, (x + base_w / 2, base_y + h), (x + base_w / 2, flow_y - 0.45), dashed=True)
    top_y = 5.75
    for i, (name, job) in enumerate(TOP):
        x = left + 0.6 + i * (base_w + 0.75)
        box(ax, x, top_y, base_w, h, name, job, COLOURS["top"])
        arrow(ax, (x + base_w / 2, top_y - 0.02), (x + base_w / 2, flow_y + h + 0.6), dashed=True)
    right = left + len(FLOW) * (w + gap) - gap
    for y, label in (
        (flow_y - 0.45, "used by every stage of the pipeline"),
        (flow_y + h + 0.6, "run the pipeline"),
    ):
        ax.plot([left, right], [y, y], color="#888888", linewidth=2.5, solid_capstyle="round")
        ax.text(right, y + 0.08, label, ha="right", va="bottom", fontsize=8, color="#555555")
    ax.text(
        width - 0.3,
        0.12,
        "arrows: data flows left to right; a folder imports only what stands before it",
        ha="right",
        fontsize=8,
        color="#555555",
    )
    fig.savefig(OUT, dpi=110, bbox_inches="tight", metadata={"Software": None})
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
