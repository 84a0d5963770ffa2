"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"
SEED = FIXTURES / "tajukrakyat-putin-kim-pact.id.txt"
SEED_PUBLISHED = date(2024, 6, 21)
REFERENCE = date(2024, 6, 21)  # a Friday in ISO week 2024-W25

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the `timeline` command as a user would, through the console entry point."""
    return subprocess.run(
        [sys.executable, "-c", "from timeline.cli.app import main; main()", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def run_in_process(monkeypatch, capsys, *args: str, stdin: bytes | None = None):
    """Run the CLI in this process (fast): exit code, stdout, stderr."""
    import io

    from timeline.cli.app import main

    monkeypatch.setattr(sys, "argv", ["timeline", *args])
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), out, err
