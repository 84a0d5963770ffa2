"""Shared by the benchmark scripts: where the corpora are, and what machine and code was measured.

The research corpora are read in place from ../shared/corpora (beside the repository), never
copied: their licence allows research use only.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the repository; TIMELINE_SHARED points elsewhere (e.g. from a clean worktree).
SHARED = Path(os.environ.get("TIMELINE_SHARED") or REPO.parent / "shared")
CORPORA = SHARED / "corpora"
CORPUS_NAMES = ("timebank", "aquaint")

if str(REPO) not in sys.path:  # run as `python benchmarks/x.py` from anywhere
    sys.path.insert(0, str(REPO))


def available_corpora() -> dict[str, Path]:
    """The dev corpora that are present, by name; empty when ../shared is absent."""
    return {name: CORPORA / name for name in CORPUS_NAMES if (CORPORA / name).is_dir()}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def git_commit() -> str:
    """The commit measured, with '+dirty' when the working tree has uncommitted changes."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def machine_lines() -> list[str]:
    """What a reader needs to compare numbers: when, which code, which machine and libraries."""
    return [
        f"- measured: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}, commit {git_commit()}",
        f"- machine: {platform.platform()}, {cpu_model()}, {os.cpu_count()} CPUs",
        f"- Python {platform.python_version()}, dateparser {package_version('dateparser')}",
    ]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
